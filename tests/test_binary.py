"""Binary data (issue #13 item 5): ``format: binary`` / ``contentEncoding: binary`` strings are
``bytes`` in the models and travel as Socket.IO binary attachments, both ways, top-level and
nested, validated as binary: a string where binary is required, or bytes where a string is, is a
``validation_error``. Over a real websocket with the generated client, on both server runtimes
(Node's socket.io-client: tests/test_node_interop.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from clients import generate_client, import_client
from helpers import dedent
from servers import RUNTIMES, RunningServer, run_server
from test_server_e2e import prepare

BINARY = Path(__file__).parent / "specs" / "binary.yaml"
BINARY_HANDLERS = dedent(
    """
    from __future__ import annotations

    from ._generated import models
    from ._generated.runtime import AckValidationError, NamespaceHandlers, SecurityHandlers
    from ._generated.runtime import override
    from ._generated.server import RootEmitter, RootNamespace


    class RootHandlers(RootNamespace):
        @override
        def on_upload(self, sid: str, data: models.UploadPayload) -> models.UploadAck:
            assert type(data.root) is bytes
            return models.UploadAck(size=len(data.root), echo=data.root)

        @override
        def on_document(self, sid: str, data: models.DocumentPayload) -> models.DocumentAck:
            return models.DocumentAck(data.content + b"".join(data.parts or []))

        @override
        def on_label(self, sid: str, data: models.LabelPayload) -> models.LabelAck:
            return models.LabelAck(data.root.upper())

        @override
        def on_pair(
            self, sid: str, arg1: models.PairPayloadArg1, arg2: models.PairPayloadArg2
        ) -> models.PairAck:
            return models.PairAck(len(arg1.root) + len(arg2.root))

        @override
        def on_fetch(self, sid: str, data: models.FetchPayload) -> models.FetchAck:
            blob = models.BlobEmitPayload(name=data.root, content=b"\\x00\\xffblob")
            try:
                got = RootEmitter(self.socketio).call_blob(blob, to=sid, timeout=5)
            except AckValidationError as exc:
                return models.FetchAck(error=exc.errors[0]["type"])
            return models.FetchAck(got=got.root)


    def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:
        return [RootHandlers()]
    """
)
RAW = b"\x00\x01\xff"  # not UTF-8: JSON text could not carry it


@pytest.fixture(scope="module")
def client_package(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    root = tmp_path_factory.mktemp("binary_client")
    generate_client(BINARY, root, "binary_client")
    return import_client(root, "binary_client")


@pytest.fixture(scope="module", params=RUNTIMES)
def server(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[RunningServer]:
    root = tmp_path_factory.mktemp("binary")
    prepare(root, BINARY, "binary_server", BINARY_HANDLERS, request.param)
    with run_server(root, "binary_server") as running:
        yield running


@pytest.fixture
def client(client_package: ModuleType, server: RunningServer) -> Iterator[Any]:
    client = client_package.Client(server.url, transports=["websocket"], default_timeout=10)
    with client as connected:
        yield connected


def error_of(ack: Any) -> dict[str, Any]:
    assert isinstance(ack, dict) and "sio_error" in ack, ack
    error: dict[str, Any] = ack["sio_error"]
    return error


def test_binary_schemas_are_bytes_in_the_models(client_package: ModuleType) -> None:
    source = Path(client_package.__file__).with_name("models.py").read_text()
    assert "class UploadPayload(RootModel[bytes])" in source
    assert "content: bytes" in source and "parts: list[bytes] | None" in source  # contentEncoding


def test_bytes_travel_both_ways_top_level_nested_and_as_an_argument(
    client_package: ModuleType, client: Any
) -> None:
    models = client_package.models
    ack = client.root.upload(models.UploadPayload(RAW))
    assert (ack.size, ack.echo) == (3, RAW) and type(ack.echo) is bytes
    document = models.DocumentPayload(name="n", content=b"\x01", parts=[b"\x02", RAW])
    assert client.root.document(document).root == b"\x01\x02" + RAW
    assert client.root.pair(models.PairPayloadArg1("ab"), models.PairPayloadArg2(RAW)).root == 5


def test_the_server_emits_bytes_and_gets_bytes_back(
    client_package: ModuleType, client: Any
) -> None:
    seen: list[Any] = []

    def blob(data: Any) -> Any:
        seen.append(data)
        return client_package.models.BlobEmitAck(data.content[::-1])

    client.root.on_blob(blob)
    ack = client.root.fetch(client_package.models.FetchPayload("from python"))
    assert ack.got == b"bolb\xff\x00"
    assert [(d.name, d.content) for d in seen] == [("from python", b"\x00\xffblob")]


@pytest.mark.parametrize(
    ("event", "args", "loc", "kind"),
    [
        ("upload", ("abc",), [], "binary"),  # a string where binary is required
        ("upload", (b"x" * 17,), [], "binary"),  # maxLength counts bytes
        ("label", (b"abc",), [], "type"),  # bytes where a string is required
        ("document", ({"name": "n", "content": "text"},), ["content"], "binary"),
        ("document", ({"name": b"n", "content": b""},), ["name"], "type"),
        ("document", ({"name": "n", "content": b"", "parts": ["x"]},), ["parts", 0], "binary"),
        ("pair", ("ab", "cd"), [1], "binary"),
        ("pair", (b"ab", b"cd"), [0], "type"),
    ],
)
def test_invalid_binary_gets_a_validation_error(
    client: Any, event: str, args: tuple[Any, ...], loc: list[Any], kind: str
) -> None:
    ack = client.sio.call(event, args if len(args) > 1 else args[0], timeout=10)
    error = error_of(ack)
    assert error["type"] == "validation_error"
    assert (error["errors"][0]["loc"], error["errors"][0]["type"]) == (loc, kind)
    assert client.sio.call("label", "still served", timeout=10) == "STILL SERVED"


def test_the_client_validates_binary_it_receives_and_sends(client_package: ModuleType) -> None:
    client = client_package.Client("http://127.0.0.1:1")
    seen: list[Any] = []
    errors: list[Any] = []
    client.root.on_blob(lambda data: seen.append(data) or client_package.models.BlobEmitAck(b"ok"))
    client.root.add_error_handler(errors.append)
    dispatch = client.sio.handlers["/"]["blob"]
    assert dispatch({"name": "n", "content": RAW}) == b"ok"  # bytes stay bytes in the ack
    assert dispatch({"name": "n", "content": "text"}) is None
    assert dispatch({"name": RAW, "content": RAW}) is None
    assert [d.content for d in seen] == [RAW]
    assert [(e.errors[0]["loc"], e.errors[0]["type"]) for e in errors] == [
        (["content"], "binary"),
        (["name"], "type"),
    ]
    sent: list[Any] = []
    acks = {"upload": {"size": 1, "echo": b"!"}, "document": b"!"}
    client.sio.call = lambda event, data, **kwargs: sent.append(data) or acks[event]
    models = client_package.models
    assert client.root.upload(models.UploadPayload(RAW)).echo == b"!"
    assert client.root.document(models.DocumentPayload(name="n", content=RAW)).root == b"!"
    assert sent[0] == RAW and sent[1] == {"name": "n", "content": RAW}
    with pytest.raises(client_package.runtime.EmitValidationError) as raised:
        client.root.upload(models.UploadPayload.model_construct(b"x" * 17))
    assert raised.value.errors[0]["type"] == "binary"
    client.sio.call = lambda event, data, **kwargs: {"size": 1, "echo": "text"}
    with pytest.raises(client_package.runtime.AckValidationError) as invalid_ack:
        client.root.upload(models.UploadPayload(RAW))
    assert invalid_ack.value.errors[0]["loc"] == ["echo"]
