"""The README's "Coming from Asynction / SIO-AsyncAPI / plain Flask-SocketIO" commands run as
written, each in a folder holding the app it starts from (tests/asynction_service,
tests/sio_asyncapi_app, tests/init_apps), and its by-hand server events load and generate.

What the generated servers then do with those apps is tested in test_asynction.py,
test_sio_asyncapi.py and test_init.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from peer_venv import peer_python
from readme_blocks import Block, blocks

from sio_codegen.cli.commands import main as cli_main
from sio_codegen.load.loader import load_api

HERE = Path(__file__).parent
BIN = Path(sys.executable).parent


def block(origin: str) -> Block:
    (found,) = [b for b in blocks() if b.text.startswith(f"# coming from {origin}")]
    return found


def run(text: str, cwd: Path, path: list[Path]) -> subprocess.CompletedProcess[str]:
    """The block in bash, ``set -e``, with ``path`` first on PATH."""
    env = {**os.environ, "PATH": os.pathsep.join([*map(str, path), os.environ["PATH"]])}
    return subprocess.run(
        ["bash", "-c", "set -e\n" + text], cwd=cwd, env=env, capture_output=True, text=True,
        timeout=300, check=False,
    )  # fmt: skip


def copy_apps(source: Path, to: Path) -> Path:
    shutil.copytree(source, to, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
    return to


def test_the_asynction_commands_run(tmp_path: Path) -> None:
    root = copy_apps(HERE / "asynction_service", tmp_path)
    result = run(block("Asynction").text, root, [BIN])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning" not in result.stderr  # --check-handlers: every path imports
    assert (root / "chat_server" / "handlers.py").exists()
    assert (root / "chat_client" / "client.py").exists()


def test_the_sio_asyncapi_commands_run(tmp_path: Path) -> None:
    """``python`` is the app's environment's (SIO-AsyncAPI's virtualenv), ``sio-codegen``
    this one's, as for a user with sio-codegen installed on its own."""
    root = copy_apps(HERE / "sio_asyncapi_app", tmp_path)
    python = peer_python("requirements-sio-asyncapi.txt")
    result = run(block("SIO-AsyncAPI").text, root, [python.parent, BIN])
    assert result.returncode == 0, result.stdout + result.stderr
    assert yaml.safe_load((root / "asyncapi.yaml").read_text())["asyncapi"] == "3.1.0"
    assert (root / "chat_server" / "handlers.py").exists()
    assert (root / "chat_client" / "client.py").exists()


def test_the_plain_app_commands_run(tmp_path: Path) -> None:
    root = copy_apps(HERE / "init_apps", tmp_path)
    result = run(block("plain Flask-SocketIO").text, root, [BIN])
    assert result.returncode == 0, result.stdout + result.stderr
    assert (root / "ttt_server" / "handlers.py").exists()
    assert (root / "psio_server" / "handlers.py").exists()


def test_the_async_server_commands_run(tmp_path: Path) -> None:
    """A python-socketio AsyncServer app: ``init`` warns that its coroutine functions need the
    asgi runtime, which the block then generates (tests/test_init.py serves it)."""
    root = copy_apps(HERE / "init_apps", tmp_path)
    result = run(block("a python-socketio AsyncServer").text, root, [BIN])
    assert result.returncode == 0, result.stdout + result.stderr
    assert "--runtime asgi" in result.stderr
    assert (root / "shop_server" / "asgi.py").exists()
    delegate = (root / "shop_server" / "_generated" / "delegate.py").read_text()
    assert "import flask" not in delegate and "from flask" not in delegate


def test_server_events_added_by_hand_load_and_generate(tmp_path: Path) -> None:
    """The README's excerpt, added to the spec init writes for the tic-tac-toe app (which has
    the GameCreated model), gives the generated server a typed emitter of ``game_created``."""
    root = copy_apps(HERE / "init_apps", tmp_path)
    init = run("sio-codegen init --from-app ttt_app:socketio -o asyncapi.yaml", root, [BIN])
    assert init.returncode == 0, init.stderr
    (excerpt,) = [b for b in blocks() if b.lang == "yaml" and "action: send" in b.text]
    added = yaml.safe_load(excerpt.text)
    spec = yaml.safe_load((root / "asyncapi.yaml").read_text())
    assert "GameCreated" in spec["components"]["schemas"]
    spec["channels"]["root"]["messages"].update(added["channels"]["root"]["messages"])
    spec["operations"].update(added["operations"])
    (root / "asyncapi.yaml").write_text(yaml.safe_dump(spec, sort_keys=False))
    load_api(root / "asyncapi.yaml")
    assert cli_main(["server", str(root / "asyncapi.yaml"), "-o", str(root / "ttt_server"),
                     "--quiet"]) == 0  # fmt: skip
    server = (root / "ttt_server" / "_generated" / "server.py").read_text()
    assert "def emit_game_created(" in server
