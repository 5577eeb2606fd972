"""The manifest of a generated package: what was generated from which inputs.

It lets a regeneration delete generated files that no longer belong, and skip all work when
nothing changed: the hash of the spec's files, the options and the sio-codegen version decides.
Paths of inputs are relative to the main spec's folder, so the manifest is the same on every
machine."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import Any

from sio_codegen import __version__
from sio_codegen.paths import confined, is_inside, read_regular

MANIFEST_NAME = "sio-codegen-manifest.json"
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
MAX_FILE_BYTES = 32 * 1024 * 1024
"""As sio_codegen.load.source.MAX_FILE_BYTES (not imported: this module must stay light)."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Manifest:
    command: str
    options: dict[str, Any]
    inputs: dict[str, str]
    """Spec files, relative to the main spec's folder -> sha256 of their bytes."""
    files: dict[str, str] = field(default_factory=dict)
    """Generated files, relative to the output folder -> sha256."""
    user_files: list[str] = field(default_factory=list)
    generator: str = f"sio-codegen {__version__}"

    def text(self) -> str:
        data = {
            "generator": self.generator,
            "command": self.command,
            "options": self.options,
            "inputs": dict(sorted(self.inputs.items())),
            "files": dict(sorted(self.files.items())),
            "user_files": sorted(self.user_files),
        }
        return json.dumps(data, indent=2, sort_keys=False) + "\n"

    @classmethod
    def read(cls, path: Path) -> Manifest | None:
        """The manifest at ``path``; None when there is none, or no valid one (a manifest is
        untrusted: read only if a regular file within the size limit, every field typed)."""
        try:
            raw = read_regular(path, MAX_MANIFEST_BYTES)
            data = json.loads(raw) if raw is not None else None
        except (OSError, ValueError):
            return None
        if not isinstance(data, dict):
            return None
        inputs, files = data.get("inputs"), data.get("files")
        user_files, options = data.get("user_files", []), data.get("options")
        if not (_str_map(inputs) and _str_map(files) and isinstance(options, dict)):
            return None
        assert isinstance(inputs, dict) and isinstance(files, dict)
        if not (isinstance(user_files, list) and all(isinstance(u, str) for u in user_files)):
            return None
        command, generator = data.get("command"), data.get("generator")
        if not (isinstance(command, str) and isinstance(generator, str)):
            return None
        return cls(command, options, dict(inputs), dict(files), list(user_files), generator)


def _str_map(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    )


def spec_inputs(spec_root: Path, files: list[Path]) -> dict[str, str]:
    """Every spec file by its path relative to the main spec's folder, with its sha256."""
    base = spec_root.resolve().parent
    return {
        Path(os.path.relpath(f.resolve(), base)).as_posix(): sha256(f.read_bytes()) for f in files
    }


def _input_digest(base: Path, refs_root: Path, rel: str) -> str | None:
    """The sha256 of an input the manifest lists: only a regular file inside the refs root,
    within the size limit, is read."""
    if PurePosixPath(rel).is_absolute() or PureWindowsPath(rel).anchor or "\x00" in rel:
        return None
    path = base / rel
    if not is_inside(path, refs_root):
        return None
    try:
        data = read_regular(path.resolve(), MAX_FILE_BYTES)
    except OSError:
        return None
    return sha256(data) if data is not None else None


def _file_digest(output_root: Path, rel: str) -> str | None:
    path = confined(output_root, rel)
    try:
        data = read_regular(path, MAX_FILE_BYTES) if path is not None else None
    except OSError:
        return None
    return sha256(data) if data is not None else None


def is_up_to_date(
    manifest: Manifest | None,
    spec: Path,
    output_root: Path,
    command: str,
    options: dict[str, Any],
    refs_root: Path | None = None,
) -> bool:
    """True when the last run used the same sio-codegen, options and spec files (same bytes),
    and every file it generated is still as it wrote it. Costs a few hashes, no parsing.
    Inputs are looked for only inside ``refs_root`` (default: the spec's folder), generated
    files only inside ``output_root``: a path leading elsewhere means not up to date."""
    if manifest is None or manifest.generator != f"sio-codegen {__version__}":
        return False
    if manifest.command != command or manifest.options != options:
        return False
    base = spec.resolve().parent
    if spec.name not in manifest.inputs:
        return False
    for rel, digest in manifest.inputs.items():
        if _input_digest(base, refs_root or base, rel) != digest:
            return False
    for rel, digest in manifest.files.items():
        if _file_digest(output_root, rel) != digest:
            return False
    for rel in manifest.user_files:
        path = confined(output_root, rel)
        if path is None or not os.path.lexists(path):
            return False
    return True
