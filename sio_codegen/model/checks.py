"""Socket.IO-specific checks that ``sio-codegen validate`` reports as warnings."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from sio_codegen.diagnostics import Location, Report
from sio_codegen.load.refs import ResolvedSpec
from sio_codegen.model.api import Api

# Event names Socket.IO reserves for itself: a client cannot emit them as ordinary events.
RESERVED_EVENTS = frozenset(
    {"connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener"}
)
KNOWN_PROTOCOLS = frozenset({"socketio", "socket.io", "ws", "wss", "http", "https"})


def socketio_warnings(api: Api, spec: ResolvedSpec, report: Report) -> None:
    for server in api.servers:
        if server.protocol and server.protocol.lower() not in KNOWN_PROTOCOLS:
            report.warning(
                f"server {server.name!r} uses protocol {server.protocol!r}; Socket.IO runs over "
                "http(s)/ws(s) (protocol: socketio, ws or wss)",
                spec.root.location(f"/servers/{server.name}/protocol"),
            )
    for ns in api.namespaces:
        events = ns.client_events + ns.server_events
        if not events:
            named = [hook for hook in ("connect", "disconnect", "error") if getattr(ns.hooks, hook)]
            if named:
                report.warning(
                    f"x-handlers names {', '.join(named)} for namespace {ns.name!r}, "
                    "which has no events",
                    spec.root.location(ns.pointer + "/x-handlers"),
                )
            else:
                report.warning(
                    f"namespace {ns.name!r} has no events", spec.root.location(ns.pointer)
                )
        for event in events:
            if event.name in RESERVED_EVENTS:
                report.warning(
                    f"event {event.name!r} in namespace {ns.name!r} is reserved by Socket.IO "
                    "and cannot be emitted as an ordinary event",
                    spec.root.location(ns.pointer),
                )


def without_reserved_events(api: Api, report: Report, locate: Callable[[str], Location]) -> Api:
    """Events Socket.IO reserves cannot be sent or handled as ordinary events: generated code
    leaves them out, with a warning naming each."""
    namespaces = []
    for ns in api.namespaces:
        for event in ns.client_events + ns.server_events:
            if event.name in RESERVED_EVENTS:
                report.warning(
                    f"event {event.name!r} of namespace {ns.name!r} is reserved by Socket.IO: "
                    "left out of the generated code",
                    locate(ns.pointer),
                )
        namespaces.append(
            dataclasses.replace(
                ns,
                client_events=tuple(e for e in ns.client_events if e.name not in RESERVED_EVENTS),
                server_events=tuple(e for e in ns.server_events if e.name not in RESERVED_EVENTS),
            )
        )
    return dataclasses.replace(api, namespaces=tuple(namespaces))
