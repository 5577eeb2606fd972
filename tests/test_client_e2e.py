"""The generated client against the generated server, over a real websocket, sync and asyncio;
the same client, unchanged, against both server runtimes (Flask-SocketIO and ASGI)."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from clients import generate_client, import_client
from servers import RUNTIMES, RunningServer, run_server
from test_server_e2e import (
    CHAT,
    CHAT_HANDLERS,
    E2E,
    E2E_HANDLERS,
    TICTACTOE,
    TICTACTOE_HANDLERS,
    prepare,
)


@pytest.fixture(scope="module", params=RUNTIMES)
def ttt(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[tuple[RunningServer, ModuleType]]:
    root = tmp_path_factory.mktemp("ttt_client")
    prepare(root, TICTACTOE, "tttc_server", TICTACTOE_HANDLERS, request.param)
    generate_client(TICTACTOE, root, "ttt_client")
    with run_server(root, "tttc_server") as server:
        yield server, import_client(root, "ttt_client")


@pytest.fixture(scope="module", params=RUNTIMES)
def e2e(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[tuple[RunningServer, ModuleType]]:
    root = tmp_path_factory.mktemp("e2e_client")
    prepare(root, E2E, "e2ec_server", E2E_HANDLERS, request.param)
    generate_client(E2E, root, "e2e_client")
    with run_server(root, "e2ec_server") as server:
        yield server, import_client(root, "e2e_client")


def test_sync_typed_ack_and_server_events_as_models(ttt: tuple[RunningServer, ModuleType]) -> None:
    server, pkg = ttt
    created = threading.Event()
    seen: list[Any] = []
    with pkg.Client(server.url, transports=["websocket"]) as client:

        @client.root.on_game_created
        def game_created(data: Any) -> None:
            seen.append(data)
            created.set()

        ack = client.root.make_move(pkg.models.MakeMoveData(game_id=1, x=0, y=0))
        assert type(ack) is pkg.models.MakeMoveAck and ack.error is None
        # The root namespace's methods are on the client too.
        assert client.make_move(pkg.models.MakeMoveData(game_id=1, x=4, y=0)).error == (
            "Invalid move"
        )
        client.root.create_game()
        assert created.wait(5)
    assert seen == [pkg.models.GameCreatedData(game_id=42)]


def test_server_error_ack_raises_server_error(ttt: tuple[RunningServer, ModuleType]) -> None:
    server, pkg = ttt
    with pkg.Client(server.url) as client, pytest.raises(pkg.ServerError) as raised:
        client.root.make_move(pkg.models.MakeMoveData(game_id=1, x=9, y=0))
    assert raised.value.type == "ack_validation_error"
    assert raised.value.event == "make_move" and raised.value.errors[0]["loc"] == ["error"]
    assert raised.value.server_event == "make_move"  # as the server's error object names it


def test_invalid_outgoing_data_is_refused_before_sending(
    ttt: tuple[RunningServer, ModuleType],
) -> None:
    server, pkg = ttt
    with pkg.Client(server.url) as client, pytest.raises(pkg.EmitValidationError) as raised:
        client.root.make_move({"game_id": "one", "x": 0, "y": 0})
    assert raised.value.errors[0]["loc"] == ["game_id"]


def test_async_client_has_the_same_shape(ttt: tuple[RunningServer, ModuleType]) -> None:
    server, pkg = ttt

    async def scenario() -> tuple[Any, Any]:
        created: asyncio.Queue[Any] = asyncio.Queue()
        async with pkg.AsyncClient(server.url, transports=["websocket"]) as client:

            @client.root.on_game_created
            async def game_created(data: Any) -> None:
                await created.put(data)

            ack = await client.root.make_move(pkg.models.MakeMoveData(game_id=2, x=1, y=1))
            await client.root.create_game()
            return ack, await asyncio.wait_for(created.get(), 5)

    ack, event = asyncio.run(scenario())
    assert type(ack) is pkg.models.MakeMoveAck and ack.error is None
    assert event == pkg.models.GameCreatedData(game_id=42)


def test_ack_timeout_names_event_and_namespace(e2e: tuple[RunningServer, ModuleType]) -> None:
    server, pkg = e2e
    with pkg.Client(server.url) as client, pytest.raises(pkg.AckTimeoutError) as raised:
        client.root.slow(pkg.models.SlowPayload(2.0), timeout=0.3)
    assert "'slow'" in str(raised.value) and "'/'" in str(raised.value)
    assert isinstance(raised.value, TimeoutError)


def test_async_ack_timeout(e2e: tuple[RunningServer, ModuleType]) -> None:
    server, pkg = e2e

    async def scenario() -> None:
        async with pkg.AsyncClient(server.url) as client:
            await client.root.slow(pkg.models.SlowPayload(2.0), timeout=0.3)

    with pytest.raises(pkg.AckTimeoutError):
        asyncio.run(scenario())


def test_invalid_server_payload_goes_to_the_error_handler(
    e2e: tuple[RunningServer, ModuleType],
) -> None:
    server, pkg = e2e
    notices: list[Any] = []
    errors: list[Any] = []
    done = threading.Event()
    with pkg.Client(server.url) as client:
        client.root.add_error_handler(errors.append)

        @client.root.on_notice
        def notice(data: Any) -> None:
            notices.append(data)
            done.set()

        client.root.provoke()
        assert done.wait(5)
    assert notices == [pkg.models.NoticeEmitPayload(n=7)]  # the invalid one never reached it
    assert len(errors) == 1 and isinstance(errors[0], pkg.PayloadValidationError)
    assert errors[0].event == "notice" and errors[0].errors[0]["loc"] == ["n"]


def test_client_returns_an_ack_to_the_server(e2e: tuple[RunningServer, ModuleType]) -> None:
    server, pkg = e2e
    with pkg.Client(server.url) as client:

        @client.root.on_question
        def question(data: Any) -> Any:
            return pkg.models.QuestionEmitAck(answer=f"re: {data.root}")

        assert client.root.ask(pkg.models.AskPayload("why?")).answer == "re: why?"
    assert ["client_ack", "QuestionEmitAck", "re: why?"] in server.calls()


def test_async_client_returns_an_ack_from_a_coroutine(
    e2e: tuple[RunningServer, ModuleType],
) -> None:
    server, pkg = e2e

    async def scenario() -> Any:
        async with pkg.AsyncClient(server.url) as client:

            @client.root.on_question
            async def question(data: Any) -> Any:
                await asyncio.sleep(0)
                return pkg.models.QuestionEmitAck(answer=data.root.upper())

            return await client.root.ask(pkg.models.AskPayload("async?"))

    assert asyncio.run(scenario()).answer == "ASYNC?"


def test_invalid_ack_from_a_client_handler_is_refused(
    e2e: tuple[RunningServer, ModuleType],
) -> None:
    server, pkg = e2e
    errors: list[Any] = []
    with pkg.Client(server.url) as client:
        client.root.add_error_handler(errors.append)
        client.root.on_question(lambda data: {"nope": 1})
        assert client.root.ask(pkg.models.AskPayload("x")).answer == "invalid"
    assert isinstance(errors[0], pkg.HandlerAckValidationError)


def test_namespaces_multiple_args_and_root_model_acks(
    e2e: tuple[RunningServer, ModuleType],
) -> None:
    server, pkg = e2e
    with pkg.Client(server.url) as client:
        assert client.second.ping(pkg.models.SecondPingPayload(41)).root == 42
        models = pkg.models
        assert client.root.move(models.MovePayloadArg1(2), models.MovePayloadArg2(3)).root == 5
        assert client.root.echo(pkg.models.EchoPayload(text="hi")).text == "HI"


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_chat_sync_and_async_clients_talk_to_each_other(tmp_path: Path, runtime: str) -> None:
    prepare(tmp_path, CHAT, "chatc_server", CHAT_HANDLERS, runtime)
    generate_client(CHAT, tmp_path, "chat_client")
    pkg = import_client(tmp_path, "chat_client")
    with run_server(tmp_path, "chatc_server") as server:
        heard: asyncio.Queue[Any] | None = None

        async def scenario() -> Any:
            nonlocal heard
            heard = asyncio.Queue()
            token = pkg.models.AdminQuery(token="t")
            async with pkg.AsyncClient(server.url, admin_query=token) as listener:
                listener.root.on_new_message(heard.put_nowait)
                with pkg.Client(server.url, admin_query={"token": "t2"}) as talker:
                    ack = talker.root.add_user(pkg.models.AddUserPayload("alice"))
                    assert ack.error is None
                    await asyncio.to_thread(
                        talker.root.new_message, pkg.models.NewMessagePayload("hello")
                    )
                    return await asyncio.wait_for(heard.get(), 5)

        received = asyncio.run(scenario())
    assert received == pkg.models.NewMessageReceivedPayload(username="bob", message="hello")


def test_auth_query_and_headers_reach_the_server(e2e: tuple[RunningServer, ModuleType]) -> None:
    server, pkg = e2e
    client = pkg.Client(
        server.url, auth={"token": "abc"}, query={"room": "blue"}, headers={"X-Trace": "t-1"}
    )
    with client:
        assert client.connected
    assert ["connect", {"token": "abc"}, "blue", "t-1"] in server.calls()
