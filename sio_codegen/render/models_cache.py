"""A content-addressed cache of formatted models modules (see sio_codegen.cache).

The server and the client of one spec have the same models module, and most regenerations leave
the schemas as they were: the cache skips datamodel-code-generator (its import alone takes about
half a second) and the formatting when the very same schemas were turned into code before, by
the same versions. A spec's *hint* (``specs/``) says which entry its models were last in, so
that a command can tell, before loading the spec, that it will need no model generator; a wrong
hint costs time, never correctness: the entry itself is looked up by its key."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sio_codegen import __version__
from sio_codegen.cache import (
    cache_dir,
    read_sealed,
    read_trusted,
    sha256,
    write_atomically,
    write_sealed,
)
from sio_codegen.paths import confined, read_regular

MAX_FILE_BYTES = 32 * 1024 * 1024
"""As load.source.MAX_FILE_BYTES: no spec file is larger (not imported: yaml comes with it)."""
_HERE = Path(__file__).parent


def _installed_version(module: str) -> str:
    """The version of the installed distribution of ``module`` (named alike, as
    datamodel_code_generator and ruff are), from the name of the ``.dist-info`` folder beside
    it: importlib.metadata takes 30 ms to say the same, a third of a cached run."""
    for folder in [entry or "." for entry in sys.path]:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        if module not in names:
            continue
        prefix = f"{module}-"
        for name in names:
            if name.startswith(prefix) and name.endswith(".dist-info"):
                return name[len(prefix) : -len(".dist-info")]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(module)
    except PackageNotFoundError:  # pragma: no cover
        return "unknown"


@dataclass(frozen=True)
class Entry:
    """Where the models module of one set of schemas is (or would be) kept."""

    schemas_json: str
    """The schemas as JSON, in document order (it shapes the output: field order): what the key
    hashes, and what the generator is given."""
    path: Path | None

    @property
    def key(self) -> str:
        return self.path.stem if self.path is not None else ""

    def read(self) -> str | None:
        """The cached module, if there is one and its seal holds."""
        return read_sealed(self.path) if self.path is not None else None

    def write(self, source: str) -> None:
        if self.path is not None:
            write_sealed(self.path, source)

    def remember(self, spec: Path, inputs: dict[str, str]) -> None:
        """Note that the models of ``spec`` (whose files, relative to its folder, have these
        sha256) are in this entry: see :func:`probably_cached`."""
        hint = _hint_path(spec)
        if hint is None or self.path is None:
            return
        text = json.dumps({"entry": self.key, "inputs": inputs}, sort_keys=True)
        try:
            if read_trusted(hint) == text:
                return
        except (OSError, UnicodeDecodeError):
            pass
        write_atomically(hint, text)


def _hint_path(spec: Path) -> Path | None:
    folder = cache_dir("specs")
    if folder is None:
        return None
    return folder / f"{sha256(str(spec.resolve()).encode())}.json"


def probably_cached(spec: Path) -> bool:
    """Whether the models of ``spec`` are likely in the cache, without parsing it: its hint
    names an entry that exists, and every file the spec was made of then is still the same."""
    hint = _hint_path(spec)
    if hint is None:
        return False
    try:
        data = json.loads(read_trusted(hint) or "null")
        entry, inputs = data["entry"], data["inputs"]
        if not isinstance(entry, str) or not entry.isalnum() or not isinstance(inputs, dict):
            return False
        base = spec.resolve().parent
        for rel, digest in inputs.items():
            # A hint is untrusted: only regular files of a spec's size in the spec's folder
            # (a hint may name ../../etc/passwd, a device, a FIFO, anything).
            file = confined(base, rel)
            data = None if file is None else read_regular(file, MAX_FILE_BYTES, follow=True)
            if data is None or sha256(data) != digest:
                return False
        models = cache_dir("models")
        return bool(inputs) and models is not None and (models / f"{entry}.py").is_file()
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return False


def _shaping_files() -> bytes:
    """The code that shapes a cached module besides the pinned tools: the generator's call and
    its post-processing, and the formatting."""
    names = ("models_generator.py", "formatting.py")
    return b"".join((_HERE / name).read_bytes() for name in names)


def entry(schemas: dict[str, Any], header: str) -> Entry:
    """The cache entry of these schemas and header (its ``path`` is None with the cache off)."""
    schemas_json = json.dumps(schemas, ensure_ascii=False)
    folder = cache_dir("models")
    if folder is None:
        return Entry(schemas_json, None)
    versions = [
        __version__,
        _installed_version("datamodel_code_generator"),
        _installed_version("ruff"),
        sha256(_shaping_files()),
        header,
    ]
    key = sha256(json.dumps(versions).encode() + schemas_json.encode())
    return Entry(schemas_json, folder / f"{key}.py")
