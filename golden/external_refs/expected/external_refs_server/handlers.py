"""Handlers of Website Backend: yours to edit.

sio-codegen created this file once and never overwrites it. After a spec change, regenerate and
run ``mypy --strict``: it points at every method here that no longer fits the generated bases.
A method left as ``raise NotImplementedError`` answers clients with a ``not_implemented`` error
ack (hooks behave as the defaults) and is listed at start-up.
"""

from __future__ import annotations

from ._generated import models
from ._generated.runtime import NamespaceHandlers, SecurityHandlers, override
from ._generated.server import (
    CommentChangedNamespace,
    CommentLikedNamespace,
    LikeCommentNamespace,
    UpdateCommentLikesNamespace,
)


class CommentLikedHandlers(CommentLikedNamespace):
    """Namespace '/comment/liked'."""


class CommentChangedHandlers(CommentChangedNamespace):
    """Namespace '/comment/{commentId}/changed'.

    One namespace per value of its parameters: ``self.params(sid)`` are those of a
    connection; ``CommentChangedEmitter(self.socketio, self.params(sid))`` emits to its instance.
    """

    @override
    def on_comment_changed(self, sid: str, data: models.CommentChangedPayload) -> None:
        """Message that is being sent when a comment have been updated."""
        raise NotImplementedError


class LikeCommentHandlers(LikeCommentNamespace):
    """Namespace '/like/comment'."""

    @override
    def on_like_comment(self, sid: str, data: models.LikeCommentPayload) -> None:
        """Message that is being sent when someone wants to like a comment."""
        raise NotImplementedError


class UpdateCommentLikesHandlers(UpdateCommentLikesNamespace):
    """Namespace '/update/comment/likes'."""


def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:
    """One handlers object per namespace (and the security hooks), as ``app.py`` registers them."""
    return [
        CommentLikedHandlers(),
        CommentChangedHandlers(),
        LikeCommentHandlers(),
        UpdateCommentLikesHandlers(),
    ]
