"""Example values of a schema: the spec's own examples where one is valid, else one generated
by jsf (JSON Schema Faker for Python) and kept only when valid. Deterministic for a seed.

Why jsf (``python bench/catalog_examples.py``): on the 868 argument and ack schemas of the
golden specs and the AsyncAPI corpus, valid examples for 824 in 1.8 s in all (875 of the 883
there are now, with the required-properties-only attempt of :func:`generated`), where
hypothesis-jsonschema 0.23.1 makes 129 in 15-17 s (it fails on most object schemas with Hypothesis
6.170); polyfactory starts from Pydantic classes, which only exist once datamodel-code-generator
ran.

Spec text is untrusted: what jsf is given is bounded first (no remote or file references, no
huge lengths or repetitions), and every value is checked by :mod:`json_validator`, whose
regular expressions never backtrack."""

from __future__ import annotations

import copy
import datetime
import importlib
import json
import random
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from sio_codegen.render.json_validator import is_valid
from sio_codegen.render.schema_bundle import definition_name, refs_in

Source = Literal["spec", "generated"]
ATTEMPTS = 8
# Generated examples stay readable: lengths and counts are capped (never below a minimum).
_CAPS = {"maxLength": ("minLength", 24), "maxItems": ("minItems", 3),
         "maxProperties": ("minProperties", 6)}  # fmt: skip
_LIMIT = 1000
# jsf draws strings for a ``pattern`` with rstr, which repeats anything at most STAR_PLUS_LIMIT
# times (its default 100; a larger explicit minimum fails): the limit is set to this, or to the
# largest minimum count the schema's patterns ask for. A pattern whose longest string could then
# exceed _LIMIT is not drawn.
_STAR_PLUS = 8


@dataclass(frozen=True)
class Example:
    value: Any
    source: Source


def example(schema: dict[str, Any], candidates: Iterable[Any], seed: int) -> Example | None:
    """The first of ``candidates`` (the spec's examples) valid against the self-contained
    ``schema``, else a generated value, else None when none valid could be made."""
    for candidate in candidates:
        if _json_value(candidate) and is_valid(schema, candidate):
            return Example(candidate, "spec")
    value = generated(schema, seed)
    return None if value is _NONE else Example(value, "generated")


def schema_examples(schema: Any) -> list[Any]:
    """What a schema itself offers as examples: ``examples``, ``example``, ``const``,
    ``default`` (in that order; each still has to validate)."""
    if not isinstance(schema, dict):
        return []
    found: list[Any] = []
    if isinstance(schema.get("examples"), list):
        found.extend(schema["examples"])
    for key in ("example", "const", "default"):
        if key in schema:
            found.append(schema[key])
    return found


_NONE = object()


class _SortedChoice:
    """rstr's source of randomness while examples are made: the ``random`` module, except that
    a choice among characters is made in sorted order. rstr builds some character lists from
    sets (``\\W``, ``[^a-z]``), whose order depends on PYTHONHASHSEED."""

    def __getattr__(self, name: str) -> Any:
        return getattr(random, name)

    def choice(self, candidates: Any) -> Any:
        if isinstance(candidates, list) and all(isinstance(c, str) for c in candidates):
            candidates = sorted(candidates)
        return random.choice(candidates)


class _Reference(datetime.datetime):
    """Faker's clock while examples are made: dates are drawn up to "now", and the same seed
    must give the same dates on every day."""

    @classmethod
    def now(cls, tz: datetime.tzinfo | None = None) -> _Reference:
        return cls.fromtimestamp(_REFERENCE_TIME, tz)


_REFERENCE_TIME = datetime.datetime(2025, 1, 1, tzinfo=datetime.timezone.utc).timestamp()


def generated(schema: dict[str, Any], seed: int) -> Any:
    """A value valid against ``schema``, made by jsf from ``seed``; ``_NONE`` when jsf cannot
    make one in ATTEMPTS tries or the schema is not one to hand it."""
    tamed = _tamed(schema)
    if tamed is None:
        return _NONE
    tame, star_plus = tamed
    for attempt in range(ATTEMPTS):
        # First from the examples and defaults the schema's fields carry, then at random.
        value = _jsf(tame, seed * ATTEMPTS + attempt, star_plus, from_examples=attempt == 0)
        if value is not _NONE and is_valid(schema, value):
            return value
    # Last, the required properties only: an optional one jsf cannot make (an unsatisfiable
    # allOf, a pattern with a lookahead) need not be there.
    lean = _required_only(tame)
    if lean != tame:
        value = _jsf(lean, seed * ATTEMPTS, star_plus, from_examples=True)
        if value is not _NONE and is_valid(schema, value):
            return value
    # Last of all, the simplest instances: jsf draws nothing valid from some schemas that an
    # empty array or object satisfies (zod-sockets' rest arguments, ``format: any`` items).
    for value in _SIMPLEST:
        if is_valid(schema, value):
            return value
    return _NONE


_SIMPLEST: tuple[Any, ...] = ({}, [], "", 0, False, None)
"""Tried in this order once jsf has failed; each still has to validate."""


def _required_only(schema: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``schema`` whose objects list only their required properties."""
    lean = copy.deepcopy(schema)
    stack: list[Any] = [lean]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        properties, required = node.get("properties"), node.get("required", [])
        if isinstance(properties, dict) and isinstance(required, list):
            node["properties"] = {k: v for k, v in properties.items() if k in required}
        stack.extend(node.values())
    return lean


def _jsf(schema: dict[str, Any], seed: int, star_plus: int, *, from_examples: bool) -> Any:
    from faker import Faker
    from faker.generator import random as faker_random
    from jsf import JSF

    xeger: Any = importlib.import_module("rstr.xeger")  # the module, not rstr.xeger()
    drawer: Any = importlib.import_module("rstr")._default_instance  # the one jsf calls
    clock: Any = importlib.import_module("faker.providers.date_time")
    state, faker_state = random.getstate(), faker_random.getstate()
    real_limit, real_datetime, real_random = xeger.STAR_PLUS_LIMIT, clock.datetime, drawer._random
    try:
        xeger.STAR_PLUS_LIMIT = star_plus
        clock.datetime = _Reference
        drawer._random = _SortedChoice()
        random.seed(seed)
        Faker.seed(seed)
        value = JSF(schema, allow_none_optionals=0.0, max_recursive_depth=3).generate(
            use_defaults=from_examples, use_examples=from_examples
        )
        text = json.dumps(value, sort_keys=True, allow_nan=False)
        return json.loads(text)
    except Exception:  # jsf raises what it raises on schemas it cannot read: no example then
        return _NONE
    finally:
        xeger.STAR_PLUS_LIMIT = real_limit
        clock.datetime = real_datetime
        drawer._random = real_random
        random.setstate(state)
        faker_random.setstate(faker_state)


def _json_value(value: Any) -> bool:
    try:
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError, RecursionError):
        return False
    return True


def _tamed(schema: dict[str, Any]) -> tuple[dict[str, Any], int] | None:
    """A copy of ``schema`` safe to hand jsf and rstr's repetition limit for it, or None: only
    local ``#/definitions/`` references (jsf would open any other with smart_open), no minimum
    length or count over _LIMIT, no pattern whose strings could be longer; maximums capped for
    readable values; OpenAPI's ``example`` read as ``examples`` (which jsf reads)."""
    definitions = schema.get("definitions", {})
    for ref in refs_in(schema):
        name = definition_name(ref)
        if name is None or name not in definitions:
            return None
    tame = copy.deepcopy(schema)
    patterns: list[Any] = []
    stack: list[Any] = [tame]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        if "example" in node and "examples" not in node:
            node["examples"] = [node["example"]]
        if node.get("type") == "array" and "maxItems" not in node:
            low = node.get("minItems", 0)
            node["maxItems"] = max(_CAPS["maxItems"][1], low if isinstance(low, int) else 0)
        for key, (low_key, cap) in _CAPS.items():
            low = node.get(low_key, 0)
            if isinstance(low, int) and low > _LIMIT:
                return None
            high = node.get(key)
            floor = low if isinstance(low, int) else 0
            if (isinstance(high, int) and high > max(cap, floor)) or (high is None and low):
                node[key] = max(cap, floor)
        patterns.append(node.get("pattern"))
        if isinstance(node.get("patternProperties"), dict):
            patterns.extend(node["patternProperties"])
        stack.extend(node.values())
    star_plus = star_plus_limit([p for p in patterns if isinstance(p, str)])
    return None if star_plus is None else (tame, star_plus)


def star_plus_limit(patterns: list[str]) -> int | None:
    """rstr's repetition limit for these patterns: _STAR_PLUS, or the largest minimum count
    they ask for; None when one could draw a string longer than _LIMIT (a nested repetition
    multiplies: ``((a+)+)+`` is 8**3 characters) or cannot be read."""
    try:
        parsed = [sre_parse.parse(p) for p in patterns]
        limit = max([_STAR_PLUS, *(_largest_minimum(p, 0) for p in parsed)])
        if limit > _LIMIT or any(_longest(p, limit, 0) > _LIMIT for p in parsed):
            return None
    except (re.error, RecursionError, OverflowError, ValueError, TypeError):
        return None
    return limit


if sys.version_info >= (3, 11):
    from re import _constants as sre_constants
    from re import _parser as sre_parse
else:  # pragma: no cover - Python 3.10
    import sre_constants
    import sre_parse

_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}
_REPEATS |= {getattr(sre_constants, "POSSESSIVE_REPEAT", sre_constants.MAX_REPEAT)}


def _children(node: Any) -> list[Any]:
    """The sub-patterns of one parsed item (a group, a branch, a repetition, an assertion)."""
    if isinstance(node, sre_parse.SubPattern):
        return list(node.data)
    if not isinstance(node, tuple) or len(node) != 2:
        return []
    op, av = node
    if op is sre_constants.BRANCH:
        return list(av[1])
    return [x for x in (av if isinstance(av, tuple) else ()) if isinstance(x, sre_parse.SubPattern)]


def _largest_minimum(node: Any, depth: int) -> int:
    if depth > 100:
        raise RecursionError
    own = 0
    if isinstance(node, tuple) and len(node) == 2 and node[0] in _REPEATS:
        own = int(node[1][0])
    return max([own, *(_largest_minimum(c, depth + 1) for c in _children(node))])


def _longest(node: Any, limit: int, depth: int) -> int:
    """The longest string rstr draws for a parsed pattern when it repeats at most ``limit``."""
    if depth > 100:
        raise RecursionError
    if isinstance(node, sre_parse.SubPattern):
        return sum(_longest(item, limit, depth + 1) for item in node.data)
    if not isinstance(node, tuple) or len(node) != 2:
        return 1
    op, av = node
    if op in _REPEATS:
        return int(min(av[1], limit)) * _longest(av[2], limit, depth + 1)
    if op is sre_constants.BRANCH or op is sre_constants.SUBPATTERN:
        longest = [_longest(c, limit, depth + 1) for c in _children(node)]
        return max(longest, default=0)
    return max([1, *(_longest(c, limit, depth + 1) for c in _children(node))])
