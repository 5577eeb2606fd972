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
from helpers import mypy_strict, ruff_check
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
    tmp: Path, target: str, server: str, client: str, runtime: str = "flask"
) -> Iterator[tuple[RunningServer, ModuleType]]:
    root = app_folder(tmp)
    result = init(root, target)
    assert result.returncode == 0, result.stderr
    generate_server(root / "asyncapi.yaml", root, server, runtime)
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


@pytest.fixture(scope="module")
def psio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningServer, ModuleType]]:
    yield from served(tmp_path_factory.mktemp("init-psio"), "psio_app:app", "ps_gen", "ps_cli")


@pytest.fixture(scope="module")
def rooms(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningServer, ModuleType]]:
    yield from served(
        tmp_path_factory.mktemp("init-rooms"), "psio_namespace_app:app", "rm_gen", "rm_cli"
    )


def test_the_spec_of_a_python_socketio_server(tmp_path: Path) -> None:
    """A ``WSGIApp`` around a ``Server`` is read (it was refused as no app), and its functions,
    which take the sid first, are written as x-handler."""
    root = app_folder(tmp_path)
    result = init(root, "psio_app:app")
    assert (result.returncode, result.stderr) == (0, "")
    load_api(root / "asyncapi.yaml")
    channel = yaml.safe_load((root / "asyncapi.yaml").read_text())["channels"]["root"]
    assert channel["x-handlers"] == {
        "connect": "psio_app.connect", "disconnect": "psio_app.disconnect"
    }  # fmt: skip
    assert channel["messages"]["add"] == {
        "name": "add",
        "payload": {"$ref": "#/components/schemas/Numbers"},
        "x-ack": {"$ref": "#/components/schemas/Total"},
        "x-handler": "psio_app.add",
    }
    assert channel["messages"]["whoami"] == {
        "name": "whoami",
        "x-ack": {"additionalProperties": {"type": "string"}, "type": "object"},
        "x-handler": "psio_app.whoami",
    }


def test_the_generated_server_serves_a_python_socketio_servers_functions(
    psio: tuple[RunningServer, ModuleType],
) -> None:
    """The generated Flask-SocketIO server passes the sid first to the functions (their first
    parameter is named ``sid``), and the environ and auth to ``connect``."""
    server, pkg = psio
    models = pkg.models
    with pkg.Client(server.url) as client:
        assert client.add(models.Numbers(values=[1, 2, 3])) == models.Total(total=6, count=3)
        who = client.whoami()
        assert who.root == {"sid": client.sio.get_sid("/"), "remote": "127.0.0.1"}
    banned = pkg.Client(server.url, auth={"banned": True})
    with pytest.raises(socketio.exceptions.ConnectionError):
        banned.connect()
    with socketio.SimpleClient() as raw:  # the spec's validation before the function
        raw.connect(server.url)
        error = raw.call("add", {"values": ["x"]}, timeout=WAIT)
    assert error["sio_error"]["type"] == "validation_error"


def test_a_python_socketio_class_based_namespace_is_served(
    rooms: tuple[RunningServer, ModuleType],
) -> None:
    """Its methods get the sid; its own ``enter_room`` and ``emit`` reach the generated server's
    clients."""
    server, pkg = rooms
    models = pkg.models
    with (
        pkg.Client(server.url, namespaces=["/rooms"]) as ann,
        pkg.Client(server.url, namespaces=["/rooms"]) as bob,
    ):
        heard: queue.Queue[Any] = queue.Queue()
        ann.sio.on("joined", heard.put, namespace="/rooms")
        assert ann.rooms.join(models.Join(room="r")) == models.Joined(room="r", members=1)
        assert heard.get(timeout=WAIT) == {"room": "r", "sid": ann.sio.get_sid("/rooms")}
        assert bob.rooms.join(models.Join(room="r")) == models.Joined(room="r", members=2)
        assert heard.get(timeout=WAIT) == {"room": "r", "sid": bob.sio.get_sid("/rooms")}


def test_the_spec_of_a_python_socketio_asgi_app(tmp_path: Path) -> None:
    """An ``ASGIApp`` around an ``AsyncServer``: the spec, with x-handler paths to its coroutine
    functions (an ``AsyncNamespace``'s methods too) and one warning naming them, which says to
    generate the server with ``--runtime asgi``; it generates (on both runtimes)."""
    root = app_folder(tmp_path)
    result = init(root, "asgi_app:app")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "asgi_app:app: warning: coroutine functions (event 'order' of '/', event 'whoami' of "
        "'/', connect handler of '/', event 'add' of '/shop'): generate the server with "
        "`sio-codegen server SPEC -o DIR --runtime asgi` (python-socketio's AsyncServer, which "
        "awaits them); the default flask runtime cannot call them"
    ]
    load_api(root / "asyncapi.yaml")
    spec = yaml.safe_load((root / "asyncapi.yaml").read_text())
    channel = spec["channels"]["root"]
    assert channel["x-handlers"] == {"connect": "asgi_app.connect"}
    assert channel["messages"]["order"] == {
        "name": "order",
        "payload": {"$ref": "#/components/schemas/Order"},
        "x-ack": {"$ref": "#/components/schemas/Receipt"},
        "x-handler": "asgi_app.order",
    }
    assert channel["messages"]["ping"] == {
        "name": "ping",
        "payload": {
            "description": "TODO: the schema of event 'ping' of '/' (its handler has no type hint)"
        },
        "x-handler": "asgi_app.ping",
    }
    assert spec["channels"]["shop"]["messages"]["add"]["x-handler"] == "asgi_app.Shop.on_add"
    receipt = spec["components"]["schemas"]["Receipt"]
    assert receipt["required"] == ["item", "accepted"]
    generate_server(root / "asyncapi.yaml", root, "asgi_gen")
    generate_server(root / "asyncapi.yaml", root, "asgi_gen_asgi", "asgi")
    generate_client(root / "asyncapi.yaml", root, "asgi_cli")


@pytest.fixture(scope="module")
def shop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningServer, ModuleType]]:
    yield from served(
        tmp_path_factory.mktemp("init-asgi"), "asgi_app:app", "shop_gen", "shop_cli", "asgi"
    )


def test_the_asgi_server_serves_an_async_servers_functions(
    shop: tuple[RunningServer, ModuleType],
) -> None:
    """``init`` then ``server --runtime asgi``, under uvicorn: every event reaches the
    AsyncServer app's own function (coroutine or plain) and answers with its result, validated;
    the functions get the sid first, ``connect`` the environ and auth; the ``AsyncNamespace``
    method runs on an instance bound to the generated server (its ``enter_room`` and ``emit``
    reach the generated client)."""
    server, pkg = shop
    models = pkg.models
    with (
        pkg.Client(server.url, namespaces=["/", "/shop"]) as ann,
        pkg.Client(server.url, namespaces=["/shop"]) as bob,
    ):
        assert ann.order(models.Order(item="tea", quantity=2)) == models.Receipt(
            item="tea", accepted=True
        )
        assert ann.order(models.Order(item="tea", quantity=0)).accepted is False
        assert ann.ping(models.PingPayload({"n": 1})) is None  # a plain function, no ack
        who = ann.whoami()
        assert who.model_dump() == {
            "sid": ann.sio.get_sid("/"), "remote": "127.0.0.1", "ping": {"n": 1}
        }  # fmt: skip
        heard: queue.Queue[Any] = queue.Queue()
        ann.sio.on("added", heard.put, namespace="/shop")
        assert ann.shop.add(models.Order(item="cup", quantity=1)) == models.Basket(items=["cup"])
        assert heard.get(timeout=WAIT) == {"item": "cup", "sid": ann.sio.get_sid("/shop")}
        assert bob.shop.add(models.Order(item="pot", quantity=1)) == models.Basket(items=["pot"])
        assert heard.get(timeout=WAIT) == {"item": "pot", "sid": bob.sio.get_sid("/shop")}
    banned = pkg.Client(server.url, auth={"banned": True})
    with pytest.raises(socketio.exceptions.ConnectionError):
        banned.connect()
    with socketio.SimpleClient() as raw:  # the spec's validation before the function
        raw.connect(server.url)
        error = raw.call("order", {"item": "tea", "quantity": "many"}, timeout=WAIT)
    assert error["sio_error"]["type"] == "validation_error"


def test_the_generated_asgi_package_needs_no_flask_and_passes_mypy_and_ruff(
    tmp_path: Path,
) -> None:
    """Its ``_generated/delegate.py`` imported flask (``request.sid``, ``current_app``)."""
    root = app_folder(tmp_path)
    assert init(root, "asgi_app:app").returncode == 0
    generate_server(root / "asyncapi.yaml", root, "shop_gen", "asgi")
    no_flask = (
        "import sys\n"
        "sys.modules['flask'] = sys.modules['flask_socketio'] = None\n"
        "from shop_gen.handlers import all_handlers\n"
        "print(len(all_handlers()))\n"
    )
    imported = subprocess.run([sys.executable, "-c", no_flask], cwd=root, capture_output=True,
                              text=True, timeout=60, check=False)  # fmt: skip
    assert imported.stdout == "2\n", imported.stderr
    result = mypy_strict(Path("shop_gen"), cwd=root)
    assert result.returncode == 0, result.stdout
    linted = ruff_check("shop_gen", root)
    assert linted.returncode == 0, linted.stdout


def test_a_python_socketio_handler_without_a_sid_parameter_gets_no_x_handler(
    tmp_path: Path,
) -> None:
    """The generated server passes the sid to a function whose first parameter is named
    ``sid``: another name gets no x-handler, and a warning says why."""
    (tmp_path / "plain.py").write_text(
        "import socketio\n\n"
        "sio = socketio.Server()\n\n\n"
        "@sio.on('add')\n"
        "def add(client: str, data: list[int]) -> int:\n"
        "    return sum(data)\n"
    )
    result = init(tmp_path, "plain:sio")
    assert result.returncode == 0, result.stderr
    message = yaml.safe_load((tmp_path / "asyncapi.yaml").read_text())["channels"]["root"][
        "messages"
    ]["add"]
    assert message == {
        "name": "add",
        "payload": {"items": {"type": "integer"}, "type": "array"},
        "x-ack": {"type": "integer"},
    }
    assert result.stderr == (
        "plain:sio: warning: event 'add' of '/': a python-socketio handler whose first "
        "parameter is not named 'sid': no x-handler written (the generated server passes the "
        "sid to a function whose first parameter is named 'sid')\n"
    )


def test_a_function_using_the_apps_own_server_is_flagged(tmp_path: Path) -> None:
    """Under the generated server, what a function does through the app's own python-socketio
    server (``sio.emit``) reaches no client: init says so, for that function only."""
    (tmp_path / "talk.py").write_text(
        "import socketio\n\n"
        "sio = socketio.Server()\n"
        "app = socketio.WSGIApp(sio)\n\n\n"
        "@sio.on('shout')\n"
        "def shout(sid: str, text: str) -> None:\n"
        "    sio.emit('heard', text)\n\n\n"
        "@sio.on('echo')\n"
        "def echo(sid: str, text: str) -> str:\n"
        "    return text\n"
    )
    result = init(tmp_path, "talk:app")
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "talk:app: warning: event 'shout' of '/': uses 'sio', the app's own python-socketio "
        "server: what it does through it (emits, rooms, sessions) reaches no client of the "
        "generated server (use flask_socketio's functions or the generated Emitter)\n"
    )
    messages = yaml.safe_load((tmp_path / "asyncapi.yaml").read_text())["channels"]["root"][
        "messages"
    ]
    assert messages["shout"]["x-handler"] == "talk.shout"


def test_a_coroutine_function_using_the_apps_own_server_is_told_what_the_asgi_runtime_offers(
    tmp_path: Path,
) -> None:
    """An AsyncServer's function that emits through the app's own server: the advice names
    what works on the asgi runtime (flask_socketio's functions do not exist there)."""
    (tmp_path / "atalk.py").write_text(
        "import socketio\n\n"
        "sio = socketio.AsyncServer(async_mode='asgi')\n\n\n"
        "@sio.on('shout')\n"
        "async def shout(sid: str, text: str) -> None:\n"
        "    await sio.emit('heard', text)\n"
    )
    result = init(tmp_path, "atalk:sio")
    assert result.returncode == 0, result.stderr
    assert result.stderr.splitlines() == [
        "atalk:sio: warning: event 'shout' of '/': uses 'sio', the app's own python-socketio "
        "server: what it does through it (emits, rooms, sessions) reaches no client of the "
        "generated server (use a class-based AsyncNamespace's own methods or the generated "
        "Emitter)",
        "atalk:sio: warning: coroutine functions (event 'shout' of '/'): generate the server "
        "with `sio-codegen server SPEC -o DIR --runtime asgi` (python-socketio's AsyncServer, "
        "which awaits them); the default flask runtime cannot call them",
    ]
