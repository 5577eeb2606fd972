"""Whether a JSON Schema change narrows or widens the set of values the schema accepts.

Deliberately conservative: what it understands (types, properties and ``required``,
``additionalProperties``, ``enum``/``const``, numeric, length and size bounds, ``items``,
``pattern``/``format`` added or removed, ``anyOf`` branches added or removed) it classifies;
any other difference (a changed ``pattern``, ``oneOf``, ``allOf``, ``not``, conditionals,
``multipleOf``...) is ``unknown``, which callers report as *possibly breaking*, never as
compatible. Annotations (``title``, ``description``, examples...) are ignored.

Schemas are those of ``Api.schemas``: linked with ``{"$ref": "#/definitions/<Name>"}``; each
side resolves its references in its own table, so a model renamed between versions compares
by content.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from sio_codegen import pointer as jp

Kind = Literal["narrowed", "widened", "unknown", "same"]
"""``narrowed``: some value the old schema accepted is refused now; ``widened``: some value
refused before is accepted now; ``unknown``: either may be true (possibly breaking);
``same``: a change that accepts exactly the same values (reported as compatible)."""

ANNOTATIONS = frozenset(
    {
        "title", "description", "examples", "example", "default", "deprecated", "$comment",
        "readOnly", "writeOnly", "x-parser-schema-id", "discriminator", "externalDocs",
        "contentMediaType", "contentEncoding",
    }
)  # fmt: skip
_UNDERSTOOD = frozenset(
    {
        "type", "properties", "required", "additionalProperties", "enum", "const", "items",
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength",
        "minItems", "maxItems", "minProperties", "maxProperties", "uniqueItems", "pattern",
        "format", "anyOf", "$ref", "additionalItems", "prefixItems",
    }
)  # fmt: skip
_LOWER = ("minimum", "minLength", "minItems", "minProperties")
_UPPER = ("maximum", "maxLength", "maxItems", "maxProperties")
_TYPES = ("array", "boolean", "integer", "null", "number", "object", "string")
MAX_DEPTH = 64


@dataclass(frozen=True)
class SchemaChange:
    path: str
    """A JSON pointer inside the compared schema (``""``: the schema itself)."""
    kind: Kind
    message: str


class Comparer:
    """Compares schemas of two ``Api.schemas`` tables (``definitions`` of old and new)."""

    def __init__(self, old_defs: dict[str, Any], new_defs: dict[str, Any]) -> None:
        self.old_defs = old_defs
        self.new_defs = new_defs
        self.old_canon = Canon(old_defs)
        self.new_canon = Canon(new_defs)

    def compare(self, old: Any, new: Any) -> list[SchemaChange]:
        return list(self._compare(old, new, "", frozenset(), 0))

    # -- references and normal forms ---------------------------------------------------

    def _resolve(self, schema: Any, defs: dict[str, Any]) -> Any:
        """``schema`` with its top-level ``$ref`` chain followed (siblings of a ``$ref`` are
        merged, as the model generator reads them)."""
        hops = 0
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and hops < 32:
            name = schema["$ref"].rsplit("/", 1)[-1]
            target = defs.get(jp.unescape(name))
            if target is None or not isinstance(target, dict):
                return schema
            rest = {k: v for k, v in schema.items() if k != "$ref"}
            schema = {**target, **rest} if rest else target
            hops += 1
        return schema

    # -- the comparison ------------------------------------------------------------------

    def _compare(
        self, old: Any, new: Any, path: str, seen: frozenset[tuple[str, str]], depth: int
    ) -> Iterator[SchemaChange]:
        if depth > MAX_DEPTH:
            yield SchemaChange(path, "unknown", "schema nests too deeply to compare")
            return
        key = (_ref_of(old), _ref_of(new))
        if key[0] and key[1]:
            if key in seen:  # a recursive model compared with itself: assumed unchanged there
                return
            seen = seen | {key}
        old = self._resolve(old, self.old_defs)
        new = self._resolve(new, self.new_defs)
        if old is True or old == {}:
            old = {}
        if new is True or new == {}:
            new = {}
        if old is False or new is False or not isinstance(old, dict) or not isinstance(new, dict):
            if old != new:
                yield SchemaChange(path, "unknown", "schema replaced")
            return
        if self.old_canon.text(old) == self.new_canon.text(new):
            return
        keys = {k for k in (set(old) | set(new)) if k not in ANNOTATIONS}
        if keys - _UNDERSTOOD:
            changed = sorted(
                k
                for k in keys - _UNDERSTOOD
                if self.old_canon.text(old.get(k)) != self.new_canon.text(new.get(k))
            )
            if changed:
                yield SchemaChange(
                    path, "unknown", f"{', '.join(changed)} changed: cannot tell whether it narrows"
                )
        yield from _types(old, new, path)
        yield from _enums(old, new, path)
        yield from _bounds(old, new, path)
        yield from _text_rules(old, new, path)
        yield from self._objects(old, new, path, seen, depth)
        yield from self._arrays(old, new, path, seen, depth)
        yield from self._any_of(old, new, path)

    def _objects(
        self, old: dict[str, Any], new: dict[str, Any], path: str,
        seen: frozenset[tuple[str, str]], depth: int,
    ) -> Iterator[SchemaChange]:  # fmt: skip
        old_props = _mapping(old.get("properties"))
        new_props = _mapping(new.get("properties"))
        old_req = set(_strings(old.get("required")))
        new_req = set(_strings(new.get("required")))
        old_extra = old.get("additionalProperties", True)
        new_extra = new.get("additionalProperties", True)
        for name in sorted(set(old_props) | set(new_props) | old_req | new_req):
            where = jp.child(jp.child(path, "properties"), name)
            if name in new_req and name not in old_req:
                what = "required field added" if name not in old_props else "field made required"
                yield SchemaChange(where, "narrowed", what)
            elif name in old_req and name not in new_req and name in new_props:
                yield SchemaChange(where, "widened", "field made optional")
            if name in old_props and name not in new_props:
                if name in old_req and name not in new_req:
                    yield SchemaChange(where, "widened", "required field removed")
                elif name not in new_req:
                    yield SchemaChange(where, "widened", "field removed")
                else:
                    yield SchemaChange(where, "widened", "field's schema removed (any value)")
                if new_extra is False:
                    yield SchemaChange(where, "narrowed", "field no longer allowed")
                elif isinstance(new_extra, dict) and new_extra:
                    yield SchemaChange(where, "unknown", "field now under additionalProperties")
            elif name in new_props and name not in old_props:
                if old_extra is False:
                    yield SchemaChange(where, "widened", "field added where none was allowed")
                elif isinstance(old_extra, dict) and old_extra:
                    yield from self._compare(old_extra, new_props[name], where, seen, depth + 1)
                elif name not in new_req:
                    yield SchemaChange(where, "same", "optional field added")
            elif name in old_props and name in new_props:
                yield from self._compare(old_props[name], new_props[name], where, seen, depth + 1)
        where = jp.child(path, "additionalProperties")
        if old_extra is not False and new_extra is False:
            yield SchemaChange(where, "narrowed", "other fields no longer allowed")
        elif old_extra is False and new_extra is not False:
            yield SchemaChange(where, "widened", "other fields now allowed")
        elif isinstance(old_extra, dict) or isinstance(new_extra, dict):
            yield from self._compare(
                {} if old_extra is True else old_extra,
                {} if new_extra is True else new_extra,
                where, seen, depth + 1,
            )  # fmt: skip

    def _arrays(
        self, old: dict[str, Any], new: dict[str, Any], path: str,
        seen: frozenset[tuple[str, str]], depth: int,
    ) -> Iterator[SchemaChange]:  # fmt: skip
        old_items, old_rest, old_key = _tuple_form(old)
        new_items, new_rest, new_key = _tuple_form(new)
        where = jp.child(path, new_key if new_items is not None else old_key)
        if old_items is not None or new_items is not None:
            if old_items is None or new_items is None:
                yield SchemaChange(where, "unknown", "items changed between one schema and a tuple")
            elif len(old_items) != len(new_items):
                yield SchemaChange(
                    where, "unknown", f"tuple of {len(old_items)} became one of {len(new_items)}"
                )
            else:
                for index, (a, b) in enumerate(zip(old_items, new_items, strict=True)):
                    yield from self._compare(a, b, jp.child(where, index), seen, depth + 1)
                rest_where = jp.child(path, _REST_KEY[new_key])
                yield from self._rest(old_rest, new_rest, len(new_items), rest_where, seen, depth)
            return
        yield from self._compare(
            old.get("items", {}), new.get("items", {}), jp.child(path, "items"), seen, depth + 1
        )

    def _rest(
        self, old: Any, new: Any, fixed: int, path: str,
        seen: frozenset[tuple[str, str]], depth: int,
    ) -> Iterator[SchemaChange]:  # fmt: skip
        """What may follow a tuple's ``fixed`` items (its rest: ``additionalItems``, or
        ``items`` beside ``prefixItems``): ``False`` (nothing) or a schema (``{}``: anything)."""
        if old is False and new is False:
            return
        if new is False:
            yield SchemaChange(path, "narrowed", f"rest removed: no item allowed past {fixed}")
        elif old is False:
            yield SchemaChange(path, "widened", f"rest added: items allowed past {fixed}")
        else:
            anything = self.old_canon.text({})
            label = (
                "rest added: " if self.old_canon.text(old) == anything
                else "rest removed: " if self.new_canon.text(new) == anything
                else "rest: "
            )  # fmt: skip
            for change in self._compare(old, new, path, seen, depth + 1):
                yield SchemaChange(change.path, change.kind, label + change.message)

    def _any_of(
        self, old: dict[str, Any], new: dict[str, Any], path: str
    ) -> Iterator[SchemaChange]:
        if "anyOf" not in old and "anyOf" not in new:
            return
        where = jp.child(path, "anyOf")
        before = _branches(old.get("anyOf"), self.old_canon)
        after = _branches(new.get("anyOf"), self.new_canon)
        if before is None or after is None or ("anyOf" in old) != ("anyOf" in new):
            yield SchemaChange(where, "unknown", "anyOf changed: cannot tell whether it narrows")
        elif sorted(before) == sorted(after):
            return  # the same alternatives, reordered
        elif all(b in after for b in before):
            yield SchemaChange(where, "widened", "anyOf alternative added")
        elif all(a in before for a in after):
            yield SchemaChange(where, "narrowed", "anyOf alternative removed")
        else:
            yield SchemaChange(where, "unknown", "anyOf alternatives changed")


_REST_KEY = {"items": "additionalItems", "prefixItems": "items"}


def _tuple_form(schema: dict[str, Any]) -> tuple[list[Any] | None, Any, str]:
    """A tuple-form array's items, what may follow them (``False``: nothing, as
    ``additionalItems: false``, ``{not: {}}`` or a ``maxItems`` that leaves no room; else a
    schema, ``{}`` for anything, as when it says nothing), and the keyword of its items
    (``prefixItems`` read as draft-07's ``items: [...]``, its ``items`` as ``additionalItems``);
    ``(None, None, "items")`` for any other schema (``additionalItems`` is then ignored, as
    JSON Schema ignores it: a rest-only array accepts any items)."""
    key = "prefixItems" if isinstance(schema.get("prefixItems"), list) else "items"
    items = schema.get(key)
    if not isinstance(items, list):
        return None, None, "items"
    rest = schema.get(_REST_KEY[key], {})
    most = schema.get("maxItems")
    capped = isinstance(most, int) and not isinstance(most, bool) and most <= len(items)
    if rest is False or rest == {"not": {}} or capped:
        return items, False, key
    return items, {} if rest is True else rest, key


def _ref_of(schema: Any) -> str:
    if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
        return str(schema["$ref"])
    return ""


def _mapping(node: Any) -> dict[str, Any]:
    return node if isinstance(node, dict) else {}


def _strings(node: Any) -> list[str]:
    return [s for s in node if isinstance(s, str)] if isinstance(node, list) else []


class Canon:
    """Canonical text of schemas of one table, annotations dropped; a reference stands for
    its target's canonical text (a recursive one for its name). Memoized: shared and nested
    references cost one walk each."""

    def __init__(self, defs: dict[str, Any]) -> None:
        self.defs = defs
        self.by_name: dict[str, str] = {}
        self.active: set[str] = set()

    def text(self, node: Any) -> str:
        return json.dumps(self._walk(node, 0), sort_keys=True, default=str)

    def _name(self, name: str) -> str:
        if name in self.by_name:
            return self.by_name[name]
        if name in self.active:
            return "$ref:" + name
        self.active.add(name)
        try:
            target = self.defs.get(name)
            text = self.text(target) if isinstance(target, dict) else "$ref:" + name
        finally:
            self.active.discard(name)
        self.by_name[name] = text
        return text

    def _walk(self, node: Any, depth: int) -> Any:
        if depth > MAX_DEPTH:
            return "too deep"
        if isinstance(node, dict):
            result = {
                k: (v if k in ("enum", "const", "required") else self._walk(v, depth + 1))
                for k, v in node.items()
                if k not in ANNOTATIONS and k != "$ref"
            }
            ref = node.get("$ref")
            if isinstance(ref, str):
                result["$ref"] = self._name(jp.unescape(ref.rsplit("/", 1)[-1]))
            return result
        if isinstance(node, list):
            return [self._walk(v, depth + 1) for v in node]
        return node


def _branches(node: Any, canon: Canon) -> list[str] | None:
    if not isinstance(node, list):
        return None
    return [canon.text(b) for b in node]


def _type_set(schema: dict[str, Any]) -> set[str] | None:
    """The JSON types a schema allows by its ``type`` alone; None when it does not say."""
    declared = schema.get("type")
    if isinstance(declared, str):
        declared = [declared]
    if not isinstance(declared, list):
        return None
    types = {t for t in declared if isinstance(t, str)}
    return types | {"integer"} if "number" in types else types


def _types(old: dict[str, Any], new: dict[str, Any], path: str) -> Iterator[SchemaChange]:
    before, after = _type_set(old), _type_set(new)
    if before == after:
        return
    label_old = "any" if before is None else "/".join(sorted(_shown(before)))
    label_new = "any" if after is None else "/".join(sorted(_shown(after)))
    where = jp.child(path, "type")
    all_types = set(_TYPES)
    before, after = before or all_types, after or all_types
    if after < before:
        yield SchemaChange(where, "narrowed", f"type narrowed from {label_old} to {label_new}")
    elif before < after:
        yield SchemaChange(where, "widened", f"type widened from {label_old} to {label_new}")
    elif before != after:
        yield SchemaChange(where, "narrowed", f"type changed from {label_old} to {label_new}")
        yield SchemaChange(where, "widened", f"type changed from {label_old} to {label_new}")


def _shown(types: set[str]) -> set[str]:
    return types - {"integer"} if "number" in types else types


def _values(schema: dict[str, Any]) -> list[Any] | None:
    if "const" in schema:
        return [schema["const"]]
    enum = schema.get("enum")
    return list(enum) if isinstance(enum, list) else None


def _enums(old: dict[str, Any], new: dict[str, Any], path: str) -> Iterator[SchemaChange]:
    before, after = _values(old), _values(new)
    if before == after:
        return
    where = jp.child(path, "enum")
    if before is None:
        yield SchemaChange(where, "narrowed", "values restricted to an enum")
    elif after is None:
        yield SchemaChange(where, "widened", "enum restriction removed")
    else:
        removed = [v for v in before if v not in after]
        added = [v for v in after if v not in before]
        if removed:
            yield SchemaChange(where, "narrowed", f"enum value(s) removed: {_list(removed)}")
        if added:
            yield SchemaChange(where, "widened", f"enum value(s) added: {_list(added)}")


def _list(values: list[Any]) -> str:
    return ", ".join(repr(v) for v in values[:10]) + (", ..." if len(values) > 10 else "")


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def _bounds(old: dict[str, Any], new: dict[str, Any], path: str) -> Iterator[SchemaChange]:
    for key, lower in [(k, True) for k in _LOWER] + [(k, False) for k in _UPPER]:
        before, after = _number(old.get(key)), _number(new.get(key))
        if before == after:
            continue
        where = jp.child(path, key)
        if before is None and after is not None:
            yield SchemaChange(where, "narrowed", f"{key} {new[key]} added")
        elif after is None and before is not None:
            yield SchemaChange(where, "widened", f"{key} {old[key]} removed")
        elif before is not None and after is not None:
            tighter = after > before if lower else after < before
            kind: Kind = "narrowed" if tighter else "widened"
            yield SchemaChange(where, kind, f"{key} changed from {old[key]} to {new[key]}")
    for key in ("exclusiveMinimum", "exclusiveMaximum", "uniqueItems"):
        if old.get(key) != new.get(key):
            where = jp.child(path, key)
            if key == "uniqueItems":
                narrowed = new.get(key) is True
                kind = "narrowed" if narrowed else "widened"
                what = "added" if narrowed else "removed"
                yield SchemaChange(where, kind, f"uniqueItems {what}")
            else:
                yield SchemaChange(where, "unknown", f"{key} changed")


def _text_rules(old: dict[str, Any], new: dict[str, Any], path: str) -> Iterator[SchemaChange]:
    for key in ("pattern", "format"):
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        where = jp.child(path, key)
        if before is None:
            yield SchemaChange(where, "narrowed", f"{key} {after!r} added")
        elif after is None:
            yield SchemaChange(where, "widened", f"{key} {before!r} removed")
        else:
            what = f"{key} changed from {before!r} to {after!r}"
            yield SchemaChange(where, "unknown", f"{what}: cannot tell whether it narrows")
