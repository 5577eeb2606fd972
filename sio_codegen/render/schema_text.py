"""Readable summaries of JSON Schemas for the docs page: a type in a few words, and the fields
of an object as rows (nested objects and arrays of objects one level deeper each, references
followed once, cycles named, never expanded)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sio_codegen.render.schema_bundle import definition_name

MAX_DEPTH = 4
MAX_ROWS = 200
_CONSTRAINTS = ("format", "pattern", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
                "multipleOf", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems",
                "minProperties", "maxProperties", "default", "const")  # fmt: skip


@dataclass(frozen=True)
class Row:
    path: str
    type: str
    required: bool
    description: str
    constraints: str


def _target(schema: Any, definitions: dict[str, Any]) -> tuple[Any, str | None]:
    """The schema a reference points at (one hop), and the definition's name."""
    if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
        name = definition_name(schema["$ref"])
        if name is not None and name in definitions:
            return definitions[name], name
    return schema, None


def type_of(schema: Any, definitions: dict[str, Any], depth: int = 0) -> str:
    """``string``, ``integer | null``, ``array of Move``, ``one of: A, B``, ``"x" | "o"``..."""
    if schema is True or schema == {}:
        return "any"
    if schema is False:
        return "nothing"
    if not isinstance(schema, dict) or depth > MAX_DEPTH:
        return "any"
    target, name = _target(schema, definitions)
    if name is not None:
        return name
    schema = target
    if "const" in schema:
        return json.dumps(schema["const"], ensure_ascii=False)
    if isinstance(schema.get("enum"), list):
        return " | ".join(json.dumps(v, ensure_ascii=False) for v in schema["enum"][:20]) + (
            " | ..." if len(schema["enum"]) > 20 else ""
        )
    for key, word in (("oneOf", "one of"), ("anyOf", "any of"), ("allOf", "all of")):
        if isinstance(schema.get(key), list):
            return f"{word}: " + ", ".join(type_of(s, definitions, depth + 1) for s in schema[key])
    types = schema.get("type")
    names = types if isinstance(types, list) else [types] if isinstance(types, str) else []
    out = []
    for t in names or (["object"] if "properties" in schema else []):
        if t == "array":
            items = schema.get("prefixItems", schema.get("items"))
            if isinstance(items, list):
                out.append("[" + ", ".join(type_of(i, definitions, depth + 1) for i in items) + "]")
            elif items is not None:
                out.append(f"array of {type_of(items, definitions, depth + 1)}")
            else:
                out.append("array")
        else:
            out.append(str(t))
    return " | ".join(out) or "any"


def constraints(schema: dict[str, Any]) -> str:
    """A schema's own constraints in words (``pattern: "^a$", maxLength: 9``)."""
    parts = []
    for key in _CONSTRAINTS:
        if key in schema:
            parts.append(f"{key}: {json.dumps(schema[key], ensure_ascii=False)}")
    return ", ".join(parts)


def rows(schema: Any, definitions: dict[str, Any]) -> list[Row]:
    """The fields of an object schema (and of objects inside it), in the schema's order."""
    out: list[Row] = []
    _fields(schema, definitions, "", 0, set(), out)
    return out[:MAX_ROWS]


def _fields(
    schema: Any, definitions: dict[str, Any], prefix: str, depth: int, seen: set[str],
    out: list[Row],
) -> None:  # fmt: skip
    target, name = _target(schema, definitions)
    if name is not None:
        if name in seen:
            return
        seen = seen | {name}
    if not isinstance(target, dict) or depth > MAX_DEPTH or len(out) >= MAX_ROWS:
        return
    items = target.get("items")
    if prefix and isinstance(items, dict):
        _fields(items, definitions, prefix + "[]", depth + 1, seen, out)
        return
    properties = target.get("properties")
    if not isinstance(properties, dict):
        return
    listed = target.get("required")
    required: list[Any] = listed if isinstance(listed, list) else []
    for key, sub in properties.items():
        path = f"{prefix}.{key}" if prefix else str(key)
        resolved, _ = _target(sub, definitions)
        description = resolved.get("description", "") if isinstance(resolved, dict) else ""
        out.append(
            Row(
                path=path,
                type=type_of(sub, definitions),
                required=key in required,
                description=description if isinstance(description, str) else "",
                constraints=constraints(resolved) if isinstance(resolved, dict) else "",
            )
        )
        _fields(sub, definitions, path, depth + 1, seen, out)
