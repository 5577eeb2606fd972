"""Coming from SIO-AsyncAPI: a chat server in its documented style (tests/sio_asyncapi_app),
its spec exported by SIO-AsyncAPI itself, sio-codegen generating the server and the client from
that spec, the app's handler bodies moved unchanged into the generated handler classes, the
generated client calling them over a real websocket.

SIO-AsyncAPI runs in a virtualenv of its own (tests/peer_venv.py: its pins from
bench/peers/requirements-sio-asyncapi.txt, cached between runs); sio-codegen and the generated
packages run here. ``sio-codegen init --from-app`` is run there too, on the same app: it reads
SIO-AsyncAPI's ``doc_emit`` declarations.
"""

from __future__ import annotations

import ast
import json
import os
import queue
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import socketio
import yaml
from clients import generate_client, import_client
from helpers import mypy_strict
from peer_venv import ROOT, peer_python
from servers import RunningServer, free_port, generate_server, run_server, stop, wait_for_port

from sio_codegen.load.loader import load_api

APP = Path(__file__).parent / "sio_asyncapi_app"
WAIT = 10
EXPORTS = {"yaml": "get_yaml()", "json": "json(indent=2)"}
"""SIO-AsyncAPI 1.0.0 exports AsyncAPI 3.1 only (its 0.x releases wrote 2.x), as YAML or JSON."""
MOVED_IMPORTS = """
from chat_rooms import ROOMS, members_of
from flask_socketio import emit, join_room

from ._generated.models import (
    JoinRequest, JoinResponse, NewMessage, RoomList, SayRequest, SayResponse,
)
"""
"""What the moved bodies use: the app's own module, Flask-SocketIO's functions, and the models,
which sio-codegen generates under the names of SIO-AsyncAPI's schemas (the app's classes)."""


@pytest.fixture(scope="session")
def sio_asyncapi_python() -> Path:
    return peer_python("requirements-sio-asyncapi.txt")


def app_folder(tmp: Path) -> Path:
    for source in APP.glob("*.py"):
        shutil.copy(source, tmp / source.name)
    return tmp


def export(python: Path, root: Path, form: str) -> Path:
    """The app's spec as SIO-AsyncAPI writes it (its README's way: ``socketio.asyncapi_doc``)."""
    code = f"import sys, chat_app; sys.stdout.write(chat_app.socketio.asyncapi_doc.{EXPORTS[form]})"
    result = subprocess.run(
        [str(python), "-c", code], cwd=root, capture_output=True, text=True, timeout=120,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    spec = root / f"chat.{form}"
    spec.write_text(result.stdout, encoding="utf-8")
    return spec


def function_bodies(source: str) -> dict[str, tuple[str, list[str]]]:
    """Each module-level function: (its first parameter's name or "", its body's source lines
    without the docstring)."""
    lines = source.splitlines()
    found = {}
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef):
            body = node.body[1:] if ast.get_docstring(node) else node.body
            first = node.args.args[0].arg if node.args.args else ""
            found[node.name] = (first, lines[body[0].lineno - 1 : body[-1].end_lineno])
    return found


def move_bodies(app_source: str, handlers: Path) -> None:
    """What the guide says to do by hand: each generated method ``on_<event>`` gets the body of
    the app's function of that event, unchanged, its data parameter the function's name."""
    bodies = function_bodies(app_source)
    lines = handlers.read_text(encoding="utf-8").splitlines()
    methods = [
        node
        for cls in ast.parse("\n".join(lines)).body
        if isinstance(cls, ast.ClassDef)
        for node in cls.body
        if isinstance(node, ast.FunctionDef) and node.name.removeprefix("on_") in bodies
    ]
    for method in sorted(methods, key=lambda m: -m.lineno):  # bottom up: line numbers hold
        parameter, body = bodies[method.name.removeprefix("on_")]
        stub = method.body[-1]
        assert ast.unparse(stub) == "raise NotImplementedError"
        indent = " " * stub.col_offset
        old_indent = len(body[0]) - len(body[0].lstrip())
        moved = [indent + line[old_indent:] if line.strip() else "" for line in body]
        lines[stub.lineno - 1 : stub.end_lineno] = moved
        if len(method.args.args) > 2:  # (self, sid, data): data takes the function's name
            data = method.args.args[2]
            row = lines[data.lineno - 1]
            lines[data.lineno - 1] = (
                row[: data.col_offset] + parameter + row[data.col_offset + len(data.arg) :]
            )
    text = "\n".join(lines) + "\n"
    marker = "from ._generated import models\n"
    handlers.write_text(text.replace(marker, marker + MOVED_IMPORTS), encoding="utf-8")


@pytest.fixture(scope="module")
def chat(
    tmp_path_factory: pytest.TempPathFactory, sio_asyncapi_python: Path
) -> Iterator[tuple[RunningServer, ModuleType]]:
    root = app_folder(tmp_path_factory.mktemp("sio-asyncapi"))
    spec = export(sio_asyncapi_python, root, "yaml")
    generate_server(spec, root, "chat_server")
    generate_client(spec, root, "chat_client")
    move_bodies(
        (root / "chat_app.py").read_text(encoding="utf-8"), root / "chat_server" / "handlers.py"
    )
    with run_server(root, "chat_server") as running:
        yield running, import_client(root, "chat_client")


def test_both_exports_load_and_generate_the_same_code(
    tmp_path: Path, sio_asyncapi_python: Path
) -> None:
    root = app_folder(tmp_path)
    generated = {}
    for form in EXPORTS:
        spec = export(sio_asyncapi_python, root, form)
        load_api(spec)  # validated as any spec: AsyncAPI 3.1, bare x-ack
        out = generate_server(spec, root / form, "chat_server") / "_generated"
        generated[form] = {  # past the header, which names the spec file and its hash
            name: (out / name).read_text().split("\n", 2)[2] for name in ("models.py", "server.py")
        }
    assert generated["yaml"] == generated["json"]
    server = generated["yaml"]["server.py"]
    assert 'EventSpec("join", "on_join", models.JoinRequest, models.JoinResponse)' in server
    assert "def emit_new_message(" in server  # doc_emit: a send operation, a typed emitter


def test_the_moved_bodies_are_the_apps(chat: tuple[RunningServer, ModuleType]) -> None:
    """What runs is the app's code: every handler method's body is, line for line, the body
    of the app's function of its event."""
    server, _ = chat
    root = server.log_file.parent
    app = function_bodies((root / "chat_app.py").read_text())
    methods = {
        node.name.removeprefix("on_"): node
        for cls in ast.parse((root / "chat_server" / "handlers.py").read_text()).body
        if isinstance(cls, ast.ClassDef)
        for node in cls.body
        if isinstance(node, ast.FunctionDef)
    }
    assert sorted(methods) == ["join", "list_rooms", "say"]
    for event, method in methods.items():
        body = method.body[1:] if ast.get_docstring(method) else method.body
        expected = ast.parse("\n".join(line.strip() and line[4:] for line in app[event][1]))
        assert [ast.dump(s) for s in body] == [ast.dump(s) for s in expected.body], event


def test_the_generated_server_runs_the_apps_bodies(chat: tuple[RunningServer, ModuleType]) -> None:
    server, pkg = chat
    models = pkg.models
    with pkg.Client(server.url) as ann, pkg.Client(server.url) as bob:
        heard: queue.Queue[Any] = queue.Queue()
        bob.on_new_message(heard.put)
        joined = ann.join(models.JoinRequest(room="den", user="ann"))
        assert joined == models.JoinResponse(success=True, members=1)
        assert bob.join(models.JoinRequest(room="den", user="bob")).members == 2
        said = ann.say(models.SayRequest(room="den", user="ann", text="hi"))
        assert said == models.SayResponse(delivered=True, error=None)
        assert heard.get(timeout=WAIT) == models.NewMessage(room="den", user="ann", text="hi")
        refused = ann.say(models.SayRequest(room="attic", user="ann", text="hi"))
        assert refused == models.SayResponse(delivered=False, error="ann is not in attic")
        rooms = ann.list_rooms()
        assert rooms == models.RoomList(rooms={"den": ["ann", "bob"]})
    with socketio.SimpleClient() as raw:  # the spec's validation, before the body runs
        raw.connect(server.url)
        error = raw.call("join", {"room": "", "user": "eve"}, timeout=WAIT)
    assert error["sio_error"]["type"] == "validation_error"


def test_the_moved_handlers_pass_mypy_strict(chat: tuple[RunningServer, ModuleType]) -> None:
    server, _ = chat
    result = mypy_strict(Path("chat_server"), cwd=server.log_file.parent)
    assert result.returncode == 0, result.stdout


@contextmanager
def original_app(python: Path, root: Path) -> Iterator[str]:
    """The SIO-AsyncAPI app itself, served on 127.0.0.1 in its virtualenv."""
    port = free_port()
    code = (
        "import chat_app; chat_app.socketio.run(chat_app.app, host='127.0.0.1', "
        f"port={port}, allow_unsafe_werkzeug=True, log_output=False)"
    )
    log = (root / "original.out").open("w")
    process = subprocess.Popen([str(python), "-c", code], cwd=root, stdout=log, stderr=log)
    try:
        wait_for_port(port, process, root / "original.out", timeout=30)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)
        log.close()


def calls(url: str) -> dict[str, Any]:
    """The same calls, made with a plain client, and what each is answered."""
    with socketio.SimpleClient() as raw:
        raw.connect(url)
        return {
            "join": raw.call("join", {"room": "den", "user": "ann"}, timeout=WAIT),
            "say": raw.call("say", {"room": "den", "user": "ann", "text": "hi"}, timeout=WAIT),
            "heard": raw.receive(timeout=WAIT),
            "list_rooms": raw.call("list_rooms", timeout=WAIT),
            "invalid": raw.call("join", {"room": "", "user": "eve"}, timeout=WAIT),
        }


def test_what_differs_from_the_original_app(
    tmp_path: Path, sio_asyncapi_python: Path, chat: tuple[RunningServer, ModuleType]
) -> None:
    """The README's list of differences, checked: the same calls to the SIO-AsyncAPI app and to
    the generated server with its bodies (each with its own, empty, rooms) get the same answers,
    except that SIO-AsyncAPI sends a returned model as a JSON *string* (``model_dump_json``)
    where the generated server sends an object, and that an invalid payload is answered by the
    app's ``on_error_default`` there and by the generated ``sio_error`` ack here."""
    with original_app(sio_asyncapi_python, app_folder(tmp_path)) as url:
        before = calls(url)
    server, _ = chat
    root = server.log_file.parent
    with run_server(root, "chat_server") as fresh:  # rooms as empty as the app's
        after = calls(fresh.url)
    for event in ("join", "say", "list_rooms"):
        assert isinstance(before[event], str), event
        assert json.loads(before[event]) == after[event], event
    assert before["heard"] == after["heard"] == [
        "new_message", {"room": "den", "user": "ann", "text": "hi"}
    ]  # fmt: skip
    assert before["invalid"]["success"] is False
    assert "String should have at least 1 character" in before["invalid"]["error"]
    assert after["invalid"]["sio_error"]["type"] == "validation_error"


def test_init_reads_doc_emit(tmp_path: Path, sio_asyncapi_python: Path) -> None:
    """``init --from-app`` on the SIO-AsyncAPI app (in its virtualenv, sio-codegen from this
    checkout): the event it declares with ``doc_emit`` is a message with a ``send`` operation;
    the handlers' models come from their hints through SIO-AsyncAPI's wrapper; no x-handler
    (the module's names hold the wrappers), a warning each."""
    root = app_folder(tmp_path)
    result = subprocess.run(
        [str(sio_asyncapi_python), "-m", "sio_codegen", "init", "--from-app",
         "chat_app:socketio", "-o", "asyncapi.yaml"],
        cwd=root, capture_output=True, text=True, timeout=120, check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "wrote asyncapi.yaml: 1 namespace(s), 3 event(s) the server handles, 1 it declares it "
        "emits (doc_emit); add the other events it emits (see the TODO in info.description)\n"
    )
    warnings = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert warnings == [
        f"chat_app:socketio: warning: event {event!r} of '/': registered through SIO-AsyncAPI's "
        "wrapper, which its name holds: no x-handler written; move the function's body into "
        "the generated handler (see the README)"
        for event in ("join", "list_rooms", "say")
    ]
    load_api(root / "asyncapi.yaml")
    spec = yaml.safe_load((root / "asyncapi.yaml").read_text())
    assert "`doc_emit` declarations" in spec["info"]["description"]
    messages = spec["channels"]["root"]["messages"]
    assert messages["new_message"] == {
        "name": "new_message", "payload": {"$ref": "#/components/schemas/NewMessage"}
    }  # fmt: skip
    assert messages["say"] == {
        "name": "say",
        "payload": {"$ref": "#/components/schemas/SayRequest"},
        "x-ack": {"$ref": "#/components/schemas/SayResponse"},
    }
    assert messages["list_rooms"] == {
        "name": "list_rooms", "x-ack": {"$ref": "#/components/schemas/RoomList"}
    }  # fmt: skip
    assert spec["operations"]["root_emit_new_message"] == {
        "action": "send",
        "channel": {"$ref": "#/channels/root"},
        "messages": [{"$ref": "#/channels/root/messages/new_message"}],
    }
    assert spec["components"]["schemas"]["NewMessage"]["required"] == ["room", "user", "text"]
    server = generate_server(root / "asyncapi.yaml", root, "init_server")
    assert "def emit_new_message(" in (server / "_generated" / "server.py").read_text()
    json.dumps(spec)  # plain data
