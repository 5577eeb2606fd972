# Compiled from templates/server/app.py.j2 by Jinja2 3.1.6: DO NOT EDIT.
# Regenerate with python tests/golden.py (sio_codegen.render.jinja.write_precompiled).
COMPILED_FROM = '45f16f7966a630fe20cdb0031f18f707739fab97e717aa83b7187249aef76063'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'server/app.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    pass
    yield '"""The Flask app factory of this server: yours to edit (created once, never overwritten).\n\nConfiguration, from arguments or the environment:\n- ``SIO_CORS_ORIGINS``: allowed CORS origins, comma separated, or ``*``;\n- ``SIO_MESSAGE_QUEUE``: a message queue URL (e.g. ``redis://127.0.0.1:6379/0``) to run several\n  server processes;\n- ``SIO_VALIDATE=0``: switch payload, ack and emit validation off.\n"""\n\nfrom __future__ import annotations\n\nimport os\n\nfrom flask import Flask\nfrom flask_socketio import SocketIO\n\nfrom ._generated.server import SOCKETIO_PATH, register_handlers\nfrom .handlers import all_handlers\n\n\ndef _origins(value: str | None) -> str | list[str] | None:\n    if not value:\n        return None\n    return "*" if value.strip() == "*" else [o.strip() for o in value.split(",") if o.strip()]\n\n\ndef create_app(\n    *,\n    cors_allowed_origins: str | list[str] | None = None,\n    message_queue: str | None = None,\n    validate: bool | None = None,\n) -> tuple[Flask, SocketIO]:\n    """Build the Flask app and its SocketIO server with every namespace\'s handlers."""\n    app = Flask(__name__)\n    if cors_allowed_origins is None:\n        cors_allowed_origins = _origins(os.environ.get("SIO_CORS_ORIGINS"))\n    if message_queue is None:\n        message_queue = os.environ.get("SIO_MESSAGE_QUEUE") or None\n    if validate is None:\n        validate = os.environ.get("SIO_VALIDATE", "1") not in ("0", "false", "no")\n    socketio = SocketIO(\n        app,\n        path=SOCKETIO_PATH,\n        cors_allowed_origins=cors_allowed_origins if cors_allowed_origins is not None else [],\n        message_queue=message_queue,\n        async_mode="threading",\n    )\n    register_handlers(socketio, *all_handlers(), validate=validate)\n    return app, socketio\n'

blocks = {}
debug_info = ''
