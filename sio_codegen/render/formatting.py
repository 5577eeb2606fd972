"""Formatting every generated Python file once, with the pinned ruff: import order (and unused
imports), then format.

ruff runs isolated from any user configuration, with explicit settings, so that output depends
only on the input and the pinned versions."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

LINE_LENGTH = 100
TARGET = "py310"


class FormatError(RuntimeError):
    """ruff rejected generated code: a bug in sio-codegen, never in the user's spec."""


def format_sources(files: dict[str, str]) -> dict[str, str]:
    """Format the ``.py`` entries of ``{relative path: text}``; other entries pass through."""
    python = {path: text for path, text in files.items() if path.endswith(".py")}
    if not python:
        return dict(files)
    with tempfile.TemporaryDirectory(prefix="sio-codegen-fmt-") as tmp:
        root = Path(tmp)
        for path, text in python.items():
            target = root / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        # --no-cache: a cache in a folder about to be deleted is only time spent writing it.
        common = ["--isolated", "--no-cache", "--line-length", str(LINE_LENGTH),
                  "--target-version", TARGET]  # fmt: skip
        # Safe fixes only: import order, unused imports, pyupgrade (e.g. Union -> | where the
        # annotation is not evaluated at run time).
        fixes = ["--select", "I,F401,UP", "--fix", "--quiet", "--exit-zero"]
        _ruff(["check", *common, *fixes, "."], root)
        _ruff(["format", *common, "--quiet", "."], root)
        formatted = {path: (root / path).read_text(encoding="utf-8") for path in python}
    return {path: formatted.get(path, text) for path, text in files.items()}


def _ruff(args: list[str], cwd: Path) -> None:
    result = subprocess.run(
        [find_ruff_bin(), *args], cwd=cwd, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        output = (result.stderr + result.stdout).strip()
        raise FormatError(f"ruff {args[0]} failed on generated code: {output}")
