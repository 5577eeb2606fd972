from __future__ import annotations

from ._generated import models
from ._generated.runtime import NamespaceHandlers
from ._generated.server import RootNamespace


class RootHandlers(RootNamespace):
    def on_echo(self, sid: str, data: models.EchoPayload) -> models.EchoAck:
        return models.EchoAck(id=data.id, length=len(data.text))


def all_handlers() -> list[NamespaceHandlers]:
    return [RootHandlers()]
