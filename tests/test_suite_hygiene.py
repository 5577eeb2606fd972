"""The test session itself: it reads only what the repository carries, and leaves nothing behind."""

from __future__ import annotations

import ast
import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import JSON_SCHEMA_TEST_SUITE, ROOT, SPECS_CORPUS
from servers import RUNTIMES

PROBE = """
import os
from pathlib import Path

def test_writes_into_the_models_cache():
    cache = Path(os.environ["SIO_CODEGEN_CACHE"])
    assert cache.is_dir() and cache.name.startswith("sio-codegen-test-cache-")
    (cache / "entry.py").write_text("x = 1\\n")
"""


@pytest.mark.parametrize("workers", [[], ["-n", "2"]], ids=["serial", "xdist"])
def test_the_session_removes_its_models_cache(tmp_path: Path, workers: list[str]) -> None:
    """The conftest makes a temporary models cache for the session; the session removes it."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    (tmp_path / "test_probe.py").write_text(PROBE)
    env = {k: v for k, v in os.environ.items() if k != "SIO_CODEGEN_CACHE"}
    env.update(TMPDIR=str(temp), PYTHONPATH=str(ROOT / "tests"))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "conftest", "-p", "no:cacheprovider",
         *workers, "test_probe.py"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "1 passed" in result.stdout
    assert list(temp.glob("sio-codegen-test-cache-*")) == []


def test_every_listed_corpus_document_is_in_the_repository() -> None:
    rows = list(csv.DictReader((SPECS_CORPUS / "SOURCES.tsv").open(), delimiter="\t"))
    assert len(rows) > 80
    missing = [r["local_path"] for r in rows if not (SPECS_CORPUS / r["local_path"]).is_file()]
    assert missing == []


def test_the_json_schema_test_suite_is_in_the_repository() -> None:
    assert (JSON_SCHEMA_TEST_SUITE / "LICENSE").is_file()
    assert (JSON_SCHEMA_TEST_SUITE / "SOURCE.md").is_file()
    assert len(list((JSON_SCHEMA_TEST_SUITE / "tests" / "draft7").glob("*.json"))) > 30
    assert (JSON_SCHEMA_TEST_SUITE / "remotes" / "integer.json").is_file()


def test_nothing_reads_outside_the_repository() -> None:
    """A clone has nothing beside it: no test, bench or CI file may read from beside the clone."""
    files = [ROOT / name for name in ("README.md", "noxfile.py", "pyproject.toml", ".ci/run")]
    for folder, pattern in (("tests", "*.py"), ("bench", "*.py"), ("bench", "*.md")):
        files += (ROOT / folder).rglob(pattern)
    needle = "../" + "shared"
    offenders = [
        str(path.relative_to(ROOT))
        for path in files
        if path.is_file() and needle in path.read_text(errors="replace")
    ]
    assert offenders == []


def _noxfile_list(name: str) -> list[str]:
    """A list of strings assigned at the top of noxfile.py (read, not imported: nox is not a
    test dependency)."""
    tree = ast.parse((ROOT / "noxfile.py").read_text())
    for node in tree.body:
        targets = [getattr(t, "id", None) for t in getattr(node, "targets", [])]
        if isinstance(node, ast.Assign) and targets == [name]:
            value = ast.literal_eval(node.value)
            assert isinstance(value, list) and all(isinstance(v, str) for v in value)
            return value
    raise AssertionError(f"noxfile.py assigns no {name}")


def test_the_smoke_set_names_collected_tests_and_serves_on_each_runtime() -> None:
    """The middle Pythons run noxfile.SMOKE: every entry must still name at least one test (a
    renamed or removed test would otherwise drop out silently), and the set must keep an
    end-to-end test of each runtime."""
    smoke = _noxfile_list("SMOKE")
    assert len(smoke) == len(set(smoke))
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
         "-p", "no:xdist", *smoke],
        cwd=ROOT, capture_output=True, text=True, timeout=240, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    collected = [line for line in result.stdout.splitlines() if "::" in line]
    unmatched = [
        entry
        for entry in smoke
        if not any(
            test == entry or test.startswith((entry + "::", entry + "[")) for test in collected
        )
    ]
    assert unmatched == []
    e2e = [
        test
        for test in collected
        if test.startswith(("tests/test_server_e2e.py", "tests/test_client_e2e.py"))
    ]
    for runtime in RUNTIMES:
        assert any(test.endswith(f"[{runtime}]") for test in e2e), runtime
