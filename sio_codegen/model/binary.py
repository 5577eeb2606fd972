"""Binary data: which schemas describe it, and how the runtimes' validator is told.

A Socket.IO event can carry binary attachments (python-socketio sends ``bytes`` values as such,
top-level or nested in lists and dicts; Node's socket.io-client sends Buffers). A schema stands
for binary data when it is ``type: string`` with ``format: binary`` (AsyncAPI's data type
``binary``, "any sequence of octets", as in OpenAPI 3.0) or ``contentEncoding: binary`` (JSON
Schema's RFC 2045 encoding for unencoded octets, which JSON text cannot carry; ``base64`` and the
other encodings stay text). ``contentMediaType`` alone describes what a string holds and leaves it
text; beside a binary schema it is an annotation of what the bytes are.

A JSON Schema validator cannot see bytes. The runtimes validate a JSON view of the data in which
each bytes value is a placeholder (an object under a per-process random key, never sent, so a
client cannot forge it) and every binary schema is the ``x-sio-binary`` keyword, which accepts the
placeholder only (its ``minLength`` / ``maxLength`` count bytes): a string where binary is required
is invalid, and bytes where a string (or a number, ...) is required are invalid too.
"""

from __future__ import annotations

from typing import Any

KEYWORD = "x-sio-binary"
"""The keyword of schemas.json that the runtimes implement (templates/common)."""


def _types(node: dict[str, Any]) -> list[Any]:
    declared = node.get("type")
    return declared if isinstance(declared, list) else [declared]


def is_binary(node: Any) -> bool:
    """``type: string`` (alone or among others) with ``format: binary`` or
    ``contentEncoding: binary``."""
    return (
        isinstance(node, dict)
        and "string" in _types(node)
        and (node.get("format") == "binary" or node.get("contentEncoding") == "binary")
    )


def binary_keyword(node: dict[str, Any]) -> dict[str, Any]:
    """A binary schema as the runtimes' validator reads it: the placeholder, its size bounded by
    ``minLength`` / ``maxLength``; other types the schema allows beside ``string`` (``[string,
    null]``) stay allowed."""
    limits = {k: node[k] for k in ("minLength", "maxLength") if isinstance(node.get(k), int)}
    binary = {KEYWORD: limits}
    others = [t for t in _types(node) if t != "string"]
    if not others:
        return binary
    rest = {k: v for k, v in node.items() if k not in ("format", "contentEncoding")}
    return {"anyOf": [binary, {**rest, "type": others}]}
