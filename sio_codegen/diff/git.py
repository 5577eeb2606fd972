"""``--base REV:PATH``: a spec as it was in a git revision, copied into a temporary folder.

git runs with fixed argument lists (no shell); the revision must name a commit. The spec's
folder in that revision is copied (its ``.yaml``, ``.yml`` and ``.json`` files), so that the
references it makes to other files resolve in the same revision; one that leaves that folder
is refused, as for any spec. Nothing is written outside the temporary folder.
"""

from __future__ import annotations

import posixpath
import subprocess
from pathlib import Path

SPEC_SUFFIXES = (".yaml", ".yml", ".json")
MAX_BYTES = 64 * 1024 * 1024
TIMEOUT = 120


class RevisionError(Exception):
    """The revision or the path cannot be read; the message says why."""


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    try:
        done = subprocess.run(
            ["git", *args], cwd=cwd, input=stdin, capture_output=True, timeout=TIMEOUT,
            check=False,
        )  # fmt: skip
    except FileNotFoundError:
        raise RevisionError("git is not installed") from None
    except subprocess.TimeoutExpired:
        raise RevisionError(f"git {args[0]} took more than {TIMEOUT} s") from None
    if done.returncode != 0:
        message = done.stderr.decode(errors="replace").strip().splitlines()
        raise RevisionError(message[-1] if message else f"git {args[0]} failed")
    return done.stdout


def split_base(base: str) -> tuple[str, str]:
    rev, sep, path = base.partition(":")
    if not sep or not rev or not path:
        raise RevisionError("expected REV:PATH, e.g. origin/main:asyncapi.yaml")
    if rev.startswith("-"):
        raise RevisionError(f"{rev!r} is not a revision")
    return rev, path


def checkout_spec(base: str, into: Path, cwd: Path | None = None) -> Path:
    """Copy the spec ``REV:PATH`` names and its folder's spec files into ``into``; the copied
    spec's path. ``PATH`` is read as git reads it: from the repository's top, or from the
    current folder when it starts with ``./`` or ``../``."""
    rev, path = split_base(base)
    here = cwd or Path.cwd()
    try:
        prefix = _git(["rev-parse", "--show-prefix"], here).decode().strip()
    except RevisionError as exc:
        raise RevisionError(f"not in a git repository ({exc})") from None
    try:
        commit = _git(["rev-parse", "--verify", "--quiet", f"{rev}^{{commit}}"], here).decode()
    except RevisionError:
        raise RevisionError(f"no commit {rev!r} in this repository") from None
    relative = prefix + path if path.startswith(("./", "../")) else path
    relative = posixpath.normpath(relative)
    if relative.startswith(("../", "/")) or relative in ("..", "."):
        raise RevisionError(f"{path!r} is outside the repository")
    folder = posixpath.dirname(relative)
    listing = _git(
        ["ls-tree", "-r", "-z", "-l", "--full-tree", commit.strip(), "--", folder or "."], here
    )
    blobs: dict[str, str] = {}
    total = 0
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, name_bytes = entry.partition(b"\t")
        mode, kind, sha, size = meta.decode().split()
        name = name_bytes.decode("utf-8", errors="surrogateescape")
        if kind == "blob" and mode in ("100644", "100755") and name.lower().endswith(SPEC_SUFFIXES):
            blobs[name] = sha
            total += int(size)
    if total > MAX_BYTES:
        raise RevisionError(f"{folder or 'the top folder'} holds more than {MAX_BYTES} bytes of "
                            f"specs in {rev}")  # fmt: skip
    if relative not in blobs:
        raise RevisionError(f"no file {relative!r} in {rev}")
    contents = _read_blobs(list(blobs.values()), here)
    for name, sha in blobs.items():
        parts = name.split("/")
        if any(p in ("", ".", "..") for p in parts):
            continue
        target = into.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(contents[sha])
    return into.joinpath(*relative.split("/"))


def _read_blobs(shas: list[str], cwd: Path) -> dict[str, bytes]:
    """Every blob's bytes, through one ``git cat-file --batch``."""
    unique = sorted(set(shas))
    out = _git(["cat-file", "--batch"], cwd, stdin="".join(s + "\n" for s in unique).encode())
    result: dict[str, bytes] = {}
    offset = 0
    for sha in unique:
        end = out.index(b"\n", offset)
        header = out[offset:end].decode().split()
        if len(header) != 3 or header[0] != sha or header[1] != "blob":
            raise RevisionError(f"git cat-file answered {' '.join(header)!r} for {sha}")
        size = int(header[2])
        result[sha] = out[end + 1 : end + 1 + size]
        offset = end + 1 + size + 1
    return result
