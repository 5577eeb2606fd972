"""Developer sessions: ``nox -s tests``, ``lint``, ``typecheck``, ``golden``, ``bench``."""

from __future__ import annotations

from pathlib import Path

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


# Benchmark peers, each in a virtualenv of its own (their pins clash with ours and each other's).
PEERS = {"asynction": "bench_peer_asynction", "sio-asyncapi": "bench_peer_sio_asyncapi"}


@nox.session(python=PYTHON)
def bench_peer_asynction(session: nox.Session) -> None:
    """Asynction 0.8.3 for ``nox -s bench`` (bench/peers/requirements-asynction.txt)."""
    session.install("-r", "bench/peers/requirements-asynction.txt")


@nox.session(python=PYTHON)
def bench_peer_sio_asyncapi(session: nox.Session) -> None:
    """SIO-AsyncAPI 1.0.0 for ``nox -s bench`` (bench/peers/requirements-sio-asyncapi.txt)."""
    session.install("-r", "bench/peers/requirements-sio-asyncapi.txt")


@nox.session(python=PYTHON, requires=list(PEERS.values()))
def bench(session: nox.Session) -> None:
    """Benchmarks (bench/run.py): writes bench/RESULTS.md. ``-- --quick`` for a smoke run."""
    session.install("-e", ".[test]")
    envs = Path(session.virtualenv.location).parent
    peers = [f"--peer={name}={envs / env / 'bin' / 'python'}" for name, env in PEERS.items()]
    session.run("python", "bench/run.py", *peers, *session.posargs)
