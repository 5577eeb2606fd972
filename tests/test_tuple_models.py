"""``x-multiple-args: false`` with a tuple-form payload keeps one argument whose type is a precise
tuple (issue #13 item 2): ``tuple[int, str]`` where the schema allows exactly that, the union of
each allowed length's tuple where trailing positions are optional, and a list (wider) where more
items may follow. Through the generated server's real path and the client's receiving path."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from typing import Any, Literal

import pytest
import yaml
from helpers import dedent

from sio_codegen.cli.commands import main as cli_main

PAYLOADS: dict[str, Any] = {
    "exact": {  # Asynction's form, closed by additionalItems: false
        "type": "array",
        "items": [{"type": "integer"}, {"type": "string"}],
        "minItems": 2,
        "additionalItems": False,
    },
    "zod": {  # zod-sockets' form: prefixItems, items {not: {}}
        "type": "array",
        "prefixItems": [{"type": "string"}, {"$ref": "#/components/schemas/Point"}],
        "items": {"not": {}},
        "minItems": 2,
    },
    "trailing": {  # the last position may be absent: tuple[int] | tuple[int, Literal[...]]
        "type": "array",
        "items": [{"type": "integer"}, {"enum": ["X", "O"]}],
        "minItems": 1,
        "maxItems": 2,
    },
    "more": {  # more items may follow: a list, wider than any tuple
        "type": "array",
        "items": [{"type": "integer"}, {"type": "string"}],
        "minItems": 2,
    },
    "nested": {
        "type": "object",
        "properties": {
            "at": {
                "type": "array",
                "items": [{"type": "number"}, {"type": "number"}],
                "minItems": 2,
                "additionalItems": False,
            }
        },
    },
}
POINT = {"type": "object", "required": ["x"], "properties": {"x": {"type": "integer"}}}

CASES = [
    ("exact", [1, "a"], (1, "a")),
    ("exact", [1.0, "a"], (1, "a")),  # an integer may arrive as 1.0
    ("exact", [1], None),
    ("exact", [1, "a", 2], None),
    ("exact", ["a", 1], None),
    ("zod", ["a", {"x": 1}], ("a", {"x": 1})),
    ("zod", ["a", {"x": 1}, 3], None),
    ("trailing", [1], (1,)),
    ("trailing", [1, "O"], (1, "O")),
    ("trailing", [1, "Z"], None),
    ("trailing", [], None),
    ("more", [1, "a", {"more": True}], [1, "a", {"more": True}]),
    ("more", [1], None),
    ("nested", {"at": [1.5, 2]}, {"at": (1.5, 2)}),
    ("nested", {"at": [1.5]}, None),
]


def _spec() -> dict[str, Any]:
    messages: dict[str, Any] = {}
    for name, payload in PAYLOADS.items():
        base = {"x-multiple-args": False} if name != "nested" else {}
        messages[name] = {"name": name, **base, "payload": payload, "x-ack": {"type": "boolean"}}
        messages[name + "Out"] = {"name": name + "_out", **base, "payload": payload}
    return {
        "asyncapi": "2.6.0",
        "info": {"title": "Tuples", "version": "1"},
        "channels": {
            "/": {
                "publish": {
                    "message": {"oneOf": [{"$ref": f"#/components/messages/{n}"} for n in PAYLOADS]}
                },
                "subscribe": {
                    "message": {
                        "oneOf": [{"$ref": f"#/components/messages/{n}Out"} for n in PAYLOADS]
                    }
                },
            }
        },
        "components": {"messages": messages, "schemas": {"Point": POINT}},
    }


HANDLERS_HEAD = dedent(
    """
    from __future__ import annotations

    from typing import Any

    from ._generated.runtime import NamespaceHandlers
    from ._generated.server import RootNamespace

    SEEN: list[tuple[str, Any]] = []


    class RootHandlers(RootNamespace):
        def handle_error(self, sid: str, error: Exception) -> None:
            pass

    """
)
HANDLERS_TAIL = dedent(
    """

    def all_handlers() -> list[NamespaceHandlers]:
        return [RootHandlers()]
    """
)


def _handlers() -> str:
    methods = "".join(
        f"    def on_{name}(self, sid: str, data: Any) -> Any:\n"
        f"        SEEN.append(({name!r}, data))\n"
        "        return True\n\n"
        for name in PAYLOADS
    )
    return HANDLERS_HEAD + methods + HANDLERS_TAIL


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("tuples")
    spec = root / "spec.yaml"
    spec.write_text(yaml.safe_dump(_spec(), sort_keys=False), encoding="utf-8")
    for command in ("server", "client"):
        assert cli_main([command, str(spec), "-o", str(root / f"tup_{command}"), "--quiet"]) == 0
    (root / "tup_server" / "handlers.py").write_text(_handlers(), encoding="utf-8")
    sys.path.insert(0, str(root))
    try:
        yield {
            "root": root,
            "app": importlib.import_module("tup_server.app"),
            "handlers": importlib.import_module("tup_server.handlers"),
            "models": importlib.import_module("tup_server._generated.models"),
            "client": importlib.import_module("tup_client"),
        }
    finally:
        sys.path.remove(str(root))


def _plain(value: Any) -> Any:
    """What a handler got, with models as JSON data (tuples stay tuples)."""
    if hasattr(value, "model_dump"):
        value = value.model_dump(mode="python", exclude_unset=True)
        return _plain(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, tuple):
        return tuple(_plain(item) for item in value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value


def test_the_model_types_are_precise_tuples(packages: dict[str, Any]) -> None:
    models = packages["models"]

    def root(name: str) -> Any:
        return models.__dict__[name].model_fields["root"].annotation

    assert root("ExactPayload") == tuple[int, str]
    assert root("ZodPayload") == tuple[str, models.Point]
    assert root("TrailingPayload") == tuple[int] | tuple[int, Literal["X", "O"]]
    assert root("MorePayload") == list[Any]  # more may follow: never narrower than the schema
    assert models.NestedPayload.model_fields["at"].annotation == tuple[float, float] | None


@pytest.mark.parametrize(("event", "payload", "received"), CASES)
def test_the_server_hands_the_handler_one_tuple(
    packages: dict[str, Any], event: str, payload: Any, received: Any
) -> None:
    app, socketio = packages["app"].create_app()
    client = socketio.test_client(app)
    try:
        ack = client.emit(event, payload, callback=True)
    finally:
        client.disconnect()
    if received is None:
        assert isinstance(ack, dict) and ack["sio_error"]["type"] == "validation_error"
        return
    assert ack is True
    name, data = packages["handlers"].SEEN[-1]
    assert name == event and _plain(data) == received
    assert type(_plain(data)) is type(received)  # a tuple, not a list


@pytest.mark.parametrize(("event", "payload", "received"), CASES)
def test_the_client_receives_one_tuple(
    packages: dict[str, Any], event: str, payload: Any, received: Any
) -> None:
    client = packages["client"].Client("http://127.0.0.1:1")
    seen: list[Any] = []
    errors: list[Any] = []
    getattr(client.root, f"on_{event}_out")(seen.append)
    client.root.add_error_handler(errors.append)
    client.sio.handlers["/"][f"{event}_out"](payload)
    if received is None:
        assert not seen and [type(e).__name__ for e in errors] == ["PayloadValidationError"]
    else:
        assert not errors and _plain(seen[0]) == received
        assert type(_plain(seen[0])) is type(received)


def test_a_tuple_goes_out_as_one_json_array(packages: dict[str, Any]) -> None:
    models = packages["models"]
    server = importlib.import_module("tup_server._generated.server")
    app, socketio = packages["app"].create_app()
    client = socketio.test_client(app)
    try:
        server.RootEmitter(socketio).emit_exact_out(models.ExactOutPayload((1, "a")))
        server.RootEmitter(socketio).emit_trailing_out(models.TrailingOutPayload((2,)))
        received = [packet["args"] for packet in client.get_received()]
    finally:
        client.disconnect()
    assert received == [[[1, "a"]], [[2]]]  # one argument: the array
