# Compiled from templates/server/init.py.j2 by Jinja2 3.1.6: DO NOT EDIT.
# Regenerate with python tests/golden.py (sio_codegen.render.jinja.write_precompiled).
COMPILED_FROM = '3bf199e632e4f1dc1026ff8fe887834ba81c56ead63100b629d1a5845aab4128'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'server/init.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_requirements = resolve('requirements')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n"""Generated code of this server; always overwritten. Your code is in ``handlers.py``,\n``app.py`` and ``__main__.py`` one level up.\n\nRuntime requirements: '
    yield str(t_1(context.eval_ctx, (undefined(name='requirements') if l_0_requirements is missing else l_0_requirements), ', '))
    yield '.\n"""\n'

blocks = {}
debug_info = '1=19&5=21'
