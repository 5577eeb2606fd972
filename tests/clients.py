"""Generate a client package into a folder and import it for a test."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

from sio_codegen.cli.commands import main as cli_main


def generate_client(spec: Path, root: Path, package: str) -> Path:
    assert cli_main(["client", str(spec), "-o", str(root / package), "--quiet"]) == 0
    return root / package


def import_client(root: Path, package: str) -> ModuleType:
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    for name in [m for m in sys.modules if m == package or m.startswith(package + ".")]:
        del sys.modules[name]
    return importlib.import_module(package)
