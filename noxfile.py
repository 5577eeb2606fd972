"""Developer sessions: ``nox -s tests``, ``lint``, ``typecheck``, ``golden``."""

from __future__ import annotations

import nox

nox.options.sessions = ["tests", "lint", "typecheck"]
nox.options.default_venv_backend = "venv"
PYTHON = "3.11"


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """The whole test suite (golden files, shared specs, end-to-end)."""
    session.install("-e", ".[test]")
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    session.install("ruff==0.17.6")
    session.run("ruff", "check", "sio_codegen", "tests", "bench", "noxfile.py")
    session.run("ruff", "format", "--check", "sio_codegen", "tests", "bench", "noxfile.py")


@nox.session(python=PYTHON)
def typecheck(session: nox.Session) -> None:
    session.install("-e", ".[test]", "types-jsonschema")
    session.run("mypy")


@nox.session(python=PYTHON)
def golden(session: nox.Session) -> None:
    """Regenerate every golden case's expected output; review the diff before committing."""
    session.install("-e", ".")
    session.run("python", "tests/golden.py")


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Benchmarks (bench/run.py): writes bench/RESULTS.md. ``-- --quick`` for a smoke run."""
    session.install("-e", ".[test]")
    session.run("python", "bench/run.py", *session.posargs)
