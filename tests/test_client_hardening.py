"""The generated client against a hostile server on 127.0.0.1: malformed error objects stay in
the ClientError family, and what the server may send is bounded by ``max_message_size``, the
same way for the sync and the asyncio client and for both transports."""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
from clients import generate_client, import_client
from helpers import dedent
from servers import free_port

SPEC = dedent(
    """
    asyncapi: 2.6.0
    info: {title: Hostile, version: 1.0.0}
    servers:
      local: {url: "127.0.0.1/socket.io", protocol: ws}
    channels:
      /:
        publish:
          message:
            name: fetch
            payload: {type: string}
            x-ack:
              type: object
              properties: {blob: {type: string}, sio_error_not: {type: integer}}
        subscribe:
          message: {name: blob, payload: {type: string}}
    """
)

# A plain python-socketio server that answers ``fetch`` with whatever the test asks for.
SERVER = dedent(
    """
    import sys

    import socketio
    from werkzeug.serving import run_simple

    sio = socketio.Server(async_mode="threading", max_http_buffer_size=100_000_000)
    ANSWERS = {
        "errors5": {"sio_error": {"errors": 5}},
        "str": {"sio_error": "str"},
        "null": {"sio_error": None},
        "list": {"sio_error": ["x"]},
        "typeint": {"sio_error": {"type": 5, "message": "m"}},
        "errorsstr": {"sio_error": {"type": "t", "message": "m", "errors": ["x"]}},
        "good": {"sio_error": {"type": "invalid", "message": "m", "errors": [{"loc": []}]}},
        "named": {"sio_error": {"type": "room_error", "event": "join", "message": "m"}},
        "badname": {"sio_error": {"type": "t", "event": 5, "message": "m"}},
        "ok": {"sio_error_not": 1},
    }


    @sio.on("fetch")
    def fetch(sid, what):
        if what.startswith("big:"):
            return {"blob": "x" * int(what[4:])}
        if what.startswith("emit:"):
            sio.emit("blob", "y" * int(what[5:]), to=sid)
            return {}
        return ANSWERS[what]


    run_simple("127.0.0.1", int(sys.argv[1]), socketio.WSGIApp(sio), threaded=True)
    """
)


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, ModuleType]]:
    root = tmp_path_factory.mktemp("hostile")
    (root / "hostile.yaml").write_text(SPEC)
    (root / "hostile_server.py").write_text(SERVER)
    generate_client(root / "hostile.yaml", root, "hostile_client")
    port = free_port()
    with (root / "server.out").open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "hostile_server.py", str(port)],
            cwd=root, env=dict(os.environ), stdout=output, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 20
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    if time.monotonic() > deadline or process.poll() is not None:
                        raise RuntimeError((root / "server.out").read_text()) from None
                    time.sleep(0.05)
            yield f"http://127.0.0.1:{port}", import_client(root, "hostile_client")
        finally:
            process.terminate()
            process.wait(timeout=10)


MALFORMED = ["errors5", "str", "null", "list", "typeint", "errorsstr"]


@pytest.mark.parametrize("what", MALFORMED)
def test_malformed_error_objects_are_protocol_errors(
    hostile: tuple[str, ModuleType], what: str
) -> None:
    url, pkg = hostile
    with (
        pkg.Client(url, transports=["websocket"]) as client,
        pytest.raises(pkg.runtime.ProtocolError) as caught,
    ):
        client.root.fetch(pkg.models.FetchPayload(what), timeout=10)
    assert isinstance(caught.value, pkg.ServerError)  # the documented family, exported
    assert isinstance(caught.value, pkg.ClientError)
    assert pkg.ProtocolError is pkg.runtime.ProtocolError
    assert caught.value.type == "protocol_error"


def test_well_formed_error_objects_and_acks(hostile: tuple[str, ModuleType]) -> None:
    url, pkg = hostile
    with pkg.Client(url, transports=["websocket"]) as client:
        with pytest.raises(pkg.runtime.ServerError) as caught:
            client.root.fetch(pkg.models.FetchPayload("good"), timeout=10)
        assert type(caught.value) is pkg.runtime.ServerError
        assert caught.value.type == "invalid" and caught.value.errors == [{"loc": []}]
        assert caught.value.server_event is None  # the error object names no event
        with pytest.raises(pkg.runtime.ServerError) as caught:
            client.root.fetch(pkg.models.FetchPayload("named"), timeout=10)
        # the event the server reported is kept, beside the event this client sent
        assert (caught.value.server_event, caught.value.event) == ("join", "fetch")
        with pytest.raises(pkg.runtime.ServerError) as caught:
            client.root.fetch(pkg.models.FetchPayload("badname"), timeout=10)
        assert caught.value.server_event is None  # not a string: not an event name
        ack = client.root.fetch(pkg.models.FetchPayload("ok"), timeout=10)
        assert ack.sio_error_not == 1


@pytest.mark.parametrize("transport", ["websocket", "polling"])
def test_sync_client_bounds_what_it_reads(hostile: tuple[str, ModuleType], transport: str) -> None:
    url, pkg = hostile
    limited = pkg.Client(
        url, transports=[transport], max_message_size=2_000_000, reconnection=False
    )
    with limited as client:
        ack = client.root.fetch(pkg.models.FetchPayload("big:1500000"), timeout=10)
        assert len(ack.blob) == 1_500_000  # under the limit: served
        with pytest.raises(pkg.runtime.AckTimeoutError):  # over it: the connection is closed
            client.root.fetch(pkg.models.FetchPayload("big:5000000"), timeout=3)
        deadline = time.monotonic() + 10
        while client.connected and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not client.connected


def test_sync_client_default_limit_refuses_50_mb(hostile: tuple[str, ModuleType]) -> None:
    url, pkg = hostile
    with pkg.Client(url, transports=["websocket"], reconnection=False) as client:
        with pytest.raises(pkg.runtime.AckTimeoutError):
            client.root.fetch(pkg.models.FetchPayload("big:50000000"), timeout=10)
        deadline = time.monotonic() + 10
        while client.connected and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not client.connected  # closed at the frame past 10 MB, not read to the end


@pytest.mark.parametrize("transport", ["websocket", "polling"])
def test_async_client_takes_5_mb_by_default_and_bounds_more(
    hostile: tuple[str, ModuleType], transport: str
) -> None:
    url, pkg = hostile

    async def scenario() -> tuple[int, bool]:
        received: list[Any] = []
        client = pkg.AsyncClient(url, transports=[transport])
        client.root.on_blob(lambda blob: received.append(len(blob.root)))
        async with client:
            await client.root.fetch(pkg.models.FetchPayload("emit:5000000"), timeout=20)
            for _ in range(200):
                if received:
                    break
                await asyncio.sleep(0.05)
        small = pkg.AsyncClient(url, transports=[transport], max_message_size=1_000_000,
                               reconnection=False)  # fmt: skip
        await small.connect()
        with contextlib.suppress(pkg.runtime.AckTimeoutError):
            await small.root.fetch(pkg.models.FetchPayload("big:3000000"), timeout=3)
        for _ in range(200):
            if not small.connected:
                break
            await asyncio.sleep(0.05)
        closed = not small.connected
        if small.connected:
            await small.disconnect()
        return received[0] if received else 0, closed

    size, closed = asyncio.run(scenario())
    assert size == 5_000_000  # 5 MB is under the default limit: the client stays connected
    assert closed  # 3 MB over a 1 MB limit closes the connection
