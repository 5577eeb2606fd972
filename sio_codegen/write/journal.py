"""Crash safety of a write: the journal that makes the renames of a regeneration all or nothing.

A regeneration first writes every new file to a temporary beside its target (``.NAME.XXXXXXXX
.tmp``) and syncs it. Then it writes the journal, the list of renames and deletions still to do,
atomically: that is the commit point. Then it renames and deletes, and removes the journal.
Killed before the commit point, the output is the old one (plus temporaries, which the next run
removes); killed after it, the next run completes the journal first, giving the new output.
The journal is read as untrusted input: each of its paths must stay inside the output folder,
and a rename must move one of our temporaries onto its target in the same folder."""

from __future__ import annotations

import json
import os
import re
import stat
from pathlib import Path
from typing import Any

from sio_codegen.diagnostics import Diagnostic, Location, SpecError
from sio_codegen.paths import confined, read_regular

JOURNAL_NAME = ".sio-codegen-journal.json"
MAX_JOURNAL_BYTES = 1 << 20
_TEMPORARY = re.compile(r"\.(?P<name>[^/]+)\.[a-z0-9_]{8}\.tmp")
"""The names tempfile.mkstemp gives our temporaries: fixed length random part, no backtracking."""


def temporary_of(name: str) -> str | None:
    """The file name a temporary stands for (``.x.py.abcd1234.tmp`` -> ``x.py``), else None."""
    found = _TEMPORARY.fullmatch(name)
    return found.group("name") if found else None


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without folder handles
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def sync_folders(folders: set[Path]) -> None:
    for folder in sorted(folders):
        _sync_folder(folder)


def commit(root: Path, renames: list[tuple[Path, Path]], removals: list[Path]) -> None:
    """Write the journal: from now on the next run completes this write."""
    import tempfile  # not at the top: the no-op check imports this module and never writes

    data = {
        "renames": [[t.relative_to(root).as_posix(), g.relative_to(root).as_posix()]
                    for t, g in renames],
        "removals": [p.relative_to(root).as_posix() for p in removals],
    }  # fmt: skip
    fd, name = tempfile.mkstemp(prefix=f".{JOURNAL_NAME}.", suffix=".tmp", dir=root)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(json.dumps(data).encode())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(name, root / JOURNAL_NAME)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    _sync_folder(root)


def pending(root: Path) -> bool:
    """Whether a write into ``root`` was interrupted after its commit point."""
    return os.path.lexists(root / JOURNAL_NAME)


def _entries(root: Path) -> tuple[list[tuple[Path, Path]], list[Path]]:
    """The renames and removals of the journal whose paths are safe; the others are dropped."""
    try:
        raw = read_regular(root / JOURNAL_NAME, MAX_JOURNAL_BYTES)
        data: Any = json.loads(raw or b"{}")
    except (OSError, ValueError):
        return [], []
    renames: list[tuple[Path, Path]] = []
    removals: list[Path] = []
    if not isinstance(data, dict):
        return [], []
    for pair in data.get("renames") or []:
        if not (isinstance(pair, list) and len(pair) == 2):
            continue
        temporary, target = confined(root, pair[0]), confined(root, pair[1])
        if temporary is None or target is None or temporary.parent != target.parent:
            continue
        if temporary_of(temporary.name) == target.name:
            renames.append((temporary, target))
    for rel in data.get("removals") or []:
        target = confined(root, rel)
        if target is not None:
            removals.append(target)
    return renames, removals


def complete(root: Path) -> list[Path]:
    """Finish an interrupted write (renames still to do, then removals) and drop the journal.
    Returns the files it removed."""
    if not pending(root):
        return []
    renames, removals = _entries(root)
    for temporary, target in renames:
        try:
            if not stat.S_ISREG(os.lstat(temporary).st_mode):
                continue
        except OSError:
            continue  # renamed before the interruption
        os.replace(temporary, target)
    removed = remove(root, removals)
    sync_folders({root} | {target.parent for _, target in renames})
    try:
        os.unlink(root / JOURNAL_NAME)
    except IsADirectoryError:
        from sio_codegen.load.source import display_path  # yaml: not for the no-op check

        where = Location(display_path(root / JOURNAL_NAME))
        message = "a folder where sio-codegen keeps its journal: remove it"
        raise SpecError([Diagnostic("error", message, where)]) from None
    return removed


def remove(root: Path, targets: list[Path]) -> list[Path]:
    """Delete these files (a symlink as a link) and the folders they leave empty, up to root."""
    removed: list[Path] = []
    for target in targets:
        if not (target.is_symlink() or target.is_file()):
            continue
        os.unlink(target)
        removed.append(target)
        folder = target.parent
        while folder != root and root in folder.parents:
            try:
                os.rmdir(folder)
            except OSError:
                break
            folder = folder.parent
    return removed


def clean_leftovers(folders: set[Path], names: set[str]) -> None:
    """Delete temporaries an interrupted run left for any of these file names."""
    for folder in sorted(folders):
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for item in entries:
            if temporary_of(item.name) in names and item.is_file(follow_symlinks=False):
                os.unlink(item.path)


def leftovers(folders: set[Path], names: set[str]) -> bool:
    """Whether any of these folders holds a temporary an interrupted run left."""
    for folder in folders:
        try:
            if any(temporary_of(n) in names for n in os.listdir(folder)):
                return True
        except OSError:
            continue
    return False
