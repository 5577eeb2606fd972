"""The JSON Schema validator of the generated runtimes (jsonschema-rs), seen from the generator:
``schemas.json`` (the spec's schemas as data, which the runtimes compile once at import: schemas
travel as data, never as code), and checks with the very options the runtimes use, so that a
schema or ``pattern`` the validator could not compile is an error at generation, not at import."""

from __future__ import annotations

import json
from typing import Any

import jsonschema_rs

from sio_codegen.model import dialects
from sio_codegen.model.binary import KEYWORD, binary_keyword, is_binary

DIALECT = dialects.DRAFT7
"""AsyncAPI 2.x schemas are draft-07; 3.x's AsyncAPI Schema format is draft-07 plus annotations
(``discriminator``, ``externalDocs``, ``deprecated``, ``example(s)``) that draft-07 ignores."""


BACKTRACK_LIMIT = 1_000_000
"""As the runtimes' (templates/common/schema_validation.py.j2)."""


_DATA = frozenset({"enum", "const", "default", "examples", "example"})
_NAMES = frozenset({"properties", "patternProperties", "definitions", "$defs", "dependencies"})


def draft7(node: Any, *, runtime: bool = False) -> Any:
    """A schema in draft-07 terms: 2020-12's tuple form (``prefixItems``, with ``items`` for the
    rest), which AsyncAPI 3.x documents use (zod-sockets' argument lists), becomes draft-07's
    (``items: [...]``, ``additionalItems``): a draft-07 validator would ignore ``prefixItems``.
    ``runtime``: as the generated runtimes read it, binary schemas as their ``x-sio-binary``
    keyword (see binary.py; a spec's own ``x-sio-binary`` is dropped)."""
    if isinstance(node, list):
        return [draft7(item, runtime=runtime) for item in node]
    if not isinstance(node, dict) or node.get("$schema", DIALECT) != DIALECT:
        return node  # a schema in another draft (see dialects) is read in that draft
    if runtime and is_binary(node):
        return binary_keyword(node)
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _DATA:
            out[key] = value
        elif key in _NAMES and isinstance(value, dict):
            out[key] = {name: draft7(item, runtime=runtime) for name, item in value.items()}
        elif runtime and key == KEYWORD:
            continue
        else:
            out[key] = draft7(value, runtime=runtime)
    prefix = out.get("prefixItems")
    if isinstance(prefix, list) and not isinstance(out.get("items"), list):
        out.pop("prefixItems")
        rest = out.pop("items", None)
        out["items"] = prefix
        if rest is not None:
            out["additionalItems"] = rest
    return out


ROOT_ID = "urn:sio-codegen:schemas"
"""The document's ``$id`` when one of its schemas is written in another draft than draft-07."""


def retargeted(node: Any, own: frozenset[str], absolute: bool) -> Any:
    """``node`` with its references to the schemas named in ``own`` (those with a resource of
    their own) made to their ``$id``: jsonschema-rs reads a schema reached through a pointer
    into the document in the dialect of the document's root, not in its own. With ``absolute``,
    the other ``#/definitions/...`` references are made absolute (``ROOT_ID#/...``): inside a
    resource of its own, a fragment would be read against that resource."""
    if isinstance(node, list):
        return [retargeted(item, own, absolute) for item in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _DATA:
            out[key] = value
        elif key == "$ref" and isinstance(value, str) and value.startswith("#"):
            name = value[len("#/definitions/") :] if value.startswith("#/definitions/") else None
            if name in own:
                out[key] = f"{ROOT_ID}:{name}"
            else:
                out[key] = ROOT_ID + value if absolute else value
        elif key in _NAMES and isinstance(value, dict):
            out[key] = {n: retargeted(item, own, absolute) for n, item in value.items()}
        else:
            out[key] = retargeted(value, own, absolute)
    return out


def _dialect(schema: Any) -> str:
    found = schema.get("$schema", DIALECT) if isinstance(schema, dict) else DIALECT
    return found if isinstance(found, str) else DIALECT


def schemas_document(schemas: dict[str, Any]) -> dict[str, Any]:
    """``schemas.json``: every schema under ``definitions``, draft-07 ones as :func:`draft7`
    reads them. One with ``$schema`` naming another draft is a resource of its own (``$id``
    ``ROOT_ID:<Name>``), validated in that draft (jsonschema-rs honours ``$schema`` per
    resource), with its references absolute; every reference to it targets that ``$id``."""
    own = frozenset(name for name, s in schemas.items() if _dialect(s) != DIALECT)
    if not own:
        definitions = {n: draft7(s, runtime=True) for n, s in schemas.items()}
        return {"$schema": DIALECT, "definitions": definitions}
    definitions = {
        name: {"$id": f"{ROOT_ID}:{name}", **retargeted(schema, own, absolute=True)}
        if name in own
        else retargeted(draft7(schema, runtime=True), own, absolute=False)
        for name, schema in schemas.items()
    }
    return {"$schema": DIALECT, "$id": ROOT_ID, "definitions": definitions}


def schemas_json(schemas: dict[str, Any]) -> str:
    """The file's text: deterministic (sorted keys), one value per line."""
    text = json.dumps(schemas_document(schemas), indent=1, sort_keys=True, ensure_ascii=False)
    return text + "\n"


class _Binary:
    """The runtimes' ``x-sio-binary`` keyword, for compiling only (data is never validated here)."""

    def __init__(self, parent_schema: Any, value: Any, schema_path: Any) -> None:
        pass

    def validate(self, instance: Any) -> None:
        pass


def _options() -> dict[str, Any]:
    return {
        "keywords": {KEYWORD: _Binary},
        "validate_formats": True,
        "pattern_options": jsonschema_rs.FancyRegexOptions(backtrack_limit=BACKTRACK_LIMIT),
    }


def compile_error(schemas: dict[str, Any]) -> str | None:
    """Why the runtimes' validator could not compile ``schemas``; None when it can."""
    try:
        compiled = jsonschema_rs.validator_map_for(schemas_document(schemas), **_options())
    except jsonschema_rs.ValidationError as exc:
        path = [str(part) for part in exc.instance_path[1:]]
        schema = schemas.get(path[0]) if path else None
        dialect = schema.get("$schema", DIALECT) if isinstance(schema, dict) else DIALECT
        draft = dialects.NAMES.get(dialect, dialect)
        return f"schema {'/'.join(path) or '?'} is not valid JSON Schema ({draft}): {exc.message}"
    except Exception as exc:  # the validator's own errors (references, regex)
        return f"the schemas cannot be compiled by the validator: {exc}"
    missing = [name for name in schemas if f"#/definitions/{name}" not in compiled]
    if missing:
        return f"the validator found no schema for model(s) {', '.join(missing[:5])}"
    return None


def pattern_problem(pattern: str) -> tuple[str, str] | None:
    """``("error", why)`` for a pattern the validator cannot compile, ``("warning", why)`` for
    one that needs a backtracking engine (lookaround, backreferences), else None."""
    schema = {"type": "string", "pattern": pattern}
    try:
        jsonschema_rs.Draft7Validator(schema, **_options())
    except Exception:
        return ("error", "is not a regular expression the validator (Rust fancy-regex) supports")
    try:
        jsonschema_rs.Draft7Validator(schema, pattern_options=jsonschema_rs.RegexOptions())
    except Exception:
        return (
            "warning",
            "needs a backtracking regex engine (lookaround or backreference): it is matched with "
            f"a limit of {BACKTRACK_LIMIT:,} steps, and a value that needs more is invalid",
        )
    return None
