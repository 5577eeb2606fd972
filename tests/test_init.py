"""``sio-codegen init --from-app MODULE:ATTR``: a first spec from an app's handlers, which the
generated server then serves with the app's own functions.

The apps (``tests/init_apps``) are written for these tests: a plain Flask-SocketIO tic-tac-toe
server with Pydantic-typed handlers (and a TypedDict, an untyped handler, connect / disconnect /
error handlers, a second namespace) and an app with a class-based ``Namespace``. Each is copied
to a temporary folder; ``init`` runs there in a child process (it imports the app); the written
spec is loaded (validated), the server and the client are generated from it, the server runs on
127.0.0.1 and the generated client calls it.
"""

from __future__ import annotations

import queue
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import socketio
import yaml
from clients import generate_client, import_client
from helpers import mypy_strict
from servers import RunningServer, generate_server, run_server

from sio_codegen.load.loader import load_api

APPS = Path(__file__).parent / "init_apps"
WAIT = 10


def init(
    folder: Path, target: str, output: str = "asyncapi.yaml"
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sio_codegen", "init", "--from-app", target, "-o", output],
        cwd=folder, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip


def app_folder(tmp: Path) -> Path:
    for source in APPS.glob("*.py"):
        shutil.copy(source, tmp / source.name)
    return tmp


def served(
    tmp: Path, target: str, server: str, client: str
) -> Iterator[tuple[RunningServer, ModuleType]]:
    root = app_folder(tmp)
    result = init(root, target)
    assert result.returncode == 0, result.stderr
    generate_server(root / "asyncapi.yaml", root, server)
    generate_client(root / "asyncapi.yaml", root, client)
    with run_server(root, server) as running:
        yield running, import_client(root, client)


@pytest.fixture(scope="module")
def ttt(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningServer, ModuleType]]:
    yield from served(tmp_path_factory.mktemp("init-ttt"), "ttt_app:socketio", "ttt_gen", "ttt_cli")


@pytest.fixture(scope="module")
def game(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningServer, ModuleType]]:
    yield from served(tmp_path_factory.mktemp("init-ns"), "namespace_app:app", "ns_gen", "ns_cli")


def test_the_spec_of_a_flask_socketio_app(tmp_path: Path) -> None:
    root = app_folder(tmp_path)
    result = init(root, "ttt_app:socketio")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    spec = yaml.safe_load((root / "asyncapi.yaml").read_text())
    load_api(root / "asyncapi.yaml")  # valid AsyncAPI 3.0, loads as any spec
    assert spec["asyncapi"] == "3.0.0"
    assert "TODO: the events the server emits" in spec["info"]["description"]
    root_channel, lobby = spec["channels"]["root"], spec["channels"]["lobby"]
    assert (root_channel["address"], lobby["address"]) == ("/", "/lobby")
    assert root_channel["x-handlers"] == {
        "connect": "ttt_app.connect", "disconnect": "ttt_app.disconnect",
        "error": "ttt_app.on_error",
    }  # fmt: skip
    assert root_channel["messages"]["make_move"] == {
        "name": "make_move",
        "payload": {"$ref": "#/components/schemas/MakeMove"},
        "x-ack": {"$ref": "#/components/schemas/MoveResult"},
        "x-handler": "ttt_app.make_move",
    }
    assert root_channel["messages"]["shout"]["payload"] == {
        "description": "TODO: the schema of event 'shout' of '/' (its handler has no type hint)"
    }
    assert "x-ack" not in root_channel["messages"]["shout"]
    assert lobby["messages"]["chat"]["payload"] == {"$ref": "#/components/schemas/Chat"}
    assert spec["components"]["schemas"]["MakeMove"]["properties"]["x"] == {
        "maximum": 2, "minimum": 0, "title": "X", "type": "integer"
    }  # fmt: skip
    assert spec["operations"]["lobby_chat"] == {
        "action": "receive",
        "channel": {"$ref": "#/channels/lobby"},
        "messages": [{"$ref": "#/channels/lobby/messages/chat"}],
    }
    assert sorted(spec["operations"]) == [
        "lobby_chat", "root_create_game", "root_make_move", "root_shout"
    ]  # fmt: skip


def test_the_generated_server_serves_the_apps_functions(
    ttt: tuple[RunningServer, ModuleType],
) -> None:
    server, pkg = ttt
    models = pkg.models
    moves: queue.Queue[Any] = queue.Queue()
    with pkg.Client(server.url, namespaces=["/", "/lobby"]) as client:
        client.sio.on("move_made", moves.put)
        created = client.create_game(models.CreateGame(player="ann"))
        assert created == models.GameCreated(game_id=1)
        assert client.make_move(models.MakeMove(game_id=1, x=1, y=2)) == models.MoveResult(ok=True)
        assert moves.get(timeout=WAIT)["board"][2] == ["", "X", ""]
        taken = client.make_move(models.MakeMove(game_id=1, x=1, y=2))
        assert taken == models.MoveResult(ok=False, error="taken")
        heard: queue.Queue[Any] = queue.Queue()
        client.sio.on("chat", heard.put, namespace="/lobby")
        client.lobby.chat(models.Chat(text="hi"))
        assert heard.get(timeout=WAIT) == {"text": "hi"}
    # the spec's validation before the function: x is at most 2
    with socketio.SimpleClient() as raw:
        raw.connect(server.url)
        error = raw.call("make_move", {"game_id": 1, "x": 5, "y": 0}, timeout=WAIT)
    assert error["sio_error"]["type"] == "validation_error"
    calls = server.calls()
    assert ["create_game", "ann"] in calls
    assert ["connect", None] in calls and ["disconnect"] in calls
    assert ["error", "RequestValidationError"] in calls


def test_a_class_based_namespace_is_served(game: tuple[RunningServer, ModuleType]) -> None:
    server, pkg = game
    models = pkg.models
    with pkg.Client(server.url, namespaces=["/game"]) as client:
        joined: queue.Queue[Any] = queue.Queue()
        client.sio.on("joined", joined.put, namespace="/game")
        assert client.game.join(models.Join(room="r1")) == models.Joined(room="r1", members=1)
        assert joined.get(timeout=WAIT) == {"room": "r1"}
        assert client.game.count(models.GameCountPayload("r1")).root == 1
    banned = pkg.Client(server.url, namespaces=["/game"], auth={"banned": True})
    with pytest.raises(socketio.exceptions.ConnectionError):
        banned.connect()


def test_the_generated_packages_pass_mypy_strict(tmp_path: Path) -> None:
    root = app_folder(tmp_path)
    assert init(root, "namespace_app:app").returncode == 0
    generate_server(root / "asyncapi.yaml", root, "ns_gen")
    result = mypy_strict(Path("ns_gen"), cwd=root)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("ttt_app", "ttt_app: error: expected MODULE:ATTR, e.g. app:socketio (at /)"),
        ("nope:app", "nope:app: error: cannot import 'nope': No module named 'nope' (at /)"),
        ("ttt_app:nope", "ttt_app:nope: error: 'ttt_app' has no attribute 'nope' (at /)"),
        ("ttt_app:app.name", "ttt_app:app.name: error: str is no Flask-SocketIO SocketIO, Flask "
                             "app with Flask-SocketIO, python-socketio Server / AsyncServer, or "
                             "ASGIApp / WSGIApp around one (at /)"),
    ],
)  # fmt: skip
def test_bad_targets_are_one_line_and_exit_2(tmp_path: Path, target: str, message: str) -> None:
    result = init(app_folder(tmp_path), target)
    assert (result.returncode, result.stderr.splitlines()) == (2, [message])
    assert not (tmp_path / "asyncapi.yaml").exists()


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    root = app_folder(tmp_path)
    (root / "asyncapi.yaml").write_text("mine\n")
    result = init(root, "ttt_app:socketio")
    assert result.returncode == 2
    assert result.stderr == (
        "asyncapi.yaml: error: exists; init never overwrites a file (remove it or choose "
        "another -o) (at /)\n"
    )
    assert (root / "asyncapi.yaml").read_text() == "mine\n"


def test_a_python_socketio_server_is_read(tmp_path: Path) -> None:
    """python-socketio handlers take the sid first: read (their schemas), but not written as
    x-handler, which the generated Flask-SocketIO server calls without it."""
    (tmp_path / "plain.py").write_text(
        "import socketio\n\n"
        "sio = socketio.AsyncServer(async_mode='asgi')\n"
        "app = socketio.ASGIApp(sio)\n\n\n"
        "@sio.on('add')\n"
        "async def add(sid: str, data: list[int]) -> int:\n"
        "    return sum(data)\n"
    )
    result = init(tmp_path, "plain:app")
    assert result.returncode == 0, result.stderr
    message = yaml.safe_load((tmp_path / "asyncapi.yaml").read_text())["channels"]["root"][
        "messages"
    ]["add"]
    assert message == {
        "name": "add",
        "payload": {"items": {"type": "integer"}, "type": "array"},
        "x-ack": {"type": "integer"},
    }
    assert "python-socketio handler (it takes the sid first)" in result.stderr
