"""Handlers of Chat client: yours to edit.

sio-codegen created this file once and never overwrites it. After a spec change, regenerate and
run ``mypy --strict``: it points at every method here that no longer fits the generated bases.
A method left as ``raise NotImplementedError`` answers clients with a ``not_implemented`` error
ack (hooks behave as the defaults) and is listed at start-up.
"""

from __future__ import annotations

from ._generated import models
from ._generated.runtime import NamespaceHandlers, SecurityHandlers, override
from ._generated.server import ChatNamespace


class ChatHandlers(ChatNamespace):
    """Namespace '/chat'."""

    @override
    def on_join(self, sid: str, data: models.ChatJoinPayload) -> None:
        """Event 'join'."""
        raise NotImplementedError

    @override
    def on_say(self, sid: str, data: models.ChatSayPayload) -> models.ChatSayAck:
        """Event 'say'."""
        raise NotImplementedError


def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:
    """One handlers object per namespace (and the security hooks), as ``app.py`` registers them."""
    return [ChatHandlers()]
