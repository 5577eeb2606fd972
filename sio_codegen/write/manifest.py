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
from pathlib import Path
from typing import Any

from sio_codegen import __version__

MANIFEST_NAME = "sio-codegen-manifest.json"


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
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                command=str(data["command"]),
                options=dict(data["options"]),
                inputs=dict(data["inputs"]),
                files=dict(data["files"]),
                user_files=list(data.get("user_files", [])),
                generator=str(data["generator"]),
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None


def spec_inputs(spec_root: Path, files: list[Path]) -> dict[str, str]:
    """Every spec file by its path relative to the main spec's folder, with its sha256."""
    base = spec_root.resolve().parent
    return {
        Path(os.path.relpath(f.resolve(), base)).as_posix(): sha256(f.read_bytes()) for f in files
    }


def is_up_to_date(
    manifest: Manifest | None, spec: Path, output_root: Path, command: str, options: dict[str, Any]
) -> bool:
    """True when the last run used the same sio-codegen, options and spec files (same bytes),
    and every file it generated is still as it wrote it. Costs a few hashes, no parsing."""
    if manifest is None or manifest.generator != f"sio-codegen {__version__}":
        return False
    if manifest.command != command or manifest.options != options:
        return False
    base = spec.resolve().parent
    if spec.name not in manifest.inputs:
        return False
    for rel, digest in manifest.inputs.items():
        try:
            if sha256((base / rel).read_bytes()) != digest:
                return False
        except OSError:
            return False
    for rel, digest in manifest.files.items():
        try:
            if sha256((output_root / rel).read_bytes()) != digest:
                return False
        except OSError:
            return False
    return all((output_root / rel).exists() for rel in manifest.user_files)
