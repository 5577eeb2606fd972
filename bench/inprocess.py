"""One in-process measurement, in a process of its own (so that a peer runs in its own
virtualenv): ``python inprocess.py KIND CALLS [PACKAGE_DIR]`` prints the acked ``echo`` calls per
second through Flask-SocketIO's test client, after a warm-up.

KIND: ``plain``, ``generated``, ``generated-novalidate`` (see serve.py), ``asynction`` or
``sio-asyncapi`` (peers/)."""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PAYLOAD = {"id": 7, "text": "hello world " * 4, "tags": ["a", "b", "c"]}
WARM_UP = 200


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
    kind, calls = sys.argv[1], int(sys.argv[2])
    app, socketio = make_app(kind, sys.argv[3] if len(sys.argv) > 3 else "")
    client = socketio.test_client(app)
    ack = client.emit("echo", PAYLOAD, callback=True)
    if ack != {"id": 7, "length": len(PAYLOAD["text"])}:
        raise SystemExit(f"{kind}: unexpected ack {ack!r}")
    for _ in range(WARM_UP):
        client.emit("echo", PAYLOAD, callback=True)
    started = time.perf_counter()
    for _ in range(calls):
        client.emit("echo", PAYLOAD, callback=True)
    print(calls / (time.perf_counter() - started))


if __name__ == "__main__":
    main()
