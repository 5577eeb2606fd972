"""Binary data (issue #13 item 5): ``format: binary`` / ``contentEncoding: binary`` strings are
``bytes`` in the models and travel as Socket.IO binary attachments, both ways, top-level and
nested, validated as binary: a string where binary is required, or bytes where a string is, is a
``validation_error``. Acks of several values (item 4's tail): a closed tuple-form ack is a tuple,
sent as several ack arguments, validated per position, both ways. Over a real websocket with the
generated client, on both server runtimes (Node's socket.io-client: tests/test_node_interop.py)."""

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


        @override
        def on_stat(self, sid: str, data: models.StatPayload) -> tuple[
            models.StatAckArg1, models.StatAckArg2, models.StatAckArg3 | None
        ]:
            size = models.StatAckArg1(len(data.root))
            if not data.root:
                return (size, 1, None)  # type: ignore[return-value]  # invalid: 1 is no string
            if len(data.root) == 1:
                return (size, models.StatAckArg2("one"), None)  # the third one is left out
            return (size, models.StatAckArg2("many"), models.StatAckArg3(data.root[::-1]))

        @override
        def on_survey(self, sid: str, data: models.SurveyPayload) -> tuple[
            models.SurveyAckArg1 | None, models.SurveyAckArg2 | None
        ]:
            try:
                count, text = RootEmitter(self.socketio).call_poll(
                    models.PollEmitPayload(data.root), to=sid, timeout=5
                )
            except AckValidationError as exc:
                return (models.SurveyAckArg1(-1), models.SurveyAckArg2(exc.errors[0]["type"]))
            return (models.SurveyAckArg1(count.root * 2), models.SurveyAckArg2(text.root.upper()))


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


def test_an_ack_of_several_values_is_a_tuple(client_package: ModuleType, client: Any) -> None:
    models = client_package.models
    count, text, data = client.root.stat(models.StatPayload(RAW))
    assert type(count) is models.StatAckArg1
    assert (count.root, text.root, data.root) == (3, "many", RAW[::-1])
    assert client.root.stat(models.StatPayload(b"x")) == (
        models.StatAckArg1(1),
        models.StatAckArg2("one"),
        None,
    )
    assert client.sio.call("stat", RAW, timeout=10) == (3, "many", RAW[::-1])  # 3 ack arguments
    assert client.sio.call("stat", b"x", timeout=10) == (1, "one")  # the absent one left out
    with pytest.raises(client_package.runtime.ServerError) as raised:
        client.root.stat(models.StatPayload(b""))  # the handler returned an invalid value
    assert raised.value.type == "ack_validation_error" and raised.value.errors[0]["loc"] == [1]


def test_the_server_calls_and_gets_several_values_back(
    client_package: ModuleType, client: Any
) -> None:
    models = client_package.models
    replies: list[Any] = [(models.PollEmitAckArg1(4), models.PollEmitAckArg2("four"))]
    client.root.on_poll(lambda text: replies.pop(0))
    count, text = client.root.survey(models.SurveyPayload("q"))
    assert (count.root, text.root) == (8, "FOUR")
    replies.append((4, 4))  # an invalid second value: the server gets an error ack, one value
    count, text = client.root.survey(models.SurveyPayload("q"))
    assert (count.root, text.root) == (-1, "minItems")  # AckValidationError in call_poll


def test_the_client_validates_each_value_of_an_ack(client_package: ModuleType) -> None:
    client = client_package.Client("http://127.0.0.1:1")
    client.sio.call = lambda event, data, **kwargs: (1, "x", "not binary")
    with pytest.raises(client_package.runtime.AckValidationError) as raised:
        client.root.stat(client_package.models.StatPayload(RAW))
    assert (raised.value.errors[0]["loc"], raised.value.errors[0]["type"]) == ([2], "binary")
    client.sio.call = lambda event, data, **kwargs: (1, "x", b"", "one too many")
    with pytest.raises(client_package.runtime.AckValidationError):
        client.root.stat(client_package.models.StatPayload(RAW))
    client.sio.call = lambda event, data, **kwargs: 1  # one value where two are required
    with pytest.raises(client_package.runtime.AckValidationError):
        client.root.stat(client_package.models.StatPayload(RAW))
