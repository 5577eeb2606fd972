"""Handlers of My Circular API: yours to edit.

sio-codegen created this file once and never overwrites it. After a spec change, regenerate and
run ``mypy --strict``: it points at every method here that no longer fits the generated bases.
A method left as ``raise NotImplementedError`` answers clients with a ``not_implemented`` error
ack (hooks behave as the defaults) and is listed at start-up.
"""

from __future__ import annotations

from ._generated import models
from ._generated.runtime import NamespaceHandlers, SecurityHandlers, override
from ._generated.server import (
    ExternalFileNamespace,
    NonRecursiveNamespace,
    RecursiveNamespace,
    TestChannelNamespace,
)


class ExternalFileHandlers(ExternalFileNamespace):
    """Namespace '/external/file'."""

    @override
    def on_message(self, sid: str, data: models.ExternalFile) -> None:
        """Event 'message'."""
        raise NotImplementedError


class NonRecursiveHandlers(NonRecursiveNamespace):
    """Namespace '/nonRecursive'."""


class RecursiveHandlers(RecursiveNamespace):
    """Namespace '/recursive'."""


class TestChannelHandlers(TestChannelNamespace):
    """Namespace '/testChannel'."""


def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:
    """One handlers object per namespace (and the security hooks), as ``app.py`` registers them."""
    return [
        ExternalFileHandlers(),
        NonRecursiveHandlers(),
        RecursiveHandlers(),
        TestChannelHandlers(),
    ]
