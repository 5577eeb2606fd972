"""Nothing is computed twice for a spec that loads cleanly: each of its files is parsed once;
lines and columns, which take a second parse, only when a diagnostic needs them."""

from __future__ import annotations

from pathlib import Path

import pytest

import golden
from sio_codegen.diagnostics import Report
from sio_codegen.load import source
from sio_codegen.load.loader import LoadOptions, load_api
from sio_codegen.pipeline import Job, run


def _clean_cases() -> list[golden.Case]:
    """The golden cases whose spec loads without any diagnostic (a warning needs lines)."""
    clean = []
    for case in golden.cases():
        refs_root = case.folder / case.args[1] if case.args else None
        if not load_api(case.spec, LoadOptions(refs_root=refs_root)).report.diagnostics:
            clean.append(case)
    return clean


def test_most_golden_specs_are_clean() -> None:
    assert len(_clean_cases()) >= 6  # the test below covers them


@pytest.mark.parametrize("case", _clean_cases(), ids=lambda case: case.name)
def test_a_clean_spec_is_parsed_once(
    case: golden.Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    refs_root = case.folder / case.args[1] if case.args else None
    options = LoadOptions(refs_root=refs_root)
    if load_api(case.spec, options).report.diagnostics:
        pytest.fail(f"{case.name} has diagnostics: pick clean specs for this test")
    parsed: list[Path] = []
    real_parse = source._parse

    def parse(path: Path, text: str) -> object:
        parsed.append(path.resolve())
        return real_parse(path, text)

    def index(text: str) -> dict[str, tuple[int, int]]:
        raise AssertionError("a clean spec was parsed again for lines and columns")

    monkeypatch.setattr(source, "_parse", parse)
    monkeypatch.setattr(source, "_index_positions", index)
    loaded = load_api(case.spec, options)
    assert sorted(parsed) == sorted(set(parsed)) == [p.resolve() for p in loaded.spec.files()]
    job = Job(command="server", spec=case.spec, output=tmp_path / "srv", options=options,
              allow_unenforced=True)  # fmt: skip
    run(job, Report())
