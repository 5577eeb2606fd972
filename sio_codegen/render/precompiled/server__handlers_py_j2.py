# Compiled from templates/server/handlers.py.j2 by Jinja2 3.1.6: DO NOT EDIT.
# Regenerate with python tests/golden.py (sio_codegen.render.jinja.write_precompiled).
COMPILED_FROM = 'db45a261830ffee456d7a21784cb83ef3b408fe0e503b91489389cf650570ed6'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'server/handlers.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_api = resolve('api')
    l_0_unpacks = resolve('unpacks')
    l_0_delegating = resolve('delegating')
    l_0_server_imports = resolve('server_imports')
    l_0_handler_instances = resolve('handler_instances')
    try:
        t_1 = environment.filters['docstring']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'docstring' found.")
    try:
        t_2 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_3 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    pass
    yield str(t_1(str_join(('Handlers of ', environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'title'), ': yours to edit.\n\nsio-codegen created this file once and never overwrites it. After a spec change, regenerate and\nrun ``mypy --strict``: it points at every method here that no longer fits the generated bases.\nA method left as ``raise NotImplementedError`` answers clients with a ``not_implemented`` error\nack (hooks behave as the defaults) and is listed at start-up.', )), 0))
    yield '\n\nfrom __future__ import annotations\n\nfrom typing import '
    yield str(('TYPE_CHECKING, ' if (undefined(name='unpacks') if l_0_unpacks is missing else l_0_unpacks) else cond_expr_undefined("the inline if-expression on line 5 in 'server/handlers.py.j2' evaluated to false and no else section was defined.")))
    yield 'Any\n\nfrom ._generated import models\n'
    if (undefined(name='delegating') if l_0_delegating is missing else l_0_delegating):
        pass
        yield 'from ._generated.delegate import Delegates\n'
    yield 'from ._generated.runtime import NamespaceHandlers, Principal, SecurityHandlers, override\nfrom ._generated.server import '
    yield str(t_2(context.eval_ctx, (undefined(name='server_imports') if l_0_server_imports is missing else l_0_server_imports), ', '))
    yield '\n'
    if (undefined(name='unpacks') if l_0_unpacks is missing else l_0_unpacks):
        pass
        yield '\nif TYPE_CHECKING:\n    from typing_extensions import Unpack\n'
    for l_1_ns in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces'):
        l_1_server_attr = resolve('server_attr')
        l_1_delegated_events = resolve('delegated_events')
        l_1_delegated_hooks = resolve('delegated_hooks')
        l_1_is_async = resolve('is_async')
        l_1_named_hooks = resolve('named_hooks')
        l_1_events = l_1_hooks = missing
        _loop_vars = {}
        pass
        yield '\n\nclass '
        yield str(environment.getattr(l_1_ns, 'class_prefix'))
        yield 'Handlers('
        yield str(environment.getattr(l_1_ns, 'class_prefix'))
        yield 'Namespace):\n    '
        yield str(t_1(str_join(('Namespace ', t_3(environment.getattr(l_1_ns, 'name')), '.', (str_join(('\n\nOne namespace per value of its parameters: ``self.params(sid)`` are those of a\nconnection; ``', environment.getattr(l_1_ns, 'class_prefix'), 'Emitter(self.', (undefined(name='server_attr') if l_1_server_attr is missing else l_1_server_attr), ', self.params(sid))`` emits to its instance.', )) if environment.getattr(l_1_ns, 'dynamic') else ''), )), 4))
        yield '\n'
        l_1_events = context.call((undefined(name='delegated_events') if l_1_delegated_events is missing else l_1_delegated_events), l_1_ns, _loop_vars=_loop_vars)
        _loop_vars['events'] = l_1_events
        l_1_hooks = context.call((undefined(name='delegated_hooks') if l_1_delegated_hooks is missing else l_1_delegated_hooks), l_1_ns, _loop_vars=_loop_vars)
        _loop_vars['hooks'] = l_1_hooks
        if ((undefined(name='events') if l_1_events is missing else l_1_events) or (undefined(name='hooks') if l_1_hooks is missing else l_1_hooks)):
            pass
            yield '\n    def __init__(self) -> None:\n        """The functions the spec names (x-handler, x-handlers), imported now: a missing or\n        unimportable one stops the start-up, naming it (see _generated/delegate.py).\n        """\n        self.functions = Delegates(\n            '
            yield str(('self' if (undefined(name='is_async') if l_1_is_async is missing else l_1_is_async) else t_3(environment.getattr(l_1_ns, 'name'))))
            yield ',\n            events={ '
            for l_2_ev in (undefined(name='events') if l_1_events is missing else l_1_events):
                _loop_vars = {}
                pass
                yield str(t_3(environment.getattr(l_2_ev, 'name')))
                yield ': '
                yield str(t_3(environment.getattr(l_2_ev, 'handler')))
                yield ', '
            l_2_ev = missing
            yield '},\n            hooks={ '
            for l_2_hook in (undefined(name='hooks') if l_1_hooks is missing else l_1_hooks):
                _loop_vars = {}
                pass
                yield str(t_3(l_2_hook))
                yield ': '
                yield str(t_3(environment.getitem(environment.getattr(l_1_ns, 'hooks'), l_2_hook)))
                yield ', '
            l_2_hook = missing
            yield '},\n        )\n'
        for l_2_ev in environment.getattr(l_1_ns, 'client_events'):
            l_2_async_ = resolve('async_')
            l_2_handler_params = resolve('handler_params')
            l_2_ack_type = resolve('ack_type')
            l_2_event_doc = resolve('event_doc')
            l_2_delegate_call = resolve('delegate_call')
            _loop_vars = {}
            pass
            yield '\n    @override\n    '
            yield str((undefined(name='async_') if l_2_async_ is missing else l_2_async_))
            yield 'def on_'
            yield str(environment.getattr(l_2_ev, 'identifier'))
            yield '('
            yield str(context.call((undefined(name='handler_params') if l_2_handler_params is missing else l_2_handler_params), l_2_ev, _loop_vars=_loop_vars))
            yield ') -> '
            yield str(context.call((undefined(name='ack_type') if l_2_ack_type is missing else l_2_ack_type), l_2_ev, _loop_vars=_loop_vars))
            yield ':\n'
            if (l_2_ev in (undefined(name='events') if l_1_events is missing else l_1_events)):
                pass
                yield '        '
                yield str(t_1(str_join((context.call((undefined(name='event_doc') if l_2_event_doc is missing else l_2_event_doc), l_2_ev, _loop_vars=_loop_vars), '\n\nCalls x-handler ', t_3(environment.getattr(l_2_ev, 'handler')), ': see _generated/delegate.py.', )), 8))
                yield '\n        '
                yield str(context.call((undefined(name='delegate_call') if l_2_delegate_call is missing else l_2_delegate_call), l_2_ev, _loop_vars=_loop_vars))
                yield '\n'
            else:
                pass
                yield '        '
                yield str(t_1(context.call((undefined(name='event_doc') if l_2_event_doc is missing else l_2_event_doc), l_2_ev, _loop_vars=_loop_vars), 8))
                yield '\n        raise NotImplementedError\n'
        l_2_ev = l_2_async_ = l_2_handler_params = l_2_ack_type = l_2_event_doc = l_2_delegate_call = missing
        for l_2_hook in context.call((undefined(name='named_hooks') if l_1_named_hooks is missing else l_1_named_hooks), l_1_ns, _loop_vars=_loop_vars):
            l_2_async_ = resolve('async_')
            l_2_hook_params = resolve('hook_params')
            l_2_hook_returns = resolve('hook_returns')
            l_2_hook_calls = resolve('hook_calls')
            _loop_vars = {}
            pass
            yield '\n    @override\n    '
            yield str((undefined(name='async_') if l_2_async_ is missing else l_2_async_))
            yield 'def handle_'
            yield str(l_2_hook)
            yield '('
            yield str(environment.getitem((undefined(name='hook_params') if l_2_hook_params is missing else l_2_hook_params), l_2_hook))
            yield ') -> '
            yield str(environment.getitem((undefined(name='hook_returns') if l_2_hook_returns is missing else l_2_hook_returns), l_2_hook))
            yield ':\n'
            if (l_2_hook in (undefined(name='hooks') if l_1_hooks is missing else l_1_hooks)):
                pass
                yield '        '
                yield str(t_1(str_join(('Calls x-handlers ', l_2_hook, ': ', t_3(environment.getitem(environment.getattr(l_1_ns, 'hooks'), l_2_hook)), '.', )), 8))
                yield '\n        '
                yield str(environment.getitem((undefined(name='hook_calls') if l_2_hook_calls is missing else l_2_hook_calls), l_2_hook))
                yield '\n'
            else:
                pass
                yield '        '
                yield str(t_1(str_join(('x-handlers names ', l_2_hook, ': ', t_3(environment.getitem(environment.getattr(l_1_ns, 'hooks'), l_2_hook)), )), 8))
                yield '\n        raise NotImplementedError\n'
        l_2_hook = l_2_async_ = l_2_hook_params = l_2_hook_returns = l_2_hook_calls = missing
    l_1_ns = l_1_server_attr = l_1_delegated_events = l_1_events = l_1_delegated_hooks = l_1_hooks = l_1_is_async = l_1_named_hooks = missing
    yield '\n\n'
    if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'security_schemes'):
        pass
        yield '\n\nclass SecurityHooks(Security):\n    """Verify the credentials of each security scheme: return a Principal, or None to refuse."""\n'
        for (l_1_name, l_1_scheme) in context.call(environment.getattr(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'security_schemes'), 'items')):
            l_1_async_ = resolve('async_')
            l_1_verify_params = resolve('verify_params')
            l_1_scheme_doc = resolve('scheme_doc')
            _loop_vars = {}
            pass
            yield '\n    @override\n    '
            yield str((undefined(name='async_') if l_1_async_ is missing else l_1_async_))
            yield 'def verify_'
            yield str(environment.getattr(l_1_scheme, 'identifier'))
            yield '(self, '
            yield str(context.call((undefined(name='verify_params') if l_1_verify_params is missing else l_1_verify_params), l_1_scheme, _loop_vars=_loop_vars))
            yield ') -> Principal | None:\n        '
            yield str(t_1(context.call((undefined(name='scheme_doc') if l_1_scheme_doc is missing else l_1_scheme_doc), l_1_scheme, _loop_vars=_loop_vars), 8))
            yield '\n        raise NotImplementedError\n'
        l_1_name = l_1_scheme = l_1_async_ = l_1_verify_params = l_1_scheme_doc = missing
    yield '\n\ndef all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:\n    """One handlers object per namespace (and the security hooks), as ``app.py`` registers them."""\n    return ['
    yield str(t_2(context.eval_ctx, (undefined(name='handler_instances') if l_0_handler_instances is missing else l_0_handler_instances), ', '))
    yield ']\n'

blocks = {}
debug_info = '1=34&5=36&8=38&12=42&13=44&18=47&21=57&22=61&23=63&24=65&25=67&30=70&31=72&32=81&35=90&38=99&39=107&40=110&41=112&43=117&47=120&50=128&51=136&52=139&53=141&55=146&62=151&67=154&70=161&71=167&79=171'
