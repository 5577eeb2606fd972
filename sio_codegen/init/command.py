"""``sio-codegen init --from-app MODULE:ATTR -o FILE``: write the spec, validated, never over
an existing file."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import yaml

from sio_codegen.diagnostics import Diagnostic, Location, Report, SpecError
from sio_codegen.init.app_reader import AppError, import_app, read_app
from sio_codegen.init.spec_writer import SpecWriter
from sio_codegen.load.source import display_path


def _error(where: str, message: str) -> SpecError:
    return SpecError([Diagnostic("error", message, Location(where))])


def run(target: str, output: Path, *, quiet: bool) -> int:
    """The ``init`` command; raises SpecError on bad input (the caller prints it, exit 2)."""
    shown = display_path(output)
    if output.exists():
        raise _error(shown, "exists; init never overwrites a file (remove it or choose another -o)")
    try:
        namespaces = read_app(import_app(target))
    except AppError as exc:
        raise _error(target, str(exc)) from None
    if not namespaces:
        raise _error(target, "the app registers no event handler")
    writer = SpecWriter(target)
    document = writer.document(namespaces, title=target.partition(":")[0])
    text = yaml.safe_dump(document, sort_keys=False, allow_unicode=True, width=100)
    output.parent.mkdir(parents=True, exist_ok=True)
    fd, temporary = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".yaml", dir=output.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        _check(Path(temporary))
        os.replace(temporary, output)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    if not quiet:
        for line in writer.notes.lines:
            print(f"{target}: warning: {line}", file=sys.stderr)
        events = sum(len(ns.events) for ns in namespaces)
        emits = sum(len(ns.emits) for ns in namespaces)
        declared = f", {emits} it declares it emits (doc_emit)" if emits else ""
        others = " other" if emits else ""
        print(f"wrote {shown}: {len(namespaces)} namespace(s), {events} event(s) the server "
              f"handles{declared}; add the{others} events it emits (see the TODO in "
              "info.description)")  # fmt: skip
    return 0


def _check(path: Path) -> None:
    """The written document must load as any spec: a failure here is sio-codegen's bug."""
    from sio_codegen.load.loader import load_api

    load_api(path, report=Report())
