# Compiled from templates/server/wsgi.py.j2 by Jinja2 3.1.6: DO NOT EDIT.
# Regenerate with python tests/golden.py (sio_codegen.render.jinja.write_precompiled).
COMPILED_FROM = '3e1bb8b8851b14a9f7321f55f39cddd2ec660f56562fa2270aa4419229d6af26'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'server/wsgi.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_is_async = resolve('is_async')
    l_0_package = resolve('package')
    pass
    if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async):
        pass
        yield '"""The ASGI entry point of this server, for uvicorn\'s command line (yours to edit)::\n\n    uvicorn '
        yield str((undefined(name='package') if l_0_package is missing else l_0_package))
        yield '.asgi:app --host 127.0.0.1 --port 5000\n\n(one process serves many connections; several processes need ``SIO_MESSAGE_QUEUE`` and sticky\nsessions).\n"""\n'
    else:
        pass
        yield '"""The WSGI entry point of this server, for a production server (yours to edit)::\n\n    gunicorn -c python:'
        yield str((undefined(name='package') if l_0_package is missing else l_0_package))
        yield '._generated.gunicorn_conf '
        yield str((undefined(name='package') if l_0_package is missing else l_0_package))
        yield '.wsgi:app\n\n(one process of threads; several processes need ``SIO_MESSAGE_QUEUE`` and sticky sessions).\n"""\n'
    yield '\nfrom __future__ import annotations\n\nfrom .app import create_app\n\n'
    yield str(('app' if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async) else 'app, socketio'))
    yield ' = create_app()\n'

blocks = {}
debug_info = '1=13&4=16&12=21&22=26'
