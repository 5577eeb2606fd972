"""Channel parameters: a channel address with ``{name}`` expressions (``/rooms/{roomId}``) is a
dynamic namespace, served for every value (``/rooms/1``, ``/rooms/2``).

Each parameter becomes a field of the namespace's ``<Prefix>Params`` model, named with the
project's naming rules (``roomId`` -> ``room_id``); its schema is the 2.x parameter's ``schema``
(a string when it has none) or, in 3.x (where a parameter is always text), a string with the
parameter's ``enum`` (and never empty, without ``/`` or ``,``). The address travels to
generated code as data: literal text and field names, alternately.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sio_codegen import pointer as jp
from sio_codegen.diagnostics import Location, Report
from sio_codegen.model import naming
from sio_codegen.model.nodes import text, unwrap

# A parameter's name, as AsyncAPI restricts the keys of ``parameters`` (no nested quantifier).
_EXPRESSION = re.compile(r"\{([A-Za-z0-9_\-]+)\}")


def is_dynamic(name: str) -> bool:
    """A brace in an address is a parameter expression (an unbalanced one is an error)."""
    return "{" in name or "}" in name


def literal_name(name: str) -> str:
    """What a namespace's Python names come from: its name without the parameter expressions
    (``/rooms/{roomId}`` -> ``/rooms/``), or the whole name when nothing else is left."""
    bare = _EXPRESSION.sub("", name)
    return bare if bare.strip("/") else name


def read_address(
    name: str,
    channel: Any,
    version: str,
    pointer: str,
    report: Report,
    at: Callable[[str], Location],
) -> tuple[tuple[str, ...], dict[str, Any]]:
    """The address of a dynamic namespace (literal text and field names, alternately) and the
    JSON Schema of its parameters (an object, every parameter required)."""
    parts = _EXPRESSION.split(name)
    declared = unwrap(channel.get("parameters")) if isinstance(channel, dict) else None
    declared = declared if isinstance(declared, dict) else {}
    address: list[str] = []
    properties: dict[str, Any] = {}
    owners: dict[str, str] = {}
    for index, part in enumerate(parts):
        if index % 2 == 0:
            if "{" in part or "}" in part:
                report.error(
                    f"channel address {name!r} has a brace that is no parameter expression "
                    "({name}: letters, digits, _ and -)",
                    at(pointer),
                )
            address.append(part)
            continue
        ident = naming.safe_identifier(naming.snake(part), prefix="param")
        if owners.setdefault(ident, part) != part or ident in properties:
            report.error(
                f"channel parameters {owners[ident]!r} and {part!r} of {name!r} both become the "
                f"Python name {ident!r} (or one is used twice); rename one",
                at(pointer),
            )
        if index > 1 and "/" not in parts[index - 1]:
            report.error(
                f"channel parameters {parts[index - 2]!r} and {part!r} share one segment of "
                f"{name!r}: their values could not be told apart; put a '/' between them",
                at(pointer),
            )
        address.append(ident)
        properties[ident] = _schema(declared.get(part), version)
    for key in sorted(declared):
        if key not in parts[1::2]:
            report.warning(
                f"channel parameter {key!r} is not in the address {name!r}: ignored",
                at(jp.child(jp.child(pointer, "parameters"), key)),
            )
    schema = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    return tuple(address), schema


def _schema(parameter: Any, version: str) -> Any:
    node = unwrap(parameter)
    if not isinstance(node, dict):
        return {"type": "string"}
    if version.startswith("2."):
        schema = node.get("schema")
        if schema is None:
            schema = {"type": "string"}
        if type(schema) is dict and "description" not in schema and text(node, "description"):
            # the parameter's description, where its own (inline) schema has none: the docs
            # page and the catalog show it (a referenced schema is left as it is)
            schema = {**schema, "description": text(node, "description")}
        return schema
    # Text that can be part of a namespace's name: not empty, no "/" (it ends the parameter),
    # no "," (it ends the namespace in a Socket.IO packet).
    result: dict[str, Any] = {"type": "string", "pattern": "^[^/,]+$"}
    enum = node.get("enum")
    if isinstance(enum, list) and enum and all(isinstance(v, str) for v in enum):
        result["enum"] = list(enum)
    if text(node, "description"):
        result["description"] = text(node, "description")
    return result
