"""The models worker (a forked process running datamodel-code-generator) gives exactly what the
main process would, reports the generator's errors the same way, and is never needed."""

from __future__ import annotations

import _thread
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from sio_codegen.render import models as models_py
from sio_codegen.render import models_generator, models_worker

SCHEMAS = {
    "Move": {
        "type": "object",
        "properties": {
            "cell": {"type": "integer", "minimum": 0, "maximum": 8},
            "player": {"enum": ["x", "o"]},
            "note": {"type": "string", "description": 'quotes " and \\ backslashes'},
        },
        "required": ["cell", "player"],
    },
    "Board": {"type": "array", "items": {"$ref": "#/definitions/Move"}},
}

pytestmark = [
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fork: Linux only"),
    pytest.mark.single_threaded,  # an earlier test's leftover threads would stop the fork
]


@pytest.fixture(autouse=True)
def no_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIO_CODEGEN_NO_CACHE", "1")


def test_the_worker_gives_what_the_main_process_gives() -> None:
    here = models_py.render_models(SCHEMAS, "# header\n")
    with models_worker.started() as worker:
        assert worker is not None and models_worker.current() is worker
        there = models_py.render_models(SCHEMAS, "# header\n")
        assert worker.alive
    assert there == here and "class Move(BaseModel)" in there
    assert models_worker.current() is None


def test_generator_errors_read_the_same_from_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(document: dict[str, object], header: str) -> str:
        if "Broken" in document["definitions"]:  # type: ignore[operator]
            raise ValueError("cannot express Broken")
        return real(document, header)

    real = models_generator._run_generator
    monkeypatch.setattr(models_generator, "_run_generator", boom)  # the forked worker inherits it
    broken = {"Broken": {"type": "string"}}
    with pytest.raises(models_py.ModelGenerationError) as here:
        models_py.render_models(broken, "")
    with models_worker.started() as worker:
        assert worker is not None
        with pytest.raises(models_py.ModelGenerationError) as there:
            models_py.render_models(broken, "")
        assert "class Move" in models_py.render_models(SCHEMAS, "")  # it goes on serving
        assert worker.alive
    assert str(there.value) == str(here.value)
    assert str(here.value) == "datamodel-code-generator failed: cannot express Broken"


def test_a_dead_worker_falls_back_to_the_main_process() -> None:
    expected = models_py.render_models(SCHEMAS, "")
    with models_worker.started() as worker:
        assert worker is not None
        os.kill(worker.pid, signal.SIGKILL)
        assert models_py.render_models(SCHEMAS, "") == expected
        assert models_worker.current() is None  # known dead, not asked again


def test_no_worker_when_switched_off_or_threads_run(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SIO_CODEGEN_WORKER", "0")
    with models_worker.started() as worker:
        assert worker is None
    monkeypatch.delenv("SIO_CODEGEN_WORKER")
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        with models_worker.started() as worker:  # forking a threaded process may deadlock
            assert worker is None
    finally:
        release.set()
        thread.join()


def test_no_worker_when_a_thread_threading_does_not_know_runs() -> None:
    """A thread started below ``threading`` (``_thread``, a C extension's, pytest-xdist's
    channel) counts too: ``threading.active_count()`` does not see it, the kernel does."""
    release = _thread.allocate_lock()
    release.acquire()
    started = threading.Event()

    def wait() -> None:
        started.set()
        release.acquire()

    _thread.start_new_thread(wait, ())
    try:
        assert started.wait(5)
        with models_worker.started() as worker:  # forking a threaded process may deadlock
            assert worker is None
    finally:
        release.release()


def test_the_cli_writes_the_same_files_with_and_without_the_worker(tmp_path: Path) -> None:
    spec = Path(__file__).parent / "specs" / "e2e.yaml"
    trees = []
    for switch in ("1", "0"):
        out = tmp_path / f"worker{switch}" / "pkg"
        env = {**os.environ, "SIO_CODEGEN_WORKER": switch, "SIO_CODEGEN_NO_CACHE": "1"}
        subprocess.run([sys.executable, "-m", "sio_codegen", "server", str(spec), "-o", str(out),
                        "-q"], env=env, check=True)  # fmt: skip
        trees.append({p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()})
    assert trees[0] == trees[1] and len(trees[0]) > 5


def test_a_failed_models_module_fails_the_same_way_when_asked_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from sio_codegen.diagnostics import SpecError
    from sio_codegen.load.loader import load_api
    from sio_codegen.pipeline import start_models_source

    def boom(document: dict[str, object], header: str) -> str:
        if "Warm" in document["definitions"]:  # type: ignore[operator]
            return real(document, header)
        raise ValueError("cannot express it")

    real = models_generator._run_generator

    monkeypatch.setattr(models_generator, "_run_generator", boom)
    loaded = load_api(Path(__file__).parent / "specs" / "e2e.yaml")

    class Hung(Exception):  # not an OSError: a read it interrupts must not swallow it
        pass

    def hung(*_: object) -> None:
        raise Hung("models() waited for an answer the worker had already given")

    # The worker answers each request once: asking again must not wait for it.
    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(60)
    try:
        with models_worker.started() as worker:
            assert worker is not None
            models = start_models_source(loaded)
            errors = []
            for _ in range(2):
                with pytest.raises(SpecError) as caught:
                    models()
                errors.append(str(caught.value.diagnostics[0]))
            assert start_models_source(loaded) is models
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert errors[0] == errors[1] and "cannot express it" in errors[0]


def test_a_failing_warm_up_leaves_the_worker_serving(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(document: dict[str, object], header: str) -> str:
        raise ValueError("no generator today")

    monkeypatch.setattr(models_generator, "_run_generator", boom)
    with models_worker.started() as worker:
        assert worker is not None
        with pytest.raises(models_py.ModelGenerationError, match="no generator today"):
            models_py.render_models(SCHEMAS, "")
        assert worker.alive  # the answer came from the worker, not from a fallback


def test_a_no_op_run_forks_no_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sio_codegen.cli.commands import main

    spec, out = Path(__file__).parent / "specs" / "e2e.yaml", tmp_path / "pkg"
    assert main(["server", str(spec), "-o", str(out), "-q"]) == 0

    def no_fork() -> None:
        raise AssertionError("an up-to-date run forked a models worker")

    monkeypatch.setattr(models_worker, "_fork", no_fork)
    assert main(["server", str(spec), "-o", str(out), "-q"]) == 0
    config = tmp_path / "pyproject.toml"
    config.write_text(f'[tool.sio-codegen.profiles.s]\ncommand = "server"\nspec = "{spec}"\n'
                      f'output = "{out}"\n')  # fmt: skip
    assert main(["generate", "-q", "--config", str(config)]) == 0


def test_a_run_whose_models_are_cached_forks_no_worker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sio_codegen.cli.commands import main

    monkeypatch.setenv("SIO_CODEGEN_CACHE", str(tmp_path / "cache"))
    monkeypatch.delenv("SIO_CODEGEN_NO_CACHE")
    spec = Path(__file__).parent / "specs" / "e2e.yaml"
    forks = []
    real_fork = models_worker._fork

    def counted() -> models_worker.Worker | None:
        forks.append(1)
        return real_fork()

    monkeypatch.setattr(models_worker, "_fork", counted)
    assert main(["server", str(spec), "-o", str(tmp_path / "srv"), "-q"]) == 0
    assert len(forks) == 1  # the models were not cached: a worker made them

    def no_fork() -> None:
        raise AssertionError("a run whose models are cached forked a models worker")

    monkeypatch.setattr(models_worker, "_fork", no_fork)
    assert main(["client", str(spec), "-o", str(tmp_path / "cli"), "-q"]) == 0
    config = tmp_path / "pyproject.toml"
    config.write_text(f'[tool.sio-codegen.profiles.c]\ncommand = "client"\nspec = "{spec}"\n'
                      f'output = "{tmp_path / "cli2"}"\n')  # fmt: skip
    assert main(["generate", "-q", "--config", str(config)]) == 0
    assert (tmp_path / "cli2" / "models.py").is_file()
