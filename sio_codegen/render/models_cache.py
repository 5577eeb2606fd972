"""A content-addressed cache of generated models modules.

The server and the client of one spec have the same models module, and most regenerations leave
the schemas as they were: the cache skips datamodel-code-generator (its import alone takes about
half a second) when the very same schemas were turned into code before, by the same versions.
It lives in ``$SIO_CODEGEN_CACHE`` or ``~/.cache/sio-codegen``; ``SIO_CODEGEN_NO_CACHE=1`` turns
it off. Entries are written atomically and named by the sha256 of everything that shapes them."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sio_codegen import __version__


def _cache_dir() -> Path | None:
    if os.environ.get("SIO_CODEGEN_NO_CACHE"):
        return None
    configured = os.environ.get("SIO_CODEGEN_CACHE")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sio-codegen" / "models"


def _generator_version() -> str:
    # Imported here: importlib.metadata costs 30 ms, and the models worker never needs it.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("datamodel-code-generator")
    except PackageNotFoundError:  # pragma: no cover
        return "unknown"


@dataclass(frozen=True)
class Entry:
    """Where the models module of one set of schemas is (or would be) kept."""

    schemas_json: str
    """The schemas as JSON, in document order (it shapes the output: field order): what the key
    hashes, and what the generator is given."""
    path: Path | None

    def read(self) -> str | None:
        if self.path is None:
            return None
        try:
            return self.path.read_text(encoding="utf-8")
        except OSError:
            return None

    def write(self, source: str) -> None:
        if self.path is None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".", suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(source)
            os.replace(tmp, self.path)
        except OSError:  # a cache that cannot be written is no error
            pass


def entry(schemas: dict[str, Any], header: str) -> Entry:
    """The cache entry of these schemas and header (its ``path`` is None with the cache off)."""
    schemas_json = json.dumps(schemas, ensure_ascii=False)
    folder = _cache_dir()
    if folder is None:
        return Entry(schemas_json, None)
    renderer = hashlib.sha256(
        Path(__file__).with_name("models_generator.py").read_bytes()
    ).hexdigest()
    key = hashlib.sha256(
        json.dumps([__version__, _generator_version(), renderer, header]).encode()
        + schemas_json.encode()
    ).hexdigest()
    return Entry(schemas_json, folder / f"{key}.py")
