"""The malformed-spec suite: ``tests/bad_specs/<case>/`` holds the input (``asyncapi.*`` and any
files it references) and ``stderr.txt``, what ``sio-codegen server asyncapi.* -o out`` must print.
``python tests/bad_specs.py`` records every case's stderr; review the diff, commit."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "bad_specs"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sio_codegen.cli.commands import main as cli_main  # noqa: E402


def cases() -> list[Path]:
    return sorted(p for p in CASES.iterdir() if p.is_dir())


def run_case(case: Path) -> tuple[int, str, bool]:
    """(exit status, stderr, whether anything was written) of generating a server from the case,
    run in a scratch copy so that paths in messages are relative and nothing lands in the repo."""
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "case"
        shutil.copytree(case, work, ignore=shutil.ignore_patterns("stderr.txt"))
        spec = next(p.name for p in sorted(work.iterdir()) if p.stem == "asyncapi")
        before = set(work.rglob("*"))
        err = io.StringIO()
        cwd = os.getcwd()
        os.chdir(work)
        try:
            with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
                code = cli_main(["server", spec, "-o", "out"])
        finally:
            os.chdir(cwd)
        written = set(work.rglob("*")) != before
        return code, err.getvalue(), written


def update() -> None:
    for case in cases():
        code, err, _ = run_case(case)
        (case / "stderr.txt").write_text(err)
        print(f"{case.name}: exit {code}: {err.strip()}")


if __name__ == "__main__":
    update()
