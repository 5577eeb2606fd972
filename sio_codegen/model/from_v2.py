"""AsyncAPI 2.x -> the model. A channel key is a namespace; ``publish`` is what the client sends
(the server receives it) and ``subscribe`` is what the server emits, as in Asynction and
SIO-AsyncAPI."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from sio_codegen.model.api import Alternative, Api, Direction
from sio_codegen.model.builder import ApiBuilder
from sio_codegen.model.nodes import merge_patch, security_schemes, text, unwrap
from sio_codegen.model.security import SecurityReader, combine, merge

OPERATIONS: tuple[tuple[str, Direction], ...] = (("publish", "client"), ("subscribe", "server"))


def socketio_path(url: str) -> str:
    """The path of a 2.x server URL (``host/socket.io`` or ``wss://host/socket.io``)."""
    parsed = urlsplit(url if "://" in url else "//" + url)
    path = parsed.path.rstrip("/")
    return path or "/socket.io"


def apply_traits(message: Any) -> Any:
    """2.x: traits are merge-patched onto the message, in order (a trait's value wins)."""
    inner = unwrap(message)
    traits = inner.get("traits") if isinstance(inner, dict) else None
    if not isinstance(traits, list) or not traits:
        return inner
    result: Any = {k: v for k, v in inner.items() if k != "traits"}
    for trait in traits:
        result = merge_patch(result, unwrap(trait))
    return result


def load_v2(builder: ApiBuilder, doc: dict[str, Any]) -> Api:
    reader = SecurityReader(security_schemes(doc))
    builder.add_component_schemas(unwrap(doc.get("components")))
    server_security = _servers(builder, doc, reader)
    for key, pointer, channel in builder.channels(doc):
        ns = builder.namespace(key, pointer, channel)
        operations_security = []
        for op_key, direction in OPERATIONS:
            operation = unwrap(channel.get(op_key))
            if not isinstance(operation, dict) or "message" not in operation:
                continue
            op_pointer = f"{pointer}/{op_key}"
            operations_security.append(reader.alternatives(operation.get("security")))
            message = operation["message"]
            inner = unwrap(message)
            if isinstance(inner, dict) and isinstance(inner.get("oneOf"), list):
                items = [
                    (m, f"{op_pointer}/message/oneOf/{i}") for i, m in enumerate(inner["oneOf"])
                ]
            else:
                items = [(message, f"{op_pointer}/message")]
            for item, item_pointer in items:
                builder.add_message(ns, direction, item, apply_traits(item), pointer=item_pointer)
        own = reader.alternatives(channel.get("x-security"))
        builder.set_security(ns, combine(own, merge(operations_security), server_security))
    return builder.finish(unwrap(doc.get("info")) or {}, reader.used)


def _servers(
    builder: ApiBuilder, doc: dict[str, Any], reader: SecurityReader
) -> tuple[Alternative, ...] | None:
    security = []
    for name, server in builder.server_entries(doc):
        url, protocol = text(server, "url"), text(server, "protocol")
        builder.add_server(name, url, protocol, socketio_path(url))
        security.append(reader.alternatives(server.get("security")))
    return merge(security)
