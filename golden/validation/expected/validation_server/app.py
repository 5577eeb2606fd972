"""The Flask app factory of this server: yours to edit (created once, never overwritten).

Configuration, from arguments or the environment:
- ``SIO_CORS_ORIGINS``: allowed CORS origins, comma separated, or ``*``;
- ``SIO_MESSAGE_QUEUE``: a message queue URL (e.g. ``redis://127.0.0.1:6379/0``) to run several
  server processes;
- ``SIO_VALIDATE=0``: switch payload, ack and emit validation off.
"""

from __future__ import annotations

import os

from flask import Flask
from flask_socketio import SocketIO

from ._generated.server import SOCKETIO_PATH, register_handlers
from .handlers import all_handlers


def _origins(value: str | None) -> str | list[str] | None:
    if not value:
        return None
    return "*" if value.strip() == "*" else [o.strip() for o in value.split(",") if o.strip()]


def create_app(
    *,
    cors_allowed_origins: str | list[str] | None = None,
    message_queue: str | None = None,
    validate: bool | None = None,
) -> tuple[Flask, SocketIO]:
    """Build the Flask app and its SocketIO server with every namespace's handlers."""
    app = Flask(__name__)
    if cors_allowed_origins is None:
        cors_allowed_origins = _origins(os.environ.get("SIO_CORS_ORIGINS"))
    if message_queue is None:
        message_queue = os.environ.get("SIO_MESSAGE_QUEUE") or None
    if validate is None:
        validate = os.environ.get("SIO_VALIDATE", "1") not in ("0", "false", "no")
    socketio = SocketIO(
        app,
        path=SOCKETIO_PATH,
        cors_allowed_origins=cors_allowed_origins if cors_allowed_origins is not None else [],
        message_queue=message_queue,
        async_mode="threading",
    )
    register_handlers(socketio, *all_handlers(), validate=validate)
    return app, socketio
