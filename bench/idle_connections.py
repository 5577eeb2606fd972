"""Idle TCP connections against a generated server: its threads and memory before, right after
N connections that never send a byte, and after a hold; and how many of them the server closed.

``python bench/idle_connections.py --mode dev|gunicorn [--connections N] [--hold S]``

``dev`` is ``python -m PKG`` (Werkzeug); ``gunicorn`` the README's production command. The
package is generated with whatever ``sio_codegen`` is importable (run it with an older checkout
on PYTHONPATH to measure before a change). Prints one JSON object. Loopback only.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sio_codegen.cli.commands import main as cli_main

HERE = Path(__file__).resolve().parent
SPEC = HERE.parent / "tests" / "specs" / "e2e.yaml"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def status(pid: int) -> dict[str, int]:
    """Threads and resident memory (kB) of a process, from /proc."""
    values: dict[str, int] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("Threads", "VmRSS"):
            values[key] = int(value.split()[0])
    return {"threads": values["Threads"], "rss_kb": values["VmRSS"]}


def server_pid(process: subprocess.Popen[bytes], mode: str) -> int:
    """The process that serves: gunicorn's one worker, or the dev server itself."""
    if mode == "dev":
        return process.pid
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        children = Path(f"/proc/{process.pid}/task/{process.pid}/children").read_text().split()
        if children:
            return int(children[0])
        time.sleep(0.1)
    raise RuntimeError("no gunicorn worker")


def closed_by_server(sock: socket.socket) -> bool:
    sock.setblocking(False)
    try:
        return sock.recv(1) == b""
    except BlockingIOError:
        return False
    except OSError:
        return True


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["dev", "gunicorn"], default="gunicorn")
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--hold", type=float, default=30.0)
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="sio-idle-"))
    try:
        assert cli_main(["server", str(SPEC), "-o", str(root / "idle_server"), "--quiet"]) == 0
        port = free_port()
        env = {**os.environ, "SIO_PING_INTERVAL": "5", "SIO_PING_TIMEOUT": "5",
               "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")])}  # fmt: skip
        if args.mode == "dev":
            command = [sys.executable, "-m", "idle_server", "--port", str(port)]
        else:
            command = [sys.executable, "-m", "gunicorn", "-c",
                       "python:idle_server._generated.gunicorn_conf", "--bind", f"127.0.0.1:{port}",
                       "--no-control-socket", "idle_server.wsgi:app"]  # fmt: skip
        process = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL)  # fmt: skip
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                    break
                except OSError:
                    if time.monotonic() > deadline:
                        raise RuntimeError("server did not start") from None
                    time.sleep(0.1)
            pid = server_pid(process, args.mode)
            time.sleep(1)
            before = status(pid)
            sockets = []
            for _ in range(args.connections):
                sockets.append(socket.create_connection(("127.0.0.1", port), timeout=5))
            time.sleep(2)
            loaded = status(pid)
            time.sleep(args.hold)
            held = status(pid)
            closed = sum(closed_by_server(sock) for sock in sockets)
            for sock in sockets:
                sock.close()
            time.sleep(2)
            after = status(pid)
        finally:
            process.terminate()
            process.wait(timeout=20)
        print(json.dumps({"mode": args.mode, "connections": args.connections,
                          "hold_s": args.hold, "before": before, "connected": loaded,
                          f"after_{args.hold:g}s": held, "closed_by_server": closed,
                          "after_client_close": after}))  # fmt: skip
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
