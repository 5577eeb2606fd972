"""Handlers of Rooms: yours to edit.

sio-codegen created this file once and never overwrites it. After a spec change, regenerate and
run ``mypy --strict``: it points at every method here that no longer fits the generated bases.
A method left as ``raise NotImplementedError`` answers clients with a ``not_implemented`` error
ack (hooks behave as the defaults) and is listed at start-up.
"""

from __future__ import annotations

from ._generated import models
from ._generated.runtime import NamespaceHandlers, SecurityHandlers, override
from ._generated.server import RoomsNamespace, RootNamespace


class RootHandlers(RootNamespace):
    """Namespace '/'."""

    @override
    def on_hello(self, sid: str, data: models.HelloPayload) -> models.HelloAck:
        """Event 'hello'."""
        raise NotImplementedError


class RoomsHandlers(RoomsNamespace):
    """Namespace '/rooms/{roomId}'.

    One namespace per value of its parameters: ``self.params(sid)`` are those of a
    connection; ``RoomsEmitter(self.socketio, self.params(sid))`` emits to its instance.
    """

    @override
    def on_clear(self, sid: str, data: models.RoomsClearPayload) -> models.RoomsClearAck:
        """Send everyone away from a table."""
        raise NotImplementedError

    @override
    def on_say(self, sid: str, data: models.RoomsSayPayload) -> models.RoomsSayAck:
        """Event 'say'."""
        raise NotImplementedError

    @override
    def on_sit(self, sid: str, data: models.RoomsSitPayload) -> models.RoomsSitAck:
        """Sit at a table (join it)."""
        raise NotImplementedError

    @override
    def on_stand(self, sid: str, data: models.RoomsStandPayload) -> models.RoomsStandAck:
        """Leave a table."""
        raise NotImplementedError

    @override
    def on_tables(self, sid: str) -> models.RoomsTablesAck:
        """The tables the client sits at."""
        raise NotImplementedError


def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:
    """One handlers object per namespace (and the security hooks), as ``app.py`` registers them."""
    return [RootHandlers(), RoomsHandlers()]
