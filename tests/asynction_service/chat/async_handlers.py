"""The chat service's functions for the asgi runtime (python-socketio's AsyncServer), written
for tests/test_asynction.py: Asynction's conventions (raw JSON data in, the ack returned,
``ConnectionRefusedError`` to refuse, the exception to ``error``) without Flask's request
context, which the asgi runtime has not: a function that needs the client's sid names its first
parameter ``sid`` (``connect`` then gets the environ before ``auth``). Coroutine functions and
plain ones side by side. Nothing here knows sio-codegen.
"""

from __future__ import annotations

import json
import os
from typing import Any
from urllib.parse import parse_qs

usernames: dict[str, str] = {}
"""sid -> username of the users that joined."""


def _record(*values: Any) -> None:
    """What the test wants to see, one JSON line per call, in $SIO_TEST_LOG."""
    log = os.environ.get("SIO_TEST_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as out:
            out.write(json.dumps(values) + "\n")


async def new_message(sid: str, message: str) -> None:
    _record("new message", usernames.get(sid), message)


def message_typing() -> None:
    _record("typing")


async def stop_typing(sid: str) -> None:
    _record("stop typing", usernames.get(sid))


def add_user(sid: str, username: str) -> dict[str, str | None]:
    if username in usernames.values():
        return {"error": f"Username {username} already exists"}
    usernames[sid] = username
    return {"error": None}


async def rename(message: dict[str, Any]) -> str:
    """A raw dict in and no sid (Asynction's ``def handler(message: dict)``), a plain value as
    the ack."""
    return f"-> {message['username']}"


async def disconnect(sid: str, reason: str) -> None:
    _record("disconnect", usernames.pop(sid, None))


def chat_error(e: Exception) -> None:
    _record("error", type(e).__name__, str(e))


async def admin_connect(sid: str, environ: dict[str, Any], auth: Any) -> None:
    token = parse_qs(str(environ.get("QUERY_STRING", ""))).get("token")
    if token != ["admin"]:
        raise ConnectionRefusedError("Unauthorized!")
    _record("admin", sid)
