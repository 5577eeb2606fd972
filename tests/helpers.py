"""Small helpers shared by the tests."""

from __future__ import annotations

import atexit
import importlib.util
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path
from types import ModuleType

from sio_codegen.cli.commands import main


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def run_cli(args: list[str], capsys) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def import_file(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


_MYPY_CACHE: list[str] = []


def _mypy_cache() -> str:
    """A mypy cache of this test process alone (an xdist worker runs one test at a time), made
    empty on first use and removed at exit: what every check shares (the standard library,
    pydantic, Flask-SocketIO's stubs) is analysed once, not by every run (2.4 s of a 2.7 s
    check of a golden package). A module whose source changed is checked again."""
    if not _MYPY_CACHE:
        _MYPY_CACHE.append(tempfile.mkdtemp(prefix="sio-codegen-test-mypy-"))
        atexit.register(shutil.rmtree, _MYPY_CACHE[0], ignore_errors=True)
    return _MYPY_CACHE[0]


def mypy_strict(*paths: Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", _mypy_cache(),
         "--python-version", "3.10", *map(str, paths)],
        capture_output=True, text=True, cwd=cwd, check=False,
    )  # fmt: skip


def ruff_check(package: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """ruff's default rules on a generated package, for its Python floor. UP007 aside: a
    ``RootModel[Union[...]]`` base with forward references needs ``typing.Union`` at run time."""
    return subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--isolated", "--target-version", "py310",
         "--extend-ignore", "UP007", package],
        cwd=cwd, capture_output=True, text=True, check=False,
    )  # fmt: skip
