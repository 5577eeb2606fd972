"""The generated server, run for real on 127.0.0.1 and driven by a python-socketio client: on
both runtimes (Flask-SocketIO, and python-socketio's AsyncServer under uvicorn), with the same
handlers (servers.for_runtime) and the same expectations."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import socketio
from helpers import dedent
from servers import RUNTIMES, RunningServer, for_runtime, generate_server, run_server

ROOT = Path(__file__).resolve().parent.parent
TICTACTOE = ROOT / "golden/tictactoe/spec/asyncapi.yaml"
CHAT = ROOT / "golden/asynction_chat/spec/asyncapi.yml"
E2E = ROOT / "tests/specs/e2e.yaml"

RECORDER = dedent(
    """
    import json
    import os
    from typing import Any
    from urllib.parse import parse_qs


    def rec(*items: object) -> None:
        with open(os.environ["SIO_TEST_LOG"], "a") as log:
            log.write(json.dumps(list(items), default=str) + "\\n")


    def handshake(handlers: Any, sid: str) -> tuple[str | None, str | None]:
        # the handshake's ?room= and X-Trace header, on either runtime
        server = getattr(handlers, "sio", None)  # the asgi runtime's AsyncServer
        if server is not None:
            environ = server.get_environ(sid, handlers.namespace)
        else:
            from flask import request

            environ = request.environ
        room = parse_qs(environ.get("QUERY_STRING", "")).get("room", [None])[0]
        return room, environ.get("HTTP_X_TRACE")
    """
)

TICTACTOE_HANDLERS = dedent(
    """
    from __future__ import annotations

    from ._generated import models
    from ._generated.runtime import EmitValidationError, NamespaceHandlers
    from ._generated.server import RootEmitter, RootNamespace
    from .recorder import rec


    class RootHandlers(RootNamespace):
        def on_create_game(self, sid: str) -> None:
            rec("create_game")
            emitter = RootEmitter(self.socketio)
            try:
                emitter.emit_game_created({"game_id": "x"}, to=sid)  # type: ignore[arg-type]
            except EmitValidationError as exc:
                rec("emit_rejected", exc.errors[0]["loc"])
            emitter.emit_game_created(models.GameCreatedData(game_id=42), to=sid)

        def on_make_move(self, sid: str, data: models.MakeMoveData) -> models.MakeMoveAck:
            rec("make_move", data.model_dump())
            if data.x == 9:
                return {"error": 123}  # type: ignore[return-value]
            return models.MakeMoveAck(error=None if data.x < 3 else "Invalid move")

        def handle_disconnect(self, sid: str, reason: str | None) -> None:
            rec("disconnect", reason)

        def handle_error(self, sid: str, error: Exception) -> None:
            rec("error_hook", type(error).__name__)


    def all_handlers() -> list[NamespaceHandlers]:
        return [RootHandlers()]
    """
)

CHAT_HANDLERS = dedent(
    """
    from __future__ import annotations

    from typing import Any

    from ._generated import models
    from ._generated.runtime import NamespaceHandlers
    from ._generated.server import AdminNamespace, RootEmitter, RootNamespace
    from .recorder import rec


    class RootHandlers(RootNamespace):
        def on_add_user(self, sid: str, data: models.AddUserPayload) -> models.AddUserAck:
            rec("add_user", data.root)
            return models.AddUserAck(error=None)

        def on_new_message(self, sid: str, data: models.NewMessagePayload) -> None:
            rec("new_message", data.root)
            RootEmitter(self.socketio).emit_new_message(
                models.NewMessageReceivedPayload(username="bob", message=data.root), skip_sid=sid
            )

        def on_stop_typing(self, sid: str) -> None:
            rec("stop_typing")

        def on_typing(self, sid: str) -> None:  # stays sync: the asgi runtime takes it too
            rec("typing")

        def handle_disconnect(self, sid: str, reason: str | None) -> None:  # stays sync
            rec("disconnect", "/")


    class AdminHandlers(AdminNamespace):
        def handle_connect(self, sid: str, auth: Any) -> bool | None:
            rec("admin_connect", auth)
            return None


    def all_handlers() -> list[NamespaceHandlers]:
        return [RootHandlers(), AdminHandlers()]
    """
)

E2E_HANDLERS = dedent(
    """
    from __future__ import annotations

    import time
    from typing import Any

    from ._generated import models
    from ._generated.runtime import AckValidationError, NamespaceHandlers
    from ._generated.server import RootEmitter, RootNamespace, SecondNamespace
    from .recorder import handshake, rec


    class RootHandlers(RootNamespace):
        def on_echo(self, sid: str, data: models.EchoPayload) -> models.EchoAck:
            rec("echo", data.text)
            return models.EchoAck(text=data.text.upper())

        def on_boom(self, sid: str, data: models.BoomPayload) -> models.BoomAck:
            raise RuntimeError("secret internals")

        def on_pending(self, sid: str, data: models.PendingPayload) -> models.PendingAck:
            raise NotImplementedError

        def on_ask(self, sid: str, data: models.AskPayload) -> models.AskAck:
            try:
                answer = RootEmitter(self.socketio).call_question(
                    models.QuestionEmitPayload(data.root), to=sid, timeout=5
                )
            except AckValidationError as exc:
                rec("client_ack_invalid", exc.errors[0]["loc"])
                return models.AskAck(answer="invalid")
            rec("client_ack", type(answer).__name__, answer.answer)
            return models.AskAck(answer=answer.answer)

        def on_slow(self, sid: str, data: models.SlowPayload) -> models.SlowAck:
            time.sleep(data.root)
            return models.SlowAck(1)

        def on_provoke(self, sid: str) -> None:
            self.socketio.emit("notice", {"n": "not a number"}, to=sid)  # bypasses validation
            RootEmitter(self.socketio).emit_notice(models.NoticeEmitPayload(n=7), to=sid)

        def on_move(
            self, sid: str, arg1: models.MovePayloadArg1, arg2: models.MovePayloadArg2
        ) -> models.MoveAck:
            return models.MoveAck(arg1.root + arg2.root)

        def handle_connect(self, sid: str, auth: Any) -> bool | None:
            rec("connect", auth, *handshake(self, sid))
            return None

        def handle_disconnect(self, sid: str, reason: str | None) -> None:
            rec("disconnect")

        def handle_error(self, sid: str, error: Exception) -> None:
            rec("error_hook", type(error).__name__)


    class SecondHandlers(SecondNamespace):
        def on_ping(self, sid: str, data: models.SecondPingPayload) -> models.SecondPingAck:
            return models.SecondPingAck(data.root + 1)


    def all_handlers() -> list[NamespaceHandlers]:
        return [RootHandlers(), SecondHandlers()]
    """
)


def prepare(tmp: Path, spec: Path, package: str, handlers: str, runtime: str = "flask") -> Path:
    folder = generate_server(spec, tmp, package, runtime)
    (folder / "handlers.py").write_text(for_runtime(handlers, runtime))
    (folder / "recorder.py").write_text(RECORDER)
    return folder


@pytest.fixture(scope="module", params=RUNTIMES)
def tictactoe(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[RunningServer]:
    root = tmp_path_factory.mktemp("ttt")
    prepare(root, TICTACTOE, "ttt_server", TICTACTOE_HANDLERS, request.param)
    with run_server(root, "ttt_server") as server:
        yield server


@pytest.fixture(scope="module", params=RUNTIMES)
def e2e(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[RunningServer]:
    root = tmp_path_factory.mktemp("e2e")
    prepare(root, E2E, "e2e_server", E2E_HANDLERS, request.param)
    with run_server(root, "e2e_server") as server:
        yield server


def connect(server: RunningServer, namespaces: list[str] | None = None, **kw) -> socketio.Client:  # type: ignore[no-untyped-def]
    client = socketio.Client(reconnection=False)
    client.connect(server.url, namespaces=namespaces or ["/"], transports=["websocket"], **kw)
    return client


def wait_for(predicate, timeout: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.02)


def test_valid_round_trip_returns_the_typed_ack_as_a_json_object(tictactoe: RunningServer) -> None:
    client = connect(tictactoe)
    try:
        # MakeMoveAck(error=None): `error` is `type: string`, so None means absent, never null
        assert client.call("make_move", {"game_id": 1, "x": 0, "y": 0}, timeout=5) == {}
        assert client.call("make_move", {"game_id": 1, "x": 4, "y": 0}, timeout=5) == {
            "error": "Invalid move"
        }
    finally:
        client.disconnect()
    assert ["make_move", {"game_id": 1, "x": 0, "y": 0}] in tictactoe.calls()


def test_invalid_payload_gets_an_error_ack_and_the_handler_is_not_called(
    tictactoe: RunningServer,
) -> None:
    client = connect(tictactoe)
    try:
        ack = client.call("make_move", {"game_id": 1, "x": "left", "y": 0}, timeout=5)
        missing = client.call("make_move", {"game_id": 2}, timeout=5)
    finally:
        client.disconnect()
    error = ack["sio_error"]
    assert (error["type"], error["event"], error["namespace"]) == (
        "validation_error",
        "make_move",
        "/",
    )
    # Strict, as JSON Schema reads it: "left" is no integer (nor would "5" be).
    message = "Input should be of type integer"
    assert error["errors"] == [{"loc": ["x"], "msg": message, "type": "type"}]
    assert {tuple(e["loc"]) for e in missing["sio_error"]["errors"]} == {("x",), ("y",)}
    handled = [c[1] for c in tictactoe.calls() if c[0] == "make_move"]
    assert all(call["x"] != "left" and call["game_id"] != 2 for call in handled)
    assert ["error_hook", "RequestValidationError"] in tictactoe.calls()


def test_invalid_ack_from_a_handler_never_reaches_the_client(tictactoe: RunningServer) -> None:
    client = connect(tictactoe)
    try:
        ack = client.call("make_move", {"game_id": 1, "x": 9, "y": 0}, timeout=5)
    finally:
        client.disconnect()
    assert ack["sio_error"]["type"] == "ack_validation_error"
    assert ack["sio_error"]["errors"][0]["loc"] == ["error"]
    assert ["error_hook", "AckValidationError"] in tictactoe.calls()


def test_emit_validates_before_sending(tictactoe: RunningServer) -> None:
    received: list[object] = []
    client = socketio.Client(reconnection=False)
    client.on("game_created", received.append)
    client.connect(tictactoe.url, transports=["websocket"])
    try:
        client.emit("create_game")
        wait_for(lambda: received)
        time.sleep(0.2)
    finally:
        client.disconnect()
    assert received == [{"game_id": 42}]  # the invalid emit was never sent
    assert ["emit_rejected", ["game_id"]] in tictactoe.calls()


def test_disconnect_hook_named_in_x_handlers_runs(tictactoe: RunningServer) -> None:
    client = connect(tictactoe)
    client.disconnect()
    wait_for(lambda: any(c[0] == "disconnect" for c in tictactoe.calls()))


def test_emit_with_a_client_ack_comes_back_validated(e2e: RunningServer) -> None:
    client = socketio.Client(reconnection=False)
    client.on("question", lambda text: {"answer": f"re: {text}"})
    client.connect(e2e.url, transports=["websocket"])
    try:
        assert client.call("ask", "why?", timeout=10) == {"answer": "re: why?"}
    finally:
        client.disconnect()
    assert ["client_ack", "QuestionEmitAck", "re: why?"] in e2e.calls()


def test_an_invalid_client_ack_raises_ack_validation_error(e2e: RunningServer) -> None:
    client = socketio.Client(reconnection=False)
    client.on("question", lambda text: {"wrong": 1})
    client.connect(e2e.url, transports=["websocket"])
    try:
        assert client.call("ask", "why?", timeout=10) == {"answer": "invalid"}
    finally:
        client.disconnect()
    assert ["client_ack_invalid", ["answer"]] in e2e.calls()


def test_two_namespaces_on_one_connection(e2e: RunningServer) -> None:
    client = connect(e2e, ["/", "/second"])
    try:
        assert client.call("echo", {"text": "hi"}, timeout=5) == {"text": "HI"}
        assert client.call("ping", 41, namespace="/second", timeout=5) == 42
        bad = client.call("ping", "x", namespace="/second", timeout=5)
        assert bad["sio_error"]["namespace"] == "/second"
    finally:
        client.disconnect()


def test_connect_hook_sees_auth_and_error_hook_sees_failures(e2e: RunningServer) -> None:
    client = connect(e2e, auth={"token": "t0k"})
    try:
        ack = client.call("echo", {"text": "x" * 50}, timeout=5)
        assert ack["sio_error"]["errors"][0]["type"] == "maxLength"
    finally:
        client.disconnect()
    assert ["connect", {"token": "t0k"}, None, None] in e2e.calls()
    assert ["error_hook", "RequestValidationError"] in e2e.calls()


def test_handler_exception_is_an_internal_error_ack_without_its_text(e2e: RunningServer) -> None:
    client = connect(e2e)
    try:
        ack = client.call("boom", 1, timeout=5)
    finally:
        client.disconnect()
    assert ack["sio_error"]["type"] == "internal_error"
    assert "secret" not in str(ack)
    assert ["error_hook", "RuntimeError"] in e2e.calls()


def test_handler_raising_not_implemented_answers_not_implemented(e2e: RunningServer) -> None:
    client = connect(e2e)
    try:
        ack = client.call("pending", 1, timeout=5)
    finally:
        client.disconnect()
    assert ack["sio_error"]["type"] == "not_implemented"
    assert ack["sio_error"]["event"] == "pending"


def test_multiple_arguments_are_one_tuple_payload(e2e: RunningServer) -> None:
    client = connect(e2e)
    try:
        assert client.call("move", (2, 3), timeout=5) == 5
        assert client.call("move", (2,), timeout=5)["sio_error"]["type"] == "validation_error"
    finally:
        client.disconnect()


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_chat_spec_round_trip_broadcast_and_admin_namespace(tmp_path: Path, runtime: str) -> None:
    prepare(tmp_path, CHAT, "chat_server", CHAT_HANDLERS, runtime)
    with run_server(tmp_path, "chat_server") as server:
        alice, bob = connect(server), connect(server)
        heard: list[object] = []
        bob.on("new message", heard.append)
        with pytest.raises(socketio.exceptions.ConnectionError):
            connect(server, ["/admin"])  # the ws binding requires ?token=
        admin = socketio.Client(reconnection=False)
        admin.connect(f"{server.url}?token=t1", namespaces=["/admin"], auth={"token": "admin"})
        try:
            assert alice.call("add user", "alice", timeout=5) == {"error": None}
            assert alice.call("add user", 5, timeout=5)["sio_error"]["type"] == "validation_error"
            alice.emit("new message", "hello")
            wait_for(lambda: heard)
            assert heard == [{"username": "bob", "message": "hello"}]
            assert alice.call("typing", timeout=5) is None  # no ack in the spec: an empty ack
        finally:
            for client in (alice, bob, admin):
                client.disconnect()
        assert ["typing"] in server.calls()
        assert ["admin_connect", {"token": "admin"}] in server.calls()
        wait_for(lambda: server.calls().count(["disconnect", "/"]) >= 2)


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_validation_can_be_switched_off_on_the_same_code_path(tmp_path: Path, runtime: str) -> None:
    prepare(tmp_path, TICTACTOE, "novalidate", TICTACTOE_HANDLERS, runtime)
    with run_server(tmp_path, "novalidate", env={"SIO_VALIDATE": "0"}) as server:
        client = connect(server)
        try:
            ack = client.call("make_move", {"game_id": 1, "x": 1, "y": "up"}, timeout=5)
        finally:
            client.disconnect()
        assert ack == {"error": None}
        assert ["make_move", {"game_id": 1, "x": 1, "y": "up"}] in server.calls()


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_server_starts_with_every_stub_and_answers_not_implemented(
    tmp_path: Path, runtime: str
) -> None:
    generate_server(TICTACTOE, tmp_path, "stubbed", runtime)
    with run_server(tmp_path, "stubbed") as server:
        client = connect(server)
        try:
            ack = client.call("make_move", {"game_id": 1, "x": 1, "y": 1}, timeout=5)
        finally:
            client.disconnect()
        assert ack["sio_error"]["type"] == "not_implemented"
        output = server.output()
    assert "not implemented: on_create_game, on_make_move, handle_disconnect" in output
