"""AsyncAPI 2.x -> the model. A channel key is a namespace; ``publish`` is what the client sends
(the server receives it) and ``subscribe`` is what the server emits, as in Asynction and
SIO-AsyncAPI."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from sio_codegen.build import ApiBuilder, merge_patch, security_schemes, text, unwrap
from sio_codegen.model import Api, Direction, SecurityRequirement

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
    schemes = security_schemes(doc)
    builder.add_component_schemas(unwrap(doc.get("components")))
    server_security = _servers(builder, doc, schemes)
    for key, pointer, channel in builder.channels(doc):
        ns = builder.namespace(key, pointer, channel)
        for requirement in _requirements(channel.get("x-security"), schemes) or server_security:
            builder.add_security(ns, requirement)
        for op_key, direction in OPERATIONS:
            operation = unwrap(channel.get(op_key))
            if not isinstance(operation, dict) or "message" not in operation:
                continue
            op_pointer = f"{pointer}/{op_key}"
            for requirement in _requirements(operation.get("security"), schemes):
                builder.add_security(ns, requirement)
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
    return builder.finish(unwrap(doc.get("info")) or {}, schemes)


def _requirements(node: Any, schemes: dict[str, Any]) -> list[SecurityRequirement]:
    """2.x security requirements: a list of ``{scheme name: [scopes]}``."""
    result: list[SecurityRequirement] = []
    for requirement in unwrap(node) or []:
        if not isinstance(requirement, dict):
            continue
        for name, scopes in sorted(requirement.items()):
            scheme = schemes.get(name)
            if isinstance(scheme, dict):
                scope_list = tuple(s for s in (scopes or []) if isinstance(s, str))
                result.append(SecurityRequirement(name, dict(scheme), scope_list))
    return result


def _servers(builder: ApiBuilder, doc: dict[str, Any], schemes: dict[str, Any]) -> list[Any]:
    servers = unwrap(doc.get("servers")) or {}
    security: list[SecurityRequirement] = []
    for name in sorted(servers) if isinstance(servers, dict) else []:
        server = unwrap(servers[name])
        if not isinstance(server, dict):
            continue
        url, protocol = text(server, "url"), text(server, "protocol")
        builder.add_server(name, url, protocol, socketio_path(url))
        for requirement in _requirements(server.get("security"), schemes):
            if requirement not in security:
                security.append(requirement)
    return security
