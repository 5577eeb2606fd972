"""``sio-codegen diff OLD NEW``: load both specs, compare their models, print the changes.

Exit status: 0 no breaking change, 1 a breaking or possibly breaking change, 2 invalid input.
``--format json`` prints one object, :data:`JSON_FORMAT` version :data:`JSON_VERSION`.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import tempfile
from pathlib import Path

from sio_codegen.diagnostics import Diagnostic, Location, Report, SpecError
from sio_codegen.diff.changes import Change, breaking, compare
from sio_codegen.diff.git import RevisionError, checkout_spec
from sio_codegen.load.loader import load_api
from sio_codegen.load.source import display_path
from sio_codegen.model.api import Api
from sio_codegen.options import LoadOptions

JSON_FORMAT = "sio-codegen-diff"
JSON_VERSION = 1


def text_line(change: Change) -> str:
    label = "possibly breaking" if change.level == "possibly-breaking" else change.level
    who = f" ({', '.join(change.breaks)})" if change.breaks else ""
    where = change.namespace
    if change.event:
        where += f" {change.event!r}"
    what = change.part if change.part not in ("namespace", "event") else ""
    if change.path:
        what += " " + change.path
    return f"{label}{who}: {where}{' ' + what if what else ''}: {change.message}"


def as_json(old: str, new: str, changes: list[Change]) -> str:
    document = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "old": old,
        "new": new,
        "breaking": breaking(changes),
        "changes": [c.as_json() for c in changes],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _load(path: Path, options: LoadOptions, report: Report) -> Api:
    return load_api(path, options, report).api


def _load_revision(base: str, options: LoadOptions, report: Report) -> Api:
    with tempfile.TemporaryDirectory(prefix="sio-codegen-diff-") as folder:
        root = Path(folder)
        try:
            spec = checkout_spec(base, root)
        except RevisionError as exc:
            raise SpecError([_argument_error(base, str(exc))]) from None
        shown = display_path(root)
        rev = base.partition(":")[0]
        try:
            return _load(spec, options, report)
        except SpecError as exc:
            raise SpecError([_relocated(d, shown, rev) for d in exc.diagnostics]) from None
        finally:
            report.diagnostics[:] = [_relocated(d, shown, rev) for d in report.diagnostics]


def _relocated(diagnostic: Diagnostic, shown: str, rev: str) -> Diagnostic:
    """A diagnostic about the temporary copy, named after the revision (``REV:path``)."""
    location = diagnostic.location
    if location.file.startswith(shown + "/"):
        named = f"{rev}:{location.file[len(shown) + 1 :]}"
        return dataclasses.replace(diagnostic, location=dataclasses.replace(location, file=named))
    return diagnostic


def _argument_error(argument: str, message: str) -> Diagnostic:
    return Diagnostic("error", message, Location(argument))


def run(
    old: Path | None, new: Path, *, base: str | None, options: LoadOptions, output_format: str,
    quiet: bool, report: Report,
) -> int:  # fmt: skip
    """The ``diff`` command; raises SpecError on invalid input (the caller prints it, exit 2)."""
    if base is not None:
        before = _load_revision(base, options, report)
        old_name = base
    else:
        assert old is not None
        before = _load(old, options, report)
        old_name = str(old)
    after = _load(new, options, report)
    if not quiet:
        for diagnostic in report.diagnostics:
            print(diagnostic.format(), file=sys.stderr)
    changes = compare(before, after)
    if output_format == "json":
        sys.stdout.write(as_json(old_name, str(new), changes))
    else:
        for change in changes:
            if quiet and change.level == "compatible":
                continue
            print(text_line(change))
        if not quiet:
            counts = {level: sum(c.level == level for c in changes)
                      for level in ("breaking", "possibly-breaking", "compatible")}  # fmt: skip
            print(f"{old_name} -> {new}: {counts['breaking']} breaking, "
                  f"{counts['possibly-breaking']} possibly breaking, "
                  f"{counts['compatible']} compatible change(s)", file=sys.stderr)  # fmt: skip
    return 1 if breaking(changes) else 0
