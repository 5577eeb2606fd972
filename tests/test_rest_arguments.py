"""Rest arguments (issue #13): an event whose argument list ends in any number of further
arguments (zod-sockets spreads them: ``socket.emit("ping", ...args)``, ``ack("pong", ...rest)``).
golden/rest's spec: a rest-only list (``type: array`` with only ``additionalItems``), fixed
positions then a rest (``items`` + ``additionalItems``, ``prefixItems`` + ``items``), acks with a
rest on both sides. Over a real websocket with the generated client, on both runtimes; and what
the model reads from each form of the schema."""

from __future__ import annotations

import asyncio
import importlib
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from clients import generate_client, import_client
from helpers import dedent, mypy_strict
from servers import RUNTIMES, RunningServer, generate_server, run_server
from test_server_e2e import prepare

from sio_codegen.diagnostics import Report
from sio_codegen.load.loader import load_api

REST = Path(__file__).parent.parent / "golden" / "rest" / "spec" / "asyncapi.yaml"
REST_HANDLERS = dedent(
    """
    from __future__ import annotations

    import json
    from typing import TYPE_CHECKING, Any

    from ._generated import models
    from ._generated.runtime import NamespaceHandlers, SecurityHandlers, override
    from ._generated.server import RootEmitter, RootNamespace
    from .recorder import rec

    if TYPE_CHECKING:
        from typing_extensions import Unpack


    class RootHandlers(RootNamespace):
        @override
        def on_ping(self, sid: str, *rest: Any) -> tuple[
            models.PingAckArg1 | None, Unpack[tuple[models.PingAckRest, ...]]
        ]:
            rec("ping", list(rest))
            return (models.PingAckArg1("pong"), *(models.PingAckRest(value) for value in rest))

        collected: list[tuple[Any, ...]] = []

        @override
        def on_gather(self, sid: str, data: models.GatherPayload) -> tuple[Any, ...]:
            rec("gather", data.root)
            if data.root == "emit":  # the client's ack reaches the emitter's callback, a tuple
                RootEmitter(self.socketio).emit_collect(
                    models.CollectPayload(data.root), to=sid, callback=self.collected.append
                )
                return ()
            if data.root == "emitted":
                return ("got", *self.collected.pop()) if self.collected else ()
            if data.root == "collect":  # what the client acks to collect, passed back
                values = RootEmitter(self.socketio).call_collect(
                    models.CollectPayload(data.root), to=sid, timeout=5
                )
                return ("collected", *values)
            return tuple(json.loads(data.root))  # any number of any values

        @override
        def on_subscribe(self, sid: str, *rest: Any) -> None:
            rec("subscribe", list(rest))
            RootEmitter(self.socketio).emit_echo(*rest, to=sid)

        @override
        def on_tag(
            self, sid: str, arg1: models.TagPayloadArg1, *rest: models.TagPayloadRest
        ) -> models.TagAck:
            rec("tag", type(arg1).__name__, [type(value).__name__ for value in rest])
            return models.TagAck(len(arg1.root) + sum(value.root for value in rest))

        @override
        def on_total(self, sid: str, *rest: models.TotalPayloadRest) -> models.TotalAck:
            return models.TotalAck(sum(value.root for value in rest))

        @override
        def on_label(
            self, sid: str, arg1: models.LabelPayloadArg1, *rest: models.Label
        ) -> models.LabelAck:
            rec("label", arg1.root, [label.text for label in rest])
            scores = (models.ScoresPayloadRest(len(label.text)) for label in rest)
            ok, *notes = RootEmitter(self.socketio).call_scores(
                models.ScoresPayloadArg1(arg1.root), *scores, to=sid, timeout=5
            )
            return models.LabelAck(f"{ok.root}: {' '.join(note.root for note in notes)}")


    def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:
        return [RootHandlers()]
    """
)


@pytest.fixture(scope="module")
def client_package(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    root = tmp_path_factory.mktemp("rest_client")
    generate_client(REST, root, "rest_client")
    return import_client(root, "rest_client")


@pytest.fixture(scope="module", params=RUNTIMES)
def server(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[RunningServer]:
    root = tmp_path_factory.mktemp("rest")
    prepare(root, REST, "rest_server", REST_HANDLERS, request.param)
    with run_server(root, "rest_server") as running:
        yield running


@pytest.fixture
def client(client_package: ModuleType, server: RunningServer) -> Iterator[Any]:
    client = client_package.Client(server.url, transports=["websocket"], default_timeout=10)
    with client as connected:
        yield connected


def test_fixed_and_rest_arguments_arrive_typed(
    client_package: ModuleType, client: Any, server: RunningServer
) -> None:
    models = client_package.models
    ack = client.root.tag(models.TagPayloadArg1("ab"), models.TagPayloadRest(1), 2)
    assert ack == models.TagAck(5)
    assert client.root.tag(models.TagPayloadArg1("abc")).root == 3  # no rest argument
    assert client.sio.call("tag", ("ab", 3, 4, 5), timeout=10) == 14  # four Socket.IO arguments
    assert client.root.total(1, models.TotalPayloadRest(2), 3).root == 6  # a list, x-multiple-args
    assert client.root.total().root == 0
    assert client.sio.call("total", (1, "2"), timeout=10)["sio_error"]["errors"][0]["loc"] == [1]
    tags = [call for call in server.calls() if call[0] == "tag"]
    assert tags[-3:] == [
        ["tag", "TagPayloadArg1", ["TagPayloadRest", "TagPayloadRest"]],
        ["tag", "TagPayloadArg1", []],
        ["tag", "TagPayloadArg1", ["TagPayloadRest"] * 3],
    ]


def test_prefix_items_rest_arguments_are_their_models(
    client_package: ModuleType, client: Any
) -> None:
    """label: prefixItems then ``items: {$ref: Label}``; its handler calls the client's
    ``scores`` (a fixed argument then numbers), whose ack is a bool then any number of notes."""
    models = client_package.models
    seen: list[Any] = []

    def scores(player: Any, *rest: Any) -> Any:
        seen.append((player, rest))
        return (True, *(models.ScoresAckRest(f"n{value.root:g}") for value in rest))

    client.root.on_scores(scores)
    ack = client.root.label(models.LabelPayloadArg1("ann"), models.Label(text="ab"), {"text": "c"})
    assert ack.root == "True: n2 n1"
    ((player, rest),) = seen
    assert type(player) is models.ScoresPayloadArg1 and player.root == "ann"
    assert [type(value) for value in rest] == [models.ScoresPayloadRest] * 2


def test_a_rest_only_list_takes_any_number_of_anything(
    client_package: ModuleType, client: Any
) -> None:
    models = client_package.models
    assert client.root.ping() == (models.PingAckArg1("pong"),)  # zero arguments
    assert client.root.ping("something", 42, None, [1]) == (
        models.PingAckArg1("pong"),
        *(models.PingAckRest(value) for value in ("something", 42, None, [1])),
    )
    assert client.sio.call("ping", ("a", {"b": 1}), timeout=10) == ("pong", "a", {"b": 1})
    assert client.sio.call("ping", timeout=10) == "pong"  # one ack argument
    echoed: list[tuple[Any, ...]] = []
    done = threading.Event()
    client.root.on_echo(lambda *values: echoed.append(values) or done.set())
    client.root.subscribe("x", 1, {"y": [True]})  # additionalItems is ignored: any values
    assert done.wait(10)
    assert echoed == [("x", 1, {"y": [True]})]


def test_the_async_client_sends_and_receives_rest_arguments(
    client_package: ModuleType, server: RunningServer
) -> None:
    models = client_package.models

    async def drive() -> tuple[Any, ...]:
        client = client_package.AsyncClient(server.url, transports=["websocket"],
                                            default_timeout=10)  # fmt: skip
        echoed: asyncio.Queue[tuple[Any, ...]] = asyncio.Queue()

        async def echo(*values: Any) -> None:
            await echoed.put(values)

        client.root.on_echo(echo)
        async with client:
            ping = await client.root.ping("a", 2)
            tag = await client.root.tag(models.TagPayloadArg1("ab"), 3, 4)
            await client.root.subscribe()
            await client.root.subscribe(None, "z")
            first = await asyncio.wait_for(echoed.get(), 10)
            second = await asyncio.wait_for(echoed.get(), 10)
            gathered = await client.root.gather(models.GatherPayload('[1, "a", null]'))
        return ping, tag, first, second, gathered

    ping, tag, first, second, gathered = asyncio.run(drive())
    assert gathered == (1, "a", None)  # a rest-only ack: several values
    assert ping == (models.PingAckArg1("pong"), models.PingAckRest("a"), models.PingAckRest(2))
    assert tag == models.TagAck(9)
    # none at all, and a null one and a string (the Flask runtime handles each event in a thread
    # of its own: the two echoes may come back in either order)
    assert sorted([first, second], key=len) == [(), (None, "z")]


def test_an_invalid_rest_argument_is_a_validation_error(client: Any) -> None:
    error = client.sio.call("tag", ("ab", 1, "three"), timeout=10)["sio_error"]
    assert error["type"] == "validation_error"
    assert error["errors"][0]["loc"] == [2]
    error = client.sio.call("label", ("ann", {"text": "a"}, {"text": 1}), timeout=10)["sio_error"]
    assert error["type"] == "validation_error" and error["errors"][0]["loc"][0] == 2
    assert client.sio.call("tag", ("ab", 1), timeout=10) == 3  # still served


def test_the_client_validates_rest_arguments_it_sends_and_receives(
    client_package: ModuleType,
) -> None:
    models, runtime = client_package.models, client_package.runtime
    client = client_package.Client("http://127.0.0.1:1")
    sent: list[Any] = []
    client.sio.call = lambda event, data, **kwargs: sent.append(data) or ("pong", "a", 1)
    assert client.root.ping("a", 1) == (models.PingAckArg1("pong"), models.PingAckRest("a"),
                                        models.PingAckRest(1))  # fmt: skip
    assert sent == [("a", 1)]  # a tuple: python-socketio sends its items as separate arguments
    with pytest.raises(runtime.EmitValidationError) as raised:
        client.root.tag(models.TagPayloadArg1("ab"), 1, "two")
    assert raised.value.errors[0]["loc"][0] == 2
    client.sio.call = lambda event, data, **kwargs: ("ping", "a")  # "pong" is a const
    with pytest.raises(runtime.AckValidationError):
        client.root.ping()
    errors: list[Any] = []
    client.root.add_error_handler(errors.append)
    client.root.on_scores(lambda player, *rest: (True, *(f"{v.root}" for v in rest)))
    dispatch = client.sio.handlers["/"]["scores"]
    assert dispatch("ann", 1.5, 2.5) == (True, "1.5", "2.5")  # several ack values
    assert dispatch("ann", 1, "x") is None  # an invalid rest argument: the error handlers
    assert errors[0].errors[0]["loc"][0] == 2


def api_of(tmp_path: Path, payload: Any, ack: Any = None, version: str = "2.6.0") -> Any:
    """The model of one event the client sends, whose payload (and ack) are these schemas."""
    message: dict[str, Any] = {"name": "ev", "payload": payload}
    if ack is not None:
        message["x-ack"] = ack
    spec = {
        "asyncapi": version,
        "info": {"title": "t", "version": "1"},
        "channels": {"/": {"publish": {"message": message}}},
    }
    path = tmp_path / "asyncapi.yaml"
    path.write_text(yaml.safe_dump(spec))
    report = Report()
    loaded = load_api(path, report=report)
    return loaded.api.namespaces[0].client_events[0], loaded.api.schemas, report


@pytest.mark.parametrize(
    ("payload", "fixed", "rest"),
    [
        # zod-sockets' rest-only list: additionalItems alone is ignored, any values
        ({"type": "array", "additionalItems": {"format": "any"}}, 0, "any"),
        ({"type": "array", "items": [{"type": "string"}], "additionalItems": {"type": "integer"}},
         1, "EvPayloadRest"),
        ({"type": "array", "prefixItems": [{"type": "string"}], "items": {"type": "integer"}},
         1, "EvPayloadRest"),
        ({"type": "array", "items": [{"type": "string"}], "additionalItems": True},
         1, "EvPayloadRest"),
        # implicit openness: no rest parameter (extras are validated, not passed on)
        ({"type": "array", "items": [{"type": "string"}]}, 1, None),
        ({"type": "array", "prefixItems": [{"type": "string"}]}, 1, None),
        # closed
        ({"type": "array", "items": [{"type": "string"}], "additionalItems": False}, 1, None),
        ({"type": "array", "prefixItems": [{"type": "string"}], "items": {"not": {}}}, 1, None),
        ({"type": "array", "items": [{"type": "string"}], "additionalItems": {"type": "integer"},
          "maxItems": 1}, 1, None),
        # a 2019-09 schema reads items + additionalItems; prefixItems is not its keyword
        ({"$schema": "https://json-schema.org/draft/2019-09/schema", "type": "array",
          "items": [{"type": "string"}], "additionalItems": {"type": "integer"}},
         1, "EvPayloadRest"),
    ],
)  # fmt: skip
def test_what_makes_rest_arguments(
    tmp_path: Path, payload: dict[str, Any], fixed: int, rest: str | None
) -> None:
    event, schemas, _ = api_of(tmp_path, payload)
    assert event.multiple_args and len(event.arguments) == fixed
    assert event.variadic is (rest is not None)
    assert (event.rest.model if event.rest else ("any" if event.variadic else None)) == rest
    if event.rest is not None:
        assert schemas[event.rest.model] not in (None, {})


def test_a_rest_of_a_referenced_schema_is_that_model(tmp_path: Path) -> None:
    payload = {"type": "array", "items": [{"type": "string"}],
               "additionalItems": {"$ref": "#/components/schemas/Thing"}}  # fmt: skip
    spec_path = tmp_path / "asyncapi.yaml"
    spec_path.write_text(yaml.safe_dump({
        "asyncapi": "2.6.0", "info": {"title": "t", "version": "1"},
        "channels": {"/": {"publish": {"message": {"name": "ev", "payload": payload}}}},
        "components": {"schemas": {"Thing": {"type": "object"}}},
    }))  # fmt: skip
    event = load_api(spec_path).api.namespaces[0].client_events[0]
    assert event.rest is not None and event.rest.model == "Thing"


def test_an_ignored_additional_items_warns_unless_it_accepts_anything(tmp_path: Path) -> None:
    _, _, report = api_of(tmp_path, {"type": "array", "additionalItems": {"type": "string"}})
    warned = [w for w in report.warnings if "additionalItems" in w.message]
    assert len(warned) == 1 and "typed Any" in warned[0].message
    assert "x-multiple-args: true" in warned[0].message
    for trivial in ({"format": "any", "description": "Anything"}, True, {}):
        _, _, report = api_of(tmp_path, {"type": "array", "additionalItems": trivial})
        assert not [w for w in report.warnings if "additionalItems" in w.message]


def test_x_multiple_args_true_makes_each_item_of_a_list_an_argument(tmp_path: Path) -> None:
    """The way to type rest arguments with no fixed one (draft-07 has no ``items: []``)."""
    payload = {"type": "array", "items": {"type": "integer"}, "maxItems": 3}
    path = tmp_path / "asyncapi.yaml"
    path.write_text(yaml.safe_dump({
        "asyncapi": "2.6.0", "info": {"title": "t", "version": "1"},
        "channels": {"/": {"publish": {"message": {
            "name": "ev", "payload": payload, "x-multiple-args": True}}}},
    }))  # fmt: skip
    loaded = load_api(path)
    event = loaded.api.namespaces[0].client_events[0]
    assert event.multiple_args and event.variadic and event.arguments == ()
    assert event.rest is not None and loaded.api.schemas[event.rest.model] == {"type": "integer"}
    path.write_text(path.read_text().replace("x-multiple-args: true", "x-multiple-args: false"))
    event = load_api(path).api.namespaces[0].client_events[0]
    assert not event.multiple_args and not event.variadic  # without the flag: one list


def test_x_multiple_args_false_keeps_a_rest_only_list_one_argument(tmp_path: Path) -> None:
    payload = {"type": "array", "additionalItems": True}
    path = tmp_path / "asyncapi.yaml"
    path.write_text(yaml.safe_dump({
        "asyncapi": "2.6.0", "info": {"title": "t", "version": "1"},
        "channels": {"/": {"publish": {"message": {
            "name": "ev", "payload": payload, "x-multiple-args": False}}}},
    }))  # fmt: skip
    event = load_api(path).api.namespaces[0].client_events[0]
    assert not event.multiple_args and not event.variadic


@pytest.mark.parametrize(
    ("ack", "several", "rest"),
    [
        # zod-sockets' ping ack: "pong", then anything: several values, a variadic tail
        ({"type": "array", "items": [{"const": "pong"}], "additionalItems": {"format": "any"}},
         1, "EvAckRest"),
        ({"type": "array", "prefixItems": [{"type": "string"}], "items": {"type": "integer"}},
         1, "EvAckRest"),
        ({"type": "array", "items": [{"type": "string"}], "additionalItems": False}, 1, None),
        ({"type": "array", "items": [{"type": "string"}]}, 0, None),  # implicit: one list value
        # rest-only (zod-sockets): any number of values, any (additionalItems is ignored)
        ({"type": "array", "additionalItems": {"type": "string"}}, 0, "any"),
        ({"type": "array", "additionalItems": {"format": "any"}}, 0, "any"),
    ],
)  # fmt: skip
def test_acks_with_a_rest_are_several_values(
    tmp_path: Path, ack: dict[str, Any], several: int, rest: str | None
) -> None:
    event, _, report = api_of(tmp_path, {"type": "string"}, ack)
    assert len(event.ack_arguments) == several
    assert event.ack_variadic is (rest is not None)
    assert (
        event.ack_rest.model if event.ack_rest else ("any" if event.ack_variadic else None)
    ) == rest
    ignored = [w for w in report.warnings if "ack's additionalItems" in w.message]
    assert len(ignored) == (ack.get("additionalItems") == {"type": "string"})


def test_a_rest_only_ack_is_any_number_of_values(
    client_package: ModuleType, client: Any, server: RunningServer
) -> None:
    """gather's ack and collect's (the client's) are arrays with only additionalItems, as
    zod-sockets writes a rest-only ack: several ack arguments, each any value, not one list."""
    models = client_package.models
    sent = '["x", 1, null, {"k": [1]}]'
    assert client.root.gather(models.GatherPayload(sent)) == ("x", 1, None, {"k": [1]})
    assert client.root.gather(models.GatherPayload("[]")) == ()
    assert client.root.gather(models.GatherPayload("[[1, 2]]")) == ([1, 2],)  # one value, a list
    assert client.sio.call("gather", '["a", 2]', timeout=10) == ("a", 2)  # two ack arguments
    client.root.on_collect(lambda data: (1, "two", None))
    assert client.root.gather(models.GatherPayload("collect")) == ("collected", 1, "two", None)
    client.root.on_collect(lambda data: ())
    assert client.root.gather(models.GatherPayload("collect")) == ("collected",)
    client.root.on_collect(lambda data: [5])  # a list is taken as the values too
    assert client.root.gather(models.GatherPayload("collect")) == ("collected", 5)
    client.root.on_collect(lambda data: (7, None, "x"))
    assert client.root.gather(models.GatherPayload("emit")) == ()
    for _ in range(200):  # the callback runs when the client's ack arrives: wait for it
        got = client.root.gather(models.GatherPayload("emitted"))
        if got:
            break
        time.sleep(0.05)
    assert got == ("got", 7, None, "x")


def test_the_signatures_spread_rest_arguments(tmp_path: Path) -> None:
    root = tmp_path
    package = generate_client(REST, root, "sig_client")
    source = (package / "client.py").read_text()
    assert (
        "def ping(\n        self, *rest: Any, timeout: float | None = None\n    ) -> tuple["
        in source
    )
    assert "Unpack[tuple[models.PingAckRest, ...]]" in source
    assert "def subscribe(self, *rest: Any) -> None:" in source
    assert "arg1: models.TagPayloadArg1,\n        *rest: models.TagPayloadRest," in source


def test_handlers_with_rest_arguments_pass_mypy_strict(tmp_path: Path) -> None:
    """The handlers above, as written for each runtime, against the generated bases."""
    for runtime in RUNTIMES:
        prepare(tmp_path, REST, f"typed_{runtime}", REST_HANDLERS, runtime)
    result = mypy_strict(*(tmp_path / f"typed_{runtime}" for runtime in RUNTIMES), cwd=tmp_path)
    assert result.returncode == 0, result.stdout


class Manager:
    """A write-only queue manager that records what would be published."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, Any]] = []

    def emit(self, event: str, data: Any, **kwargs: Any) -> None:
        self.sent.append((event, data))


def test_the_external_emitter_publishes_rest_arguments(tmp_path: Path) -> None:
    folder = generate_server(REST, tmp_path, "ext_server")
    package = import_client(tmp_path, "ext_server")  # any package: imported from tmp_path
    external = importlib.import_module(f"{package.__name__}._generated.external")
    models = importlib.import_module(f"{package.__name__}._generated.models")
    manager = Manager()
    emitter = external.ExternalEmitter(manager)
    emitter.root.emit_echo("a", 1, None)
    emitter.root.emit_echo()
    emitter.root.emit_scores(models.ScoresPayloadArg1("ann"), models.ScoresPayloadRest(1.5), 2)
    assert manager.sent == [("echo", ("a", 1, None)), ("echo", ()), ("scores", ("ann", 1.5, 2))]
    with pytest.raises(external.EmitValidationError) as raised:
        emitter.root.emit_scores(models.ScoresPayloadArg1("ann"), 1, "two")
    assert raised.value.errors[0]["loc"][0] == 2
    assert folder.is_dir() and len(manager.sent) == 3


DELEGATED = dedent(
    """
    def ping(*values):
        return ["pong", *values]


    def tag(name, *numbers):
        return len(name) + sum(numbers)


    def gather(text):
        return text.split(",") if text else []
    """
)


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_x_handler_functions_get_rest_arguments(
    tmp_path: Path, client_package: ModuleType, runtime: str
) -> None:
    """Asynction's x-handler: the function gets every argument (as JSON data), the ack it
    returns goes out as several values where the spec says so."""
    spec = yaml.safe_load(REST.read_text())
    messages = spec["components"]["messages"]
    messages["Ping"]["x-handler"] = "funcs.ping"
    messages["Tag"]["x-handler"] = "funcs.tag"
    messages["Gather"]["x-handler"] = "funcs.gather"
    path = tmp_path / "spec" / "asyncapi.yaml"
    path.parent.mkdir()
    path.write_text(yaml.safe_dump(spec))
    (tmp_path / "funcs.py").write_text(DELEGATED)
    folder = generate_server(path, tmp_path, "delegating", runtime)
    handlers = (folder / "handlers.py").read_text()
    assert "self.functions.values(" in handlers  # the ping ack: several values, a tuple
    result = mypy_strict(folder, cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    with run_server(tmp_path, "delegating") as server:
        client = client_package.Client(server.url, transports=["websocket"], default_timeout=10)
        with client:
            assert client.sio.call("ping", ("a", [1]), timeout=10) == ("pong", "a", [1])
            assert client.sio.call("ping", timeout=10) == "pong"
            assert client.sio.call("tag", ("abc", 1, 2), timeout=10) == 6
            models = client_package.models
            assert client.root.tag(models.TagPayloadArg1("x"), 5).root == 6
            # a rest-only ack: the function's list goes out as that many values
            assert client.root.gather(models.GatherPayload("a,b")) == ("a", "b")
            assert client.root.gather(models.GatherPayload("")) == ()
