"""Developer sessions: ``nox -s tests``, ``lint``, ``typecheck``, ``golden``, ``bench``."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import nox

nox.options.sessions = ["tests", "lint", "typecheck"]
nox.options.default_venv_backend = "venv"
# Locally a Python this machine lacks is skipped; in CI (CI set) it is an error.
nox.options.error_on_missing_interpreters = bool(os.environ.get("CI"))
PYTHON = "3.11"  # lint, typecheck, golden, bench
PYTHONS = ["3.10", "3.11", "3.12", "3.13"]  # every supported Python: the tests


def _pyenv_pythons() -> None:
    """pyenv's ``python3.X`` shims answer only for the versions PYENV_VERSION names (pyenv sets
    it to the current version for whatever runs through a shim, nox included): append the newest
    installed patch of each supported Python, so that nox finds every Python this machine has."""
    pyenv = shutil.which("pyenv")
    if pyenv is None:
        return
    root = subprocess.run([pyenv, "root"], capture_output=True, text=True, check=False)
    versions = Path(root.stdout.strip()) / "versions"
    if root.returncode != 0 or not versions.is_dir():
        return
    chosen = [v for v in os.environ.get("PYENV_VERSION", "").split(":") if v]
    if not chosen:
        current = subprocess.run(
            [pyenv, "version-name"], capture_output=True, text=True, check=False
        )
        chosen = [current.stdout.strip()] if current.returncode == 0 else []
    for minor in PYTHONS:
        patches = [p.name for p in versions.iterdir() if p.name.startswith(f"{minor}.")]
        patches = [v for v in patches if v.removeprefix(f"{minor}.").isdigit()]
        if patches and not any(v.startswith(f"{minor}.") for v in chosen):
            chosen.append(max(patches, key=lambda v: int(v.rsplit(".", 1)[1])))
    os.environ["PYENV_VERSION"] = ":".join(v for v in chosen if v)


_pyenv_pythons()


# The whole suite runs on the oldest and the newest Python; in between, everything but the
# slowest tests. Most tests wait on servers and subprocesses, so two workers per core: on a quiet
# 2-core machine the subset took 235 s with -n 2 and 163 s with -n 4. A clean-clone .ci/run
# (2 whole + 2 subsets, virtualenvs included) took 1,195 s with -n 2 at 714 tests, and 1,568 s
# with -n 4 at 1,198 tests (both runtimes tested end to end).
FULL_SUITE = {PYTHONS[0], PYTHONS[-1]}
SLOW = [
    "--ignore=tests/test_fuzz_server.py",  # 10,000 hostile payloads through a live server
    "--ignore=tests/test_bench.py",  # installs the benchmark peers and runs the harness
    # a server and a client for each of ~80 real-world specs, then mypy --strict on them all;
    # the load-and-model test of every document still runs
    "--deselect=tests/test_corpus_specs.py::test_server_and_client_generate_import_and_register",
    "--deselect=tests/test_corpus_specs.py::test_every_generated_package_passes_mypy_strict",
]


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The test suite on each supported Python, in parallel (pytest-xdist): whole on the oldest
    and newest, without the slowest tests in between. Arguments after ``--`` go to pytest and
    replace these defaults (``nox -s tests -- -n 4`` runs the whole suite everywhere)."""
    session.install("-e", ".[test]")
    workers = str(min(8, 2 * (os.cpu_count() or 1)))
    default = ["-n", workers, "--dist", "worksteal"]
    if session.python not in FULL_SUITE:
        default += SLOW
    session.run("pytest", *(session.posargs or default))


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
