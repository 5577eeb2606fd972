"""The compiled templates shipped in sio_codegen/render/precompiled/ are fresh, used when fresh,
and ignored (the template compiled as before) when not: see sio_codegen/render/jinja.py."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest

from sio_codegen.render import jinja as sio_jinja

FOLDER = Path(sio_jinja.__file__).with_name("precompiled")


def test_the_shipped_modules_are_those_of_the_current_templates() -> None:
    shipped = {p.name: p.read_text(encoding="utf-8") for p in FOLDER.glob("*.py")}
    assert shipped == sio_jinja.precompiled_sources(), (
        "sio_codegen/render/precompiled/ is stale: run python tests/golden.py"
    )


def _compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the templates compiled from source from now on."""
    names: list[str] = []
    real = jinja2.Environment.compile

    def spy(self: jinja2.Environment, source: str, name: str | None = None, *args: object,
            **kwargs: object) -> object:  # fmt: skip
        names.append(str(name))
        return real(self, source, name, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(jinja2.Environment, "compile", spy)
    return names


def _environment(templates: Path) -> jinja2.Environment:
    """The environment of sio_codegen.render.jinja, over another templates folder."""
    env = sio_jinja.environment().overlay(loader=sio_jinja._Loader(str(templates)))
    env.cache = None  # every get_template asks the loader
    return env


def test_fresh_modules_are_used_and_render_what_compiling_renders(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    env = _environment(sio_jinja.templates_dir())
    compiled = _compiled(monkeypatch)
    name = "server/main.py.j2"
    from_module = env.get_template(name)
    assert compiled == []
    source = (sio_jinja.templates_dir() / name).read_text()
    from_source = env.from_string(source)
    assert compiled == ["None"]
    context = {
        "package": "pkg",
        "api": SimpleNamespace(title='A "quoted" title'),
        "is_async": False,
    }
    rendered = from_module.render(**context)
    assert rendered == from_source.render(**context)
    assert "'A \"quoted\" title server (development)'" in rendered  # pystr ran


def test_a_template_edited_since_its_module_was_compiled_is_compiled_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    templates = tmp_path / "templates"
    shutil.copytree(sio_jinja.templates_dir(), templates)
    edited = templates / "server" / "main.py.j2"
    edited.write_text("# edited\n" + edited.read_text())
    env = _environment(templates)
    compiled = _compiled(monkeypatch)
    env.get_template("server/app.py.j2")  # unchanged: its module
    assert compiled == []
    template = env.get_template("server/main.py.j2")
    assert compiled == ["server/main.py.j2"]
    assert template.render(
        package="pkg", api=SimpleNamespace(title="T"), is_async=False
    ).startswith("# edited\n")


def test_a_module_compiled_by_another_jinja_or_with_other_options_is_not_used(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    compiled = _compiled(monkeypatch)
    env = _environment(sio_jinja.templates_dir())
    env.trim_blocks = False
    env.get_template("server/app.py.j2")
    assert compiled == ["server/app.py.j2"]
    env = _environment(sio_jinja.templates_dir())
    env.get_template("server/app.py.j2")
    assert compiled == ["server/app.py.j2"]  # the module, as it should
    monkeypatch.setattr(jinja2, "__version__", "3.9.9")
    env.get_template("server/app.py.j2")
    assert compiled == ["server/app.py.j2"] * 2
