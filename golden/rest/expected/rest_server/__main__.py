"""``python -m rest_server [--host H] [--port P]``: run the server for development (yours to
edit). In production run it under gunicorn instead (see ``wsgi.py``)::

    gunicorn -c python:rest_server._generated.gunicorn_conf rest_server.wsgi:app
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from ._generated.docs import docs_base
from ._generated.mock import add_mock_arguments, mock_from_args
from ._generated.serving import DevRequestHandler, Settings, parse_origins
from .app import create_app


def main() -> None:
    parser = argparse.ArgumentParser(
        prog="python -m rest_server", description="Rest arguments server (development)"
    )
    parser.add_argument("--host", default=os.environ.get("SIO_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("SIO_PORT", "5000")))
    parser.add_argument(
        "--cors-origins",
        default=None,
        help="origins allowed to connect, comma separated, or * (default: same origin only)",
    )
    parser.add_argument("--message-queue", default=None, help="e.g. redis://127.0.0.1:6379/0")
    parser.add_argument(
        "--max-connections", type=int, default=None, help="Engine.IO connections at once"
    )
    parser.add_argument("--no-validate", action="store_true", help="switch validation off")
    parser.add_argument(
        "--docs",
        nargs="?",
        const=True,
        default=None,
        metavar="PATH",
        help="serve the API's docs under PATH (default /docs)",
    )
    add_mock_arguments(parser)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        settings = Settings.from_env(message_queue=args.message_queue)
        docs_base(args.docs)
    except ValueError as exc:  # an unusable SIO_* value or option
        parser.exit(2, f"{parser.prog}: {exc}\n")
    print(f"serving on http://{args.host}:{args.port} (development server; in production: "
          "gunicorn -c python:rest_server._generated.gunicorn_conf rest_server.wsgi:app)",
          file=sys.stderr, flush=True)  # fmt: skip
    app, socketio = create_app(
        cors_allowed_origins=parse_origins(args.cors_origins),
        message_queue=args.message_queue,
        validate=False if args.no_validate else None,
        max_connections=args.max_connections,
        docs=True if args.mock and args.docs is None else args.docs,
        mock=mock_from_args(args),
    )
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # its banner and one line per request
    DevRequestHandler.timeout = settings.ping_interval + settings.ping_timeout + 10
    socketio.run(app, host=args.host, port=args.port, allow_unsafe_werkzeug=True,
                 request_handler=DevRequestHandler)  # fmt: skip


if __name__ == "__main__":
    main()
