"""Collecting the schemas of an API into one table of named JSON Schemas for the model generator.

Every ``$ref`` that points at a schema becomes a named definition; the name comes from the
reference target (``#/components/schemas/Foo`` -> ``Foo``), never from its position in the
document, so names do not shift when the spec grows. Inline schemas get the name their caller
chooses (``AddUserAck``). A cycle of references is fine: each target is converted once.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urldefrag

from sio_codegen import pointer as jp
from sio_codegen.diagnostics import Report
from sio_codegen.load.refs import ResolvedSpec, data_key, is_ref, ref_target, uri_path
from sio_codegen.model import dialects, naming
from sio_codegen.model.validator import pattern_problem

# Pointer segments that say where a thing sits, not what it is.
_STRUCTURAL = frozenset(
    {
        "components", "schemas", "messages", "channels", "operations", "properties",
        "definitions", "$defs", "oneOf", "anyOf", "allOf", "patternProperties", "channelBindings",
        "messageBindings", "replies", "messageTraits", "operationTraits", "bindings", "ws",
    }
)  # fmt: skip
# Segments that name a role: kept as a suffix of the meaningful name before them.
_ROLES = {
    "payload": "Payload", "schema": "Schema", "items": "Item", "args": "Ack", "x-ack": "Ack",
    "query": "Query", "headers": "Headers", "additionalProperties": "Value", "not": "Not",
}  # fmt: skip

# Keys that would change how the model generator resolves or reads the schema.
_DROP_KEYS = frozenset({"$id", "id", "$schema", "$comment"})
JSON_SCHEMA_FORMATS = (
    "application/vnd.aai.asyncapi",
    "application/schema+json",
    "application/schema+yaml",
    "application/vnd.oai.openapi",
)
MAX_DEPTH = 200
# Keys whose values map names to schemas (the names are data, not keywords).
_SCHEMA_MAPS = frozenset(
    {"properties", "patternProperties", "definitions", "$defs", "dependencies"}
)
# Keys whose values are instances, not schemas: copied as they are.
_DATA_KEYS = frozenset({"enum", "const", "default", "examples", "example"})


def resolved_json(node: Any) -> Any:
    """The document with every reference expanded, except one that would loop: that one stays a
    ``{"$ref": ...}`` (pointing into the original document)."""
    return _expand(node, set())


def _expand(node: Any, active: set[int]) -> Any:
    if is_ref(node):
        target = node.__subject__
        if id(target) in active:
            return {"$ref": str(node.__reference__.get("$ref", ""))}
        active.add(id(target))
        try:
            return _expand(target, active)
        finally:
            active.discard(id(target))
    if isinstance(node, dict):
        return {data_key(k): _expand(v, active) for k, v in node.items()}
    if isinstance(node, list):
        return [_expand(v, active) for v in node]
    return node


_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "boolean": (bool,),
    "integer": (int,),
    "number": (int, float),
    "string": (str,),
    "array": (list,),
    "object": (dict,),
    "null": (type(None),),
}


def _default_fits(schema_type: Any, default: Any) -> bool:
    """Whether a ``default`` has one of the schema's declared JSON types (specs get this wrong:
    ``type: boolean, default: "false"``), which a typed model could not hold."""
    types = [schema_type] if isinstance(schema_type, str) else schema_type
    if not isinstance(types, list) or not all(t in _PYTHON_TYPES for t in types):
        return True  # no (or an unknown) type: nothing to check against
    for name in types:
        if isinstance(default, bool) and name in ("integer", "number"):
            continue
        if isinstance(default, _PYTHON_TYPES[name]):
            return True
    return False


def plain(node: Any, depth: int = 0) -> Any:
    """A deep copy of resolved data with every reference proxy replaced by what it points to."""
    if depth > MAX_DEPTH:
        raise RecursionError(f"data nested more than {MAX_DEPTH} levels deep")
    if is_ref(node):
        node = node.__subject__
    if isinstance(node, dict):
        return {data_key(k): plain(v, depth + 1) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v, depth + 1) for v in node]
    return node


def name_for_uri(uri: str) -> str:
    """The model name a reference target suggests: its last meaningful pointer segment."""
    base, fragment = urldefrag(uri)
    parts = [p for p in jp.split(unquote(fragment)) if p]
    words: list[str] = []
    suffix = ""
    for part in reversed(parts):
        if part in _ROLES and not words and not suffix:
            suffix = _ROLES[part]
            continue
        if part in _STRUCTURAL or part.isdigit():
            continue
        words.append(part)
        break
    if not words:
        words.append(uri_path(base).stem if base else "Schema")
    return naming.safe_class_name(naming.pascal(words[0]) + suffix, prefix="Model")


def is_json_schema_format(schema_format: object) -> bool:
    return not isinstance(schema_format, str) or schema_format.startswith(JSON_SCHEMA_FORMATS)


class SchemaTable:
    """Named JSON Schemas for one API. Converting a schema registers everything it references."""

    def __init__(self, spec: ResolvedSpec, report: Report) -> None:
        self.spec = spec
        self.report = report
        self.schemas: dict[str, Any] = {}
        self._owner: dict[str, str] = {}
        self._by_uri: dict[str, str] = {}
        self._by_id: dict[int, str] = {}
        self._dialect: dict[str, str] = {}
        self._mixed: set[str] = set()  # schemas reached from two drafts (warned once)
        self._keep: list[Any] = []  # keeps registered inline nodes alive, so ids stay unique

    def sorted(self) -> dict[str, Any]:
        return {name: self.schemas[name] for name in sorted(self.schemas)}

    def add(self, node: Any, hint: str, owner: str, dialect: str = dialects.DEFAULT) -> str:
        """Register a schema used by a payload, ack or binding; return its model name.

        A referenced schema keeps the name of its target; an inline one gets ``hint``.
        ``dialect``: the JSON Schema draft it is written in (a payload's ``schemaFormat``); the
        schemas it references are read in it too, unless they were registered before."""
        if is_ref(node):
            return self._add_ref(node, dialect)
        known = self._by_id.get(id(node))
        if known is not None:
            return known  # the same inline schema reached twice (one message, two operations)
        name = self._claim(hint, owner)
        self._by_id[id(node)] = name
        self._keep.append(node)
        where = owner if owner.startswith("/") else ""
        dialect = self._own_dialect(node, dialect)
        converted = self._convert(node, 0, (self.spec.root_uri, where), dialect)
        self.schemas[name] = with_dialect(converted, dialect)
        return name

    def add_converted(self, schema: Any, hint: str, owner: str) -> str:
        """Register a schema that is already plain JSON Schema (a part of a converted one)."""
        name = self._claim(hint, owner)
        self.schemas[name] = schema
        return name

    def add_component(self, uri: str, node: Any, dialect: str = dialects.DEFAULT) -> str:
        """Register a schema by the URI of its definition, as a reference to it would.

        Its dialect is its own ``$schema`` if it names a draft, else ``dialect`` (that of the
        first schema that reaches it: ``components.schemas`` are registered first, as draft-07);
        a schema reached later from another dialect keeps its first one, with a warning."""
        if is_ref(node):
            node = node.__subject__
        dialect = self._own_dialect(node, dialect)
        base, fragment = urldefrag(uri)
        name = self._by_uri.get(uri)
        if name is None:
            name = self._claim(name_for_uri(uri), uri)
            self._by_uri[uri] = name
            self._dialect[name] = dialect
            self.schemas[name] = True  # placeholder: breaks reference cycles
            converted = self._convert(node, 0, (base, unquote(fragment)), dialect)
            self.schemas[name] = with_dialect(converted, dialect)
        elif self._dialect.get(name, dialect) != dialect and name not in self._mixed:
            self._mixed.add(name)
            first, other = (dialects.NAMES.get(d, d) for d in (self._dialect[name], dialect))
            self.report.warning(
                f"schema {name!r} is read as {first}, where it is first used, also where a "
                f"{other} schema references it (give it a $schema to say which it is)",
                self.spec.location(base, unquote(fragment)),
            )
        return name

    def _add_ref(self, node: Any, dialect: str) -> str:
        return self.add_component(ref_target(node), node, dialect)

    def _own_dialect(self, node: Any, dialect: str) -> str:
        own = node.get("$schema") if isinstance(node, dict) else None
        return dialects.of_uri(own) or dialect

    def _claim(self, wanted: str, owner: str) -> str:
        """``wanted`` unless another schema owns it; else a deterministic variant, and a warning."""
        name = wanted
        if name in self._owner and self._owner[name] != owner:
            base, _ = urldefrag(owner)
            stem = naming.pascal(uri_path(base).stem) if base.startswith("file:") else ""
            candidates = [stem + wanted, wanted + "Model"] + [
                f"{wanted}{i}" for i in range(2, 1000)
            ]
            name = next(c for c in candidates if c and c not in self._owner)
            self.report.warning(
                f"two different schemas want the model name {wanted!r}; "
                f"the one at {owner} is named {name!r}",
                self.spec.root.location(""),
            )
        self._owner[name] = owner
        return name

    def _convert(self, node: Any, depth: int, where: tuple[str, str], dialect: str) -> Any:
        """A plain JSON Schema: refs replaced by ``#/definitions/<Name>``, resolver keys dropped.

        ``where`` is the (file URI, JSON pointer) of ``node``, for errors; ``dialect`` the draft
        it is read in (that of the schemas it references, when they are first registered)."""
        if depth > MAX_DEPTH:
            raise RecursionError(f"schema nested more than {MAX_DEPTH} levels deep")
        if is_ref(node):
            return {"$ref": f"#/definitions/{self._add_ref(node, dialect)}"}
        uri, ptr = where
        if isinstance(node, dict):
            out: dict[str, Any] = {}
            for key, value in node.items():
                if key in _DROP_KEYS or key.startswith("x-"):
                    continue
                if key == "discriminator" and not isinstance(value, dict):
                    continue  # AsyncAPI's string discriminator has no JSON Schema meaning
                inner = (uri, jp.child(ptr, key))
                if key in _DATA_KEYS:
                    out[key] = plain(value)
                    continue
                if key == "pattern":
                    self._check_pattern(value, inner)
                if key in _SCHEMA_MAPS and isinstance(value, dict):
                    if key == "patternProperties":
                        for pattern in value:
                            self._check_pattern(pattern, (uri, jp.child(inner[1], pattern)))
                    out[key] = {
                        data_key(k): self._convert(
                            v, depth + 1, (uri, jp.child(inner[1], k)), dialect
                        )
                        for k, v in value.items()
                    }
                    continue
                out[key] = self._convert(value, depth + 1, inner, dialect)
            if "default" in out and not _default_fits(out.get("type"), out["default"]):
                self.report.warning(
                    f"default {out['default']!r} does not match type {out['type']!r}: ignored",
                    self.spec.location(uri, jp.child(ptr, "default")),
                )
                del out["default"]
            return out
        if isinstance(node, list):
            return [
                self._convert(v, depth + 1, (uri, jp.child(ptr, i)), dialect)
                for i, v in enumerate(node)
            ]
        return node

    def _check_pattern(self, pattern: Any, where: tuple[str, str]) -> None:
        """A regular expression the generated models could not compile is an error now, not an
        ImportError later."""
        if not isinstance(pattern, str):
            return
        try:
            re.compile(pattern)
        except re.error as exc:
            self.report.error(
                f"pattern {pattern!r} is not a valid regular expression: {exc}",
                self.spec.location(*where),
            )
            return
        problem = pattern_problem(pattern)
        if problem is not None:
            severity, why = problem
            report = self.report.error if severity == "error" else self.report.warning
            report(f"pattern {pattern!r} {why}", self.spec.location(*where))


def with_dialect(schema: Any, dialect: str) -> Any:
    """A named schema with ``$schema`` at its root when its draft is not draft-07."""
    if dialect == dialects.DEFAULT:
        return schema
    if isinstance(schema, dict):
        return {"$schema": dialect, **schema}
    return {"$schema": dialect} if schema is not False else {"$schema": dialect, "not": {}}


MAX_CYCLE = 64
"""Pydantic cannot build one cycle of ~80 or more models (RecursionError at import)."""


def _refs_in(node: Any, found: set[str]) -> set[str]:
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            ref = item.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/definitions/"):
                found.add(ref[len("#/definitions/") :])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def reference_cycles(schemas: dict[str, Any]) -> list[list[str]]:
    """Groups of models that reference each other in a cycle (strongly connected components of
    two or more), largest first; iterative Tarjan, so deep graphs do not hit recursion limits."""
    graph = {
        name: sorted(_refs_in(schema, set()) & schemas.keys()) for name, schema in schemas.items()
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    groups: list[list[str]] = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, 0)]
        while work:
            node, child = work.pop()
            if child == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            for i in range(child, len(graph[node])):
                target = graph[node][i]
                if target not in index:
                    work.append((node, i + 1))
                    work.append((target, 0))
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            else:
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
    return sorted(groups, key=lambda g: (-len(g), g))
