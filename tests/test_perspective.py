"""Documents written from the client's side, or with events as channels: warned about when
undeclared; read right with --perspective client / --channels-as-events or the document's
x-sio-perspective / x-sio-channels; the result works over a real websocket."""

from __future__ import annotations

import queue
from pathlib import Path

import pytest
from clients import import_client
from servers import run_server

from sio_codegen.cli.commands import main as cli_main
from sio_codegen.diagnostics import SpecError
from sio_codegen.load.loader import LoadOptions, load_api

SPEC = Path(__file__).parent / "specs" / "client_perspective.yaml"
DECLARED = SPEC.read_text().replace(
    "asyncapi: 3.0.0\n", "asyncapi: 3.0.0\nx-sio-perspective: client\nx-sio-channels: events\n"
)


def shape(api):  # type: ignore[no-untyped-def]
    return {
        ns.name: (
            sorted(e.name for e in ns.client_events),
            sorted(e.name for e in ns.server_events),
        )
        for ns in api.namespaces
    }


def test_undeclared_shapes_are_warned_about_and_read_as_written() -> None:
    loaded = load_api(SPEC, LoadOptions())
    assert shape(loaded.api) == {
        "/join": ([], ["join"]),
        "/say": ([], ["say"]),
        "/welcome": (["welcome"], []),
    }
    warnings = {d.location.pointer: d.message for d in loaded.report.warnings}
    assert warnings["/channels"].startswith(
        "every channel (/join, /say, /welcome) holds one event named after it"
    )
    assert "pass --channels-as-events" in warnings["/channels"]
    assert "pass --perspective client" in warnings["/info/title"]


@pytest.mark.parametrize("declared", ["options", "extensions"])
def test_read_from_the_clients_side_with_channels_as_events(declared: str, write_spec) -> None:
    if declared == "options":
        options = LoadOptions(perspective="client", channels_as_events=True)
        loaded = load_api(SPEC, options)
    else:
        loaded = load_api(write_spec(DECLARED), LoadOptions())
    api = loaded.api
    assert shape(api) == {"/chat": (["join", "say"], ["welcome"])}
    assert api.server is not None and api.server.socketio_path == "/socket.io"
    say = next(e for e in api.namespaces[0].client_events if e.name == "say")
    assert api.schemas[say.ack.model] == {"type": "integer"}
    assert loaded.report.warnings == []


def test_unknown_extension_values_are_errors(write_spec) -> None:
    spec = write_spec(DECLARED.replace("x-sio-perspective: client", "x-sio-perspective: both"))
    with pytest.raises(SpecError) as error:
        load_api(spec, LoadOptions())
    assert [d.message for d in error.value.diagnostics] == [
        "x-sio-perspective must be 'server' or 'client'"
    ]


def test_a_client_document_serves_and_connects(tmp_path: Path) -> None:
    flags = ["--perspective", "client", "--channels-as-events", "-q"]
    assert cli_main(["server", str(SPEC), "-o", str(tmp_path / "psrv"), *flags]) == 0
    assert cli_main(["client", str(SPEC), "-o", str(tmp_path / "pcli"), *flags]) == 0
    handlers = tmp_path / "psrv" / "handlers.py"
    source = handlers.read_text()
    assert "class ChatHandlers(ChatNamespace):" in source
    join = (
        "        ChatEmitter(self.socketio).emit_welcome("
        "models.ChatWelcomePayload('hi ' + data.room), to=sid)"
    )
    say = "        return models.ChatSayAck(len(data.root))"
    source = source.replace("        raise NotImplementedError", join, 1)
    source = source.replace("        raise NotImplementedError", say, 1)
    source = source.replace("import ChatNamespace", "import ChatEmitter, ChatNamespace")
    handlers.write_text(source)
    pkg = import_client(tmp_path, "pcli")
    with (
        run_server(tmp_path, "psrv") as server,
        pkg.Client(server.url, default_timeout=5) as client,
    ):
        welcomed: queue.Queue[str] = queue.Queue()
        client.chat.on_welcome(lambda data: welcomed.put(data.root))
        client.chat.join(pkg.models.ChatJoinPayload(room="r"))
        assert client.chat.say(pkg.models.ChatSayPayload("hello")).root == 5
        # emitted before the later call's ack, but python-engineio runs each received message's
        # handler in a thread of its own: it may run after the ack is back
        assert welcomed.get(timeout=5) == "hi r"
