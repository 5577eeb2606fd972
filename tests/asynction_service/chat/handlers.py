"""The handlers of an Asynction-style chat service, written for tests/test_asynction.py in
Asynction's documented conventions (its README and example app): plain functions at the dotted
paths ``chat.handlers.*`` that the spec names, taking the raw payload (a string, a dict), using
``flask.request`` and ``flask_socketio.emit`` for the connection, returning the ack as a value,
refusing a connection with ConnectionRefusedError. Nothing here knows sio-codegen: the generated
server must serve these functions unchanged.
"""

from __future__ import annotations

import json
import os
from typing import Any

from flask import request
from flask_socketio import emit

usernames: dict[str, str] = {}
"""sid -> username of the users that joined."""


def _sid() -> str:
    sid: str = request.sid  # type: ignore[attr-defined]
    return sid


def _record(*values: Any) -> None:
    """What the test wants to see, one JSON line per call, in $SIO_TEST_LOG."""
    log = os.environ.get("SIO_TEST_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as out:
            out.write(json.dumps(values) + "\n")


def new_message(message: str) -> None:
    sid = _sid()
    emit(
        "new message",
        {"username": usernames[sid], "message": message},
        broadcast=True,
        skip_sid=sid,
    )


def message_typing() -> None:
    sid = _sid()
    emit("typing", {"username": usernames[sid]}, broadcast=True, skip_sid=sid)


def stop_typing() -> None:
    sid = _sid()
    emit("stop typing", {"username": usernames[sid]}, broadcast=True, skip_sid=sid)


def add_user(username: str) -> dict[str, str | None]:
    if username in usernames.values():
        return {"error": f"Username {username} already exists"}
    sid = _sid()
    usernames[sid] = username
    emit("login", {"numUsers": len(usernames)})
    emit(
        "user joined",
        {"username": username, "numUsers": len(usernames)},
        broadcast=True,
        skip_sid=sid,
    )
    return {"error": None}


def rename(message: dict[str, Any]) -> str:
    """A raw dict in (Asynction's ``def handler(message: dict)``), a plain value as the ack."""
    sid = _sid()
    old = usernames.get(sid, "")
    usernames[sid] = message["username"]
    return f"{old} -> {message['username']}"


def disconnect() -> None:
    sid = _sid()
    username = usernames.pop(sid, None)
    _record("disconnect", username)
    if username is not None:
        emit(
            "user left",
            {"username": username, "numUsers": len(usernames)},
            broadcast=True,
            skip_sid=sid,
        )


def chat_error(e: Exception) -> None:
    _record("error", type(e).__name__, str(e))


def admin_connect() -> None:
    if request.args.get("token") != "admin":
        raise ConnectionRefusedError("Unauthorized!")
    emit("server metric", {"name": "CPU_COUNT", "value": os.cpu_count() or 1})
