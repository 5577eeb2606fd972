"""The schemas as the model generator sees them: what Pydantic models can type.

Validity is decided by the JSON Schema validator of the generated runtimes, on the schemas as the
spec wrote them (``schemas.json``); the models are the types handlers see, and must never reject
what the schema accepts. So the generator is given a wider view of each schema:

- objects keep undeclared properties (``additionalProperties: true``) unless the schema says
  ``additionalProperties: false``;
- what only the validator checks is left out: ``pattern`` (a model never runs a backtracking
  regex), ``patternProperties``, ``multipleOf`` (float arithmetic), ``format`` without a
  ``type: string`` beside it, ``enum``/``const`` of objects or arrays (data that may look like a
  ``$ref``), properties named like keywords (``$ref``);
- ``false`` / ``true`` sub-schemas are any value (the validator rejects what ``false`` rejects);
- binary schemas (``format: binary`` or ``contentEncoding: binary`` on a string, see binary.py)
  are ``bytes``;
- where a model would be narrower than its schema, it is widened (see :func:`widenings`, which
  the generator reports as warnings): keywords that imply a type in a schema without ``type``
  (``{properties: ...}`` accepts ``12`` too: the model is Any), tuple-form ``items`` (a list of
  Any), ``patternProperties`` (undeclared properties of any type).
"""

from __future__ import annotations

from typing import Any

from sio_codegen.model.binary import is_binary

_SCHEMA_MAPS = frozenset({"properties", "definitions", "$defs", "dependencies"})
_SCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "items"})
_SCHEMA_VALUES = frozenset(
    {"additionalProperties", "additionalItems", "items", "not", "contains", "propertyNames",
     "if", "then", "else"}
)  # fmt: skip
_VALIDATOR_ONLY = frozenset({"pattern", "patternProperties", "multipleOf"})
_DATA_KEYS = frozenset({"enum", "const", "default", "examples", "example"})
_OBJECT_KEYWORDS = frozenset(
    {"properties", "required", "additionalProperties", "minProperties", "maxProperties",
     "propertyNames", "dependencies"}
)  # fmt: skip
_ARRAY_KEYWORDS = frozenset(
    {"items", "additionalItems", "minItems", "maxItems", "uniqueItems", "contains"}
)
_SCALAR_KEYWORDS = frozenset(
    {"minLength", "maxLength", "format", "minimum", "maximum", "exclusiveMinimum",
     "exclusiveMaximum"}
)  # fmt: skip
UNTYPED = (
    "keywords that imply a type in a schema without `type` (JSON Schema applies them only to "
    "values of that type and accepts any other): its model accepts any value; add a `type`"
)
TUPLE = "tuple-form `items` or `prefixItems`: its model is a list of any values"
PATTERN_PROPERTIES = "`patternProperties`: its model accepts undeclared properties of any type"


def model_view(schemas: dict[str, Any]) -> dict[str, Any]:
    """``schemas`` (name -> JSON Schema) as the model generator is given them."""
    return {name: _schema(schema, None) for name, schema in schemas.items()}


def widenings(schemas: dict[str, Any]) -> dict[str, list[str]]:
    """Where a model is wider than its schema, by reason: the models (and pointers in them)."""
    found: dict[str, list[str]] = {}
    for name, schema in schemas.items():
        _schema(
            schema, lambda reason, where, n=name: found.setdefault(reason, []).append(n + where)
        )
    return found


def _is_object(schema: dict[str, Any]) -> bool:
    declared = schema.get("type")
    return declared == "object" or (isinstance(declared, list) and "object" in declared)


def _schema(node: Any, note: Any, where: str = "") -> Any:
    if isinstance(node, bool):
        return {}
    if not isinstance(node, dict):
        return node
    binary = is_binary(node)  # bytes in the model (contentEncoding: binary too)
    if binary:
        node = {**node, "format": "binary"}
    if "type" not in node:
        implied = (_OBJECT_KEYWORDS | _ARRAY_KEYWORDS) & node.keys()
        if implied and note is not None:
            note(UNTYPED, where)
        node = {k: v for k, v in node.items() if k not in implied and k not in _SCALAR_KEYWORDS}
    elif isinstance(node.get("items"), list) or isinstance(node.get("prefixItems"), list):
        if note is not None:
            note(TUPLE, where)
        node = {k: v for k, v in node.items() if k not in ("prefixItems", "additionalItems")}
        node["items"] = {}
    if "patternProperties" in node and node.get("additionalProperties", True) is not True:
        if note is not None:
            note(PATTERN_PROPERTIES, where)
        node = {**node, "additionalProperties": True}
    out: dict[str, Any] = {}
    for key, value in node.items():
        inner = f"{where}/{key}"
        if key in _VALIDATOR_ONLY or key in ("definitions", "$defs"):
            continue  # definitions: every one that is used is a model of its own already
        if key in ("enum", "const"):
            values = value if key == "enum" and isinstance(value, list) else [value]
            if any(isinstance(v, (dict, list)) for v in values):
                continue
            out[key] = value
        elif key in _DATA_KEYS:
            out[key] = value
        elif key == "format" and node.get("type") != "string" and not binary:
            continue
        elif key in _SCHEMA_MAPS and isinstance(value, dict):
            out[key] = {
                k: _schema(v, note, f"{inner}/{k}")
                for k, v in value.items()
                if not k.startswith("$")
            }
        elif key in _SCHEMA_LISTS and isinstance(value, list):
            out[key] = [_schema(v, note, f"{inner}/{i}") for i, v in enumerate(value)]
        elif key in _SCHEMA_VALUES:
            keep = key == "additionalProperties" and value is False
            out[key] = value if keep else _schema(value, note, inner)
        else:
            out[key] = value
    if _is_object(out) and "additionalProperties" not in out:
        out["additionalProperties"] = True
    if out.get("additionalProperties") == {}:
        out["additionalProperties"] = True
    return out
