"""A chat server in SIO-AsyncAPI's documented style (its README's "Basic Example": an
``AsyncAPISocketIO`` with ``validate=True``, Pydantic models, ``@socketio.on(...,
get_from_typehint=True)``, ``doc_emit`` for what the server emits, ``on_error_default``),
written for tests/test_sio_asyncapi.py, which exports its spec with SIO-AsyncAPI and moves
these handler bodies into the classes sio-codegen generates from it.

Runs in the SIO-AsyncAPI virtualenv only (it imports sio_asyncapi).
"""

from chat_rooms import ROOMS, members_of
from flask import Flask
from flask_socketio import emit, join_room
from pydantic import BaseModel, Field
from sio_asyncapi import AsyncAPISocketIO, RequestValidationError

app = Flask(__name__)

socketio = AsyncAPISocketIO(
    app,
    validate=True,
    generate_docs=True,
    version="1.0.0",
    title="Chat",
    description="Chat server",
    server_url="http://localhost:5000",
    server_name="CHAT",
)


class JoinRequest(BaseModel):
    """Join a room"""

    room: str = Field(..., min_length=1, max_length=20, description="Room name")
    user: str = Field(..., min_length=1, description="Who joins")


class JoinResponse(BaseModel):
    """Joined"""

    success: bool = Field(True, description="Success status")
    members: int = Field(..., description="How many are in the room now")


class SayRequest(BaseModel):
    """Say something in a room"""

    room: str = Field(..., min_length=1, max_length=20)
    user: str
    text: str = Field(..., max_length=200)


class SayResponse(BaseModel):
    """Said"""

    delivered: bool
    error: str | None = Field(None, description="Error message if any")


class RoomList(BaseModel):
    """Every room and its members"""

    rooms: dict[str, list[str]]


class NewMessage(BaseModel):
    """A message said in a room"""

    room: str
    user: str
    text: str


@socketio.on("join", get_from_typehint=True)
def join(request: JoinRequest) -> JoinResponse:
    """Join a room"""
    join_room(request.room)
    ROOMS.setdefault(request.room, []).append(request.user)
    return JoinResponse(success=True, members=len(ROOMS[request.room]))


@socketio.doc_emit("new_message", NewMessage, "A message said in a room")
@socketio.on("say", get_from_typehint=True)
def say(request: SayRequest) -> SayResponse:
    """Say something in a room"""
    if request.user not in members_of(request.room):
        return SayResponse(delivered=False, error=f"{request.user} is not in {request.room}")
    message = NewMessage(room=request.room, user=request.user, text=request.text)
    emit("new_message", message.model_dump(), to=request.room)
    return SayResponse(delivered=True, error=None)


@socketio.on("list_rooms", get_from_typehint=True)
def list_rooms() -> RoomList:
    """Every room and its members"""
    return RoomList(rooms={room: sorted(users) for room, users in ROOMS.items()})


@socketio.on_error_default
def default_error_handler(e: Exception) -> dict[str, object]:
    """Handles RequestValidationError (an error ack); any other error is raised."""
    if isinstance(e, RequestValidationError):
        return {"success": False, "error": str(e)}
    raise e


if __name__ == "__main__":
    socketio.run(app, debug=True)
