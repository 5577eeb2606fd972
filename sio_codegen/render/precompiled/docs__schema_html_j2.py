# Compiled from templates/docs/schema.html.j2 by Jinja2 3.1.6: DO NOT EDIT.
# Regenerate with python tests/golden.py (sio_codegen.render.jinja.write_precompiled).
COMPILED_FROM = 'c765613170129366837d314c703a2b10c78788308fe811f2ab2af87683ba2ec2'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'docs/schema.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_fields = resolve('fields')
    l_0_schema_text = resolve('schema_text')
    pass
    if (undefined(name='fields') if l_0_fields is missing else l_0_fields):
        pass
        yield '<table>\n<tr><th>field</th><th>type</th><th>required</th><th>description</th></tr>\n'
        for l_1_row in (undefined(name='fields') if l_0_fields is missing else l_0_fields):
            _loop_vars = {}
            pass
            yield '<tr><td><code>'
            yield str(environment.getattr(l_1_row, 'path'))
            yield '</code></td><td><code>'
            yield str(environment.getattr(l_1_row, 'type'))
            yield '</code>'
            if environment.getattr(l_1_row, 'constraints'):
                pass
                yield '<br><small class="meta">'
                yield str(environment.getattr(l_1_row, 'constraints'))
                yield '</small>'
            yield '</td><td>'
            yield str(('yes' if environment.getattr(l_1_row, 'required') else ''))
            yield '</td><td class="text">'
            yield str(environment.getattr(l_1_row, 'description'))
            yield '</td></tr>\n'
        l_1_row = missing
        yield '</table>\n'
    yield '<details><summary>JSON Schema</summary>\n<pre>'
    yield str((undefined(name='schema_text') if l_0_schema_text is missing else l_0_schema_text))
    yield '</pre>\n</details>\n'

blocks = {}
debug_info = '1=13&4=16&5=20&10=37'
