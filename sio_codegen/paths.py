"""Paths read from untrusted places (a manifest, a journal, a spec's $refs) and files that may
not be files; shared by the load, render and write stages.

A manifest is usually committed, so anyone with commit access writes it: every path it names is
confined to its folder before anything is read, hashed or deleted there. Reading never follows
a final symlink, never blocks on a FIFO or a device, and stops at a size limit."""

from __future__ import annotations

import os
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath


class NotRegularFile(OSError):
    """The path exists but is no regular file (a symlink, FIFO, device, folder) or is too big."""


def is_inside(path: Path, root: Path) -> bool:
    """Whether ``path`` (resolved: symlinked folders followed) is ``root`` or below it."""
    resolved_root = root.resolve()
    resolved = path.resolve()
    return resolved == resolved_root or resolved_root in resolved.parents


def confined(root: Path, rel: object) -> Path | None:
    """``root / rel`` when ``rel`` is a plain relative POSIX path whose folder stays inside
    ``root`` (no absolute path, no ``..``, no symlinked folder leading out); else None.
    The last part may be a symlink: it is removed or replaced as a link, never followed."""
    if not isinstance(rel, str) or not rel or "\x00" in rel or "\\" in rel:
        return None
    posix = PurePosixPath(rel)
    if posix.is_absolute() or PureWindowsPath(rel).anchor or posix.as_posix() != rel:
        return None
    if any(part in ("..", ".") for part in posix.parts):
        return None
    target = root / rel
    return target if is_inside(target.parent, root) else None


def read_regular(path: Path, limit: int, *, follow: bool = False) -> bytes | None:
    """The bytes of a regular file, None when nothing is there. Raises NotRegularFile for a
    FIFO, device or folder (never opened for reading, so never blocks), for a symlink unless
    ``follow``, and for a file over ``limit`` bytes; OSError for other failures."""
    flags = os.O_RDONLY
    for name in ("O_NONBLOCK", "O_CLOEXEC", "O_BINARY", *([] if follow else ["O_NOFOLLOW"])):
        flags |= getattr(os, name, 0)
    try:
        before = os.stat(path) if follow else os.lstat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    if not stat.S_ISREG(before.st_mode):
        raise NotRegularFile(f"{path}: not a regular file")
    try:
        fd = os.open(path, flags)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:  # ELOOP: swapped for a symlink since the lstat
        raise NotRegularFile(f"{path}: {exc.strerror}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegularFile(f"{path}: not a regular file")
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(fd, min(1 << 20, limit + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                raise NotRegularFile(f"{path}: more than {limit} bytes")
        return b"".join(chunks)
    finally:
        os.close(fd)


def umask() -> int:
    """The process umask: from /proc where Linux shows it, else by setting and restoring it."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    current = os.umask(0o022)
    os.umask(current)
    return current


def mode_for(target: Path) -> int:
    """The permission bits a file written at ``target`` gets: those of the regular file already
    there, else what the umask gives a new file (0644 under umask 022)."""
    try:
        existing = os.lstat(target)
    except OSError:
        existing = None
    if existing is not None and stat.S_ISREG(existing.st_mode):
        return stat.S_IMODE(existing.st_mode)
    return 0o666 & ~umask()
