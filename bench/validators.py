"""Candidate JSON Schema validators for the generated runtimes, measured side by side:
``python bench/validators.py`` prints validations per second of the benchmark's echo payload
(valid and invalid) and the time each takes on the hostile ``pattern`` of issue #14 item 10.

The choice it informed (README, "The generated server at run time"): jsonschema-rs, a Rust
extension compiled once per schema, whose fancy-regex engine runs ordinary patterns in linear
time and stops a backtracking one at a limit (a validation error). fastjsonschema is fast too but
compiles each schema into Python source and exec()s it: spec text would become code."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

SCHEMA = {
    "type": "object",
    "properties": {
        "id": {"type": "integer"},
        "text": {"type": "string", "maxLength": 80},
        "tags": {"type": "array", "items": {"type": "string"}},
    },
    "required": ["id"],
}
VALID = {"id": 7, "text": "hello world " * 4, "tags": ["a", "b", "c"]}
INVALID = {"id": "7", "text": "hello world " * 4, "tags": ["a", "b", "c"]}
EMAIL = r"^(?=.{1,254}$)([a-zA-Z0-9]+[._-]?)*[a-zA-Z0-9]+@example\.com$"
HOSTILE = "a" * 28 + "!"  # 29 bytes


def rate(check: Callable[[Any], Any], value: Any, seconds: float) -> float:
    calls, started = 0, time.perf_counter()
    while True:
        for _ in range(200):
            check(value)
        calls += 200
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            return calls / elapsed


def candidates(schema: dict[str, Any]) -> dict[str, Callable[[Any], bool]]:
    import fastjsonschema
    import jsonschema
    import jsonschema_rs

    rs = jsonschema_rs.Draft7Validator(
        schema, pattern_options=jsonschema_rs.FancyRegexOptions(backtrack_limit=100_000)
    )
    py = jsonschema.Draft7Validator(schema)
    fast = fastjsonschema.compile(schema)

    def fast_ok(value: Any) -> bool:
        try:
            fast(value)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    return {"jsonschema-rs": rs.is_valid, "fastjsonschema": fast_ok, "jsonschema": py.is_valid}


def main() -> None:
    seconds = 0.2 if "--quick" in sys.argv else 2.0
    for name, check in candidates(SCHEMA).items():
        good, bad = rate(check, VALID, seconds), rate(check, INVALID, seconds)
        print(f"{name:15} valid {good:12,.0f}/s   invalid {bad:12,.0f}/s")
    for name, check in candidates({"type": "string", "pattern": EMAIL}).items():
        if name == "jsonschema" and "--hostile-re" not in sys.argv:
            print(f"{name:15} hostile pattern: skipped (Python's re backtracks for seconds)")
            continue
        started = time.process_time()
        verdict = check(HOSTILE)
        print(f"{name:15} hostile pattern: {time.process_time() - started:.4f} s CPU, {verdict}")


if __name__ == "__main__":
    main()
