"""The generated server under bad traffic: at least 10,000 invalid payloads over one real
connection. It never crashes, answers every one with a validation-error ack, never calls a
handler with invalid data, and serves valid requests afterwards. On both runtimes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import socketio
from helpers import dedent
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from servers import RUNTIMES, RunningServer, for_runtime, generate_server, run_server
from test_server_e2e import RECORDER

SPEC = Path(__file__).parent / "specs" / "e2e.yaml"
HANDLERS = dedent(
    """
    from __future__ import annotations

    from ._generated import models
    from ._generated.runtime import NamespaceHandlers
    from ._generated.server import RootNamespace, SecondNamespace
    from .recorder import rec


    class RootHandlers(RootNamespace):
        def on_echo(self, sid: str, data: models.EchoPayload) -> models.EchoAck:
            if not isinstance(data, models.EchoPayload) or not (
                isinstance(data.text, str) and len(data.text) <= 20
            ):
                rec("INVALID", repr(data)[:200])
            return models.EchoAck(text=data.text)

        def on_move(
            self, sid: str, arg1: models.MovePayloadArg1, arg2: models.MovePayloadArg2
        ) -> models.MoveAck:
            if not (isinstance(arg1.root, int) and isinstance(arg2.root, int)):
                rec("INVALID", repr((arg1, arg2))[:200])
            return models.MoveAck(arg1.root + arg2.root)


    class SecondHandlers(SecondNamespace):
        def on_ping(self, sid: str, data: models.SecondPingPayload) -> models.SecondPingAck:
            if not isinstance(data.root, int):
                rec("INVALID", repr(data)[:200])
            return models.SecondPingAck(data.root + 1)


    def all_handlers() -> list[NamespaceHandlers]:
        return [RootHandlers(), SecondHandlers()]
    """
)

json_scalars = (
    st.none() | st.booleans() | st.integers() | st.text(max_size=30)
    | st.floats(allow_nan=False, allow_infinity=False)
)  # fmt: skip
# Up to 50,000 characters: even escaped as JSON (12 bytes per astral character) that stays under
# Engine.IO's 1 MB message limit, past which the connection itself is dropped (by design).
huge_text = st.builds(lambda c, n: c * n, st.characters(), st.integers(21, 50_000))
nested = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=20,
)
deep = st.integers(20, 150).map(lambda n: _deep(n))


def _deep(n: int) -> Any:
    value: Any = {"text": "x"}
    for _ in range(n):
        value = {"text": value}
    return value


# Invalid for `echo` (an object with a string `text` of at most 20 characters, required).
echo_invalid = st.one_of(
    json_scalars,
    st.binary(max_size=64),
    st.lists(nested, max_size=4),
    st.dictionaries(st.text(max_size=8).filter(lambda k: k != "text"), nested, max_size=4),
    st.builds(lambda v: {"text": v}, json_scalars.filter(lambda v: not isinstance(v, str))),
    st.builds(lambda v: {"text": v}, huge_text),
    st.builds(lambda v: {"text": v}, st.binary(min_size=1, max_size=32)),
    st.builds(lambda v: {"text": v}, nested.filter(lambda v: isinstance(v, (list, dict)))),
    deep,
)


def not_integer(value: Any) -> bool:
    """Not an integer as JSON Schema reads it: ``true`` is none, ``1.0`` is one (draft-07)."""
    if isinstance(value, bool):
        return True
    if isinstance(value, float):
        return not value.is_integer()
    return not isinstance(value, int)


# (event, namespace, arguments as python-socketio sends them: a tuple is several arguments)
requests = st.one_of(
    st.tuples(st.just("echo"), st.just("/"), echo_invalid),
    st.tuples(st.just("echo"), st.just("/"), st.tuples(st.just({"text": "ok"}), nested)),
    st.tuples(st.just("echo"), st.just("/"), st.just(None)),  # no argument at all
    st.tuples(st.just("move"), st.just("/"), st.tuples(json_scalars.filter(not_integer),
                                                    st.integers())),
    st.tuples(st.just("move"), st.just("/"), st.tuples(st.integers())),  # one argument short
    st.tuples(st.just("ping"), st.just("/second"),
              json_scalars.filter(not_integer) | st.binary(max_size=16)),
)  # fmt: skip


@pytest.fixture(scope="module", params=RUNTIMES)
def server(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[RunningServer]:
    root = tmp_path_factory.mktemp("fuzz")
    folder = generate_server(SPEC, root, "fuzz_server", request.param)
    (folder / "handlers.py").write_text(for_runtime(HANDLERS, request.param))
    (folder / "recorder.py").write_text(RECORDER)
    with run_server(root, "fuzz_server") as running:
        yield running


# A hang guard, not a speed claim.
@pytest.mark.timeout(1200)
def test_ten_thousand_invalid_payloads(server: RunningServer) -> None:
    client = socketio.Client(reconnection=False)
    client.connect(server.url, namespaces=["/", "/second"], transports=["websocket"])
    sent = {"count": 0}
    # Batches of 10: in batches of 100, Hypothesis gave up on most draws as too large (and
    # discarded the largest payloads first): drawing them, not the server, took most of the time.
    batch = st.lists(requests, min_size=10, max_size=10)

    @settings(max_examples=1000, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])  # fmt: skip
    @given(batch)
    def hammer(items: list[tuple[str, str, Any]]) -> None:
        for event, namespace, args in items:
            ack = client.call(event, args, namespace=namespace, timeout=10)
            assert isinstance(ack, dict) and ack["sio_error"]["type"] == "validation_error", (
                event, args if len(repr(args)) < 300 else type(args), ack,
            )  # fmt: skip
            sent["count"] += 1

    try:
        rounds = 0
        while sent["count"] < 10_000 and rounds < 100:  # Hypothesis may end a run early
            hammer()
            rounds += 1
        assert sent["count"] >= 10_000
        # Still serving, and correctly.
        assert client.call("echo", {"text": "still here"}, timeout=5) == {"text": "still here"}
        assert client.call("move", (20, 22), timeout=5) == 42
        assert client.call("ping", 1, namespace="/second", timeout=5) == 2
    finally:
        client.disconnect()
    assert server.process.poll() is None, "the server died"
    assert not [c for c in server.calls() if c[0] == "INVALID"], "a handler got invalid data"
