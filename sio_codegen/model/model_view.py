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

from sio_codegen.model import dialects
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
     "propertyNames", "dependencies", "dependentRequired", "dependentSchemas",
     "unevaluatedProperties"}
)  # fmt: skip
_ARRAY_KEYWORDS = frozenset(
    {"items", "additionalItems", "minItems", "maxItems", "uniqueItems", "contains",
     "prefixItems", "unevaluatedItems", "minContains", "maxContains"}
)  # fmt: skip
_SCALAR_KEYWORDS = frozenset(
    {"minLength", "maxLength", "format", "minimum", "maximum", "exclusiveMinimum",
     "exclusiveMaximum"}
)  # fmt: skip
UNTYPED = (
    "keywords that imply a type in a schema without `type` (JSON Schema applies them only to "
    "values of that type and accepts any other): its model accepts any value; add a `type`"
)
TUPLE = (
    "tuple-form `items` or `prefixItems` after which more items may follow (or, inside another "
    "schema, with optional positions): its model is a list of any values"
)
PATTERN_PROPERTIES = "`patternProperties`: its model accepts undeclared properties of any type"


def model_view(schemas: dict[str, Any]) -> dict[str, Any]:
    """``schemas`` (name -> JSON Schema) as the model generator is given them."""
    return {name: _schema(in_draft(schema), None) for name, schema in schemas.items()}


def widenings(schemas: dict[str, Any]) -> dict[str, list[str]]:
    """Where a model is wider than its schema, by reason: the models (and pointers in them)."""
    found: dict[str, list[str]] = {}
    for name, schema in schemas.items():
        _schema(
            in_draft(schema),
            lambda reason, where, n=name: found.setdefault(reason, []).append(n + where),
        )
    return found


def in_draft(schema: Any) -> Any:
    """A named schema without its ``$schema``, and without the keywords its draft does not have
    (see dialects.ABSENT: it ignores them, so its model must too); draft-04's boolean
    ``exclusiveMaximum``/``exclusiveMinimum`` are left out too (the model keeps the inclusive
    bound: wider, never narrower). draft-07 schemas are returned as they are."""
    if not isinstance(schema, dict) or "$schema" not in schema:
        return schema
    absent = dialects.ABSENT.get(schema["$schema"], frozenset())
    return _without({k: v for k, v in schema.items() if k != "$schema"}, absent)


def _without(node: Any, absent: frozenset[str]) -> Any:
    if isinstance(node, list):
        return [_without(item, absent) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in absent or (key.startswith("exclusiveM") and isinstance(value, bool)):
            continue
        if key in _DATA_KEYS:
            out[key] = value
        elif key in _SCHEMA_MAPS | {"patternProperties"} and isinstance(value, dict):
            out[key] = {name: _without(item, absent) for name, item in value.items()}
        else:
            out[key] = _without(value, absent)
    return out


def _is_object(schema: dict[str, Any]) -> bool:
    declared = schema.get("type")
    return declared == "object" or (isinstance(declared, list) and "object" in declared)


TUPLE_LENGTHS = "x-sio-codegen-tuple-lengths"
"""Set by the model view on a named schema whose model is a union of tuples: ``[least, most]``
(see models_generator, which writes ``tuple[A] | tuple[A, B]`` from the generator's
``tuple[A, B]``)."""


def _positions(node: dict[str, Any]) -> tuple[list[Any], Any]:
    """A tuple-form array's position schemas and what may follow them (None: anything)."""
    if isinstance(node.get("items"), list):
        return node["items"], node.get("additionalItems")
    return node["prefixItems"], node.get("items")


def _closed_tuple(node: dict[str, Any], root: bool) -> tuple[list[Any], int, int] | None:
    """``(positions, least, most)`` when the array's instances are exactly the tuples of
    ``least`` to ``most`` leading positions (nothing may follow them), which a model types
    exactly: ``tuple[A, B]``, or at the root of a model the union of each length's tuple.
    None where the model must stay a list (more may follow, or the bounds are not plain)."""
    if node.get("type") != "array":
        return None
    positions, rest = _positions(node)
    least, most = node.get("minItems", 0), node.get("maxItems")
    capped = most is not None
    most = len(positions) if most is None else most
    if any(not isinstance(n, int) or isinstance(n, bool) for n in (least, most)):
        return None
    closed = rest is False or rest == {"not": {}} or (capped and most <= len(positions))
    most = min(most, len(positions))
    if not closed or least > most or (least < most and not root):
        return None
    return positions, least, most


def _tuple_view(
    node: dict[str, Any], positions: list[Any], least: int, most: int, note: Any, where: str
) -> dict[str, Any]:
    """What datamodel-code-generator turns into ``tuple[A, B]``: a closed ``prefixItems`` of
    fixed length (its ``use_tuple_for_closed_arrays``)."""
    key = "items" if isinstance(node.get("items"), list) else "prefixItems"
    view: dict[str, Any] = {k: v for k, v in node.items() if k in ("type", "title", "description")}
    view["prefixItems"] = [
        _schema(p, note, f"{where}/{key}/{i}") for i, p in enumerate(positions[:most])
    ]
    view.update(items=False, minItems=most, maxItems=most)
    if least < most:
        view[TUPLE_LENGTHS] = [least, most]
    return view


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
        closed = _closed_tuple(node, root=not where)
        if closed is not None:
            return _tuple_view(node, *closed, note, where)
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
