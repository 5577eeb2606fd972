"""After a spec change: which methods of the user's ``handlers.py`` the spec no longer has
(orphans) and which events still need a method there. Read with ``ast``; never edited."""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

from sio_codegen.model.api import Api


@dataclass
class HandlersReport:
    to_implement: list[str] = field(default_factory=list)
    orphans: list[tuple[int, str]] = field(default_factory=list)
    """(line, message) of user methods that match no event of their namespace any more."""


def _classes(tree: ast.Module) -> dict[str, ast.ClassDef]:
    """User classes by the generated base they derive from (``RootNamespace``, ...)."""
    found: dict[str, ast.ClassDef] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            for base in node.bases:
                name = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", "")
                found.setdefault(name, node)
    return found


def check_handlers(path: Path, api: Api) -> HandlersReport:
    report = HandlersReport()
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError):
        return report
    classes = _classes(tree)
    for ns in api.namespaces:
        cls = classes.get(f"{ns.class_prefix}Namespace")
        expected = {f"on_{e.identifier}": e.name for e in ns.client_events}
        defined = {
            item.name: item.lineno
            for item in (cls.body if cls else [])
            if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
        }
        owner = cls.name if cls else f"{ns.class_prefix}Handlers"
        for method, event in expected.items():
            if method not in defined:
                report.to_implement.append(
                    f"{owner}.{method} (event {event!r} of namespace {ns.name!r})"
                )
        for method, line in sorted(defined.items(), key=lambda item: item[1]):
            if method.startswith("on_") and method not in expected:
                report.orphans.append((
                    line,
                    f"{owner}.{method} handles no event of namespace {ns.name!r} any more "
                    "(removed or renamed in the spec)",
                ))  # fmt: skip
    return report
