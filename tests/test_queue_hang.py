"""A message queue URL that points at something that accepts TCP connections and never answers
(a hung Redis, a port owned by another service waiting for its own protocol) or answers garbage
(an HTTP server), and a real Redis that stops answering (SIGSTOP) under two server processes
(README "When the queue hangs"): the external emitters raise ``MessageLostError`` instead of
blocking forever; a server starts, keeps serving its own clients (acks, its own emits) and
logs each lost message, one line, no traceback; a subscription that stays idle longer than the
socket timeout is not taken for an outage.

Every test that would hang without the timeouts is bounded: a subprocess timeout or a client
call's timeout fails it instead (and pytest-timeout guards the rest); nothing asserts a speed."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path

import pytest
from helpers import dedent
from redis_server import RedisServer, RestartableRedis
from servers import RUNTIMES, RunningServer, for_runtime, generate_server, run_server
from stub_brokers import StubBroker, garbage_broker, hanging_broker
from test_message_queue import HANDLERS, SPEC, Listener, call, disconnect, listener
from test_queue_outage import received

BROKERS: dict[str, Callable[[], AbstractContextManager[StubBroker]]] = {
    "hanging": hanging_broker,
    "garbage": garbage_broker,
}
BOUND = 60
"""Seconds after which a script that has not returned is taken for hung (the default timeouts
are 3 s, and python-socketio tries twice)."""

LOST = "message lost: emit of event 'news' in namespace '/': not published"

EMITTER_SCRIPT = dedent(
    """
    import asyncio
    import sys

    from queue_server._generated import models
    from queue_server._generated.external import (
        MessageLostError, async_external_emitter, external_emitter,
    )

    url, variant = sys.argv[1:]
    data = models.NewsEmitPayload(text="lost", by="ext")


    def report(error: MessageLostError) -> None:
        print(error.method, error.event, error.namespace, error.room)
        print(error)


    async def run_async() -> None:
        emitter = async_external_emitter(url)
        for attempt in range(2):  # the same emitter again: its second emit does not hang either
            try:
                await emitter.root.emit_news(data, room="blue")
            except MessageLostError as error:
                report(error)


    if variant == "async":
        asyncio.run(run_async())
    else:
        emitter = external_emitter(url)
        for attempt in range(2):
            try:
                emitter.root.emit_news(data, room="blue")
            except MessageLostError as error:
                report(error)
    """
)


def package(tmp_path_factory: pytest.TempPathFactory, runtime: str) -> Path:
    folder = tmp_path_factory.mktemp(f"hang-{runtime}")
    made = generate_server(SPEC, folder, "queue_server", runtime)
    (made / "handlers.py").write_text(for_runtime(HANDLERS, runtime))
    return folder


@pytest.fixture(scope="module")
def flask_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package on the flask runtime, and the emitter scripts (which need no server)."""
    folder = package(tmp_path_factory, "flask")
    (folder / "emit.py").write_text(EMITTER_SCRIPT)
    (folder / "timeouts.py").write_text(TIMEOUTS_SCRIPT)
    return folder


@pytest.fixture(scope="module", params=RUNTIMES)
def root(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The package on each runtime."""
    if request.param == "flask":
        flask: Path = request.getfixturevalue("flask_root")
        return flask
    return package(tmp_path_factory, request.param)


def bounded(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run ``args``; a failure (not a hang) if it has not returned within :data:`BOUND`."""
    try:
        return subprocess.run(
            args, cwd=cwd, capture_output=True, text=True, timeout=BOUND, check=False
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{args[1]} did not return within {BOUND} s: it hangs on the queue")


def printed(server: RunningServer) -> str:
    assert server.output_file is not None
    return server.output_file.read_text()


def until(condition: Callable[[], bool], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"not within {seconds:.0f} s: {what}"
        time.sleep(0.05)


TIMEOUTS_SCRIPT = dedent(
    """
    import asyncio

    import socketio
    from queue_server._generated.external import (
        async_external_emitter, external_emitter, reporting,
    )


    def timeouts(manager: object) -> tuple[object, object]:
        manager._redis_connect()  # makes the client; connects at its first command only
        kwargs = manager.redis.connection_pool.connection_kwargs
        return kwargs.get("socket_connect_timeout"), kwargs.get("socket_timeout")


    url = "redis://127.0.0.1:1/0"
    print(timeouts(external_emitter(url)._manager))
    print(timeouts(async_external_emitter(url)._manager))
    print(timeouts(external_emitter(url + "?socket_timeout=7&socket_connect_timeout=8")._manager))
    own = reporting(socketio.RedisManager, lost="raise")
    print(timeouts(own(url, write_only=True)))
    print(timeouts(own(url, write_only=True, redis_options={"socket_timeout": 9})))
    nine = {"socket_timeout": 9}
    print(timeouts(own(url + "?socket_timeout=7", write_only=True, redis_options=nine)))
    # other queues get nothing of Redis's: their own constructor, their library's timeouts
    print(reporting(socketio.KafkaManager).__init__ is socketio.KafkaManager.__init__)
    print(reporting(socketio.KombuManager).__init__ is socketio.KombuManager.__init__)
    """
)


def test_redis_managers_get_default_timeouts_that_the_url_and_redis_options_override(
    flask_root: Path,
) -> None:
    """3 s to connect and to read, whatever redis-py's own defaults (none before redis-py 8);
    the URL's query wins over ``redis_options=``, which wins over the defaults. The managers of
    other queues are left as they are."""
    result = bounded([sys.executable, "timeouts.py"], flask_root)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "(3.0, 3.0)",
        "(3.0, 3.0)",
        "(8.0, 7.0)",
        "(3.0, 3.0)",
        "(3.0, 9)",
        "(3.0, 7.0)",
        "True",
        "True",
    ]


def test_the_stub_brokers_accept_and_answer_as_they_say() -> None:
    for make, answer in ((hanging_broker, b""), (garbage_broker, b"HTTP/1.1 400")):
        with make() as broker, socket.create_connection(("127.0.0.1", broker.port)) as sock:
            sock.sendall(b"*1\r\n$4\r\nPING\r\n")
            sock.settimeout(0.5)
            try:
                got = sock.recv(12)
            except TimeoutError:
                got = b""
            assert got == answer
            assert broker.accepted == 1


@pytest.mark.parametrize("kind", BROKERS)
@pytest.mark.parametrize("variant", ["sync", "async"])
def test_an_external_emitter_on_a_queue_that_does_not_answer_raises_message_lost_error(
    flask_root: Path, kind: str, variant: str
) -> None:
    """Each emit raises ``MessageLostError`` (never blocks forever), the same line as for a
    Redis that refuses connections."""
    with BROKERS[kind]() as broker:
        result = bounded([sys.executable, "emit.py", broker.url, variant], flask_root)
        assert broker.accepted >= 1  # it did connect: the broker, not a refusal, was tested
    assert result.returncode == 0, result.stderr
    lost = (
        "emit news / blue\n"
        "message lost: emit of event 'news' in namespace '/' room 'blue': not published (the "
        "queue could not be reached)\n"
    )
    assert result.stdout == lost * 2
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("kind", BROKERS)
def test_a_server_on_a_queue_that_does_not_answer_starts_and_serves_its_own_clients(
    root: Path, kind: str
) -> None:
    """The server starts (the queue may come up later), acks its clients' events and delivers
    its own emits to them; each broadcast the queue did not take is logged, one line, and
    nothing prints a traceback."""
    with (
        BROKERS[kind]() as broker,
        run_server(root, "queue_server", env={"QUEUE_PROCESS": "p1"},
                   args=["--message-queue", broker.url]) as server,
    ):  # fmt: skip
        a = listener("a", server)
        try:
            for number in range(2):  # a second emit does not hang either
                assert call(a, "broadcast", {"text": f"local {number}"}) is True
                a.wait_for(f"local {number}")
            assert call(a, "emit_invalid") == "EmitValidationError"  # publishes nothing
            until(lambda: printed(server).count(LOST) >= 2, "both lost messages logged")
            until(lambda: "Cannot receive from redis" in printed(server), "the listener's line")
            assert broker.accepted >= 2  # the publisher's connection and the listener's
        finally:
            disconnect(a)
        assert "Traceback" not in printed(server)


def test_while_a_publish_waits_on_a_hung_queue_other_clients_are_served(root: Path) -> None:
    """A broadcast whose publish waits on the queue (a 30 s timeout here) holds up its own ack
    only: another client of the process is answered meanwhile (flask: another thread; asgi:
    another task, the event loop is not blocked)."""
    with (
        hanging_broker() as broker,
        run_server(root, "queue_server", env={"QUEUE_PROCESS": "p1"},
                   args=["--message-queue", f"{broker.url}?socket_timeout=30"]) as server,
    ):  # fmt: skip
        a, other = listener("a", server), listener("other", server)
        try:
            acked = threading.Event()
            a.client.emit("broadcast", {"text": "held"}, callback=lambda *_: acked.set())
            until(lambda: broker.accepted >= 2, "the publish reaching the queue")
            assert call(other, "emit_invalid") == "EmitValidationError"  # served meanwhile
            assert not acked.is_set()  # while the broadcast's publish still waits
        finally:
            disconnect(a, other)


@pytest.fixture
def restartable_redis(tmp_path: Path) -> Iterator[RestartableRedis]:
    server = RestartableRedis(tmp_path / "redis")
    try:
        yield server
    finally:
        if server.process is not None and server.process.poll() is None:
            server.process.send_signal(signal.SIGCONT)
        server.stop()


def test_an_idle_subscription_is_not_an_outage(root: Path, redis: RedisServer) -> None:
    """Socket timeout 2 s, then 5 s without a message on the channel: the listeners stay
    subscribed (nothing logged), and the next broadcast reaches the other process's client."""
    url = f"{redis.url}?socket_timeout=2&socket_connect_timeout=2"
    with (
        run_server(root, "queue_server", env={"QUEUE_PROCESS": "p1"},
                   args=["--message-queue", url]) as first,
        run_server(root, "queue_server", env={"QUEUE_PROCESS": "p2"},
                   args=["--message-queue", url]) as second,
    ):  # fmt: skip
        a, b = listener("a", first), listener("b", second)
        try:
            until(lambda: reached(a, b, "before"), "a broadcast reaching the other process")
            time.sleep(5)  # the idle period under test: 2.5 socket timeouts without a message
            assert call(a, "broadcast", {"text": "after idle"}) is True
            b.wait_for("after idle")  # delivered, not lost to a reconnection
        finally:
            disconnect(a, b)
        for server in (first, second):
            assert "Cannot receive from redis" not in printed(server)
            assert "message lost" not in printed(server)


SENT: dict[str, int] = {}


def reached(sender: Listener, receiver: Listener, tag: str) -> bool:
    """Broadcast ``tag N`` from ``sender`` (N counting up); whether it reaches ``receiver``
    within a second (the listeners subscribe a moment after the servers start)."""
    number = SENT[tag] = SENT.get(tag, 0) + 1
    assert call(sender, "broadcast", {"text": f"{tag} {number}"}) is True
    return received(receiver, f"{tag} {number}", 1.0)


def test_a_redis_that_stops_answering_is_an_outage_not_a_hang(
    root: Path, restartable_redis: RestartableRedis
) -> None:
    """Redis frozen (SIGSTOP: connections accepted by the kernel, nothing answered) under two
    processes: each keeps serving its own clients and logs what it could not publish; once Redis
    answers again (SIGCONT), broadcasts reach the other process again without a restart."""
    url = restartable_redis.url
    process = restartable_redis.process
    assert process is not None
    with (
        run_server(root, "queue_server", env={"QUEUE_PROCESS": "p1"},
                   args=["--message-queue", url]) as first,
        run_server(root, "queue_server", env={"QUEUE_PROCESS": "p2"},
                   args=["--message-queue", url]) as second,
    ):  # fmt: skip
        a, b = listener("a", first), listener("b", second)
        try:
            until(lambda: reached(a, b, "before a"), "a's broadcast reaching b")
            until(lambda: reached(b, a, "before b"), "b's broadcast reaching a")
            process.send_signal(signal.SIGSTOP)
            try:
                assert call(a, "broadcast", {"text": "frozen a"}) is True
                a.wait_for("frozen a")
                until(lambda: LOST in printed(first), "process 1 logging its lost message")
                until(
                    lambda: "Cannot receive from redis" in printed(second),
                    "process 2's listener noticing Redis does not answer",
                )
            finally:
                process.send_signal(signal.SIGCONT)
            until(lambda: reached(a, b, "after a"), "a's broadcast reaching b again", 120)
            until(lambda: reached(b, a, "after b"), "b's broadcast reaching a again", 120)
        finally:
            disconnect(a, b)
        assert "Traceback" not in printed(first) + printed(second)


def test_servers_started_before_their_queue_use_it_once_it_answers(
    root: Path, restartable_redis: RestartableRedis
) -> None:
    """Start-up does not wait for the queue: two processes started while Redis is down serve
    their clients (the broadcast lost, and said to be); once Redis is up, without a restart,
    broadcasts of each reach the other's clients."""
    restartable_redis.stop()
    url = restartable_redis.url
    with (
        run_server(root, "queue_server", env={"QUEUE_PROCESS": "p1"},
                   args=["--message-queue", url]) as first,
        run_server(root, "queue_server", env={"QUEUE_PROCESS": "p2"},
                   args=["--message-queue", url]) as second,
    ):  # fmt: skip
        a, b = listener("a", first), listener("b", second)
        try:
            assert call(a, "broadcast", {"text": "no queue yet"}) is True
            a.wait_for("no queue yet")
            until(lambda: LOST in printed(first), "process 1 logging its lost message")
            restartable_redis.start()
            until(lambda: reached(a, b, "up a"), "a's broadcast reaching b", 120)
            until(lambda: reached(b, a, "up b"), "b's broadcast reaching a", 120)
            assert "no queue yet" not in b.texts()
        finally:
            disconnect(a, b)
        assert "Traceback" not in printed(first) + printed(second)
