"""The generated server against hostile clients, over real connections on 127.0.0.1: the Origin
policy, reserved event names, failing verify hooks, malformed packets (and what they log), JSON
nested too deeply, and the connection cap; on both runtimes (Flask-SocketIO, and python-socketio's
AsyncServer under uvicorn)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import socketio
import websocket
from helpers import dedent
from rawsio import RawSocket
from servers import RUNTIMES, RunningServer, for_runtime, generate_server, run_server
from test_security_e2e import HANDLERS as SECURITY_HANDLERS
from test_server_e2e import RECORDER

SPECS = Path(__file__).parent / "specs"
BEARER = {"Authorization": "Bearer good-token"}
COOKIE = {"Cookie": "session=ck"}

HANDLERS = SECURITY_HANDLERS.replace(
    '        return Principal("bearer-user") if token == "good-token" else None',
    '        if token == "garbage":\n'
    '            raise ValueError("verify exploded: not a JWT")\n'
    '        return Principal("bearer-user") if token == "good-token" else None',
).replace(
    "        def on_whoami(self, sid: str) -> Any:",
    "        def handle_disconnect(self, sid: str, reason: str | None) -> None:\n"
    '            rec("disconnect", self.namespace)\n\n'
    "        def on_whoami(self, sid: str) -> Any:",
)
assert "verify exploded" in HANDLERS and '"disconnect"' in HANDLERS

ECHO_HANDLERS = dedent(
    """
    from __future__ import annotations

    from ._generated import models
    from ._generated.runtime import NamespaceHandlers
    from ._generated.server import RootNamespace, SecondNamespace


    class RootHandlers(RootNamespace):
        def on_echo(self, sid: str, data: models.EchoPayload) -> models.EchoAck:
            return models.EchoAck(text=data.text)


    class SecondHandlers(SecondNamespace):
        def on_ping(self, sid: str, data: models.SecondPingPayload) -> models.SecondPingAck:
            return models.SecondPingAck(data.root + 1)


    def all_handlers() -> list[NamespaceHandlers]:
        return [RootHandlers(), SecondHandlers()]
    """
)


@pytest.fixture(scope="module", params=RUNTIMES)
def secured_root(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    root = tmp_path_factory.mktemp("hardened")
    folder = generate_server(SPECS / "security.yaml", root, "hard_server", request.param)
    (folder / "handlers.py").write_text(for_runtime(HANDLERS, request.param))
    (folder / "recorder.py").write_text(RECORDER)
    return root


@pytest.fixture(scope="module")
def secured(secured_root: Path) -> Iterator[RunningServer]:
    with run_server(secured_root, "hard_server") as server:
        yield server


@pytest.fixture(scope="module", params=RUNTIMES)
def echo_root(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    root = tmp_path_factory.mktemp("echo")
    folder = generate_server(SPECS / "e2e.yaml", root, "echo_server", request.param)
    (folder / "handlers.py").write_text(for_runtime(ECHO_HANDLERS, request.param))
    return root


@pytest.fixture(scope="module")
def echo(echo_root: Path) -> Iterator[RunningServer]:
    with run_server(echo_root, "echo_server") as server:
        yield server


def raw(server: RunningServer, **kw: object) -> RawSocket:
    return RawSocket(server.url, **kw)  # type: ignore[arg-type]


def refused_at_handshake(server: RunningServer, **kw: object) -> bool:
    try:
        raw(server, **kw).close()
    except websocket.WebSocketBadStatusException:
        return True
    return False


def log_of(server: RunningServer) -> str:
    assert server.output_file is not None
    return server.output_file.read_text(errors="replace")


# 8. Cross-site WebSocket hijacking


def test_foreign_origins_are_refused_by_default(secured: RunningServer) -> None:
    # with the cookie a browser would attach for the victim
    assert refused_at_handshake(secured, origin="https://evil.example", headers=COOKIE)
    assert refused_at_handshake(secured, origin="null", headers=COOKIE)
    assert refused_at_handshake(secured, origin=f"http://localhost:{secured.port}")
    # the server's own origin, and clients without an Origin header (not browsers), connect
    for kw in ({"origin": secured.url}, {"no_origin": True}):
        with raw(secured, headers=COOKIE, **kw) as sock:
            assert sock.connect("/keys/cookie").startswith("40/keys/cookie,")


def test_polling_handshake_from_a_foreign_origin_is_refused(secured: RunningServer) -> None:
    client = socketio.Client(reconnection=False)
    with pytest.raises(socketio.exceptions.ConnectionError):
        client.connect(secured.url, headers={"Origin": "https://evil.example", **COOKIE},
                       namespaces=["/keys/cookie"], transports=["polling"])  # fmt: skip
    client = socketio.Client(reconnection=False)  # the same request from the same origin
    client.connect(secured.url, headers={"Origin": secured.url, **COOKIE},
                   namespaces=["/keys/cookie"], transports=["polling"])  # fmt: skip
    assert client.call("whoami", namespace="/keys/cookie", timeout=5) == "cookie-key"
    client.disconnect()


def test_cors_origins_open_the_check_explicitly(secured_root: Path) -> None:
    env = {"SIO_CORS_ORIGINS": "https://app.example, https://admin.example"}
    with run_server(secured_root, "hard_server", env=env) as server:
        for origin in ("https://app.example", "https://admin.example"):
            with raw(server, origin=origin, headers=COOKIE) as sock:
                assert sock.connect("/keys/cookie").startswith("40/keys/cookie,")
        assert refused_at_handshake(server, origin="https://evil.example")
        assert refused_at_handshake(server, origin=server.url)  # the list is the whole policy
    with (
        run_server(secured_root, "hard_server", env={"SIO_CORS_ORIGINS": "*"}) as server,
        raw(server, origin="https://evil.example", headers=COOKIE) as sock,
    ):
        assert sock.connect("/keys/cookie").startswith("40/keys/cookie,")


def test_connections_beyond_the_cap_are_refused_at_the_handshake(secured_root: Path) -> None:
    with run_server(secured_root, "hard_server", env={"SIO_MAX_CONNECTIONS": "2"}) as server:
        first, second = raw(server), raw(server)
        try:
            assert refused_at_handshake(server)
        finally:
            first.close()
            second.close()
        assert "connections already (SIO_MAX_CONNECTIONS)" in server.output()


# An app.py and __main__.py as sio-codegen generated them before (user files: never regenerated)
OLD_APP = dedent(
    """
    from flask import Flask
    from flask_socketio import SocketIO

    from ._generated.server import SOCKETIO_PATH, register_handlers
    from .handlers import all_handlers


    def create_app():
        app = Flask(__name__)
        socketio = SocketIO(
            app, path=SOCKETIO_PATH, cors_allowed_origins=[], async_mode="threading"
        )
        register_handlers(socketio, *all_handlers())
        return app, socketio
    """
)
OLD_MAIN = dedent(
    """
    import sys

    from .app import create_app

    app, socketio = create_app()
    port = int(sys.argv[sys.argv.index("--port") + 1])
    socketio.run(app, host="127.0.0.1", port=port, allow_unsafe_werkzeug=True)
    """
)


def test_an_older_app_py_without_origin_check_gets_same_origin(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    root = tmp_path_factory.mktemp("old_app")
    folder = generate_server(SPECS / "security.yaml", root, "old_server")
    (folder / "handlers.py").write_text(HANDLERS)
    (folder / "recorder.py").write_text(RECORDER)
    (folder / "app.py").write_text(OLD_APP)
    (folder / "__main__.py").write_text(OLD_MAIN)
    with run_server(root, "old_server") as server:
        assert refused_at_handshake(server, origin="https://evil.example", headers=COOKIE)
        with raw(server, origin=server.url, headers=COOKIE) as sock:
            assert sock.connect("/keys/cookie").startswith("40/keys/cookie,")
        assert "would switch the Origin check off" in server.output()


# 9. Reserved event names


@pytest.mark.parametrize(
    "packet",
    [
        '42["disconnect","server namespace disconnect"]',
        '42["disconnect"]',
        '427["disconnect","client namespace disconnect"]',
        '42["connect",{"Authorization":"Bearer bad"}]',
        '42["connect","environ",{"Authorization":"Bearer good-token"}]',
        '42["connect"]',
        '42["connect_error",{"message":"x"}]',
        '42["disconnecting"]',
        '42["*","whoami"]',
    ],
)
def test_reserved_event_names_never_reach_a_hook(secured: RunningServer, packet: str) -> None:
    with raw(secured) as sock:
        assert sock.connect("/", BEARER).startswith("40{")
        assert sock.call("whoami", id=1) == ["bearer-user"]
        before = len(secured.calls())
        sock.send(packet)
        if packet.startswith("427"):  # asked for an ack: an error ack, not a hook
            (error,) = sock.ack("/", 7)
            assert error["sio_error"]["type"] == "validation_error"
            assert "reserved" in error["sio_error"]["message"]
        assert sock.call("whoami", id=2) == ["bearer-user"]  # principal kept, still connected
        new = secured.calls()[before:]
        assert new == [["whoami", "/"]], new  # no connect or disconnect hook ran


# 11. A verify hook that raises


def test_a_raising_verify_hook_refuses_cleanly_and_logs_once(secured: RunningServer) -> None:
    marker = "ValueError: verify exploded"
    before = log_of(secured).count(marker)
    with raw(secured) as sock:
        answer = sock.connect("/", {"Authorization": "Bearer garbage"})
    assert answer.startswith("44"), answer
    assert json.loads(answer[2:]) == {"message": "connection refused"}  # generic: no internals
    deadline = time.monotonic() + 5
    while log_of(secured).count(marker) == before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert log_of(secured).count(marker) == before + 1
    with raw(secured) as sock:  # the server keeps serving
        assert sock.connect("/", BEARER).startswith("40{")
        assert sock.call("whoami") == ["bearer-user"]


# 13. Log amplification; 14. deep JSON

MALFORMED = [
    "42[",
    '42["echo",',
    "42[]",
    "42[1,2]",
    "42{}",
    '42"echo"',
    "4",
    "49",
    "4x",
    '42/nowhere,["echo"]',
    "43[1]",
    '431{"a":1}',
    '451-["echo",{"_placeholder":true,"num":0}]',
    "42" + "[" * 5000,
]


def test_malformed_packets_log_one_line_each_rate_limited(echo: RunningServer) -> None:
    """500 malformed packets: no traceback, a few hundred bytes of log, the server serves."""
    with raw(echo) as sock:
        assert sock.connect("/").startswith("40{")
        size = len(log_of(echo).encode())
        for n in range(500):
            sock.send(MALFORMED[n % len(MALFORMED)])
            if n % 100 == 0:  # the connection is still served meanwhile
                assert sock.call("echo", {"text": "hi"}, id=n + 1) == [{"text": "hi"}]
    with raw(echo) as sock:
        assert sock.connect("/").startswith("40{")
        assert sock.call("echo", {"text": "after"}) == [{"text": "after"}]
    grown = log_of(echo).encode()[size:].decode(errors="replace")
    assert "Traceback" not in grown, grown[:3000]
    assert len(grown) < 5_000, (len(grown), grown[:3000])


def test_invalid_payloads_log_rate_limited(echo: RunningServer) -> None:
    with raw(echo) as sock:
        assert sock.connect("/").startswith("40{")
        size = len(log_of(echo).encode())
        for n in range(300):
            (error,) = sock.call("echo", {"text": 5}, id=n)
            assert error["sio_error"]["type"] == "validation_error"
    grown = log_of(echo).encode()[size:]
    assert len(grown) < 5_000, len(grown)


def deep(levels: int) -> str:
    return '{"text":' * levels + '"x"' + "}" * levels


def test_a_connect_nested_too_deeply_is_refused(echo: RunningServer) -> None:
    with raw(echo) as sock:
        sock.send("40" + deep(1_000))
        assert sock.recv_until("4").startswith("44")
        assert sock.connect("/").startswith("40{")  # the session goes on
        assert sock.call("echo", {"text": "ok"}) == [{"text": "ok"}]


@pytest.mark.parametrize("levels", [200, 1_000, 50_000])
def test_deeply_nested_json_gets_a_validation_error(echo: RunningServer, levels: int) -> None:
    with raw(echo) as sock:
        assert sock.connect("/").startswith("40{")
        sock.send('423["echo",' + deep(levels) + "]")
        (error,) = sock.ack("/", 3)
        assert error["sio_error"]["type"] == "validation_error"
        assert error["sio_error"]["event"] == "echo"
        assert "nested deeper than" in error["sio_error"]["message"]
        assert sock.call("echo", {"text": "ok"}, id=4) == [{"text": "ok"}]
        # brackets inside strings are no nesting; moderate nesting still validates normally
        assert sock.call("echo", {"text": "[[[[{{{{" * 2}, id=5) == [{"text": "[[[[{{{{" * 2}]
        (error,) = sock.call("echo", json.loads(deep(50)), id=6)
        assert error["sio_error"]["type"] == "validation_error"
        assert "nested" not in error["sio_error"]["message"]
