"""How the typed client connects: the bindings it requires for the namespaces it connects, its
connection-lifecycle hooks, and the server's refusals (reason and data) in its exception. Sync
and asyncio clients against a generated server, over a real websocket."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import socketio
from clients import generate_client, import_client
from helpers import dedent, mypy_strict
from servers import RunningServer, free_port, run_server
from test_server_e2e import prepare

SPEC = Path(__file__).parent / "specs" / "client_connection.yaml"
WS = ["websocket"]  # over a real websocket from the start (no long-polling first)

HANDLERS = dedent(
    """
    from __future__ import annotations

    from typing import Any

    import socketio
    from flask_socketio import disconnect

    from ._generated import models
    from ._generated.runtime import NamespaceHandlers, Principal, SecurityHandlers, override
    from ._generated.server import AdminNamespace, RootNamespace, Security, VipNamespace
    from .recorder import rec


    class RootHandlers(RootNamespace):
        @override
        def on_leave(self, sid: str) -> None:
            disconnect()

        @override
        def on_ping(self, sid: str, data: models.PingPayload) -> models.PingAck:
            return models.PingAck("root:" + data.root)


    class AdminHandlers(AdminNamespace):
        @override
        def handle_connect(self, sid: str, auth: Any) -> bool | None:
            kick = auth.get("kick") if isinstance(auth, dict) else None
            if kick == "data":
                raise socketio.exceptions.ConnectionRefusedError("go away", {"code": 42})
            if kick == "builtin":
                raise ConnectionRefusedError("not today")
            return None

        @override
        def on_ping(self, sid: str, data: models.AdminPingPayload) -> models.AdminPingAck:
            return models.AdminPingAck("admin:" + data.root)


    class VipHandlers(VipNamespace):
        @override
        def on_ping(self, sid: str, data: models.VipPingPayload) -> models.VipPingAck:
            return models.VipPingAck("vip:" + data.root)


    class SecurityHooks(Security):
        @override
        def verify_bearer(self, token: str) -> Principal | None:
            if token == "banned":
                raise socketio.exceptions.ConnectionRefusedError("banned", {"until": "tomorrow"})
            if token == "closed":
                raise ConnectionRefusedError("the vip room is closed", ["ask", "later"])
            return Principal("vip") if token == "good" else None


    def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:
        return [RootHandlers(), AdminHandlers(), VipHandlers(), SecurityHooks()]
    """
)


@pytest.fixture(scope="module")
def lifecycle(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[RunningServer, ModuleType]]:
    root = tmp_path_factory.mktemp("lifecycle")
    prepare(root, SPEC, "lc_server", HANDLERS)
    generate_client(SPEC, root, "lc_client")
    with run_server(root, "lc_server") as server:
        yield server, import_client(root, "lc_client")


def test_bindings_are_required_only_for_the_namespaces_connected(
    lifecycle: tuple[RunningServer, ModuleType],
) -> None:
    server, pkg = lifecycle
    with pkg.Client(server.url, namespaces=["/"], transports=WS) as client:
        assert client.ping(pkg.models.PingPayload("a")).root == "root:a"
    # All namespaces (the default), or a list naming /admin: its binding is required.
    for namespaces in (None, ["/", "/admin"]):
        with pytest.raises(pkg.ConnectParamsError) as raised:
            pkg.Client(server.url, namespaces=namespaces, bearer="good")
        assert raised.value.namespace == "/admin"
        assert "namespace '/admin' needs admin_query=" in str(raised.value)
    token = pkg.models.AdminQuery(token="t1")
    with pkg.Client(server.url, admin_query=token, bearer="good", transports=WS) as client:
        assert client.admin.ping(pkg.models.AdminPingPayload("b")).root == "admin:b"
        assert client.vip.ping(pkg.models.VipPingPayload("c")).root == "vip:c"


def test_async_bindings_are_required_only_for_the_namespaces_connected(
    lifecycle: tuple[RunningServer, ModuleType],
) -> None:
    server, pkg = lifecycle

    async def scenario() -> Any:
        async with pkg.AsyncClient(
            server.url, namespaces=["/vip"], bearer="good", transports=WS
        ) as client:
            return await client.vip.ping(pkg.models.VipPingPayload("d"))

    assert asyncio.run(scenario()).root == "vip:d"
    with pytest.raises(pkg.ConnectParamsError, match="'/admin' needs admin_query="):
        pkg.AsyncClient(server.url, namespaces=["/admin"])


def test_the_type_checker_requires_a_binding_only_when_all_namespaces_connect(
    lifecycle: tuple[RunningServer, ModuleType],
) -> None:
    _, pkg = lifecycle
    folder = Path(pkg.__file__).parent.parent
    (folder / "uses_lc.py").write_text(
        dedent(
            """
            from lc_client import AsyncClient, Client, models

            Client("http://h", namespaces=["/"])
            AsyncClient("http://h", namespaces=["/", "/vip"], bearer="t")
            Client("http://h", admin_query=models.AdminQuery(token="t1"))
            Client("http://h")
            AsyncClient("http://h", namespaces=None)
            """
        )
    )
    result = mypy_strict(Path("uses_lc.py"), cwd=folder)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert [line.split(":")[1] for line in errors] == ["6", "7"], result.stdout
    assert all("No overload variant" in line for line in errors), result.stdout


def test_sync_lifecycle_hooks(lifecycle: tuple[RunningServer, ModuleType]) -> None:
    server, pkg = lifecycle
    seen: list[Any] = []
    gone = threading.Event()
    client = pkg.Client(server.url, admin_query={"token": "t1"}, bearer="good", transports=WS)

    @client.on_connect
    def connected() -> None:
        seen.append(("connect", "/"))

    @client.admin.on_connect
    def admin_connected() -> None:
        seen.append(("connect", "/admin"))

    @client.on_disconnect
    def disconnected(reason: str) -> None:
        seen.append(("disconnect", "/", reason))
        gone.set()

    client.admin.on_disconnect(lambda reason: seen.append(("disconnect", "/admin", reason)))
    with client:
        assert sorted(seen) == [("connect", "/"), ("connect", "/admin")]
    assert gone.wait(5)
    assert ("disconnect", "/", "client disconnect") in seen
    assert ("disconnect", "/admin", "client disconnect") in seen

    seen.clear()
    gone.clear()
    with pkg.Client(server.url, namespaces=["/"], reconnection=False, transports=WS) as client:
        client.on_disconnect(lambda reason: (seen.append(reason), gone.set()))
        client.leave()  # the server disconnects the client
        assert gone.wait(5)
    assert seen == ["server disconnect"]


def test_async_lifecycle_hooks_may_be_coroutines(
    lifecycle: tuple[RunningServer, ModuleType],
) -> None:
    server, pkg = lifecycle

    async def scenario() -> list[Any]:
        seen: list[Any] = []
        gone = asyncio.Event()
        client = pkg.AsyncClient(server.url, namespaces=["/"], reconnection=False, transports=WS)

        @client.on_connect
        async def connected() -> None:
            await asyncio.sleep(0)
            seen.append("connect")

        @client.root.on_disconnect
        async def disconnected(reason: str) -> None:
            seen.append(reason)
            gone.set()

        async with client:
            await client.leave()
            await asyncio.wait_for(gone.wait(), 5)
        return seen

    assert asyncio.run(scenario()) == ["connect", "server disconnect"]


REFUSALS = [
    # namespace, keywords, reason, data
    ("/admin", {"auth": {"kick": "data"}}, "go away", {"code": 42}),  # handle_connect
    ("/admin", {"auth": {"kick": "builtin"}}, "not today", None),  # the builtin exception
    ("/vip", {"bearer": "banned"}, "banned", {"until": "tomorrow"}),  # a verify hook
    ("/vip", {"bearer": "closed"}, "the vip room is closed", ["ask", "later"]),  # builtin
    ("/vip", {"bearer": "nobody"}, "bearer: invalid credentials", None),  # verify said None
]


@pytest.mark.parametrize(("namespace", "keywords", "reason", "data"), REFUSALS)
def test_a_refusal_keeps_its_reason_and_data(
    lifecycle: tuple[RunningServer, ModuleType],
    namespace: str, keywords: dict[str, Any], reason: str, data: Any,
) -> None:  # fmt: skip
    server, pkg = lifecycle
    heard: list[Any] = []
    client = pkg.Client(
        server.url, namespaces=[namespace], admin_query={"token": "t1"}, reconnection=False,
        transports=WS,
        **keywords,
    )  # fmt: skip
    client.admin.on_connect_error(heard.append)
    client.vip.on_connect_error(heard.append)
    with pytest.raises(pkg.ConnectRefusedError) as raised:
        client.connect()
    error = raised.value
    assert (error.namespace, error.reason, error.data) == (namespace, reason, data)
    assert f"namespace {namespace!r} refused the connection: {reason}" == str(error)
    assert isinstance(error, socketio.exceptions.ConnectionError)  # what it raised before
    assert heard == [error]  # the hook got the same error
    assert not client.connected


def test_async_refusal_keeps_its_reason_and_data(
    lifecycle: tuple[RunningServer, ModuleType],
) -> None:
    server, pkg = lifecycle
    heard: list[Any] = []

    async def scenario() -> None:
        client = pkg.AsyncClient(server.url, namespaces=["/vip"], bearer="banned",
                                 reconnection=False, transports=WS)  # fmt: skip

        @client.vip.on_connect_error
        async def refused(error: Any) -> None:
            heard.append(error)

        await client.connect()

    with pytest.raises(pkg.ConnectRefusedError) as raised:
        asyncio.run(scenario())
    assert (raised.value.reason, raised.value.data) == ("banned", {"until": "tomorrow"})
    assert heard == [raised.value]


def test_no_server_is_not_a_refusal(lifecycle: tuple[RunningServer, ModuleType]) -> None:
    """Nothing listening: python-socketio's ConnectionError, not a ConnectRefusedError (the
    connect_error hooks still hear of it)."""
    _, pkg = lifecycle
    heard: list[Any] = []
    client = pkg.Client(f"http://127.0.0.1:{free_port()}", namespaces=["/"], reconnection=False)
    client.on_connect_error(heard.append)
    with pytest.raises(socketio.exceptions.ConnectionError) as raised:
        client.connect()
    assert not isinstance(raised.value, pkg.ConnectRefusedError), raised.value
    assert [type(error).__name__ for error in heard] == ["ConnectRefusedError"]


def test_a_failing_hook_is_logged_and_changes_nothing(
    lifecycle: tuple[RunningServer, ModuleType], caplog: pytest.LogCaptureFixture
) -> None:
    """A hook that raises is the user's bug: logged, while the refusal and the disconnection
    still reach the client, sync and asyncio."""
    server, pkg = lifecycle

    def broken(*args: Any) -> None:
        raise RuntimeError("hook bug")

    client = pkg.Client(server.url, namespaces=["/vip"], bearer="banned", reconnection=False,
                        transports=WS)  # fmt: skip
    client.vip.on_connect_error(broken)
    with pytest.raises(pkg.ConnectRefusedError, match="banned"):
        client.connect()
    gone = threading.Event()
    client = pkg.Client(server.url, namespaces=["/"], transports=WS)
    client.on_connect(broken)
    client.on_disconnect(broken)
    client.on_disconnect(lambda reason: gone.set())
    with client:
        assert client.ping(pkg.models.PingPayload("x")).root == "root:x"
    assert gone.wait(5)

    async def scenario() -> None:
        async def async_broken(*args: Any) -> None:
            raise RuntimeError("hook bug")

        client = pkg.AsyncClient(server.url, namespaces=["/vip"], bearer="closed",
                                 reconnection=False, transports=WS)  # fmt: skip
        client.vip.on_connect_error(async_broken)
        client.vip.on_connect_error(broken)
        await client.connect()

    with pytest.raises(pkg.ConnectRefusedError, match="the vip room is closed"):
        asyncio.run(scenario())
    failures = [r for r in caplog.records if "hook of namespace" in r.getMessage()]
    assert [r.getMessage() for r in failures] == [
        "on_connect_error hook of namespace /vip failed",
        "on_connect hook of namespace / failed",
        "on_disconnect hook of namespace / failed",
        "on_connect_error hook of namespace /vip failed",
        "on_connect_error hook of namespace /vip failed",
    ]
