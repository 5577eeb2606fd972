"""The ASGI app factory of this server: yours to edit (created once, never overwritten).

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

from typing import Any

from socketio import ASGIApp, AsyncServer  # type: ignore[import-untyped]

from ._generated.docs import serve_docs
from ._generated.mock import Mock
from ._generated.server import SOCKETIO_PATH, register_handlers
from ._generated.serving import Settings
from .handlers import all_handlers


def create_app(
    *,
    cors_allowed_origins: str | list[str] | None = None,
    message_queue: str | None = None,
    validate: bool | None = None,
    max_connections: int | None = None,
    docs: str | bool | None = None,
    mock: Mock | None = None,
    other_asgi_app: Any = None,
) -> ASGIApp:
    """Build the ASGI app: python-socketio's AsyncServer with every namespace's handlers, served
    under ``SOCKETIO_PATH``; every other request goes to ``other_asgi_app`` (a FastAPI or
    Starlette app, say) when one is given. Arguments left None come from the environment."""
    settings = Settings.from_env(
        cors_allowed_origins=cors_allowed_origins,
        message_queue=message_queue,
        validate=validate,
        max_connections=max_connections,
    )
    sio = AsyncServer(**settings.socketio_options())
    register_handlers(
        sio,
        *(all_handlers() if mock is None else mock.handlers(all_handlers())),
        validate=settings.validate,
        max_connections=settings.max_connections,
    )
    app = ASGIApp(
        sio,
        other_asgi_app,
        socketio_path=SOCKETIO_PATH,
        on_startup=None if mock is None else lambda: mock.start(sio),
    )
    return serve_docs(app, docs)
