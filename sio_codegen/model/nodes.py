"""Small readers of resolved document nodes that both loaders use."""

from __future__ import annotations

from typing import Any

from sio_codegen.load.refs import is_ref


def namespace_name(channel: str) -> str:
    """A channel key or address as a Socket.IO namespace: always with a leading ``/``."""
    return channel if channel.startswith("/") else "/" + channel


def unwrap(node: Any) -> Any:
    return node.__subject__ if is_ref(node) else node


def text(node: Any, key: str) -> str:
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, str) else ""


def security_schemes(doc: dict[str, Any]) -> dict[str, Any]:
    """``components.securitySchemes`` by name (the same place in 2.x and 3.x)."""
    components = unwrap(doc.get("components")) or {}
    schemes = unwrap(components.get("securitySchemes")) if isinstance(components, dict) else None
    return {k: unwrap(v) for k, v in schemes.items()} if isinstance(schemes, dict) else {}


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386 JSON Merge Patch; untouched values (and their reference proxies) are kept."""
    if not isinstance(patch, dict) or is_ref(patch):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result
