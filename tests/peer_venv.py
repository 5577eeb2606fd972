"""A virtualenv of its own for tests that need a peer library (SIO-AsyncAPI), made once per
pinned set of requirements and kept in a cache folder, so reruns take no install.

It holds the peer's pins (``bench/peers/requirements-*.txt``, the same the benchmark peers
install, through pip's configured index: the local mirror offline) and sio-codegen's own
dependencies (from pyproject.toml), so that ``python -m sio_codegen`` runs in it from this
checkout (``PYTHONPATH``: never installed there, never stale). The folder is keyed by a hash of
both lists and of the base Python's version; it is built beside its final place and renamed
into it when complete, so concurrent test workers never see half of one.

The cache folder: ``$SIO_CODEGEN_TEST_VENVS``, else ``$XDG_CACHE_HOME/sio-codegen-tests``
(``~/.cache/sio-codegen-tests``).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PEERS = ROOT / "bench" / "peers"


def cache_folder() -> Path:
    given = os.environ.get("SIO_CODEGEN_TEST_VENVS")
    if given:
        return Path(given)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "sio-codegen-tests"


def base_python() -> str:
    """This Python when the peer installs on it, else the newest older one on PATH
    (SIO-AsyncAPI 1.0.0 requires Python < 3.13); a skip (a failure in CI) without one."""
    if sys.version_info < (3, 13):
        return sys.executable
    for version in ("3.12", "3.11", "3.10"):
        found = shutil.which(f"python{version}")
        if found and subprocess.run([found, "-c", "pass"], capture_output=True).returncode == 0:
            return found
    reason = "SIO-AsyncAPI 1.0.0 needs Python 3.10-3.12 on PATH (it requires < 3.13)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def own_dependencies() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return list(project["dependencies"])


def peer_python(requirements: str) -> Path:
    """The interpreter of the cached virtualenv with ``bench/peers/<requirements>`` installed
    (made now if missing)."""
    python = base_python()
    version = subprocess.run(
        [python, "-c", "import sys; print(sys.version)"], capture_output=True, text=True,
        check=True,
    ).stdout  # fmt: skip
    pins = (PEERS / requirements).read_text(encoding="utf-8")
    ours = own_dependencies()
    key = hashlib.sha256("\n".join([version, pins, *ours]).encode()).hexdigest()[:16]
    folder = cache_folder() / f"{Path(requirements).stem}-{key}"
    if (folder / "complete").exists():
        return folder / "bin" / "python"
    folder.parent.mkdir(parents=True, exist_ok=True)
    building = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        subprocess.run([python, "-m", "venv", str(building)], check=True)
        subprocess.run(
            [str(building / "bin" / "python"), "-m", "pip", "install", "-q",
             "-r", str(PEERS / requirements), *ours],
            check=True,
        )  # fmt: skip
        (building / "complete").write_text("")
        try:
            building.rename(folder)
        except OSError:  # another worker finished first: its folder is as good
            if not (folder / "complete").exists():
                raise
    finally:
        if building.exists():
            shutil.rmtree(building, ignore_errors=True)
    return folder / "bin" / "python"
