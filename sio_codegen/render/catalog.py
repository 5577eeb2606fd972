"""The event catalog: one compact, versioned JSON document of an API for programs and LLM
agents (``sio-codegen catalog``, ``catalog.json`` of ``sio-codegen docs``).

Per namespace and event: the direction, the arguments and the ack with self-contained JSON
Schemas, an example of each (the spec's, else generated; always valid), and the typed client's
method; per namespace its security and ws bindings. Its format is described by
``catalog.schema.json`` beside this module and in the README ("The event catalog")."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from importlib import resources
from typing import Any

from sio_codegen import __version__
from sio_codegen.diagnostics import Location, Report
from sio_codegen.model.api import Api, Event, Namespace, SchemaUse, SecurityScheme
from sio_codegen.model.security import enforceable
from sio_codegen.model.validator import draft7
from sio_codegen.render.client import connect_params, methods, namespace_attributes
from sio_codegen.render.examples import Example, example, schema_examples
from sio_codegen.render.json_validator import DIALECT, is_valid
from sio_codegen.render.schema_bundle import bundle

FORMAT = "sio-codegen-catalog"
FORMAT_VERSION = 1
"""Bumped on any change a reader could notice (a field renamed, removed or retyped)."""
DIRECTIONS = {"client": "client_to_server", "server": "server_to_client"}


@cache
def catalog_schema() -> dict[str, Any]:
    """The JSON Schema of the catalog itself."""
    text = resources.files("sio_codegen.render").joinpath("catalog.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def catalog(api: Api, seed: int = 0) -> dict[str, Any]:
    """The catalog of ``api`` (reserved events already left out, as the generated code does)."""
    keywords = _client_keywords(api)
    attrs = namespace_attributes(api)
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "generator": f"sio-codegen {__version__}",
        "schema_dialect": DIALECT,
        "seed": seed,
        "asyncapi": api.asyncapi,
        "info": {"title": api.title, "version": api.version, "description": api.description},
        "server": api.server.name if api.server else None,
        "servers": [
            {
                "name": s.name,
                "url": s.url,
                "protocol": s.protocol,
                "socketio_path": s.socketio_path,
                "origin": s.origin,
            }
            for s in api.servers
        ],
        "security_schemes": {
            name: _scheme(scheme, keywords.get(("scheme", name)))
            for name, scheme in sorted(api.security_schemes.items())
        },
        "namespaces": [
            _namespace(api, ns, attrs[ns.name], keywords, seed) for ns in api.namespaces
        ],
    }


def catalog_json(api: Api, seed: int = 0) -> str:
    """The catalog as compact JSON text, one line and a newline; byte-identical for one input."""
    return catalog_text(catalog(api, seed))


def catalog_text(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _scheme(scheme: SecurityScheme, keyword: str | None) -> dict[str, Any]:
    return {
        "type": scheme.type,
        "scheme": scheme.http_scheme or None,
        "bearer_format": scheme.bearer_format or None,
        "in": scheme.location or None,
        "name": scheme.key_name if scheme.kind == "api_key" else None,
        "description": scheme.description,
        "client_keyword": keyword,
    }


def _client_keywords(api: Api) -> dict[tuple[str, str], str]:
    """The typed client's constructor keyword of each binding and security scheme (the order in
    which render.client.connect_params makes them). The client leaves out what a Socket.IO
    server cannot enforce (X509, SASL, ...): such a scheme has no keyword."""
    api = enforceable(api, Report(), lambda pointer: Location("", pointer), allow_unenforced=True)
    params = iter(connect_params(api, namespace_attributes(api)))
    found: dict[tuple[str, str], str] = {}
    for ns in api.namespaces:
        for what, use in (("query", ns.bindings.query), ("headers", ns.bindings.headers)):
            if use is not None:
                found[(f"{what}:{ns.name}", "")] = next(params).name
    for name in api.security_schemes:
        found[("scheme", name)] = next(params).name
    return found


def _namespace(
    api: Api, ns: Namespace, attr: str, keywords: dict[tuple[str, str], str], seed: int
) -> dict[str, Any]:
    names = methods(ns)
    bindings: dict[str, Any] = {}
    for what, use in (("query", ns.bindings.query), ("headers", ns.bindings.headers)):
        bindings[what] = None
        if use is not None:
            bindings[what] = {
                "schema": _schema(api, use),
                "client_keyword": keywords[(f"{what}:{ns.name}", "")],
            }
    entry = {
        "name": ns.name,
        "description": ns.description,
        "client_attribute": attr,
        "security": [
            [{"scheme": r.scheme, "scopes": list(r.scopes)} for r in alternative]
            for alternative in ns.security
        ],
        "bindings": bindings,
        "events": [
            _event(api, ns, event, names[(event.direction, event.name)], seed)
            for event in ns.client_events + ns.server_events
        ],
    }
    if ns.params is not None:  # a dynamic namespace: client_attribute names a method
        schema = _schema(api, ns.params)
        found = example(schema, schema_examples(schema), _seed(seed, ns.name, "parameters"))
        entry["parameters"] = _with_example({"schema": schema}, found)
    if ns.rooms is not None:  # x-rooms: the room names the server accepts
        room_names = list(ns.rooms.names) if ns.rooms.names else None
        entry["rooms"] = {"names": room_names, "schema": _schema(api, ns.rooms.schema)}
    return entry


def _schema(api: Api, use: SchemaUse) -> dict[str, Any]:
    return bundle(api.schemas, api.schemas.get(use.model, True), use.model)


def _seed(seed: int, *parts: str) -> int:
    """One seed per example, from the run's seed and the example's place: adding an event does
    not change the examples of the others."""
    digest = hashlib.sha256("\0".join([str(seed), *parts]).encode()).digest()
    return int.from_bytes(digest[:4], "big")


def _with_example(entry: dict[str, Any], found: Any) -> dict[str, Any]:
    if found is None:
        return {**entry, "example_source": None}
    return {**entry, "example": found.value, "example_source": found.source}


def _event(api: Api, ns: Namespace, event: Event, method: str, seed: int) -> dict[str, Any]:
    where = (ns.name, event.direction, event.name)
    args, found = _args(api, event, _seed(seed, *where, "args"))
    entry = {
        "name": event.name,
        "direction": DIRECTIONS[event.direction],
        "client_method": method,
        "summary": event.summary,
        "description": event.description,
        "deprecated": event.deprecated,
        "multiple_args": event.multiple_args,
        "args": args,
        "ack": _ack(api, event, _seed(seed, *where, "ack")),
    }
    if event.variadic:
        entry["rest"] = _rest(api, event, found)
    return entry


def _rest(api: Api, event: Event, found: Example | None) -> dict[str, Any]:
    """The rest arguments of a variadic event: the schema of each (``{}``: any value), and the
    values past the fixed arguments in the payload's example."""
    schema = _schema(api, event.rest) if event.rest is not None else {}
    entry: dict[str, Any] = {"name": "rest", "schema": schema}
    if found is not None and isinstance(found.value, list):
        return {**entry, "example": found.value[len(event.arguments) :],
                "example_source": found.source}  # fmt: skip
    return {**entry, "example_source": None}


def _args(api: Api, event: Event, seed: int) -> tuple[list[dict[str, Any]], Example | None]:
    """The event's arguments, and the example of its whole payload (None: none was made)."""
    if event.payload is None:
        return [], None
    payload = _schema(api, event.payload)
    spec_examples = [e["payload"] for e in event.examples if isinstance(e, dict) and "payload" in e]
    checked = draft7(payload)  # 2020-12's prefixItems as draft-07's items, as the runtime reads it
    found = example(checked, [*spec_examples, *schema_examples(payload)], seed)
    if not event.multiple_args:
        return [_with_example({"name": "data", "schema": payload}, found)], found
    raw = api.schemas.get(event.payload.model, {})
    items = raw.get("prefixItems", raw.get("items", [])) if isinstance(raw, dict) else []
    items = items if isinstance(items, list) else []
    schemas = [bundle(api.schemas, item) for item in items]
    if found is None and schemas:  # the whole list could not be made: each argument alone
        parts = [example(schema, schema_examples(schema), seed) for schema in schemas]
        values = [part.value for part in parts if part is not None]
        if len(values) == len(parts) and is_valid(checked, values):
            found = Example(values, "generated")
    args = []
    for number, (item, schema) in enumerate(zip(items, schemas, strict=True), start=1):
        title = item.get("title") if isinstance(item, dict) else None
        entry = {
            "name": title if isinstance(title, str) and title else f"arg{number}",
            "schema": schema,
        }
        part = None
        if found is not None and isinstance(found.value, list) and number <= len(found.value):
            part = type(found)(found.value[number - 1], found.source)
        args.append(_with_example(entry, part))
    return args, found


def _ack(api: Api, event: Event, seed: int) -> dict[str, Any] | None:
    if event.ack is None:
        return None
    schema = _schema(api, event.ack)
    return _with_example({"schema": schema}, example(schema, schema_examples(schema), seed))
