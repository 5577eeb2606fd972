"""The models cache: the same schemas give the same module without running the generator again."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from sio_codegen.render import models as models_py
from sio_codegen.render import models_cache

ROOT = Path(__file__).resolve().parent.parent


def test_a_second_render_comes_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIO_CODEGEN_CACHE", str(tmp_path))
    schemas = {"Thing": {"type": "object", "properties": {"a": {"type": "integer"}}}}
    first = models_py.render_models(schemas, "# header\n")
    assert "class Thing(BaseModel)" in first and len(list(tmp_path.iterdir())) == 1

    def fail(*_: object) -> str:
        raise AssertionError("the generator ran again")

    monkeypatch.setattr(models_py, "generate", fail)
    assert models_py.render_models(schemas, "# header\n") == first
    with pytest.raises(AssertionError, match="ran again"):  # other schemas: a miss
        models_py.render_models({"Other": {"type": "string"}}, "# header\n")
    monkeypatch.setenv("SIO_CODEGEN_NO_CACHE", "1")
    with pytest.raises(AssertionError, match="ran again"):  # switched off
        models_py.render_models(schemas, "# header\n")


SCHEMAS = {"Thing": {"type": "object", "properties": {"a": {"type": "integer"}}}}


def _no_generator(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object) -> str:
        raise AssertionError("the generator ran again")

    monkeypatch.setattr(models_py, "generate", fail)


def test_a_hit_is_the_formatted_module_and_runs_neither_generator_nor_ruff(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIO_CODEGEN_CACHE", str(tmp_path))
    first = models_py.render_models(SCHEMAS, "# header\n")
    _no_generator(monkeypatch)

    def no_ruff(files: dict[str, str]) -> dict[str, str]:
        raise AssertionError("a cached module was formatted again")

    monkeypatch.setattr(models_py, "format_sources", no_ruff)
    assert models_py.render_models(SCHEMAS, "# header\n") == first


@pytest.mark.parametrize(
    "tamper",
    [
        lambda text: text.replace("a: int", "a: str"),  # edited
        lambda text: text[: len(text) // 2],  # truncated
        lambda text: text.split("\n", 1)[1],  # no seal
        lambda text: "\x00\xff" + text,  # garbage
    ],
    ids=["edited", "truncated", "unsealed", "garbage"],
)
def test_an_entry_that_does_not_match_its_seal_is_a_miss(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tamper: Callable[[str], str]
) -> None:
    monkeypatch.setenv("SIO_CODEGEN_CACHE", str(tmp_path))
    first = models_py.render_models(SCHEMAS, "# header\n")
    (entry,) = (tmp_path / "models").glob("*.py")
    entry.write_text(tamper(entry.read_text()))
    _no_generator(monkeypatch)
    with pytest.raises(AssertionError, match="ran again"):
        models_py.render_models(SCHEMAS, "# header\n")
    monkeypatch.undo()
    monkeypatch.setenv("SIO_CODEGEN_CACHE", str(tmp_path))
    assert models_py.render_models(SCHEMAS, "# header\n") == first  # and it is made anew


def test_an_entry_of_other_schemas_renamed_to_this_key_is_a_miss(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIO_CODEGEN_CACHE", str(tmp_path))
    models_py.render_models(SCHEMAS, "# header\n")
    (mine,) = (tmp_path / "models").glob("*.py")
    models_py.render_models({"Other": {"type": "string"}}, "# header\n")
    (other,) = set((tmp_path / "models").glob("*.py")) - {mine}
    mine.write_bytes(other.read_bytes())  # sealed, but for another key
    _no_generator(monkeypatch)
    with pytest.raises(AssertionError, match="ran again"):
        models_py.render_models(SCHEMAS, "# header\n")


def test_the_versions_in_the_key_are_the_installed_ones() -> None:
    from importlib.metadata import version

    pairs = {"ruff": "ruff", "datamodel_code_generator": "datamodel-code-generator"}
    for module, dist in pairs.items():
        assert models_cache._installed_version(module) == version(dist)


def test_the_hint_of_a_spec_says_whether_its_models_are_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sio_codegen.load.loader import load_api
    from sio_codegen.pipeline import models_source

    monkeypatch.setenv("SIO_CODEGEN_CACHE", str(tmp_path / "cache"))
    spec = tmp_path / "api.yaml"
    shutil.copy(ROOT / "tests" / "specs" / "e2e.yaml", spec)
    assert not models_cache.probably_cached(spec)
    models_source(load_api(spec))
    assert models_cache.probably_cached(spec)
    (hint,) = (tmp_path / "cache" / "specs").iterdir()
    good = hint.read_text()
    for bad in ("", "[]", '{"entry": "../x", "inputs": {}}', '{"entry": 1, "inputs": []}',
                good.replace('"inputs": {', '"inputs": {"/dev/zero": "0", '),  # never read
                good.replace('"inputs": {', '"inputs": {"../../etc/passwd": "0", ')):  # fmt: skip
        hint.write_text(bad)
        assert not models_cache.probably_cached(spec), bad
    hint.write_text(good)
    spec.write_text(spec.read_text() + "\n# edited\n")  # the spec changed: its models may too
    assert not models_cache.probably_cached(spec)
    models_source(load_api(spec))
    assert models_cache.probably_cached(spec)
    for entry in (tmp_path / "cache" / "models").glob("*.py"):  # the entry is gone
        entry.unlink()
    assert not models_cache.probably_cached(spec)
    monkeypatch.setenv("SIO_CODEGEN_NO_CACHE", "1")
    assert not models_cache.probably_cached(spec)
