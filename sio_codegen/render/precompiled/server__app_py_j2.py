# Compiled from templates/server/app.py.j2 by Jinja2 3.1.6: DO NOT EDIT.
# Regenerate with python tests/golden.py (sio_codegen.render.jinja.write_precompiled).
COMPILED_FROM = 'fb1fc45b33c5ec50e039a255eb2cbf9475d940e871edf396b093148315665559'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'server/app.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '"""The Flask app factory of this server: yours to edit (created once, never overwritten).\n\nConfiguration, from arguments or the environment (see ``_generated/serving.py``):\n- ``SIO_CORS_ORIGINS``: the origins allowed to connect, comma separated (the server\'s own\n  origin too, if pages from it connect), or ``*`` for any; unset, the same origin only;\n- ``SIO_MESSAGE_QUEUE``: a message queue URL (e.g. ``redis://127.0.0.1:6379/0``) to run several\n  server processes;\n- ``SIO_VALIDATE=0``: switch payload, ack and emit validation off;\n- ``SIO_MAX_CONNECTIONS`` (1000), ``SIO_PING_INTERVAL`` (25 s), ``SIO_PING_TIMEOUT`` (20 s),\n  ``SIO_MAX_MESSAGE_SIZE`` (1,000,000 bytes), ``SIO_MAX_JSON_DEPTH`` (128);\n- ``SIO_DOCS``: serve the API\'s docs under ``/docs`` (``1``) or another base path (see ``_generated/docs.py``).\n"""\n\nfrom __future__ import annotations\n\nfrom flask import Flask\nfrom flask_socketio import SocketIO\n\nfrom ._generated.docs import serve_docs\nfrom ._generated.mock import Mock\nfrom ._generated.server import SOCKETIO_PATH, register_handlers\nfrom ._generated.serving import Settings\nfrom .handlers import all_handlers\n\n\ndef create_app(\n    *,\n    cors_allowed_origins: str | list[str] | None = None,\n    message_queue: str | None = None,\n    validate: bool | None = None,\n    max_connections: int | None = None,\n    docs: str | bool | None = None,\n    mock: Mock | None = None,\n) -> tuple[Flask, SocketIO]:\n    """Build the Flask app and its SocketIO server with every namespace\'s handlers; arguments\n    left None come from the environment."""\n    app = Flask(__name__)\n    settings = Settings.from_env(\n        cors_allowed_origins=cors_allowed_origins,\n        message_queue=message_queue,\n        validate=validate,\n        max_connections=max_connections,\n    )\n    socketio = SocketIO(app, path=SOCKETIO_PATH, **settings.socketio_options())\n    register_handlers(\n        socketio,\n        *(all_handlers() if mock is None else mock.handlers(all_handlers())),\n        validate=settings.validate,\n        max_connections=settings.max_connections,\n    )\n    serve_docs(app, docs)\n    if mock is not None:\n        mock.start(socketio)\n    return app, socketio\n'

blocks = {}
debug_info = ''
