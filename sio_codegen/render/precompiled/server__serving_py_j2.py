# Compiled from templates/server/serving.py.j2 by Jinja2 3.1.6: DO NOT EDIT.
# Regenerate with python tests/golden.py (sio_codegen.render.jinja.write_precompiled).
COMPILED_FROM = '8e926841066524b56ccecd64e6ad3bccdb043d601ad86963656f85bcd2c06c5b'
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'server/serving.py.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_header = resolve('header')
    l_0_is_async = resolve('is_async')
    l_0_logger_name = resolve('logger_name')
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
    yield '\n"""How the server runs: its settings (arguments, then the environment) and the guards put\naround python-socketio against hostile traffic. The same for every spec.\n\nGuards: events under a reserved name (``connect``, ``disconnect``, ...) never reach a hook;\nmalformed packets are answered or dropped with one rate-limited log line, never a traceback;\nJSON nested deeper than ``max_json_depth`` is refused before it is decoded; an Engine.IO\nconnection beyond ``max_connections`` is refused at its handshake.\n"""\n\nfrom __future__ import annotations\n\n'
    if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async):
        pass
        yield 'import asyncio\n'
    yield 'import json\nimport logging\nimport os\nimport re\nfrom collections.abc import Callable, Mapping\nfrom dataclasses import dataclass\nfrom typing import Any\n\n'
    if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async):
        pass
        yield 'from socketio import AsyncServer, packet  # type: ignore[import-untyped]\n'
    else:
        pass
        yield 'from flask import Flask\nfrom flask_socketio import SocketIO\nfrom socketio import packet  # type: ignore[import-untyped]\nfrom werkzeug.serving import WSGIRequestHandler\n'
    yield '\nfrom .queue import Throttled as Throttled  # noqa: PLC0414 - re-exported (runtime.py)\nfrom .queue import manager_class, queue_manager\n\nlogger = logging.getLogger('
    yield str(t_1((undefined(name='logger_name') if l_0_logger_name is missing else l_0_logger_name)))
    yield ')\n\nRESERVED_EVENTS = frozenset(\n    {"connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener"}\n)\n"""Event names of Socket.IO\'s lifecycle: a client\'s event under one of them is refused."""\n\n\nclient_errors = Throttled(logger)\n"""Where errors a client causes are logged: one line each, rate-limited."""\n\n\ndef _int_setting(environ: Mapping[str, str], name: str, default: int) -> int:\n    value = environ.get(name, "").strip()\n    if not value:\n        return default\n    if not value.isdigit() or int(value) < 1:\n        raise ValueError(f"{name}: expected a positive integer, got {value[:40]!r}")\n    return int(value)\n\n\ndef _float_setting(environ: Mapping[str, str], name: str, default: float) -> float:\n    value = environ.get(name, "").strip()\n    if not value:\n        return default\n    try:\n        number = float(value)\n    except ValueError:\n        number = -1.0\n    if not 0 < number < 86_400:\n        raise ValueError(f"{name}: expected a positive number of seconds, got {value[:40]!r}")\n    return number\n\n\ndef parse_origins(value: str | None) -> str | list[str] | None:\n    """``SIO_CORS_ORIGINS`` / ``--cors-origins``: ``*``, or origins separated by commas; empty\n    or absent means the same origin only."""\n    if value is None or not value.strip():\n        return None\n    if value.strip() == "*":\n        return "*"\n    return [origin.strip() for origin in value.split(",") if origin.strip()]\n\n\n@dataclass(frozen=True)\nclass Settings:\n    """What the server runs with; ``from_env`` reads the ``SIO_*`` variables."""\n\n    cors_allowed_origins: str | list[str] | None = None\n    """None: only pages of the server\'s own origin may connect (browsers send Origin)."""\n    message_queue: str | None = None\n    validate: bool = True\n    max_connections: int = 1000\n    """Engine.IO connections served at once; more are refused at their handshake."""\n    ping_interval: float = 25.0\n    ping_timeout: float = 20.0\n    """A client that does not answer a ping within this many seconds is disconnected."""\n    max_message_size: int = 1_000_000\n    """Bytes of one message; a client sending more is disconnected."""\n    max_json_depth: int = 128\n\n    @classmethod\n    def from_env(cls, environ: Mapping[str, str] | None = None, **given: Any) -> Settings:\n        """Settings from the arguments given (those not None), else ``SIO_*`` variables;\n        a ValueError names a variable whose value is unusable."""\n        env = os.environ if environ is None else environ\n        values: dict[str, Any] = {\n            "cors_allowed_origins": parse_origins(env.get("SIO_CORS_ORIGINS")),\n            "message_queue": env.get("SIO_MESSAGE_QUEUE") or None,\n            "validate": env.get("SIO_VALIDATE", "1").strip().lower() not in ("0", "false", "no"),\n            "max_connections": _int_setting(env, "SIO_MAX_CONNECTIONS", cls.max_connections),\n            "ping_interval": _float_setting(env, "SIO_PING_INTERVAL", cls.ping_interval),\n            "ping_timeout": _float_setting(env, "SIO_PING_TIMEOUT", cls.ping_timeout),\n            "max_message_size": _int_setting(env, "SIO_MAX_MESSAGE_SIZE", cls.max_message_size),\n            "max_json_depth": _int_setting(env, "SIO_MAX_JSON_DEPTH", cls.max_json_depth),\n        }\n        values.update({key: value for key, value in given.items() if value is not None})\n        if values["message_queue"]:  # an unusable URL is an error now, not at the first emit\n            manager_class(values["message_queue"], asyncio='
    yield str((undefined(name='is_async') if l_0_is_async is missing else l_0_is_async))
    yield ')\n        if values["max_connections"] < 1:\n            raise ValueError(f"max_connections: expected a positive integer, got {values[\'max_connections\']}")\n        return cls(**values)\n\n    def socketio_options(self) -> dict[str, Any]:\n        """Keyword arguments of ``'
    yield str(('socketio.AsyncServer' if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async) else 'flask_socketio.SocketIO'))
    yield '``."""\n        return {\n            "cors_allowed_origins": self.cors_allowed_origins,\n            "client_manager": (  # the same channel and choice of manager as external emitters\n                queue_manager(self.message_queue, asyncio='
    yield str((undefined(name='is_async') if l_0_is_async is missing else l_0_is_async))
    yield ', write_only=False)\n                if self.message_queue\n                else None\n            ),\n            "ping_interval": self.ping_interval,\n            "ping_timeout": self.ping_timeout,\n            "max_http_buffer_size": self.max_message_size,\n            "async_mode": '
    yield str(('"asgi"' if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async) else '"threading"'))
    yield ',\n        }\n\n\nclass TooDeep:\n    """What a Socket.IO packet\'s JSON decodes to when it is nested too deeply: never decoded,\n    refused by the guards (the event\'s name is kept, to answer it)."""\n\n    def __init__(self, event: str | None, depth: int) -> None:\n        self.event = event\n        self.depth = depth\n\n\n_STRUCTURE = re.compile(r\'[\\[\\]{}"\\\\]\')  # single characters: no backtracking\n\n\ndef nesting_exceeds(text: str, limit: int) -> bool:\n    """True when JSON ``text`` nests arrays and objects deeper than ``limit``; linear time, no\n    recursion (brackets inside strings do not count)."""\n    if len(text) <= limit or text.count("[") + text.count("{") <= limit:\n        return False  # the common case, at C speed\n    depth = 0\n    in_string = False\n    skip = -1\n    for match in _STRUCTURE.finditer(text):\n        at = match.start()\n        char = text[at]\n        if in_string:\n            if at == skip:\n                continue\n            if char == "\\\\":\n                skip = at + 1\n            elif char == \'"\':\n                in_string = False\n        elif char == \'"\':\n            in_string = True\n        elif char in "[{":\n            depth += 1\n            if depth > limit:\n                return True\n        elif char in "]}":\n            depth -= 1\n    return False\n\n\nclass DepthLimitedJSON:\n    """The JSON module python-socketio decodes packets with, refusing deep nesting first\n    (Python\'s decoder would raise RecursionError, and the client would get no answer)."""\n\n    def __init__(self, inner: Any, limit: int) -> None:\n        self.inner = inner\n        self.limit = limit\n        self.dumps: Callable[..., Any] = inner.dumps  # encoding needs no guard: no wrapper\n\n    def loads(self, text: Any, *args: Any, **kwargs: Any) -> Any:\n        if isinstance(text, str) and nesting_exceeds(text, self.limit):\n            return TooDeep(_first_string(text), self.limit)\n        return self.inner.loads(text, *args, **kwargs)\n\n\n_DECODER = json.JSONDecoder()\n\n\ndef _first_string(text: str) -> str | None:\n    """The event name of an event packet\'s data (``["name", ...]``), decoded alone."""\n    start = text.find("[")\n    if start < 0 or text[:start].strip():\n        return None\n    at = start + 1\n    while at < len(text) and text[at] in " \\t\\r\\n":\n        at += 1\n    if text[at : at + 1] != \'"\':\n        return None\n    try:\n        value, _ = _DECODER.raw_decode(text, at)\n    except ValueError:\n        return None\n    return value if isinstance(value, str) else None\n\n\ndef _error_ack(kind: str, event: str, namespace: str, message: str, error_type: str) -> dict[str, Any]:\n    return {\n        "sio_error": {\n            "type": kind,\n            "event": event,\n            "namespace": namespace,\n            "message": message,\n            "errors": [{"loc": [], "msg": message, "type": error_type}],\n        }\n    }\n\n\ndef _address(environ: Mapping[str, Any]) -> str:\n    """The peer of a request: the ASGI scope\'s client, else the WSGI ``REMOTE_ADDR``."""\n    client = (environ.get("asgi.scope") or {}).get("client")\n    return str(client[0] if client else environ.get("REMOTE_ADDR", "?"))\n\n\ndef _peer(server: Any, eio_sid: str) -> str:\n    return _address(server.environ.get(eio_sid) or {})\n\n\ndef guard(socketio: '
    yield str((undefined(name='server_type') if l_0_server_type is missing else l_0_server_type))
    yield ', *, max_connections: int | None = None, max_json_depth: int | None = None) -> None:\n    """Put the guards around ``socketio``\'s python-socketio server (once)."""\n'
    if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async):
        pass
        yield '    server: Any = socketio\n'
    else:
        pass
        yield '    server: Any = getattr(socketio, "server", None)  # set by SocketIO(app) / init_app\n'
    yield '    if server is None or getattr(server, "_sio_codegen_guarded", False):\n        return\n    server._sio_codegen_guarded = True\n    defaults = Settings.from_env()\n    limit = max_connections or defaults.max_connections\n    depth = max_json_depth or defaults.max_json_depth\n    eio = server.eio\n    if eio.cors_allowed_origins == []:\n        # python-engineio reads [] as "no Origin check at all": any web page could connect.\n        logger.warning("cors_allowed_origins=[] would switch the Origin check off: only the same "\n                       "origin is allowed; list the allowed origins, or \'*\', to open it")  # fmt: skip\n        eio.cors_allowed_origins = None\n    base = server.packet_class\n    server.packet_class = type("GuardedPacket", (base,), {"json": DepthLimitedJSON(base.json, depth)})\n\n    '
    yield str((undefined(name='async_') if l_0_async_ is missing else l_0_async_))
    yield 'def refuse_event(eio_sid: str, namespace: str, id: int | None, event: str, message: str, error_type: str) -> None:\n        client_errors.log(logging.WARNING, "refused event from %s in namespace %s: %s",\n                          _peer(server, eio_sid), namespace, message)  # fmt: skip\n        if id is not None:\n            ack = _error_ack("validation_error", event, namespace, message, error_type)\n            '
    yield str((undefined(name='await_') if l_0_await_ is missing else l_0_await_))
    yield 'server._send_packet(eio_sid, server.packet_class(packet.ACK, namespace=namespace, id=id, data=[ack]))\n\n    handle_event: Callable[..., Any] = server._handle_event\n\n    '
    yield str((undefined(name='async_') if l_0_async_ is missing else l_0_async_))
    yield 'def guarded_event(eio_sid: str, namespace: str | None, id: int | None, data: Any) -> Any:\n        namespace = namespace or "/"\n        if isinstance(data, TooDeep):\n            message = f"JSON nested deeper than {data.depth} levels"\n            return '
    yield str((undefined(name='await_') if l_0_await_ is missing else l_0_await_))
    yield 'refuse_event(eio_sid, namespace, id, data.event or "", message, "json_depth")\n        if not isinstance(data, list) or not data or not isinstance(data[0], str):\n            return '
    yield str((undefined(name='await_') if l_0_await_ is missing else l_0_await_))
    yield 'refuse_event(eio_sid, namespace, id, "", "malformed event packet", "packet")\n        if data[0] in RESERVED_EVENTS or data[0] == "*":\n            message = f"{data[0][:40]!r} is a reserved event name"\n            return '
    yield str((undefined(name='await_') if l_0_await_ is missing else l_0_await_))
    yield 'refuse_event(eio_sid, namespace, id, data[0][:40], message, "reserved_event")\n        return '
    yield str((undefined(name='await_') if l_0_await_ is missing else l_0_await_))
    yield 'handle_event(eio_sid, namespace, id, data)\n\n    handle_ack: Callable[..., Any] = server._handle_ack\n\n    '
    yield str((undefined(name='async_') if l_0_async_ is missing else l_0_async_))
    yield 'def guarded_ack(eio_sid: str, namespace: str | None, id: int | None, data: Any) -> Any:\n        if not isinstance(data, list):\n            client_errors.log(logging.WARNING, "dropped a malformed ack from %s", _peer(server, eio_sid))\n            return None\n        return '
    yield str((undefined(name='await_') if l_0_await_ is missing else l_0_await_))
    yield 'handle_ack(eio_sid, namespace, id, data)\n\n    handle_connect: Callable[..., Any] = server._handle_connect\n\n    '
    yield str((undefined(name='async_') if l_0_async_ is missing else l_0_async_))
    yield 'def guarded_connect(eio_sid: str, namespace: str | None, data: Any) -> Any:\n        if isinstance(data, TooDeep):\n            client_errors.log(logging.WARNING, "refused a connect from %s: auth nested too deeply",\n                              _peer(server, eio_sid))  # fmt: skip\n            '
    yield str((undefined(name='await_') if l_0_await_ is missing else l_0_await_))
    yield 'server._send_packet(eio_sid, server.packet_class(\n                packet.CONNECT_ERROR, data={"message": "connection refused"}, namespace=namespace or "/"\n            ))  # fmt: skip\n            return None\n        return '
    yield str((undefined(name='await_') if l_0_await_ is missing else l_0_await_))
    yield 'handle_connect(eio_sid, namespace, data)\n\n    on_message: Callable[..., Any] = server._handle_eio_message\n\n    '
    yield str((undefined(name='async_') if l_0_async_ is missing else l_0_async_))
    yield 'def guarded_message(eio_sid: str, data: Any) -> Any:\n        try:\n            return '
    yield str((undefined(name='await_') if l_0_await_ is missing else l_0_await_))
    yield 'on_message(eio_sid, data)\n        except Exception as exc:  # noqa: BLE001 - a bad packet is the client\'s doing: one line\n            client_errors.log(logging.WARNING, "dropped a malformed packet from %s: %s: %.200r",\n                              _peer(server, eio_sid), type(exc).__name__, str(exc))  # fmt: skip\n            return None\n\n    on_connect: Callable[..., Any] = server._handle_eio_connect\n\n    '
    yield str((undefined(name='async_') if l_0_async_ is missing else l_0_async_))
    yield 'def guarded_eio_connect(eio_sid: str, environ: Any) -> Any:\n        if len(eio.sockets) > limit:\n            client_errors.log(logging.WARNING, "refused a connection from %s: %d connections "\n                              "already (SIO_MAX_CONNECTIONS)", _address(environ), limit)  # fmt: skip\n            return "too many connections"\n        return '
    yield str((undefined(name='await_') if l_0_await_ is missing else l_0_await_))
    yield 'on_connect(eio_sid, environ)\n\n'
    if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async):
        pass
        yield '    on_disconnect: Callable[..., Any] = server._handle_eio_disconnect\n    closed_by_client = getattr(getattr(eio, "reason", None), "CLIENT_DISCONNECT", "client disconnect")\n\n    async def disconnected(eio_sid: str, *reason: Any) -> Any:\n        try:\n            return await on_disconnect(eio_sid, *reason)\n        finally:\n            if reason == (closed_by_client,):\n                end_long_poll(eio, eio_sid)\n\n'
    yield '    server._handle_event = guarded_event\n    server._handle_ack = guarded_ack\n    server._handle_connect = guarded_connect\n    eio.on("message", guarded_message)\n    eio.on("connect", guarded_eio_connect)\n'
    if (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async):
        pass
        yield '    eio.on("disconnect", disconnected)\n\n\ndef end_long_poll(eio: Any, eio_sid: str) -> None:\n    """Answer the long-poll GET a polling client left pending when it closed its session.\n    python-engineio\'s asyncio socket, closed by the client\'s CLOSE packet, never wakes that\n    GET (its threading socket does, with the ``None`` that ends a poll): the GET hung until\n    ``ping_interval + ping_timeout``, and the client\'s ``disconnect()`` with it (up to 30 s,\n    python-engineio\'s read timeout). The same ``None`` ends it here, with an empty response;\n    a WebSocket session has no GET to answer."""\n    socket = eio.sockets.get(eio_sid)\n    queue = getattr(socket, "queue", None)\n    if isinstance(queue, asyncio.Queue) and not getattr(socket, "upgraded", True):\n        queue.put_nowait(None)\n'
    yield '\n'
    if (not (undefined(name='is_async') if l_0_is_async is missing else l_0_is_async)):
        pass
        yield '\n\ndef _never_reached() -> tuple[str, int]:\n    return "", 404\n\n\ndef route_socketio_path(app: Flask, path: str) -> None:\n    """Give ``app`` a URL rule for the Socket.IO path. Flask-SocketIO runs every event in a\n    request context of the handshake\'s URL; without a rule for it, Flask\'s routing raises and\n    catches a NotFound each time (a third of a request context\'s cost). The view is never\n    reached: Flask-SocketIO answers that path first. A path with rule syntax is left alone."""\n    if "<" not in path and ">" not in path:\n        rule = path.rstrip("/") + "/"\n        app.add_url_rule(rule, "sio_codegen_socketio", _never_reached, strict_slashes=False)\n\n\nclass DevRequestHandler(WSGIRequestHandler):\n    """Werkzeug\'s request handler for ``python -m``: a connection idle for ``timeout`` seconds\n    (no request, no WebSocket frame: a live client answers pings more often) is closed, and\n    its thread ends."""\n\n    timeout = 60.0\n'

blocks = {}
debug_info = '1=23&13=25&24=29&36=36&114=38&120=40&124=42&131=44&233=46&235=48&255=55&260=57&264=59&268=61&270=63&273=65&274=67&278=69&282=71&286=73&290=75&294=77&298=79&300=81&308=83&313=85&315=87&332=91&349=95'
