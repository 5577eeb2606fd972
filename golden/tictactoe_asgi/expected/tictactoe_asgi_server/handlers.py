"""Handlers of Tick-Tack-Toe API: yours to edit.

sio-codegen created this file once and never overwrites it. After a spec change, regenerate and
run ``mypy --strict``: it points at every method here that no longer fits the generated bases.
A method left as ``raise NotImplementedError`` answers clients with a ``not_implemented`` error
ack (hooks behave as the defaults) and is listed at start-up.
"""

from __future__ import annotations

from ._generated import models
from ._generated.runtime import NamespaceHandlers, SecurityHandlers, override
from ._generated.server import RootNamespace


class RootHandlers(RootNamespace):
    """Namespace '/'."""

    @override
    async def on_create_game(self, sid: str) -> None:
        """Event 'create_game'."""
        raise NotImplementedError

    @override
    async def on_make_move(self, sid: str, data: models.MakeMoveData) -> models.MakeMoveAck:
        """Event 'make_move'."""
        raise NotImplementedError

    @override
    async def handle_disconnect(self, sid: str, reason: str | None) -> None:
        """x-handlers names disconnect: 'disconnect'"""
        raise NotImplementedError


def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:
    """One handlers object per namespace (and the security hooks), as ``app.py`` registers them."""
    return [RootHandlers()]
