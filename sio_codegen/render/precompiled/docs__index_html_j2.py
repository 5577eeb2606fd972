# Compiled from templates/docs/index.html.j2 by Jinja2 3.1.6: DO NOT EDIT.
# Regenerate with python tests/golden.py (sio_codegen.render.jinja.write_precompiled).
COMPILED_FROM = '5d72eaa869a9460807ec59aa67b5f7ed945a4b1b1e7cd9ff2ec27e9f3b06c444'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'docs/index.html.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_style_hash = resolve('style_hash')
    l_0_catalog = resolve('catalog')
    l_0_info = resolve('info')
    l_0_style = resolve('style')
    l_0_event_count = resolve('event_count')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_4 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    pass
    yield '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \''
    yield str((undefined(name='style_hash') if l_0_style_hash is missing else l_0_style_hash))
    yield '\'; img-src data:; base-uri \'none\'; form-action \'none\'">\n<meta name="generator" content="'
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'generator'))
    yield '">\n<link rel="icon" href="data:,">\n<title>'
    yield str(environment.getattr((undefined(name='info') if l_0_info is missing else l_0_info), 'title'))
    yield ' '
    yield str(environment.getattr((undefined(name='info') if l_0_info is missing else l_0_info), 'version'))
    yield ' · Socket.IO API</title>\n<style>'
    yield str((undefined(name='style') if l_0_style is missing else l_0_style))
    yield '</style>\n</head>\n<body>\n<div class="layout">\n<nav aria-label="Contents">\n<ul>\n<li><a href="#top">'
    yield str(environment.getattr((undefined(name='info') if l_0_info is missing else l_0_info), 'title'))
    yield '</a></li>\n'
    if environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'servers'):
        pass
        yield '<li><a href="#servers">Servers</a></li>'
    if environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'security_schemes'):
        pass
        yield '<li><a href="#security">Security</a></li>'
    for l_1_ns in environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'namespaces'):
        _loop_vars = {}
        pass
        yield '<li><a href="#ns-'
        yield str(environment.getattr(l_1_ns, 'client_attribute'))
        yield '">Namespace <code>'
        yield str(environment.getattr(l_1_ns, 'name'))
        yield '</code></a>\n<ul>\n'
        for l_2_event in environment.getattr(l_1_ns, 'events'):
            l_2_arrows = resolve('arrows')
            _loop_vars = {}
            pass
            yield '<li><a href="#'
            yield str(environment.getattr(l_1_ns, 'client_attribute'))
            yield '-'
            yield str(environment.getattr(l_2_event, 'client_method'))
            yield '"><span class="'
            yield str(environment.getattr(l_2_event, 'direction'))
            yield '">'
            yield str(environment.getitem((undefined(name='arrows') if l_2_arrows is missing else l_2_arrows), environment.getattr(l_2_event, 'direction')))
            yield '</span> '
            yield str(environment.getattr(l_2_event, 'name'))
            yield '</a></li>\n'
        l_2_event = l_2_arrows = missing
        yield '</ul></li>\n'
    l_1_ns = missing
    yield '<li><a href="asyncapi.json">asyncapi.json</a> · <a href="asyncapi.yaml">asyncapi.yaml</a> · <a href="catalog.json">catalog.json</a></li>\n</ul>\n</nav>\n<main id="top">\n<h1>'
    yield str(environment.getattr((undefined(name='info') if l_0_info is missing else l_0_info), 'title'))
    yield '</h1>\n<p class="meta">Version '
    yield str(environment.getattr((undefined(name='info') if l_0_info is missing else l_0_info), 'version'))
    yield ' · AsyncAPI '
    yield str(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'asyncapi'))
    yield ' · Socket.IO API · '
    yield str((undefined(name='event_count') if l_0_event_count is missing else l_0_event_count))
    yield ' event'
    yield str(('' if ((undefined(name='event_count') if l_0_event_count is missing else l_0_event_count) == 1) else 's'))
    yield ' in '
    yield str(t_2(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'namespaces')))
    yield ' namespace'
    yield str(('' if (t_2(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'namespaces')) == 1) else 's'))
    yield '</p>\n'
    if environment.getattr((undefined(name='info') if l_0_info is missing else l_0_info), 'description'):
        pass
        yield '<div class="text">'
        yield str(environment.getattr((undefined(name='info') if l_0_info is missing else l_0_info), 'description'))
        yield '</div>'
    if environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'servers'):
        pass
        yield '<h2 id="servers">Servers</h2>\n<table>\n<tr><th>name</th><th>URL</th><th>protocol</th><th>Socket.IO path</th></tr>\n'
        for l_1_server in environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'servers'):
            _loop_vars = {}
            pass
            yield '<tr><td><code>'
            yield str(environment.getattr(l_1_server, 'name'))
            yield '</code>'
            if (environment.getattr(l_1_server, 'name') == environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'server')):
                pass
                yield ' <span class="badge">default</span>'
            yield '</td><td><code>'
            yield str(environment.getattr(l_1_server, 'url'))
            yield '</code></td><td>'
            yield str(environment.getattr(l_1_server, 'protocol'))
            yield '</td><td><code>'
            yield str(environment.getattr(l_1_server, 'socketio_path'))
            yield '</code></td></tr>\n'
        l_1_server = missing
        yield '</table>\n'
    if environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'security_schemes'):
        pass
        yield '<h2 id="security">Security schemes</h2>\n<table>\n<tr><th>name</th><th>type</th><th>credential</th><th>client keyword</th><th>description</th></tr>\n'
        for (l_1_name, l_1_scheme) in context.call(environment.getattr(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'security_schemes'), 'items')):
            _loop_vars = {}
            pass
            yield '<tr><td><code>'
            yield str(l_1_name)
            yield '</code></td><td>'
            yield str(environment.getattr(l_1_scheme, 'type'))
            if environment.getattr(l_1_scheme, 'scheme'):
                pass
                yield ' '
                yield str(environment.getattr(l_1_scheme, 'scheme'))
            if environment.getattr(l_1_scheme, 'bearer_format'):
                pass
                yield ' ('
                yield str(environment.getattr(l_1_scheme, 'bearer_format'))
                yield ')'
            yield '</td><td>'
            if environment.getitem(l_1_scheme, 'in'):
                pass
                yield str(environment.getitem(l_1_scheme, 'in'))
                if environment.getattr(l_1_scheme, 'name'):
                    pass
                    yield ' <code>'
                    yield str(environment.getattr(l_1_scheme, 'name'))
                    yield '</code>'
            elif (environment.getattr(l_1_scheme, 'type') == 'userPassword'):
                pass
                yield 'auth payload (<code>username</code>, <code>password</code>) or Authorization header (Basic)'
            else:
                pass
                yield 'Authorization header'
            yield '</td><td>'
            if environment.getattr(l_1_scheme, 'client_keyword'):
                pass
                yield '<code>'
                yield str(environment.getattr(l_1_scheme, 'client_keyword'))
                yield '=</code>'
            yield '</td><td class="text">'
            yield str(environment.getattr(l_1_scheme, 'description'))
            yield '</td></tr>\n'
        l_1_name = l_1_scheme = missing
        yield '</table>\n'
    l_1_loop = missing
    for l_1_ns, l_1_loop in LoopContext(environment.getattr((undefined(name='catalog') if l_0_catalog is missing else l_0_catalog), 'namespaces'), undefined):
        l_1_schema_block = resolve('schema_block')
        l_1_type_of = resolve('type_of')
        l_1_constraints = resolve('constraints')
        _loop_vars = {}
        pass
        yield '<section>\n<h2 id="ns-'
        yield str(environment.getattr(l_1_ns, 'client_attribute'))
        yield '">Namespace <code>'
        yield str(environment.getattr(l_1_ns, 'name'))
        yield '</code></h2>\n'
        if environment.getattr(l_1_ns, 'description'):
            pass
            yield '<div class="text">'
            yield str(environment.getattr(l_1_ns, 'description'))
            yield '</div>'
        yield '<p class="meta">Typed client: <code>client.'
        yield str(environment.getattr(l_1_ns, 'client_attribute'))
        if ('parameters' in l_1_ns):
            pass
            yield '(params)'
        yield '</code> · Security: '
        if environment.getattr(l_1_ns, 'security'):
            pass
            l_2_loop = missing
            for l_2_alternative, l_2_loop in LoopContext(environment.getattr(l_1_ns, 'security'), undefined):
                _loop_vars = {}
                pass
                if (not environment.getattr(l_2_loop, 'first')):
                    pass
                    yield ' <em>or</em> '
                l_3_loop = missing
                for l_3_r, l_3_loop in LoopContext(l_2_alternative, undefined):
                    _loop_vars = {}
                    pass
                    if (not environment.getattr(l_3_loop, 'first')):
                        pass
                        yield ' + '
                    yield '<code>'
                    yield str(environment.getattr(l_3_r, 'scheme'))
                    yield '</code>'
                    if environment.getattr(l_3_r, 'scopes'):
                        pass
                        yield ' (scopes: '
                        yield str(t_1(context.eval_ctx, environment.getattr(l_3_r, 'scopes'), ', '))
                        yield ')'
                l_3_loop = l_3_r = missing
            l_2_loop = l_2_alternative = missing
        else:
            pass
            yield 'none'
        yield '</p>\n'
        if ('parameters' in l_1_ns):
            pass
            yield '<div class="label">Namespace parameters: one namespace per value (<code>client.'
            yield str(environment.getattr(l_1_ns, 'client_attribute'))
            yield '(params)</code>)</div>\n'
            yield str(context.call((undefined(name='schema_block') if l_1_schema_block is missing else l_1_schema_block), environment.getattr(environment.getattr(l_1_ns, 'parameters'), 'schema'), _loop_vars=_loop_vars))
            yield '\n'
        if ('rooms' in l_1_ns):
            pass
            yield '<div class="label">Rooms (x-rooms)'
            if ('parameters' in l_1_ns):
                pass
                yield ': each instance of the namespace has its own'
            yield '</div>\n'
            if environment.getattr(environment.getattr(l_1_ns, 'rooms'), 'names'):
                pass
                yield '<p class="meta">'
                l_2_loop = missing
                for l_2_name, l_2_loop in LoopContext(environment.getattr(environment.getattr(l_1_ns, 'rooms'), 'names'), undefined):
                    _loop_vars = {}
                    pass
                    if (not environment.getattr(l_2_loop, 'first')):
                        pass
                        yield ', '
                    yield '<code>'
                    yield str(l_2_name)
                    yield '</code>'
                l_2_loop = l_2_name = missing
                yield '</p>\n'
            else:
                pass
                yield '<p class="meta">Any name that matches: <code>'
                yield str(context.call((undefined(name='type_of') if l_1_type_of is missing else l_1_type_of), environment.getattr(environment.getattr(l_1_ns, 'rooms'), 'schema'), _loop_vars=_loop_vars))
                yield '</code>'
                if context.call((undefined(name='constraints') if l_1_constraints is missing else l_1_constraints), environment.getattr(environment.getattr(l_1_ns, 'rooms'), 'schema'), _loop_vars=_loop_vars):
                    pass
                    yield ' · '
                    yield str(context.call((undefined(name='constraints') if l_1_constraints is missing else l_1_constraints), environment.getattr(environment.getattr(l_1_ns, 'rooms'), 'schema'), _loop_vars=_loop_vars))
                yield '</p>\n'
                yield str(context.call((undefined(name='schema_block') if l_1_schema_block is missing else l_1_schema_block), environment.getattr(environment.getattr(l_1_ns, 'rooms'), 'schema'), _loop_vars=_loop_vars))
                yield '\n'
        for l_2_what in ('query', 'headers'):
            l_2_binding = missing
            _loop_vars = {}
            pass
            l_2_binding = environment.getitem(environment.getattr(l_1_ns, 'bindings'), l_2_what)
            _loop_vars['binding'] = l_2_binding
            if (undefined(name='binding') if l_2_binding is missing else l_2_binding):
                pass
                yield '<div class="label">Handshake '
                yield str(l_2_what)
                yield ' (ws binding, client keyword <code>'
                yield str(environment.getattr((undefined(name='binding') if l_2_binding is missing else l_2_binding), 'client_keyword'))
                yield '=</code>)</div>\n'
                yield str(context.call((undefined(name='schema_block') if l_1_schema_block is missing else l_1_schema_block), environment.getattr((undefined(name='binding') if l_2_binding is missing else l_2_binding), 'schema'), _loop_vars=_loop_vars))
                yield '\n'
        l_2_what = l_2_binding = missing
        l_2_loop = missing
        for (l_2_direction, l_2_heading), l_2_loop in LoopContext((('client_to_server', 'Client → server: events the client emits'), ('server_to_client', 'Server → client: events the server emits')), undefined):
            l_2_events = missing
            _loop_vars = {}
            pass
            l_2_events = t_3(context.eval_ctx, t_4(context, environment.getattr(l_1_ns, 'events'), 'direction', 'equalto', l_2_direction))
            _loop_vars['events'] = l_2_events
            if (undefined(name='events') if l_2_events is missing else l_2_events):
                pass
                yield '<h3>'
                yield str(l_2_heading)
                yield '</h3>\n'
                l_3_loop = missing
                for l_3_event, l_3_loop in LoopContext((undefined(name='events') if l_2_events is missing else l_2_events), undefined):
                    l_3_labels = resolve('labels')
                    l_3_event_example = resolve('event_example')
                    l_3_rest = l_3_example = missing
                    _loop_vars = {}
                    pass
                    yield '<article class="event" id="'
                    yield str(environment.getattr(l_1_ns, 'client_attribute'))
                    yield '-'
                    yield str(environment.getattr(l_3_event, 'client_method'))
                    yield '">\n'
                    l_3_rest = context.call(environment.getattr(l_3_event, 'get'), 'rest', _loop_vars=_loop_vars)
                    _loop_vars['rest'] = l_3_rest
                    yield '<h4><span class="badge '
                    yield str(environment.getattr(l_3_event, 'direction'))
                    yield '">'
                    yield str(environment.getitem((undefined(name='labels') if l_3_labels is missing else l_3_labels), environment.getattr(l_3_event, 'direction')))
                    yield '</span>'
                    if environment.getattr(l_3_event, 'deprecated'):
                        pass
                        yield '<span class="badge deprecated">deprecated</span>'
                    yield '<code>'
                    yield str(environment.getattr(l_3_event, 'name'))
                    yield '</code></h4>\n'
                    if environment.getattr(l_3_event, 'summary'):
                        pass
                        yield '<div class="text">'
                        yield str(environment.getattr(l_3_event, 'summary'))
                        yield '</div>'
                    if environment.getattr(l_3_event, 'description'):
                        pass
                        yield '<div class="text meta">'
                        yield str(environment.getattr(l_3_event, 'description'))
                        yield '</div>'
                    yield '<p class="meta">Typed client: <code>client.'
                    yield str(environment.getattr(l_1_ns, 'client_attribute'))
                    if ('parameters' in l_1_ns):
                        pass
                        yield '(params)'
                    yield '.'
                    yield str(environment.getattr(l_3_event, 'client_method'))
                    yield '('
                    if (environment.getattr(l_3_event, 'direction') == 'server_to_client'):
                        pass
                        yield 'handler'
                    elif environment.getattr(l_3_event, 'args'):
                        pass
                        yield 'data'
                        yield str((', *rest' if (undefined(name='rest') if l_3_rest is missing else l_3_rest) else cond_expr_undefined("the inline if-expression on line 87 in 'docs/index.html.j2' evaluated to false and no else section was defined.")))
                    elif (undefined(name='rest') if l_3_rest is missing else l_3_rest):
                        pass
                        yield '*rest'
                    yield ')</code>'
                    if environment.getattr(l_3_event, 'multiple_args'):
                        pass
                        yield ' · '
                        yield str(t_2(environment.getattr(l_3_event, 'args')))
                        yield ' positional arguments'
                    if (undefined(name='rest') if l_3_rest is missing else l_3_rest):
                        pass
                        yield ', then any number of rest arguments'
                    yield '</p>\n'
                    if (environment.getattr(l_3_event, 'args') or (undefined(name='rest') if l_3_rest is missing else l_3_rest)):
                        pass
                        l_4_loop = missing
                        for l_4_arg, l_4_loop in LoopContext(environment.getattr(l_3_event, 'args'), undefined):
                            _loop_vars = {}
                            pass
                            yield '<div class="label">'
                            if (t_2(environment.getattr(l_3_event, 'args')) > 1):
                                pass
                                yield 'Argument '
                                yield str(environment.getattr(l_4_loop, 'index'))
                                yield ': <code>'
                                yield str(environment.getattr(l_4_arg, 'name'))
                                yield '</code>'
                            else:
                                pass
                                yield 'Payload'
                            yield ' · <code>'
                            yield str(context.call((undefined(name='type_of') if l_1_type_of is missing else l_1_type_of), environment.getattr(l_4_arg, 'schema'), _loop_vars=_loop_vars))
                            yield '</code></div>\n'
                            yield str(context.call((undefined(name='schema_block') if l_1_schema_block is missing else l_1_schema_block), environment.getattr(l_4_arg, 'schema'), _loop_vars=_loop_vars))
                            yield '\n'
                        l_4_loop = l_4_arg = missing
                        if (undefined(name='rest') if l_3_rest is missing else l_3_rest):
                            pass
                            yield '<div class="label">Rest arguments (any number) · <code>'
                            yield str((context.call((undefined(name='type_of') if l_1_type_of is missing else l_1_type_of), environment.getattr((undefined(name='rest') if l_3_rest is missing else l_3_rest), 'schema'), _loop_vars=_loop_vars) if environment.getattr((undefined(name='rest') if l_3_rest is missing else l_3_rest), 'schema') else 'any'))
                            yield '</code></div>\n'
                            if environment.getattr((undefined(name='rest') if l_3_rest is missing else l_3_rest), 'schema'):
                                pass
                                yield str(context.call((undefined(name='schema_block') if l_1_schema_block is missing else l_1_schema_block), environment.getattr((undefined(name='rest') if l_3_rest is missing else l_3_rest), 'schema'), _loop_vars=_loop_vars))
                    else:
                        pass
                        yield '<div class="label">Payload</div><p class="none">no arguments</p>\n'
                    if environment.getattr(l_3_event, 'ack'):
                        pass
                        yield '<div class="label">Ack · <code>'
                        yield str(context.call((undefined(name='type_of') if l_1_type_of is missing else l_1_type_of), environment.getattr(environment.getattr(l_3_event, 'ack'), 'schema'), _loop_vars=_loop_vars))
                        yield '</code></div>\n'
                        yield str(context.call((undefined(name='schema_block') if l_1_schema_block is missing else l_1_schema_block), environment.getattr(environment.getattr(l_3_event, 'ack'), 'schema'), _loop_vars=_loop_vars))
                        yield '\n'
                    l_3_example = context.call((undefined(name='event_example') if l_3_event_example is missing else l_3_event_example), l_3_event, _loop_vars=_loop_vars)
                    _loop_vars['example'] = l_3_example
                    if (undefined(name='example') if l_3_example is missing else l_3_example):
                        pass
                        yield '<details open><summary>Example'
                        yield str(environment.getattr((undefined(name='example') if l_3_example is missing else l_3_example), 'note'))
                        yield '</summary>\n<pre>'
                        yield str(environment.getattr((undefined(name='example') if l_3_example is missing else l_3_example), 'text'))
                        yield '</pre>\n</details>\n'
                    yield '</article>\n'
                l_3_loop = l_3_event = l_3_rest = l_3_labels = l_3_event_example = l_3_example = missing
        l_2_loop = l_2_direction = l_2_heading = l_2_events = missing
        if (not environment.getattr(l_1_ns, 'events')):
            pass
            yield '<p class="none">no events</p>'
        yield '</section>\n'
    l_1_loop = l_1_ns = l_1_schema_block = l_1_type_of = l_1_constraints = missing
    yield '</main>\n</div>\n</body>\n</html>\n'

blocks = {}
debug_info = '6=41&7=43&9=45&10=49&16=51&17=53&18=56&19=59&20=63&22=67&23=72&31=86&32=88&33=100&34=105&38=108&39=112&43=126&47=129&48=133&52=172&54=179&55=183&56=189&57=224&58=227&59=229&61=231&62=234&63=238&64=242&66=256&67=263&70=265&71=269&72=271&73=274&74=278&77=282&78=286&79=288&80=291&81=294&82=301&83=305&84=308&85=318&86=323&87=329&88=356&89=359&90=363&91=376&93=379&94=382&95=384&100=390&101=393&102=395&104=397&105=399&106=402&107=404&114=409'
