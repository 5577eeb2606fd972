"""What a loader collects per namespace and event before the Api is assembled."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sio_codegen.model.api import Alternative, Direction, Rooms, SchemaUse


@dataclass
class EventDraft:
    name: str
    direction: Direction
    message: dict[str, Any]
    base: str
    pointer: str
    """Where the message is, for messages: located (line, column) only when one is needed."""
    payloads: list[str] = field(default_factory=list)
    acks: list[str] = field(default_factory=list)


@dataclass
class NamespaceDraft:
    name: str
    pointer: str
    description: str = ""
    events: dict[tuple[Direction, str], EventDraft] = field(default_factory=dict)
    hooks: dict[str, str] = field(default_factory=dict)
    query: SchemaUse | None = None
    headers: SchemaUse | None = None
    security: tuple[Alternative, ...] = ()
    rooms: Rooms | None = None
    address: tuple[str, ...] = ()
    params: SchemaUse | None = None
