"""Handlers of Rooms API: yours to edit.

sio-codegen created this file once and never overwrites it. After a spec change, regenerate and
run ``mypy --strict``: it points at every method here that no longer fits the generated bases.
A method left as ``raise NotImplementedError`` answers clients with a ``not_implemented`` error
ack (hooks behave as the defaults) and is listed at start-up.
"""

from __future__ import annotations

from ._generated import models
from ._generated.runtime import NamespaceHandlers, SecurityHandlers, override
from ._generated.server import GameNamespace, RootNamespace


class RootHandlers(RootNamespace):
    """Namespace '/'."""

    @override
    def on_close(self, sid: str, data: models.ClosePayload) -> models.CloseAck:
        """Event 'close'."""
        raise NotImplementedError

    @override
    def on_join(self, sid: str, data: models.JoinPayload) -> models.JoinAck:
        """Event 'join'."""
        raise NotImplementedError

    @override
    def on_leave(self, sid: str, data: models.LeavePayload) -> models.LeaveAck:
        """Event 'leave'."""
        raise NotImplementedError

    @override
    def on_my_rooms(self, sid: str) -> models.MyRoomsAck:
        """Event 'my_rooms'."""
        raise NotImplementedError

    @override
    def on_say(self, sid: str, data: models.SayPayload) -> models.SayAck:
        """Event 'say'."""
        raise NotImplementedError


class GameHandlers(GameNamespace):
    """Namespace '/game'."""

    @override
    def on_join(self, sid: str, data: models.GameJoinPayload) -> models.GameJoinAck:
        """Event 'join'."""
        raise NotImplementedError


def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:
    """One handlers object per namespace (and the security hooks), as ``app.py`` registers them."""
    return [RootHandlers(), GameHandlers()]
