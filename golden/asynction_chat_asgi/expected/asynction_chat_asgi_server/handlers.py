"""Handlers of Socket.IO chat demo service: yours to edit.

sio-codegen created this file once and never overwrites it. After a spec change, regenerate and
run ``mypy --strict``: it points at every method here that no longer fits the generated bases.
A method left as ``raise NotImplementedError`` answers clients with a ``not_implemented`` error
ack (hooks behave as the defaults) and is listed at start-up.
"""

from __future__ import annotations

from typing import Any

from ._generated import models
from ._generated.delegate import Delegates
from ._generated.runtime import NamespaceHandlers, SecurityHandlers, override
from ._generated.server import AdminNamespace, RootNamespace


class RootHandlers(RootNamespace):
    """Namespace '/'."""

    def __init__(self) -> None:
        """The functions the spec names (x-handler, x-handlers), imported now: a missing or
        unimportable one stops the start-up, naming it (see _generated/delegate.py).
        """
        self.functions = Delegates(
            self,
            events={
                "add user": "app.add_user",
                "new message": "app.new_message",
                "stop typing": "app.stop_typing",
                "typing": "app.message_typing",
            },
            hooks={
                "disconnect": "app.disconnect",
            },
        )

    @override
    async def on_add_user(self, sid: str, data: models.AddUserPayload) -> models.AddUserAck:
        """Event 'add user'.

        Calls x-handler 'app.add_user': see _generated/delegate.py.
        """
        return await self.functions.ack(sid, "add user", models.AddUserAck, data)

    @override
    async def on_new_message(self, sid: str, data: models.NewMessagePayload) -> None:
        """Event 'new message'.

        Calls x-handler 'app.new_message': see _generated/delegate.py.
        """
        await self.functions.event(sid, "new message", data)

    @override
    async def on_stop_typing(self, sid: str) -> None:
        """Event 'stop typing'.

        Calls x-handler 'app.stop_typing': see _generated/delegate.py.
        """
        await self.functions.event(sid, "stop typing")

    @override
    async def on_typing(self, sid: str) -> None:
        """Event 'typing'.

        Calls x-handler 'app.message_typing': see _generated/delegate.py.
        """
        await self.functions.event(sid, "typing")

    @override
    async def handle_disconnect(self, sid: str, reason: str | None) -> None:
        """Calls x-handlers disconnect: 'app.disconnect'."""
        await self.functions.disconnect(sid, reason)


class AdminHandlers(AdminNamespace):
    """Namespace '/admin'."""

    def __init__(self) -> None:
        """The functions the spec names (x-handler, x-handlers), imported now: a missing or
        unimportable one stops the start-up, naming it (see _generated/delegate.py).
        """
        self.functions = Delegates(
            self,
            events={},
            hooks={
                "connect": "app.admin_connect",
            },
        )

    @override
    async def handle_connect(self, sid: str, auth: Any) -> bool | None:
        """Calls x-handlers connect: 'app.admin_connect'."""
        return await self.functions.connect(sid, auth)


def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:
    """One handlers object per namespace (and the security hooks), as ``app.py`` registers them."""
    return [RootHandlers(), AdminHandlers()]
