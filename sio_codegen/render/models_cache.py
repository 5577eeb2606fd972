"""A content-addressed cache of generated models modules.

The server and the client of one spec have the same models module, and most regenerations leave
the schemas as they were: the cache skips datamodel-code-generator (its import alone takes about
half a second) when the very same schemas were turned into code before, by the same versions.
It lives in ``$SIO_CODEGEN_CACHE`` or ``~/.cache/sio-codegen``; ``SIO_CODEGEN_NO_CACHE=1`` turns
it off. Entries are written atomically and named by the sha256 of everything that shapes them.

A cache is untrusted input: its folder is created private to the user (0700), an entry stores
its key and the sha256 of its module, and is used only when all of that checks out (see
:meth:`Entry.read`); anything else is ignored and regenerated."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sio_codegen import __version__
from sio_codegen.paths import read_regular

_log = logging.getLogger("sio_codegen.models_cache")
MAX_ENTRY_BYTES = 64 * 1024 * 1024


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
        """The cached module, if the entry passes every check: the folder is the user's and
        private, the file is the user's, a regular file nobody else may write, and the sha256
        stored with the module matches it. A failing entry is ignored (logged at debug level)
        and replaced by the next write."""
        if self.path is None or not _private_folder(self.path.parent, create=False):
            return None
        try:
            info = os.lstat(self.path)
            if not _trusted(info) or not stat.S_ISREG(info.st_mode):
                _log.debug("models cache: %s is not a private regular file: ignored", self.path)
                return None
            data = json.loads(read_regular(self.path, MAX_ENTRY_BYTES) or b"null")
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            _log.debug("models cache: %s cannot be read (%s): ignored", self.path, exc)
            return None
        source = data.get("source") if isinstance(data, dict) else None
        if (
            not isinstance(source, str)
            or data.get("key") != self.path.stem
            or data.get("sha256") != hashlib.sha256(source.encode()).hexdigest()
        ):
            _log.debug("models cache: %s fails its checksum: ignored", self.path)
            return None
        return source

    def write(self, source: str) -> None:
        if self.path is None:
            return
        data = {
            "key": self.path.stem,
            "sha256": hashlib.sha256(source.encode()).hexdigest(),
            "source": source,
        }
        try:
            if not _private_folder(self.path.parent, create=True):
                return
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as handle:
                    json.dump(data, handle)
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:  # a cache that cannot be written is no error
            _log.debug("models cache: cannot write %s: %s", self.path, exc)


def _trusted(info: os.stat_result) -> bool:
    """Owned by this user, and nobody else may write it."""
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return owner_ok and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _private_folder(folder: Path, *, create: bool) -> bool:
    """Whether the cache folder may be used: created 0700 (its missing parents too), or
    already there, the user's and writable by nobody else (else ignored, logged at debug)."""
    if create:
        missing = [p for p in [folder, *folder.parents] if not os.path.lexists(p)]
        for path in reversed(missing):
            with contextlib.suppress(FileExistsError):
                path.mkdir(mode=0o700)
    try:
        info = os.stat(folder)  # a symlinked cache folder is fine if where it leads is
    except OSError:
        return False
    if stat.S_ISDIR(info.st_mode) and _trusted(info):
        return True
    _log.debug("models cache: %s is not a folder of this user only: cache not used", folder)
    return False


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
    return Entry(schemas_json, folder / f"{key}.json")
