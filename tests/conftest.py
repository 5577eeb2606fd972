from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Third-party documents the tests read, vendored with their sources and licenses (README there).
CORPUS = ROOT / "tests" / "corpus"
SPECS_CORPUS = CORPUS / "specs"
"""Real-world AsyncAPI documents; ``SOURCES.tsv`` lists them."""
JSON_SCHEMA_TEST_SUITE = CORPUS / "json-schema-test-suite"
"""JSON-Schema-Test-Suite: ``tests/draft7/*.json`` and the ``remotes/`` they refer to."""

# The models cache of this test run: nothing is read from (or left in) the user's own cache.
# Made here, before any test imports sio_codegen; pytest-xdist workers inherit the variable and
# share the folder (entries are written atomically); the process that made it removes it.
_OWN_CACHE: str | None = None
if not os.environ.get("SIO_CODEGEN_CACHE"):
    _OWN_CACHE = tempfile.mkdtemp(prefix="sio-codegen-test-cache-")
    os.environ["SIO_CODEGEN_CACHE"] = _OWN_CACHE
sys.path.insert(0, str(ROOT / "tests"))

CLOSE_TIMEOUT = 0.25
"""How long a websocket-client connection closed in a test waits for the server's close frame."""


def _close_without_the_idle_wait() -> None:
    """python-engineio's sync client closes its websocket (websocket-client) from the caller's
    thread while its read loop thread is blocked reading the same socket: the server's close
    frame goes to the read loop, and ``close()`` waits for another until its timeout, 3 s, unless
    the server drops the TCP connection (uvicorn does; Werkzeug, under the flask runtime, does
    not). The same 3 s with a bare Flask-SocketIO app: a library race. The generated client's
    WebSocket waits for the frame where it arrives (tests/test_disconnect.py), but tests also
    use bare ``socketio.Client``s and websocket-client directly; they assert nothing about that
    wait, so here it is shorter."""
    import websocket  # websocket-client, which python-socketio[client] brings

    close = websocket.WebSocket.close

    def close_sooner(self: Any, status: int = 1000, reason: Any = b"", timeout: Any = 3) -> None:
        close(
            self, status, reason, CLOSE_TIMEOUT if timeout is None else min(timeout, CLOSE_TIMEOUT)
        )

    websocket.WebSocket.close = close_sooner


_close_without_the_idle_wait()


def pytest_unconfigure(config: pytest.Config) -> None:
    if _OWN_CACHE is not None:
        shutil.rmtree(_OWN_CACHE, ignore_errors=True)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "single_threaded: the test needs a process with no other thread (it forks); where an "
        "earlier test of the same worker left threads behind, it runs in a fresh pytest process",
    )


_IN_FRESH_PROCESS = "SIO_TEST_FRESH_PROCESS"


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """A ``single_threaded`` test runs here when this process has no other thread (after a
    short wait for leftovers to end), else in a fresh pytest process whose verdict is its own:
    a fork made with other threads running is what the code under test refuses to do."""
    marked = pyfuncitem.get_closest_marker("single_threaded") is not None
    if not marked or os.environ.get(_IN_FRESH_PROCESS):
        return None
    from sio_codegen.render.models_worker import only_thread  # after the cache is set up

    deadline = time.monotonic() + 5
    while not only_thread() and time.monotonic() < deadline:
        time.sleep(0.05)
    if only_thread():
        return None
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
         pyfuncitem.nodeid],
        cwd=ROOT, env={**os.environ, _IN_FRESH_PROCESS: "1"}, capture_output=True, text=True,
        timeout=240, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    return True


@pytest.fixture
def write_spec(tmp_path: Path):
    """Write a spec (text) into a fresh folder and return its path."""

    def write(text: str, name: str = "asyncapi.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        return path

    return write


@pytest.fixture(scope="session")
def redis(tmp_path_factory: pytest.TempPathFactory):
    """A real ``redis-server`` on a free 127.0.0.1 port, for the whole session (one per pytest-xdist
    worker): see ``tests/redis_server.py``. Skipped without redis-server, a failure with CI set."""
    from redis_server import redis_server  # imported here: it imports sio_codegen (see above)

    with redis_server(tmp_path_factory.mktemp("redis")) as server:
        yield server
