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
from typing import Any

import pytest
from conftest import SPECS_CORPUS
from helpers import dedent
from servers import RUNTIMES, run_server
from test_binary import BINARY, BINARY_HANDLERS
from test_rest_arguments import REST, REST_HANDLERS
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


ZOD_DOCUMENT = SPECS_CORPUS / "RobinTail+zod-sockets" / "example" / "example-documentation.yaml"
ENGINEIO = Path(__file__).parent.parent / "golden" / "engineio_binding" / "spec" / "asyncapi.yaml"
ENGINEIO_HANDLERS = dedent(
    """
    from __future__ import annotations

    from ._generated import models
    from ._generated.runtime import NamespaceHandlers, SecurityHandlers, override
    from ._generated.server import RootNamespace


    class RootHandlers(RootNamespace):
        @override
        def on_ping(self, sid: str, data: models.PingPayload) -> models.PingAck:
            return models.PingAck(data.root + "!")


    def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:
        return [RootHandlers()]
    """
)
ZOD_HANDLERS = dedent(
    """
    from __future__ import annotations

    from typing import TYPE_CHECKING, Any

    from ._generated import models
    from ._generated.runtime import NamespaceHandlers, SecurityHandlers, override
    from ._generated.server import RootEmitter, RootNamespace
    from .recorder import rec

    if TYPE_CHECKING:
        from typing_extensions import Unpack


    class RootHandlers(RootNamespace):
        @override
        def on_chat(self, sid: str, arg1: models.RootIncomingChatPayloadArg1 | None = None) -> None:
            extra = models.RootOutgoingChatPayloadArg2.model_validate({"from": sid})
            text = models.RootOutgoingChatPayloadArg1("re: " + (arg1.root if arg1 else ""))
            RootEmitter(self.socketio).emit_chat(text, extra, to=sid)

        @override
        def on_ping(self, sid: str, *rest: Any) -> tuple[
            models.RootIncomingPingAckArg1 | None,
            Unpack[tuple[models.RootIncomingPingAckRest, ...]],
        ]:
            rec("ping", list(rest))
            pong = models.RootIncomingPingAckArg1("pong")
            return (pong, *(models.RootIncomingPingAckRest(value) for value in rest))

        @override
        def on_subscribe(self, sid: str, *rest: Any) -> None:
            rec("subscribe", list(rest))
            emitter = RootEmitter(self.socketio)
            now = models.RootOutgoingTimePayloadArg1("2024-03-28T21:13:15.084Z")
            emitter.emit_time(now, to=sid)
            emitter.emit_rooms(models.RootOutgoingRoomsPayloadArg1(["room1", "room2"]), to=sid)

        @override
        def on_unsubscribe(self, sid: str, *rest: Any) -> None:
            rec("unsubscribe", list(rest))


    def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:
        return [RootHandlers()]
    """
)


def drive_zod(
    node: str, mode: str, spec: Path, handlers: str, tmp_path: Path, runtime: str = "flask"
) -> dict[str, Any]:
    """What drive_zod.mjs saw, and (``calls``) what the handlers recorded."""
    prepare(tmp_path, spec, f"{mode}_server", handlers, runtime)
    with run_server(tmp_path, f"{mode}_server") as server:
        done = subprocess.run(
            [node, str(NODE_DIR / "drive_zod.mjs"), mode, server.url],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    seen: dict[str, Any] = json.loads(done.stdout)
    assert "failure" not in seen, seen
    return {**seen, "calls": server.calls()}


def test_node_client_connects_to_a_server_whose_binding_names_engineio_parameters(
    node: str, tmp_path: Path
) -> None:
    """golden/engineio_binding: its ws binding requires EIO and transport and names the upgrade
    headers; Node's client connects on either transport (and upgrades) without them, its own
    query parameter still validated."""
    seen = drive_zod(node, "engineio", ENGINEIO, ENGINEIO_HANDLERS, tmp_path)
    assert seen["polling"] == {"transport": "polling", "ping": "hi!"}
    assert seen["websocket"] == {"transport": "websocket", "ping": "hi!"}
    assert seen["polling+websocket"]["ping"] == "hi!"
    assert seen["refused"].startswith("connect_error: invalid handshake query for namespace /")


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_node_client_exchanges_the_events_of_the_zod_sockets_document(
    node: str, tmp_path: Path, runtime: str
) -> None:
    """zod-sockets' own example document (tests/corpus): Node's client sends and receives its
    events as argument lists. Its rest-only lists (``type: array`` with ``additionalItems`` and
    no ``items``: ping, subscribe, unsubscribe) are "any number of anything": spread, they
    reach the handlers as rest arguments (none at all too), and the ping ack ("pong", then
    anything) arrives as several ack arguments, as zod-sockets sends ``ack("pong", ...rest)``."""
    seen = drive_zod(node, "zod", ZOD_DOCUMENT, ZOD_HANDLERS, tmp_path, runtime)
    assert seen["transport"] == "websocket"
    assert seen["chat"][0] == "re: Hello there" and set(seen["chat"][1]) == {"from"}
    assert seen["time"] == ["2024-03-28T21:13:15.084Z"]
    assert seen["rooms"] == [["room1", "room2"]]
    assert seen["pingSpread"] == ["pong", "something", {"more": [1]}]  # three ack arguments
    assert seen["pingList"] == ["pong", ["something"]]  # one rest argument, a list
    assert seen["pingNone"] == ["pong"]
    assert seen["subscribe"] == [] and seen["subscribeSpread"] == []  # accepted: no error ack
    assert seen["unsubscribe"] == []
    assert [call for call in seen["calls"] if call[0] != "ping"] == [
        ["subscribe", []],
        ["subscribe", ["a", 1]],
        ["unsubscribe", ["x"]],
    ]
    assert [call[1] for call in seen["calls"] if call[0] == "ping"] == [
        ["something", {"more": [1]}],
        [["something"]],
        [],
    ]
    assert seen["stillConnected"] is True


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_node_client_gets_and_sends_rest_only_acks_spread(
    node: str, tmp_path: Path, runtime: str
) -> None:
    """golden/rest: an ack that is an array with only additionalItems (zod-sockets' rest-only
    form) is any number of ack arguments: Node's ``(err, ...values)`` callback gets each value
    the handler returned (none at all too), and the values Node's client acks to the server's
    call of ``collect`` reach the handler as a tuple."""
    seen = drive_zod(node, "rest", REST, REST_HANDLERS, tmp_path, runtime)
    assert seen["gather"] == ["x", 1, None, {"k": [1]}]  # four ack arguments
    assert seen["gatherNone"] == []
    assert seen["gatherList"] == [[1, 2]]  # one ack argument, a list
    assert seen["collected"] == ["collected", 1, "two", None]
    assert [call[1] for call in seen["calls"] if call[0] == "gather"][-1] == "collect"


def buffer(data: bytes) -> dict[str, Any]:
    """A Node Buffer as JSON.stringify writes it."""
    return {"type": "Buffer", "data": list(data)}


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_node_client_sends_and_receives_buffers(node: str, tmp_path: Path, runtime: str) -> None:
    """tests/specs/binary.yaml: Node's Buffers arrive as bytes (top-level, nested in an object
    and a list, as a second argument, as the ack to the server's call) and the server's bytes
    arrive as Buffers; a string where binary is required, or a Buffer where a string is, gets a
    validation_error ack. Acks of several values arrive as several ack arguments, and Node's
    several ack values reach the server's call_poll."""
    prepare(tmp_path, BINARY, "binary_server", BINARY_HANDLERS, runtime)
    with run_server(tmp_path, "binary_server") as server:
        done = subprocess.run(
            [node, str(NODE_DIR / "drive_binary.mjs"), server.url],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert "failure" not in seen, seen
    assert seen["upload"] == {"size": 3, "echo": buffer(b"\x00\x01\xff")}
    assert seen["document"] == buffer(b"\x01\x02\x03\x04\x05")
    assert seen["pair"] == 5
    assert seen["blob"] == {"name": "from node", "content": buffer(b"\x00\xffblob")}
    assert seen["fetch"] == {"got": buffer(b"\x00\xffblob\x07")}
    for name, loc, kind in (
        ("stringForBinary", [], "binary"),
        ("binaryForString", [], "type"),
        ("nestedString", ["content"], "binary"),
    ):
        error = seen[name]["sio_error"]
        assert error["type"] == "validation_error", name
        assert (error["errors"][0]["loc"], error["errors"][0]["type"]) == (loc, kind), name
    assert seen["label"] == "ABC"  # still served
    assert seen["stat"] == [2, "many", buffer(b"\x02\x01")]  # an ack of several values
    assert seen["statOne"] == [1, "one"]
    assert seen["survey"] == [8, "NODE"]  # the server's call_poll got Node's two ack values
