"""A python-socketio ``AsyncServer`` app (ASGI), written for tests/test_init.py: coroutine
functions that take the sid first (``connect`` the environ and auth too), a plain function (an
AsyncServer calls those as well), and a class-based ``AsyncNamespace`` whose coroutine methods
use its own ``enter_room`` and ``emit``."""

from __future__ import annotations

from typing import Any, TypedDict

import socketio
from pydantic import BaseModel

sio = socketio.AsyncServer(async_mode="asgi")
app = socketio.ASGIApp(sio)

remotes: dict[str, str] = {}
"""sid -> the client's address, from the environ ``connect`` gets."""
pings: dict[str, Any] = {}
"""sid -> what the client last sent with ``ping``."""


class Order(BaseModel):
    item: str
    quantity: int


class Receipt(TypedDict):
    item: str
    accepted: bool


class Basket(BaseModel):
    items: list[str]


@sio.event
async def connect(sid: str, environ: dict[str, Any], auth: Any = None) -> bool | None:
    if isinstance(auth, dict) and auth.get("banned"):
        return False
    remotes[sid] = str(environ.get("REMOTE_ADDR", ""))
    return None


@sio.on("order")
async def order(sid: str, data: Order) -> Receipt:
    return {"item": data.item, "accepted": data.quantity > 0}


@sio.on("ping")
def ping(sid: str, data):  # type: ignore[no-untyped-def]
    pings[sid] = data


@sio.on("whoami")
async def whoami(sid: str) -> dict[str, Any]:
    return {"sid": sid, "remote": remotes.get(sid), "ping": pings.get(sid)}


class Shop(socketio.AsyncNamespace):  # type: ignore[misc]
    def __init__(self, namespace: str) -> None:
        super().__init__(namespace)
        self.baskets: dict[str, list[str]] = {}

    async def on_add(self, sid: str, data: Order) -> Basket:
        await self.enter_room(sid, "buyers")
        basket = self.baskets.setdefault(sid, [])
        basket.append(data.item)
        await self.emit("added", {"item": data.item, "sid": sid}, room="buyers")
        return Basket(items=basket)


sio.register_namespace(Shop("/shop"))
