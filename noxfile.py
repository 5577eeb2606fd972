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


# The whole suite runs on the oldest and the newest Python. In between, a smoke set: what must
# hold on every supported Python (the generator runs; the generated code imports, type-checks and
# serves) rather than the whole behaviour, which 3.10 and 3.13 prove. Named here test by test;
# tests/test_suite_hygiene.py checks that every entry still names collected tests. Most tests wait
# on servers and subprocesses, so two workers per core: on the 2-core machine (busy with other
# work) the smoke set took 39 s with -n 4 and 46 s with -n 2; a clean-clone .ci/run, all four
# Pythons, 13 minutes (792 s of tests). More timings: README "Development".
FULL_SUITE = {PYTHONS[0], PYTHONS[-1]}
SMOKE = [
    # load, model and render: unit tests (YAML/JSON, $refs, dialects, regex and JSON errors)
    "tests/test_loader.py",
    "tests/test_dialects.py",
    "tests/test_json_errors.py",
    "tests/test_unescaped_refs.py",
    "tests/test_remote_refs.py",
    "tests/test_tuple_models.py",
    "tests/test_validation.py",
    "tests/test_load_once.py",
    "tests/test_model_cache.py",
    "tests/test_validation_cache.py",
    "tests/test_catalog.py",
    "tests/test_docs.py",
    "tests/test_diff.py",
    "tests/test_precompiled_templates.py",
    # the generator's output: every golden case, byte for byte (and its models import and pass
    # mypy --strict); every bad spec's one located line; every real-world document's models
    "tests/test_golden.py",
    "tests/test_bad_specs.py::test_bad_spec",
    "tests/test_corpus_specs.py::test_document",
    # the CLI: commands, options, messages, exit codes; the usage argparse prints on this Python
    "tests/test_cli.py",
    "tests/test_cli_messages.py",
    "tests/test_runtime_option.py",
    "tests/test_readme.py::test_usage_and_options_table_match_the_parser",
    # init --from-app reads an app's functions by introspection, which differs between Pythons
    "tests/test_init.py::test_the_spec_of_a_flask_socketio_app",
    "tests/test_init.py::test_the_spec_of_a_python_socketio_server",
    "tests/test_init.py::test_the_spec_of_a_python_socketio_asgi_app",
    # generated packages pass mypy --strict and ruff: a server of each runtime and a client
    "tests/test_server_package.py::test_generated_package_passes_mypy_strict_and_ruff[tictactoe]",
    "tests/test_server_package.py::test_generated_package_passes_mypy_strict_and_ruff"
    "[tictactoe_asgi]",
    "tests/test_client_package.py::test_golden_client_passes_mypy_strict_and_ruff[tictactoe]",
    # they serve: generated server and generated clients (sync and asyncio) over a websocket, on
    # each runtime
    "tests/test_server_e2e.py::test_server_starts_with_every_stub_and_answers_not_implemented",
    "tests/test_client_e2e.py::test_sync_typed_ack_and_server_events_as_models",
    "tests/test_client_e2e.py::test_async_client_has_the_same_shape",
    # the test session itself (its models cache, the vendored corpus)
    "tests/test_suite_hygiene.py",
]


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """The test suite on each supported Python, in parallel (pytest-xdist): whole on the oldest
    and newest, the smoke set (SMOKE) in between. Arguments after ``--`` go to pytest and
    replace these defaults (``nox -s tests -- -n 4`` runs the whole suite everywhere)."""
    session.install("-e", ".[test]")
    workers = str(min(8, 2 * (os.cpu_count() or 1)))
    default = ["-n", workers, "--dist", "worksteal"]
    if session.python not in FULL_SUITE:
        default += SMOKE
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
