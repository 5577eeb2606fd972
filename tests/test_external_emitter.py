"""The typed external emitter (``PKG._generated.external``): a plain script with no server in
it (run with subprocess) publishes through a real Redis, and clients connected to two real
server processes of the package receive what it emits (a broadcast, a room, one sid), sync and
asyncio alike. An invalid emit raises ``EmitValidationError`` and publishes nothing; the
validation switch publishes it; a queue URL the emitter cannot use is one clear error when the
emitter is created; mypy rejects ``call_<event>`` and ``callback=`` (a queue cannot bring an
ack back)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis as redis_client
from helpers import dedent, mypy_strict
from redis_server import RedisServer
from servers import RUNTIMES, RunningServer, for_runtime, free_port, generate_server, run_server
from test_message_queue import HANDLERS, SPEC, Listener, call, disconnect, listener
from test_readme import of_kind

ROOT = Path(__file__).resolve().parent.parent
CHANNEL = "flask-socketio"
WAIT = 20.0

SYNC_SCRIPT = dedent(
    """
    import sys

    from queue_server._generated import models
    from queue_server._generated.external import external_emitter

    url, room, sid, tag = sys.argv[1:]
    emitter = external_emitter(url)
    news = emitter.root.emit_news
    news(models.NewsEmitPayload(text=f"{tag} all", by="ext"))
    news(models.NewsEmitPayload(text=f"{tag} room", by="ext"), to=room)
    news(models.NewsEmitPayload(text=f"{tag} sid", by="ext"), to=sid)
    news(models.NewsEmitPayload(text=f"{tag} not b", by="ext"), skip_sid=sid)
    emitter.root.enter_room(sid, "green")  # b, on the other process, joins green
    news(models.NewsEmitPayload(text=f"{tag} green", by="ext"), room="green")
    emitter.root.leave_room(sid, "green")
    emitter.root.close_room(room)  # nobody is in room any more
    news(models.NewsEmitPayload(text=f"{tag} gone", by="ext"), room="green")
    news(models.NewsEmitPayload(text=f"{tag} gone", by="ext"), room=room)
    news(models.NewsEmitPayload(text=f"{tag} end", by="ext"))
    """
)

ASYNC_SCRIPT = dedent(
    """
    import asyncio
    import sys

    from queue_server._generated import models
    from queue_server._generated.external import async_external_emitter

    url, room, sid, tag = sys.argv[1:]


    async def main() -> None:
        emitter = async_external_emitter(url)
        news = emitter.root.emit_news
        await news(models.NewsEmitPayload(text=f"{tag} all", by="ext"))
        await news(models.NewsEmitPayload(text=f"{tag} room", by="ext"), to=room)
        await news(models.NewsEmitPayload(text=f"{tag} sid", by="ext"), to=sid)
        await news(models.NewsEmitPayload(text=f"{tag} not b", by="ext"), skip_sid=sid)
        await emitter.root.enter_room(sid, "green")  # b, on the other process, joins green
        await news(models.NewsEmitPayload(text=f"{tag} green", by="ext"), room="green")
        await emitter.root.leave_room(sid, "green")
        await emitter.root.close_room(room)  # nobody is in room any more
        await news(models.NewsEmitPayload(text=f"{tag} gone", by="ext"), room="green")
        await news(models.NewsEmitPayload(text=f"{tag} gone", by="ext"), room=room)
        await news(models.NewsEmitPayload(text=f"{tag} end", by="ext"))


    asyncio.run(main())
    """
)

INVALID_SCRIPT = dedent(
    """
    import asyncio
    import sys

    from queue_server._generated import models
    from queue_server._generated.external import (
        EmitValidationError, async_external_emitter, external_emitter,
    )

    url, variant = sys.argv[1:]
    # text longer than the spec's maxLength of 20 (model_construct skips the model's checks)
    bad = models.NewsEmitPayload.model_construct(text="invalid-" + "x" * 30, by="ext")
    good = models.NewsEmitPayload(text="after invalid", by="ext")


    async def run_async() -> None:
        emitter = async_external_emitter(url)
        try:
            await emitter.root.emit_news(bad)
        except EmitValidationError as error:
            print("refused", error.errors[0]["loc"])
        await async_external_emitter(url, validate=False).root.emit_news(bad)
        await emitter.root.emit_news(good)


    if variant == "async":
        asyncio.run(run_async())
    else:
        emitter = external_emitter(url)
        try:
            emitter.root.emit_news(bad)
        except EmitValidationError as error:
            print("refused", error.errors[0]["loc"])
        external_emitter(url, validate=False).root.emit_news(bad)
        emitter.root.emit_news(good)
    """
)

URL_SCRIPT = dedent(
    """
    import sys

    from queue_server._generated.external import (
        QueueURLError, async_external_emitter, external_emitter,
    )

    url, variant = sys.argv[1:]
    make = async_external_emitter if variant == "async" else external_emitter
    try:
        make(url)
    except QueueURLError as error:
        print(f"QueueURLError: {error}")
    else:
        print("created")
    """
)


@pytest.fixture(scope="module")
def package_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("external")
    (generate_server(SPEC, root, "queue_server") / "handlers.py").write_text(HANDLERS)
    for name, text in (("sync_emit.py", SYNC_SCRIPT), ("async_emit.py", ASYNC_SCRIPT),
                       ("invalid_emit.py", INVALID_SCRIPT), ("url.py", URL_SCRIPT)):  # fmt: skip
        (root / name).write_text(text)
    return root


@pytest.fixture(scope="module", params=RUNTIMES)
def runtime_root(
    request: pytest.FixtureRequest, package_root: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """The package (and the scripts) on each runtime: the flask one is ``package_root``."""
    if request.param == "flask":
        return package_root
    root = tmp_path_factory.mktemp(f"external-{request.param}")
    package = generate_server(SPEC, root, "queue_server", request.param)
    (package / "handlers.py").write_text(for_runtime(HANDLERS, request.param))
    for name in ("sync_emit.py", "async_emit.py"):
        shutil.copy(package_root / name, root / name)
    return root


@pytest.fixture(scope="module")
def processes(runtime_root: Path, redis: RedisServer) -> Iterator[tuple[RunningServer, ...]]:
    with (
        run_server(runtime_root, "queue_server", env={"QUEUE_PROCESS": "p1"},
                   args=["--message-queue", redis.url]) as first,
        run_server(runtime_root, "queue_server", env={"QUEUE_PROCESS": "p2"},
                   args=["--message-queue", redis.url]) as second,
    ):  # fmt: skip
        yield first, second


def script(root: Path, name: str, *args: str, env: dict[str, str] | None = None) -> str:
    """Run a script of ``root`` (no server in it); its output, once it succeeded."""
    result = subprocess.run(
        [sys.executable, name, *args], cwd=root, capture_output=True, text=True, timeout=120,
        env={**os.environ, **(env or {})}, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize("name", ["sync_emit.py", "async_emit.py"], ids=["sync", "asyncio"])
def test_an_external_script_reaches_the_clients_of_both_processes(
    processes: tuple[RunningServer, ...], runtime_root: Path, redis: RedisServer, name: str
) -> None:
    """``a`` on process 1 and ``b``, ``c`` on process 2; ``a`` and ``c`` in room ``blue``
    (joined on their own process). The script broadcasts, emits to the room, to ``b``'s sid,
    to all but ``b`` (skip_sid), puts ``b`` in room ``green`` (through the queue: ``b`` is on a
    server process) and emits there, takes it out again and closes ``blue`` (emits to both
    then reach nobody), then broadcasts again: each client gets exactly its share, in the
    publisher's order, on the server processes of each runtime."""
    first, second = processes
    clients: list[Listener] = []
    try:
        clients += [listener("a", first), listener("b", second), listener("c", second)]
        a, b, c = clients
        assert call(a, "join", {"room": "blue"}) is True
        assert call(c, "join", {"room": "blue"}) is True
        tag = name[:4]
        script(runtime_root, name, redis.url, "blue", b.sid, tag)  # its own runtime's package
        expected = {
            "a": ["all", "room", "not b", "end"],
            "b": ["all", "sid", "green", "end"],
            "c": ["all", "room", "not b", "end"],
        }
        for item in clients:
            received = item.wait_for(f"{tag} end")
            assert [n["text"] for n in received] == [f"{tag} {t}" for t in expected[item.name]]
            assert {n["by"] for n in received} == {"ext"}
    finally:
        disconnect(*clients)


def published(
    redis: RedisServer, run: Any, until: bytes, channel: str = CHANNEL
) -> list[dict[str, Any]]:
    """The messages published on ``channel`` (the servers') while ``run()`` runs, up to the one
    that holds ``until``."""
    connection = redis_client.Redis.from_url(redis.url)
    pubsub = connection.pubsub()
    try:
        pubsub.subscribe(channel)
        assert pubsub.get_message(timeout=WAIT)["type"] == "subscribe"  # type: ignore[index]
        run()
        messages: list[bytes] = []
        while not messages or until not in messages[-1]:
            message = pubsub.get_message(timeout=WAIT)
            assert message is not None, f"nothing more published after {messages}"
            if message["type"] == "message":
                messages.append(message["data"])
        return [json.loads(m) for m in messages]
    finally:
        pubsub.close()
        connection.close()


@pytest.mark.parametrize("variant", ["sync", "async"])
def test_an_invalid_emit_raises_and_publishes_nothing_unless_validation_is_off(
    package_root: Path, redis: RedisServer, variant: str
) -> None:
    output: list[str] = []
    messages = published(
        redis,
        lambda: output.append(script(package_root, "invalid_emit.py", redis.url, variant)),
        until=b"after invalid",
    )
    assert output == ["refused ['text']\n"]
    # Only what validate=False let through, then the valid emit: nothing of the refused one.
    assert [m["data"][0]["text"] for m in messages] == ["invalid-" + "x" * 30, "after invalid"]
    assert {(m["method"], m["event"], m["namespace"], m["room"]) for m in messages} == {
        ("emit", "news", "/", None)
    }


BOGUS, KAFKA, AMQP = "bogus://127.0.0.1:1/0", "kafka://127.0.0.1:1", "amqp://u:s3cret@127.0.0.1:1//"


@pytest.mark.parametrize(
    ("url", "variant", "missing", "words"),
    [
        (BOGUS, "sync", "kombu", ["'bogus'", "a kombu transport?", "pip install kombu"]),
        (BOGUS, "async", None, ["'bogus'", "unknown"]),
        (KAFKA, "async", None, ["'kafka'", "unknown", "need the flask runtime"]),
        (KAFKA, "sync", "kafka", ["'kafka'", "KafkaManager", "pip install kafka-python"]),
        (AMQP, "sync", "kombu", ["'amqp'", "pip install kombu"]),
        (AMQP, "async", "aio_pika", ["'amqp'", "pip install aio-pika"]),
        ("127.0.0.1:6379", "sync", None, ["scheme missing"]),
    ],
)  # fmt: skip
def test_a_queue_url_the_emitter_cannot_use_is_one_error_at_creation(
    package_root: Path, url: str, variant: str, missing: str | None, words: list[str]
) -> None:
    if missing is not None:  # the case is about that package being absent (the test extras)
        assert not _importable(missing), f"{missing} is installed: this case needs it missing"
    (line,) = script(package_root, "url.py", url, variant).splitlines()
    assert line.startswith("QueueURLError: message queue URL scheme "), line
    assert all(word in line for word in words), line
    assert "s3cret" not in line and "127.0.0.1" not in line  # the URL's rest stays out


def _importable(module: str) -> bool:
    return subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True,
                          check=False).returncode == 0  # fmt: skip


@pytest.mark.parametrize("variant", ["sync", "async"])
def test_without_the_redis_package_a_redis_url_names_it(
    package_root: Path, tmp_path: Path, variant: str
) -> None:
    shadow = tmp_path / "shadow" / "redis"
    shadow.mkdir(parents=True)
    (shadow / "__init__.py").write_text('raise ImportError("no redis in this test")\n')
    output = script(package_root, "url.py", "redis://:s3cret@127.0.0.1:1/0", variant,
                    env={"PYTHONPATH": str(shadow.parent)})  # fmt: skip
    assert output == (
        "QueueURLError: message queue URL scheme 'redis' needs python-socketio's "
        f"{'AsyncRedisManager' if variant == 'async' else 'RedisManager'} and the 'redis' "
        'package, which is not installed: pip install "redis>=5,<9" (the redis extra of '
        "sio-codegen)\n"
    )


def test_a_redis_url_makes_a_write_only_redis_manager_on_the_channel_given(
    package_root: Path,
) -> None:
    check = dedent(
        """
        import asyncio
        import socketio
        from queue_server._generated.external import async_external_emitter, external_emitter

        # python-socketio's managers, reporting what they cannot publish (queue.reporting)
        sync = external_emitter("redis://127.0.0.1:1/0", channel="mine")._manager
        assert type(sync).__mro__[1] is socketio.RedisManager
        assert sync.write_only and sync.channel == "mine"
        default = external_emitter("rediss://127.0.0.1:1/0")._manager
        assert type(default).__mro__[1] is socketio.RedisManager
        assert default.channel == "flask-socketio"
        made = async_external_emitter("redis://127.0.0.1:1/0")._manager
        assert type(made).__mro__[1] is socketio.AsyncRedisManager and made.write_only
        print("ok")
        """
    )
    (package_root / "managers.py").write_text(check)
    assert script(package_root, "managers.py") == "ok\n"


OWN_MANAGER_SCRIPT = dedent(
    """
    import sys

    import socketio
    from queue_server._generated import models
    from queue_server._generated.external import ExternalEmitter

    url = sys.argv[1]
    manager = socketio.RedisManager(url, channel="mine", write_only=True,
                                    redis_options={"socket_timeout": 5})
    ExternalEmitter(manager).root.emit_news(models.NewsEmitPayload(text="own", by="ext"), to="r")
    """
)


def test_an_emitter_on_a_manager_of_ones_own_publishes_on_its_channel(
    package_root: Path, redis: RedisServer
) -> None:
    """The README's ``ExternalEmitter(socketio.RedisManager(url, ..., write_only=True,
    redis_options=...))``: typed emits through a manager made with options of one's own."""
    (package_root / "own_manager.py").write_text(OWN_MANAGER_SCRIPT)
    messages = published(
        redis, lambda: script(package_root, "own_manager.py", redis.url), b"own", channel="mine"
    )
    assert [(m["event"], m["data"], m["room"]) for m in messages] == [
        ("news", [{"text": "own", "by": "ext"}], "r")
    ]


def test_mypy_rejects_call_and_callback_on_the_external_emitter(package_root: Path) -> None:
    """The server's emitter has ``call_question`` and ``callback=`` (the ack comes back through
    the queue to a server); the external one has neither, and mypy --strict says so."""
    server = (package_root / "queue_server/_generated/server.py").read_text()
    assert (
        "def call_question(" in server and "callback: Callable[[models.QuestionEmitAck]" in server
    )
    prelude = dedent(
        """
        from queue_server._generated import models
        from queue_server._generated.external import async_external_emitter, external_emitter

        emitter = external_emitter("redis://127.0.0.1:6379/0")
        question = models.QuestionEmitPayload("who?")
        """
    )
    files = {
        "good_use.py": prelude
        + dedent(
            """
            emitter.root.emit_question(question, to="room", skip_sid="sid")
            emitter.root.emit_news(models.NewsEmitPayload(text="t", by="b"))


            async def later() -> None:
                await async_external_emitter("redis://").root.emit_question(question, to="sid")
            """
        ),
        "bad_call.py": prelude + 'ack = emitter.root.call_question(question, to="sid")\n',
        "bad_callback.py": prelude + "emitter.root.emit_question(question, callback=print)\n",
        "bad_async_call.py": prelude
        + dedent(
            """
            async def later() -> None:
                await async_external_emitter("redis://").root.call_question(question, to="sid")
            """
        ),
    }
    for name, text in files.items():
        (package_root / name).write_text(text)
    result = mypy_strict(*map(Path, files), cwd=package_root)
    errors = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert sorted(e.split(":")[0] for e in errors) == [
        "bad_async_call.py", "bad_call.py", "bad_callback.py"
    ], result.stdout  # fmt: skip
    assert [e for e in errors if '"RootExternalEmitter" has no attribute "call_question"' in e]
    assert [e for e in errors if '"RootAsyncExternalEmitter" has no attribute "call_question"' in e]
    assert [e for e in errors if 'Unexpected keyword argument "callback"' in e]


# -- The README's example ------------------------------------------------------------------------


def test_the_readme_example_type_checks_and_publishes_what_it_says(
    tmp_path: Path, redis: RedisServer
) -> None:
    """The README's block against the golden tic-tac-toe package, its Redis URL replaced by the
    test's: mypy --strict passes, and it publishes the events, data and rooms it shows."""
    (block,) = of_kind("external emitter")
    shutil.copytree(
        ROOT / "golden/tictactoe/expected/tictactoe_server", tmp_path / "tictactoe_server"
    )
    example = tmp_path / "example.py"
    example.write_text(block.text.replace("redis://127.0.0.1:6379/0", redis.url))
    checked = mypy_strict(Path("example.py"), cwd=tmp_path)
    assert checked.returncode == 0, checked.stdout
    output: list[str] = []
    messages = published(
        redis, lambda: output.append(script(tmp_path, "example.py")), until=b'"room": "lobby"'
    )
    assert output == ["[{'loc': ['game_id'], 'msg': 'Field required', 'type': 'required'}]\n"]
    sent = [(m["event"], m["data"], m["room"]) for m in messages]
    assert sent == [
        ("game_created", [{"game_id": 7}], None),
        ("game_created", [{"game_id": 8}], "a-sid"),
        ("game_created", [{"game_id": 9}], "lobby"),
    ]


UNREACHABLE_SCRIPT = dedent(
    """
    import asyncio
    import sys

    from queue_server._generated import models
    from queue_server._generated.external import (
        MessageLostError, async_external_emitter, external_emitter,
    )

    url, variant = sys.argv[1:]
    data = models.NewsEmitPayload(text="lost", by="ext")
    try:
        if variant == "async":
            asyncio.run(async_external_emitter(url).root.emit_news(data, room="blue"))
        else:
            external_emitter(url).root.emit_news(data, room="blue")
    except MessageLostError as error:
        print(error.method, error.event, error.namespace, error.room)
        print(error)
    else:
        print("returned")
    """
)


@pytest.mark.parametrize("variant", ["sync", "async"])
def test_a_queue_that_cannot_be_reached_raises_message_lost_error(
    package_root: Path, variant: str
) -> None:
    """What the README says: a message the queue does not take is never dropped silently; the
    external emitter raises ``MessageLostError`` saying what was lost (python-socketio logs its
    retry and giving up too)."""
    (package_root / "unreachable.py").write_text(UNREACHABLE_SCRIPT)
    url = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    result = subprocess.run(
        [sys.executable, "unreachable.py", url, variant], cwd=package_root, capture_output=True,
        text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "emit news / blue\n"
        "message lost: emit of event 'news' in namespace '/' room 'blue': not published (the "
        "queue could not be reached)\n"
    )
    assert "Cannot publish to redis... giving up" in result.stderr


NOBODY_SCRIPT = dedent(
    """
    import sys

    from queue_server._generated import models
    from queue_server._generated.external import MessageLostError, external_emitter

    emitter = external_emitter(sys.argv[1], channel="nobody-listens")
    try:
        emitter.root.enter_room("some-sid", "green")
    except MessageLostError as error:
        print(error)
    """
)


def test_a_message_no_server_process_listens_to_raises_message_lost_error(
    package_root: Path, redis: RedisServer
) -> None:
    """Redis up, nobody subscribed to the channel (no server runs, or every server's listener
    is still reconnecting): Redis keeps nothing, so the message is lost, and said to be. (A
    channel of its own: the servers of other tests of the module may be running.)"""
    (package_root / "nobody.py").write_text(NOBODY_SCRIPT)
    connection = redis_client.Redis.from_url(redis.url)
    try:
        assert connection.pubsub_numsub("nobody-listens") == [(b"nobody-listens", 0)]
    finally:
        connection.close()
    assert script(package_root, "nobody.py", redis.url) == (
        "message lost: enter_room in namespace '/' room 'green' sid 'some-sid': not published "
        "(no server process listens on the channel)\n"
    )
