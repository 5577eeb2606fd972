"""AsyncAPI 3.x -> the model. A channel's ``address`` is the namespace (the channel key when the
address is null); an operation with ``action: receive`` is what the client sends, ``send`` is what
the server emits; an operation's ``reply`` is the ack."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sio_codegen import pointer as jp
from sio_codegen.model.api import Alternative, Api, Direction
from sio_codegen.model.builder import ApiBuilder
from sio_codegen.model.nodes import merge_patch, security_schemes, text, unwrap
from sio_codegen.model.security import SecurityReader, combine, merge

ACTIONS: dict[str, Direction] = {"receive": "client", "send": "server"}


def apply_traits(message: Any) -> Any:
    """3.x: traits are merged in order, and the message's own values take precedence."""
    inner = unwrap(message)
    traits = inner.get("traits") if isinstance(inner, dict) else None
    if not isinstance(traits, list) or not traits:
        return inner
    merged: Any = {}
    for trait in traits:
        merged = merge_patch(merged, unwrap(trait))
    return merge_patch(merged, {k: v for k, v in inner.items() if k != "traits"})


def load_v3(builder: ApiBuilder, doc: dict[str, Any]) -> Api:
    reader = SecurityReader(security_schemes(doc))
    builder.add_component_schemas(unwrap(doc.get("components")))
    chosen = builder.read_servers(doc, _address)
    server_security = None
    if chosen is not None and builder.chosen is not None:
        where = jp.join(["servers", builder.chosen.name, "security"])
        server_security = reader.alternatives(chosen.get("security"), where)
    by_identity: dict[int, Any] = {}
    event_names: dict[int, str | None] = {}
    channel_security: dict[int, tuple[Alternative, ...] | None] = {}
    operations_security: dict[int, list[tuple[Alternative, ...] | None]] = {}
    for key, pointer, channel in builder.channels(doc):
        address = channel.get("address")
        ns, event_names[id(channel)] = builder.channel(
            address if isinstance(address, str) else key, pointer, channel
        )
        by_identity[id(channel)] = ns
        channel_security[id(channel)] = reader.alternatives(
            channel.get("x-security"), jp.child(pointer, "x-security")
        )
        operations_security[id(channel)] = []

    operations = unwrap(doc.get("operations")) or {}
    for op_key in sorted(operations):
        operation = unwrap(operations[op_key])
        op_pointer = jp.join(["operations", op_key])
        if not isinstance(operation, dict):
            continue
        channel = unwrap(operation.get("channel"))
        found = by_identity.get(id(channel))
        direction = ACTIONS.get(str(operation.get("action")))
        if found is None or direction is None:
            builder.report.error(
                "operation needs a channel of this document and an action (send or receive)",
                builder.at(op_pointer),
            )
            continue
        operations_security[id(channel)].append(
            reader.alternatives(operation.get("security"), jp.child(op_pointer, "security"))
        )
        replies = _reply_messages(operation)
        for key, node, pointer in _operation_messages(operation, channel, op_pointer):
            builder.add_message(
                found,
                direction,
                _named_node(node, channel),
                apply_traits(node),
                pointer=pointer,
                key=key,
                reply_messages=replies,
                event_name=event_names[id(channel)],
            )
    for identity, ns in by_identity.items():
        own, ops = channel_security[identity], merge(operations_security[identity])
        builder.set_security(ns, combine(own, ops, server_security))
    return builder.finish(unwrap(doc.get("info")) or {}, reader.used)


def _operation_messages(
    operation: dict[str, Any], channel: dict[str, Any], op_pointer: str
) -> list[tuple[str, Any, str]]:
    """The operation's messages (references into the channel), or else all of the channel's."""
    channel_messages = unwrap(channel.get("messages")) or {}
    keys = {id(unwrap(v)): k for k, v in channel_messages.items()}
    listed = unwrap(operation.get("messages"))
    if isinstance(listed, list):
        return [
            (keys.get(id(unwrap(m)), ""), m, f"{op_pointer}/messages/{i}")
            for i, m in enumerate(listed)
        ]
    return [
        (k, channel_messages[k], f"{op_pointer}/channel/messages/{jp.escape(k)}")
        for k in sorted(channel_messages)
    ]


def _named_node(node: Any, channel: dict[str, Any]) -> Any:
    """The node that names a message's models: the channel's entry for it, which is usually a
    reference to ``#/components/messages/<Name>``."""
    channel_messages = unwrap(channel.get("messages")) or {}
    for value in channel_messages.values():
        if unwrap(value) is unwrap(node):
            return value
    return node


def _reply_messages(operation: dict[str, Any]) -> list[Any]:
    reply = unwrap(operation.get("reply"))
    if not isinstance(reply, dict):
        return []
    listed = unwrap(reply.get("messages"))
    if isinstance(listed, list) and listed:
        return [_resolved_reply(m, reply) for m in listed]
    channel = unwrap(reply.get("channel"))
    if isinstance(channel, dict):
        messages = unwrap(channel.get("messages")) or {}
        return [messages[k] for k in sorted(messages)]
    return []


def _resolved_reply(message: Any, reply: dict[str, Any]) -> Any:
    channel = unwrap(reply.get("channel"))
    return _named_node(message, channel) if isinstance(channel, dict) else message


def _address(server: dict[str, Any], fill: Callable[[str], str]) -> tuple[str, str, str]:
    host, pathname = fill(text(server, "host")), fill(text(server, "pathname"))
    protocol = text(server, "protocol")
    # A host that carries its own scheme (seen in the wild) keeps it.
    url = f"{protocol}://{host}{pathname}" if protocol and "://" not in host else host + pathname
    return url, protocol, pathname.rstrip("/")
