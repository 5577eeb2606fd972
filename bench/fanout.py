"""Broadcast fan-out through a message queue: one broadcast from a handler to N clients spread
over two processes of a generated server sharing a real Redis, against the same broadcast from
one process without a queue. ``python bench/fanout.py [--clients 100 1000] [--rounds 20]``
prints the results; ``bench/run.py`` makes its ``fan-out`` rows from :func:`measure`.

Every client is a python-socketio ``AsyncClient`` (websocket transport) in this one asyncio
process, which also sends the triggering event: each delivery's latency is read on one clock,
from just before the trigger is sent to the client's handler. Both setups stay connected for the
whole run and are measured in turn, round after round, so that a busy machine weighs on both
alike. The clients share this process's core: with 1,000 of them it is part of what is measured
(the same for both setups)."""

from __future__ import annotations

import argparse
import asyncio
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

import socketio

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PACKAGE = "fanout_server"
CONNECT_BATCH = 50
ROUND_TIMEOUT = 60.0

FANOUT_SPEC = """\
asyncapi: 2.6.0
info: {title: Fan-out, version: '1'}
channels:
  /:
    publish:
      message:
        name: fanout
        payload: {type: object, properties: {seq: {type: integer}}, required: [seq]}
    subscribe:
      message:
        name: tick
        payload: {type: object, properties: {seq: {type: integer}}, required: [seq]}
"""

HANDLERS = """\
from __future__ import annotations

from ._generated import models
from ._generated.runtime import NamespaceHandlers
from ._generated.server import RootEmitter, RootNamespace


class RootHandlers(RootNamespace):
    def on_fanout(self, sid: str, data: models.FanoutPayload) -> None:
        RootEmitter(self.socketio).emit_tick(models.TickEmitPayload(seq=data.seq))


def all_handlers() -> list[NamespaceHandlers]:
    return [RootHandlers()]
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, process: subprocess.Popen[bytes], what: str) -> None:
    deadline = time.monotonic() + 30
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise RuntimeError(f"{what} did not start") from None
            time.sleep(0.05)


@contextmanager
def process(command: list[str], port: int, what: str, cwd: Path) -> Iterator[None]:
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, child, what)
        yield
    finally:
        child.terminate()
        try:
            child.wait(timeout=15)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def redis_available() -> bool:
    return shutil.which("redis-server") is not None


def prepare(work: Path) -> Path:
    """The generated package, with the broadcasting handler, in ``work``."""
    work.mkdir(parents=True, exist_ok=True)
    spec = work / "fanout.yaml"
    spec.write_text(FANOUT_SPEC)
    subprocess.run([PYTHON, "-m", "sio_codegen", "server", str(spec), "-o", str(work / PACKAGE),
                    "-q"], check=True, cwd=ROOT)  # fmt: skip
    (work / PACKAGE / "handlers.py").write_text(HANDLERS)
    return work


def server_command(port: int, queue: str | None) -> list[str]:
    command = [PYTHON, "-m", PACKAGE, "--port", str(port), "--max-connections", "5000"]
    return command + (["--message-queue", queue] if queue else [])


class Setup:
    """N websocket clients, the first of which triggers each broadcast."""

    def __init__(self, name: str, urls: list[str], clients: int) -> None:
        self.name = name
        self.urls = urls
        self.count = clients
        self.clients: list[socketio.AsyncClient] = []
        self.latencies: list[float] = []
        self.completions: list[float] = []
        self._seq = 0
        self._received = 0
        self._sent_at = 0.0
        self._done = asyncio.Event()

    async def connect(self) -> None:
        async def one(index: int) -> socketio.AsyncClient:
            client = socketio.AsyncClient(reconnection=False)
            client.on("tick", self._tick)
            await client.connect(self.urls[index % len(self.urls)], transports=["websocket"],
                                 wait_timeout=30)  # fmt: skip
            return client

        for start in range(0, self.count, CONNECT_BATCH):
            batch = range(start, min(start + CONNECT_BATCH, self.count))
            self.clients += await asyncio.gather(*(one(i) for i in batch))

    async def _tick(self, data: dict[str, Any]) -> None:
        if data.get("seq") != self._seq:
            return  # a late delivery of an earlier round (none is expected)
        now = time.perf_counter()
        self.latencies.append(now - self._sent_at)
        self._received += 1
        if self._received == self.count:
            self.completions.append(now - self._sent_at)
            self._done.set()

    async def round(self, record: bool = True) -> None:
        """One broadcast; waits until every client has it."""
        self._seq += 1
        self._received = 0
        self._done.clear()
        kept = len(self.latencies)
        self._sent_at = time.perf_counter()
        await self.clients[0].emit("fanout", {"seq": self._seq})
        await asyncio.wait_for(self._done.wait(), ROUND_TIMEOUT)
        if not record:
            del self.latencies[kept:]
            self.completions.pop()

    async def close(self) -> None:
        await asyncio.gather(*(client.disconnect() for client in self.clients))


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def summary(setup: Setup) -> dict[str, float]:
    completion = statistics.median(setup.completions)
    return {
        "completion_ms": completion * 1000,
        "slowest_completion_ms": max(setup.completions) * 1000,
        "deliveries_per_s": setup.count / completion,
        "p50_ms": percentile(setup.latencies, 0.50) * 1000,
        "p99_ms": percentile(setup.latencies, 0.99) * 1000,
    }


async def _drive(setups: list[Setup], rounds: int) -> None:
    try:
        for setup in setups:
            await setup.connect()
        for setup in setups:  # warm-up, not recorded
            await setup.round(record=False)
        for _ in range(rounds):
            for setup in setups:
                await setup.round()
    finally:
        for setup in setups:
            await setup.close()


def measure(work: Path, clients: int, rounds: int) -> dict[str, dict[str, float]]:
    """``{"one process": {...}, "two processes, Redis": {...}}``: median completion of one
    broadcast to all ``clients`` (ms), deliveries per second, delivery latency p50 and p99
    (ms), over ``rounds`` broadcasts each, measured in turn."""
    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="fanout-redis-") as data:
        redis_port = free_port()
        stack.enter_context(process(
            [shutil.which("redis-server") or "redis-server", "--port", str(redis_port), "--bind",
             "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", data],
            redis_port, "redis-server", work,
        ))  # fmt: skip
        queue = f"redis://127.0.0.1:{redis_port}/0"
        ports = {name: free_port() for name in ("single", "first", "second")}
        for name, port in ports.items():
            url = None if name == "single" else queue
            stack.enter_context(process(server_command(port, url), port, name, work))
        single = Setup("one process", [f"http://127.0.0.1:{ports['single']}"], clients)
        queued = Setup(
            "two processes, Redis",
            [f"http://127.0.0.1:{ports['first']}", f"http://127.0.0.1:{ports['second']}"],
            clients,
        )
        asyncio.run(_drive([single, queued], rounds))
    return {setup.name: summary(setup) for setup in (single, queued)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    if not redis_available():
        parser.exit(2, "fanout.py: redis-server not found (Debian: apt-get install redis-server)\n")
    with tempfile.TemporaryDirectory(prefix="sio-fanout-") as tmp:
        work = prepare(Path(tmp))
        for clients in args.clients:
            for name, values in measure(work, clients, args.rounds).items():
                print(
                    f"N={clients} {name}: " + ", ".join(f"{k} {v:,.2f}" for k, v in values.items())
                )


if __name__ == "__main__":
    main()
