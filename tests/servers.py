"""Generate a server package into a temporary folder and run it on 127.0.0.1 for a test."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sio_codegen.cli.commands import main as cli_main


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


RUNTIMES = ("flask", "asgi")
"""What a generated server runs on: tests of the server run on both (``--runtime``)."""


def generate_server(spec: Path, root: Path, package: str, runtime: str = "flask") -> Path:
    args = ["server", str(spec), "-o", str(root / package), "--quiet"]
    code = cli_main([*args, "--runtime", runtime] if runtime != "flask" else args)
    assert code == 0
    return root / package


_METHODS = re.compile(r"^(\s+)def (on_|handle_|verify_)(?!.*# stays sync)", re.MULTILINE)
_AWAITED = re.compile(
    r"(?<![\w.])((?:\w+Emitter\(self\.socketio\)|emitter)\.(?:emit_|call_|(?:enter|leave|close)_room\()"
    r"|self\.socketio\.emit\(|self\.(?:enter|leave|close)_room\()"
)
_FUTURE = "from __future__ import annotations\n"


def for_runtime(source: str, runtime: str) -> str:
    """Handlers written for the flask runtime, as the asgi runtime takes them: ``async def``
    methods (but those whose line says ``# stays sync``: the asgi runtime takes sync ones too),
    emits and room helpers (of handlers and emitters) awaited, ``self.sio`` for
    ``self.socketio``, ``asyncio.sleep`` for ``time.sleep``. The tests write each handler once,
    so both runtimes run the same logic."""
    if runtime == "flask":
        return source
    source = _METHODS.sub(r"\1async def \2", source)
    source = _AWAITED.sub(r"await \1", source)
    source = source.replace("self.socketio", "self.sio")
    if "time.sleep(" in source:
        source = source.replace("time.sleep(", "await asyncio.sleep(")
        source = source.replace(_FUTURE, _FUTURE + "\nimport asyncio\n", 1)
    return source


@dataclass
class RunningServer:
    url: str
    port: int
    log_file: Path
    process: subprocess.Popen[str]

    def calls(self) -> list[list[object]]:
        """What the test handlers recorded, one JSON list per line."""
        if not self.log_file.exists():
            return []
        return [json.loads(line) for line in self.log_file.read_text().splitlines() if line]

    output_file: Path | None = None

    def output(self) -> str:
        """Stop the server; what it printed (to a file: a pipe nobody reads would fill up and
        block a server that logs a lot)."""
        self.process.terminate()
        self.process.wait(timeout=10)
        return self.output_file.read_text() if self.output_file else ""


def wait_for_port(
    port: int, process: subprocess.Popen[Any], output_file: Path | None = None, timeout: float = 20
) -> None:
    """Until a server process accepts TCP connections on 127.0.0.1:``port``; an error if it
    exits (with what it printed) or does not in ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            printed = output_file.read_text() if output_file else ""
            raise RuntimeError(f"server exited: {printed}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError("server did not start") from None
            time.sleep(0.05)


@contextmanager
def run_server(
    root: Path,
    package: str,
    env: dict[str, str] | None = None,
    port: int | None = None,
    args: list[str] | None = None,
) -> Iterator[RunningServer]:
    """``python -m package --host 127.0.0.1 --port P [args]`` in ``root``, once it accepts
    connections; stopped at the end."""
    port = port or free_port()
    log_file = root / f"{package}-calls.jsonl"
    output_file = root / f"{package}-{port}.out"
    output = output_file.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", package, "--host", "127.0.0.1", "--port", str(port), *(args or [])],
        cwd=root,
        env={**os.environ, "SIO_TEST_LOG": str(log_file), **(env or {})},
        stdout=output,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_for_port(port, process, output_file)
        yield RunningServer(f"http://127.0.0.1:{port}", port, log_file, process, output_file)
    finally:
        stop(process)
        output.close()


def stop(process: subprocess.Popen[Any], grace: float = 10) -> None:
    """Terminate a server process (kill it if it has not ended in ``grace`` seconds) and wait
    for it."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
