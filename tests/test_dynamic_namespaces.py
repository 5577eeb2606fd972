"""Channel parameters as dynamic namespaces (issue #18): ``/rooms/{roomId}`` is served for every
room (``/rooms/1``, ``/rooms/2``) on both runtimes, its parameters validated on connect and
handed to handlers typed; emitters and the generated client address one instance."""

from __future__ import annotations

import asyncio
import importlib
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import flask_socketio
import pytest
import socketio  # type: ignore[import-untyped]
from clients import generate_client, import_client
from helpers import mypy_strict
from redis_server import RedisServer
from servers import RUNTIMES, RunningServer, for_runtime, generate_server, run_server

from sio_codegen.diagnostics import SpecError
from sio_codegen.load.loader import LoadOptions, load_api

ROOT = Path(__file__).resolve().parent.parent
ROOMS = ROOT / "golden" / "channel_params" / "spec" / "asyncapi.yaml"

HANDLERS = '''\
"""Rooms: every room echoes what is said in it to everyone in that room."""

from __future__ import annotations

from ._generated import models
from ._generated.runtime import NamespaceHandlers, SecurityHandlers, override
from ._generated.server import RoomsEmitter, RoomsNamespace, RootNamespace


class RootHandlers(RootNamespace):
    @override
    def on_hello(self, sid: str, data: models.HelloPayload) -> models.HelloAck:
        return models.HelloAck(greeting="hello " + data.name)


class RoomsHandlers(RoomsNamespace):
    @override
    def handle_connect(self, sid: str, auth: object) -> bool | None:
        if self.params(sid).room_id == 99:  # the hall: everyone sits at table b on arrival
            self.enter_room(sid, "b")
        return None

    @override
    def on_say(self, sid: str, data: models.RoomsSayPayload) -> models.RoomsSayAck:
        room = self.params(sid).room_id
        emitter = RoomsEmitter(self.socketio, self.params(sid))
        said = models.RoomsSaidEmitPayload(room=room, text=data.text)
        if data.table is None:
            emitter.emit_said(said)
        else:  # to the table (x-rooms) of this instance only
            emitter.emit_said(said, room=self.as_room(data.table))
        return models.RoomsSayAck(room=room)

    @override
    def on_sit(self, sid: str, data: models.RoomsSitPayload) -> models.RoomsSitAck:
        self.enter_room(sid, self.as_room(data.root))
        return models.RoomsSitAck(self.tables_of(sid))

    @override
    def on_stand(self, sid: str, data: models.RoomsStandPayload) -> models.RoomsStandAck:
        emitter = RoomsEmitter(self.socketio, self.params(sid))  # the emitter's helper this time
        emitter.leave_room(sid, self.as_room(data.root))
        return models.RoomsStandAck(self.tables_of(sid))

    @override
    def on_clear(self, sid: str, data: models.RoomsClearPayload) -> models.RoomsClearAck:
        self.close_room(self.as_room(data.root), sid=sid)
        return models.RoomsClearAck(True)

    @override
    def on_tables(self, sid: str) -> models.RoomsTablesAck:
        return models.RoomsTablesAck(self.tables_of(sid))

    def tables_of(self, sid: str) -> list[str]:
        return sorted(room for room in self.rooms(sid) if room != sid)


def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:
    return [RootHandlers(), RoomsHandlers()]
'''


V3 = """\
asyncapi: 3.0.0
info: {title: Orgs, version: "1"}
channels:
  room:
    address: /orgs/{orgId}/rooms/{room-name}
    parameters:
      orgId: {description: The organisation.}
      room-name: {enum: [blue, red]}
      unused: {}
    messages:
      say: {payload: {type: string}}
operations:
  say: {action: receive, channel: {$ref: '#/channels/room'}}
"""


# -- the model ---------------------------------------------------------------------------------
def test_a_2x_channel_with_parameters_is_a_dynamic_namespace() -> None:
    loaded = load_api(ROOMS, LoadOptions())
    api = loaded.api
    rooms = next(ns for ns in api.namespaces if ns.name == "/rooms/{roomId}")
    assert rooms.dynamic and rooms.address == ("/rooms/", "room_id", "")
    assert (rooms.identifier, rooms.class_prefix) == ("rooms", "Rooms")
    assert rooms.params is not None
    assert api.schemas[rooms.params.model] == {
        "type": "object",
        "properties": {  # the parameter's description, where its schema has none
            "room_id": {"type": "integer", "minimum": 1, "description": "The room's number."}
        },
        "required": ["room_id"],
        "additionalProperties": False,
    }
    root = next(ns for ns in api.namespaces if ns.name == "/")
    assert not root.dynamic and root.params is None
    assert not [d for d in loaded.report.warnings if "parameter" in d.message]


def test_3x_address_expressions_are_text_parameters(write_spec) -> None:  # type: ignore[no-untyped-def]
    loaded = load_api(write_spec(V3), LoadOptions())
    (ns,) = loaded.api.namespaces
    assert ns.address == ("/orgs/", "org_id", "/rooms/", "room_name", "")
    assert ns.class_prefix == "OrgsRooms" and ns.params is not None
    assert loaded.api.schemas[ns.params.model]["properties"] == {
        "org_id": {"type": "string", "pattern": "^[^/,]+$", "description": "The organisation."},
        "room_name": {"type": "string", "pattern": "^[^/,]+$", "enum": ["blue", "red"]},
    }
    (warning,) = [d for d in loaded.report.warnings if "parameter" in d.message]
    assert warning.message.startswith("channel parameter 'unused' is not in the address")
    assert warning.location.pointer == "/channels/room/parameters/unused"


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("/rooms/{roomId}/{room_id}", "channel parameters 'roomId' and 'room_id' of"),
        ("/rooms/{roomId}/{roomId}", "(or one is used twice)"),
        ("/rooms/{}", "has a brace that is no parameter expression"),
        ("/rooms/{roomId", "has a brace that is no parameter expression"),
        ("/rooms/{{ 7*7 }}", "has a brace that is no parameter expression"),
        ("/rooms/{roomId}-{orgId}", "'roomId' and 'orgId' share one segment of"),
    ],
)
def test_parameters_that_cannot_name_fields_are_errors(write_spec, address: str, message: str):  # type: ignore[no-untyped-def]
    spec = V3.replace("/orgs/{orgId}/rooms/{room-name}", address)
    with pytest.raises(SpecError) as failure:
        load_api(write_spec(spec), LoadOptions())
    lines = [d.format() for d in failure.value.diagnostics]
    assert any(message in line and "/channels/room" in line for line in lines), lines


def test_parameter_names_never_become_code(write_spec) -> None:  # type: ignore[no-untyped-def]
    """A parameter named like code is a field name through the naming rules; the address's
    literal text reaches the generated package as a string literal only."""
    spec = V3.replace("/orgs/{orgId}/rooms/{room-name}", "/a'\"+b/{__import__}/{class}")
    loaded = load_api(write_spec(spec), LoadOptions())
    (ns,) = loaded.api.namespaces
    assert ns.address == ("/a'\"+b/", "import_", "/", "class_", "")


# -- both runtimes, the generated client, a real websocket ----------------------------------------
@pytest.fixture(scope="module", params=RUNTIMES)
def rooms(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[tuple[RunningServer, ModuleType]]:
    root = tmp_path_factory.mktemp("rooms")
    folder = generate_server(ROOMS, root, "rooms_server", request.param)
    (folder / "handlers.py").write_text(for_runtime(HANDLERS, request.param))
    generate_client(ROOMS, root, "rooms_client")
    with run_server(root, "rooms_server") as server:
        yield server, import_client(root, "rooms_client")


def test_sync_client_talks_to_two_instances(rooms: tuple[RunningServer, ModuleType]) -> None:
    server, pkg = rooms
    models = pkg.models
    heard: dict[int, list[Any]] = {1: [], 2: []}
    other: list[Any] = []
    done, other_done = threading.Event(), threading.Event()
    listener = pkg.Client(server.url, transports=["websocket"], namespaces=["/"])
    only_two = listener.rooms(models.RoomsParams(room_id=2))

    @only_two.on_said
    def other_said(data: Any) -> None:
        other.append(data)
        other_done.set()

    client = pkg.Client(server.url, transports=["websocket"])
    one = client.rooms(models.RoomsParams(room_id=1))
    two = client.rooms({"room_id": 2})
    assert client.rooms(models.RoomsParams(room_id=1)) is one
    assert (one.namespace, two.namespace) == ("/rooms/1", "/rooms/2")
    for room, namespace in ((1, one), (2, two)):

        @namespace.on_said
        def said(data: Any, room: int = room) -> None:
            heard[room].append(data)
            if heard[1] and heard[2]:
                done.set()

    with listener, client:
        assert one.say(models.RoomsSayPayload(text="in one")) == models.RoomsSayAck(room=1)
        assert two.say(models.RoomsSayPayload(text="in two")) == models.RoomsSayAck(room=2)
        assert client.hello(models.HelloPayload(name="ann")).greeting == "hello ann"
        assert done.wait(10) and other_done.wait(10)
    assert heard == {
        1: [models.RoomsSaidEmitPayload(room=1, text="in one")],
        2: [models.RoomsSaidEmitPayload(room=2, text="in two")],
    }
    # Room 1's message went out first, on the same connection: it would have arrived first.
    assert other == [models.RoomsSaidEmitPayload(room=2, text="in two")]


def test_async_client_talks_to_two_instances(rooms: tuple[RunningServer, ModuleType]) -> None:
    server, pkg = rooms
    models = pkg.models

    async def scenario() -> tuple[Any, Any, Any]:
        said: asyncio.Queue[Any] = asyncio.Queue()
        client = pkg.AsyncClient(server.url, transports=["websocket"])
        one = client.rooms(models.RoomsParams(room_id=1))
        seven = client.rooms(models.RoomsParams(room_id=7))

        @seven.on_said
        async def heard(data: Any) -> None:
            await said.put(data)

        async with client:
            first = await one.say(models.RoomsSayPayload(text="a"))
            second = await seven.say(models.RoomsSayPayload(text="b"))
            return first, second, await asyncio.wait_for(said.get(), 10)

    first, second, heard = asyncio.run(scenario())
    assert (first.room, second.room) == (1, 7)
    assert heard == models.RoomsSaidEmitPayload(room=7, text="b")


def test_invalid_parameters_are_refused_with_the_reason(
    rooms: tuple[RunningServer, ModuleType],
) -> None:
    server, _ = rooms
    reasons = {}
    too_long = "/rooms/" + "9" * 2000  # past MAX_NAMESPACE_LENGTH: never matched
    for name in ("/rooms/0", "/rooms/abc", "/rooms/01", "/nope", "/rooms/1/more", too_long):
        raw = socketio.Client(reconnection=False)
        refused: list[Any] = []
        raw.on("connect_error", lambda data, refused=refused: refused.append(data), namespace=name)
        with pytest.raises(socketio.exceptions.ConnectionError):
            raw.connect(server.url, namespaces=[name], transports=["websocket"], wait_timeout=10)
        raw.disconnect()
        reasons[name] = (
            refused[0]["message"] if refused and isinstance(refused[0], dict) else refused
        )
    assert reasons["/rooms/0"].startswith(
        "invalid namespace parameters for /rooms/{roomId}: room_id:"
    )
    assert "greater than or equal to 1" in reasons["/rooms/0"]
    assert reasons["/rooms/abc"].startswith("invalid namespace parameters for /rooms/{roomId}: ")
    assert "integer" in reasons["/rooms/abc"]
    # room_id=1 written another way: one name per instance (rooms and emits are per name)
    assert reasons["/rooms/01"] == (
        "invalid namespace parameters for /rooms/{roomId}: not written as the parameters' "
        "values are: connect to /rooms/1"
    )
    assert reasons["/nope"] == reasons["/rooms/1/more"] == reasons[too_long] == "Unable to connect"


def test_the_client_refuses_invalid_parameters_before_sending(
    rooms: tuple[RunningServer, ModuleType],
) -> None:
    server, pkg = rooms
    client = pkg.Client(server.url)
    with pytest.raises(pkg.ConnectParamsError) as raised:
        client.rooms({"room_id": 0})
    assert raised.value.errors[0]["loc"] == ["room_id"]
    with pytest.raises(pkg.ConnectParamsError):
        client.rooms({"room_id": "1/2"})
    assert client.connect_namespaces == ["/"]


def test_a_fixed_namespace_keeps_its_own_events(rooms: tuple[RunningServer, ModuleType]) -> None:
    """An event of a dynamic namespace sent to a fixed namespace that lacks it reaches python-
    socketio's catch-all, which leaves it unhandled: no handler runs, no ack comes back."""
    server, _ = rooms
    raw = socketio.Client(reconnection=False)
    acks: list[Any] = []
    raw.connect(server.url, namespaces=["/"], transports=["websocket"], wait_timeout=10)
    try:
        raw.emit("say", {"text": "x"}, namespace="/", callback=lambda *a: acks.append(a))
        assert raw.call("hello", {"name": "b"}, namespace="/", timeout=10) == {
            "greeting": "hello b"
        }
    finally:
        raw.disconnect()
    assert acks == []


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_a_client_of_only_dynamic_namespaces_needs_an_instance_to_connect(
    tmp_path: Path, runtime: str
) -> None:
    """With no fixed namespace and no instance made, python-socketio would connect ``/``, which
    the server refuses with "Unable to connect": the client says what to do instead, before
    connecting; with an instance made it connects."""
    spec = tmp_path / "orgs.yaml"
    spec.write_text(V3)
    generate_server(spec, tmp_path, "orgs_server", runtime)  # the stubs: "say" is not acked
    generate_client(spec, tmp_path, "orgs_client")
    pkg = import_client(tmp_path, "orgs_client")
    with run_server(tmp_path, "orgs_server") as server:
        client = pkg.Client(server.url, transports=["websocket"])
        with pytest.raises(RuntimeError) as raised:
            client.connect()
        assert str(raised.value) == (
            "nothing to connect: every namespace of this API is dynamic; make the instances to "
            "connect before connect(): "
            "client.orgs_rooms(params) for /orgs/{orgId}/rooms/{room-name}"
        )
        assert not client.connected
        blue = client.orgs_rooms(pkg.models.OrgsRoomsParams(org_id="acme", room_name="blue"))
        with client:
            assert client.sio.get_sid("/orgs/acme/rooms/blue") is not None
            assert blue.namespace == "/orgs/acme/rooms/blue"


# -- rooms (x-rooms) of a dynamic namespace: each instance has its own -------------------------
WAIT = 20.0


@dataclass
class Seated:
    """A generated client connected to one instance of ``/rooms/{roomId}`` (``room``, its typed
    namespace object), recording the text of each ``said`` it receives there."""

    client: Any
    room: Any
    heard: list[str] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)

    @property
    def sid(self) -> str:
        sid: str = self.client.sio.get_sid(self.room.namespace)
        return sid

    def until(self, text: str) -> list[str]:
        """Every text heard up to and including ``text`` (a failure if it never comes)."""
        with self.changed:
            assert self.changed.wait_for(lambda: text in self.heard, timeout=WAIT), self.heard
            return self.heard[: self.heard.index(text) + 1]


def seated(pkg: ModuleType, url: str, room_id: int) -> Seated:
    client = pkg.Client(url, transports=["websocket"])
    found = Seated(client, client.rooms(pkg.models.RoomsParams(room_id=room_id)))

    @found.room.on_said
    def said(data: Any) -> None:
        with found.changed:
            found.heard.append(data.text)
            found.changed.notify_all()

    client.connect()
    return found


def leave(*clients: Seated) -> None:
    """Disconnect at once (a websocket-only client waits up to 3 s for the close frame)."""
    threads = [threading.Thread(target=item.client.disconnect) for item in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_room_operations_act_on_the_instance_of_the_client(
    rooms: tuple[RunningServer, ModuleType],
) -> None:
    """``/rooms/1`` and ``/rooms/2`` both have a table ``a``: joining, emitting to it (from a
    handler of instance 1, through ``RoomsEmitter(socketio, params)``), ``rooms(sid)``,
    leaving (the emitter's helper) and closing it (the handler's) act on one instance only."""
    server, _ = rooms
    pkg = rooms[1]
    made: list[Seated] = []
    try:
        made += [seated(pkg, server.url, room_id) for room_id in (1, 1, 2)]
        one_a, one_b, two_a = made
        assert one_a.room.sit("a").root == ["a"]
        assert one_b.room.sit("b").root == ["b"]
        assert two_a.room.sit("a").root == ["a"]
        one_b.room.say({"text": "one to a", "table": "a"})  # one_b sits at b, not a
        two_a.room.say({"text": "two to a", "table": "a"})
        one_b.room.say({"text": "end 1"})  # to the whole instance: a marker for its clients
        two_a.room.say({"text": "end 2"})
        assert one_a.until("end 1") == ["one to a", "end 1"]
        assert one_b.until("end 1") == ["end 1"]
        assert two_a.until("end 2") == ["two to a", "end 2"]

        assert one_a.room.tables().root == ["a"]
        assert one_a.room.stand("a").root == []
        assert one_a.room.sit("a").root == ["a"]
        assert one_b.room.sit("a").root == ["a", "b"]
        assert one_b.room.clear("a").root is True
        assert one_a.room.tables().root == [] and one_b.room.tables().root == ["b"]
        assert two_a.room.tables().root == ["a"]  # instance 2's table a is not closed
        one_a.room.say({"text": "after clear", "table": "a"})  # nobody at a in instance 1
        two_a.room.say({"text": "two again", "table": "a"})
        one_a.room.say({"text": "end 1 again"})
        two_a.room.say({"text": "end 2 again"})
        assert one_a.until("end 1 again") == ["one to a", "end 1", "end 1 again"]
        assert one_b.until("end 1 again") == ["end 1", "end 1 again"]
        assert two_a.until("end 2 again") == ["two to a", "end 2", "two again", "end 2 again"]
    finally:
        leave(*made)


def test_the_connect_hook_knows_the_instance(rooms: tuple[RunningServer, ModuleType]) -> None:
    """``params(sid)`` and the room helpers work in ``handle_connect`` already."""
    server, pkg = rooms
    hall = seated(pkg, server.url, 99)
    try:
        assert hall.room.tables().root == ["b"]
    finally:
        leave(hall)


def test_an_undeclared_table_is_a_room_error_naming_the_event(
    rooms: tuple[RunningServer, ModuleType],
) -> None:
    server, _ = rooms
    raw = socketio.Client(reconnection=False)
    raw.connect(server.url, namespaces=["/rooms/3"], transports=["websocket"], wait_timeout=10)
    try:
        error = raw.call("sit", "z", namespace="/rooms/3", timeout=WAIT)["sio_error"]
        assert raw.call("tables", namespace="/rooms/3", timeout=WAIT) == []  # still serving
    finally:
        raw.disconnect()
    assert (error["type"], error["event"], error["namespace"]) == (
        "room_error",
        "sit",
        "/rooms/{roomId}",
    )


EXTERNAL_SCRIPT = """\
import sys

from rooms_server._generated import models
from rooms_server._generated.external import external_emitter

url, sid = sys.argv[1:]
emitter = external_emitter(url)
one = emitter.rooms(models.RoomsParams(room_id=1))


def said(text: str, room: int = 1) -> models.RoomsSaidEmitPayload:
    return models.RoomsSaidEmitPayload(room=room, text=text)


one.emit_said(said("ext a"), room="a")
one.enter_room(sid, "a")  # one_b, of /rooms/1, sits at a too
one.emit_said(said("ext a again"), room="a")
one.leave_room(sid, "a")
one.close_room("a")  # nobody at a in /rooms/1 any more; /rooms/2's a keeps two_a
one.emit_said(said("ext gone"), room="a")
one.emit_said(said("ext end"))
emitter.rooms(models.RoomsParams(room_id=2)).emit_said(said("ext end", 2))
"""


@pytest.fixture(scope="module")
def queued(rooms: tuple[RunningServer, ModuleType], redis: RedisServer) -> Iterator[RunningServer]:
    """A second process of the ``rooms`` package, on the Redis message queue."""
    root = rooms[0].log_file.parent
    (root / "external_rooms.py").write_text(EXTERNAL_SCRIPT)
    with run_server(root, "rooms_server", args=["--message-queue", redis.url]) as server:
        yield server


def test_the_external_emitters_room_operations_act_on_its_instance(
    rooms: tuple[RunningServer, ModuleType], queued: RunningServer, redis: RedisServer
) -> None:
    pkg = rooms[1]
    made: list[Seated] = []
    try:
        made += [seated(pkg, queued.url, room_id) for room_id in (1, 1, 2)]
        one_a, one_b, two_a = made
        for item in (one_a, two_a):
            assert item.room.sit("a").root == ["a"]
        assert one_b.room.sit("b").root == ["b"]
        result = subprocess.run(
            [sys.executable, "external_rooms.py", redis.url, one_b.sid],
            cwd=queued.log_file.parent, capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert one_a.until("ext end") == ["ext a", "ext a again", "ext end"]
        assert one_b.until("ext end") == ["ext a again", "ext end"]
        assert two_a.until("ext end") == ["ext end"]
        assert one_b.room.tables().root == ["b"] and two_a.room.tables().root == ["a"]
    finally:
        leave(*made)


# -- types -----------------------------------------------------------------------------------
CLIENT_SCRIPT = """\
from __future__ import annotations

from rooms_client import AsyncClient, Client, models


def sync() -> int:
    client = Client("http://127.0.0.1:1")
    room = client.rooms(models.RoomsParams(room_id=3))
    with client:
        return room.say(models.RoomsSayPayload(text="x")).room


async def run() -> int:
    client = AsyncClient("http://127.0.0.1:1")
    room = client.rooms(models.RoomsParams(room_id=3))
    async with client:
        ack = await room.say(models.RoomsSayPayload(text="x"))
        return ack.room
"""


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_filled_in_handlers_and_client_pass_mypy_strict(tmp_path: Path, runtime: str) -> None:
    folder = generate_server(ROOMS, tmp_path, "rooms_server", runtime)
    (folder / "handlers.py").write_text(for_runtime(HANDLERS, runtime))
    generate_client(ROOMS, tmp_path, "rooms_client")
    (tmp_path / "script.py").write_text(CLIENT_SCRIPT)
    result = mypy_strict(
        Path("rooms_server"), Path("rooms_client"), Path("script.py"), cwd=tmp_path
    )
    assert result.returncode == 0, result.stdout


# -- emitters address one instance -----------------------------------------------------------
class RecordingManager:
    """A stand-in for a queue manager: what would be published."""

    def __init__(self) -> None:
        self.published: list[tuple[str, Any, str]] = []

    def emit(self, event: str, data: Any, *, namespace: str, room: Any, skip_sid: Any) -> None:
        self.published.append((event, data, namespace))


def test_emitters_address_one_instance_and_refuse_invalid_parameters(tmp_path: Path) -> None:
    generate_server(ROOMS, tmp_path, "rooms_emit_server")
    server = import_client(tmp_path, "rooms_emit_server")  # imports the package and its modules
    generated = importlib.import_module("rooms_emit_server._generated.server")
    external = importlib.import_module("rooms_emit_server._generated.external")
    models = importlib.import_module("rooms_emit_server._generated.models")
    runtime = importlib.import_module("rooms_emit_server._generated.runtime")
    assert server is not None

    manager = RecordingManager()
    emitter = external.ExternalEmitter(manager)
    emitter.rooms(models.RoomsParams(room_id=3)).emit_said(
        models.RoomsSaidEmitPayload(room=3, text="x")
    )
    assert manager.published == [("said", {"room": 3, "text": "x"}, "/rooms/3")]
    with pytest.raises(runtime.EmitValidationError):
        emitter.rooms({"room_id": 0})

    socketio_app = flask_socketio.SocketIO()
    assert (
        generated.RoomsEmitter(socketio_app, models.RoomsParams(room_id=12)).target == "/rooms/12"
    )
    with pytest.raises(runtime.EmitValidationError) as raised:
        generated.RoomsEmitter(socketio_app, {"room_id": "twelve"})
    assert raised.value.errors[0]["loc"] == ["room_id"]
    match = runtime.match_address
    assert match(("/a/room-", "b", ".x/c"), "/a/room-7.x/c") == {"b": "7"}
    for other in ("/a/room-.x/c", "/a/room-7,8.x/c", "/a/room-7.x", "/a/room-7.x/c/d", "/a/7.x/c"):
        assert match(("/a/room-", "b", ".x/c"), other) is None, other
    unreadable_ones = ({"name": "x"}, {"b": "x/y"}, {"b": "x,y"}, {"b": ""})
    for unreadable in unreadable_ones:  # validation off: still refused
        with pytest.raises(ValueError, match="cannot name a namespace"):
            runtime.instance_name(("/a/", "b", ""), models.HelloPayload, unreadable, False)


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_mock_mode_emits_to_each_instance_with_clients(tmp_path: Path, runtime: str) -> None:
    generate_server(ROOMS, tmp_path, "rooms_mock", runtime)  # the stubs: mock mode fills them
    generate_client(ROOMS, tmp_path, "rooms_mock_client")
    pkg = import_client(tmp_path, "rooms_mock_client")
    heard: dict[str, Any] = {}
    both = threading.Event()
    with run_server(tmp_path, "rooms_mock", args=["--mock", "--mock-interval", "0.2"]) as server:
        client = pkg.Client(server.url, transports=["websocket"])
        for room in (4, 5):
            namespace = client.rooms(pkg.models.RoomsParams(room_id=room))

            @namespace.on_said
            def said(data: Any, name: str = namespace.namespace) -> None:
                heard[name] = data
                if len(heard) == 2:
                    both.set()

        with client:
            assert both.wait(20)
            ack = client.rooms(pkg.models.RoomsParams(room_id=4)).say({"text": "x"})
    assert set(heard) == {"/rooms/4", "/rooms/5"}
    assert all(type(data) is pkg.models.RoomsSaidEmitPayload for data in heard.values())
    assert type(ack) is pkg.models.RoomsSayAck


# -- security on a dynamic namespace -------------------------------------------------------------

SECURED = """\
asyncapi: 2.6.0
info: {title: Secured rooms, version: "1"}
servers:
  local: {url: 127.0.0.1/socket.io, protocol: ws, security: [{bearer: []}]}
channels:
  /:
    publish: {message: {$ref: "#/components/messages/WhoSawMe"}}
  /rooms/{roomId}:
    parameters:
      roomId: {schema: {type: integer}}
    publish: {message: {$ref: "#/components/messages/WhoSawMe"}}
components:
  messages:
    WhoSawMe: {name: who_saw_me, x-ack: {type: string}}
  securitySchemes:
    bearer: {type: http, scheme: bearer}
"""

SECURED_HANDLERS = """\
from __future__ import annotations

from typing import Any

from ._generated import server
from ._generated.runtime import NamespaceHandlers, Principal, SecurityHandlers


def handlers_for(base: type[NamespaceHandlers]) -> NamespaceHandlers:
    class Handlers(base):  # type: ignore[valid-type,misc]
        seen: dict[str, str] = {}

        def handle_connect(self, sid: str, auth: Any) -> bool | None:
            principal = self.principal(sid)  # the verify hook's, already
            self.seen[sid] = principal.subject if principal else "nobody"
            return None

        def on_who_saw_me(self, sid: str) -> Any:
            return "connect saw " + self.seen.pop(sid, "?")

    return Handlers()


class SecurityHooks(server.Security):
    def verify_bearer(self, token: str) -> Principal | None:
        return Principal("user-" + token) if token.startswith("ok") else None


def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:
    return [handlers_for(base) for base in server.HANDLER_BASES] + [SecurityHooks()]
"""


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_the_connect_hook_knows_the_principal(tmp_path: Path, runtime: str) -> None:
    """``principal(sid)`` works in ``handle_connect``, on a dynamic namespace as on a fixed one
    (it was stored only after the hook had run)."""
    spec = tmp_path / "secured.yaml"
    spec.write_text(SECURED)
    folder = generate_server(spec, tmp_path, "secured_rooms", runtime)
    (folder / "handlers.py").write_text(for_runtime(SECURED_HANDLERS, runtime))
    with run_server(tmp_path, "secured_rooms") as server:
        for namespace, token in [("/", "ok-root"), ("/rooms/7", "ok7")]:
            client = socketio.Client(reconnection=False)
            client.connect(server.url, namespaces=[namespace], transports=["websocket"],
                           headers={"Authorization": "Bearer " + token})  # fmt: skip
            try:
                said = client.call("who_saw_me", namespace=namespace, timeout=10)
            finally:
                client.disconnect()
            assert said == "connect saw user-" + token, namespace
