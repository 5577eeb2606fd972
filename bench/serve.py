"""A benchmark server on 127.0.0.1: ``python serve.py KIND PORT [PACKAGE_DIR]``.

KIND: ``plain`` (a hand-written Flask-SocketIO handler, the ceiling), ``generated`` or
``generated-novalidate`` (the generated package in PACKAGE_DIR, validation on or off)."""

from __future__ import annotations

import logging
import sys
from typing import Any

from flask import Flask
from flask_socketio import SocketIO


def plain_app() -> tuple[Flask, SocketIO]:
    app = Flask(__name__)
    socketio = SocketIO(app, async_mode="threading")

    @socketio.on("echo")
    def echo(data: dict[str, Any]) -> dict[str, Any]:
        return {"id": data["id"], "length": len(data["text"])}

    return app, socketio


def generated_app(package_dir: str, validate: bool) -> tuple[Flask, SocketIO]:
    sys.path.insert(0, package_dir)
    from bench_server.app import create_app  # type: ignore[import-not-found]

    app, socketio = create_app(validate=validate)
    return app, socketio


def main() -> None:
    kind, port = sys.argv[1], int(sys.argv[2])
    logging.basicConfig(level=logging.ERROR)
    if kind == "plain":
        app, socketio = plain_app()
    else:
        app, socketio = generated_app(sys.argv[3], validate=kind == "generated")
    socketio.run(app, host="127.0.0.1", port=port, allow_unsafe_werkzeug=True, log_output=False)


if __name__ == "__main__":
    main()
