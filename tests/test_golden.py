"""Every golden case regenerates byte for byte, imports, and passes mypy --strict."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import import_file, mypy_strict

import golden

CASES = golden.cases()


def test_there_are_golden_cases() -> None:
    assert {c.name for c in CASES} >= {
        "tictactoe", "sio_asyncapi_simple", "asynction_chat", "circular", "external_refs",
    }  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_output_matches_golden(case: golden.Case, tmp_path: Path) -> None:
    golden.generate(case, tmp_path)
    actual, expected = golden.tree(tmp_path), golden.tree(case.expected)
    assert sorted(actual) == sorted(expected), "files differ; run: nox -s golden"
    for rel in expected:
        assert actual[rel].decode() == expected[rel].decode(), f"{case.name}/{rel} is stale"


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_golden_models_import(case: golden.Case) -> None:
    module = import_file(case.expected / "models.py", f"golden_models_{case.name}")
    assert any(isinstance(v, type) for v in vars(module).values())


def test_golden_models_pass_mypy_strict(tmp_path: Path) -> None:
    copies = []
    for case in CASES:  # one mypy run over every case: module names must differ
        copy = tmp_path / f"{case.name}_models.py"
        copy.write_bytes((case.expected / "models.py").read_bytes())
        copies.append(copy)
    result = mypy_strict(*copies, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
