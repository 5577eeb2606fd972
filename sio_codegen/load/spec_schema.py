"""Validation of a document against the official AsyncAPI JSON Schema of its declared version.

A document found valid is remembered in the cache (``valid/``, see sio_codegen.cache), by the
sha256 of its text, the schema, this module and the sio-codegen version: validating it again
(the ``client`` after the ``server``, a regeneration that left the root file alone) then
imports no validator, which costs more than the rest of loading. Only a valid verdict is kept:
an invalid document is validated every time, for its messages. A forged verdict can only let an
invalid document through to the loader, which copes with those (``--no-validate``)."""

from __future__ import annotations

import copy
import functools
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sio_codegen import __version__
from sio_codegen import pointer as jp
from sio_codegen.cache import cache_dir, read_sealed, sha256, write_sealed
from sio_codegen.diagnostics import Report
from sio_codegen.load.source import SourceFile

if TYPE_CHECKING:  # jsonschema is imported only to validate: 60 ms, a third of a cached run
    import jsonschema
    from jsonschema.exceptions import ValidationError

SUPPORTED_VERSIONS = (
    "2.0.0",
    "2.1.0",
    "2.2.0",
    "2.3.0",
    "2.4.0",
    "2.5.0",
    "2.6.0",
    "3.0.0",
    "3.1.0",
)
_MAX_REPR = 80


def declared_version(source: SourceFile, report: Report) -> str | None:
    """The document's ``asyncapi`` version if it is one sio-codegen reads, else an error."""
    data = source.data
    version = data.get("asyncapi") if isinstance(data, dict) else None
    if version is None:
        report.error(
            "missing 'asyncapi' field: not an AsyncAPI document (expected e.g. asyncapi: 3.1.0)",
            source.location(""),
        )
        return None
    if not isinstance(version, str) or version not in SUPPORTED_VERSIONS:
        report.error(
            f"unsupported AsyncAPI version {version!r}; supported: {', '.join(SUPPORTED_VERSIONS)}",
            source.location("/asyncapi"),
        )
        return None
    return version


_HERE = Path(__file__).parent
_VALID = "valid\n"


def _schema_text(version: str) -> str:
    return (_HERE / "asyncapi_schemas" / f"{version}.json").read_text(encoding="utf-8")


@functools.cache
def _validator(version: str) -> jsonschema.Draft7Validator:
    import jsonschema
    from referencing import Registry
    from referencing.jsonschema import DRAFT7

    schema = _work_around_known_bugs(json.loads(_schema_text(version)), version)
    registry: Registry[Any] = Registry().with_resource(
        schema["$id"], DRAFT7.create_resource(schema)
    )
    for definition in schema.get("definitions", {}).values():
        if isinstance(definition, dict) and "$id" in definition:
            registry = registry.with_resource(definition["$id"], DRAFT7.create_resource(definition))
    return jsonschema.Draft7Validator(schema, registry=registry)


def _work_around_known_bugs(schema: dict[str, Any], version: str) -> dict[str, Any]:
    """asyncapi/spec-json-schemas#165: up to 2.4.0 the Parameter object declares a ``$ref``
    property of its own, so a referenced parameter matches both branches of ``oneOf``
    (Reference, Parameter) and fails. ``anyOf`` keeps the intent (one of the two shapes) without
    the false failure; it is applied to every 2.x version (a no-op where the shapes exclude each
    other)."""
    if not version.startswith("2."):
        return schema
    schema = copy.deepcopy(schema)
    for key, definition in schema.get("definitions", {}).items():
        if key.endswith("/parameters.json") and isinstance(definition, dict):
            extra = definition.get("additionalProperties")
            if isinstance(extra, dict) and "oneOf" in extra:
                extra["anyOf"] = extra.pop("oneOf")
    return schema


def _verdict_path(source: SourceFile, version: str) -> Path | None:
    """Where the cache keeps the verdict that this text is valid against this version."""
    folder = cache_dir("valid")
    if folder is None:
        return None
    shaping = [__version__, version, sha256(_schema_text(version).encode()),
               sha256(Path(__file__).read_bytes())]  # fmt: skip
    key = sha256(json.dumps(shaping).encode() + b"\0" + source.text.encode())
    return folder / f"{key}.txt"


def validate_document(source: SourceFile, version: str, report: Report, *, strict: bool) -> None:
    """Report schema violations of the root document: errors when strict, warnings otherwise."""
    verdict = _verdict_path(source, version)
    if verdict is not None and read_sealed(verdict) == _VALID:
        return
    add = report.error if strict else report.warning
    seen: set[tuple[str, str]] = set()
    for error in _validator(version).iter_errors(source.data):
        leaf = _most_relevant(error)
        ptr = jp.join(leaf.absolute_path)
        message = _message(leaf)
        if leaf.validator == "additionalProperties" and isinstance(leaf.instance, dict):
            ptr = jp.child(ptr, _unexpected(leaf)[0])  # point at the first unexpected key
        if (ptr, message) in seen:
            continue
        seen.add((ptr, message))
        suffix = "" if strict else " (--no-validate: generating anyway)"
        add(
            f"does not match the AsyncAPI {version} schema: {message}{suffix}", source.location(ptr)
        )
    if not seen and verdict is not None:
        write_sealed(verdict, _VALID)


def _most_relevant(error: ValidationError) -> ValidationError:
    """Descend through oneOf/anyOf failures to the branch that got furthest into the document.

    A branch that only says "``$ref`` is required" (the Reference alternative) is passed over when
    the value is not a reference: the other branch tells what is really wrong."""
    from jsonschema.exceptions import best_match

    while error.context:
        candidates = [e for e in error.context if not _wants_reference(e)] or list(error.context)
        deepest = max(len(e.absolute_path) for e in candidates)
        chosen = best_match(e for e in candidates if len(e.absolute_path) == deepest)
        if chosen is None:
            break
        error = chosen
    return error


def _wants_reference(error: ValidationError) -> bool:
    wanted = error.validator_value
    return error.validator == "required" and isinstance(wanted, list) and "$ref" in wanted


def _short(value: Any) -> str:
    text = json.dumps(value, default=str, ensure_ascii=False)
    return text if len(text) <= _MAX_REPR else text[: _MAX_REPR - 3] + "..."


def _message(error: ValidationError) -> str:
    validator = error.validator
    if validator == "required":
        return str(error.message).split(" is a required property")[0] + " is required"
    if validator == "additionalProperties" and isinstance(error.instance, dict):
        return "unexpected field(s): " + ", ".join(_unexpected(error))
    if validator == "type":
        return f"{_short(error.instance)} is not of type {error.validator_value!r}"
    if validator == "enum":
        return f"{_short(error.instance)} is not one of {_short(error.validator_value)}"
    if validator in ("oneOf", "anyOf"):
        return f"{_short(error.instance)} does not match any allowed shape"
    if validator == "pattern":
        return f"{_short(error.instance)} does not match pattern {error.validator_value!r}"
    if validator == "format":
        return f"{_short(error.instance)} is not a valid {error.validator_value}"
    if validator == "const":
        return f"expected {_short(error.validator_value)}, got {_short(error.instance)}"
    return _shorten_instance(str(error.message), error.instance)


def _unexpected(error: ValidationError) -> list[str]:
    schema: dict[str, Any] = error.schema if isinstance(error.schema, dict) else {}
    known, patterns = set(schema.get("properties", {})), list(schema.get("patternProperties", {}))
    instance: dict[str, Any] = error.instance if isinstance(error.instance, dict) else {}
    return sorted(
        key for key in instance if key not in known and not any(re.search(p, key) for p in patterns)
    )


def _shorten_instance(message: str, instance: Any) -> str:
    text = repr(instance)
    if len(text) > _MAX_REPR and text in message:
        return message.replace(text, _short(instance))
    return message
