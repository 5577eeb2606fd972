"""Interop with a client nobody here wrote: Node's socket.io-client against the generated server.

.ci/run installs it (``npm ci --prefix tests/node``); in CI this test must run, never skip."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from servers import run_server
from test_server_e2e import E2E, E2E_HANDLERS, prepare

NODE_DIR = Path(__file__).parent / "node"


def node_ready() -> bool:
    return (
        shutil.which("node") is not None and (NODE_DIR / "node_modules/socket.io-client").is_dir()
    )


@pytest.fixture
def node() -> str:
    if not node_ready():
        if os.environ.get("CI"):
            raise RuntimeError("node and tests/node/node_modules are required in CI (.ci/run)")
        pytest.skip("run: npm ci --prefix tests/node")
    return shutil.which("node") or "node"


def test_node_client_sees_acks_namespaces_and_validation_errors(node: str, tmp_path: Path) -> None:
    prepare(tmp_path, E2E, "node_server", E2E_HANDLERS)
    with run_server(tmp_path, "node_server") as server:
        done = subprocess.run(
            [node, str(NODE_DIR / "drive.mjs"), server.url],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert "failure" not in seen, seen
    assert seen["echo"] == {"text": "HI"}
    assert seen["invalid"]["sio_error"]["type"] == "validation_error"
    assert seen["invalid"]["sio_error"]["errors"][0]["loc"] == ["text"]
    assert seen["tooLong"]["sio_error"]["errors"][0]["type"] == "maxLength"
    assert seen["ping"] == 42
    assert seen["pingInvalid"]["sio_error"]["namespace"] == "/second"
    assert seen["move"] == 5  # two positional arguments (x-multiple-args)
    assert seen["ask"] == {"answer": "node: why?"}  # the server's call() got Node's ack
    assert seen["pending"]["sio_error"]["type"] == "not_implemented"
