"""Generate a server package into a temporary folder and run it on 127.0.0.1 for a test."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sio_codegen.cli.commands import main as cli_main


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def generate_server(spec: Path, root: Path, package: str) -> Path:
    code = cli_main(["server", str(spec), "-o", str(root / package), "--quiet"])
    assert code == 0
    return root / package


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


@contextmanager
def run_server(
    root: Path,
    package: str,
    env: dict[str, str] | None = None,
    port: int | None = None,
    args: list[str] | None = None,
) -> Iterator[RunningServer]:
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
        deadline = time.monotonic() + 20
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"server exited: {output_file.read_text()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("server did not start") from None
                time.sleep(0.05)
        yield RunningServer(f"http://127.0.0.1:{port}", port, log_file, process, output_file)
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        output.close()
