"""AsyncAPI 2.x -> the model. A channel key is a namespace; ``publish`` is what the client sends
(the server receives it) and ``subscribe`` is what the server emits, as in Asynction and
SIO-AsyncAPI."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sio_codegen import pointer as jp
from sio_codegen.model.api import Api, Direction
from sio_codegen.model.builder import ApiBuilder
from sio_codegen.model.nodes import merge_patch, security_schemes, text, unwrap
from sio_codegen.model.security import SecurityReader, combine, merge
from sio_codegen.model.servers import socketio_path

OPERATIONS: tuple[tuple[str, Direction], ...] = (("publish", "client"), ("subscribe", "server"))


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
    chosen = builder.read_servers(doc, _address)
    server_security = None
    if chosen is not None and builder.chosen is not None:
        where = jp.join(["servers", builder.chosen.name, "security"])
        server_security = reader.alternatives(chosen.get("security"), where)
    for key, pointer, channel in builder.channels(doc):
        ns, event_name = builder.channel(key, pointer, channel)
        operations_security = []
        for op_key, direction in OPERATIONS:
            operation = unwrap(channel.get(op_key))
            if not isinstance(operation, dict) or "message" not in operation:
                continue
            op_pointer = f"{pointer}/{op_key}"
            operations_security.append(
                reader.alternatives(operation.get("security"), f"{op_pointer}/security")
            )
            message = operation["message"]
            inner = unwrap(message)
            if isinstance(inner, dict) and isinstance(inner.get("oneOf"), list):
                items = [
                    (m, f"{op_pointer}/message/oneOf/{i}") for i, m in enumerate(inner["oneOf"])
                ]
            else:
                items = [(message, f"{op_pointer}/message")]
            for item, item_pointer in items:
                builder.add_message(
                    ns,
                    direction,
                    item,
                    apply_traits(item),
                    pointer=item_pointer,
                    event_name=event_name,
                )
        own = reader.alternatives(channel.get("x-security"), f"{pointer}/x-security")
        builder.set_security(ns, combine(own, merge(operations_security), server_security))
    return builder.finish(unwrap(doc.get("info")) or {}, reader.used)


def _address(server: dict[str, Any], fill: Callable[[str], str]) -> tuple[str, str, str]:
    url = fill(text(server, "url"))
    return url, text(server, "protocol"), socketio_path(url)
