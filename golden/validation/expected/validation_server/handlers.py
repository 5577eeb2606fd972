"""Handlers of Validation features: yours to edit.

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
    def on_move(
        self,
        sid: str,
        arg1: models.MovePayloadArg1,
        arg2: models.MovePayloadArg2,
        arg3: models.MovePayloadArg3 | None = None,
    ) -> models.MoveAck:
        """Two arguments (Asynction's tuple form), a third one optional."""
        raise NotImplementedError

    @override
    def on_pair(self, sid: str, arg1: models.PairPayloadArg1, arg2: models.Result) -> None:
        """zod-sockets' argument list (prefixItems, no more arguments)."""
        raise NotImplementedError

    @override
    def on_point(
        self, sid: str, data: models.PointPayload
    ) -> tuple[models.PointAckArg1, models.PointAckArg2]:
        """One argument that is a tuple (x-multiple-args false)."""
        raise NotImplementedError

    @override
    def on_segment(self, sid: str, data: models.SegmentPayload) -> models.SegmentAck:
        """One argument that is a tuple of exactly two numbers, an optional label (x-multiple-args false)."""
        raise NotImplementedError

    @override
    def on_update_profile(self, sid: str, data: models.Profile) -> models.Result:
        """Undeclared properties are kept; nickname may be null, email may be absent but never null."""
        raise NotImplementedError

    @override
    def on_upload(self, sid: str, data: models.UploadPayload) -> models.UploadAck:
        """Binary data (format binary, contentEncoding binary) is bytes, sent as Socket.IO attachments."""
        raise NotImplementedError


def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:
    """One handlers object per namespace (and the security hooks), as ``app.py`` registers them."""
    return [RootHandlers()]
