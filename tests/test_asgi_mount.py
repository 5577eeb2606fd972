"""The README's FastAPI example, run for real: a generated asgi package mounted beside FastAPI
routes under uvicorn on 127.0.0.1; HTTP goes to FastAPI, /socket.io to the generated server."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
import socketio
from servers import free_port, generate_server, stop, wait_for_port
from test_readme import of_kind

ROOT = Path(__file__).resolve().parent.parent
TICTACTOE = ROOT / "golden/tictactoe/spec/asyncapi.yaml"


def test_readme_mount_serves_fastapi_routes_beside_socketio(tmp_path: Path) -> None:
    (block,) = of_kind("asgi mount")
    generate_server(TICTACTOE, tmp_path, "tictactoe_server", "asgi")
    (tmp_path / "asgi_mount.py").write_text(block.text)
    port = free_port()
    output = (tmp_path / "uvicorn.out").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "asgi_mount:app", "--host", "127.0.0.1",
         "--port", str(port), "--log-level", "warning"],
        cwd=tmp_path, stdout=output, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        wait_for_port(port, process)
        url = f"http://127.0.0.1:{port}"
        response = httpx.get(f"{url}/health", timeout=10)
        assert (response.status_code, response.json()) == (200, {"status": "ok"})
        assert httpx.get(f"{url}/nothing", timeout=10).status_code == 404  # FastAPI's answer
        client = socketio.Client(reconnection=False)
        client.connect(url, transports=["websocket"])
        try:  # the generated stubs answer, validated: Socket.IO is served beside FastAPI
            ack = client.call("make_move", {"game_id": 1, "x": 0, "y": 0}, timeout=10)
            bad = client.call("make_move", {"game_id": "x"}, timeout=10)
        finally:
            client.disconnect()
        assert ack["sio_error"]["type"] == "not_implemented"
        assert bad["sio_error"]["type"] == "validation_error"
    finally:
        stop(process)
        output.close()
