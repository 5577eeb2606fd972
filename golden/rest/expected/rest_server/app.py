"""The Flask app factory of this server: yours to edit (created once, never overwritten).

Configuration, from arguments or the environment (see ``_generated/serving.py``):
- ``SIO_CORS_ORIGINS``: the origins allowed to connect, comma separated (the server's own
  origin too, if pages from it connect), or ``*`` for any; unset, the same origin only;
- ``SIO_MESSAGE_QUEUE``: a message queue URL (e.g. ``redis://127.0.0.1:6379/0``) to run several
  server processes;
- ``SIO_VALIDATE=0``: switch payload, ack and emit validation off;
- ``SIO_MAX_CONNECTIONS`` (1000), ``SIO_PING_INTERVAL`` (25 s), ``SIO_PING_TIMEOUT`` (20 s),
  ``SIO_MAX_MESSAGE_SIZE`` (1,000,000 bytes), ``SIO_MAX_JSON_DEPTH`` (128);
- ``SIO_DOCS``: serve the API's docs under ``/docs`` (``1``) or another base path (see ``_generated/docs.py``).
"""

from __future__ import annotations

from flask import Flask
from flask_socketio import SocketIO

from ._generated.docs import serve_docs
from ._generated.mock import Mock
from ._generated.server import SOCKETIO_PATH, register_handlers
from ._generated.serving import Settings, route_socketio_path
from .handlers import all_handlers


def create_app(
    *,
    cors_allowed_origins: str | list[str] | None = None,
    message_queue: str | None = None,
    validate: bool | None = None,
    max_connections: int | None = None,
    docs: str | bool | None = None,
    mock: Mock | None = None,
) -> tuple[Flask, SocketIO]:
    """Build the Flask app and its SocketIO server with every namespace's handlers; arguments
    left None come from the environment."""
    app = Flask(__name__)
    route_socketio_path(app, SOCKETIO_PATH)  # each event's request context then routes fast
    settings = Settings.from_env(
        cors_allowed_origins=cors_allowed_origins,
        message_queue=message_queue,
        validate=validate,
        max_connections=max_connections,
    )
    socketio = SocketIO(app, path=SOCKETIO_PATH, **settings.socketio_options())
    register_handlers(
        socketio,
        *(all_handlers() if mock is None else mock.handlers(all_handlers())),
        validate=settings.validate,
        max_connections=settings.max_connections,
    )
    serve_docs(app, docs)
    if mock is not None:
        mock.start(socketio)
    return app, socketio
