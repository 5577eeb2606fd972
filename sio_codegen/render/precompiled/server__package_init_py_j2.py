# Compiled from templates/server/package_init.py.j2 by Jinja2 3.1.6: DO NOT EDIT.
# Regenerate with python tests/golden.py (sio_codegen.render.jinja.write_precompiled).
COMPILED_FROM = '4017ea25bc03aa3c8d73118bc4037254cdf4331dc7ecdb6e55ca860220baa645'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'server/package_init.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_api = resolve('api')
    try:
        t_1 = environment.filters['docstring']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'docstring' found.")
    pass
    yield str(t_1(str_join((environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'title'), ' server, generated from its AsyncAPI document by sio-codegen (yours to edit).', )), 0))
    yield '\n'

blocks = {}
debug_info = '1=18'
