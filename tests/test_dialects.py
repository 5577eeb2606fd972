"""An explicit ``schemaFormat`` naming a JSON Schema draft is honoured (issue #13 item 1): the
payload is validated with that draft's meaning, in the generated server's real path
(Flask-SocketIO's test client) and in the generated client's receiving path; its model is never
narrower.

Each case is a payload whose verdict differs between its draft and draft-07 (the default):
- draft-04 (validation spec, draft-fge-json-schema-validation-00, 5.1.2: "if exclusiveMaximum
  has boolean value true, the instance is valid if it is strictly lower than maximum"; core 3.5:
  integer is "a JSON number without a fraction or exponent part", so 1.0 is not one);
- draft-06 (no ``if``/``then``/``else``: they came in draft-07, so they are ignored);
- 2019-09 (``dependentRequired``, 6.5.4: "if the object has a property named by the key, every
  property of the array must be present"; draft-07 does not know it);
- 2020-12 (``unevaluatedProperties``, core 11.3: properties not evaluated by adjacent keywords nor
  by subschemas such as ``allOf``; ``prefixItems`` + ``items: false``, core 10.3.1.2).
"""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import yaml
from helpers import dedent, run_cli

from sio_codegen.cli.commands import main as cli_main

FORMAT = "application/schema+json;version={}"
SCHEMAS: dict[str, tuple[str, Any]] = {
    "four": ("draft-04", {"type": "number", "maximum": 5, "exclusiveMaximum": True}),
    "fourint": ("draft-04", {"type": "integer"}),
    "fourconst": ("draft-04", {"type": "integer", "const": 1}),  # const came in draft-06
    "six": ("draft-06", {"if": {"type": "integer"}, "then": {"minimum": 10}}),
    "nine": ("2019-09", {"type": "object", "dependentRequired": {"a": ["b"]}}),
    "twelve": (
        "2020-12",
        {
            "type": "object",
            "allOf": [{"properties": {"a": {"type": "string"}}}],
            "unevaluatedProperties": False,
        },
    ),
    "pair": (
        "2020-12",
        {"type": "array", "prefixItems": [{"type": "integer"}, {"type": "string"}], "items": False},
    ),
    "untyped": ("2020-12", {"prefixItems": [{"type": "integer"}]}),  # applies to arrays only
    "unknown": ("draft-99", {"if": {"type": "integer"}, "then": {"minimum": 10}}),
    "own": ("", {"$ref": "#/components/schemas/Own"}),  # no schemaFormat: the schema's $schema
    # a draft-07 schema that references a 2020-12 one: the reference keeps the target's draft
    "holder": ("", {"type": "object", "properties": {"o": {"$ref": "#/components/schemas/Own"}}}),
    # a 2020-12 schema that references a component (draft-07: AsyncAPI's Schema format)
    "mixed": (
        "2020-12",
        {"type": "object", "properties": {"s": {"$ref": "#/components/schemas/Shared"}}},
    ),
    # a 2020-12 schema whose $defs (a named schema of its own) is reached by reference
    "defs": (
        "2020-12",
        {
            "$defs": {
                "pair": {"type": "array", "prefixItems": [{"type": "integer"}], "items": False}
            },
            "type": "array",
            "prefixItems": [{"$ref": "#/components/messages/defs/payload/$defs/pair"}],
            "items": False,
        },
    ),
}
OWN = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "dependentRequired": {"a": ["b"]},
}
# (event, payload, valid in its draft); each verdict differs from draft-07's where noted.
CASES = [
    ("four", 4.5, True),
    ("four", 5, False),  # draft-07 would not even compile the schema
    ("fourint", 1, True),
    ("fourint", 1.0, False),  # draft-07: valid
    ("fourconst", 2, True),  # draft-07: invalid; the model must not be Literal[1]
    ("own", {"a": 1}, False),  # a component's own $schema: 2020-12; draft-07: valid
    ("own", {"a": 1, "b": 2}, True),
    ("holder", {"o": {"a": 1}}, False),  # read as draft-07 through the reference: valid
    ("holder", {"o": {"a": 1, "b": 2}}, True),
    ("mixed", {"s": 1}, True),
    ("mixed", {"s": "x"}, False),
    ("defs", [[1]], True),  # read as draft-07 through the reference: items false, invalid
    ("defs", [[1, 2]], False),
    ("six", 3, True),  # draft-07: invalid (if integer then minimum 10)
    ("six", 12, True),
    ("nine", {"a": 1}, False),  # draft-07: valid
    ("nine", {"a": 1, "b": 2}, True),
    ("nine", {"b": 2}, True),
    ("twelve", {"a": "x"}, True),
    ("twelve", {"a": "x", "b": 1}, False),  # draft-07: valid
    ("pair", [1, "a"], True),
    ("pair", [1, "a", 2], False),
    ("pair", ["a", 1], False),
    ("untyped", {"0": "x", "length": 1}, True),  # the suite's "JavaScript pseudo-array"
    ("untyped", [1, "a"], True),
    ("untyped", ["a"], False),
    ("unknown", 3, False),  # an unknown version is read as draft-07: if/then applies
]


def _spec() -> dict[str, Any]:
    messages: dict[str, Any] = {}
    for name, (version, schema) in SCHEMAS.items():
        common = {"schemaFormat": FORMAT.format(version)} if version else {}
        common["payload"] = schema
        multiple = {"x-multiple-args": False}  # each payload is one argument
        messages[name] = {"name": name, **common, **multiple, "x-ack": {"type": "boolean"}}
        messages[name + "Out"] = {"name": name + "_out", **common, **multiple}
    return {
        "asyncapi": "2.6.0",
        "info": {"title": "Dialects", "version": "1"},
        "channels": {
            "/": {
                "publish": {
                    "message": {"oneOf": [{"$ref": f"#/components/messages/{n}"} for n in SCHEMAS]}
                },
                "subscribe": {
                    "message": {
                        "oneOf": [{"$ref": f"#/components/messages/{n}Out"} for n in SCHEMAS]
                    }
                },
            }
        },
        "components": {
            "messages": messages,
            "schemas": {"Own": OWN, "Shared": {"type": "integer"}},
        },
    }


def _handlers() -> str:
    methods = "".join(
        f"    def on_{name}(self, sid: str, data: Any) -> Any:\n"
        f"        SEEN.append(({name!r}, data))\n"
        "        return True\n\n"
        for name in SCHEMAS
    )
    head = dedent(
        """
        from __future__ import annotations

        from typing import Any

        from ._generated.runtime import NamespaceHandlers
        from ._generated.server import RootNamespace

        SEEN: list[tuple[str, Any]] = []


        class RootHandlers(RootNamespace):
        """
    )
    tail = dedent(
        """
            def handle_error(self, sid: str, error: Exception) -> None:
                pass


        def all_handlers() -> list[NamespaceHandlers]:
            return [RootHandlers()]
        """
    )
    return head.rstrip("\n") + "\n" + methods + tail.lstrip("\n")


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    root = tmp_path_factory.mktemp("dialects")
    spec = root / "spec.yaml"
    spec.write_text(yaml.safe_dump(_spec(), sort_keys=False), encoding="utf-8")
    for command in ("server", "client"):
        assert cli_main([command, str(spec), "-o", str(root / f"dia_{command}"), "--quiet"]) == 0
    (root / "dia_server" / "handlers.py").write_text(_handlers(), encoding="utf-8")
    sys.path.insert(0, str(root))
    try:
        yield {
            "root": root,
            "spec": spec,
            "app": importlib.import_module("dia_server.app"),
            "handlers": importlib.import_module("dia_server.handlers"),
            "client": importlib.import_module("dia_client"),
        }
    finally:
        sys.path.remove(str(root))


@pytest.fixture(scope="module")
def call(packages: dict[str, Any]) -> Iterator[Any]:
    app, socketio = packages["app"].create_app()
    client = socketio.test_client(app)
    yield lambda event, data: client.emit(event, data, callback=True)
    client.disconnect()


@pytest.mark.parametrize(("event", "payload", "valid"), CASES)
def test_the_server_validates_in_the_declared_draft(
    call: Any, event: str, payload: Any, valid: bool
) -> None:
    ack = call(event, payload)
    if valid:
        assert ack is True
    else:
        assert isinstance(ack, dict) and ack["sio_error"]["type"] == "validation_error"


@pytest.mark.parametrize(("event", "payload", "valid"), CASES)
def test_the_client_receives_in_the_declared_draft(
    packages: dict[str, Any], event: str, payload: Any, valid: bool
) -> None:
    client = packages["client"].Client("http://127.0.0.1:1")
    seen: list[Any] = []
    errors: list[Any] = []
    getattr(client.root, f"on_{event}_out")(seen.append)
    client.root.add_error_handler(errors.append)
    client.sio.handlers["/"][f"{event}_out"](payload)
    assert (len(seen), len(errors)) == ((1, 0) if valid else (0, 1))
    if not valid:
        assert type(errors[0]).__name__ == "PayloadValidationError"


def test_schemas_json_marks_each_draft(packages: dict[str, Any]) -> None:
    path = packages["root"] / "dia_server" / "_generated" / "schemas.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    definitions = document["definitions"]
    assert definitions["FourPayload"]["$schema"] == "http://json-schema.org/draft-04/schema#"
    assert definitions["TwelvePayload"]["$schema"] == (
        "https://json-schema.org/draft/2020-12/schema"
    )
    assert "$schema" not in definitions["UnknownPayload"]  # read as draft-07, the default
    assert definitions["Own"]["$schema"] == OWN["$schema"]
    assert definitions["FourconstPayload"] == {
        "$id": "urn:sio-codegen:schemas:FourconstPayload",
        "$schema": "http://json-schema.org/draft-04/schema#",
        "const": 1,
        "type": "integer",
    }
    assert document["$id"] == "urn:sio-codegen:schemas"  # the base of absolute references


def test_models_leave_out_what_the_draft_does_not_have(packages: dict[str, Any]) -> None:
    models = importlib.import_module("dia_server._generated.models")
    assert models.FourconstPayload(2).root == 2  # draft-04 has no const
    assert models.FourPayload(5).root == 5  # the inclusive bound: wider, never narrower


def test_an_unknown_draft_is_a_located_warning(packages: dict[str, Any], capsys: Any) -> None:
    code, _, err = run_cli(["validate", str(packages["spec"])], capsys)
    assert code == 0
    lines = [line for line in err.splitlines() if "draft-99" in line]
    assert len(lines) == 2 and all("read as draft-07" in line for line in lines)
    assert "spec.yaml:" in lines[0]
    mixed = [line for line in err.splitlines() if "'Shared'" in line]
    assert len(mixed) == 1 and "read as draft-07" in mixed[0] and "2020-12" in mixed[0]
    assert "spec.yaml:" in mixed[0] and "/components/schemas/Shared" in mixed[0]


def test_a_schema_invalid_in_its_draft_is_refused(tmp_path: Any, capsys: Any) -> None:
    spec = _spec()
    # draft-04's exclusiveMaximum is a boolean; a number there is not draft-04
    spec["components"]["messages"]["four"]["payload"] = {"type": "number", "exclusiveMaximum": 5}
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False), encoding="utf-8")
    code, _, err = run_cli(["server", str(path), "-o", str(tmp_path / "out")], capsys)
    assert code == 2 and "draft-04" in err
    assert not (tmp_path / "out").exists()


V3 = {
    "asyncapi": "3.0.0",
    "info": {"title": "Multi-format", "version": "1"},
    "channels": {
        "root": {
            "address": "/",
            "messages": {
                "four": {"name": "four", "payload": {"$ref": "#/components/schemas/Four"}}
            },
        }
    },
    "operations": {
        "sendFour": {
            "action": "receive",
            "channel": {"$ref": "#/channels/root"},
            "messages": [{"$ref": "#/channels/root/messages/four"}],
        }
    },
    "components": {
        "schemas": {
            "Four": {  # AsyncAPI 3.x's multi-format schema object
                "schemaFormat": FORMAT.format("draft-04"),
                "schema": {"type": "number", "maximum": 5, "exclusiveMaximum": True},
            }
        }
    },
}


def test_a_3x_multi_format_schema_object_is_read_in_its_draft(tmp_path: Any) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump(V3, sort_keys=False), encoding="utf-8")
    for command in ("server", "client"):
        assert cli_main([command, str(spec), "-o", str(tmp_path / f"mf_{command}"), "--quiet"]) == 0
    sys.path.insert(0, str(tmp_path))
    try:
        for runtime_module in ("mf_server._generated.runtime", "mf_client.runtime"):
            runtime = importlib.import_module(runtime_module)
            models = importlib.import_module(runtime_module.rsplit(".", 1)[0] + ".models")
            # the event's payload is the component itself, typed (it was a model of the wrapper)
            assert models.Four.model_fields["root"].annotation is float
            assert runtime.schema_errors(models.Four, 4.5) == []
            assert runtime.schema_errors(models.Four, 5) != []  # exclusive, as draft-04 says
    finally:
        sys.path.remove(str(tmp_path))
    server = (tmp_path / "mf_server" / "_generated" / "server.py").read_text(encoding="utf-8")
    assert "data: models.Four)" in server
