# Compiled from templates/server/mock.py.j2 by Jinja2 3.1.6: DO NOT EDIT.
# Regenerate with python tests/golden.py (sio_codegen.render.jinja.write_precompiled).
COMPILED_FROM = 'b03da47c21523e609ac5d26ffc53dc2826495c265f02a5d1081a34f15b5dd98b'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'server/mock.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_package = resolve('package')
    l_0_is_async = resolve('is_async')
    l_0_logger_name = resolve('logger_name')
    l_0_api = resolve('api')
    l_0_server_type = resolve('server_type')
    l_0_async_ = resolve('async_')
    l_0_await_ = resolve('await_')
    try:
        t_1 = environment.filters['pystr']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'pystr' found.")
    pass
    yield str((undefined(name='header') if l_0_header is missing else l_0_header))
    yield '\n"""Mock mode (``python -m '
    yield str((undefined(name='package') if l_0_package is missing else l_0_package))
    yield ' --mock``, ``sio-codegen mock``): the server answers\nevery event that has an ack with a fake valid ack, emits every event the server sends every\n``interval`` seconds with fake valid data to the clients connected to its namespace, and\naccepts any client (``enforce_security``: credentials must be present where the spec puts\nthem, any value is accepted). Incoming events are validated as always. Handlers you\nimplemented run for real: only the methods still raising NotImplementedError are faked.\n\nThe fake data are the examples of the event catalog (``catalog.json`` beside this module): the\nspec\'s examples where they are valid, else values generated from the schemas when the package\nwas generated (``sio-codegen mock --seed N`` makes them with another seed). Each is checked\nagainst its schema by this package\'s validator before the mock starts; an event without a\nvalid one is named at start-up (its acks are then error acks, and it is not emitted). Nothing\nbeyond the server\'s own requirements is needed.\n"""\n\nfrom __future__ import annotations\n\nimport argparse\nimport json\nimport logging\nfrom collections.abc import Callable, Iterable\nfrom dataclasses import dataclass\nfrom importlib import resources\nfrom typing import Any, cast\n\n'
    if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async):
        pass
        yield 'from socketio import AsyncServer  # type: ignore[import-untyped]\n'
    else:
        pass
        yield 'from flask_socketio import SocketIO\n'
    yield 'from pydantic import BaseModel\n\nfrom . import models\nfrom .runtime import (\n    NamespaceHandlers,\n    Principal,\n    SecurityHandlers,\n    SioError,\n    emit_arguments,\n    emit_data,\n    from_wire,\n    match_address,\n    unimplemented,\n)\n\nlogger = logging.getLogger('
    yield str(t_1(str_join(((undefined(name='logger_name') if l_0_logger_name is missing else l_0_logger_name), '.mock', ))))
    yield ')\n\nHandlers = NamespaceHandlers | SecurityHandlers\n\n\n@dataclass(frozen=True)\nclass ServerEvent:\n    """An event the server sends: its namespace, name and models (as the emitters have them)."""\n\n    namespace: str\n    name: str\n    payload: type[BaseModel] | None\n    multiple_args: bool = False\n    arguments: tuple[type[BaseModel], ...] = ()\n    address: tuple[str, ...] = ()\n    """A dynamic namespace\'s address: the event goes to each of its instances with clients."""\n\n\nSERVER_EVENTS: tuple[ServerEvent, ...] = (\n'
    for l_1_ns in environment.getattr((undefined(name='api') if l_0_api is missing else l_0_api), 'namespaces'):
        _loop_vars = {}
        pass
        for l_2_ev in environment.getattr(l_1_ns, 'server_events'):
            l_2_arguments_expr = resolve('arguments_expr')
            _loop_vars = {}
            pass
            yield '    ServerEvent('
            yield str(t_1(environment.getattr(l_1_ns, 'name')))
            yield ', '
            yield str(t_1(environment.getattr(l_2_ev, 'name')))
            yield ', '
            yield str((str_join(('models.', environment.getattr(environment.getattr(l_2_ev, 'payload'), 'model'), )) if environment.getattr(l_2_ev, 'payload') else 'None'))
            yield str((', multiple_args=True' if environment.getattr(l_2_ev, 'multiple_args') else cond_expr_undefined("the inline if-expression on line 68 in 'server/mock.py.j2' evaluated to false and no else section was defined.")))
            yield str((str_join((', arguments=', context.call((undefined(name='arguments_expr') if l_2_arguments_expr is missing else l_2_arguments_expr), l_2_ev, _loop_vars=_loop_vars), )) if environment.getattr(l_2_ev, 'arguments') else cond_expr_undefined("the inline if-expression on line 68 in 'server/mock.py.j2' evaluated to false and no else section was defined.")))
            if environment.getattr(l_1_ns, 'dynamic'):
                pass
                yield ', address=('
                for l_3_part in environment.getattr(l_1_ns, 'address'):
                    _loop_vars = {}
                    pass
                    yield str(t_1(l_3_part))
                    yield ', '
                l_3_part = missing
                yield ')'
            yield '),\n'
        l_2_ev = l_2_arguments_expr = missing
    l_1_ns = missing
    yield ')\n\n\nclass NoFakeData(SioError):\n    """The catalog has no valid example for what the mock must send."""\n\n    kind = "mock_no_fake_data"\n\n\ndef catalog() -> dict[str, Any]:\n    """The event catalog generated with this package (see ``sio-codegen catalog``)."""\n    text = resources.files(__package__ or __name__).joinpath("catalog.json").read_text("utf-8")\n    data: dict[str, Any] = json.loads(text)\n    return data\n\n\ndef _entries(data: dict[str, Any], direction: str) -> dict[tuple[str, str], dict[str, Any]]:\n    return {\n        (ns["name"], event["name"]): event\n        for ns in data["namespaces"]\n        for event in ns["events"]\n        if event["direction"] == direction\n    }\n\n\ndef _invalid(what: str, event: str, namespace: str) -> Callable[[list[dict[str, Any]]], SioError]:\n    def error(errors: list[dict[str, Any]]) -> SioError:\n        return NoFakeData(f"mock: the example of {what} is invalid", event=event,\n                          namespace=namespace, errors=errors)  # fmt: skip\n\n    return error\n\n\ndef fake_ack(model: type[BaseModel], entry: dict[str, Any] | None, event: str, namespace: str) -> Any:\n    """The catalog\'s example of an event\'s ack, validated into ``model`` (NoFakeData if none)."""\n    what = f"the ack of {event!r} (namespace {namespace!r})"\n    ack = entry.get("ack") if entry else None\n    if not isinstance(ack, dict) or "example" not in ack:\n        raise NoFakeData(f"mock: no example of {what}", event=event, namespace=namespace)\n    return from_wire(model, ack["example"], _invalid(what, event, namespace))\n\n\ndef fake_emit(event: ServerEvent, entry: dict[str, Any] | None) -> tuple[Any, ...]:\n    """The Socket.IO arguments of one emit of ``event``, validated as the emitters validate."""\n    if event.payload is None:\n        return ()\n    args = entry.get("args") if entry else None\n    if not args or any("example" not in arg for arg in args):\n        raise NoFakeData(f"mock: no example of the data of {event.name!r} (namespace "\n                         f"{event.namespace!r})", event=event.name, namespace=event.namespace)  # fmt: skip\n    values = [arg["example"] for arg in args]\n    if event.arguments:  # python-socketio sends a tuple\'s items as separate arguments\n        return (tuple(emit_arguments(event.payload, event.arguments, tuple(values), event.name,\n                                     event.namespace, True)),)  # fmt: skip\n    data = values if event.multiple_args else values[0]\n    return (emit_data(event.payload, data, event.name, event.namespace, True),)\n\n\ndef _ack_method(ack: Any) -> Callable[..., Any]:\n    def fake(self: Any, sid: str, *data: Any) -> Any:\n        return ack\n\n    return fake\n\n\ndef _failing_method(error: SioError) -> Callable[..., Any]:\n    def fake(self: Any, sid: str, *data: Any) -> Any:\n        raise error\n\n    return fake\n\n\ndef _no_ack_method(self: Any, sid: str, *data: Any) -> None:\n    return None\n\n\ndef _accepting_verify(scopes: frozenset[str]) -> Callable[..., Principal]:\n    def verify(self: Any, *credential: str) -> Principal:\n        return Principal(subject="mock", scopes=scopes)\n\n    return verify\n\n\n@dataclass(frozen=True)\nclass Mock:\n    """Mock mode\'s settings: ``create_app(mock=Mock(...))``."""\n\n    interval: float = 2.0\n    """Seconds between two rounds of emits of every server event."""\n    enforce_security: bool = False\n    """False: any client connects. True: the spec\'s credentials must be given (any value)."""\n\n    def handlers(self, handlers: Iterable[Handlers]) -> list[Handlers]:\n        """``handlers`` with their stubs faked (and security relaxed, unless enforced)."""\n        given = list(handlers)\n        entries = _entries(catalog(), "client_to_server")\n        scopes = frozenset(\n            scope\n            for h in given\n            if isinstance(h, NamespaceHandlers)\n            for alternative in h.security\n            for requirement in alternative\n            for scope in requirement.scopes\n        )\n        missing: list[str] = []\n        for instance in given:\n            overrides: dict[str, Any] = {}\n            if isinstance(instance, NamespaceHandlers):\n                stubs = set(unimplemented(instance))\n                for spec in instance.events:\n                    if spec.method not in stubs:\n                        continue\n                    if spec.ack is None:\n                        overrides[spec.method] = _no_ack_method\n                        continue\n                    entry = entries.get((instance.namespace, spec.name))\n                    try:\n                        ack = fake_ack(spec.ack, entry, spec.name, instance.namespace)\n                        overrides[spec.method] = _ack_method(ack)\n                    except SioError as error:\n                        missing.append(str(error))\n                        overrides[spec.method] = _failing_method(error)\n                if not self.enforce_security:\n                    overrides["security"] = ()\n            elif self.enforce_security:\n                for scheme in instance.schemes.values():\n                    overrides[scheme.method] = _accepting_verify(scopes)\n            if overrides:\n                cls = type(instance)\n                instance.__class__ = type(cls.__name__, (cls,), overrides)\n        for line in missing:\n            logger.error("%s: its acks are error acks", line)\n        return given\n\n    def rounds(self) -> list[tuple[ServerEvent, tuple[Any, ...]]]:\n        """Each server event with the Socket.IO arguments of its emits, validated (the events\n        without valid data are logged and left out). Runtime-independent: a runtime emits\n        them every ``interval`` seconds (see :meth:`start`)."""\n        entries = _entries(catalog(), "server_to_client")\n        rounds: list[tuple[ServerEvent, tuple[Any, ...]]] = []\n        for event in SERVER_EVENTS:\n            try:\n                rounds.append((event, fake_emit(event, entries.get((event.namespace, event.name)))))\n            except SioError as error:\n                logger.error("%s: not emitted", error)\n        return rounds\n\n    def start(self, socketio: '
    yield str((undefined(name='server_type') if l_0_server_type is missing else l_0_server_type))
    yield ') -> list[ServerEvent]:\n        """Emit every server event with a valid fake every ``interval`` seconds, from a\n        background task of the server; returns the events emitted."""\n        rounds = self.rounds()\n\n        '
    yield str((undefined(name='async_') if l_0_async_ is missing else l_0_async_))
    yield 'def emit_forever() -> None:\n            while True:\n                '
    yield str((undefined(name='await_') if l_0_await_ is missing else l_0_await_))
    yield 'cast(Any, socketio).sleep(self.interval)  # typed as int seconds; any number works\n                for event, args in list(rounds):\n                    try:\n                        for namespace in _targets(socketio, event):\n                            '
    yield str((undefined(name='await_') if l_0_await_ is missing else l_0_await_))
    yield 'socketio.emit(event.name, *args, namespace=namespace)\n                    except Exception:  # logged once; the others go on\n                        logger.exception("mock: emitting %r failed; not emitted any more", event.name)\n                        rounds.remove((event, args))\n\n        if rounds:\n            socketio.start_background_task(emit_forever)\n        logger.warning("mock mode: fake acks for unimplemented handlers; %d server event(s) "\n                       "emitted every %g s; security %s", len(rounds), self.interval,\n                       "enforced (any credentials)" if self.enforce_security else "off")  # fmt: skip\n        return [event for event, _ in rounds]\n\n\ndef _targets(socketio: '
    yield str((undefined(name='server_type') if l_0_server_type is missing else l_0_server_type))
    yield ', event: ServerEvent) -> list[str]:\n    """Where an event is emitted: its namespace, or each instance of a dynamic one that has\n    clients (``/rooms/1``, ``/rooms/2``)."""\n    if not event.address:\n        return [event.namespace]\n    server: Any = '
    yield str(('socketio' if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async) else 'getattr(socketio, "server", None)'))
    yield '\n    active = list(server.manager.get_namespaces()) if server is not None else []\n    return [n for n in active if isinstance(n, str) and match_address(event.address, n) is not None]\n\n\ndef _seconds(text: str) -> float:\n    try:\n        value = float(text)\n    except ValueError:\n        value = -1.0\n    if not 0 < value < 86_400:\n        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text[:40]!r}")\n    return value\n\n\ndef add_mock_arguments(parser: argparse.ArgumentParser) -> None:\n    """``--mock``, ``--mock-interval S``, ``--mock-enforce-security``."""\n    parser.add_argument("--mock", action="store_true",\n                        help="mock mode: fake acks for unimplemented handlers, server events "\n                        "emitted periodically with fake data, docs served at /docs")  # fmt: skip\n    parser.add_argument("--mock-interval", type=_seconds, default=2.0, metavar="S",\n                        help="mock mode: seconds between two emits of each event (default 2)")  # fmt: skip\n    parser.add_argument("--mock-enforce-security", action="store_true",\n                        help="mock mode: require the spec\'s credentials (any value is accepted)")  # fmt: skip\n\n\ndef mock_from_args(args: argparse.Namespace) -> Mock | None:\n    """The Mock the options of :func:`add_mock_arguments` ask for (None without ``--mock``)."""\n    if not args.mock:\n        return None\n    return Mock(interval=args.mock_interval, enforce_security=args.mock_enforce_security)\n'

blocks = {}
debug_info = '1=25&2=27&27=29&47=36&66=38&67=41&68=46&218=67&223=69&225=71&229=73&242=75&247=77'
