"""How to read a document that was not written the way sio-codegen reads by default.

By default a document describes the **server** (Asynction's and SIO-AsyncAPI's convention: 2.x
``publish`` / 3.x ``receive`` are events clients send) and each **channel is a namespace**. Some
documents are written from the client's side (every direction inverted), or make each event a
channel (``/join``, ``/message``) of one namespace. Both are declared in the document
(``x-sio-perspective: client``, ``x-sio-channels: events`` at its top level) or on the command
line (``--perspective client``, ``--channels-as-events``), which wins; without either, the common
shapes are detected and warned about, never silently reinterpreted."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from sio_codegen.diagnostics import Location, Report
from sio_codegen.model.api import Direction
from sio_codegen.model.nodes import text, unwrap

Perspective = Literal["server", "client"]

_CLIENT_WORD = re.compile(r"\bclient\b", re.IGNORECASE)


@dataclass(frozen=True)
class Reading:
    perspective: Perspective = "server"
    channels_as_events: bool = False

    def direction(self, as_written: Direction) -> Direction:
        """Who emits an event: as the document says it, turned around for a client's document."""
        if self.perspective == "server":
            return as_written
        return "server" if as_written == "client" else "client"


def reading_of(
    doc: dict[str, Any],
    perspective: Perspective | None,
    channels_as_events: bool | None,
    report: Report,
    at: Callable[[str], Location],
) -> Reading:
    """The reading the options (first) or the document's extensions ask for; unknown extension
    values are errors."""
    if perspective is None:
        declared = doc.get("x-sio-perspective")
        if declared is not None and declared not in ("server", "client"):
            report.error("x-sio-perspective must be 'server' or 'client'", at("/x-sio-perspective"))
        perspective = "client" if declared == "client" else "server"
    if channels_as_events is None:
        declared = doc.get("x-sio-channels")
        if declared is not None and declared not in ("namespaces", "events"):
            report.error("x-sio-channels must be 'namespaces' or 'events'", at("/x-sio-channels"))
        channels_as_events = declared == "events"
    return Reading(perspective, channels_as_events)


def warn_about_shapes(
    doc: dict[str, Any],
    reading: Reading,
    declared: bool,
    channel_events: dict[str, list[str]],
    report: Report,
    at: Callable[[str], Location],
) -> None:
    """Warnings for documents that look written another way than they are read.

    ``channel_events`` maps each channel's address to the names of its events; ``declared`` is
    whether the reading was asked for (then nothing is guessed)."""
    if declared:
        return
    echoes = [
        address
        for address, names in channel_events.items()
        if address.strip("/") and set(names) == {address.strip("/")}
    ]
    if len(channel_events) >= 2 and len(echoes) == len(channel_events):
        shown = ", ".join(sorted(echoes)[:4]) + (", ..." if len(echoes) > 4 else "")
        report.warning(
            f"every channel ({shown}) holds one event named after it: the channels look like "
            "events of one namespace, not namespaces; if so, pass --channels-as-events (or write "
            "x-sio-channels: events)",
            at("/channels"),
        )
    info = unwrap(doc.get("info"))
    title = text(info, "title") if isinstance(info, dict) else ""
    if reading.perspective == "server" and _CLIENT_WORD.search(title):
        report.warning(
            f"the title {title!r} suggests a document written from the client's side; "
            "sio-codegen reads documents as the server's (publish/receive: clients send). If "
            "this one is the client's, pass --perspective client (or write "
            "x-sio-perspective: client)",
            at("/info/title"),
        )
