"""One in-process measurement, in a process of its own (so that a peer runs in its own
virtualenv): ``python inprocess.py KIND SECONDS [PACKAGE_DIR]`` prints the acked ``echo`` calls
per second through Flask-SocketIO's test client, counted over SECONDS after a warm-up of a fifth
of that (a sample of a fixed time, not of a fixed count: the peers differ 30-fold in speed).

KIND: ``plain``, ``generated``, ``generated-novalidate`` (see serve.py), ``asynction`` or
``sio-asyncapi`` (peers/)."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PAYLOAD = {"id": 7, "text": "hello world " * 4, "tags": ["a", "b", "c"]}


def make_app(kind: str, package_dir: str) -> tuple[Any, Any]:
    if kind in ("asynction", "sio-asyncapi"):
        sys.path.insert(0, str(HERE / "peers"))
        module = __import__(kind.replace("-", "_") + "_serve")
        return module.make_app()  # type: ignore[no-any-return]
    sys.path.insert(0, str(HERE))
    import serve

    if kind == "plain":
        return serve.plain_app()
    return serve.generated_app(package_dir, validate=kind == "generated")


def main() -> None:
    kind, seconds = sys.argv[1], float(sys.argv[2])
    app, socketio = make_app(kind, sys.argv[3] if len(sys.argv) > 3 else "")
    client = socketio.test_client(app)
    ack = client.emit("echo", PAYLOAD, callback=True)
    if ack != {"id": 7, "length": len(PAYLOAD["text"])}:
        raise SystemExit(f"{kind}: unexpected ack {ack!r}")
    calls_per_second(client, seconds / 5)
    print(calls_per_second(client, seconds))


def calls_per_second(client: Any, seconds: float) -> float:
    """Acked calls per second over at least ``seconds`` (the clock read every 20 calls)."""
    calls, started = 0, time.perf_counter()
    while True:
        for _ in range(20):
            client.emit("echo", PAYLOAD, callback=True)
        calls += 20
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            return calls / elapsed


if __name__ == "__main__":
    main()
