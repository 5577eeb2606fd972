# Compiled from templates/server/main.py.j2 by Jinja2 3.1.6: DO NOT EDIT.
# Regenerate with python tests/golden.py (sio_codegen.render.jinja.write_precompiled).
COMPILED_FROM = '4703ec7c99ed6c22a820004c9f37071eb825359346f96dc8713996c152b391bd'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'server/main.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_is_async = resolve('is_async')
    l_0_package = resolve('package')
    l_0_api = resolve('api')
    try:
        t_1 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    pass
    if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async):
        pass
        yield '"""``python -m '
        yield str((undefined(name='package') if l_0_package is missing else l_0_package))
        yield " [--host H] [--port P]``: run the server under uvicorn (yours to\nedit). The same app, for uvicorn's own command line (workers, TLS, proxies; see ``asgi.py``)::\n\n    uvicorn "
        yield str((undefined(name='package') if l_0_package is missing else l_0_package))
        yield '.asgi:app --host 127.0.0.1 --port 5000\n"""\n'
    else:
        pass
        yield '"""``python -m '
        yield str((undefined(name='package') if l_0_package is missing else l_0_package))
        yield ' [--host H] [--port P]``: run the server for development (yours to\nedit). In production run it under gunicorn instead (see ``wsgi.py``)::\n\n    gunicorn -c python:'
        yield str((undefined(name='package') if l_0_package is missing else l_0_package))
        yield '._generated.gunicorn_conf '
        yield str((undefined(name='package') if l_0_package is missing else l_0_package))
        yield '.wsgi:app\n"""\n'
    yield '\nfrom __future__ import annotations\n\nimport argparse\nimport logging\nimport os\nimport sys\n\n'
    if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async):
        pass
        yield 'import uvicorn\n\nfrom ._generated.docs import docs_base\nfrom ._generated.mock import add_mock_arguments, mock_from_args\nfrom ._generated.serving import Settings, parse_origins\n'
    else:
        pass
        yield 'from ._generated.docs import docs_base\nfrom ._generated.mock import add_mock_arguments, mock_from_args\nfrom ._generated.serving import DevRequestHandler, Settings, parse_origins\n'
    yield 'from .app import create_app\n\n\ndef main() -> None:\n    parser = argparse.ArgumentParser(prog="python -m '
    yield str((undefined(name='package') if l_0_package is missing else l_0_package))
    yield '", description='
    yield str(t_1(str_join((environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'title'), (' server (uvicorn)' if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async) else ' server (development)'), ))))
    yield ')\n    parser.add_argument("--host", default=os.environ.get("SIO_HOST", "127.0.0.1"))\n    parser.add_argument("--port", type=int, default=int(os.environ.get("SIO_PORT", "5000")))\n    parser.add_argument("--cors-origins", default=None, help="origins allowed to connect, comma separated, or * (default: same origin only)")\n    parser.add_argument("--message-queue", default=None, help="e.g. redis://127.0.0.1:6379/0")\n    parser.add_argument("--max-connections", type=int, default=None, help="Engine.IO connections at once")\n    parser.add_argument("--no-validate", action="store_true", help="switch validation off")\n    parser.add_argument("--docs", nargs="?", const=True, default=None, metavar="PATH", help="serve the API\'s docs under PATH (default /docs)")\n    add_mock_arguments(parser)\n    args = parser.parse_args()\n    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")\n    try:\n        '
    yield str(('' if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async) else 'settings = '))
    yield 'Settings.from_env(message_queue=args.message_queue)\n        docs_base(args.docs)\n    except ValueError as exc:  # an unusable SIO_* value or option\n        parser.exit(2, f"{parser.prog}: {exc}\\n")\n'
    if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async):
        pass
        yield '    print(f"serving on http://{args.host}:{args.port} (uvicorn)", file=sys.stderr, flush=True)\n'
    else:
        pass
        yield '    print(f"serving on http://{args.host}:{args.port} (development server; in production: "\n          "gunicorn -c python:'
        yield str((undefined(name='package') if l_0_package is missing else l_0_package))
        yield '._generated.gunicorn_conf '
        yield str((undefined(name='package') if l_0_package is missing else l_0_package))
        yield '.wsgi:app)",\n          file=sys.stderr, flush=True)  # fmt: skip\n'
    yield '    '
    yield str(('app' if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async) else 'app, socketio'))
    yield ' = create_app(\n        cors_allowed_origins=parse_origins(args.cors_origins),\n        message_queue=args.message_queue,\n        validate=False if args.no_validate else None,\n        max_connections=args.max_connections,\n        docs=True if args.mock and args.docs is None else args.docs,\n        mock=mock_from_args(args),\n    )\n'
    if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async):
        pass
        yield '    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")\n'
    else:
        pass
        yield '    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # its banner and one line per request\n    DevRequestHandler.timeout = settings.ping_interval + settings.ping_timeout + 10\n    socketio.run(app, host=args.host, port=args.port, allow_unsafe_werkzeug=True,\n                 request_handler=DevRequestHandler)  # fmt: skip\n'
    yield '\nif __name__ == "__main__":\n    main()\n'

blocks = {}
debug_info = '1=20&2=23&5=25&8=30&11=32&22=37&37=44&49=48&53=50&57=56&60=61&68=63'
