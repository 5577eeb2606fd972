# Compiled from templates/client/client.py.j2 by Jinja2 3.1.6: DO NOT EDIT.
# Regenerate with python tests/golden.py (sio_codegen.render.jinja.write_precompiled).
COMPILED_FROM = 'fec3a9b45c54af94fc2e67cf27e6c4b8d7f511526bc0c803fcb0fbe617ab8d02'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'client/client.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_api = resolve('api')
    l_0_required_params = resolve('required_params')
    l_0_has_root = resolve('has_root')
    l_0_params = resolve('params')
    l_0_unpacks = resolve('unpacks')
    l_0_socketio_path = resolve('socketio_path')
    l_0_default_url = resolve('default_url')
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
        t_3 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_4 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    try:
        t_5 = environment.filters['rejectattr']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'rejectattr' found.")
    try:
        t_6 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n"""Typed Socket.IO clients of the API: ``Client`` (threads) and ``AsyncClient`` (asyncio).\n\nEach namespace is an attribute (``client.'
    yield str((environment.getattr(environment.getitem(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces'), 0), 'identifier') if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces') else 'root'))
    yield '``): one method per event the client sends,\nreturning the validated ack where the spec declares one, and one ``on_<event>`` registration per\nevent the server emits, whose handler receives the validated model.\n"""\n\nfrom __future__ import annotations\n\nfrom collections.abc import Awaitable, Callable, Mapping, Sequence\nfrom typing import TYPE_CHECKING, Any, ClassVar'
    yield str((', overload' if (undefined(name='required_params') if l_0_required_params is missing else l_0_required_params) else cond_expr_undefined("the inline if-expression on line 12 in 'client/client.py.j2' evaluated to false and no else section was defined.")))
    yield '\n\nfrom . import models\nfrom .runtime import AsyncClient as _AsyncClientBase\nfrom .runtime import (\n    AsyncNamespace,\n'
    if (undefined(name='has_root') if l_0_has_root is missing else l_0_has_root):
        pass
        yield '    ConnectRefusedError,\n'
    yield '    Handshake,\n    SocketIOOptions,\n    SyncNamespace,\n    merged,\n'
    if (undefined(name='required_params') if l_0_required_params is missing else l_0_required_params):
        pass
        yield '    require_bindings,\n'
    yield ')\n'
    if ((undefined(name='params') if l_0_params is missing else l_0_params) or (undefined(name='unpacks') if l_0_unpacks is missing else l_0_unpacks)):
        pass
        yield '\nif TYPE_CHECKING:  # type-only: nothing from typing_extensions is imported at run time\n    from typing_extensions import Unpack\n'
    yield 'from .runtime import SyncClient as _SyncClientBase\n\nSOCKETIO_PATH = '
    yield str(t_4((undefined(name='socketio_path') if l_0_socketio_path is missing else l_0_socketio_path)))
    yield '\n"""The Engine.IO endpoint path, from the server the package was generated for."""\nDEFAULT_URL = '
    yield str(t_4((undefined(name='default_url') if l_0_default_url is missing else l_0_default_url)))
    yield '\n"""The origin a client connects to when given no URL: the generated-for server\'s ("": none)."""\n'
    for l_1_mode in ('sync', 'async'):
        l_1_base = l_1_prefix = l_1_adef = l_1_aawait = missing
        _loop_vars = {}
        pass
        l_1_base = ('SyncNamespace' if (l_1_mode == 'sync') else 'AsyncNamespace')
        _loop_vars['base'] = l_1_base
        l_1_prefix = ('' if (l_1_mode == 'sync') else 'Async')
        _loop_vars['prefix'] = l_1_prefix
        l_1_adef = ('def' if (l_1_mode == 'sync') else 'async def')
        _loop_vars['adef'] = l_1_adef
        l_1_aawait = ('' if (l_1_mode == 'sync') else 'await ')
        _loop_vars['aawait'] = l_1_aawait
        for l_2_ns in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces'):
            _loop_vars = {}
            pass
            yield '\n\nclass '
            yield str((undefined(name='prefix') if l_1_prefix is missing else l_1_prefix))
            yield str(environment.getattr(l_2_ns, 'class_prefix'))
            yield 'Namespace('
            yield str((undefined(name='base') if l_1_base is missing else l_1_base))
            yield '):\n    '
            yield str(t_1(str_join(('Namespace ', t_4(environment.getattr(l_2_ns, 'name')), (' (asyncio).' if (l_1_mode == 'async') else '.'), (str_join(('\n\n', environment.getattr(l_2_ns, 'description'), )) if environment.getattr(l_2_ns, 'description') else ''), )), 4))
            yield '\n\n    namespace: ClassVar[str] = '
            yield str(t_4(environment.getattr(l_2_ns, 'name')))
            yield '\n'
            if environment.getattr(l_2_ns, 'dynamic'):
                pass
                yield '    address: ClassVar[tuple[str, ...]] = ('
                for l_3_part in environment.getattr(l_2_ns, 'address'):
                    _loop_vars = {}
                    pass
                    yield str(t_4(l_3_part))
                    yield ', '
                l_3_part = missing
                yield ')\n'
            for l_3_ev in environment.getattr(l_2_ns, 'client_events'):
                l_3_methods = resolve('methods')
                l_3_method_params = resolve('method_params')
                l_3_ack_type = resolve('ack_type')
                l_3_event_doc = resolve('event_doc')
                l_3_data_expr = resolve('data_expr')
                l_3_arguments_kw = resolve('arguments_kw')
                l_3_ack_arguments_kw = resolve('ack_arguments_kw')
                l_3_m = missing
                _loop_vars = {}
                pass
                l_3_m = environment.getitem(context.call((undefined(name='methods') if l_3_methods is missing else l_3_methods), l_2_ns, _loop_vars=_loop_vars), ('client', environment.getattr(l_3_ev, 'name')))
                _loop_vars['m'] = l_3_m
                yield '\n    '
                yield str((undefined(name='adef') if l_1_adef is missing else l_1_adef))
                yield ' '
                yield str((undefined(name='m') if l_3_m is missing else l_3_m))
                yield '(self'
                yield str(context.call((undefined(name='method_params') if l_3_method_params is missing else l_3_method_params), l_3_ev, _loop_vars=_loop_vars))
                yield str((((', timeout: float | None = None' if environment.getattr(l_3_ev, 'variadic') else ', *, timeout: float | None = None') if environment.getattr(l_3_ev, 'ack') else cond_expr_undefined("the inline if-expression on line 57 in 'client/client.py.j2' evaluated to false and no else section was defined.")) or ''))
                yield ') -> '
                yield str(context.call((undefined(name='ack_type') if l_3_ack_type is missing else l_3_ack_type), l_3_ev, _loop_vars=_loop_vars))
                yield ':\n        '
                yield str(t_1(str_join((context.call((undefined(name='event_doc') if l_3_event_doc is missing else l_3_event_doc), l_3_ev, _loop_vars=_loop_vars), ("\n\nWaits for the ack (``timeout`` defaults to the client's ``default_timeout``) and returns\nit validated. Raises AckTimeoutError, AckValidationError, or ServerError (the server\nanswered with an error object)." if environment.getattr(l_3_ev, 'ack') else '\n\nSends the event; the spec declares no ack.'), )), 8))
                yield '\n'
                if environment.getattr(l_3_ev, 'ack'):
                    pass
                    yield '        result: '
                    yield str(context.call((undefined(name='ack_type') if l_3_ack_type is missing else l_3_ack_type), l_3_ev, _loop_vars=_loop_vars))
                    yield ' = '
                    yield str((undefined(name='aawait') if l_1_aawait is missing else l_1_aawait))
                    yield 'self._call('
                    yield str(t_4(environment.getattr(l_3_ev, 'name')))
                    yield ', '
                    yield str((str_join(('models.', environment.getattr(environment.getattr(l_3_ev, 'payload'), 'model'), )) if environment.getattr(l_3_ev, 'payload') else 'None'))
                    yield ', '
                    yield str(context.call((undefined(name='data_expr') if l_3_data_expr is missing else l_3_data_expr), l_3_ev, _loop_vars=_loop_vars))
                    yield ', models.'
                    yield str(environment.getattr(environment.getattr(l_3_ev, 'ack'), 'model'))
                    yield ', timeout'
                    yield str(context.call((undefined(name='arguments_kw') if l_3_arguments_kw is missing else l_3_arguments_kw), l_3_ev, _loop_vars=_loop_vars))
                    yield str(context.call((undefined(name='ack_arguments_kw') if l_3_ack_arguments_kw is missing else l_3_ack_arguments_kw), l_3_ev, _loop_vars=_loop_vars))
                    yield ')\n        return result\n'
                else:
                    pass
                    yield '        '
                    yield str((undefined(name='aawait') if l_1_aawait is missing else l_1_aawait))
                    yield 'self._emit('
                    yield str(t_4(environment.getattr(l_3_ev, 'name')))
                    yield ', '
                    yield str((str_join(('models.', environment.getattr(environment.getattr(l_3_ev, 'payload'), 'model'), )) if environment.getattr(l_3_ev, 'payload') else 'None'))
                    yield ', '
                    yield str(context.call((undefined(name='data_expr') if l_3_data_expr is missing else l_3_data_expr), l_3_ev, _loop_vars=_loop_vars))
                    yield str(context.call((undefined(name='arguments_kw') if l_3_arguments_kw is missing else l_3_arguments_kw), l_3_ev, _loop_vars=_loop_vars))
                    yield ')\n'
            l_3_ev = l_3_methods = l_3_m = l_3_method_params = l_3_ack_type = l_3_event_doc = l_3_data_expr = l_3_arguments_kw = l_3_ack_arguments_kw = missing
            for l_3_ev in environment.getattr(l_2_ns, 'server_events'):
                l_3_methods = resolve('methods')
                l_3_ack_type = resolve('ack_type')
                l_3_payload_types = resolve('payload_types')
                l_3_event_doc = resolve('event_doc')
                l_3_arguments_kw = resolve('arguments_kw')
                l_3_ack_arguments_kw = resolve('ack_arguments_kw')
                l_3_m = l_3_returns = l_3_handler_type = missing
                _loop_vars = {}
                pass
                l_3_m = environment.getitem(context.call((undefined(name='methods') if l_3_methods is missing else l_3_methods), l_2_ns, _loop_vars=_loop_vars), ('server', environment.getattr(l_3_ev, 'name')))
                _loop_vars['m'] = l_3_m
                l_3_returns = context.call((undefined(name='ack_type') if l_3_ack_type is missing else l_3_ack_type), l_3_ev, _loop_vars=_loop_vars)
                _loop_vars['returns'] = l_3_returns
                l_3_handler_type = str_join(('Callable[[', context.call((undefined(name='payload_types') if l_3_payload_types is missing else l_3_payload_types), l_3_ev, _loop_vars=_loop_vars), '], ', ((undefined(name='returns') if l_3_returns is missing else l_3_returns) if (l_1_mode == 'sync') else str_join(('Awaitable[', (undefined(name='returns') if l_3_returns is missing else l_3_returns), '] | ', (undefined(name='returns') if l_3_returns is missing else l_3_returns), ))), ']', ))
                _loop_vars['handler_type'] = l_3_handler_type
                yield '\n    def '
                yield str((undefined(name='m') if l_3_m is missing else l_3_m))
                yield '(self, handler: '
                yield str((undefined(name='handler_type') if l_3_handler_type is missing else l_3_handler_type))
                yield ') -> '
                yield str((undefined(name='handler_type') if l_3_handler_type is missing else l_3_handler_type))
                yield ':\n        '
                yield str(t_1(str_join(('Register the handler of ', t_4(environment.getattr(l_3_ev, 'name')), ' (usable as a decorator).\n\nIt receives the validated payload; an invalid one goes to the error handlers instead.', ("\nThe server expects an ack: the handler's return value, validated." if environment.getattr(l_3_ev, 'ack') else ''), '\n\n', context.call((undefined(name='event_doc') if l_3_event_doc is missing else l_3_event_doc), l_3_ev, _loop_vars=_loop_vars), )), 8))
                yield '\n        self._on('
                yield str(t_4(environment.getattr(l_3_ev, 'name')))
                yield ', '
                yield str((str_join(('models.', environment.getattr(environment.getattr(l_3_ev, 'payload'), 'model'), )) if environment.getattr(l_3_ev, 'payload') else 'None'))
                yield ', '
                yield str((str_join(('models.', environment.getattr(environment.getattr(l_3_ev, 'ack'), 'model'), )) if environment.getattr(l_3_ev, 'ack') else 'None'))
                yield ', handler'
                yield str(context.call((undefined(name='arguments_kw') if l_3_arguments_kw is missing else l_3_arguments_kw), l_3_ev, _loop_vars=_loop_vars))
                yield str(context.call((undefined(name='ack_arguments_kw') if l_3_ack_arguments_kw is missing else l_3_ack_arguments_kw), l_3_ev, _loop_vars=_loop_vars))
                yield ')\n        return handler\n'
            l_3_ev = l_3_methods = l_3_m = l_3_ack_type = l_3_returns = l_3_payload_types = l_3_handler_type = l_3_event_doc = l_3_arguments_kw = l_3_ack_arguments_kw = missing
        l_2_ns = missing
        yield '\n\nclass '
        yield str((undefined(name='prefix') if l_1_prefix is missing else l_1_prefix))
        yield 'Client(_'
        yield str(('Sync' if (l_1_mode == 'sync') else 'Async'))
        yield 'ClientBase):\n    '
        yield str(t_1(str_join((str_join((environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'title'), ': typed ', ('asyncio ' if (l_1_mode == 'async') else ''), 'Socket.IO client.', )), '\n\n``', (undefined(name='prefix') if l_1_prefix is missing else l_1_prefix), 'Client(url=None, *, socketio_path=None, auth=None, query=None, headers=None,\ntransports=None, wait_timeout=5.0, default_timeout=60.0, namespaces=None, **options)``;\n', ('``async with``' if (l_1_mode == 'async') else '``with``'), ' connects and disconnects.', )), 4))
        yield '\n\n    namespace_names: ClassVar[tuple[str, ...]] = ('
        def t_7(fiter):
            for l_2_ns in fiter:
                if (not environment.getattr(l_2_ns, 'dynamic')):
                    yield l_2_ns
        for l_2_ns in t_7(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces')):
            _loop_vars = {}
            pass
            yield str(t_4(environment.getattr(l_2_ns, 'name')))
            yield ', '
        l_2_ns = missing
        yield ')\n'
        if t_3(context.eval_ctx, t_6(context, environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces'), 'dynamic')):
            pass
            yield '    dynamic_namespaces: ClassVar[tuple[tuple[str, str], ...]] = ('
            def t_8(fiter):
                for l_2_ns in fiter:
                    if environment.getattr(l_2_ns, 'dynamic'):
                        yield l_2_ns
            for l_2_ns in t_8(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces')):
                l_2_attrs = resolve('attrs')
                _loop_vars = {}
                pass
                yield '('
                yield str(t_4(environment.getattr(l_2_ns, 'name')))
                yield ', '
                yield str(t_4(environment.getitem((undefined(name='attrs') if l_2_attrs is missing else l_2_attrs), environment.getattr(l_2_ns, 'name'))))
                yield '), '
            l_2_ns = l_2_attrs = missing
            yield ')\n'
        yield '    default_socketio_path: ClassVar[str] = SOCKETIO_PATH\n    default_url: ClassVar[str] = DEFAULT_URL\n'
        def t_9(fiter):
            for l_2_ns in fiter:
                if (not environment.getattr(l_2_ns, 'dynamic')):
                    yield l_2_ns
        for l_2_ns in t_9(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces')):
            l_2_attrs = resolve('attrs')
            _loop_vars = {}
            pass
            yield '    '
            yield str(environment.getitem((undefined(name='attrs') if l_2_attrs is missing else l_2_attrs), environment.getattr(l_2_ns, 'name')))
            yield ': '
            yield str((undefined(name='prefix') if l_1_prefix is missing else l_1_prefix))
            yield str(environment.getattr(l_2_ns, 'class_prefix'))
            yield 'Namespace\n'
        l_2_ns = l_2_attrs = missing
        yield '\n'
        if (undefined(name='params') if l_0_params is missing else l_0_params):
            pass
            for l_2_variant in (('all', 'some', 'impl') if (undefined(name='required_params') if l_0_required_params is missing else l_0_required_params) else ('impl',)):
                l_2_params_doc = resolve('params_doc')
                _loop_vars = {}
                pass
                yield '\n'
                if (l_2_variant != 'impl'):
                    pass
                    yield '    @overload\n'
                yield '    def __init__(\n        self,\n        url: str | None = None,\n        *,\n'
                for l_3_p in (undefined(name='params') if l_0_params is missing else l_0_params):
                    _loop_vars = {}
                    pass
                    if (environment.getattr(l_3_p, 'required') and (l_2_variant == 'all')):
                        pass
                        yield '        '
                        yield str(environment.getattr(l_3_p, 'name'))
                        yield ': '
                        yield str(environment.getattr(l_3_p, 'annotation'))
                        yield ',\n'
                    else:
                        pass
                        yield '        '
                        yield str(environment.getattr(l_3_p, 'name'))
                        yield ': '
                        yield str(environment.getattr(l_3_p, 'annotation'))
                        yield str((' | None' if environment.getattr(l_3_p, 'required') else cond_expr_undefined("the inline if-expression on line 106 in 'client/client.py.j2' evaluated to false and no else section was defined.")))
                        yield ' = None,\n'
                l_3_p = missing
                yield '        socketio_path: str | None = None,\n        auth: Any = None,\n        query: Mapping[str, str] | None = None,\n        headers: Mapping[str, str] | None = None,\n        transports: Sequence[str] | None = None,\n        wait_timeout: float = 5.0,\n        default_timeout: float = 60.0,\n'
                if (l_2_variant == 'all'):
                    pass
                    yield '        namespaces: None = None,\n'
                elif (l_2_variant == 'some'):
                    pass
                    yield '        namespaces: Sequence[str],\n'
                else:
                    pass
                    yield '        namespaces: Sequence[str] | None = None,\n'
                yield '        **options: Unpack[SocketIOOptions],\n'
                if (l_2_variant != 'impl'):
                    pass
                    yield '    ) -> None: ...\n'
                else:
                    pass
                    yield '    ) -> None:\n        '
                    yield str(t_1(str_join(('Connection parameters typed from the spec, validated before connecting:\n\n', t_2(context.eval_ctx, (undefined(name='params_doc') if l_2_params_doc is missing else l_2_params_doc), '\n'), ('\n\nA binding with required fields is required when its namespace is connected: always when\n``namespaces`` is not given, else only for the namespaces it lists (ConnectParamsError\nnames what is missing).' if (undefined(name='required_params') if l_0_required_params is missing else l_0_required_params) else ''), '\n\nThe other parameters are those of every generated client.', )), 8))
                    yield '\n'
                    if (undefined(name='required_params') if l_0_required_params is missing else l_0_required_params):
                        pass
                        yield '        require_bindings(\n            list(namespaces or self.namespace_names),\n            (\n'
                        for l_3_p in (undefined(name='required_params') if l_0_required_params is missing else l_0_required_params):
                            _loop_vars = {}
                            pass
                            yield '                ('
                            yield str(t_4(environment.getattr(l_3_p, 'namespace')))
                            yield ', '
                            yield str(t_4(environment.getattr(l_3_p, 'name')))
                            yield ', '
                            yield str(t_4(environment.getattr(l_3_p, 'binding')))
                            yield ', '
                            yield str(environment.getattr(l_3_p, 'name'))
                            yield '),\n'
                        l_3_p = missing
                        yield '            ),\n        )\n'
                    yield '        handshake = Handshake()\n'
                    for l_3_p in (undefined(name='params') if l_0_params is missing else l_0_params):
                        _loop_vars = {}
                        pass
                        yield '        '
                        yield str(environment.getattr(l_3_p, 'call'))
                        yield '\n'
                    l_3_p = missing
                    yield '        super().__init__(\n            url,\n            socketio_path=socketio_path,\n            auth=auth,\n            query=merged(query, handshake.query),\n            headers=merged(headers, handshake.headers),\n            transports=transports,\n            wait_timeout=wait_timeout,\n            default_timeout=default_timeout,\n            namespaces=namespaces,\n            **options,\n        )\n'
            l_2_variant = l_2_params_doc = missing
        yield '\n    def _make_namespaces(self) -> None:\n'
        def t_10(fiter):
            for l_2_ns in fiter:
                if (not environment.getattr(l_2_ns, 'dynamic')):
                    yield l_2_ns
        for l_2_ns in t_10(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces')):
            l_2_attrs = resolve('attrs')
            _loop_vars = {}
            pass
            yield '        self.'
            yield str(environment.getitem((undefined(name='attrs') if l_2_attrs is missing else l_2_attrs), environment.getattr(l_2_ns, 'name')))
            yield ' = '
            yield str((undefined(name='prefix') if l_1_prefix is missing else l_1_prefix))
            yield str(environment.getattr(l_2_ns, 'class_prefix'))
            yield 'Namespace(self)\n'
        l_2_ns = l_2_attrs = missing
        if (not t_3(context.eval_ctx, t_5(context, environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces'), 'dynamic'))):
            pass
            yield '        return None\n'
        def t_11(fiter):
            for l_2_ns in fiter:
                if environment.getattr(l_2_ns, 'dynamic'):
                    yield l_2_ns
        for l_2_ns in t_11(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces')):
            l_2_attrs = resolve('attrs')
            _loop_vars = {}
            pass
            yield '\n    def '
            yield str(environment.getitem((undefined(name='attrs') if l_2_attrs is missing else l_2_attrs), environment.getattr(l_2_ns, 'name')))
            yield '(self, params: models.'
            yield str(environment.getattr(environment.getattr(l_2_ns, 'params'), 'model'))
            yield ') -> '
            yield str((undefined(name='prefix') if l_1_prefix is missing else l_1_prefix))
            yield str(environment.getattr(l_2_ns, 'class_prefix'))
            yield 'Namespace:\n        '
            yield str(t_1(str_join(('The instance of ', t_4(environment.getattr(l_2_ns, 'name')), ' that ``params`` name (their values in its name),\nconnected with the others by ``connect()``: make it before connecting. The same\nparameters give the same object; invalid ones raise ConnectParamsError.', )), 8))
            yield '\n        return self._instance('
            yield str((undefined(name='prefix') if l_1_prefix is missing else l_1_prefix))
            yield str(environment.getattr(l_2_ns, 'class_prefix'))
            yield 'Namespace, '
            yield str((undefined(name='prefix') if l_1_prefix is missing else l_1_prefix))
            yield str(environment.getattr(l_2_ns, 'class_prefix'))
            yield 'Namespace.address, models.'
            yield str(environment.getattr(environment.getattr(l_2_ns, 'params'), 'model'))
            yield ', params)\n'
        l_2_ns = l_2_attrs = missing
        def t_12(fiter):
            for l_2_ns in fiter:
                if (environment.getattr(l_2_ns, 'name') == '/'):
                    yield l_2_ns
        for l_2_ns in t_12(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces')):
            l_2_hook_returns = missing
            _loop_vars = {}
            pass
            l_2_hook_returns = ('None' if (l_1_mode == 'sync') else 'Awaitable[None] | None')
            _loop_vars['hook_returns'] = l_2_hook_returns
            for (l_3_hook, l_3_args) in (('on_connect', ''), ('on_disconnect', 'str'), ('on_connect_error', 'ConnectRefusedError')):
                l_3_attrs = resolve('attrs')
                _loop_vars = {}
                pass
                yield '\n    def '
                yield str(l_3_hook)
                yield '(self, handler: Callable[['
                yield str(l_3_args)
                yield '], '
                yield str((undefined(name='hook_returns') if l_2_hook_returns is missing else l_2_hook_returns))
                yield ']) -> Callable[['
                yield str(l_3_args)
                yield '], '
                yield str((undefined(name='hook_returns') if l_2_hook_returns is missing else l_2_hook_returns))
                yield ']:\n        '
                yield str(t_1(str_join(('Same as ``self.', environment.getitem((undefined(name='attrs') if l_3_attrs is missing else l_3_attrs), environment.getattr(l_2_ns, 'name')), '.', l_3_hook, '``: a hook of the root namespace.', )), 8))
                yield '\n        return self.'
                yield str(environment.getitem((undefined(name='attrs') if l_3_attrs is missing else l_3_attrs), environment.getattr(l_2_ns, 'name')))
                yield '.'
                yield str(l_3_hook)
                yield '(handler)\n'
            l_3_hook = l_3_args = l_3_attrs = missing
            def t_13(fiter):
                l_3_root_shortcuts = resolve('root_shortcuts')
                for l_3_ev in fiter:
                    if context.call(environment.getattr((undefined(name='root_shortcuts') if l_3_root_shortcuts is missing else l_3_root_shortcuts), 'get'), ('client', environment.getattr(l_3_ev, 'name'))):
                        yield l_3_ev
            for l_3_ev in t_13(environment.getattr(l_2_ns, 'client_events')):
                l_3_root_shortcuts = resolve('root_shortcuts')
                l_3_method_params = resolve('method_params')
                l_3_ack_type = resolve('ack_type')
                l_3_attrs = resolve('attrs')
                l_3_forward = resolve('forward')
                l_3_m = missing
                _loop_vars = {}
                pass
                l_3_m = context.call(environment.getattr((undefined(name='root_shortcuts') if l_3_root_shortcuts is missing else l_3_root_shortcuts), 'get'), ('client', environment.getattr(l_3_ev, 'name')), _loop_vars=_loop_vars)
                _loop_vars['m'] = l_3_m
                yield '\n    '
                yield str((undefined(name='adef') if l_1_adef is missing else l_1_adef))
                yield ' '
                yield str((undefined(name='m') if l_3_m is missing else l_3_m))
                yield '(self'
                yield str(context.call((undefined(name='method_params') if l_3_method_params is missing else l_3_method_params), l_3_ev, _loop_vars=_loop_vars))
                yield str((((', timeout: float | None = None' if environment.getattr(l_3_ev, 'variadic') else ', *, timeout: float | None = None') if environment.getattr(l_3_ev, 'ack') else cond_expr_undefined("the inline if-expression on line 183 in 'client/client.py.j2' evaluated to false and no else section was defined.")) or ''))
                yield ') -> '
                yield str(context.call((undefined(name='ack_type') if l_3_ack_type is missing else l_3_ack_type), l_3_ev, _loop_vars=_loop_vars))
                yield ':\n        '
                yield str(t_1(str_join(('Same as ``self.', environment.getitem((undefined(name='attrs') if l_3_attrs is missing else l_3_attrs), environment.getattr(l_2_ns, 'name')), '.', (undefined(name='m') if l_3_m is missing else l_3_m), '``: event ', t_4(environment.getattr(l_3_ev, 'name')), ' of the root namespace.', )), 8))
                yield '\n        '
                yield str(('return ' if environment.getattr(l_3_ev, 'ack') else cond_expr_undefined("the inline if-expression on line 185 in 'client/client.py.j2' evaluated to false and no else section was defined.")))
                yield str((undefined(name='aawait') if l_1_aawait is missing else l_1_aawait))
                yield 'self.'
                yield str(environment.getitem((undefined(name='attrs') if l_3_attrs is missing else l_3_attrs), environment.getattr(l_2_ns, 'name')))
                yield '.'
                yield str((undefined(name='m') if l_3_m is missing else l_3_m))
                yield '('
                yield str(context.call((undefined(name='forward') if l_3_forward is missing else l_3_forward), l_3_ev, _loop_vars=_loop_vars))
                yield str((', ' if (environment.getattr(l_3_ev, 'payload') and environment.getattr(l_3_ev, 'ack')) else cond_expr_undefined("the inline if-expression on line 185 in 'client/client.py.j2' evaluated to false and no else section was defined.")))
                yield str(('timeout=timeout' if environment.getattr(l_3_ev, 'ack') else cond_expr_undefined("the inline if-expression on line 185 in 'client/client.py.j2' evaluated to false and no else section was defined.")))
                yield ')\n'
            l_3_ev = l_3_root_shortcuts = l_3_m = l_3_method_params = l_3_ack_type = l_3_attrs = l_3_forward = missing
            def t_14(fiter):
                l_3_root_shortcuts = resolve('root_shortcuts')
                for l_3_ev in fiter:
                    if context.call(environment.getattr((undefined(name='root_shortcuts') if l_3_root_shortcuts is missing else l_3_root_shortcuts), 'get'), ('server', environment.getattr(l_3_ev, 'name'))):
                        yield l_3_ev
            for l_3_ev in t_14(environment.getattr(l_2_ns, 'server_events')):
                l_3_root_shortcuts = resolve('root_shortcuts')
                l_3_ack_type = resolve('ack_type')
                l_3_payload_types = resolve('payload_types')
                l_3_attrs = resolve('attrs')
                l_3_m = l_3_returns = l_3_handler_type = missing
                _loop_vars = {}
                pass
                l_3_m = context.call(environment.getattr((undefined(name='root_shortcuts') if l_3_root_shortcuts is missing else l_3_root_shortcuts), 'get'), ('server', environment.getattr(l_3_ev, 'name')), _loop_vars=_loop_vars)
                _loop_vars['m'] = l_3_m
                l_3_returns = context.call((undefined(name='ack_type') if l_3_ack_type is missing else l_3_ack_type), l_3_ev, _loop_vars=_loop_vars)
                _loop_vars['returns'] = l_3_returns
                l_3_handler_type = str_join(('Callable[[', context.call((undefined(name='payload_types') if l_3_payload_types is missing else l_3_payload_types), l_3_ev, _loop_vars=_loop_vars), '], ', ((undefined(name='returns') if l_3_returns is missing else l_3_returns) if (l_1_mode == 'sync') else str_join(('Awaitable[', (undefined(name='returns') if l_3_returns is missing else l_3_returns), '] | ', (undefined(name='returns') if l_3_returns is missing else l_3_returns), ))), ']', ))
                _loop_vars['handler_type'] = l_3_handler_type
                yield '\n    def '
                yield str((undefined(name='m') if l_3_m is missing else l_3_m))
                yield '(self, handler: '
                yield str((undefined(name='handler_type') if l_3_handler_type is missing else l_3_handler_type))
                yield ') -> '
                yield str((undefined(name='handler_type') if l_3_handler_type is missing else l_3_handler_type))
                yield ':\n        '
                yield str(t_1(str_join(('Same as ``self.', environment.getitem((undefined(name='attrs') if l_3_attrs is missing else l_3_attrs), environment.getattr(l_2_ns, 'name')), '.', (undefined(name='m') if l_3_m is missing else l_3_m), '``: event ', t_4(environment.getattr(l_3_ev, 'name')), ' of the root namespace.', )), 8))
                yield '\n        return self.'
                yield str(environment.getitem((undefined(name='attrs') if l_3_attrs is missing else l_3_attrs), environment.getattr(l_2_ns, 'name')))
                yield '.'
                yield str((undefined(name='m') if l_3_m is missing else l_3_m))
                yield '(handler)\n'
            l_3_ev = l_3_root_shortcuts = l_3_m = l_3_ack_type = l_3_returns = l_3_payload_types = l_3_handler_type = l_3_attrs = missing
        l_2_ns = l_2_hook_returns = missing
    l_1_mode = l_1_base = l_1_prefix = l_1_adef = l_1_aawait = missing

blocks = {}
debug_info = '1=55&4=57&12=59&18=61&25=65&29=69&35=73&37=75&39=77&40=81&41=83&42=85&43=87&44=89&47=93&48=98&50=100&51=102&52=105&54=112&55=123&57=126&58=135&59=137&60=140&63=158&66=168&67=178&68=180&69=182&71=185&72=191&73=193&79=205&80=209&82=211&83=222&84=225&88=241&89=250&92=257&93=259&95=264&102=268&103=271&104=274&106=281&116=288&118=291&124=298&128=304&129=306&133=309&134=313&140=324&141=328&160=334&161=343&163=349&166=352&168=361&169=368&170=370&172=379&173=387&174=389&176=394&177=404&178=406&180=411&181=425&183=428&184=437&185=439&187=451&188=464&189=466&190=468&192=471&193=477&194=479'
