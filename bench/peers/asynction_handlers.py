"""Handlers named by asynction_echo.yaml (``x-handler`` / ``x-handlers``); imported by Asynction.

Not run directly: asynction_serve.py puts this folder on ``sys.path`` and Asynction loads
``asynction_handlers.echo`` and ``asynction_handlers.on_error`` by dotted path."""

from __future__ import annotations

from typing import Any


def echo(data: dict[str, Any]) -> dict[str, Any]:
    """The ``echo`` event; Asynction validates ``data`` before and the ack after this call."""
    return {"id": data["id"], "length": len(data["text"])}


def on_error(error: Exception) -> dict[str, Any]:
    """Namespace error handler: a failed validation becomes an error ack, not a dropped call."""
    return {"error": type(error).__name__, "message": str(getattr(error, "message", error))}
