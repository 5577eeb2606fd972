"""sio-codegen's cache folder, and sealed entries in it.

It lives in ``$SIO_CODEGEN_CACHE``, else ``$XDG_CACHE_HOME/sio-codegen``, else
``~/.cache/sio-codegen``; ``SIO_CODEGEN_NO_CACHE=1`` turns it off, and deleting it is always safe.
Entries are named by the sha256 of everything that shapes them, written atomically, and
untrusted when read: the cache's folders are created private to the user (0700); an entry is
read only from such a folder (the user's, writable by nobody else, the cache's root too), only
when it is a regular file of the user's that nobody else may write, within a size limit, and
counts only when its first line is the sha256 of its name and the rest of it
(:func:`read_sealed`), so that an edited, truncated or renamed entry is a miss. A failing entry
is ignored (logged at debug level) and replaced by the next write. Nothing read from the cache
is ever executed or unpickled: entries are text."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import stat
from pathlib import Path

from sio_codegen.paths import read_regular

_SEAL = "# sio-codegen cache sha256:"
MAX_ENTRY_BYTES = 64 * 1024 * 1024
_log = logging.getLogger("sio_codegen.cache")


def cache_dir(kind: str) -> Path | None:
    """The folder of one kind of entry (``models``, ``valid``...); None with the cache off."""
    if os.environ.get("SIO_CODEGEN_NO_CACHE"):
        return None
    configured = os.environ.get("SIO_CODEGEN_CACHE")
    if configured:
        root = Path(configured)
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        root = Path(base) / "sio-codegen"
    return root / kind


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _seal(key: str, text: str) -> str:
    return _SEAL + sha256((key + "\n" + text).encode())


def read_trusted(path: Path) -> str | None:
    """The text of the cache file at ``path`` if it may be trusted this far: its folder and the
    cache's root are the user's and private, it is a regular file of the user's that nobody
    else may write, within the size limit; else None (logged at debug level)."""
    if not (_private_folder(path.parent) and _private_folder(path.parent.parent)):
        return None
    try:
        info = os.lstat(path)
        if not _trusted(info) or not stat.S_ISREG(info.st_mode):
            _log.debug("cache: %s is not a private regular file: ignored", path)
            return None
        data = read_regular(path, MAX_ENTRY_BYTES)
        return None if data is None else data.decode("utf-8")
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as exc:
        _log.debug("cache: %s cannot be read (%s): ignored", path, exc)
        return None


def read_sealed(path: Path) -> str | None:
    """The text of the entry at ``path`` (named ``<key>.<suffix>``) if it is trusted
    (:func:`read_trusted`) and its seal holds."""
    sealed = read_trusted(path)
    if sealed is None:
        return None
    seal, _, text = sealed.partition("\n")
    if seal != _seal(path.name.split(".")[0], text):
        _log.debug("cache: %s fails its seal: ignored", path)
        return None
    return text


def write_sealed(path: Path, text: str) -> None:
    write_atomically(path, _seal(path.name.split(".")[0], text) + "\n" + text)


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file; a cache that cannot be written is no
    error."""
    import tempfile  # 5 ms of imports that a cache hit never needs

    try:
        if not _private_folder(path.parent, create=True):
            return
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        _log.debug("cache: cannot write %s: %s", path, exc)


def _trusted(info: os.stat_result) -> bool:
    """Owned by this user, and nobody else may write it."""
    owner_ok = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return owner_ok and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _private_folder(folder: Path, *, create: bool = False) -> bool:
    """Whether a cache folder may be used: created 0700 (its missing parents too), or already
    there, the user's and writable by nobody else (a symlink to such a folder is fine)."""
    if create:
        missing = [p for p in [folder, *folder.parents] if not os.path.lexists(p)]
        for path in reversed(missing):
            with contextlib.suppress(FileExistsError):
                path.mkdir(mode=0o700)
    try:
        info = os.stat(folder)
    except OSError:
        return False
    if stat.S_ISDIR(info.st_mode) and _trusted(info):
        return True
    _log.debug("cache: %s is not a folder of this user only: not used", folder)
    return False
