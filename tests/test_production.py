"""The generated server as the README runs it in production: under gunicorn (gthread worker,
the generated gunicorn_conf), on 127.0.0.1. Both transports, the connection cap, half-open
connections reaped by the ping timeout; and ``python -m PKG`` as the development entry point."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import socketio
import websocket
from rawsio import RawSocket
from servers import RunningServer, free_port, generate_server, run_server
from test_server_hardening import ECHO_HANDLERS, SPECS

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="gunicorn runs on Unix only")


@pytest.fixture(scope="module")
def package_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("prod")
    folder = generate_server(SPECS / "e2e.yaml", root, "prod_server")
    (folder / "handlers.py").write_text(ECHO_HANDLERS)
    return root


@contextmanager
def gunicorn(root: Path, env: dict[str, str]) -> Iterator[RunningServer]:
    """The command of the README, on a free loopback port."""
    port = free_port()
    output_file = root / f"gunicorn-{port}.out"
    with output_file.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", "python:prod_server._generated.gunicorn_conf",
             "--bind", f"127.0.0.1:{port}", "--no-control-socket", "prod_server.wsgi:app"],
            cwd=root, env={**os.environ, **env}, stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 30
            while True:
                if process.poll() is not None:
                    raise RuntimeError(f"gunicorn exited: {output_file.read_text()}")
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise RuntimeError("gunicorn did not start") from None
                    time.sleep(0.05)
            yield RunningServer(
                f"http://127.0.0.1:{port}", port, root / "calls", process, output_file
            )  # type: ignore[arg-type]
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.fixture(scope="module")
def production(package_root: Path) -> Iterator[RunningServer]:
    env = {"SIO_THREADS": "12", "SIO_MAX_CONNECTIONS": "3", "SIO_PING_INTERVAL": "1",
           "SIO_PING_TIMEOUT": "1"}  # fmt: skip
    with gunicorn(package_root, env) as server:
        yield server


def connect(server: RunningServer, transports: list[str] | None) -> socketio.Client:
    client = socketio.Client(reconnection=False)
    client.connect(server.url, transports=transports, wait_timeout=10)
    return client


def connected(server: RunningServer, clients: list[socketio.Client], count: int) -> bool:
    """Connect clients until ``count`` are; False when one is refused (the cap is reached
    until the server has seen earlier clients go)."""
    while len(clients) < count:
        try:
            clients.append(connect(server, ["websocket"]))
        except socketio.exceptions.ConnectionError:
            return False
    return True


@pytest.mark.parametrize("transports", [["websocket"], ["polling"], None])
def test_both_transports_under_gunicorn(production: RunningServer, transports: list[str]) -> None:
    client = connect(production, transports)
    try:
        assert client.call("echo", {"text": "hi"}, timeout=10) == {"text": "hi"}
        error = client.call("echo", {"text": 5}, timeout=10)
        assert error["sio_error"]["type"] == "validation_error"
    finally:
        client.disconnect()


def wait_until(predicate, timeout: float = 20) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def test_connections_beyond_the_cap_are_refused(production: RunningServer) -> None:
    clients: list[socketio.Client] = []
    try:
        assert wait_until(lambda: connected(production, clients, 3))
        with pytest.raises(socketio.exceptions.ConnectionError):
            connect(production, ["websocket"])
        with pytest.raises(socketio.exceptions.ConnectionError):
            connect(production, ["polling"])
        assert clients[0].call("echo", {"text": "still"}, timeout=10) == {"text": "still"}
        clients.pop().disconnect()
        assert wait_until(lambda: connected(production, clients, 3))  # its place is free again
    finally:
        for client in clients:
            client.disconnect()


def test_half_open_connections_are_reaped(production: RunningServer) -> None:
    """A client that stops answering pings (a half-open TCP connection looks the same) is
    closed by the server after ping interval + timeout, and its place freed."""
    sockets: list[RawSocket] = []

    def opened() -> bool:  # once the earlier tests' clients are gone
        try:
            sockets.append(RawSocket(production.url))
        except websocket.WebSocketBadStatusException:
            return False
        return True

    assert wait_until(opened)
    silent = sockets[0]
    silent.send("40")
    closed = False
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            frame = silent.ws.recv()  # pings ("2") are read and never answered
        except (websocket.WebSocketConnectionClosedException, OSError):
            closed = True
            break
        if frame == "":
            closed = True
            break
    silent.close()
    assert closed
    clients: list[socketio.Client] = []
    try:  # its place is free again: three clients connect
        assert wait_until(lambda: connected(production, clients, 3))
    finally:
        for client in clients:
            client.disconnect()


def test_python_m_is_the_development_server_and_says_so(package_root: Path) -> None:
    with run_server(package_root, "prod_server") as server:
        with RawSocket(server.url) as sock:
            assert sock.connect("/").startswith("40{")
            assert sock.call("echo", {"text": "dev"}) == [{"text": "dev"}]
        output = server.output()
    first = output.splitlines()[0]
    assert first.startswith(f"serving on {server.url} (development server; in production: gunicorn")
    assert "Werkzeug" not in output and "WARNING: This is a development server" not in output


def test_an_unusable_setting_is_one_line_and_exit_2(package_root: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "prod_server"], cwd=package_root, capture_output=True, text=True,
        env={**os.environ, "SIO_MAX_CONNECTIONS": "abc"}, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "python -m prod_server: SIO_MAX_CONNECTIONS: expected a positive integer, got 'abc'"
    ]
