"""Writing generated files atomically: a temporary file beside the target, then ``os.replace``.

A file whose content is unchanged is not touched (same bytes, same mtime)."""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class WriteResult:
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    """User-owned files that already existed and were left alone."""


def write_atomic(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` unless it already holds exactly that; True when written."""
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def write_tree(root: Path, generated: dict[str, str], user_owned: dict[str, str]) -> WriteResult:
    """Write generated files (always) and user-owned ones (only when missing) below ``root``."""
    result = WriteResult()
    for rel, text in sorted(generated.items()):
        path = root / rel
        (result.written if write_atomic(path, text) else result.unchanged).append(path)
    for rel, text in sorted(user_owned.items()):
        path = root / rel
        if path.exists():
            result.skipped.append(path)
        else:
            write_atomic(path, text)
            result.written.append(path)
    return result
