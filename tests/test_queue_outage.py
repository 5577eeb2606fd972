"""Redis stopped and started again on the same port while two server processes (each runtime)
and an external emitter use it (README "When Redis goes away"): during the outage each process
keeps serving its own clients (acks, its own emits) and logs every message it could not publish,
naming the event and namespace; the external emitter raises ``MessageLostError``; once Redis is
back, without restarting anything, emits of each process reach the clients of the other again
and the same external emitter publishes again. What was published during the outage is lost,
never delivered late. Every wait polls for a condition until a deadline."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from helpers import dedent
from redis_server import RestartableRedis
from servers import RUNTIMES, RunningServer, for_runtime, free_port, generate_server, run_server
from test_message_queue import HANDLERS, SPEC, Listener, call, disconnect, listener

RECONNECT_SECONDS = 90.0
"""Bound on the listeners' reconnection: python-socketio retries after 1, 2, 4, ... s."""

EMITTER_SCRIPT = dedent(
    """
    import sys

    from queue_server._generated import models
    from queue_server._generated.external import MessageLostError, external_emitter

    emitter = external_emitter(sys.argv[1])  # one emitter for the whole run, across the outage
    for line in sys.stdin:
        try:
            emitter.root.emit_news(models.NewsEmitPayload(text=line.strip(), by="ext"))
        except MessageLostError as error:
            print(f"lost {error.method} {error.event} {error.namespace} {error}", flush=True)
        else:
            print("published", flush=True)
    """
)


def until(condition: Callable[[], bool], what: str, seconds: float = RECONNECT_SECONDS) -> None:
    """Poll ``condition`` until it holds; a failure naming ``what`` after ``seconds``."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"not within {seconds:.0f} s: {what}"
        time.sleep(0.05)


def received(item: Listener, text: str, seconds: float) -> bool:
    """Whether ``item`` gets ``text`` within ``seconds`` (a poll, not an assertion)."""
    with item.changed:
        return item.changed.wait_for(lambda: text in [n["text"] for n in item.news], seconds)


def reaches(sender: Listener, receiver: Listener, tag: str) -> str:
    """Broadcast ``tag N`` from ``sender`` (N = 0, 1, ...) until one reaches ``receiver`` (the
    listeners' reconnection takes a few seconds); the text that did."""
    number = 0

    def arrived() -> bool:
        nonlocal number
        number += 1
        assert call(sender, "broadcast", {"text": f"{tag} {number}"}) is True
        return received(receiver, f"{tag} {number}", 1.0)

    until(arrived, f"a broadcast of {sender.name} reaching {receiver.name} again")
    return f"{tag} {number}"


class Emitter:
    """The external emitter script, one line in (a text to publish), one line out."""

    def __init__(self, root: Path, url: str) -> None:
        (root / "outage_emit.py").write_text(EMITTER_SCRIPT)
        self.process = subprocess.Popen(
            [sys.executable, "outage_emit.py", url], cwd=root, text=True,
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )  # fmt: skip

    def emit(self, text: str) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(text + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline()  # the script answers each line at once
        assert answer, "the emitter script exited"
        return answer.strip()

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(params=RUNTIMES)
def root(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    package = generate_server(SPEC, tmp_path, "queue_server", request.param)
    (package / "handlers.py").write_text(for_runtime(HANDLERS, request.param))
    return tmp_path


@pytest.fixture
def redis_outage(tmp_path: Path) -> Iterator[RestartableRedis]:
    server = RestartableRedis(tmp_path / "redis")
    try:
        yield server
    finally:
        server.stop()


def printed(server: RunningServer) -> str:
    assert server.output_file is not None
    return server.output_file.read_text()


def test_server_processes_across_an_outage(root: Path, redis_outage: RestartableRedis) -> None:
    """Each process serves its own clients while Redis is down, logs what it could not publish,
    and reaches the other's clients again once Redis is back."""
    url = redis_outage.url
    with (
        run_server(root, "queue_server", env={"QUEUE_PROCESS": "p1"},
                   args=["--message-queue", url]) as first,
        run_server(root, "queue_server", env={"QUEUE_PROCESS": "p2"},
                   args=["--message-queue", url]) as second,
    ):  # fmt: skip
        a, b = listener("a", first), listener("b", second)
        try:
            reaches(a, b, "before")  # both listeners subscribed
            reaches(b, a, "before")

            redis_outage.stop()
            # Each process serves its own clients: the ack, and its own emit, come back.
            assert call(a, "broadcast", {"text": "during a"}) is True
            a.wait_for("during a")
            assert call(b, "broadcast", {"text": "during b"}) is True
            b.wait_for("during b")
            assert call(a, "join", {"room": "blue"}) is True
            # ... and says, in one line each, what the other processes did not get.
            lost = "message lost: emit of event 'news' in namespace '/': not published"
            until(lambda: lost in printed(first), "process 1 logging its lost message", 30)
            until(lambda: lost in printed(second), "process 2 logging its lost message", 30)
            assert "Traceback" not in printed(first) + printed(second)

            redis_outage.start()  # the same port, nothing restarted but Redis
            reaches(a, b, "after a")  # process 2's listener is back
            reaches(b, a, "after b")  # and process 1's
            # What was published during the outage is lost, not delivered late.
            assert "during a" not in b.texts() and "during b" not in a.texts()
        finally:
            disconnect(a, b)


def test_the_external_emitter_across_an_outage(
    tmp_path: Path, redis_outage: RestartableRedis
) -> None:
    """One emitter for the whole run: published, then ``MessageLostError`` while Redis is down
    (naming the event and namespace), then published again once it is back."""
    package = generate_server(SPEC, tmp_path, "queue_server")
    (package / "handlers.py").write_text(HANDLERS)
    with run_server(tmp_path, "queue_server", env={"QUEUE_PROCESS": "p1"},
                    args=["--message-queue", redis_outage.url]) as server:  # fmt: skip
        b = listener("b", server)
        emitter = Emitter(tmp_path, redis_outage.url)
        try:
            reaches(b, b, "subscribed")  # the server's own listener is subscribed
            assert emitter.emit("ext before") == "published"
            b.wait_for("ext before")

            redis_outage.stop()
            answer = emitter.emit("ext during")
            assert answer == (
                "lost emit news / message lost: emit of event 'news' in namespace '/': not "
                "published (the queue could not be reached)"
            )

            redis_outage.start()
            until(lambda: emitter.emit("ext after") == "published", "the emitter publishing")
            until(lambda: received(b, "ext after", 1.0), "the server delivering it")
            assert "ext during" not in b.texts()
        finally:
            emitter.close()
            disconnect(b)


FLOOD_SCRIPT = dedent(
    """
    import logging
    import sys

    import socketio
    from tictactoe_server._generated import queue

    records: list[str] = []


    class Keep(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record.getMessage())


    logging.getLogger("tictactoe_server").addHandler(Keep())
    logging.getLogger("tictactoe_server").propagate = False
    manager = queue.reporting(socketio.RedisManager)(
        sys.argv[1], channel="flask-socketio", write_only=True, logger=queue.manager_log
    )
    for number in range(15):  # a flood of emits while Redis is down: 15 messages lost
        manager.emit("news", {"n": number}, namespace="/chat", room=f"r{number}")
    lost = [line for line in records if line.startswith("message lost:")]
    print(len(lost), len([line for line in records if line.startswith("Cannot publish")]))
    print(lost[0])
    queue.lost_log._start -= queue.lost_log.period  # the period is over (no waiting in tests)
    records.clear()
    manager.emit("news", {"n": 15}, namespace="/chat")
    print(records[0])
    print(records[1])
    """
)


def test_a_flood_of_lost_messages_is_logged_rate_limited() -> None:
    """Ten lost-message lines a minute (and ten of python-socketio's), then one line counting
    those left out: an outage under load does not flood the log."""
    expected = Path(__file__).resolve().parent.parent / "golden/tictactoe/expected"
    result = subprocess.run(
        [sys.executable, "-c", FLOOD_SCRIPT, f"redis://127.0.0.1:{free_port()}/0"],
        cwd=expected, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "10 10",
        "message lost: emit of event 'news' in namespace '/chat' room 'r0': not published (the "
        "queue could not be reached); clients of the other processes do not get it",
        "5 similar messages suppressed in the last 60 s",
        "message lost: emit of event 'news' in namespace '/chat': not published (the queue could "
        "not be reached); clients of the other processes do not get it",
    ]
