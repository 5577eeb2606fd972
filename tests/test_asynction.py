"""Asynction users keep their handlers: the functions a spec names with ``x-handler`` /
``x-handlers`` are served by the generated server, unchanged.

``tests/asynction_service`` is an Asynction-style service written for these tests (a spec and
the module ``chat.handlers``, in Asynction's documented conventions). The service folder is
copied, ``sio-codegen server`` and ``client`` run there, ``python -m chat_server`` serves it on
127.0.0.1 and the generated client talks to it over a real websocket.
"""

from __future__ import annotations

import queue
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import socketio
from clients import generate_client, import_client
from helpers import mypy_strict, ruff_check
from servers import RUNTIMES, RunningServer, generate_server, run_server

from sio_codegen.cli.commands import main

SERVICE = Path(__file__).parent / "asynction_service"
WAIT = 10


def service_folder(tmp: Path, spec_text: str | None = None) -> Path:
    shutil.copytree(SERVICE / "chat", tmp / "chat", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp / "asyncapi.yml").write_text(spec_text or (SERVICE / "asyncapi.yml").read_text())
    return tmp


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningServer, ModuleType]]:
    root = service_folder(tmp_path_factory.mktemp("asynction"))
    generate_server(root / "asyncapi.yml", root, "chat_server")
    generate_client(root / "asyncapi.yml", root, "chat_client")
    with run_server(root, "chat_server") as server:
        yield server, import_client(root, "chat_client")


def client(pkg: ModuleType, server: RunningServer, *, token: str = "-", ns: str = "/") -> Any:
    return pkg.Client(server.url, admin_query={"token": token}, namespaces=[ns])


def test_every_event_behaves_as_asynction_documents_it(
    service: tuple[RunningServer, ModuleType],
) -> None:
    server, pkg = service
    models = pkg.models
    heard: dict[str, queue.Queue[Any]] = {
        k: queue.Queue() for k in ("login", "joined", "message", "typing", "stop", "left")
    }
    alice, bob = client(pkg, server), client(pkg, server)
    alice.on_login(heard["login"].put)
    alice.on_user_joined(heard["joined"].put)
    alice.on_user_left(lambda data: pytest.fail(f"alice heard herself leave: {data}"))
    bob.on_new_message(heard["message"].put)
    bob.on_typing(heard["typing"].put)
    bob.on_stop_typing(heard["stop"].put)
    bob.on_user_left(heard["left"].put)
    with bob:
        with alice:
            # add user: the ack is the function's return value, validated
            assert alice.add_user(models.Username("alice")).error is None
            assert heard["login"].get(timeout=WAIT) == models.LogInPayload(numUsers=1)
            assert bob.add_user(models.Username("bob")).error is None
            assert heard["joined"].get(timeout=WAIT).model_dump() == {
                "username": "bob", "numUsers": 2
            }  # fmt: skip
            refused = bob.add_user(models.Username("alice"))
            assert refused.error == "Username alice already exists"
            # new message, typing, stop typing: broadcast to the others by flask_socketio.emit
            alice.new_message(models.NewMessagePayload("hello"))
            assert heard["message"].get(timeout=WAIT) == models.NewMessageReceivedPayload(
                username="alice", message="hello"
            )
            alice.typing()
            assert heard["typing"].get(timeout=WAIT).username == "alice"
            alice.stop_typing()
            assert heard["stop"].get(timeout=WAIT).username == "alice"
            # a function taking a raw dict, returning a plain value as the ack
            renamed = alice.rename(models.RenamePayload(username="alicia"))
            assert renamed.root == "alice -> alicia"
        # disconnect: the x-handlers function runs, and may emit to the others
        assert heard["left"].get(timeout=WAIT).model_dump() == {
            "username": "alicia", "numUsers": 1
        }  # fmt: skip
    assert ["disconnect", "alicia"] in calls_until(server, ["disconnect", "bob"])


def test_invalid_payload_goes_to_the_error_function_and_the_server_keeps_serving(
    service: tuple[RunningServer, ModuleType],
) -> None:
    server, pkg = service
    with socketio.SimpleClient() as raw:
        raw.connect(server.url, namespace="/")
        answer = raw.call("new message", 42, timeout=WAIT)
        assert answer["sio_error"]["type"] == "validation_error"
    assert any(c[:2] == ["error", "RequestValidationError"] for c in server.calls())
    with client(pkg, server) as again:
        assert again.add_user(pkg.models.Username("carol")).error is None


def test_connect_function_refuses_or_accepts_and_emits(
    service: tuple[RunningServer, ModuleType],
) -> None:
    server, pkg = service
    refused = client(pkg, server, token="guest", ns="/admin")
    reasons: list[Any] = []
    refused.admin.on_connect_error(reasons.append)
    with pytest.raises(pkg.ConnectRefusedError, match="refused the connection: Unauthorized!"):
        refused.connect()
    assert [(r.namespace, r.reason, r.data) for r in reasons] == [("/admin", "Unauthorized!", None)]
    metrics: queue.Queue[Any] = queue.Queue()
    admin = client(pkg, server, token="admin", ns="/admin")
    admin.admin.on_server_metric(metrics.put)
    with admin:
        metric = metrics.get(timeout=WAIT)
    assert metric.name == "CPU_COUNT" and metric.value >= 1


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_the_generated_package_passes_mypy_strict_and_ruff(tmp_path: Path, runtime: str) -> None:
    root = service_folder(tmp_path)
    generate_server(root / "asyncapi.yml", root, "chat_server", runtime)
    result = mypy_strict(Path("chat_server"), cwd=root)
    assert result.returncode == 0, result.stdout
    linted = ruff_check("chat_server", root)
    assert linted.returncode == 0, linted.stdout


# -- The asgi runtime: python-socketio's AsyncServer -----------------------------------------

ASYNC_SPEC = (
    (SERVICE / "asyncapi.yml").read_text().replace("chat.handlers.", "chat.async_handlers.")
)
"""The service's spec, its paths naming ``chat.async_handlers``: Asynction's conventions
without Flask's request context (which the asgi runtime has not)."""


@pytest.fixture(scope="module")
def async_service(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[RunningServer, ModuleType]]:
    root = service_folder(tmp_path_factory.mktemp("asynction-asgi"), ASYNC_SPEC)
    generate_server(root / "asyncapi.yml", root, "chat_server", "asgi")
    generate_client(root / "asyncapi.yml", root, "chat_client")
    with run_server(root, "chat_server") as server:
        yield server, import_client(root, "chat_client")


def test_asynction_conventions_hold_on_the_asgi_runtime(
    async_service: tuple[RunningServer, ModuleType],
) -> None:
    """Coroutine and plain functions, with the sid first or without it: payloads as JSON data,
    acks returned and validated, no-payload events called with nothing, ``disconnect`` and
    ``error`` called, ``connect`` given the environ and refusing with ConnectionRefusedError."""
    server, pkg = async_service
    models = pkg.models
    with client(pkg, server) as alice, client(pkg, server) as bob:
        assert alice.add_user(models.Username("alice")).error is None
        assert bob.add_user(models.Username("alice")).error == "Username alice already exists"
        alice.new_message(models.NewMessagePayload("hello"))
        alice.typing()
        alice.stop_typing()
        assert alice.rename(models.RenamePayload(username="alicia")).root == "-> alicia"
        with socketio.SimpleClient() as raw:  # an invalid payload: the error function gets it
            raw.connect(server.url, namespace="/")
            answer = raw.call("new message", 42, timeout=WAIT)
        assert answer["sio_error"]["type"] == "validation_error"
    calls = calls_until(server, ["disconnect", "alice"])  # the server's side of the disconnect
    assert ["new message", "alice", "hello"] in calls
    assert ["typing"] in calls and ["stop typing", "alice"] in calls
    assert ["disconnect", None] in calls
    assert any(c[:2] == ["error", "RequestValidationError"] for c in calls)
    refused = client(pkg, server, token="guest", ns="/admin")
    with pytest.raises(pkg.ConnectRefusedError, match="refused the connection: Unauthorized!"):
        refused.connect()
    with client(pkg, server, token="admin", ns="/admin") as admin:
        sid = admin.sio.get_sid("/admin")
        assert ["admin", sid] in server.calls()  # connect ran before the client connected


def calls_until(server: RunningServer, call: list[Any]) -> list[list[object]]:
    """The recorded calls once ``call`` is among them (the server records it after the client
    has moved on); an error if it is not in WAIT seconds."""
    deadline = time.monotonic() + WAIT
    while call not in (calls := server.calls()):
        assert time.monotonic() < deadline, f"{call} not recorded: {calls}"
        time.sleep(0.05)
    return calls


# -- Typed functions, and paths that are wrong -----------------------------------------------


def start(root: Path, package: str) -> subprocess.CompletedProcess[str]:
    """``python -m package`` with a port no one listens on: it fails before serving, or would
    serve (then the test's timeout ends it)."""
    return subprocess.run(
        [sys.executable, "-c", f"import {package}.app as a; a.create_app(); print('started')"],
        cwd=root, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("chat.handlers.nope", "x-handler of event 'new message' (namespace '/'): "
                               "'chat.handlers.nope' not found"),
        ("missing_module.new_message", "x-handler of event 'new message' (namespace '/'): "
                                       "cannot import 'missing_module.new_message': "
                                       "No module named 'missing_module'"),
        ("chat.handlers.usernames", "x-handler of event 'new message' (namespace '/'): "
                                    "'chat.handlers.usernames' is not callable"),
    ],
)  # fmt: skip
@pytest.mark.parametrize("runtime", RUNTIMES)
def test_a_wrong_path_is_a_start_up_error_naming_it(
    tmp_path: Path, path: str, message: str, runtime: str
) -> None:
    text = (SERVICE / "asyncapi.yml").read_text().replace("chat.handlers.new_message", path)
    root = service_folder(tmp_path, text)
    generate_server(root / "asyncapi.yml", root, "chat_server", runtime)
    result = start(root, "chat_server")
    assert result.returncode != 0
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("chat_server._generated.delegate.HandlerPathError: " + message), last


def test_a_module_that_fails_to_import_is_named(tmp_path: Path) -> None:
    root = service_folder(tmp_path)
    (root / "chat" / "broken.py").write_text("raise RuntimeError('no database')\n")
    text = (
        (SERVICE / "asyncapi.yml")
        .read_text()
        .replace("chat.handlers.admin_connect", "chat.broken.admin_connect")
    )
    (root / "asyncapi.yml").write_text(text)
    generate_server(root / "asyncapi.yml", root, "chat_server")
    last = start(root, "chat_server").stderr.strip().splitlines()[-1]
    assert last == (
        "chat_server._generated.delegate.HandlerPathError: x-handlers connect of namespace "
        "'/admin': importing 'chat.broken.admin_connect' failed: RuntimeError('no database')"
    )


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_check_handlers_warns_at_generation(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    runtime: str,
) -> None:
    text = (
        (SERVICE / "asyncapi.yml")
        .read_text()
        .replace("chat.handlers.rename", "chat.handlers.renamed")
    )
    root = service_folder(tmp_path, text)
    monkeypatch.chdir(root)
    args = ["server", "asyncapi.yml", "-o", "chat_server", "-q", "--check-handlers"]
    status = main([*args, "--runtime", runtime])
    assert status == 0
    (line,) = capsys.readouterr().err.splitlines()
    assert re.fullmatch(
        r"asyncapi\.yml:\d+:\d+: warning: x-handler of event 'rename' \(namespace '/'\): "
        r"'chat\.handlers\.renamed' not found: module 'chat\.handlers' has no attribute "
        r"'renamed' \(at /channels/~1/publish/message/oneOf/4/x-handler\)",
        line,
    ), line
    assert main([*args, "--runtime", runtime]) == 0


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_functions_get_a_pydantic_model_when_annotated_with_one(
    tmp_path: Path, runtime: str
) -> None:
    """On asgi, a coroutine function taking the sid first as well."""
    text = (
        (SERVICE / "asyncapi.yml").read_text().replace("chat.handlers.rename", "chat.typed.rename")
    )
    root = service_folder(tmp_path, text)
    sid, async_ = ("sid: str, ", "async ") if runtime == "asgi" else ("", "")
    (root / "chat" / "typed.py").write_text(
        "from pydantic import BaseModel\n\n\n"
        "class Rename(BaseModel):\n    username: str\n\n\n"
        f"{async_}def rename({sid}message: Rename) -> dict[str, str]:\n"
        "    return {'root': type(message).__name__ + ':' + message.username}\n"
    )
    generate_server(root / "asyncapi.yml", root, "chat_server", runtime)
    call = "functions.event('rename', models.RenamePayload(username='z'))"
    if runtime == "asgi":
        call = "asyncio.run(" + call.replace("('rename'", "('the-sid', 'rename'") + ")"
    script = (
        "import asyncio\n"
        "from chat_server._generated import models\n"
        "from chat_server.handlers import RootHandlers\n"
        f"functions = RootHandlers().functions\nprint({call})\n"
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True,
                            text=True, timeout=60, check=False)  # fmt: skip
    assert result.stdout == "{'root': 'Rename:z'}\n", result.stderr
