"""How a generated sync client's disconnect ends, on both server runtimes: over a websocket it
completes the closing handshake (the server's close frame reaches it, wherever python-engineio's
read loop receives it), and over long-polling the asgi server answers the client's pending GET
when the client closes. Both used to cost idle seconds per disconnect (3 s and ~30 s): see
README "A typed client" (Disconnecting)."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
import websocket
from clients import generate_client, import_client
from servers import RUNTIMES, RunningServer, for_runtime, generate_server, run_server
from test_server_hardening import ECHO_HANDLERS

SPEC = Path(__file__).parent / "specs" / "e2e.yaml"
SETTLE = 0.2
"""Seconds a test lets python-engineio's read loop send its next long-poll GET before it
disconnects (the GET then waits at the server): what a client does between two calls."""


@pytest.fixture(scope="module")
def client_module(tmp_path_factory: pytest.TempPathFactory) -> ModuleType:
    root = tmp_path_factory.mktemp("disconnect_client")
    generate_client(SPEC, root, "disconnect_client")
    return import_client(root, "disconnect_client")


@pytest.fixture(scope="module", params=RUNTIMES)
def server(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[RunningServer]:
    root = tmp_path_factory.mktemp("disconnect_server")
    folder = generate_server(SPEC, root, "disconnect_server", request.param)
    (folder / "handlers.py").write_text(for_runtime(ECHO_HANDLERS, request.param))
    # a short ping cycle: a long-poll GET nobody answers ends (with an error) after 4 s, not 45 s
    env = {"SIO_PING_INTERVAL": "2", "SIO_PING_TIMEOUT": "2"}
    with run_server(root, "disconnect_server", env=env) as running:
        yield running


def test_websocket_disconnect_completes_the_closing_handshake(
    client_module: ModuleType, server: RunningServer
) -> None:
    client = client_module.Client(server.url, transports=["websocket"], namespaces=["/"])
    client.connect()
    assert client.echo(client_module.models.EchoPayload(text="hi")).text == "hi"
    ws = client.sio.eio.ws
    assert isinstance(ws, websocket.WebSocket)
    client.disconnect()
    # The server's close frame arrived, though python-engineio's read loop, not close(), read
    # it: before, close() waited for a second one until its timeout (3 s) and had none.
    assert ws.close_frame is not None
    assert ws.close_frame.opcode == websocket.ABNF.OPCODE_CLOSE
    assert ws.close_frame.data[:2] == (1000).to_bytes(2, "big")  # a normal closure
    assert not ws.connected


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def test_polling_disconnect_gets_its_pending_get_answered(
    client_module: ModuleType, server: RunningServer
) -> None:
    engineio_log = logging.getLogger("test_disconnect.engineio")
    engineio_log.setLevel(logging.INFO)
    engineio_log.propagate = False
    records = _Records()
    engineio_log.addHandler(records)
    try:
        client = client_module.Client(
            server.url, transports=["polling"], namespaces=["/"], engineio_logger=engineio_log
        )
        client.connect()
        assert client.echo(client_module.models.EchoPayload(text="hi")).text == "hi"
        time.sleep(SETTLE)  # not a timed assert: the next GET is sent and waits at the server
        assert client.sio.eio.state == "connected"
        client.disconnect()
    finally:
        engineio_log.removeHandler(records)
    messages = [record.getMessage() for record in records.records]
    assert any(message.startswith("Sending polling GET request") for message in messages)
    # The GET pending at the close was answered (200, no packet) and the read loop ended quietly:
    # before, the asgi server left it unanswered until ping_interval + ping_timeout, then
    # answered 400 ("Unexpected status code 400 in server response, aborting"), or the client's
    # read timeout ended it first.
    assert [m for m in messages if m.startswith(("Unexpected", "HTTP GET request"))] == []
    assert [r.getMessage() for r in records.records if r.levelno >= logging.WARNING] == []
