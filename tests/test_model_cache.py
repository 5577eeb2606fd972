"""The models cache: the same schemas give the same module without running the generator again."""

from __future__ import annotations

from pathlib import Path

import pytest

from sio_codegen.render import models as models_py


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
