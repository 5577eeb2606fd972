"""Benchmark peer: the bench "echo" event served by SIO-AsyncAPI 1.0.0 (code-first, on Flask-SocketIO).

Run in its own venv (see requirements-sio-asyncapi.txt): ``python sio_asyncapi_serve.py PORT``
listens on 127.0.0.1:PORT (threading mode). Request and response (ack) validation are on:
the payload and ack are Pydantic models given to ``socketio.on``. ``make_app()`` gives
``(flask_app, socketio)`` for in-process use (``socketio.test_client(app)``)."""

from typing import Any

from flask import Flask
from flask_socketio import SocketIO
from loguru import logger
from pydantic import BaseModel, ConfigDict, Field
from run_peer import serve
from sio_asyncapi import AsyncAPISocketIO


class EchoRequest(BaseModel):
    """The ``echo`` payload; strict, so ``"7"`` is no integer (as in the spec's JSON Schema)."""

    model_config = ConfigDict(strict=True)
    id: int
    text: str = Field(max_length=200)
    tags: list[str] | None = None


class EchoAck(BaseModel):
    """The ``echo`` ack."""

    model_config = ConfigDict(strict=True)
    id: int
    length: int


def make_app() -> tuple[Flask, SocketIO]:
    logger.disable("sio_asyncapi")  # its loguru lines (one per invalid payload) would go to stderr
    app = Flask(__name__)
    socketio = AsyncAPISocketIO(app, validate=True, generate_docs=False, async_mode="threading")

    # Models are passed explicitly: were the hints strings (``from __future__ import
    # annotations``, deliberately absent here), ``get_from_typehint=True`` would validate nothing.
    # The handler returns a dict, not an EchoAck: SIO-AsyncAPI validates either against
    # EchoAck, but sends a model instance as a JSON *string* (model_dump_json), not an object.
    @socketio.on("echo", request_model=EchoRequest, response_model=EchoAck)
    def echo(request: EchoRequest) -> EchoAck:
        return {"id": request.id, "length": len(request.text)}  # type: ignore[return-value]

    @socketio.on_error_default
    def on_error(error: Exception) -> dict[str, Any]:
        # RequestValidationError / ResponseValidationError become an error ack.
        return {"error": type(error).__name__, "message": str(error)}

    return app, socketio


if __name__ == "__main__":
    serve(make_app)
