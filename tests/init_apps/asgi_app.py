"""A python-socketio ``AsyncServer`` app (ASGI), written for tests/test_init.py."""

from __future__ import annotations

from typing import Any, TypedDict

import socketio
from pydantic import BaseModel

sio = socketio.AsyncServer(async_mode="asgi")
app = socketio.ASGIApp(sio)


class Order(BaseModel):
    item: str
    quantity: int


class Receipt(TypedDict):
    item: str
    accepted: bool


@sio.event
async def connect(sid: str, environ: dict[str, Any], auth: Any = None) -> None:
    return None


@sio.on("order")
async def order(sid: str, data: Order) -> Receipt:
    return {"item": data.item, "accepted": data.quantity > 0}


@sio.on("ping")
async def ping(sid: str, data):  # type: ignore[no-untyped-def]
    return data
