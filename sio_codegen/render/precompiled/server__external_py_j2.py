# Compiled from templates/server/external.py.j2 by Jinja2 3.1.6: DO NOT EDIT.
# Regenerate with python tests/golden.py (sio_codegen.render.jinja.write_precompiled).
COMPILED_FROM = 'f55af9c28e1091102e35d57ceddbdd2f4bcbcec50072f5867516f78cc4210e84'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'server/external.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_package = resolve('package')
    l_0_api = resolve('api')
    l_0_room_types = resolve('room_types')
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
        t_5 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n"""Typed, validated emits from a process that is not a server (a Celery task, a cron job, a\nscript), through the message queue the server processes share::\n\n    from '
    yield str((undefined(name='package') if l_0_package is missing else l_0_package))
    yield '._generated.external import external_emitter\n\n    emitter = external_emitter("redis://127.0.0.1:6379/0")\n    emitter.<namespace>.emit_<event>(data, to=None)  # everyone; to= a sid or a room\n\n``async_external_emitter`` is the same for asyncio code (``await ...emit_<event>(...)``).\nEach emit is validated like the server\'s emitters (``EmitValidationError``, nothing published),\nthen published on the queue for every server process to deliver to its clients; a message the\nqueue does not take (Redis down) raises ``MessageLostError``: nothing was published. There is no\n``call_<event>`` and no ``callback``: a queue cannot carry a client\'s ack back to a process\nthat is not a server.\n"""\n\nfrom __future__ import annotations\n\nfrom typing import Any, ClassVar\n\nfrom pydantic import BaseModel\n\nfrom . import models\nfrom .queue import (\n    DEFAULT_CHANNEL,\n    MessageLostError,\n    QueueURLError,\n    queue_manager,\n    reporting,\n)\nfrom .runtime import EmitValidationError, RoomNameError, check_room, emit_arguments, emit_data'
    yield str((', instance_name' if t_3(context.eval_ctx, t_5(context, environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces'), 'dynamic')) else cond_expr_undefined("the inline if-expression on line 32 in 'server/external.py.j2' evaluated to false and no else section was defined.")))
    yield ', room_target\n'
    if (undefined(name='room_types') if l_0_room_types is missing else l_0_room_types):
        pass
        yield 'from .server import '
        yield str(t_2(context.eval_ctx, (undefined(name='room_types') if l_0_room_types is missing else l_0_room_types), ', '))
        yield '\n'
    yield '\n__all__ = [\n    "AsyncExternalEmitter",\n    "EmitValidationError",\n    "ExternalEmitter",\n    "MessageLostError",\n    "QueueURLError",\n    "RoomNameError",\n    "async_external_emitter",\n    "external_emitter",\n    "reporting",\n]\n\nclass _Namespace:\n    """What the per-namespace emitters share: the manager and the validation switch."""\n\n    namespace: ClassVar[str] = "/"\n    room_model: ClassVar[type[BaseModel] | None] = None\n    """The JSON Schema model of the namespace\'s room names (x-rooms); None: any string."""\n\n    def __init__(self, manager: Any, validate: bool, target: str | None = None) -> None:\n        self._manager = manager\n        self.validate = validate\n        self.target = target or self.namespace\n        """The namespace emits go to: an instance of a dynamic namespace names its own."""\n\n    def _data(\n        self,\n        event: str,\n        model: type[BaseModel] | None,\n        data: Any,\n        arguments: tuple[type[BaseModel], ...],\n        variadic: bool = False,\n        rest: type[BaseModel] | None = None,\n    ) -> Any:\n        """What to publish: None (no data), the data, or a tuple of several arguments (and the\n        rest arguments, ``variadic``: each ``rest``\'s, or any value); validated first when\n        ``validate`` is on."""\n        if model is None:\n            return None\n        if arguments or variadic:\n            return tuple(emit_arguments(model, arguments, data, event, self.namespace, self.validate, variadic, rest))\n        return emit_data(model, data, event, self.namespace, self.validate)\n'
    for l_1_asyncio in (False, True):
        _loop_vars = {}
        pass
        for l_2_ns in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces'):
            l_2_room_type = resolve('room_type')
            _loop_vars = {}
            pass
            yield '\n\nclass '
            yield str(environment.getattr(l_2_ns, 'class_prefix'))
            yield str(('Async' if l_1_asyncio else cond_expr_undefined("the inline if-expression on line 83 in 'server/external.py.j2' evaluated to false and no else section was defined.")))
            yield 'ExternalEmitter(_Namespace):\n    '
            yield str(t_1(str_join(('Typed, validated ', ('asyncio ' if l_1_asyncio else cond_expr_undefined("the inline if-expression on line 84 in 'server/external.py.j2' evaluated to false and no else section was defined.")), 'emits of the events the server sends in namespace ', t_4(environment.getattr(l_2_ns, 'name')), ', through the queue.', )), 4))
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
            if environment.getattr(l_2_ns, 'rooms'):
                pass
                yield '    room_model: ClassVar[type[BaseModel] | None] = models.'
                yield str(environment.getattr(environment.getattr(environment.getattr(l_2_ns, 'rooms'), 'schema'), 'model'))
                yield '\n'
            yield '\n    '
            yield str(('async ' if l_1_asyncio else cond_expr_undefined("the inline if-expression on line 94 in 'server/external.py.j2' evaluated to false and no else section was defined.")))
            yield 'def enter_room(self, sid: str, room: '
            yield str(context.call((undefined(name='room_type') if l_2_room_type is missing else l_2_room_type), l_2_ns, _loop_vars=_loop_vars))
            yield ') -> None:\n        """Put client ``sid`` (connected to any server process) in ``room``."""\n        checked = check_room(self.room_model, room, self.namespace)\n        '
            yield str(('await ' if l_1_asyncio else cond_expr_undefined("the inline if-expression on line 97 in 'server/external.py.j2' evaluated to false and no else section was defined.")))
            yield 'self._manager.enter_room(sid, self.target, checked)\n\n    '
            yield str(('async ' if l_1_asyncio else cond_expr_undefined("the inline if-expression on line 99 in 'server/external.py.j2' evaluated to false and no else section was defined.")))
            yield 'def leave_room(self, sid: str, room: '
            yield str(context.call((undefined(name='room_type') if l_2_room_type is missing else l_2_room_type), l_2_ns, _loop_vars=_loop_vars))
            yield ') -> None:\n        """Take client ``sid`` (connected to any server process) out of ``room``."""\n        checked = check_room(self.room_model, room, self.namespace)\n        '
            yield str(('await ' if l_1_asyncio else cond_expr_undefined("the inline if-expression on line 102 in 'server/external.py.j2' evaluated to false and no else section was defined.")))
            yield 'self._manager.leave_room(sid, self.target, checked)\n\n    '
            yield str(('async ' if l_1_asyncio else cond_expr_undefined("the inline if-expression on line 104 in 'server/external.py.j2' evaluated to false and no else section was defined.")))
            yield 'def close_room(self, room: '
            yield str(context.call((undefined(name='room_type') if l_2_room_type is missing else l_2_room_type), l_2_ns, _loop_vars=_loop_vars))
            yield ') -> None:\n        """Take every client, on every server process, out of ``room``'
            yield str((" (of this emitter's instance)" if environment.getattr(l_2_ns, 'dynamic') else cond_expr_undefined("the inline if-expression on line 105 in 'server/external.py.j2' evaluated to false and no else section was defined.")))
            yield '."""\n        checked = check_room(self.room_model, room, self.namespace)\n        '
            yield str(('await ' if l_1_asyncio else cond_expr_undefined("the inline if-expression on line 107 in 'server/external.py.j2' evaluated to false and no else section was defined.")))
            yield 'self._manager.close_room(checked, namespace=self.target)\n'
            for l_3_ev in environment.getattr(l_2_ns, 'server_events'):
                l_3_data_params = resolve('data_params')
                l_3_event_doc = resolve('event_doc')
                l_3_data_expr = resolve('data_expr')
                l_3_arguments_expr = resolve('arguments_expr')
                l_3_rest_kw = resolve('rest_kw')
                _loop_vars = {}
                pass
                yield '\n    '
                yield str(('async ' if l_1_asyncio else cond_expr_undefined("the inline if-expression on line 110 in 'server/external.py.j2' evaluated to false and no else section was defined.")))
                yield 'def emit_'
                yield str(environment.getattr(l_3_ev, 'identifier'))
                yield '(\n        self,\n'
                for l_4_param in context.call((undefined(name='data_params') if l_3_data_params is missing else l_3_data_params), l_3_ev, _loop_vars=_loop_vars):
                    _loop_vars = {}
                    pass
                    yield '        '
                    yield str(l_4_param)
                    yield ',\n'
                l_4_param = missing
                if (not environment.getattr(l_3_ev, 'variadic')):
                    pass
                    yield '        *,\n'
                yield '        to: str | None = None,\n        room: '
                yield str(context.call((undefined(name='room_type') if l_2_room_type is missing else l_2_room_type), l_2_ns, _loop_vars=_loop_vars))
                yield ' | None = None,\n        skip_sid: str | None = None,\n    ) -> None:\n        '
                yield str(t_1(str_join(('Publish ', t_4(environment.getattr(l_3_ev, 'name')), ' for one client (to=, a sid), a room (room=) or everyone in the namespace.\n\n', context.call((undefined(name='event_doc') if l_3_event_doc is missing else l_3_event_doc), l_3_ev, _loop_vars=_loop_vars), )), 8))
                yield '\n        sent = self._data('
                yield str(t_4(environment.getattr(l_3_ev, 'name')))
                yield ', '
                yield str((str_join(('models.', environment.getattr(environment.getattr(l_3_ev, 'payload'), 'model'), )) if environment.getattr(l_3_ev, 'payload') else 'None'))
                yield ', '
                yield str(context.call((undefined(name='data_expr') if l_3_data_expr is missing else l_3_data_expr), l_3_ev, _loop_vars=_loop_vars))
                yield ', '
                yield str((context.call((undefined(name='arguments_expr') if l_3_arguments_expr is missing else l_3_arguments_expr), l_3_ev, _loop_vars=_loop_vars) if environment.getattr(l_3_ev, 'arguments') else '()'))
                yield str(context.call((undefined(name='rest_kw') if l_3_rest_kw is missing else l_3_rest_kw), l_3_ev, _loop_vars=_loop_vars))
                yield ')\n        target = room_target(self.room_model, to, room, self.namespace)\n        '
                yield str(('await ' if l_1_asyncio else cond_expr_undefined("the inline if-expression on line 125 in 'server/external.py.j2' evaluated to false and no else section was defined.")))
                yield 'self._manager.emit('
                yield str(t_4(environment.getattr(l_3_ev, 'name')))
                yield ', sent, namespace=self.target, room=target, skip_sid=skip_sid)\n'
            l_3_ev = l_3_data_params = l_3_event_doc = l_3_data_expr = l_3_arguments_expr = l_3_rest_kw = missing
        l_2_ns = l_2_room_type = missing
        yield '\n\nclass '
        yield str(('Async' if l_1_asyncio else cond_expr_undefined("the inline if-expression on line 130 in 'server/external.py.j2' evaluated to false and no else section was defined.")))
        yield 'ExternalEmitter:\n    '
        yield str(t_1(str_join(('The typed ', ('asyncio ' if l_1_asyncio else cond_expr_undefined("the inline if-expression on line 131 in 'server/external.py.j2' evaluated to false and no else section was defined.")), 'emitters of every namespace, publishing through one queue manager.', )), 4))
        yield '\n\n    def __init__(self, manager: Any, *, validate: bool = True) -> None:\n        """``manager``: a write-only python-socketio '
        yield str(('asyncio ' if l_1_asyncio else cond_expr_undefined("the inline if-expression on line 134 in 'server/external.py.j2' evaluated to false and no else section was defined.")))
        yield 'client manager (see\n        :func:`queue_manager`), made by ``reporting(<its class>, lost="raise")`` for a message the\n        queue does not take to raise :class:`MessageLostError`; ``validate=False`` publishes\n        without validating."""\n        self._manager = manager\n        self._validate = validate\n'
        def t_6(fiter):
            for l_2_ns in fiter:
                if (not environment.getattr(l_2_ns, 'dynamic')):
                    yield l_2_ns
        for l_2_ns in t_6(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces')):
            _loop_vars = {}
            pass
            yield '        self.'
            yield str(environment.getattr(l_2_ns, 'identifier'))
            yield ' = '
            yield str(environment.getattr(l_2_ns, 'class_prefix'))
            yield str(('Async' if l_1_asyncio else cond_expr_undefined("the inline if-expression on line 141 in 'server/external.py.j2' evaluated to false and no else section was defined.")))
            yield 'ExternalEmitter(manager, validate)\n'
        l_2_ns = missing
        def t_7(fiter):
            for l_2_ns in fiter:
                if environment.getattr(l_2_ns, 'dynamic'):
                    yield l_2_ns
        for l_2_ns in t_7(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces')):
            l_2_cls = missing
            _loop_vars = {}
            pass
            l_2_cls = str_join((environment.getattr(l_2_ns, 'class_prefix'), ('Async' if l_1_asyncio else ''), 'ExternalEmitter', ))
            _loop_vars['cls'] = l_2_cls
            yield '\n    def '
            yield str(environment.getattr(l_2_ns, 'identifier'))
            yield '(self, params: models.'
            yield str(environment.getattr(environment.getattr(l_2_ns, 'params'), 'model'))
            yield ') -> '
            yield str((undefined(name='cls') if l_2_cls is missing else l_2_cls))
            yield ':\n        '
            yield str(t_1(str_join(('The emitter of one instance of ', t_4(environment.getattr(l_2_ns, 'name')), ': the one ``params`` name (their values in\nits name); parameters that do not match their schema are an EmitValidationError.', )), 8))
            yield '\n        name = instance_name('
            yield str((undefined(name='cls') if l_2_cls is missing else l_2_cls))
            yield '.address, models.'
            yield str(environment.getattr(environment.getattr(l_2_ns, 'params'), 'model'))
            yield ', params, self._validate)\n        return '
            yield str((undefined(name='cls') if l_2_cls is missing else l_2_cls))
            yield '(self._manager, self._validate, name)\n'
        l_2_ns = l_2_cls = missing
    l_1_asyncio = missing
    yield '\n\ndef external_emitter(url: str, *, channel: str = DEFAULT_CHANNEL, validate: bool = True) -> ExternalEmitter:\n    """Emits through the message queue at ``url`` (the servers\' ``SIO_MESSAGE_QUEUE``) on\n    ``channel`` (the servers\' channel), from a process that is not a server."""\n    return ExternalEmitter(queue_manager(url, channel, lost="raise"), validate=validate)\n\n\ndef async_external_emitter(\n    url: str, *, channel: str = DEFAULT_CHANNEL, validate: bool = True\n) -> AsyncExternalEmitter:\n    """The asyncio variant of :func:`external_emitter`: ``await emitter.<namespace>.emit_<event>(...)``."""\n    return AsyncExternalEmitter(queue_manager(url, channel, asyncio=True, lost="raise"), validate=validate)\n'

blocks = {}
debug_info = '1=45&5=47&32=49&33=51&34=54&79=57&80=60&83=65&84=68&86=70&87=72&88=75&90=82&91=85&94=88&97=92&99=94&102=98&104=100&105=104&107=106&108=108&110=117&112=121&113=125&115=128&119=132&122=134&123=136&125=145&130=152&131=154&134=156&140=158&141=166&143=172&144=180&146=183&147=189&148=191&149=195'
