"""Validation as the spec says it (issue #13): JSON Schema decides validity, Pydantic models are
the types and never narrower; hostile patterns cannot stall the server (issue #14 item 10).
In process: the generated server through Flask-SocketIO's test client, the generated client's
receiving and sending paths without a connection."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
import yaml
from helpers import dedent, run_cli

from sio_codegen.cli.commands import main as cli_main

EMAIL = r"^(?=.{1,254}$)([a-zA-Z0-9]+[._-]?)*[a-zA-Z0-9]+@example\.com$"
HOSTILE = "a" * 40 + "!"  # Python's re: hours; 29 bytes already took 13 s

SPEC = {
    "asyncapi": "2.6.0",
    "info": {"title": "Validation", "version": "1"},
    "channels": {
        "/": {
            "publish": {
                "message": {
                    "oneOf": [
                        {"$ref": "#/components/messages/Email"},
                        {"$ref": "#/components/messages/Obj"},
                        {"$ref": "#/components/messages/Strict"},
                        {"$ref": "#/components/messages/Hostname"},
                        {"$ref": "#/components/messages/Cents"},
                        {"$ref": "#/components/messages/Pending"},
                        {"$ref": "#/components/messages/Pair"},
                    ]
                }
            },
            "subscribe": {
                "message": {
                    "oneOf": [
                        {"$ref": "#/components/messages/Notice"},
                        {"$ref": "#/components/messages/Moved"},
                    ]
                }
            },
        }
    },
    "components": {
        "messages": {
            "Email": {
                "name": "email",
                "payload": {"type": "string", "pattern": EMAIL},
                "x-ack": {"type": "boolean"},
            },
            "Obj": {
                "name": "obj",
                "payload": {"type": "object", "properties": {"n": {"type": "integer"}}},
                "x-ack": {"type": "object", "properties": {"error": {"type": "string"}}},
            },
            "Strict": {
                "name": "strict",
                "payload": {
                    "type": "object",
                    "additionalProperties": False,
                    "properties": {"a": {"type": "string"}},
                },
                "x-ack": {"type": "boolean"},
            },
            "Hostname": {
                "name": "hostname",
                "payload": {"format": "hostname"},
                "x-ack": {"type": "boolean"},
            },
            "Cents": {
                "name": "cents",
                "payload": {"allOf": [{"type": "number"}, {"multipleOf": 0.01}]},
                "x-ack": {"type": "boolean"},
            },
            "Pending": {
                "name": "pending",
                "payload": {
                    "type": "object",
                    "required": ["x"],
                    "properties": {"x": {"type": "integer"}},
                },
                "x-ack": {"type": "boolean"},
            },
            "Pair": {  # zod-sockets' argument list: 2020-12's tuple form
                "name": "pair",
                "x-multiple-args": True,
                "payload": {
                    "type": "array",
                    "prefixItems": [{"type": "string"}, {"type": "integer"}],
                    "items": {"not": {}},
                    "minItems": 2,
                },
                "x-ack": {"type": "boolean"},
            },
            "Moved": {  # Asynction's tuple form: two arguments the server emits
                "name": "moved",
                "payload": {"type": "array", "items": [{"type": "integer"}, {"type": "integer"}]},
                "x-ack": {"type": "boolean"},
            },
            "Notice": {
                "name": "notice",
                "payload": {
                    "type": "object",
                    "required": ["n"],
                    "properties": {"n": {"type": "integer"}, "note": {"type": "string"}},
                },
            },
        }
    },
}

HANDLERS = dedent(
    """
    from __future__ import annotations

    from typing import Any

    from ._generated import models
    from ._generated.runtime import NamespaceHandlers
    from ._generated.server import RootNamespace

    SEEN: list[tuple[str, Any]] = []


    class RootHandlers(RootNamespace):
        def on_email(self, sid: str, data: models.EmailPayload) -> models.EmailAck:
            SEEN.append(("email", data.root))
            return models.EmailAck(True)

        def on_obj(self, sid: str, data: models.ObjPayload) -> models.ObjAck:
            SEEN.append(("obj", data))
            return models.ObjAck(error=None)  # None: absent, never sent as null

        def on_strict(self, sid: str, data: models.StrictPayload) -> models.StrictAck:
            return models.StrictAck(True)

        def on_hostname(self, sid: str, data: models.HostnamePayload) -> models.HostnameAck:
            return models.HostnameAck(True)

        def on_cents(self, sid: str, data: models.CentsPayload) -> models.CentsAck:
            return models.CentsAck(True)

        def on_pair(
            self, sid: str, arg1: models.PairPayloadArg1, arg2: models.PairPayloadArg2
        ) -> models.PairAck:
            SEEN.append(("pair", [arg1.root, arg2.root]))
            return models.PairAck(True)

        def handle_error(self, sid: str, error: Exception) -> None:
            pass


    def all_handlers() -> list[NamespaceHandlers]:
        return [RootHandlers()]
    """
)


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("validation")
    spec = root / "spec.yaml"
    spec.write_text(yaml.safe_dump(SPEC, sort_keys=False), encoding="utf-8")
    for command in ("server", "client"):
        assert cli_main([command, str(spec), "-o", str(root / f"val_{command}"), "--quiet"]) == 0
    (root / "val_server" / "handlers.py").write_text(HANDLERS, encoding="utf-8")
    sys.path.insert(0, str(root))
    try:
        yield {
            "root": root,
            "spec": spec,
            "app": importlib.import_module("val_server.app"),
            "handlers": importlib.import_module("val_server.handlers"),
            "server": importlib.import_module("val_server._generated.server"),
            "runtime": importlib.import_module("val_server._generated.runtime"),
            "client": importlib.import_module("val_client"),
        }
    finally:
        sys.path.remove(str(root))


@pytest.fixture
def call(packages: dict[str, Any]) -> Iterator[Any]:
    app, socketio = packages["app"].create_app()
    client = socketio.test_client(app)
    packages["handlers"].SEEN.clear()

    def emit(event: str, data: Any) -> Any:
        return client.emit(event, data, callback=True)

    emit.client = client  # type: ignore[attr-defined]
    yield emit
    client.disconnect()


def error_type(ack: Any) -> str | None:
    return ack["sio_error"]["type"] if isinstance(ack, dict) and "sio_error" in ack else None


@pytest.mark.timeout(120)  # Python's re would take hours: the test would fail on its timeout
def test_a_hostile_pattern_cannot_stall_the_server(packages: dict[str, Any], call: Any) -> None:
    assert error_type(call("email", HOSTILE)) == "validation_error"
    assert error_type(call("email", "a" * 5000 + "!")) == "validation_error"
    assert call("email", "ab.c-d@example.com") is True
    models = (packages["root"] / "val_server" / "_generated" / "models.py").read_text()
    assert "python-re" not in models and "pattern=" not in models  # models run no regex at all


@pytest.mark.timeout(120)
def test_a_hostile_pattern_cannot_stall_the_client(packages: dict[str, Any]) -> None:
    client = packages["client"].Client("http://127.0.0.1:1")
    with pytest.raises(packages["client"].runtime.EmitValidationError):
        client.root.email(packages["client"].models.EmailPayload.model_construct(HOSTILE))


def test_validate_warns_about_backtracking_patterns(packages: dict[str, Any], capsys: Any) -> None:
    code, _, err = run_cli(["validate", str(packages["spec"])], capsys)
    assert code == 0
    assert "needs a backtracking regex engine" in err and "/payload/pattern" in err


def test_undeclared_properties_reach_the_handler(packages: dict[str, Any], call: Any) -> None:
    assert call("obj", {"n": 1, "extra": {"a": [1]}}) == {}
    data = packages["handlers"].SEEN[-1][1]
    assert data.n == 1 and data.model_extra == {"extra": {"a": [1]}}


def test_additional_properties_false_is_enforced(call: Any) -> None:
    assert call("strict", {"a": "x"}) is True
    ack = call("strict", {"a": "x", "b": 1})
    assert error_type(ack) == "validation_error"
    assert ack["sio_error"]["errors"][0]["type"] == "additionalProperties"


def test_null_only_where_the_schema_allows_it(call: Any) -> None:
    ack = call("obj", {"n": None})
    assert error_type(ack) == "validation_error"
    assert ack["sio_error"]["errors"] == [
        {"loc": ["n"], "msg": "Input should be of type integer", "type": "type"}
    ]


def test_an_integer_may_arrive_as_a_float(packages: dict[str, Any], call: Any) -> None:
    assert call("obj", {"n": 1.0}) == {}
    data = packages["handlers"].SEEN[-1][1]
    assert type(data.n) is int and data.n == 1
    assert error_type(call("obj", {"n": 1.5})) == "validation_error"
    assert error_type(call("obj", {"n": True})) == "validation_error"  # no boolean is a number


@pytest.mark.parametrize(
    ("event", "payload", "valid"),
    [
        ("hostname", "example.com", True),
        ("hostname", 12, True),  # format applies to strings only
        ("hostname", "-not a hostname-", False),
        ("cents", 0.07, True),
        ("cents", 0.075, False),
        ("cents", "0.07", False),
    ],
)
def test_schemas_that_crashed_pydantic_answer_cleanly(
    call: Any, event: str, payload: Any, valid: bool
) -> None:
    ack = call(event, payload)
    assert ack is True if valid else error_type(ack) == "validation_error"


def test_a_stub_validates_before_answering_not_implemented(call: Any) -> None:
    assert error_type(call("pending", {"x": "one"})) == "validation_error"
    assert error_type(call("pending", {})) == "validation_error"
    assert error_type(call("pending", {"x": 1})) == "not_implemented"


def test_the_validation_switch_reaches_every_emitter(packages: dict[str, Any]) -> None:
    server, runtime = packages["server"], packages["runtime"]
    _, socketio = packages["app"].create_app(validate=False)
    server.RootEmitter(socketio).emit_notice({"n": "not an integer"})  # sent as it is
    _, socketio = packages["app"].create_app(validate=True)
    with pytest.raises(runtime.EmitValidationError):
        server.RootEmitter(socketio).emit_notice({"n": "not an integer"})
    server.RootEmitter(socketio, validate=False).emit_notice({"n": "x"})  # explicit wins


def test_emits_never_carry_null_for_an_absent_field(packages: dict[str, Any]) -> None:
    app, socketio = packages["app"].create_app()
    client = socketio.test_client(app)
    try:
        models = importlib.import_module("val_server._generated.models")
        packages["server"].RootEmitter(socketio).emit_notice(models.NoticePayload(n=1))
        packages["server"].RootEmitter(socketio).emit_notice(models.NoticePayload(n=2, note=None))
        received = [packet["args"] for packet in client.get_received()]
    finally:
        client.disconnect()
    assert received == [[{"n": 1}], [{"n": 2}]]


def test_the_client_keeps_extras_and_sends_no_null(packages: dict[str, Any]) -> None:
    package: ModuleType = packages["client"]
    client = package.Client("http://127.0.0.1:1")
    seen: list[Any] = []
    client.root.on_notice(seen.append)
    errors: list[Any] = []
    client.root.add_error_handler(errors.append)
    dispatch = client.sio.handlers["/"]["notice"]
    dispatch({"n": 1.0, "x": [1]})
    dispatch({"n": None})
    assert len(seen) == 1 and seen[0].n == 1 and seen[0].model_extra == {"x": [1]}
    assert [type(e).__name__ for e in errors] == ["PayloadValidationError"]
    namespace = client.root
    model = package.models.ObjPayload
    assert namespace._outgoing("obj", model, model(), False) == {}
    sent = namespace._outgoing("obj", model, {"n": 2, "k": "v"}, False)
    assert sent == {"n": 2, "k": "v"}


def test_prefix_items_positions_and_count_are_enforced(packages: dict[str, Any], call: Any) -> None:
    client = call.client
    assert client.emit("pair", "a", 1, callback=True) is True
    assert packages["handlers"].SEEN[-1] == ("pair", ["a", 1])
    assert error_type(client.emit("pair", 1, "a", callback=True)) == "validation_error"
    assert error_type(client.emit("pair", "a", 1, 2, callback=True)) == "validation_error"
    assert error_type(client.emit("pair", "a", callback=True)) == "validation_error"


def test_several_arguments_are_separate_typed_parameters_on_the_server(
    packages: dict[str, Any],
) -> None:
    app, socketio = packages["app"].create_app()
    client = socketio.test_client(app)
    models = importlib.import_module("val_server._generated.models")
    emitter = packages["server"].RootEmitter(socketio)
    try:
        emitter.emit_moved(models.MovedPayloadArg1(1), models.MovedPayloadArg2(2))
        emitter.emit_moved(models.MovedPayloadArg1(3))  # the second one is optional
        with pytest.raises(packages["runtime"].EmitValidationError) as raised:
            emitter.emit_moved(1, "x")  # type: ignore[arg-type]
        received = [packet["args"] for packet in client.get_received()]
    finally:
        client.disconnect()
    assert received == [[1, 2], [3]]  # separate Socket.IO arguments, absent ones left out
    assert raised.value.errors[0]["loc"] == [1]


def test_several_arguments_are_separate_typed_parameters_in_the_client(
    packages: dict[str, Any],
) -> None:
    package: ModuleType = packages["client"]
    client = package.Client("http://127.0.0.1:1")
    sent: list[Any] = []
    client.sio.call = lambda event, data, **kwargs: sent.append((event, data)) or True
    assert client.root.pair(package.models.PairPayloadArg1("a"), package.models.PairPayloadArg2(1))
    assert sent == [("pair", ("a", 1))]  # a tuple: python-socketio sends several arguments
    with pytest.raises(package.runtime.EmitValidationError):
        client.root.pair("a", "b")  # type: ignore[arg-type]
    seen: list[Any] = []
    client.root.on_moved(lambda first, second: seen.append((first, second)) or True)
    dispatch = client.sio.handlers["/"]["moved"]
    assert dispatch(1, 2) is True and dispatch(1, "x") is None
    assert [(type(a).__name__, a.root, b.root) for a, b in seen] == [("MovedPayloadArg1", 1, 2)]
