"""The one Jinja environment: templates from ``templates/``, filters that keep spec text data."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2


def templates_dir() -> Path:
    """``sio_codegen/templates`` in a wheel; the repository's ``templates/`` in a source tree."""
    packaged = Path(str(resources.files("sio_codegen"))) / "templates"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"


def pystr(value: object) -> str:
    """Any text as a Python string literal: quotes, backslashes, newlines, control characters
    escaped. Spec text never becomes code."""
    return repr(str(value))


def docstring(value: object, indent: int = 0) -> str:
    """A docstring literal for any text: readable triple quotes when safe, an escaped literal
    otherwise."""
    text = str(value).strip() or "(no description)"
    lines = text.split("\n")
    safe = (
        '"""' not in text
        and "\\" not in text
        and not text.endswith('"')
        and all(line.isprintable() for line in lines)
    )
    if not safe:
        return pystr(text)
    if len(lines) == 1:
        return f'"""{text}"""'
    pad = " " * indent
    body = "\n".join(pad + line.rstrip() if line.strip() else "" for line in lines[1:])
    return f'"""{lines[0]}\n{body}\n{pad}"""'


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
    )
    env.filters["pystr"] = pystr
    env.filters["docstring"] = docstring
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


@cache
def html_environment() -> jinja2.Environment:
    """For HTML pages (templates/docs): every value is HTML-escaped unless the template marks
    it safe, which no template does with spec text."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir())),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=True,
    )


def render_html(template: str, **context: Any) -> str:
    return html_environment().get_template(template).render(**context)
