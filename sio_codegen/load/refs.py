"""``$ref`` resolution through jsonref: local pointers, relative files, cycles; remote refs gated.

jsonref replaces every ``{"$ref": ...}`` with a lazy proxy. The proxies are kept: later stages use
them to know that a schema was referenced, and by which URI, which is how models get stable names.
"""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urldefrag, urlsplit

from sio_codegen.diagnostics import Location, Report, SpecError
from sio_codegen.load.source import SourceFile, display_path, read_source
from sio_codegen.load.unescaped import repair_local_refs


def url2pathname(pathname: str) -> str:
    """urllib.request.url2pathname (on POSIX, 3.10-3.13: unquote) without its 30 ms import."""
    if os.name == "nt":  # pragma: no cover
        from nturl2path import url2pathname as nt_url2pathname

        return nt_url2pathname(pathname)
    return unquote(pathname)


def _urlopen(*args: Any, **kwargs: Any) -> Any:
    """urllib.request.urlopen, imported when a remote ref is really fetched."""
    from urllib.request import urlopen

    return urlopen(*args, **kwargs)


def _import_jsonref() -> Any:
    """jsonref imports :mod:`requests` (and urllib3: about 45 ms, a tenth of a small run) in case
    it has to fetch HTTP refs itself, and ``urllib.request.urlopen`` (http.client, ssl, email:
    30 ms more). sio-codegen always passes its own loader, which fetches allowed remote refs
    through ``jsonref.jsonloader``; so while jsonref is imported, requests is hidden (it then
    falls back to urllib), and ``urllib.request`` is a stand-in whose ``urlopen`` imports the
    real one when called. Modules imported already are used as they are."""
    hidden: dict[str, Any] = {}
    if "requests" not in sys.modules:
        hidden["requests"] = None  # import fails: not used
    if "urllib.request" not in sys.modules:
        stand_in = types.ModuleType("urllib.request")
        stand_in.urlopen = _urlopen  # type: ignore[attr-defined]
        hidden["urllib.request"] = stand_in
    sys.modules.update(hidden)
    try:
        import jsonref
    finally:
        for name in hidden:
            del sys.modules[name]
    return jsonref


if TYPE_CHECKING:
    import jsonref
else:
    jsonref = _import_jsonref()
JsonRef = jsonref.JsonRef


class RefRefused(Exception):
    """A ``$ref`` that cannot be followed: not allowed (remote), or its file is missing."""


KEPT_REF = "\x00sio-codegen:$ref"
"""A ``$ref`` key that is no reference, renamed while jsonref resolves the document: a property
named ``$ref`` (``properties: {$ref: ...}``) and any ``$ref`` inside data (``enum``, ``const``,
``default``, ``examples``: data that merely looks like a reference). See :func:`data_key`."""
_DATA = frozenset({"enum", "const", "default", "examples", "example"})
_NAMES = frozenset({"properties", "patternProperties", "definitions", "$defs", "dependencies"})


def data_key(key: Any) -> Any:
    """A key as the document wrote it (undoes the renaming of :data:`KEPT_REF`)."""
    return "$ref" if key == KEPT_REF else key


def _keep_data_refs(node: Any, in_data: bool = False, depth: int = 0) -> None:
    """Rename, in place, the ``$ref`` keys that are not references (see :data:`KEPT_REF`)."""
    if depth > 400:
        return  # the reader bounds nesting; deeper is refused later
    if isinstance(node, list):
        for item in node:
            _keep_data_refs(item, in_data, depth + 1)
        return
    if not isinstance(node, dict):
        return
    if in_data and "$ref" in node:
        node[KEPT_REF] = node.pop("$ref")
    for key, value in list(node.items()):
        if key in _NAMES and isinstance(value, dict) and not in_data:
            if isinstance(value.get("$ref"), dict):
                value[KEPT_REF] = value.pop("$ref")
            for item in value.values():
                _keep_data_refs(item, False, depth + 1)
        else:
            _keep_data_refs(value, in_data or key in _DATA, depth + 1)


def is_ref(node: object) -> bool:
    return type(node) is JsonRef


def ref_target(node: Any) -> str:
    """The absolute URI (with fragment) a jsonref proxy points to."""
    return str(JsonRef.full_uri.fget(node))


def ref_text(node: Any) -> str:
    return str(node.__reference__.get("$ref", ""))


def uri_path(uri: str) -> Path:
    return Path(url2pathname(unquote(urlsplit(uri).path)))


@dataclass
class ResolvedSpec:
    """The root document with its references replaced by proxies, and every file that was read."""

    root: SourceFile
    data: Any
    sources: dict[str, SourceFile] = field(default_factory=dict)

    @cached_property
    def root_uri(self) -> str:
        return self.root.path.resolve().as_uri()

    def location(self, uri: str, pointer: str) -> Location:
        source = self.sources.get(urldefrag(uri)[0])
        if source is None:
            return Location(uri, pointer)
        return source.location(pointer)

    def files(self) -> list[Path]:
        return sorted(s.path for s in self.sources.values())


class _Loader:
    def __init__(
        self, spec: ResolvedSpec, allow_remote: bool, refs_root: Path, report: Report
    ) -> None:
        self.spec = spec
        self.report = report
        self.allow_remote = allow_remote
        self.refs_root = refs_root.resolve()

    def __call__(self, uri: str) -> Any:
        scheme = urlsplit(uri).scheme
        if scheme in ("http", "https"):
            if not self.allow_remote:
                raise RefRefused("remote references are refused; pass --allow-remote-refs to fetch")
            return jsonref.jsonloader(uri)
        if scheme != "file":
            raise RefRefused(f"unsupported reference scheme {scheme!r}")
        source = self.spec.sources.get(uri)
        if source is None:
            file = uri_path(uri)
            if not file.resolve().is_relative_to(self.refs_root):
                wider = Path(os.path.commonpath([self.refs_root, file.resolve().parent]))
                hint = (  # a folder that holds both, never the file system's root
                    f"--refs-root {_as_option(wider)} to allow it"
                    if wider.parent != wider
                    else "--refs-root to allow more"
                )
                raise RefRefused(
                    "it leads outside the folder references may read "
                    f"({display_path(self.refs_root)}); pass {hint}"
                )
            if not file.is_file():
                raise RefRefused(f"file not found: {display_path(file)}")
            source = read_source(file)
            _keep_data_refs(source.data)
            repair_local_refs(source, self.report)
            self.spec.sources[uri] = source
        return source.data


def _as_option(folder: Path) -> str:
    """A folder as the user would type it: ``..`` for a parent of the working directory, else
    as :func:`display_path` shows paths."""
    relative = Path(os.path.relpath(folder))
    if all(part == ".." for part in relative.parts):
        return relative.as_posix()
    return display_path(folder)


def resolve(
    path: Path, report: Report, *, allow_remote: bool = False, refs_root: Path | None = None
) -> ResolvedSpec:
    """Load ``path`` and resolve every ``$ref`` reachable from it; errors go to ``report``.

    File references must stay inside ``refs_root`` (default: the spec's folder), so that a spec
    cannot make sio-codegen read, say, ``../../etc/passwd``."""
    root = read_source(path)
    spec = ResolvedSpec(root, None)
    spec.sources[spec.root_uri] = root
    if not isinstance(root.data, dict):
        report.error(
            "expected a mapping at the top of an AsyncAPI document, "
            f"found {type(root.data).__name__}",
            root.location(""),
        )
        raise SpecError(report.errors)
    _keep_data_refs(root.data)
    repair_local_refs(root, report)
    spec.data = jsonref.replace_refs(
        root.data,
        base_uri=spec.root_uri,
        loader=_Loader(spec, allow_remote, refs_root or path.resolve().parent, report),
        jsonschema=False,
        merge_props=False,
        proxies=True,
        lazy_load=True,
    )
    _check_all_refs(spec, report)
    return spec


def walk(spec: ResolvedSpec) -> Iterator[tuple[Any, str, str]]:
    """Every container in the resolved document once, with its file URI and pointer there."""
    seen: set[int] = set()
    stack: list[tuple[Any, str, str]] = [(spec.data, spec.root_uri, "")]
    while stack:
        node, uri, ptr = stack.pop()
        if is_ref(node):
            try:
                target = node.__subject__
            except (jsonref.JsonRefError, RecursionError):
                continue
            uri, ptr = urldefrag(ref_target(node))
            ptr = unquote(ptr)
            node = target
        if not isinstance(node, (dict, list)) or id(node) in seen:
            continue
        seen.add(id(node))
        yield node, uri, ptr
        items = node.items() if isinstance(node, dict) else enumerate(node)
        children = [
            (v, uri, f"{ptr}/{str(k).replace('~', '~0').replace('/', '~1')}") for k, v in items
        ]
        stack.extend(reversed(children))


def _check_all_refs(spec: ResolvedSpec, report: Report) -> None:
    """Force every proxy once so that a dangling or refused ref is an error here, with its place.

    References that only lead to each other (a loop that never reaches a value) are one error,
    however many of them there are."""
    failed: set[str] = set()
    loop: list[tuple[str, Location]] = []
    for node, uri, ptr in walk(spec):
        items = node.items() if isinstance(node, dict) else enumerate(node)
        for key, value in items:
            if not is_ref(value):
                continue
            # Located only when wrong: a location reads the file again, for lines and columns.
            where = partial(
                spec.location, uri, f"{ptr}/{str(key).replace('~', '~0').replace('/', '~1')}"
            )
            try:
                value.__subject__  # noqa: B018 - forces the lazy load
            except RecursionError:
                loop.append((ref_text(value), where()))
            except jsonref.JsonRefError as exc:
                if "refers directly to itself" in str(exc.message):
                    loop.append((ref_text(value), where()))
                    continue
                target = ref_target(value)
                if target in failed:
                    continue  # one error per missing target, not one per use
                failed.add(target)
                cause = exc.cause
                if isinstance(cause, RefRefused) and ref_text(value).startswith("#"):
                    continue  # a local ref into a refused one: that one is reported, at its place
                if isinstance(cause, SpecError):
                    report.diagnostics.extend(cause.diagnostics)
                    continue
                reason = str(cause) if isinstance(cause, RefRefused) else _reason(exc)
                report.error(f"cannot resolve $ref {ref_text(value)!r}: {reason}", where())
    if loop:
        names = sorted({text for text, _ in loop})
        report.error(
            f"$refs that only refer to each other, never to a value: {', '.join(names)}",
            loop[0][1],
        )


def _reason(exc: jsonref.JsonRefError) -> str:
    cause = exc.cause
    if isinstance(cause, FileNotFoundError) or "No such file" in str(exc):
        return "file not found"
    if isinstance(cause, RefRefused):
        return str(cause)
    message = str(exc.message)
    if "Unresolvable JSON pointer" in message:
        return "no such location in the target document"
    return message.split(": ", 1)[-1] if message.startswith("Error while resolving") else message
