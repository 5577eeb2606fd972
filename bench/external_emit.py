"""Publish rate of the typed external emitter (``PKG._generated.external``) against a raw
python-socketio ``RedisManager(write_only=True).emit`` of the same payload, both publishing to a
real ``redis-server`` on the channel the servers listen on (no server runs: what is measured is
the publishing process; a ``redis-cli`` subscribed to the channel stands for the servers, since
the typed emitter raises ``MessageLostError`` for a message no process is subscribed to). ``python bench/external_emit.py [--publishes 5000] [--runs 7]`` prints
the results; ``bench/run.py`` makes its ``external emitter`` rows from :func:`measure`.

Each run publishes N messages with each publisher in turn, in the opposite order every other
run (sync: raw manager, typed emitter with validation on, off; then the same with asyncio's
``AsyncRedisManager``), so that a busy machine weighs on all alike; the rates are medians over the runs. One warm-up round is not counted (the
first publish connects). Last, the typed emitter's own work per publish with a manager that
publishes nothing (microseconds: building the model, validating, dumping)."""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, TypeVar

import fanout

PYTHON = sys.executable
_P = TypeVar("_P")
RAW = "raw RedisManager(write_only=True).emit"
RAW_ASYNC = "raw AsyncRedisManager(write_only=True).emit"
OWN = "typed external_emitter's own work per publish, no queue (model built), validation"


def in_turn(publishers: dict[str, _P], run: int) -> list[tuple[str, _P]]:
    """The publishers in turn, in the opposite order every other run: whatever goes first or
    last in a run (a collection, a slower moment) falls on each of them alike."""
    ordered = list(publishers.items())
    return ordered if run % 2 else ordered[::-1]


def _child(url: str, publishes: int, runs: int) -> dict[str, float]:
    """In the package's folder: the rates, publishes per second, median of ``runs``."""
    import socketio
    from fanout_server._generated import models  # type: ignore[import-not-found]
    from fanout_server._generated.external import (  # type: ignore[import-not-found]
        ExternalEmitter,
        async_external_emitter,
        external_emitter,
    )

    raw = socketio.RedisManager(url, channel="flask-socketio", write_only=True)
    typed = external_emitter(url).root
    unchecked = external_emitter(url, validate=False).root
    sync: dict[str, Callable[[int], None]] = {
        RAW: lambda i: raw.emit("tick", {"seq": i}, namespace="/"),
        "typed external_emitter, validation on": lambda i: typed.emit_tick(
            models.TickEmitPayload(seq=i)
        ),
        "typed external_emitter, validation off": lambda i: unchecked.emit_tick(
            models.TickEmitPayload(seq=i)
        ),
    }

    def timed(publish: Callable[[int], None]) -> float:
        started = time.perf_counter()
        for i in range(publishes):
            publish(i)
        return publishes / (time.perf_counter() - started)

    async def async_rates() -> dict[str, list[float]]:
        raw_async = socketio.AsyncRedisManager(url, channel="flask-socketio", write_only=True)
        typed_async = async_external_emitter(url).root
        publishers: dict[str, Callable[[int], Awaitable[None]]] = {
            RAW_ASYNC: lambda i: raw_async.emit("tick", {"seq": i}, namespace="/"),
            "typed async_external_emitter, validation on": lambda i: typed_async.emit_tick(
                models.TickEmitPayload(seq=i)
            ),
        }

        async def timed_async(publish: Callable[[int], Awaitable[None]]) -> float:
            started = time.perf_counter()
            for i in range(publishes):
                await publish(i)
            return publishes / (time.perf_counter() - started)

        found: dict[str, list[float]] = {name: [] for name in publishers}
        for run in range(runs + 1):
            for name, publish in in_turn(publishers, run):
                rate = await timed_async(publish)
                if run:  # the first round connects: not counted
                    found[name].append(rate)
        return found

    samples: dict[str, list[float]] = {name: [] for name in sync}
    for run in range(runs + 1):
        for name, publish in in_turn(sync, run):
            rate = timed(publish)
            if run:
                samples[name].append(rate)
    samples.update(asyncio.run(async_rates()))
    rates = {name: statistics.median(values) for name, values in samples.items()}
    for validate in (True, False):  # what the typed emitter itself adds: no queue at all
        alone = ExternalEmitter(_NoQueue(), validate=validate).root
        rate = statistics.median(
            timed(lambda i: alone.emit_tick(models.TickEmitPayload(seq=i))) for _ in range(runs + 1)
        )
        rates[f"{OWN} {'on' if validate else 'off'}"] = 1e6 / rate
    return rates


class _NoQueue:
    """A manager that publishes nothing: the typed emitter's own cost, model built included."""

    def emit(self, *args: Any, **kwargs: Any) -> None:
        pass


@contextmanager
def subscriber(port: int, cwd: Path, seconds: float = 20) -> Iterator[None]:
    """A ``redis-cli`` subscribed to the servers' channel, dropping what it reads, until the end
    of the block (what running servers are to a publisher)."""
    import redis

    child = subprocess.Popen(
        [shutil.which("redis-cli") or "redis-cli", "-p", str(port), "subscribe", "flask-socketio"],
        cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    connection = redis.Redis(host="127.0.0.1", port=port)
    try:
        deadline = time.monotonic() + seconds
        while not connection.pubsub_numsub("flask-socketio")[0][1]:
            if child.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("redis-cli did not subscribe to flask-socketio")
            time.sleep(0.05)
        yield
    finally:
        connection.close()
        child.terminate()
        child.wait(timeout=15)


def measure(work: Path, publishes: int, runs: int) -> dict[str, float]:
    """Publishes per second of each publisher (see the module's docstring), the package made by
    :func:`fanout.prepare` in ``work``, against a redis-server of its own."""
    with ExitStack() as stack, tempfile.TemporaryDirectory(prefix="external-redis-") as data:
        port = fanout.free_port()
        stack.enter_context(fanout.process(
            [shutil.which("redis-server") or "redis-server", "--port", str(port), "--bind",
             "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", data],
            port, "redis-server", work,
        ))  # fmt: skip
        stack.enter_context(subscriber(port, work))
        result = subprocess.run(
            [PYTHON, str(Path(__file__).resolve()), "--child", f"redis://127.0.0.1:{port}/0",
             "--publishes", str(publishes), "--runs", str(runs)],
            cwd=work, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if result.returncode != 0:
            raise RuntimeError(f"external_emit.py --child failed: {result.stderr[-2000:]}")
        rates: dict[str, float] = json.loads(result.stdout)
        return rates


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--publishes", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", metavar="URL", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        sys.path.insert(0, str(Path.cwd()))
        print(json.dumps(_child(args.child, args.publishes, args.runs)))
        return
    if not fanout.redis_available():
        parser.exit(2, "external_emit.py: redis-server not found (apt-get install redis-server)\n")
    with tempfile.TemporaryDirectory(prefix="sio-external-") as tmp:
        work = fanout.prepare(Path(tmp))
        rates: dict[str, Any] = measure(work, args.publishes, args.runs)
    for name, rate in rates.items():
        if name.startswith(OWN):
            print(f"{name}: {rate:,.2f} us")
            continue
        base = rates[RAW_ASYNC if "async" in name.lower() else RAW]
        print(f"{name}: {rate:,.0f} publishes/s ({rate / base:.2f}x raw)")


if __name__ == "__main__":
    main()
