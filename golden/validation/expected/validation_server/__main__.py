"""``python -m validation_server [--host H] [--port P]``: run the server (yours to edit)."""

from __future__ import annotations

import argparse
import logging
import os

from .app import create_app


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m validation_server", description="Validation features server"
    )
    parser.add_argument("--host", default=os.environ.get("SIO_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("SIO_PORT", "5000")))
    parser.add_argument("--cors-origins", default=None, help="comma separated, or *")
    parser.add_argument("--message-queue", default=None, help="e.g. redis://127.0.0.1:6379/0")
    parser.add_argument("--no-validate", action="store_true", help="switch validation off")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    origins = None
    if args.cors_origins:
        origins = "*" if args.cors_origins == "*" else args.cors_origins.split(",")
    app, socketio = create_app(
        cors_allowed_origins=origins,
        message_queue=args.message_queue,
        validate=False if args.no_validate else None,
    )
    socketio.run(app, host=args.host, port=args.port, allow_unsafe_werkzeug=True)


if __name__ == "__main__":
    main()
