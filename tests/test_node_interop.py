"""Interop with a client nobody here wrote: Node's socket.io-client against the generated server.

The session installs Node's packages itself, from tests/node/package-lock.json (``npm ci``), and
only when node_modules was not installed from this very lockfile. With CI set, a missing Node or
npm fails the test; elsewhere it skips, saying what to install."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from servers import RUNTIMES, run_server
from test_server_e2e import E2E, E2E_HANDLERS, prepare

NODE_DIR = Path(__file__).parent / "node"
# Written into node_modules after a successful ``npm ci``: the sha256 of the lockfile it used.
STAMP = Path("node_modules") / ".sio-codegen-lockfile-sha256"


def install_node_packages(npm: str, folder: Path = NODE_DIR) -> bool:
    """``npm ci`` from the lockfile, unless node_modules already holds exactly that install.
    True when it installed."""
    digest = hashlib.sha256((folder / "package-lock.json").read_bytes()).hexdigest()
    stamp = folder / STAMP
    if stamp.is_file() and stamp.read_text().strip() == digest:
        return False
    done = subprocess.run(
        [npm, "ci", "--prefix", str(folder), "--no-audit", "--no-fund", "--loglevel=error"],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        pytest.fail(f"npm ci --prefix {folder} failed:\n{done.stdout[-2000:]}{done.stderr[-2000:]}")
    stamp.write_text(digest + "\n")
    return True


def require_node() -> tuple[str, str]:
    """node and npm, or a skip (a failure with CI set) naming what is missing."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        missing = " and ".join(name for name, path in (("node", node), ("npm", npm)) if not path)
        if os.environ.get("CI"):
            pytest.fail(f"{missing} not found: CI must run the Node interop test (.ci/run)")
        pytest.skip(f"{missing} not found: install Node.js 18+ with npm to run this test")
    return node, npm


@pytest.fixture(scope="session")
def node() -> str:
    node, npm = require_node()
    install_node_packages(npm)
    return node


def test_node_packages_are_installed_from_the_lockfile_once(tmp_path: Path) -> None:
    _, npm = require_node()
    for name in ("package.json", "package-lock.json"):
        shutil.copy(NODE_DIR / name, tmp_path / name)
    assert install_node_packages(npm, tmp_path)
    assert (tmp_path / "node_modules" / "socket.io-client" / "package.json").is_file()
    assert not install_node_packages(npm, tmp_path)  # up to date: npm is not run again
    lock = tmp_path / "package-lock.json"
    lock.write_text(lock.read_text() + "\n")  # another lockfile: installed again
    assert install_node_packages(npm, tmp_path)


def test_a_missing_node_fails_in_ci_and_skips_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="node and npm not found"):
        require_node()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception, match=r"install Node\.js"):
        require_node()


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_node_client_sees_acks_namespaces_and_validation_errors(
    node: str, tmp_path: Path, runtime: str
) -> None:
    prepare(tmp_path, E2E, "node_server", E2E_HANDLERS, runtime)
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
