"""Self-contained JSON Schemas of one payload, argument, ack or binding: the schema itself, with
every named schema it reaches (through ``#/definitions/<Name>`` references) under ``definitions``.
No reference is left dangling, whatever the schema; readers need nothing but the bundle."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

DEFINITIONS = "#/definitions/"


def refs_in(node: Any) -> Iterator[str]:
    """Every ``$ref`` string anywhere in ``node`` (in schemas and, conservatively, in data)."""
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str):
                yield ref
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def definition_name(ref: str) -> str | None:
    """``Foo`` for ``#/definitions/Foo`` (RFC 6901 escapes undone), else None."""
    if not ref.startswith(DEFINITIONS) or "/" in ref[len(DEFINITIONS) :]:
        return None
    return ref[len(DEFINITIONS) :].replace("~1", "/").replace("~0", "~")


def reachable(schemas: dict[str, Any], node: Any) -> list[str]:
    """The names of ``schemas`` that ``node`` refers to, directly or not, sorted."""
    found: set[str] = set()
    pending = [node]
    while pending:
        for ref in refs_in(pending.pop()):
            name = definition_name(ref)
            if name is not None and name in schemas and name not in found:
                found.add(name)
                pending.append(schemas[name])
    return sorted(found)


def bundle(schemas: dict[str, Any], schema: Any, name: str | None = None) -> dict[str, Any]:
    """``schema`` (the one of ``schemas`` called ``name``, or an anonymous part of one) with the
    named schemas it reaches under ``definitions``. Where the schema has ``definitions`` of its
    own, the bundle is a reference to it instead, so that nothing is overwritten."""
    if not isinstance(schema, dict):  # true / false
        return {} if schema is True else {"not": {}}
    names = reachable(schemas, schema)
    if "definitions" in schema and name is not None:
        names = sorted({*names, name})
        return {"$ref": DEFINITIONS + _escape(name), "definitions": _pick(schemas, names)}
    if not names:
        return dict(schema)
    if "definitions" in schema:  # anonymous, with definitions of its own: nest it
        return {"allOf": [schema], "definitions": _pick(schemas, names)}
    return {**schema, "definitions": _pick(schemas, names)}


def dangling(bundled: dict[str, Any]) -> list[str]:
    """References of a bundle that point nowhere inside it (none, by construction)."""
    definitions = bundled.get("definitions", {})
    out = []
    for ref in refs_in(bundled):
        name = definition_name(ref)
        if name is None or name not in definitions:
            out.append(ref)
    return sorted(set(out))


def _pick(schemas: dict[str, Any], names: list[str]) -> dict[str, Any]:
    return {n: schemas[n] for n in names}


def _escape(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")
