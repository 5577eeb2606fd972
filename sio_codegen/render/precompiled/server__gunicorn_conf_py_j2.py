# Compiled from templates/server/gunicorn_conf.py.j2 by Jinja2 3.1.6: DO NOT EDIT.
# Regenerate with python tests/golden.py (sio_codegen.render.jinja.write_precompiled).
COMPILED_FROM = '758378584efc123c945e73ec72822dc5f9a43fbc6640932f45417ba12612fbed'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'server/gunicorn_conf.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_package = resolve('package')
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n"""gunicorn settings for this server: ``gunicorn -c python:'
    yield str((undefined(name='package') if l_0_package is missing else l_0_package))
    yield '._generated.gunicorn_conf\n'
    yield str((undefined(name='package') if l_0_package is missing else l_0_package))
    yield '.wsgi:app``. Flask-SocketIO in threading mode serves one WebSocket per thread: one\nworker process (``gthread``) of ``SIO_THREADS`` threads (default 100). Engine.IO connections are\ncapped below the thread count (``SIO_MAX_CONNECTIONS``, default threads - threads // 10), so\nthe threads left always answer handshakes and long-polling posts; open TCP connections are\ncapped by ``worker_connections`` and idle ones closed by gunicorn. Command-line options win\nover these.\n"""\n\nfrom __future__ import annotations\n\nimport os\n\n_threads = int(os.environ.get("SIO_THREADS", "100"))\nos.environ.setdefault("SIO_MAX_CONNECTIONS", str(max(1, _threads - _threads // 10)))\n\nbind = os.environ.get("SIO_BIND", "127.0.0.1:5000")\nworker_class = "gthread"\nworkers = 1\nthreads = _threads\nworker_connections = _threads + 100\nkeepalive = 5\ntimeout = 30\ngraceful_timeout = 10\n'

blocks = {}
debug_info = '1=13&2=15&3=17'
