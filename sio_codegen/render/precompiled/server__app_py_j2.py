# Compiled from templates/server/app.py.j2 by Jinja2 3.1.6: DO NOT EDIT.
# Regenerate with python tests/golden.py (sio_codegen.render.jinja.write_precompiled).
COMPILED_FROM = '86ed3ae0ca4c42cd6d4654b6bab254da0ef156739a61db485e86eb05cdaa06f3'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'server/app.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_is_async = resolve('is_async')
    l_0_server_attr = resolve('server_attr')
    pass
    yield '"""The '
    yield str(('ASGI' if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async) else 'Flask'))
    yield ' app factory of this server: yours to edit (created once, never overwritten).\n\nConfiguration, from arguments or the environment (see ``_generated/serving.py``):\n- ``SIO_CORS_ORIGINS``: the origins allowed to connect, comma separated (the server\'s own\n  origin too, if pages from it connect), or ``*`` for any; unset, the same origin only;\n- ``SIO_MESSAGE_QUEUE``: a message queue URL (e.g. ``redis://127.0.0.1:6379/0``) to run several\n  server processes;\n- ``SIO_VALIDATE=0``: switch payload, ack and emit validation off;\n- ``SIO_MAX_CONNECTIONS`` (1000), ``SIO_PING_INTERVAL`` (25 s), ``SIO_PING_TIMEOUT`` (20 s),\n  ``SIO_MAX_MESSAGE_SIZE`` (1,000,000 bytes), ``SIO_MAX_JSON_DEPTH`` (128);\n- ``SIO_DOCS``: serve the API\'s docs under ``/docs`` (``1``) or another base path (see ``_generated/docs.py``).\n"""\n\nfrom __future__ import annotations\n\n'
    if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async):
        pass
        yield 'from typing import Any\n\nfrom socketio import ASGIApp, AsyncServer  # type: ignore[import-untyped]\n'
    else:
        pass
        yield 'from flask import Flask\nfrom flask_socketio import SocketIO\n'
    yield '\nfrom ._generated.docs import serve_docs\nfrom ._generated.mock import Mock\nfrom ._generated.server import SOCKETIO_PATH, register_handlers\nfrom ._generated.serving import Settings'
    yield str(('' if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async) else ', route_socketio_path'))
    yield '\nfrom .handlers import all_handlers\n\n\ndef create_app(\n    *,\n    cors_allowed_origins: str | list[str] | None = None,\n    message_queue: str | None = None,\n    validate: bool | None = None,\n    max_connections: int | None = None,\n    docs: str | bool | None = None,\n    mock: Mock | None = None,\n'
    if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async):
        pass
        yield '    other_asgi_app: Any = None,\n) -> ASGIApp:\n    """Build the ASGI app: python-socketio\'s AsyncServer with every namespace\'s handlers, served\n    under ``SOCKETIO_PATH``; every other request goes to ``other_asgi_app`` (a FastAPI or\n    Starlette app, say) when one is given. Arguments left None come from the environment."""\n'
    else:
        pass
        yield ') -> tuple[Flask, SocketIO]:\n    """Build the Flask app and its SocketIO server with every namespace\'s handlers; arguments\n    left None come from the environment."""\n    app = Flask(__name__)\n    route_socketio_path(app, SOCKETIO_PATH)  # each event\'s request context then routes fast\n'
    yield '    settings = Settings.from_env(\n        cors_allowed_origins=cors_allowed_origins,\n        message_queue=message_queue,\n        validate=validate,\n        max_connections=max_connections,\n    )\n'
    if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async):
        pass
        yield '    sio = AsyncServer(**settings.socketio_options())\n'
    else:
        pass
        yield '    socketio = SocketIO(app, path=SOCKETIO_PATH, **settings.socketio_options())\n'
    yield '    register_handlers(\n        '
    yield str((undefined(name='server_attr') if l_0_server_attr is missing else l_0_server_attr))
    yield ',\n        *(all_handlers() if mock is None else mock.handlers(all_handlers())),\n        validate=settings.validate,\n        max_connections=settings.max_connections,\n    )\n'
    if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async):
        pass
        yield '    app = ASGIApp(\n        sio,\n        other_asgi_app,\n        socketio_path=SOCKETIO_PATH,\n        on_startup=None if mock is None else lambda: mock.start(sio),\n    )\n    return serve_docs(app, docs)\n'
    else:
        pass
        yield '    serve_docs(app, docs)\n    if mock is not None:\n        mock.start(socketio)\n    return app, socketio\n'

blocks = {}
debug_info = '1=14&16=16&28=23&40=25&59=32&65=39&70=41'
