"""Which library makes the examples of the event catalog: how many of the argument and ack
schemas of the golden specs and the AsyncAPI corpus (tests/corpus/specs) each gives a valid example
for, and how long it takes (median of 3 rounds). Run: ``python bench/catalog_examples.py``.

- jsf, as sio-codegen uses it (``sio_codegen.render.examples.example``: bounded schema, 8 seeds,
  every value validated);
- hypothesis-jsonschema, when installed (``pip install hypothesis-jsonschema``): ``find`` with a
  seeded Random, generate phase only, validated the same way.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from sio_codegen.diagnostics import SpecError  # noqa: E402
from sio_codegen.load.loader import load_api  # noqa: E402
from sio_codegen.options import LoadOptions  # noqa: E402
from sio_codegen.render.examples import example  # noqa: E402
from sio_codegen.render.json_validator import is_valid  # noqa: E402
from sio_codegen.render.schema_bundle import bundle  # noqa: E402


def schemas() -> list[dict[str, Any]]:
    paths = sorted(ROOT.glob("golden/*/spec/**/asyncapi.y*ml"))
    shared = ROOT / "tests" / "corpus" / "specs"
    paths += sorted(shared.rglob("*.y*ml")) + sorted(shared.rglob("*.json"))
    found = []
    for path in paths:
        try:
            api = load_api(path, LoadOptions(validate=False, refs_root=path.parent.parent)).api
        except (SpecError, RecursionError, UnicodeDecodeError):
            continue
        for ns in api.namespaces:
            for event in ns.client_events + ns.server_events:
                for use in (event.payload, event.ack):
                    if use is not None:
                        found.append(bundle(api.schemas, api.schemas[use.model], use.model))
    return found


def with_jsf(schema: dict[str, Any]) -> bool:
    return example(schema, [], seed=0) is not None


def with_hypothesis(schema: dict[str, Any]) -> bool:
    from hypothesis import HealthCheck, Phase, find, settings
    from hypothesis_jsonschema import from_schema

    quiet = settings(database=None, max_examples=10, phases=[Phase.generate], deadline=None,
                     suppress_health_check=list(HealthCheck))  # fmt: skip
    try:
        value = find(from_schema(schema), lambda _: True, settings=quiet, random=random.Random(0))
    except Exception:
        return False
    return is_valid(schema, value)


def measure(name: str, make: Callable[[dict[str, Any]], bool], found: list[dict[str, Any]]) -> str:
    times, made = [], 0
    for _ in range(3):
        start = time.perf_counter()
        made = sum(make(schema) for schema in found)
        times.append(time.perf_counter() - start)
    return f"| {name} | {made} of {len(found)} | {statistics.median(times):.2f} s |"


def main() -> None:
    warnings.filterwarnings("ignore")
    found = schemas()
    print("| library | valid examples | time (median of 3) |\n| --- | --- | --- |")
    print(measure("jsf (sio-codegen's use)", with_jsf, found))
    try:
        import hypothesis_jsonschema  # noqa: F401
    except ImportError:
        print("| hypothesis-jsonschema | not installed | |")
    else:
        print(measure("hypothesis-jsonschema", with_hypothesis, found))


if __name__ == "__main__":
    main()
