"""A helper process that makes the models module while the main process does everything else.

datamodel-code-generator spends about 0.3 s importing itself before it generates anything, and
then works on the schemas alone. The CLI forks this worker as soon as it knows there is work to
do: the worker imports the generator while the main process imports the rest of sio-codegen and
loads the spec; it then generates the models while the main process renders the templates. On a
machine with two cores that takes the generator's import off the critical path.

Only on Linux (fork), only from a process without other threads (forking a threaded process can
deadlock the child), and not with ``SIO_CODEGEN_WORKER=0``; otherwise, or if the worker dies,
models are generated in the main process. The output is the same either way: the worker runs the
same function on the same JSON (``tests/test_models_worker.py`` compares the files the CLI
writes with and without it)."""

from __future__ import annotations

import os
import pickle
import signal
import struct
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Any

_LENGTH = struct.Struct("!Q")
_current: Worker | None = None


class WorkerError(Exception):
    """The worker answered with an error: the generator's own message."""


class Worker:
    """The parent's end: one request at a time (``submit``, then ``result``)."""

    def __init__(self, pid: int, requests: int, results: int) -> None:
        self.pid = pid
        self._requests = requests
        self._results = results
        self._sender: threading.Thread | None = None
        self.alive = True

    def submit(self, schemas_json: str, header: str) -> None:
        # Sent from a thread: a large request fills the pipe long before the worker, still
        # importing, reads it, and the main process has templates to render meanwhile.
        payload = pickle.dumps((schemas_json, header))
        self._sender = threading.Thread(target=self._send, args=(payload,), daemon=True)
        self._sender.start()

    def _send(self, payload: bytes) -> None:
        try:
            _write(self._requests, payload)
        except OSError:
            self.alive = False

    def result(self) -> str | None:
        """The models source; None if the worker is gone (the caller generates it itself).
        Raises WorkerError with the generator's message when generation failed."""
        if self._sender is not None:
            self._sender.join()
            self._sender = None
        if not self.alive:
            return None
        try:
            status, value = pickle.loads(_read(self._results))
        except (OSError, EOFError, pickle.UnpicklingError):
            self.alive = False
            return None
        if status == "error":
            raise WorkerError(value)
        return str(value)

    def close(self) -> None:
        for fd in (self._requests, self._results):
            with suppress(OSError):
                os.close(fd)
        with suppress(OSError):  # it may still be importing, with nothing left to do
            os.kill(self.pid, signal.SIGKILL)
        with suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


def current() -> Worker | None:
    """The worker of the running command, if it has one."""
    return _current if _current is not None and _current.alive else None


@contextmanager
def started() -> Iterator[Worker | None]:
    """Fork a worker for the duration of the block, where that is safe and wanted; inside
    another such block, use its worker."""
    global _current
    if _current is not None:
        yield current()
        return
    worker = _fork() if _usable() else None
    _current = worker
    try:
        yield worker
    finally:
        _current = None
        if worker is not None:
            worker.close()


def _usable() -> bool:
    return (
        sys.platform.startswith("linux")
        and os.environ.get("SIO_CODEGEN_WORKER", "1") != "0"
        and only_thread()
    )


def only_thread() -> bool:
    """True when this process runs no other thread: counted by the kernel (``/proc/self/task``),
    since ``threading.active_count()`` misses threads started below ``threading`` (``_thread``,
    C extensions), which a fork would copy in whatever lock they hold just the same."""
    if threading.active_count() > 1:
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc: threading's count is all there is
        return True


def _fork() -> Worker | None:
    requests_read, requests_write = os.pipe()
    results_read, results_write = os.pipe()
    for stream in (sys.stdout, sys.stderr):  # nothing buffered may be written twice
        stream.flush()
    try:
        pid = os.fork()
    except OSError:
        for fd in (requests_read, requests_write, results_read, results_write):
            os.close(fd)
        return None
    if pid == 0:  # the worker: never returns, never runs the parent's exit handlers
        try:
            os.close(requests_write)
            os.close(results_read)
            _serve(requests_read, results_write)
        finally:
            os._exit(0)
    os.close(requests_read)
    os.close(results_write)
    return Worker(pid, requests_write, results_read)


def _serve(requests: int, results: int) -> None:
    import json

    from sio_codegen.render import models_generator

    with suppress(Exception):  # a real request meets the same problem, and says it
        models_generator.import_generator()
    while True:
        try:
            schemas_json, header = pickle.loads(_read(requests))
        except (OSError, EOFError):
            return
        outcome: tuple[str, Any]
        try:
            outcome = ("ok", models_generator.generate(json.loads(schemas_json), header))
        except Exception as exc:  # everything reaches the parent, which decides
            outcome = ("error", str(exc))
        _write(results, pickle.dumps(outcome))


def _write(fd: int, payload: bytes) -> None:
    data = memoryview(_LENGTH.pack(len(payload)) + payload)
    while data:
        data = data[os.write(fd, data) :]


def _read(fd: int) -> bytes:
    (length,) = _LENGTH.unpack(_read_exactly(fd, _LENGTH.size))
    return _read_exactly(fd, length)


def _read_exactly(fd: int, size: int) -> bytes:
    chunks: list[bytes] = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            raise EOFError("the models worker closed its pipe")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)
