"""A plain Flask-SocketIO tic-tac-toe server with Pydantic-typed handlers and no spec (the
situation of the SIO-AsyncAPI blog post), written for tests/test_init.py: ``sio-codegen init
--from-app ttt_app:socketio`` must describe it, and the server generated from that description
must serve these very functions."""

from __future__ import annotations

import json
import os
from typing import Any, TypedDict

from flask import Flask, request
from flask_socketio import SocketIO, emit
from pydantic import BaseModel, Field


class CreateGame(BaseModel):
    player: str = Field(min_length=1)


class GameCreated(BaseModel):
    game_id: int


class MakeMove(BaseModel):
    game_id: int
    x: int = Field(ge=0, le=2)
    y: int = Field(ge=0, le=2)


class MoveResult(BaseModel):
    ok: bool
    error: str | None = None


class Chat(TypedDict):
    text: str


app = Flask(__name__)
socketio = SocketIO(app)
boards: dict[int, list[list[str]]] = {}


def _record(*values: Any) -> None:
    log = os.environ.get("SIO_TEST_LOG")
    if log:
        with open(log, "a", encoding="utf-8") as out:
            out.write(json.dumps(values) + "\n")


@socketio.on("connect")
def connect(auth: Any = None) -> None:
    _record("connect", auth)


@socketio.on("disconnect")
def disconnect(reason: str | None = None) -> None:
    _record("disconnect")


@socketio.on_error()
def on_error(e: Exception) -> None:
    _record("error", type(e).__name__)


@socketio.on("create_game")
def create_game(data: CreateGame) -> GameCreated:
    game_id = len(boards) + 1
    boards[game_id] = [["", "", ""] for _ in range(3)]
    _record("create_game", data.player)
    return GameCreated(game_id=game_id)


@socketio.on("make_move")
def make_move(data: MakeMove) -> MoveResult:
    board = boards.get(data.game_id)
    if board is None:
        return MoveResult(ok=False, error="no such game")
    if board[data.y][data.x]:
        return MoveResult(ok=False, error="taken")
    board[data.y][data.x] = "X"
    emit("move_made", {"game_id": data.game_id, "board": board}, to=request.sid)  # type: ignore[attr-defined]
    return MoveResult(ok=True)


@socketio.on("chat", namespace="/lobby")
def chat(message: Chat) -> None:
    emit("chat", message, broadcast=True)


@socketio.on("shout")
def shout(data):  # type: ignore[no-untyped-def]  # an untyped handler: TODO in the spec
    return None
