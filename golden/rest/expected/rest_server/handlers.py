"""Handlers of Rest arguments: yours to edit.

sio-codegen created this file once and never overwrites it. After a spec change, regenerate and
run ``mypy --strict``: it points at every method here that no longer fits the generated bases.
A method left as ``raise NotImplementedError`` answers clients with a ``not_implemented`` error
ack (hooks behave as the defaults) and is listed at start-up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._generated import models
from ._generated.runtime import NamespaceHandlers, SecurityHandlers, override
from ._generated.server import RootNamespace

if TYPE_CHECKING:
    from typing_extensions import Unpack


class RootHandlers(RootNamespace):
    """Namespace '/'."""

    @override
    def on_gather(self, sid: str, data: models.GatherPayload) -> tuple[Any, ...]:
        """The ack is any number of anything (zod-sockets' rest-only ack), sent as that many ack arguments."""
        raise NotImplementedError

    @override
    def on_label(
        self, sid: str, arg1: models.LabelPayloadArg1, *rest: models.Label
    ) -> models.LabelAck:
        """A name, then labels (prefixItems and items, read as draft-07 reads them)."""
        raise NotImplementedError

    @override
    def on_ping(
        self, sid: str, *rest: Any
    ) -> tuple[models.PingAckArg1 | None, Unpack[tuple[models.PingAckRest, ...]]]:
        """Anything, any number (zod-sockets' rest-only list); the ack is "pong", then anything."""
        raise NotImplementedError

    @override
    def on_subscribe(self, sid: str, *rest: Any) -> None:
        """additionalItems without items is ignored by JSON Schema, so these are any values (a warning says so)."""
        raise NotImplementedError

    @override
    def on_tag(
        self, sid: str, arg1: models.TagPayloadArg1, *rest: models.TagPayloadRest
    ) -> models.TagAck:
        """A name, then any number of integers (draft-07 items and additionalItems)."""
        raise NotImplementedError

    @override
    def on_total(self, sid: str, *rest: models.TotalPayloadRest) -> models.TotalAck:
        """Any number of integers, each an argument (x-multiple-args true on a list)."""
        raise NotImplementedError


def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:
    """One handlers object per namespace (and the security hooks), as ``app.py`` registers them."""
    return [RootHandlers()]
