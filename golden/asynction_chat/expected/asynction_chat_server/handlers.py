"""Handlers of Socket.IO chat demo service: yours to edit.

sio-codegen created this file once and never overwrites it. After a spec change, regenerate and
run ``mypy --strict``: it points at every method here that no longer fits the generated bases.
A method left as ``raise NotImplementedError`` answers clients with a ``not_implemented`` error
ack (hooks behave as the defaults) and is listed at start-up.
"""

from __future__ import annotations

from typing import Any

from ._generated import models
from ._generated.runtime import NamespaceHandlers, SecurityHandlers, override
from ._generated.server import AdminNamespace, RootNamespace


class RootHandlers(RootNamespace):
    """Namespace '/'."""

    @override
    def on_add_user(self, sid: str, data: models.AddUserPayload) -> models.AddUserAck:
        """Event 'add user'."""
        raise NotImplementedError

    @override
    def on_new_message(self, sid: str, data: models.NewMessagePayload) -> None:
        """Event 'new message'."""
        raise NotImplementedError

    @override
    def on_stop_typing(self, sid: str) -> None:
        """Event 'stop typing'."""
        raise NotImplementedError

    @override
    def on_typing(self, sid: str) -> None:
        """Event 'typing'."""
        raise NotImplementedError

    @override
    def handle_disconnect(self, sid: str, reason: str | None) -> None:
        """x-handlers names disconnect: 'app.disconnect'"""
        raise NotImplementedError


class AdminHandlers(AdminNamespace):
    """Namespace '/admin'."""

    @override
    def handle_connect(self, sid: str, auth: Any) -> bool | None:
        """x-handlers names connect: 'app.admin_connect'"""
        raise NotImplementedError


def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:
    """One handlers object per namespace (and the security hooks), as ``app.py`` registers them."""
    return [RootHandlers(), AdminHandlers()]
