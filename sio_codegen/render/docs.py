"""``sio-codegen docs``: a static, offline documentation site of an API, as files in memory.

``index.html`` is rendered from the event catalog (itself built from the version-neutral
model) with the templates of ``templates/docs``: inline CSS, no JavaScript, nothing fetched
(its Content-Security-Policy forbids any request but its own stylesheet). Every piece of spec
text is HTML-escaped by Jinja's autoescape. ``asyncapi.json`` / ``asyncapi.yaml`` are the
document as given, references resolved; ``catalog.json`` is the event catalog.

:func:`docs_files` is the whole of it, so that a server can serve the same files."""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

import yaml
from markupsafe import Markup

from sio_codegen.model.api import Api
from sio_codegen.render import schema_text
from sio_codegen.render.catalog import catalog, catalog_text
from sio_codegen.render.jinja import html_environment, render_html

PAGE = "index.html"
FILES = (PAGE, "asyncapi.json", "asyncapi.yaml", "catalog.json")
ARROWS = {"client_to_server": "→", "server_to_client": "←"}
LABELS = {"client_to_server": "client → server", "server_to_client": "server → client"}


def docs_files(api: Api, document: Any, seed: int = 0) -> dict[str, str]:
    """Every file of the docs site by name: the page, the spec twice, the catalog.
    ``document``: the spec with references resolved (``model.schemas.resolved_json``)."""
    data = catalog(api, seed)
    return {
        PAGE: page(data),
        "asyncapi.json": json.dumps(document, indent=2, ensure_ascii=False) + "\n",
        "asyncapi.yaml": spec_yaml(document),
        "catalog.json": catalog_text(data),
    }


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def spec_yaml(document: Any) -> str:
    return yaml.dump(
        document, Dumper=_NoAliases, sort_keys=False, allow_unicode=True, width=100,
        default_flow_style=False,
    )  # fmt: skip


def _style() -> str:
    env = html_environment()
    assert env.loader is not None
    source, _, _ = env.loader.get_source(env, "docs/style.css")
    return source


def _style_hash(style: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()


def page_csp() -> str:
    """The Content-Security-Policy a server sends with the page: its ``<meta>`` one, and no
    framing (a header can say that, a meta tag cannot)."""
    return (
        f"default-src 'none'; style-src '{_style_hash(_style())}'; img-src data:; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


SERVED = {PAGE: "docs.html", "asyncapi.yaml": "spec.yaml", "catalog.json": "catalog.json"}
"""The docs files a generated server carries in ``_generated/`` (by their name there; its
``spec.json`` is already ``asyncapi.json``)."""


def served_files(api: Api, document: Any, seed: int = 0) -> dict[str, str]:
    """The files of :data:`SERVED`, by their name beside the server's ``_generated/docs.py``."""
    files = docs_files(api, document, seed)
    return {served: files[name] for name, served in SERVED.items()}


def page(data: dict[str, Any]) -> str:
    """The HTML page of an API, from its catalog (:func:`render.catalog.catalog`)."""
    style = _style()
    return render_html(
        "docs/index.html.j2",
        catalog=data,
        info=data["info"],
        event_count=sum(len(ns["events"]) for ns in data["namespaces"]),
        style=Markup(style),  # the template's own stylesheet, no spec text
        style_hash=_style_hash(style),
        arrows=ARROWS,
        labels=LABELS,
        type_of=lambda schema: schema_text.type_of(schema, schema.get("definitions", {})),
        constraints=schema_text.constraints,
        schema_block=_schema_block,
        event_example=_event_example,
    )


def _pretty(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False)


def _schema_block(schema: dict[str, Any]) -> Markup:
    html = render_html(
        "docs/schema.html.j2",
        fields=schema_text.rows(schema, schema.get("definitions", {})),
        schema_text=_pretty(schema),
    )
    return Markup(html)  # rendered with autoescape: spec text in it is escaped


def _event_example(event: dict[str, Any]) -> dict[str, str] | None:
    parts: dict[str, Any] = {}
    sources: set[str] = set()
    rest = event.get("rest")
    fixed = event["args"]
    if (fixed or rest) and all("example" in arg for arg in [*fixed, *([rest] if rest else [])]):
        parts["args"] = [arg["example"] for arg in fixed] + (rest["example"] if rest else [])
        sources.update(arg["example_source"] for arg in [*fixed, *([rest] if rest else [])])
    ack = event["ack"]
    if ack is not None and "example" in ack:
        parts["ack"] = ack["example"]
        sources.add(ack["example_source"])
    if not parts:
        return None
    note = {frozenset({"spec"}): " (from the spec)", frozenset({"generated"}): " (generated)"}
    return {
        "text": _pretty(parts),
        "note": note.get(frozenset(sources), " (from the spec and generated)"),
    }
