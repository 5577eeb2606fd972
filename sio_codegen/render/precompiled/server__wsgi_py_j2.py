# Compiled from templates/server/wsgi.py.j2 by Jinja2 3.1.6: DO NOT EDIT.
# Regenerate with python tests/golden.py (sio_codegen.render.jinja.write_precompiled).
COMPILED_FROM = '1fd99bf1eb824a3541d4e01207ea39b03b71a1433a2972fc7eb08487397139f4'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'server/wsgi.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_package = resolve('package')
    pass
    yield '"""The WSGI entry point of this server, for a production server (yours to edit)::\n\n    gunicorn -c python:'
    yield str((undefined(name='package') if l_0_package is missing else l_0_package))
    yield '._generated.gunicorn_conf '
    yield str((undefined(name='package') if l_0_package is missing else l_0_package))
    yield '.wsgi:app\n\n(one process of threads; several processes need ``SIO_MESSAGE_QUEUE`` and sticky sessions).\n"""\n\nfrom __future__ import annotations\n\nfrom .app import create_app\n\napp, socketio = create_app()\n'

blocks = {}
debug_info = '3=13'
