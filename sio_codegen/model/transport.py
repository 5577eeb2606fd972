"""What belongs to the transport, not to the application, in a ws binding.

Engine.IO adds its own query parameters to every request (``EIO``, ``transport``, ``sid``,
``t``, and the legacy ``j`` / ``b64``) and a websocket upgrade carries hop-by-hop headers
(``Connection: Upgrade``, ``Upgrade: websocket``, ``Sec-WebSocket-*``) that a polling request
does not. Documents that declare them (zod-sockets' exports do, with ``EIO`` and ``transport``
required) describe the transport; requiring them of the application would refuse every client.
They are left out of the typed binding, with a warning."""

from __future__ import annotations

from typing import Any

from sio_codegen.load.refs import is_ref

ENGINEIO_QUERY = frozenset({"EIO", "transport", "sid", "t", "j", "b64"})
UPGRADE_HEADERS = frozenset(
    {
        "connection",
        "upgrade",
        "sec-websocket-key",
        "sec-websocket-version",
        "sec-websocket-extensions",
        "sec-websocket-accept",
    }
)


def _is_transport(key: str, name: str) -> bool:
    return name in ENGINEIO_QUERY if key == "query" else name.lower() in UPGRADE_HEADERS


def without_transport(node: Any, key: str) -> tuple[Any, list[str]]:
    """``node`` (a ``query`` or ``headers`` binding schema) without the transport's own
    properties, and their names; ``node`` itself when it declares none."""
    schema = node.__subject__ if is_ref(node) else node
    if not isinstance(schema, dict):
        return node, []
    properties: Any = schema.get("properties")
    properties = properties.__subject__ if is_ref(properties) else properties
    if not isinstance(properties, dict):
        return node, []
    dropped = sorted(name for name in properties if _is_transport(key, name))
    if not dropped:
        return node, []
    copy = dict(schema)
    copy["properties"] = {k: v for k, v in properties.items() if k not in dropped}
    required = schema.get("required")
    if isinstance(required, list):
        copy["required"] = [r for r in required if r not in dropped]
        if not copy["required"]:
            del copy["required"]
    return copy, dropped
