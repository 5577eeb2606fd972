"""An asgi benchmark server under uvicorn on 127.0.0.1: ``python serve_asgi.py KIND PORT
[PACKAGE_DIR]``.

KIND: ``asgi-raw`` (a hand-written python-socketio ``AsyncServer`` handler doing the same work,
the ceiling) or ``asgi-generated`` (the generated asgi package in PACKAGE_DIR, validation on)."""

from __future__ import annotations

import sys
from typing import Any

import socketio
import uvicorn


def raw_app() -> Any:
    sio = socketio.AsyncServer(async_mode="asgi")

    @sio.on("echo")
    async def echo(sid: str, data: dict[str, Any]) -> dict[str, Any]:
        return {"id": data["id"], "length": len(data["text"])}

    return socketio.ASGIApp(sio)


def generated_app(package_dir: str) -> Any:
    sys.path.insert(0, package_dir)
    from bench_server_asgi.app import create_app  # type: ignore[import-not-found]

    return create_app(validate=True)


def main() -> None:
    kind, port = sys.argv[1], int(sys.argv[2])
    app = raw_app() if kind == "asgi-raw" else generated_app(sys.argv[3])
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="error")


if __name__ == "__main__":
    main()
