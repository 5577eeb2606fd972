# Compiled from templates/server/server.py.j2 by Jinja2 3.1.6: DO NOT EDIT.
# Regenerate with python tests/golden.py (sio_codegen.render.jinja.write_precompiled).
COMPILED_FROM = '1ae9ba2fff06920d0b163d833da57587d7d8b51491358a4edb3cd7e11a549ec4'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'server/server.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_is_async = resolve('is_async')
    l_0_api = resolve('api')
    l_0_unpacks = resolve('unpacks')
    l_0_anys = resolve('anys')
    l_0_socketio_path = resolve('socketio_path')
    l_0_server_type = resolve('server_type')
    try:
        t_1 = environment.filters['docstring']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'docstring' found.")
    try:
        t_2 = environment.filters['list']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'list' found.")
    try:
        t_3 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    try:
        t_4 = environment.filters['rejectattr']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'rejectattr' found.")
    try:
        t_5 = environment.filters['selectattr']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'selectattr' found.")
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n"""Typed handler bases, emitters and registration of the server.\n\nSubclass the ``...Namespace`` classes in ``handlers.py``; emit with the ``...Emitter`` classes.\n"""\n\nfrom __future__ import annotations\n\nfrom collections.abc import '
    yield str(('Awaitable, ' if ((undefined(name='is_async') if l_0_is_async is missing else l_0_is_async) and environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'security_schemes')) else cond_expr_undefined("the inline if-expression on line 9 in 'server/server.py.j2' evaluated to false and no else section was defined.")))
    yield 'Callable\nfrom typing import '
    yield str(('TYPE_CHECKING, ' if (undefined(name='unpacks') if l_0_unpacks is missing else l_0_unpacks) else cond_expr_undefined("the inline if-expression on line 10 in 'server/server.py.j2' evaluated to false and no else section was defined.")))
    yield str(('Any, ' if (undefined(name='anys') if l_0_anys is missing else l_0_anys) else cond_expr_undefined("the inline if-expression on line 10 in 'server/server.py.j2' evaluated to false and no else section was defined.")))
    yield 'ClassVar'
    yield str((', Literal, cast' if t_2(context.eval_ctx, t_5(context, t_5(context, environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces'), 'rooms'), 'rooms.names')) else cond_expr_undefined("the inline if-expression on line 10 in 'server/server.py.j2' evaluated to false and no else section was defined.")))
    yield str((', NewType' if t_2(context.eval_ctx, t_4(context, t_5(context, environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces'), 'rooms'), 'rooms.names')) else cond_expr_undefined("the inline if-expression on line 10 in 'server/server.py.j2' evaluated to false and no else section was defined.")))
    yield '\n\n'
    if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async):
        pass
        yield 'from pydantic import BaseModel\nfrom socketio import AsyncServer  # type: ignore[import-untyped]\n'
    else:
        pass
        yield 'from flask_socketio import SocketIO\nfrom pydantic import BaseModel\n'
    yield '\nfrom . import models\nfrom .runtime import (\n    Emitter,\n    EventSpec,\n    NamespaceHandlers,\n    Principal,\n    Requirement,\n    SchemeSpec,\n    SecurityHandlers,\n    check_room,\n'
    if t_2(context.eval_ctx, t_5(context, environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces'), 'dynamic')):
        pass
        yield '    instance_name,\n'
    yield '    register,\n    room_target,\n)\nfrom .serving import guard\n'
    if (undefined(name='unpacks') if l_0_unpacks is missing else l_0_unpacks):
        pass
        yield '\nif TYPE_CHECKING:  # type-only: ``tuple[A, *tuple[R, ...]]`` is a SyntaxError on Python 3.10\n    from typing_extensions import Unpack\n'
    yield '\nSOCKETIO_PATH = '
    yield str(t_3((undefined(name='socketio_path') if l_0_socketio_path is missing else l_0_socketio_path)))
    yield '\n"""The Engine.IO endpoint path, from the server the package was generated for."""\n'
    def t_6(fiter):
        for l_1_ns in fiter:
            if environment.getattr(l_1_ns, 'rooms'):
                yield l_1_ns
    for l_1_ns in t_6(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces')):
        l_1_room_type = resolve('room_type')
        _loop_vars = {}
        pass
        yield '\n'
        if environment.getattr(environment.getattr(l_1_ns, 'rooms'), 'names'):
            pass
            yield str(context.call((undefined(name='room_type') if l_1_room_type is missing else l_1_room_type), l_1_ns, _loop_vars=_loop_vars))
            yield ' = Literal['
            for l_2_name in environment.getattr(environment.getattr(l_1_ns, 'rooms'), 'names'):
                _loop_vars = {}
                pass
                yield str(t_3(l_2_name))
                yield ', '
            l_2_name = missing
            yield ']\n'
        else:
            pass
            yield str(context.call((undefined(name='room_type') if l_1_room_type is missing else l_1_room_type), l_1_ns, _loop_vars=_loop_vars))
            yield ' = NewType('
            yield str(t_3(context.call((undefined(name='room_type') if l_1_room_type is missing else l_1_room_type), l_1_ns, _loop_vars=_loop_vars)))
            yield ', str)\n'
        yield str(t_1(str_join(('The rooms of namespace ', t_3(environment.getattr(l_1_ns, 'name')), ' (its x-rooms), checked at run time too.', )), 0))
        yield '\n'
    l_1_ns = l_1_room_type = missing
    for l_1_ns in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces'):
        l_1_named_hooks = resolve('named_hooks')
        l_1_async_ = resolve('async_')
        l_1_room_type = resolve('room_type')
        l_1_await_ = resolve('await_')
        l_1_server_attr = resolve('server_attr')
        _loop_vars = {}
        pass
        yield '\n\nclass '
        yield str(environment.getattr(l_1_ns, 'class_prefix'))
        yield 'Namespace(NamespaceHandlers):\n    '
        yield str(t_1(str_join(('Handlers of the Socket.IO namespace ', t_3(environment.getattr(l_1_ns, 'name')), '.\n\n', environment.getattr(l_1_ns, 'description'), )), 4))
        yield '\n\n    namespace: ClassVar[str] = '
        yield str(t_3(environment.getattr(l_1_ns, 'name')))
        yield '\n    events: ClassVar[tuple[EventSpec, ...]] = (\n'
        for l_2_ev in environment.getattr(l_1_ns, 'client_events'):
            l_2_arguments_kw = resolve('arguments_kw')
            l_2_ack_arguments_kw = resolve('ack_arguments_kw')
            _loop_vars = {}
            pass
            yield '        EventSpec('
            yield str(t_3(environment.getattr(l_2_ev, 'name')))
            yield ', "on_'
            yield str(environment.getattr(l_2_ev, 'identifier'))
            yield '", '
            yield str((str_join(('models.', environment.getattr(environment.getattr(l_2_ev, 'payload'), 'model'), )) if environment.getattr(l_2_ev, 'payload') else 'None'))
            yield ', '
            yield str((str_join(('models.', environment.getattr(environment.getattr(l_2_ev, 'ack'), 'model'), )) if environment.getattr(l_2_ev, 'ack') else 'None'))
            yield str((', multiple_args=True' if environment.getattr(l_2_ev, 'multiple_args') else cond_expr_undefined("the inline if-expression on line 63 in 'server/server.py.j2' evaluated to false and no else section was defined.")))
            yield str(context.call((undefined(name='arguments_kw') if l_2_arguments_kw is missing else l_2_arguments_kw), l_2_ev, _loop_vars=_loop_vars))
            yield str(context.call((undefined(name='ack_arguments_kw') if l_2_ack_arguments_kw is missing else l_2_ack_arguments_kw), l_2_ev, _loop_vars=_loop_vars))
            yield '),\n'
        l_2_ev = l_2_arguments_kw = l_2_ack_arguments_kw = missing
        yield '    )\n    named_hooks: ClassVar[tuple[str, ...]] = ('
        for l_2_hook in context.call((undefined(name='named_hooks') if l_1_named_hooks is missing else l_1_named_hooks), l_1_ns, _loop_vars=_loop_vars):
            _loop_vars = {}
            pass
            yield '"handle_'
            yield str(l_2_hook)
            yield '", '
        l_2_hook = missing
        yield ')\n'
        if environment.getattr(environment.getattr(l_1_ns, 'bindings'), 'query'):
            pass
            yield '    query_model: ClassVar[type[BaseModel] | None] = models.'
            yield str(environment.getattr(environment.getattr(environment.getattr(l_1_ns, 'bindings'), 'query'), 'model'))
            yield '\n'
        if environment.getattr(environment.getattr(l_1_ns, 'bindings'), 'headers'):
            pass
            yield '    headers_model: ClassVar[type[BaseModel] | None] = models.'
            yield str(environment.getattr(environment.getattr(environment.getattr(l_1_ns, 'bindings'), 'headers'), 'model'))
            yield '\n'
        if environment.getattr(l_1_ns, 'security'):
            pass
            yield '    security: ClassVar[tuple[tuple[Requirement, ...], ...]] = ('
            for l_2_alt in environment.getattr(l_1_ns, 'security'):
                _loop_vars = {}
                pass
                yield '('
                for l_3_r in l_2_alt:
                    _loop_vars = {}
                    pass
                    yield 'Requirement('
                    yield str(t_3(environment.getattr(l_3_r, 'scheme')))
                    yield ', ('
                    for l_4_s in environment.getattr(l_3_r, 'scopes'):
                        _loop_vars = {}
                        pass
                        yield str(t_3(l_4_s))
                        yield ', '
                    l_4_s = missing
                    yield ')), '
                l_3_r = missing
                yield '), '
            l_2_alt = missing
            yield ')\n'
        if environment.getattr(l_1_ns, 'rooms'):
            pass
            yield '    room_model: ClassVar[type[BaseModel] | None] = models.'
            yield str(environment.getattr(environment.getattr(environment.getattr(l_1_ns, 'rooms'), 'schema'), 'model'))
            yield '\n'
        yield '\n    '
        yield str((undefined(name='async_') if l_1_async_ is missing else l_1_async_))
        yield 'def enter_room(self, sid: str, room: '
        yield str(context.call((undefined(name='room_type') if l_1_room_type is missing else l_1_room_type), l_1_ns, _loop_vars=_loop_vars))
        yield ') -> None:\n        """Put client ``sid`` in ``room`` (RoomNameError when x-rooms does not declare it)."""\n        '
        yield str((undefined(name='await_') if l_1_await_ is missing else l_1_await_))
        yield 'self._enter_room(sid, room)\n\n    '
        yield str((undefined(name='async_') if l_1_async_ is missing else l_1_async_))
        yield 'def leave_room(self, sid: str, room: '
        yield str(context.call((undefined(name='room_type') if l_1_room_type is missing else l_1_room_type), l_1_ns, _loop_vars=_loop_vars))
        yield ') -> None:\n        """Take client ``sid`` out of ``room``."""\n        '
        yield str((undefined(name='await_') if l_1_await_ is missing else l_1_await_))
        yield 'self._leave_room(sid, room)\n\n'
        if environment.getattr(l_1_ns, 'dynamic'):
            pass
            yield '    '
            yield str((undefined(name='async_') if l_1_async_ is missing else l_1_async_))
            yield 'def close_room(self, room: '
            yield str(context.call((undefined(name='room_type') if l_1_room_type is missing else l_1_room_type), l_1_ns, _loop_vars=_loop_vars))
            yield ', *, sid: str) -> None:\n        """Take every client out of ``room`` of the instance client ``sid`` connected to."""\n        '
            yield str((undefined(name='await_') if l_1_await_ is missing else l_1_await_))
            yield 'self._close_room(room, sid)\n'
        else:
            pass
            yield '    '
            yield str((undefined(name='async_') if l_1_async_ is missing else l_1_async_))
            yield 'def close_room(self, room: '
            yield str(context.call((undefined(name='room_type') if l_1_room_type is missing else l_1_room_type), l_1_ns, _loop_vars=_loop_vars))
            yield ') -> None:\n        """Take every client out of ``room``."""\n        '
            yield str((undefined(name='await_') if l_1_await_ is missing else l_1_await_))
            yield 'self._close_room(room)\n'
        yield '\n    def as_room(self, name: str) -> '
        yield str(context.call((undefined(name='room_type') if l_1_room_type is missing else l_1_room_type), l_1_ns, _loop_vars=_loop_vars))
        yield ':\n        """``name`` (e.g. from a payload) as a room of this namespace, checked against its\n        x-rooms: RoomNameError when it is not one."""\n'
        if (not environment.getattr(l_1_ns, 'rooms')):
            pass
            yield '        return check_room(self.room_model, name, self.namespace)\n'
        elif environment.getattr(environment.getattr(l_1_ns, 'rooms'), 'names'):
            pass
            yield '        return cast('
            yield str(context.call((undefined(name='room_type') if l_1_room_type is missing else l_1_room_type), l_1_ns, _loop_vars=_loop_vars))
            yield ', check_room(self.room_model, name, self.namespace))\n'
        else:
            pass
            yield '        return '
            yield str(context.call((undefined(name='room_type') if l_1_room_type is missing else l_1_room_type), l_1_ns, _loop_vars=_loop_vars))
            yield '(check_room(self.room_model, name, self.namespace))\n'
        yield '\n    def rooms(self, sid: str) -> list[str]:\n        """The rooms client ``sid`` is in (its own sid\'s room among them), on this process."""\n        return self._rooms(sid)\n'
        if environment.getattr(l_1_ns, 'dynamic'):
            pass
            yield '    address: ClassVar[tuple[str, ...]] = ('
            for l_2_part in environment.getattr(l_1_ns, 'address'):
                _loop_vars = {}
                pass
                yield str(t_3(l_2_part))
                yield ', '
            l_2_part = missing
            yield ')\n    params_model: ClassVar[type[BaseModel] | None] = models.'
            yield str(environment.getattr(environment.getattr(l_1_ns, 'params'), 'model'))
            yield '\n\n    def params(self, sid: str) -> models.'
            yield str(environment.getattr(environment.getattr(l_1_ns, 'params'), 'model'))
            yield ':\n        '
            yield str(t_1(str_join(('The parameters of the instance of ', t_3(environment.getattr(l_1_ns, 'name')), ' that ``sid`` connected to, validated\nwhen it connected (KeyError for a sid not connected to this namespace).', )), 8))
            yield '\n        params: models.'
            yield str(environment.getattr(environment.getattr(l_1_ns, 'params'), 'model'))
            yield ' = self._params[sid]\n        return params\n'
        for l_2_ev in environment.getattr(l_1_ns, 'client_events'):
            l_2_handler_params = resolve('handler_params')
            l_2_ack_type = resolve('ack_type')
            l_2_event_doc = resolve('event_doc')
            _loop_vars = {}
            pass
            yield '\n    '
            yield str((undefined(name='async_') if l_1_async_ is missing else l_1_async_))
            yield 'def on_'
            yield str(environment.getattr(l_2_ev, 'identifier'))
            yield '('
            yield str(context.call((undefined(name='handler_params') if l_2_handler_params is missing else l_2_handler_params), l_2_ev, _loop_vars=_loop_vars))
            yield ') -> '
            yield str(context.call((undefined(name='ack_type') if l_2_ack_type is missing else l_2_ack_type), l_2_ev, _loop_vars=_loop_vars))
            yield ':\n        '
            yield str(t_1(context.call((undefined(name='event_doc') if l_2_event_doc is missing else l_2_event_doc), l_2_ev, _loop_vars=_loop_vars), 8))
            yield '\n        raise NotImplementedError\n'
        l_2_ev = l_2_handler_params = l_2_ack_type = l_2_event_doc = missing
        yield '\n\nclass '
        yield str(environment.getattr(l_1_ns, 'class_prefix'))
        yield 'Emitter(Emitter):\n    '
        yield str(t_1(str_join(('Typed, validated emits of the events the server sends in namespace ', t_3(environment.getattr(l_1_ns, 'name')), '.', )), 4))
        yield '\n\n    namespace: ClassVar[str] = '
        yield str(t_3(environment.getattr(l_1_ns, 'name')))
        yield '\n'
        if environment.getattr(l_1_ns, 'rooms'):
            pass
            yield '    room_model: ClassVar[type[BaseModel] | None] = models.'
            yield str(environment.getattr(environment.getattr(environment.getattr(l_1_ns, 'rooms'), 'schema'), 'model'))
            yield '\n'
        yield '\n    '
        yield str((undefined(name='async_') if l_1_async_ is missing else l_1_async_))
        yield 'def enter_room(self, sid: str, room: '
        yield str(context.call((undefined(name='room_type') if l_1_room_type is missing else l_1_room_type), l_1_ns, _loop_vars=_loop_vars))
        yield ') -> None:\n        """Put client ``sid`` in ``room`` (RoomNameError when x-rooms does not declare it)."""\n        '
        yield str((undefined(name='await_') if l_1_await_ is missing else l_1_await_))
        yield 'self._enter_room(sid, room)\n\n    '
        yield str((undefined(name='async_') if l_1_async_ is missing else l_1_async_))
        yield 'def leave_room(self, sid: str, room: '
        yield str(context.call((undefined(name='room_type') if l_1_room_type is missing else l_1_room_type), l_1_ns, _loop_vars=_loop_vars))
        yield ') -> None:\n        """Take client ``sid`` out of ``room``."""\n        '
        yield str((undefined(name='await_') if l_1_await_ is missing else l_1_await_))
        yield 'self._leave_room(sid, room)\n\n    '
        yield str((undefined(name='async_') if l_1_async_ is missing else l_1_async_))
        yield 'def close_room(self, room: '
        yield str(context.call((undefined(name='room_type') if l_1_room_type is missing else l_1_room_type), l_1_ns, _loop_vars=_loop_vars))
        yield ') -> None:\n        """Take every client out of ``room``'
        yield str((" (of this emitter's instance)" if environment.getattr(l_1_ns, 'dynamic') else cond_expr_undefined("the inline if-expression on line 146 in 'server/server.py.j2' evaluated to false and no else section was defined.")))
        yield '."""\n        '
        yield str((undefined(name='await_') if l_1_await_ is missing else l_1_await_))
        yield 'self._close_room(room)\n\n    def as_room(self, name: str) -> '
        yield str(context.call((undefined(name='room_type') if l_1_room_type is missing else l_1_room_type), l_1_ns, _loop_vars=_loop_vars))
        yield ':\n        """``name`` (e.g. from a payload) as a room of this namespace, checked against its\n        x-rooms: RoomNameError when it is not one."""\n'
        if (not environment.getattr(l_1_ns, 'rooms')):
            pass
            yield '        return check_room(self.room_model, name, self.namespace)\n'
        elif environment.getattr(environment.getattr(l_1_ns, 'rooms'), 'names'):
            pass
            yield '        return cast('
            yield str(context.call((undefined(name='room_type') if l_1_room_type is missing else l_1_room_type), l_1_ns, _loop_vars=_loop_vars))
            yield ', check_room(self.room_model, name, self.namespace))\n'
        else:
            pass
            yield '        return '
            yield str(context.call((undefined(name='room_type') if l_1_room_type is missing else l_1_room_type), l_1_ns, _loop_vars=_loop_vars))
            yield '(check_room(self.room_model, name, self.namespace))\n'
        yield '\n    def rooms(self, sid: str) -> list[str]:\n        """The rooms client ``sid`` is in (its own sid\'s room among them), if it is connected to\n        this process."""\n        return self._rooms(sid)\n'
        if environment.getattr(l_1_ns, 'dynamic'):
            pass
            yield '    address: ClassVar[tuple[str, ...]] = ('
            for l_2_part in environment.getattr(l_1_ns, 'address'):
                _loop_vars = {}
                pass
                yield str(t_3(l_2_part))
                yield ', '
            l_2_part = missing
            yield ')\n\n    def __init__(self, '
            yield str((undefined(name='server_attr') if l_1_server_attr is missing else l_1_server_attr))
            yield ': '
            yield str((undefined(name='server_type') if l_0_server_type is missing else l_0_server_type))
            yield ', params: models.'
            yield str(environment.getattr(environment.getattr(l_1_ns, 'params'), 'model'))
            yield ', *, validate: bool | None = None) -> None:\n        '
            yield str(t_1(str_join(('Emits to one instance of ', t_3(environment.getattr(l_1_ns, 'name')), ': the one ``params`` name (their values in\nits name); parameters that do not match their schema are an EmitValidationError.', )), 8))
            yield '\n        super().__init__('
            yield str((undefined(name='server_attr') if l_1_server_attr is missing else l_1_server_attr))
            yield ', validate=validate)\n        self.target = instance_name(self.address, models.'
            yield str(environment.getattr(environment.getattr(l_1_ns, 'params'), 'model'))
            yield ', params, self.validate)\n'
        for l_2_ev in environment.getattr(l_1_ns, 'server_events'):
            l_2_data_params = resolve('data_params')
            l_2_ack_type = resolve('ack_type')
            l_2_event_doc = resolve('event_doc')
            l_2_data_expr = resolve('data_expr')
            l_2_arguments_kw = resolve('arguments_kw')
            l_2_ack_arguments_kw = resolve('ack_arguments_kw')
            _loop_vars = {}
            pass
            yield '\n    '
            yield str((undefined(name='async_') if l_1_async_ is missing else l_1_async_))
            yield 'def emit_'
            yield str(environment.getattr(l_2_ev, 'identifier'))
            yield '(\n        self,\n'
            for l_3_param in context.call((undefined(name='data_params') if l_2_data_params is missing else l_2_data_params), l_2_ev, _loop_vars=_loop_vars):
                _loop_vars = {}
                pass
                yield '        '
                yield str(l_3_param)
                yield ',\n'
            l_3_param = missing
            if (not environment.getattr(l_2_ev, 'variadic')):
                pass
                yield '        *,\n'
            yield '        to: str | None = None,\n        room: '
            yield str(context.call((undefined(name='room_type') if l_1_room_type is missing else l_1_room_type), l_1_ns, _loop_vars=_loop_vars))
            yield ' | None = None,\n        skip_sid: str | None = None,\n'
            if environment.getattr(l_2_ev, 'ack'):
                pass
                yield '        callback: Callable[['
                yield str(context.call((undefined(name='ack_type') if l_2_ack_type is missing else l_2_ack_type), l_2_ev, _loop_vars=_loop_vars))
                yield '], None] | None = None,\n'
            yield '    ) -> None:\n        '
            yield str(t_1(str_join(('Emit ', t_3(environment.getattr(l_2_ev, 'name')), ' to one client (to=, a sid), a room (room=) or everyone in the namespace.\n\n', context.call((undefined(name='event_doc') if l_2_event_doc is missing else l_2_event_doc), l_2_ev, _loop_vars=_loop_vars), )), 8))
            yield '\n        target = room_target(self.room_model, to, room, self.namespace)\n        '
            yield str((undefined(name='await_') if l_1_await_ is missing else l_1_await_))
            yield 'self._emit('
            yield str(t_3(environment.getattr(l_2_ev, 'name')))
            yield ', '
            yield str((str_join(('models.', environment.getattr(environment.getattr(l_2_ev, 'payload'), 'model'), )) if environment.getattr(l_2_ev, 'payload') else 'None'))
            yield ', '
            yield str(context.call((undefined(name='data_expr') if l_2_data_expr is missing else l_2_data_expr), l_2_ev, _loop_vars=_loop_vars))
            yield ', target, skip_sid'
            if environment.getattr(l_2_ev, 'ack'):
                pass
                yield ', models.'
                yield str(environment.getattr(environment.getattr(l_2_ev, 'ack'), 'model'))
                yield ', callback'
            yield str(context.call((undefined(name='arguments_kw') if l_2_arguments_kw is missing else l_2_arguments_kw), l_2_ev, _loop_vars=_loop_vars))
            yield str(context.call((undefined(name='ack_arguments_kw') if l_2_ack_arguments_kw is missing else l_2_ack_arguments_kw), l_2_ev, _loop_vars=_loop_vars))
            yield ')\n'
            if environment.getattr(l_2_ev, 'ack'):
                pass
                yield '\n    '
                yield str((undefined(name='async_') if l_1_async_ is missing else l_1_async_))
                yield 'def call_'
                yield str(environment.getattr(l_2_ev, 'identifier'))
                yield '(\n        self,\n'
                for l_3_param in context.call((undefined(name='data_params') if l_2_data_params is missing else l_2_data_params), l_2_ev, _loop_vars=_loop_vars):
                    _loop_vars = {}
                    pass
                    yield '        '
                    yield str(l_3_param)
                    yield ',\n'
                l_3_param = missing
                if (not environment.getattr(l_2_ev, 'variadic')):
                    pass
                    yield '        *,\n'
                yield '        to: str,\n        timeout: int = 60,\n    ) -> '
                yield str(context.call((undefined(name='ack_type') if l_2_ack_type is missing else l_2_ack_type), l_2_ev, _loop_vars=_loop_vars))
                yield ':\n        '
                yield str(t_1(str_join(('Emit ', t_3(environment.getattr(l_2_ev, 'name')), ' to one client and wait for its ack, validated.', )), 8))
                yield '\n        result: '
                yield str(context.call((undefined(name='ack_type') if l_2_ack_type is missing else l_2_ack_type), l_2_ev, _loop_vars=_loop_vars))
                yield ' = '
                yield str((undefined(name='await_') if l_1_await_ is missing else l_1_await_))
                yield 'self._call('
                yield str(t_3(environment.getattr(l_2_ev, 'name')))
                yield ', '
                yield str((str_join(('models.', environment.getattr(environment.getattr(l_2_ev, 'payload'), 'model'), )) if environment.getattr(l_2_ev, 'payload') else 'None'))
                yield ', '
                yield str(context.call((undefined(name='data_expr') if l_2_data_expr is missing else l_2_data_expr), l_2_ev, _loop_vars=_loop_vars))
                yield ', models.'
                yield str(environment.getattr(environment.getattr(l_2_ev, 'ack'), 'model'))
                yield ', to, timeout'
                yield str(context.call((undefined(name='arguments_kw') if l_2_arguments_kw is missing else l_2_arguments_kw), l_2_ev, _loop_vars=_loop_vars))
                yield str(context.call((undefined(name='ack_arguments_kw') if l_2_ack_arguments_kw is missing else l_2_ack_arguments_kw), l_2_ev, _loop_vars=_loop_vars))
                yield ')\n        return result\n'
        l_2_ev = l_2_data_params = l_2_ack_type = l_2_event_doc = l_2_data_expr = l_2_arguments_kw = l_2_ack_arguments_kw = missing
    l_1_ns = l_1_named_hooks = l_1_async_ = l_1_room_type = l_1_await_ = l_1_server_attr = missing
    yield '\n\n'
    if environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'security_schemes'):
        pass
        yield '\n\nclass Security(SecurityHandlers):\n    """Verify hooks of the spec\'s security schemes: subclass in handlers.py.\n\n    Each returns a Principal to accept the credentials or None to refuse them; a hook left as\n    the generated stub refuses every connection that needs it.\n    """\n\n    schemes: ClassVar[dict[str, SchemeSpec]] = {\n'
        for (l_1_name, l_1_scheme) in context.call(environment.getattr(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'security_schemes'), 'items')):
            _loop_vars = {}
            pass
            yield '        '
            yield str(t_3(l_1_name))
            yield ': SchemeSpec('
            yield str(t_3(l_1_name))
            yield ', '
            yield str(t_3(environment.getattr(l_1_scheme, 'kind')))
            yield ', "verify_'
            yield str(environment.getattr(l_1_scheme, 'identifier'))
            yield '", '
            yield str(t_3((environment.getattr(l_1_scheme, 'location') or 'header')))
            yield ', '
            yield str(t_3((environment.getattr(l_1_scheme, 'key_name') if (environment.getattr(l_1_scheme, 'kind') == 'api_key') else 'Authorization')))
            yield '),\n'
        l_1_name = l_1_scheme = missing
        yield '    }\n'
        for (l_1_name, l_1_scheme) in context.call(environment.getattr(environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'security_schemes'), 'items')):
            l_1_verify_params = resolve('verify_params')
            l_1_verify_returns = resolve('verify_returns')
            l_1_scheme_doc = resolve('scheme_doc')
            _loop_vars = {}
            pass
            yield '\n    def verify_'
            yield str(environment.getattr(l_1_scheme, 'identifier'))
            yield '(self, '
            yield str(context.call((undefined(name='verify_params') if l_1_verify_params is missing else l_1_verify_params), l_1_scheme, _loop_vars=_loop_vars))
            yield ') -> '
            yield str((undefined(name='verify_returns') if l_1_verify_returns is missing else l_1_verify_returns))
            yield ':\n        '
            yield str(t_1(context.call((undefined(name='scheme_doc') if l_1_scheme_doc is missing else l_1_scheme_doc), l_1_scheme, _loop_vars=_loop_vars), 8))
            yield '\n        raise NotImplementedError\n'
        l_1_name = l_1_scheme = l_1_verify_params = l_1_verify_returns = l_1_scheme_doc = missing
    yield '\n\nHANDLER_BASES: tuple[type[NamespaceHandlers], ...] = ('
    for l_1_ns in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces'):
        _loop_vars = {}
        pass
        yield str(environment.getattr(l_1_ns, 'class_prefix'))
        yield 'Namespace, '
    l_1_ns = missing
    yield ')\n\n\ndef register_handlers(\n    socketio: '
    yield str((undefined(name='server_type') if l_0_server_type is missing else l_0_server_type))
    yield ',\n    *handlers: NamespaceHandlers | SecurityHandlers,\n    validate: bool = True,\n    max_connections: int | None = None,\n) -> dict[str, list[str]]:\n    """Wire one handlers object per namespace (and the Security handlers, when the spec has\n    security) into ``socketio``, with validation around each event and the connection contract\n    (ws bindings, security) on every connect. ``validate=False`` switches payload and binding\n    validation off on the same code path; security is always enforced. The guards of\n    ``serving.py`` go around the server (``max_connections`` defaults to\n    ``SIO_MAX_CONNECTIONS``). Returns the methods still unimplemented, by namespace; they are\n    logged too."""\n    served = {h.namespace for h in handlers if isinstance(h, NamespaceHandlers)}\n    missing = [b.namespace for b in HANDLER_BASES if b.namespace not in served]\n    if missing:\n        raise ValueError(f"no handlers given for namespace(s): {\', \'.join(missing)}")\n    guard(socketio, max_connections=max_connections)\n    return register(socketio, handlers, validate=validate)\n'

blocks = {}
debug_info = '1=48&9=50&10=52&12=58&30=65&37=69&43=73&45=75&47=84&48=86&50=97&52=101&54=104&57=113&58=115&60=117&62=119&63=125&66=138&67=146&68=149&70=151&71=154&73=156&74=159&76=180&77=183&80=186&82=190&84=192&86=196&88=198&89=201&91=205&93=210&95=214&98=217&101=219&103=222&104=225&106=230&112=233&113=236&114=243&116=245&117=247&118=249&121=251&123=258&124=266&129=270&130=272&132=274&133=276&134=279&137=282&139=286&141=288&143=292&145=294&146=298&147=300&149=302&152=304&154=307&155=310&157=315&164=318&165=321&167=328&168=334&169=336&170=338&172=340&174=350&176=354&177=358&179=361&183=365&185=367&186=370&189=373&191=375&192=391&194=394&196=398&197=402&199=405&204=409&205=411&206=413&213=431&220=434&221=438&224=452&226=459&227=465&233=469&237=476'
