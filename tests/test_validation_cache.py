"""A document found valid is not validated again: the verdict is cached by the document's text,
sealed, and never trusted beyond what it says (see sio_codegen/load/spec_schema.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from sio_codegen.diagnostics import SpecError
from sio_codegen.load import spec_schema
from sio_codegen.load.loader import LoadOptions, load_api

SPEC = Path(__file__).parent / "specs" / "e2e.yaml"


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SIO_CODEGEN_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("SIO_CODEGEN_NO_CACHE", raising=False)
    return tmp_path / "cache" / "valid"


def _no_validator(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(version: str) -> None:
        raise AssertionError("validated again")

    monkeypatch.setattr(spec_schema, "_validator", fail)


def test_a_valid_document_is_validated_once(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(SPEC.read_text())
    first = load_api(spec)
    _no_validator(monkeypatch)
    assert load_api(spec).api == first.api
    spec.write_text(spec.read_text() + "\n# edited\n")  # other text: validated again
    with pytest.raises(AssertionError, match="validated again"):
        load_api(spec)
    monkeypatch.setenv("SIO_CODEGEN_NO_CACHE", "1")
    spec.write_text(SPEC.read_text())
    with pytest.raises(AssertionError, match="validated again"):
        load_api(spec)


def test_a_cached_verdict_imports_no_validator(tmp_path: Path, cache: Path) -> None:
    code = (
        "import sys; from pathlib import Path\n"
        "from sio_codegen.load.loader import load_api\n"
        f"load_api(Path({str(SPEC)!r}))\n"
        "print('jsonschema' in sys.modules)\n"
    )
    env = {**os.environ, "SIO_CODEGEN_CACHE": str(cache.parent)}
    runs = [subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                           check=True).stdout.strip() for _ in range(2)]  # fmt: skip
    assert runs == ["True", "False"]


def test_an_invalid_document_is_never_cached_and_says_so_each_time(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(SPEC.read_text().replace("title: E2E features", "title: [not, a, string]"))
    errors = []
    for _ in range(2):
        with pytest.raises(SpecError) as caught:
            load_api(spec)
        errors.append([d.format() for d in caught.value.diagnostics])
    assert errors[0] == errors[1] and "is not of type 'string'" in errors[0][0]
    assert not cache.exists() or not list(cache.iterdir())
    # --no-validate: the same violations, as warnings, every time
    for _ in range(2):
        loaded = load_api(spec, LoadOptions(validate=False))
        assert any("not of type 'string'" in w.format() for w in loaded.report.warnings)


@pytest.mark.parametrize(
    "forge",
    [
        lambda text: text.replace("valid", "VALID"),  # edited
        lambda text: text.split("\n", 1)[1],  # unsealed
        lambda text: text[:10],  # truncated
        lambda text: "\x00\xff",  # garbage
    ],
    ids=["edited", "unsealed", "truncated", "garbage"],
)
def test_a_verdict_that_does_not_hold_its_seal_is_ignored(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch, forge: object
) -> None:
    spec = tmp_path / "api.yaml"
    spec.write_text(SPEC.read_text())
    load_api(spec)
    (verdict,) = cache.iterdir()
    verdict.write_text(forge(verdict.read_text()))  # type: ignore[operator]
    _no_validator(monkeypatch)
    with pytest.raises(AssertionError, match="validated again"):
        load_api(spec)


def test_the_verdict_of_another_document_does_not_count(
    tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(SPEC.read_text())
    bad.write_text(SPEC.read_text().replace("title: E2E features", "title: [x]"))
    load_api(good)
    (verdict,) = cache.iterdir()
    sealed = verdict.read_bytes()
    with pytest.raises(SpecError):
        load_api(bad)
    source = spec_schema.SourceFile(bad, bad.read_text(), None)
    forged = spec_schema._verdict_path(source, "2.6.0")
    assert forged is not None
    forged.write_bytes(sealed)  # a sealed verdict, but for another key
    with pytest.raises(SpecError):
        load_api(bad)
