"""Benchmark peer: the bench "echo" event served by Asynction 0.8.3 (spec-first, on Flask-SocketIO).

Run in its own venv (see requirements-asynction.txt): ``python asynction_serve.py PORT``
listens on 127.0.0.1:PORT (threading mode). The spec is asynction_echo.yaml, with payload
and ack validation on. ``make_app()`` gives ``(flask_app, socketio)`` for in-process use
(``socketio.test_client(app)``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import asynction.server
from asynction import AsynctionSocketIO
from flask import Flask
from flask_socketio import SocketIO
from run_peer import serve

HERE = Path(__file__).resolve().parent
SPEC = HERE / "asynction_echo.yaml"


def _resolve_no_refs(raw: dict[str, Any]) -> dict[str, Any]:
    """Stand-in for ``asynction.server.resolve_references`` (load time only).

    Asynction 0.8.3's resolver evaluates ``"$ref" in v`` for every mapping value, so any
    integer in the spec (``maxLength: 200``) raises ``TypeError: argument of type 'int' is
    not iterable``. This spec has no ``$ref``, so resolving it is the identity."""
    assert "$ref" not in SPEC.read_text()
    return raw


asynction.server.resolve_references = _resolve_no_refs


def make_app() -> tuple[Flask, SocketIO]:
    if str(HERE) not in sys.path:
        sys.path.insert(0, str(HERE))  # so Asynction can import asynction_handlers
    app = Flask(__name__)
    socketio = AsynctionSocketIO.from_spec(
        spec_path=SPEC, validation=True, docs=False, app=app, async_mode="threading"
    )
    return app, socketio


if __name__ == "__main__":
    serve(make_app)
