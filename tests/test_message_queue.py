"""Several processes of one generated server sharing a real Redis as message queue
(``python -m PKG --message-queue redis://...``): a broadcast, a room emit, an emit to one sid
and a call to one sid made by a handler on process 1 reach clients of process 2; an invalid
emit is refused before anything is published; security and validation hold on each process.

Clients use the WebSocket transport only, as python-socketio's docs require of several
processes without sticky sessions (README "Running several processes")."""

from __future__ import annotations

import json
import os
import shlex
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest
import redis as redis_client
import socketio
from helpers import dedent
from packaging.requirements import Requirement
from redis_server import RedisServer, ping, redis_server_command
from servers import (
    RUNTIMES,
    RunningServer,
    for_runtime,
    free_port,
    generate_server,
    run_server,
    stop,
    wait_for_port,
)
from test_readme import of_kind

SPEC = Path(__file__).parent / "specs" / "queue.yaml"
TOKEN = {"Authorization": "Bearer good-token"}
CHANNEL = "flask-socketio"
"""The Redis channel Flask-SocketIO publishes on when none is given."""
WAIT = 20.0

HANDLERS = dedent(
    """
    from __future__ import annotations

    import os

    from ._generated import models
    from ._generated.runtime import (
        EmitValidationError, NamespaceHandlers, Principal, SecurityHandlers, override,
    )
    from ._generated.server import RootEmitter, RootNamespace, Security

    NAME = os.environ["QUEUE_PROCESS"]


    class RootHandlers(RootNamespace):
        def news(self, text: str) -> models.NewsEmitPayload:
            return models.NewsEmitPayload(text=text, by=NAME)

        @override
        def on_join(self, sid: str, data: models.Room) -> models.JoinAck:
            self.enter_room(sid, data.room)
            return models.JoinAck(True)

        @override
        def on_broadcast(self, sid: str, data: models.Text) -> models.BroadcastAck:
            RootEmitter(self.socketio).emit_news(self.news(data.text))
            return models.BroadcastAck(True)

        @override
        def on_to_room(self, sid: str, data: models.ToRoomPayload) -> models.ToRoomAck:
            RootEmitter(self.socketio).emit_news(self.news(data.text), to=data.room)
            return models.ToRoomAck(True)

        @override
        def on_to_sid(self, sid: str, data: models.ToSidPayload) -> models.ToSidAck:
            RootEmitter(self.socketio).emit_news(self.news(data.text), to=data.sid)
            return models.ToSidAck(True)

        @override
        def on_emit_invalid(self, sid: str) -> models.EmitInvalidAck:
            # text longer than the spec's maxLength of 20 (model_construct skips the model's checks)
            data = models.NewsEmitPayload.model_construct(text="invalid-" + "x" * 30, by=NAME)
            try:
                RootEmitter(self.socketio).emit_news(data)
            except EmitValidationError as error:
                return models.EmitInvalidAck(type(error).__name__)
            return models.EmitInvalidAck("published")

        @override
        def on_ask_sid(self, sid: str, data: models.AskSidPayload) -> models.AskSidAck:
            ack = RootEmitter(self.socketio).call_question(
                models.QuestionEmitPayload("who?"), to=data.sid, timeout=10
            )
            return models.AskSidAck(ack.answer)


    class SecurityHooks(Security):
        @override
        def verify_bearer(self, token: str) -> Principal | None:
            return Principal("user") if token == "good-token" else None


    def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:
        return [RootHandlers(), SecurityHooks()]
    """
)


@dataclass
class Listener:
    """A websocket-only client that records the ``news`` it receives."""

    name: str
    client: socketio.Client
    news: list[dict[str, Any]] = field(default_factory=list)
    changed: threading.Condition = field(default_factory=threading.Condition)

    @property
    def sid(self) -> str:
        sid = self.client.get_sid("/")
        assert sid is not None
        return sid

    def texts(self) -> list[str]:
        with self.changed:
            return [item["text"] for item in self.news]

    def wait_for(self, text: str) -> list[dict[str, Any]]:
        """Every news received up to and including ``text`` (a failure if it never comes)."""
        with self.changed:
            arrived = self.changed.wait_for(
                lambda: any(item["text"] == text for item in self.news), timeout=WAIT
            )
            assert arrived, f"{self.name} never received {text!r}; it got {self.news}"
            end = next(i for i, item in enumerate(self.news) if item["text"] == text)
            return list(self.news[: end + 1])


def listener(name: str, server: RunningServer, **options: Any) -> Listener:
    client = socketio.Client(reconnection=False)
    found = Listener(name, client)

    @client.on("news")
    def news(data: dict[str, Any]) -> None:
        with found.changed:
            found.news.append(data)
            found.changed.notify_all()

    @client.on("question")
    def question(data: str) -> dict[str, str]:
        return {"answer": f"{name} heard {data}"}

    client.connect(server.url, transports=["websocket"], headers=options.pop("headers", TOKEN),
                   wait_timeout=10, **options)  # fmt: skip
    return found


@pytest.fixture(scope="module")
def package_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("queue")
    (generate_server(SPEC, root, "queue_server") / "handlers.py").write_text(HANDLERS)
    return root


@pytest.fixture(scope="module", params=RUNTIMES)
def runtime_root(
    request: pytest.FixtureRequest, package_root: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The package's folder on each runtime: the flask one is ``package_root``'s."""
    if request.param == "flask":
        return package_root
    root: Path = request.getfixturevalue("asgi_root")
    return root


@pytest.fixture(scope="module")
def asgi_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("queue-asgi")
    package = generate_server(SPEC, root, "queue_server", "asgi")
    (package / "handlers.py").write_text(for_runtime(HANDLERS, "asgi"))
    return root


@pytest.fixture(scope="module")
def processes(runtime_root: Path, redis: RedisServer) -> Iterator[tuple[RunningServer, ...]]:
    """Two processes of the package on one Redis, on each runtime: the first given
    ``--message-queue``, the second ``SIO_MESSAGE_QUEUE`` (the two ways the generated
    ``__main__`` takes it)."""
    with (
        run_server(runtime_root, "queue_server", env={"QUEUE_PROCESS": "p1"},
                   args=["--message-queue", redis.url]) as first,
        run_server(runtime_root, "queue_server",
                   env={"QUEUE_PROCESS": "p2", "SIO_MESSAGE_QUEUE": redis.url}) as second,
    ):  # fmt: skip
        yield first, second


@pytest.fixture
def clients(
    processes: tuple[RunningServer, ...], redis: RedisServer
) -> Iterator[dict[str, Listener]]:
    """``a`` on process 1; ``b`` and ``c`` on process 2; returned once both processes listen
    to the queue (python-socketio subscribes when a process's first client connects, so a
    message published before that would reach only one process)."""
    first, second = processes
    made: dict[str, Listener] = {}
    try:
        made["a"] = listener("a", first)
        made["b"] = listener("b", second)
        made["c"] = listener("c", second)
        wait_for_subscribers(redis, 2)
        yield made
    finally:
        disconnect(*made.values())


def wait_for_subscribers(redis: RedisServer, count: int) -> None:
    """Wait until ``count`` connections are subscribed to the servers' channel."""
    connection = redis_client.Redis.from_url(redis.url)
    try:
        deadline = time.monotonic() + WAIT
        while dict(connection.pubsub_numsub(CHANNEL)).get(CHANNEL.encode(), 0) < count:
            assert time.monotonic() < deadline, f"fewer than {count} subscribers to {CHANNEL}"
            time.sleep(0.02)
    finally:
        connection.close()


def disconnect(*listeners: Listener) -> None:
    """Disconnect at once (a websocket-only python-socketio client waits up to 3 s for the
    server's close frame)."""
    threads = [threading.Thread(target=item.client.disconnect) for item in listeners]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def call(item: Listener, event: str, data: Any = None) -> Any:
    if data is None:
        return item.client.call(event, timeout=WAIT)
    return item.client.call(event, data, timeout=WAIT)


def test_the_redis_fixture_is_a_real_server(redis: RedisServer) -> None:
    assert ping(redis.port)
    connection = redis_client.Redis.from_url(redis.url)
    try:
        assert connection.info("server")["tcp_port"] == redis.port
        assert connection.config_get("save") == {"save": ""}
        assert connection.config_get("appendonly") == {"appendonly": "no"}
    finally:
        connection.close()


def test_without_redis_server_a_skip_locally_and_a_failure_in_ci(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no redis-server there
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="redis-server not found"):
        redis_server_command()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run the message queue tests"):
        redis_server_command()


def test_a_broadcast_on_process_1_reaches_the_clients_of_process_2(
    clients: dict[str, Listener],
) -> None:
    assert call(clients["a"], "broadcast", {"text": "hello all"}) is True
    for name in "abc":
        assert clients[name].wait_for("hello all")[-1] == {"text": "hello all", "by": "p1"}


def test_a_room_emit_on_process_1_reaches_the_room_on_process_2_only(
    clients: dict[str, Listener],
) -> None:
    assert call(clients["c"], "join", {"room": "blue"}) is True  # joined on process 2
    assert call(clients["a"], "to_room", {"room": "blue", "text": "blue only"}) is True
    assert call(clients["a"], "broadcast", {"text": "after blue"}) is True
    # The queue keeps one publisher's order: once "after blue" is in, "blue only" would be too.
    assert [n["text"] for n in clients["c"].wait_for("after blue")] == ["blue only", "after blue"]
    assert clients["b"].wait_for("after blue") == [{"text": "after blue", "by": "p1"}]
    assert clients["a"].wait_for("after blue") == [{"text": "after blue", "by": "p1"}]


def test_an_emit_to_a_sid_on_process_1_reaches_that_client_of_process_2_only(
    clients: dict[str, Listener],
) -> None:
    target = clients["b"].sid
    assert call(clients["a"], "to_sid", {"sid": target, "text": "just b"}) is True
    assert call(clients["a"], "broadcast", {"text": "after b"}) is True
    assert [n["text"] for n in clients["b"].wait_for("after b")] == ["just b", "after b"]
    assert [n["text"] for n in clients["c"].wait_for("after b")] == ["after b"]
    assert [n["text"] for n in clients["a"].wait_for("after b")] == ["after b"]


def test_a_call_to_a_sid_of_process_2_gets_its_ack_back_through_the_queue(
    clients: dict[str, Listener],
) -> None:
    """``call_<event>(to=sid)`` on process 1, the client on process 2: python-socketio's
    pub/sub manager sends the ack back over the queue, and the handler gets it validated."""
    assert call(clients["a"], "ask_sid", {"sid": clients["c"].sid}) == "c heard who?"


def test_an_invalid_emit_is_refused_before_anything_is_published(
    clients: dict[str, Listener], redis: RedisServer
) -> None:
    connection = redis_client.Redis.from_url(redis.url)
    pubsub = connection.pubsub()
    try:
        pubsub.subscribe(CHANNEL)
        assert pubsub.get_message(timeout=WAIT)["type"] == "subscribe"  # type: ignore[index]
        assert call(clients["a"], "emit_invalid") == "EmitValidationError"
        assert call(clients["a"], "broadcast", {"text": "after invalid"}) is True
        published: list[bytes] = []
        while not published or b"after invalid" not in published[-1]:
            message = pubsub.get_message(timeout=WAIT)
            assert message is not None, f"nothing more published after {published}"
            if message["type"] == "message":
                published.append(message["data"])
        assert not [m for m in published if b"invalid-" in m], published
        for name in "abc":
            assert [n["text"] for n in clients[name].wait_for("after invalid")] == ["after invalid"]
    finally:
        pubsub.close()
        connection.close()


def test_the_queue_is_trusted_a_message_published_by_another_reaches_clients_as_it_is(
    clients: dict[str, Listener], redis: RedisServer
) -> None:
    """What the README says of the queue: the servers validate what they emit, not what they
    receive from the queue. A message anyone with access to Redis publishes goes to the clients
    it names, invalid or not (hence: Redis on loopback or a private network, with a password)."""
    forged = {"text": "forged-" + "x" * 30, "by": "nobody"}  # longer than the spec allows
    message = {"method": "emit", "event": "news", "data": [forged], "binary": False,
               "namespace": "/", "room": None, "skip_sid": None, "callback": None,
               "host_id": "not-a-server"}  # fmt: skip
    connection = redis_client.Redis.from_url(redis.url)
    try:
        assert connection.publish(CHANNEL, json.dumps(message)) == 2  # both processes listen
    finally:
        connection.close()
    for name in "abc":
        assert clients[name].wait_for(forged["text"]) == [forged]


@pytest.mark.parametrize("process", [0, 1], ids=["process-1", "process-2"])
def test_security_and_validation_hold_on_each_process(
    processes: tuple[RunningServer, ...], process: int
) -> None:
    server = processes[process]
    for headers in ({}, {"Authorization": "Bearer wrong"}):
        with pytest.raises(socketio.exceptions.ConnectionError):
            listener("anonymous", server, headers=headers)
    item = listener("ok", server)
    try:
        error = call(item, "broadcast", {"text": 5})
        assert error["sio_error"]["type"] == "validation_error"
        error = call(item, "to_room", {"room": "r" * 21, "text": "x"})
        assert error["sio_error"]["type"] == "validation_error"
    finally:
        disconnect(item)


def test_the_published_messages_carry_no_python_objects(
    clients: dict[str, Listener], redis: RedisServer
) -> None:
    """What goes through the queue is JSON (python-socketio 5's pub/sub managers), never pickle:
    whoever can publish on the queue cannot make the servers run code."""
    connection = redis_client.Redis.from_url(redis.url)
    pubsub = connection.pubsub()
    try:
        pubsub.subscribe(CHANNEL)
        assert pubsub.get_message(timeout=WAIT)["type"] == "subscribe"  # type: ignore[index]
        assert call(clients["a"], "broadcast", {"text": "json only"}) is True
        while True:
            message = pubsub.get_message(timeout=WAIT)
            assert message is not None
            if message["type"] == "message":
                break
        decoded = json.loads(message["data"])
        assert decoded["method"] == "emit" and decoded["event"] == "news"
        assert decoded["data"] == [{"text": "json only", "by": "p1"}]
    finally:
        pubsub.close()
        connection.close()


def start_up(root: Path, url: str, env: dict[str, str]) -> tuple[int | None, str]:
    """``python -m queue_server --message-queue URL``: its exit status and output, or None once it
    serves (it is then stopped)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "queue_server", "--port", str(port), "--message-queue", url],
        cwd=root, env={**os.environ, "QUEUE_PROCESS": "p", **env}, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 30
        while process.poll() is None and time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                return None, "serving"
            except OSError:
                time.sleep(0.05)
        out, _ = process.communicate(timeout=10)
        return process.returncode, out
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize("case", ["redis package missing", "unknown scheme"])
def test_an_unusable_queue_url_is_one_line_and_exit_2(
    package_root: Path, redis: RedisServer, tmp_path: Path, case: str
) -> None:
    if case == "redis package missing":
        shadow = tmp_path / "shadow" / "redis"
        shadow.mkdir(parents=True)
        (shadow / "__init__.py").write_text('raise ImportError("no redis in this test")\n')
        status, out = start_up(package_root, redis.url, {"PYTHONPATH": str(shadow.parent)})
        expected = "redis"
    else:
        status, out = start_up(package_root, "bogus://127.0.0.1:1", {})
        expected = "bogus"
    assert status == 2, out
    lines = [line for line in out.splitlines() if not line.startswith("serving on")]
    assert len(lines) == 1 and expected in lines[0] and "Traceback" not in out, out


# -- The README's recipe ---------------------------------------------------------------------


class RoundRobin:
    """A load balancer that is not sticky: each TCP connection goes to the next backend."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.sockets: list[socket.socket] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        turn = 0
        while True:
            try:
                incoming, _ = self.listener.accept()
            except OSError:  # closed
                return
            outgoing = socket.create_connection(("127.0.0.1", self.ports[turn % len(self.ports)]))
            turn += 1
            self.sockets += [incoming, outgoing]
            for source, target in ((incoming, outgoing), (outgoing, incoming)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    @staticmethod
    def _pump(source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                target.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, target):
                with suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        self.listener.close()
        for sock in self.sockets:
            sock.close()


@contextmanager
def started(command: list[str], cwd: Path, env: dict[str, str], port: int) -> Iterator[None]:
    """``command`` running until the end of the block, once ``port`` accepts connections."""
    output_file = cwd / f"recipe-{port}.out"
    with output_file.open("w") as output:
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=output, stderr=subprocess.STDOUT
        )
        try:
            wait_for_port(port, process, output_file, timeout=30)
            yield
        finally:
            stop(process, grace=15)


def recipe(kind: str = "several processes") -> tuple[list[str], dict[str, str], list[list[str]]]:
    """The README's block: its pip line, its exported variables, its background commands."""
    (block,) = of_kind(kind)
    first, *rest = block.text.splitlines()
    exported: dict[str, str] = {}
    commands: list[list[str]] = []
    for line in rest:
        words = shlex.split(line)
        if words[0] == "export":
            name, value = words[1].split("=", 1)
            exported[name] = value
        else:
            assert words[-1] == "&", f"not a background command: {line}"
            commands.append(words[:-1])
    return shlex.split(first), exported, commands


@pytest.mark.parametrize("kind", ["several processes", "several asgi processes"])
def test_the_readme_recipe_names_the_redis_extra_and_the_package_files(
    package_root: Path, asgi_root: Path, kind: str
) -> None:
    pip, exported, commands = recipe(kind)
    root = asgi_root if "asgi" in kind else package_root
    assert pip[:4] == ["pip", "install", "-r", "PKG/_generated/requirements.txt"]
    assert (root / "queue_server/_generated/requirements.txt").is_file()
    extra = [Requirement(r) for r in metadata.requires("sio-codegen") or []]
    extra = [  # the redis extra's own requirements, not those every install has on this Python
        r
        for r in extra
        if r.marker is not None
        and r.marker.evaluate({"extra": "redis"})
        and not r.marker.evaluate({"extra": ""})
    ]
    (wanted,) = [Requirement(r) for r in pip[4:]]
    assert [(r.name, r.specifier) for r in extra] == [(wanted.name, wanted.specifier)]
    assert list(exported) == ["SIO_MESSAGE_QUEUE"]
    assert exported["SIO_MESSAGE_QUEUE"].startswith("redis://127.0.0.1:")
    server = "uvicorn" if "asgi" in kind else "gunicorn"
    assert len(commands) == 2 and all(c[0] == server for c in commands)
    if server == "uvicorn":
        assert all(c[1] == "PKG.asgi:app" for c in commands)
        assert (root / "queue_server/asgi.py").is_file()


def as_run_here(command: list[str], port: int) -> list[str]:
    """A command of the recipe on a free port, for this package, with this interpreter."""
    if command[0] == "gunicorn":
        bind = command[command.index("--bind") + 1]
        words = [w.replace("PKG", "queue_server").replace(bind, f"127.0.0.1:{port}")
                 for w in command[1:]]  # fmt: skip
    else:  # uvicorn PKG.asgi:app --host 127.0.0.1 --port 8001
        words = [w.replace("PKG", "queue_server") for w in command[1:]]
        words[words.index("--port") + 1] = str(port)
    return [sys.executable, "-m", command[0], *words]


@pytest.mark.parametrize("kind", ["several processes", "several asgi processes"])
def test_the_readme_recipe_behind_a_balancer_that_is_not_sticky(
    package_root: Path, asgi_root: Path, redis: RedisServer, kind: str
) -> None:
    """The README's commands as written (a free port for each address, the test's Redis),
    gunicorn for the flask runtime, uvicorn for the asgi one; websocket-only clients through a
    round-robin balancer: each broadcast, whichever process handles it, reaches every client."""
    _, exported, commands = recipe(kind)
    root = asgi_root if "asgi" in kind else package_root
    env = {**os.environ, **exported, "SIO_MESSAGE_QUEUE": redis.url}
    ports: list[int] = []
    with ExitStack() as stack:
        for number, command in enumerate(commands, 1):
            port = free_port()
            stack.enter_context(started(as_run_here(command, port), root,
                                        {**env, "QUEUE_PROCESS": f"g{number}"}, port))  # fmt: skip
            ports.append(port)
        balancer = RoundRobin(ports)
        stack.callback(balancer.close)
        front = RunningServer(f"http://127.0.0.1:{balancer.port}", balancer.port,
                              root / "none", None)  # type: ignore[arg-type]  # fmt: skip
        listeners = [listener(name, front) for name in "abcd"]
        stack.callback(disconnect, *listeners)
        for item in listeners:
            assert call(item, "broadcast", {"text": f"from {item.name}"}) is True
        handled_by = set()
        for item in listeners:
            for other in listeners:
                (news,) = [n for n in item.wait_for(f"from {other.name}")
                           if n["text"] == f"from {other.name}"]  # fmt: skip
                handled_by.add(news["by"])
        assert handled_by == {"g1", "g2"}  # the balancer spread the clients over both
