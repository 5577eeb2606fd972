"""A python-socketio app with a class-based ``socketio.Namespace``, written for
tests/test_init.py: methods take the sid first, and use the namespace's own ``enter_room`` and
``emit``."""

from __future__ import annotations

import socketio
from pydantic import BaseModel


class Join(BaseModel):
    room: str


class Joined(BaseModel):
    room: str
    members: int


class RoomsNamespace(socketio.Namespace):
    def __init__(self, namespace: str) -> None:
        super().__init__(namespace)
        self.members: dict[str, set[str]] = {}

    def on_join(self, sid: str, data: Join) -> Joined:
        self.enter_room(sid, data.room)
        self.members.setdefault(data.room, set()).add(sid)
        self.emit("joined", {"room": data.room, "sid": sid}, room=data.room)
        return Joined(room=data.room, members=len(self.members[data.room]))

    def on_disconnect(self, sid: str, reason: str = "") -> None:
        for members in self.members.values():
            members.discard(sid)


sio = socketio.Server()
sio.register_namespace(RoomsNamespace("/rooms"))
app = socketio.WSGIApp(sio)
