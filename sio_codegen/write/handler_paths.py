"""``sio-codegen server --check-handlers``: whether the functions named by ``x-handler`` /
``x-handlers`` import, checked at generation rather than at start-up.

The check imports the user's code, so it runs in a child process (the interpreter running
sio-codegen), from the folder ``python -m PACKAGE`` runs in, through the generated
``_generated/delegate.py`` itself: the same lookup, the same messages as at start-up.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from sio_codegen.model.api import Api
from sio_codegen.render.server import delegated_events, delegated_hooks

TIMEOUT = 120
_SCRIPT = """
import importlib, json, sys
delegate = importlib.import_module(sys.argv[1] + "._generated.delegate")
found = []
for what, path in json.load(sys.stdin):
    try:
        delegate.resolve(path, what)
        found.append(None)
    except delegate.HandlerPathError as exc:
        found.append(str(exc))
print(json.dumps(found))
"""


@dataclass(frozen=True)
class HandlerPath:
    what: str
    """Where the spec names it, as start-up errors say it."""
    path: str
    pointer: str
    """A JSON pointer near where the spec names it."""


def handler_paths(api: Api) -> list[HandlerPath]:
    """Every dotted path the generated handlers call, as ``delegate.Delegates`` names them."""
    found = []
    for ns in api.namespaces:
        for event in delegated_events(ns):
            use = event.payload or event.ack
            pointer = (use.pointer if use else ns.pointer) + "/x-handler"
            what = f"x-handler of event {event.name!r} (namespace {ns.name!r})"
            found.append(HandlerPath(what, event.handler, pointer))
        for hook in delegated_hooks(ns):
            what = f"x-handlers {hook} of namespace {ns.name!r}"
            found.append(
                HandlerPath(what, getattr(ns.hooks, hook), f"{ns.pointer}/x-handlers/{hook}")
            )
    return found


def check_imports(package_dir: Path, paths: list[HandlerPath]) -> list[tuple[HandlerPath, str]]:
    """The paths that do not import from ``package_dir``'s parent, each with why; raises
    RuntimeError when the check itself cannot run."""
    if not paths:
        return []
    request = json.dumps([[p.what, p.path] for p in paths])
    try:
        done = subprocess.run(
            [sys.executable, "-c", _SCRIPT, package_dir.resolve().name],
            cwd=package_dir.resolve().parent, input=request, capture_output=True, text=True,
            timeout=TIMEOUT, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"importing the handlers took more than {TIMEOUT} s") from None
    lines = done.stdout.strip().splitlines()
    try:
        answers = json.loads(lines[-1]) if done.returncode == 0 and lines else None
    except ValueError:
        answers = None
    if not isinstance(answers, list) or len(answers) != len(paths):
        last = (done.stderr.strip().splitlines() or ["no answer"])[-1]
        raise RuntimeError(last)
    return [(p, str(a)) for p, a in zip(paths, answers, strict=True) if a is not None]
