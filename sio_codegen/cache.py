"""sio-codegen's cache folder, and sealed entries in it.

It lives in ``$SIO_CODEGEN_CACHE``, else ``$XDG_CACHE_HOME/sio-codegen``, else
``~/.cache/sio-codegen``; ``SIO_CODEGEN_NO_CACHE=1`` turns it off, and deleting it is always safe.
Entries are named by the sha256 of everything that shapes them, written atomically, and
untrusted when read (anyone may have written that folder): an entry counts only when its first
line is the sha256 of its name and the rest of it (:func:`read_sealed`), so that an edited,
truncated or renamed entry is a miss. Nothing read from the cache is ever executed or
unpickled: entries are text."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

_SEAL = "# sio-codegen cache sha256:"


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


def read_sealed(path: Path) -> str | None:
    """The text of the entry at ``path`` (named ``<key>.<suffix>``) if its seal holds."""
    try:
        sealed = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    seal, _, text = sealed.partition("\n")
    return text if seal == _seal(path.name.split(".")[0], text) else None


def write_sealed(path: Path, text: str) -> None:
    write_atomically(path, _seal(path.name.split(".")[0], text) + "\n" + text)


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file; a cache that cannot be written is no
    error."""
    import tempfile  # 5 ms of imports that a cache hit never needs

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError:
        pass
