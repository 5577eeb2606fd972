"""Typed rooms (``x-rooms``, README "Rooms"): join, leave and close room helpers on handlers and
emitters, room emits over a real websocket on both runtimes (clients in a room get the emit,
clients out of it do not), room names checked at run time (a clean ``room_error``, the server
keeps serving), and mypy --strict rejecting a room name the spec does not declare."""

from __future__ import annotations

import importlib
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers import dedent, mypy_strict, run_cli
from servers import RUNTIMES, RunningServer, generate_server, run_server
from test_message_queue import Listener, call, disconnect, listener

SPEC = Path(__file__).parent / "specs" / "rooms.yaml"

HANDLERS = dedent(
    """
    from __future__ import annotations

    from ._generated import models
    from ._generated.runtime import NamespaceHandlers, SecurityHandlers, override
    from ._generated.server import GameNamespace, RootEmitter, RootNamespace


    class RootHandlers(RootNamespace):
        @override
        {A}def on_join(self, sid: str, data: models.JoinPayload) -> models.JoinAck:
            {W}self.enter_room(sid, self.as_room(data.root))
            return models.JoinAck(True)

        @override
        {A}def on_leave(self, sid: str, data: models.LeavePayload) -> models.LeaveAck:
            {W}self.leave_room(sid, self.as_room(data.root))
            return models.LeaveAck(True)

        @override
        {A}def on_say(self, sid: str, data: models.SayPayload) -> models.SayAck:
            news = models.NewsEmitPayload(room=data.room, text=data.text)
            {W}RootEmitter(self.{S}).emit_news(news, room=self.as_room(data.room))
            return models.SayAck(True)

        @override
        {A}def on_close(self, sid: str, data: models.ClosePayload) -> models.CloseAck:
            {W}self.close_room(self.as_room(data.root))
            return models.CloseAck(True)

        @override
        {A}def on_my_rooms(self, sid: str) -> models.MyRoomsAck:
            return models.MyRoomsAck(sorted(room for room in self.rooms(sid) if room != sid))


    class GameHandlers(GameNamespace):
        @override
        {A}def on_join(self, sid: str, data: models.GameJoinPayload) -> models.GameJoinAck:
            {W}self.enter_room(sid, self.as_room(data.root))
            return models.GameJoinAck(True)


    def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:
        return [RootHandlers(), GameHandlers()]
    """
)


def handlers_for(runtime: str) -> str:
    is_async = runtime == "asgi"
    return HANDLERS.format(
        A="async " if is_async else "", W="await " if is_async else "",
        S="sio" if is_async else "socketio",
    )  # fmt: skip


@pytest.fixture(scope="module", params=RUNTIMES)
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningServer]:
    runtime = request.param
    root = tmp_path_factory.mktemp(f"rooms-{runtime}")
    (generate_server(SPEC, root, "rooms_server", runtime) / "handlers.py").write_text(
        handlers_for(runtime)
    )
    with run_server(root, "rooms_server") as running:
        yield running


@pytest.fixture
def clients(server: RunningServer) -> Iterator[dict[str, Listener]]:
    made: dict[str, Listener] = {}
    try:
        for name in "abc":
            made[name] = listener(name, server)
        yield made
    finally:
        disconnect(*made.values())


def say(item: Listener, room: str, text: str) -> None:
    assert call(item, "say", {"room": room, "text": text}) is True


def test_a_room_emit_reaches_the_clients_in_the_room_and_no_other(
    clients: dict[str, Listener],
) -> None:
    a, b, c = clients["a"], clients["b"], clients["c"]
    assert call(a, "join", "lobby") is True
    assert call(b, "join", "lobby") is True
    assert call(c, "join", "support") is True
    assert call(a, "my_rooms") == ["lobby"]
    say(c, "lobby", "to lobby")
    say(a, "support", "to support")
    # One connection keeps the server's order: once the second emit is in, the first would be.
    assert c.wait_for("to support") == [{"room": "support", "text": "to support"}]
    assert b.wait_for("to lobby") == [{"room": "lobby", "text": "to lobby"}]
    assert a.wait_for("to lobby") == [{"room": "lobby", "text": "to lobby"}]
    say(c, "support", "support again")  # a and b are not in support: a marker for them
    c.wait_for("support again")
    assert a.texts() == ["to lobby"] and b.texts() == ["to lobby"]


def test_leave_and_close_take_clients_out_of_a_room(clients: dict[str, Listener]) -> None:
    a, b, c = clients["a"], clients["b"], clients["c"]
    for item in (a, b, c):
        assert call(item, "join", "lobby") is True
    assert call(c, "join", "support") is True
    assert call(a, "leave", "lobby") is True
    assert call(a, "my_rooms") == []
    say(c, "lobby", "after leave")
    assert [n["text"] for n in b.wait_for("after leave")] == ["after leave"]
    assert call(b, "close", "lobby") is True
    assert call(b, "my_rooms") == [] and call(c, "my_rooms") == ["support"]
    say(b, "lobby", "after close")  # nobody is in lobby any more
    say(b, "support", "marker")
    assert [n["text"] for n in c.wait_for("marker")] == ["after leave", "marker"]
    assert a.texts() == [] and b.texts() == ["after leave"]


def test_an_undeclared_room_is_a_clean_error_and_the_server_keeps_serving(
    server: RunningServer, clients: dict[str, Listener]
) -> None:
    """The error names the event being handled, in the ack and in the server's log line."""
    a, b = clients["a"], clients["b"]
    assert call(b, "join", "lobby") is True
    for event, data in (("join", "nope"), ("say", {"room": "nope", "text": "x"}), ("close", "")):
        error = call(a, event, data)["sio_error"]
        assert (error["type"], error["event"], error["namespace"]) == ("room_error", event, "/")
    assert call(a, "my_rooms") == []
    say(a, "lobby", "still serving")
    assert [n["text"] for n in b.wait_for("still serving")] == ["still serving"]
    assert server.output_file is not None
    logged = server.output_file.read_text()
    assert "room_error on / 'join': room 'nope' is not a room of namespace /" in logged, logged


def test_a_room_name_schema_checks_names_at_run_time(server: RunningServer) -> None:
    item = listener("g", server, namespaces=["/game"])
    try:
        assert item.client.call("join", "game-12", namespace="/game", timeout=20) is True
        error = item.client.call("join", "game-x", namespace="/game", timeout=20)["sio_error"]
        assert error["type"] == "room_error" and error["namespace"] == "/game"
        assert error["errors"][0]["type"] == "pattern"
    finally:
        disconnect(item)


@pytest.fixture(scope="module")
def flask_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("rooms-types")
    generate_server(SPEC, root, "typed_rooms")
    return root


def test_an_emitter_checks_room_names_before_emitting(
    flask_package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from flask_socketio import SocketIO

    monkeypatch.syspath_prepend(str(flask_package))
    server = importlib.import_module("typed_rooms._generated.server")
    runtime = importlib.import_module("typed_rooms._generated.runtime")
    models = server.models
    emitted: list[object] = []
    socketio = SocketIO()
    socketio.emit = lambda *args, **kwargs: emitted.append((args, kwargs))  # type: ignore[method-assign]
    emitter = server.RootEmitter(socketio)
    news = models.NewsEmitPayload(room="x", text="x")
    with pytest.raises(runtime.RoomNameError, match="not a room of namespace /"):
        emitter.emit_news(news, room="nope")
    with pytest.raises(ValueError, match="not both"):
        emitter.emit_news(news, room="lobby", to="some-sid")
    assert emitted == []
    emitter.emit_news(news, room="lobby")
    assert emitted[-1][1]["to"] == "lobby"  # type: ignore[index]
    emitter.emit_news(news, to="any-sid-or-room")  # to= is a sid (or a room, unchecked)
    assert emitted[-1][1]["to"] == "any-sid-or-room"  # type: ignore[index]


TYPED_USE = dedent(
    """
    from __future__ import annotations

    from typed_rooms._generated import models
    from typed_rooms._generated.external import ExternalEmitter
    from typed_rooms._generated.server import GameEmitter, GameRoom, RootEmitter, RootNamespace


    def right(
        emitter: RootEmitter, game: GameEmitter, handlers: RootNamespace, queue: ExternalEmitter
    ) -> None:
        news = models.NewsEmitPayload(room="lobby", text="x")
        emitter.emit_news(news, room="lobby")
        emitter.emit_news(news, to="a-sid")
        emitter.enter_room("a-sid", "support")
        handlers.leave_room("a-sid", handlers.as_room("lobby"))
        game.enter_room("a-sid", GameRoom("game-1"))
        queue.root.emit_news(news, room="support")
        queue.root.close_room("lobby")


    def wrong(
        emitter: RootEmitter, game: GameEmitter, handlers: RootNamespace, queue: ExternalEmitter
    ) -> None:
        news = models.NewsEmitPayload(room="lobby", text="x")
        emitter.emit_news(news, room="lobbyy")  # WRONG
        emitter.enter_room("a-sid", "nope")  # WRONG
        handlers.close_room("kitchen")  # WRONG
        game.enter_room("a-sid", "game-1")  # WRONG: a plain str is no GameRoom
        queue.root.emit_news(news, room="nope")  # WRONG
    """
)


def test_mypy_accepts_declared_rooms_and_rejects_the_others(flask_package: Path) -> None:
    (flask_package / "typed_use.py").write_text(TYPED_USE)
    result = mypy_strict(Path("typed_use.py"), cwd=flask_package)
    wrong = [i for i, line in enumerate(TYPED_USE.splitlines(), 1) if "# WRONG" in line]
    flagged = sorted(
        {int(n) for n in re.findall(r"^typed_use\.py:(\d+): error", result.stdout, re.M)}
    )
    assert flagged == wrong, result.stdout


@pytest.mark.parametrize(
    ("rooms", "message"),
    [
        ("5", "x-rooms: must be a list of room names or a JSON Schema"),
        ("[]", "x-rooms: a list of room names must hold non-empty strings"),
        ("[a, a]", "x-rooms: a room name is listed twice"),
        ("{type: integer}", "x-rooms: a room-name schema must be of type string"),
    ],
)
def test_a_bad_x_rooms_is_one_located_line_and_nothing_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], rooms: str, message: str
) -> None:
    text = SPEC.read_text().replace("x-rooms: [lobby, support]", f"x-rooms: {rooms}")
    spec = tmp_path / "bad.yaml"
    spec.write_text(text)
    code, _, err = run_cli(["server", str(spec), "-o", str(tmp_path / "out"), "--quiet"], capsys)
    assert code == 2
    line = next(i for i, row in enumerate(text.splitlines(), 1) if "x-rooms:" in row)
    assert re.search(rf"bad\.yaml:{line}:\d+: error: {re.escape(message)}", err), err
    assert not (tmp_path / "out").exists()
    shutil.rmtree(tmp_path, ignore_errors=True)


def test_the_readme_rooms_block_generates_the_room_types_it_names(tmp_path: Path) -> None:
    from test_readme import of_kind

    (block,) = of_kind("rooms spec")
    header = "asyncapi: 2.6.0\ninfo: {title: Rooms, version: 1.0.0}\n"
    spec = tmp_path / "readme_rooms.yaml"
    spec.write_text(header + block.text)
    server = (
        generate_server(spec, tmp_path, "readme_rooms") / "_generated" / "server.py"
    ).read_text()
    compact = re.sub(r"\s+", "", server)
    assert 'RootRoom=Literal["lobby","support",]' in compact
    assert 'GameRoom=NewType("GameRoom",str)' in compact


V3_SPEC = dedent(
    """
    asyncapi: 3.0.0
    info: {title: Rooms 3, version: 1.0.0}
    channels:
      lobby:
        address: /
        x-rooms: [red, blue]
        messages:
          join: {name: join, payload: {type: string}}
          news: {name: news, payload: {type: string}}
    operations:
      join:
        action: receive
        channel: {$ref: '#/channels/lobby'}
        messages: [{$ref: '#/channels/lobby/messages/join'}]
      news:
        action: send
        channel: {$ref: '#/channels/lobby'}
        messages: [{$ref: '#/channels/lobby/messages/news'}]
    """
)


def test_x_rooms_on_a_3x_channel_read_by_two_operations(tmp_path: Path) -> None:
    spec = tmp_path / "rooms3.yaml"
    spec.write_text(V3_SPEC)
    server = (generate_server(spec, tmp_path, "rooms3") / "_generated" / "server.py").read_text()
    assert 'RootRoom=Literal["red","blue",]' in re.sub(r"\s+", "", server)
