"""Reading one YAML or JSON file of a spec, and mapping JSON pointers back to line and column."""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from sio_codegen import pointer as jp
from sio_codegen.diagnostics import Diagnostic, Location, SpecError
from sio_codegen.paths import NotRegularFile, read_regular

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 200
"""Nesting a document may have: deeper ones are refused before anything recurses into them."""
MAX_NODES = 2_000_000
"""Values a document may expand to: YAML aliases can make a small file enormous."""


class _Loader(_BaseLoader):  # type: ignore[misc,valid-type]
    """Safe YAML loader closer to JSON: dates stay strings (they must round-trip to JSON)."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


def display_path(path: Path) -> str:
    """A path as shown in messages: relative to the working directory when below it (``.``
    for the directory itself), else absolute."""
    absolute = Path(os.path.abspath(path))
    try:
        return absolute.relative_to(Path.cwd()).as_posix() or "."
    except ValueError:
        return str(absolute)


class _TooLarge(Exception):
    pass


def _stringify_keys(node: Any) -> Any:
    """A JSON-like copy: YAML's non-string keys (``200:``, ``true:``) become strings. Counts the
    values it copies, so an alias bomb stops at :data:`MAX_NODES` instead of eating memory."""
    budget = [MAX_NODES]

    def copy(value: Any, depth: int) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise _TooLarge
        if depth > MAX_DEPTH:
            raise RecursionError
        if isinstance(value, dict):
            return {
                k if isinstance(k, str) else str(k): copy(v, depth + 1) for k, v in value.items()
            }
        if isinstance(value, list):
            return [copy(v, depth + 1) for v in value]
        return value

    return copy(node, 0)


@dataclass
class SourceFile:
    """One parsed file: its path, text and data, with lazy pointer -> position lookup."""

    path: Path
    text: str
    data: Any
    _positions: dict[str, tuple[int, int]] | None = field(default=None, repr=False)

    @property
    def display(self) -> str:
        return display_path(self.path)

    def location(self, pointer: str) -> Location:
        line, col = self.position(pointer)
        return Location(self.display, pointer, line, col)

    def position(self, pointer: str) -> tuple[int, int]:
        """The 1-based line and column of the value at ``pointer`` (or of its nearest parent)."""
        if self._positions is None:
            self._positions = _index_positions(self.text)
        parts = jp.split(pointer)
        while parts:
            found = self._positions.get(jp.join(parts))
            if found:
                return found
            parts.pop()
        return self._positions.get("", (1, 1))


def _index_positions(text: str) -> dict[str, tuple[int, int]]:
    """Map every JSON pointer of a document to where its value (or key) starts."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError:
        return {}
    positions: dict[str, tuple[int, int]] = {}
    stack: list[tuple[yaml.Node, str]] = [(root, "")] if root is not None else []
    while stack:
        node, ptr = stack.pop()
        positions.setdefault(ptr, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, yaml.MappingNode):
            for key_node, value_node in node.value:
                child = jp.child(ptr, str(key_node.value))
                # Point at the key: that is the line a reader looks for.
                positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                stack.append((value_node, child))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                stack.append((item, jp.child(ptr, index)))
    return positions


def _fail(path: Path, message: str, line: int | None = None, col: int | None = None) -> SpecError:
    return SpecError([Diagnostic("error", message, Location(display_path(path), "", line, col))])


def read_source(path: Path) -> SourceFile:
    """Read and parse a YAML or JSON file; raise SpecError with the position of any syntax error."""
    not_a_file = "not a regular file (a FIFO, device or socket?): expected a YAML or JSON document"
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(info.st_mode):
            raise _fail(path, not_a_file)
        if info.st_size > MAX_FILE_BYTES:
            raise _fail(path, f"file is {info.st_size} bytes; the limit is {MAX_FILE_BYTES}")
        # Never blocks, never reads past the limit, even if the file changed since the stat.
        raw = read_regular(path, MAX_FILE_BYTES, follow=True)
        if raw is None:
            raise FileNotFoundError
    except FileNotFoundError:
        raise _fail(path, "file not found") from None
    except IsADirectoryError:
        raise _fail(path, "is a directory, not a spec file") from None
    except NotRegularFile:
        raise _fail(path, not_a_file) from None
    except OSError as exc:
        raise _fail(path, f"cannot read file: {exc.strerror}") from None
    if b"\x00" in raw:
        raise _fail(path, "binary file: expected a YAML or JSON document", 1, 1)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _fail(path, "file is not valid UTF-8 text", line, 1) from None
    if not text.strip():
        raise _fail(path, "empty file: expected a YAML or JSON document", 1, 1)
    return SourceFile(path, text, _parse(path, text))


_CLOSERS = {"}": "object", "]": "array"}


def _trailing_comma(exc: json.JSONDecodeError) -> json.JSONDecodeError:
    """Python 3.13's json names a trailing comma, at the comma; older ones say what they expected
    after it, at the bracket. The same error on every Python: the 3.13 one."""
    doc, pos = exc.doc, exc.pos
    if pos >= len(doc) or doc[pos] not in _CLOSERS or exc.msg.startswith("Illegal"):
        return exc
    comma = len(doc[:pos].rstrip(" \t\n\r")) - 1
    if comma < 0 or doc[comma] != ",":
        return exc
    kind = _CLOSERS[doc[pos]]
    return json.JSONDecodeError(f"Illegal trailing comma before end of {kind}", doc, comma)


def _parse(path: Path, text: str) -> Any:
    too_deep = f"nested more than {MAX_DEPTH} levels deep"
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            exc = _trailing_comma(exc)
            raise _fail(path, f"invalid JSON: {exc.msg}", exc.lineno, exc.colno) from None
        except RecursionError:
            raise _fail(path, too_deep, 1, 1) from None
    else:
        try:
            data = yaml.load(text, Loader=_Loader)  # a SafeLoader: no arbitrary objects
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = exc.problem or exc.context or "syntax error"
            if mark is None:
                raise _fail(path, f"invalid YAML: {problem}") from None
            line, col = mark.line + 1, mark.column + 1
            raise _fail(path, f"invalid YAML: {problem}", line, col) from None
        except yaml.YAMLError as exc:
            raise _fail(path, f"invalid YAML: {exc}") from None
        except RecursionError:
            raise _fail(path, too_deep, 1, 1) from None
    try:
        return _stringify_keys(data)
    except _TooLarge:
        message = f"document expands to more than {MAX_NODES} values (YAML aliases?)"
        raise _fail(path, message, 1, 1) from None
    except RecursionError:
        raise _fail(path, too_deep, 1, 1) from None
