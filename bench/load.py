"""Concurrent load on one benchmark server: ``python load.py URL CLIENTS SECONDS`` connects
CLIENTS python-socketio AsyncClients (websocket transport), then each calls ``echo`` (waiting for
its ack) in a loop for SECONDS; prints one JSON line: acked calls per second over all clients,
the number of calls, and the p50 / p99 latency of a call in milliseconds. A process of its own, so that the clients
and the server each have a core."""

from __future__ import annotations

import asyncio
import json
import statistics
import sys
import time

import socketio

PAYLOAD = {"id": 7, "text": "hello world " * 4, "tags": ["a", "b", "c"]}
EXPECTED = {"id": 7, "length": len(PAYLOAD["text"])}


async def run(url: str, clients: int, seconds: float) -> dict[str, float]:
    connected = []
    for _ in range(clients):
        sio = socketio.AsyncClient(reconnection=False)
        await sio.connect(url, transports=["websocket"], wait_timeout=30)
        connected.append(sio)
    latencies: list[float] = []
    try:
        for sio in connected:  # every one answers before the clock starts
            if await sio.call("echo", PAYLOAD, timeout=30) != EXPECTED:
                raise SystemExit("unexpected ack")
        stop = time.perf_counter() + seconds

        async def loop(sio: socketio.AsyncClient) -> None:
            while time.perf_counter() < stop:
                started = time.perf_counter()
                await sio.call("echo", PAYLOAD, timeout=30)
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(loop(sio) for sio in connected))
        elapsed = time.perf_counter() - started
    finally:
        await asyncio.gather(*(sio.disconnect() for sio in connected))
    cuts = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
    return {
        "rate": len(latencies) / elapsed,
        "calls": len(latencies),
        "p50_ms": cuts[49] * 1e3,
        "p99_ms": cuts[98] * 1e3,
    }


def main() -> None:
    url, clients, seconds = sys.argv[1], int(sys.argv[2]), float(sys.argv[3])
    print(json.dumps(asyncio.run(run(url, clients, seconds))))


if __name__ == "__main__":
    main()
