"""A Flask-SocketIO app with a class-based Namespace, written for tests/test_init.py."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask_socketio import Namespace, SocketIO, join_room
from pydantic import BaseModel


class Join(BaseModel):
    room: str


class Joined(BaseModel):
    room: str
    members: int


class GameNamespace(Namespace):
    def __init__(self, namespace: str) -> None:
        super().__init__(namespace)
        self.members: dict[str, int] = {}

    def on_connect(self, auth: Any = None) -> bool:
        return not (isinstance(auth, dict) and auth.get("banned"))

    def on_join(self, data: Join) -> Joined:
        join_room(data.room)
        self.members[data.room] = self.members.get(data.room, 0) + 1
        self.emit("joined", {"room": data.room}, room=data.room)
        return Joined(room=data.room, members=self.members[data.room])

    def on_count(self, room: str) -> int:
        return self.members.get(room, 0)


app = Flask(__name__)
socketio = SocketIO(app)
socketio.on_namespace(GameNamespace("/game"))
