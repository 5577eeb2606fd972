"""A real ``redis-server`` for the tests: on a free 127.0.0.1 port, no persistence, its files in
a temporary folder; ready once it answers PING, stopped at the end. Without ``redis-server``
the tests that need it are skipped locally with the reason; with CI set it is a failure
(``.ci/run`` installs it)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from servers import free_port, stop

STARTUP_SECONDS = 20


@dataclass
class RedisServer:
    port: int
    process: subprocess.Popen[bytes]
    log_file: Path

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"


def redis_server_command() -> str:
    """The path of ``redis-server``, or a skip (a failure with CI set) saying it is missing."""
    found = shutil.which("redis-server")
    if found is None:
        message = "redis-server not found (Debian: apt-get install redis-server; .ci/run does it)"
        if os.environ.get("CI"):
            pytest.fail(f"{message}: CI must run the message queue tests")
        pytest.skip(message)
    return found


def ping(port: int) -> bool:
    """True when a Redis server answers PING on 127.0.0.1:``port`` (RESP, no client library)."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def start_redis(command: str, port: int, folder: Path) -> subprocess.Popen[bytes]:
    """``redis-server`` on 127.0.0.1:``port`` (no persistence), once it answers PING; a
    RuntimeError with its log if it exits first (the port taken) or never answers."""
    log_file = folder / f"redis-{port}.log"
    with log_file.open("ab") as log:
        process = subprocess.Popen(
            [command, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(folder), "--daemonize", "no"],
            stdout=log, stderr=subprocess.STDOUT, cwd=folder,
        )  # fmt: skip
    deadline = time.monotonic() + STARTUP_SECONDS
    while process.poll() is None and not ping(port):
        if time.monotonic() > deadline:
            stop(process)
            raise RuntimeError(f"redis-server did not answer PING: {log_file.read_text()}")
        time.sleep(0.05)
    if process.poll() is not None:
        raise RuntimeError(f"redis-server exited: {log_file.read_text()}")
    return process


@contextmanager
def redis_server(folder: Path) -> Iterator[RedisServer]:
    """Start ``redis-server`` (a few attempts: another process may take the free port first),
    wait until it answers PING, yield it, stop it."""
    command = redis_server_command()
    folder.mkdir(parents=True, exist_ok=True)
    for attempt in range(3):
        port = free_port()
        try:
            process = start_redis(command, port, folder)
        except RuntimeError:  # the port was taken meanwhile, or it failed
            if attempt == 2:
                raise
            continue
        try:
            yield RedisServer(port, process, folder / f"redis-{port}.log")
            return
        finally:
            stop(process)


class RestartableRedis:
    """A ``redis-server`` of one test that the test stops and starts again on the same port
    (what an outage looks like to the processes using it)."""

    def __init__(self, folder: Path) -> None:
        self.command = redis_server_command()
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.process: subprocess.Popen[bytes] | None = None
        for attempt in range(3):
            self.port = free_port()
            try:
                self.start()
                return
            except RuntimeError:
                if attempt == 2:
                    raise

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        assert self.process is None or self.process.poll() is not None, "already running"
        self.process = start_redis(self.command, self.port, self.folder)

    def stop(self) -> None:
        """Stop it; once this returns, nothing answers on the port."""
        if self.process is not None:
            stop(self.process)
        assert not ping(self.port)
