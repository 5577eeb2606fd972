"""A JSON Schema validator for examples (draft 7, plus ``prefixItems``) whose regular
expressions never backtrack: ``pattern`` and ``patternProperties`` run on pydantic-core's Rust
regex engine (linear time). A pattern that engine cannot run (look-around, back-references)
fails validation instead of falling back to a backtracking engine."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import jsonschema
import referencing.exceptions
from jsonschema.exceptions import ValidationError
from pydantic_core import SchemaError, SchemaValidator, core_schema
from pydantic_core import ValidationError as PydanticValidationError

DIALECT = "http://json-schema.org/draft-07/schema#"


@lru_cache(maxsize=512)
def _regex(pattern: str) -> SchemaValidator | None:
    try:
        return SchemaValidator(core_schema.str_schema(pattern=pattern))
    except SchemaError:
        return None


def search(pattern: str, text: str) -> bool | None:
    """Whether ``pattern`` matches somewhere in ``text`` (JSON Schema's reading); None when the
    pattern cannot run without backtracking."""
    check = _regex(pattern)
    if check is None:
        return None
    try:
        check.validate_python(text)
    except PydanticValidationError:
        return False
    return True


def _pattern(validator: Any, pattern: Any, instance: Any, schema: Any) -> Iterator[ValidationError]:
    if not validator.is_type(instance, "string") or not isinstance(pattern, str):
        return
    found = search(pattern, instance)
    if found is None:
        yield ValidationError(f"pattern {pattern!r} cannot be checked in linear time")
    elif not found:
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def _pattern_properties(
    validator: Any, patterns: Any, instance: Any, schema: Any
) -> Iterator[ValidationError]:
    if not validator.is_type(instance, "object") or not isinstance(patterns, dict):
        return
    for pattern, subschema in patterns.items():
        for key, value in instance.items():
            found = search(pattern, key)
            if found is None:
                yield ValidationError(f"pattern {pattern!r} cannot be checked in linear time")
            elif found:
                yield from validator.descend(value, subschema, path=key, schema_path=pattern)


def _additional_properties(
    validator: Any, additional: Any, instance: Any, schema: Any
) -> Iterator[ValidationError]:
    if not validator.is_type(instance, "object"):
        return
    declared = schema.get("properties", {})
    patterns = schema.get("patternProperties", {})
    extras = [
        key for key in instance if key not in declared and not any(search(p, key) for p in patterns)
    ]
    if validator.is_type(additional, "object"):
        for key in extras:
            yield from validator.descend(instance[key], additional, path=key)
    elif not additional and extras:
        yield ValidationError(f"additional properties are not allowed: {sorted(extras)}")


_LINEAR = {
    "pattern": _pattern,
    "patternProperties": _pattern_properties,
    "additionalProperties": _additional_properties,
}
Validator = jsonschema.validators.extend(  # type: ignore[no-untyped-call]
    jsonschema.Draft7Validator,
    {**_LINEAR, "prefixItems": jsonschema.Draft202012Validator.VALIDATORS["prefixItems"]},
)
_OTHER_DRAFTS: dict[str, Any] = {
    str(cls.META_SCHEMA["$schema"]): jsonschema.validators.extend(  # type: ignore[no-untyped-call]
        cls, _LINEAR
    )
    for cls in (
        jsonschema.Draft4Validator,
        jsonschema.Draft6Validator,
        jsonschema.Draft201909Validator,
        jsonschema.Draft202012Validator,
    )
}
"""A schema whose ``$schema`` names another draft (see model/dialects) is read in that draft."""


def errors(schema: Any, instance: Any) -> list[str]:
    """Why ``instance`` is not valid against the self-contained ``schema`` (empty: it is)."""
    dialect = schema.get("$schema") if isinstance(schema, dict) else None
    cls = _OTHER_DRAFTS.get(dialect, Validator) if isinstance(dialect, str) else Validator
    validator = cls(schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    try:
        return [error.message for error in validator.iter_errors(instance)]
    except (jsonschema.exceptions.SchemaError, referencing.exceptions.Unresolvable):
        return ["the schema cannot be evaluated"]
    except RecursionError:
        return ["the schema nests too deeply to be evaluated"]


def is_valid(schema: Any, instance: Any) -> bool:
    return not errors(schema, instance)
