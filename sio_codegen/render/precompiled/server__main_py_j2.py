# Compiled from templates/server/main.py.j2 by Jinja2 3.1.6: DO NOT EDIT.
# Regenerate with python tests/golden.py (sio_codegen.render.jinja.write_precompiled).
COMPILED_FROM = 'e64c78385778e500c882d0e7ca7a8935373940b376fa57a267e7037b7306ec98'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'server/main.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_package = resolve('package')
    l_0_api = resolve('api')
    try:
        t_1 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    pass
    yield '"""``python -m '
    yield str((undefined(name='package') if l_0_package is missing else l_0_package))
    yield ' [--host H] [--port P]``: run the server (yours to edit)."""\n\nfrom __future__ import annotations\n\nimport argparse\nimport logging\nimport os\n\nfrom .app import create_app\n\n\ndef main() -> None:\n    parser = argparse.ArgumentParser(prog="python -m '
    yield str((undefined(name='package') if l_0_package is missing else l_0_package))
    yield '", description='
    yield str(t_1(str_join((environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'title'), ' server', ))))
    yield ')\n    parser.add_argument("--host", default=os.environ.get("SIO_HOST", "127.0.0.1"))\n    parser.add_argument("--port", type=int, default=int(os.environ.get("SIO_PORT", "5000")))\n    parser.add_argument("--cors-origins", default=None, help="comma separated, or *")\n    parser.add_argument("--message-queue", default=None, help="e.g. redis://127.0.0.1:6379/0")\n    parser.add_argument("--no-validate", action="store_true", help="switch validation off")\n    args = parser.parse_args()\n    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")\n    origins = None\n    if args.cors_origins:\n        origins = "*" if args.cors_origins == "*" else args.cors_origins.split(",")\n    app, socketio = create_app(\n        cors_allowed_origins=origins,\n        message_queue=args.message_queue,\n        validate=False if args.no_validate else None,\n    )\n    socketio.run(app, host=args.host, port=args.port, allow_unsafe_werkzeug=True)\n\n\nif __name__ == "__main__":\n    main()\n'

blocks = {}
debug_info = '1=20&13=22'
