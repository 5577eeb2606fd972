"""A python-socketio ``Server`` app (WSGI), written for tests/test_init.py: handlers take the sid
first, as python-socketio passes it; ``connect`` gets the environ and the auth."""

from __future__ import annotations

from typing import Any

import socketio
from pydantic import BaseModel

sio = socketio.Server()
app = socketio.WSGIApp(sio)
SEEN: dict[str, str] = {}


class Numbers(BaseModel):
    values: list[int]


class Total(BaseModel):
    total: int
    count: int


@sio.event
def connect(sid: str, environ: dict[str, Any], auth: Any = None) -> bool:
    if isinstance(auth, dict) and auth.get("banned"):
        return False
    SEEN[sid] = environ.get("REMOTE_ADDR", "")
    return True


@sio.event
def disconnect(sid: str, reason: str = "") -> None:
    SEEN.pop(sid, None)


@sio.on("add")
def add(sid: str, data: Numbers) -> Total:
    return Total(total=sum(data.values), count=len(data.values))


@sio.on("whoami")
def whoami(sid: str) -> dict[str, str]:
    return {"sid": sid, "remote": SEEN.get(sid, "unknown")}
