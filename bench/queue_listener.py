"""Receive rate of the generated Redis listener (``queue.reporting(socketio.RedisManager)``:
polls with ``get_message(timeout=...)``, pings when the channel is silent) against
python-socketio's own (``socketio.RedisManager``: a blocking ``pubsub.listen()``), on a real
``redis-server`` on a free loopback port. ``python bench/queue_listener.py [--messages 50000]
[--runs 5]`` prints messages per second received, the median over the runs, each listener in
turn (in the opposite order every other run). No Socket.IO server: the listener generator
(``_listen``) is iterated in a thread while a raw redis client publishes N messages in
pipelines; the clock runs from the first publish to the N-th message received."""

from __future__ import annotations

import argparse
import asyncio
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import redis
import socketio

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "golden/tictactoe/expected"))
from tictactoe_server._generated import queue  # noqa: E402

CHANNEL = "bench-listener"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


PAYLOAD = b'{"method": "emit", "event": "tick", "data": {"seq": 1}, "namespace": "/"}'


def publish(client: redis.Redis, messages: int, clock: list[float]) -> None:
    """Once a listener is subscribed, publish ``messages`` in pipelines of 1,000; the start
    time in ``clock``."""
    while client.pubsub_numsub(CHANNEL)[0][1] < 1:
        time.sleep(0.01)
    clock.append(time.perf_counter())
    for first in range(0, messages, 1000):
        pipe = client.pipeline(transaction=False)
        for _ in range(min(1000, messages - first)):
            pipe.publish(CHANNEL, PAYLOAD)
        pipe.execute()


def receive_rate(manager: Any, client: redis.Redis, messages: int) -> float:
    """Messages per second ``manager``'s listener receives of ``messages`` published."""
    clock: list[float] = []
    publisher = threading.Thread(target=publish, args=(client, messages, clock), daemon=True)
    publisher.start()
    for count, _ in enumerate(manager._listen(), 1):
        if count == messages:
            break
    elapsed = time.perf_counter() - clock[0]
    publisher.join(timeout=10)
    manager.pubsub.close()
    return messages / elapsed


def async_receive_rate(manager: Any, client: redis.Redis, messages: int) -> float:
    """:func:`receive_rate` of an asyncio manager: its listener iterated on an event loop."""

    async def run() -> float:
        clock: list[float] = []
        publisher = threading.Thread(target=publish, args=(client, messages, clock), daemon=True)
        publisher.start()
        count = 0
        async for _ in manager._listen():
            count += 1
            if count == messages:
                break
        elapsed = time.perf_counter() - clock[0]
        publisher.join(timeout=10)
        await (getattr(manager.pubsub, "aclose", None) or manager.pubsub.reset)()
        return messages / elapsed

    return asyncio.run(asyncio.wait_for(run(), 120))


SYNC_BASELINE = "python-socketio's RedisManager"
ASYNC_BASELINE = "python-socketio's AsyncRedisManager"


def measure(messages: int, runs: int) -> dict[str, list[float]]:
    """Messages per second each listener received in each run, against a redis-server of its
    own on a free loopback port (started and stopped here)."""
    command = shutil.which("redis-server")
    if command is None:
        raise RuntimeError("redis-server not found (Debian: apt-get install redis-server)")
    port = free_port()
    with tempfile.TemporaryDirectory() as folder:
        server = subprocess.Popen(
            [command, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", folder],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            url = f"redis://127.0.0.1:{port}/0"
            client = redis.Redis.from_url(url)
            for _ in range(200):
                try:
                    client.ping()
                    break
                except redis.ConnectionError:
                    time.sleep(0.05)
            makers = {
                SYNC_BASELINE: socketio.RedisManager,
                "generated (queue.reporting(RedisManager))": queue.reporting(socketio.RedisManager),
                ASYNC_BASELINE: socketio.AsyncRedisManager,
                "generated (queue.reporting(AsyncRedisManager))": queue.reporting(
                    socketio.AsyncRedisManager
                ),
            }
            rates: dict[str, list[float]] = {name: [] for name in makers}
            for run in range(runs):
                names = list(makers) if run % 2 == 0 else list(reversed(makers))
                for name in names:
                    manager = makers[name](url, channel=CHANNEL, logger=queue.manager_log)
                    receive = async_receive_rate if "Async" in name else receive_rate
                    rates[name].append(receive(manager, client, messages))
            return rates
        finally:
            server.terminate()
            server.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    if shutil.which("redis-server") is None:
        sys.exit("redis-server not found")
    for name, values in measure(args.messages, args.runs).items():
        print(f"{name}: {statistics.median(values):,.0f} messages/s "
              f"(runs: {', '.join(f'{v:,.0f}' for v in values)})")  # fmt: skip


if __name__ == "__main__":
    main()
