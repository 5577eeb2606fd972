from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The models cache of this test run: nothing is read from (or left in) the user's own cache.
os.environ.setdefault("SIO_CODEGEN_CACHE", tempfile.mkdtemp(prefix="sio-codegen-test-cache-"))
SHARED_SPECS = ROOT.parent / "shared" / "specs"
sys.path.insert(0, str(ROOT / "tests"))


@pytest.fixture
def write_spec(tmp_path: Path):
    """Write a spec (text) into a fresh folder and return its path."""

    def write(text: str, name: str = "asyncapi.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        return path

    return write


def shared_specs_dir() -> Path:
    if not SHARED_SPECS.is_dir():
        if os.environ.get("CI"):
            raise RuntimeError(f"{SHARED_SPECS} is missing: CI must run the shared-specs tests")
        pytest.skip("../shared/specs is not beside this checkout")
    return SHARED_SPECS
