"""Local ``$ref`` pointers that forgot RFC 6901's escaping of ``/`` inside a key.

Some generators (Fern, for Deepgram's public AsyncAPI document) name components with keys that
contain ``/`` (``subpackage_speak/v2.speak.v2-server-6-SpeakV2Warning``) and refer to them as
``#/components/messages/subpackage_speak/v2.speak...`` instead of ``.../subpackage_speak~1v2...``.
Where the pointer as written resolves to nothing and exactly one reading of its ``/``s as part of
a key does, the reference is rewritten to that escaped pointer, with a warning naming the fix.
Anything else (a pointer that resolves, none or several literal readings) is left for the
resolver to accept or report."""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from sio_codegen import pointer as jp
from sio_codegen.diagnostics import Report
from sio_codegen.load.source import SourceFile

_MAX_READINGS = 2  # two readings already make a pointer ambiguous


def repair_local_refs(source: SourceFile, report: Report) -> None:
    """Rewrite, in ``source.data``, every local ``$ref`` whose only meaning is the literal one."""
    stack: list[tuple[Any, str]] = [(source.data, "")]
    while stack:
        node, where = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/"):
                fixed = _escaped(source.data, ref)
                if fixed is not None:
                    node["$ref"] = fixed
                    report.warning(
                        f"$ref {ref!r} does not escape '/' inside a key (RFC 6901: '~1'); "
                        f"read as {fixed!r}: write that",
                        source.location(jp.child(where, "$ref")),
                    )
            stack.extend((v, jp.child(where, k)) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, jp.child(where, i)) for i, v in enumerate(node))


def _escaped(document: Any, ref: str) -> str | None:
    """The escaped pointer ``ref`` must mean, or None when it resolves as written or has no
    single literal reading."""
    raw = unquote(ref[1:]).split("/")[1:]
    tokens = [jp.unescape(t) for t in raw]
    if _resolves(document, tokens):
        return None
    readings: list[list[str]] = []
    seen: set[tuple[int, int]] = set()

    def walk(node: Any, start: int, keys: list[str]) -> None:
        if len(readings) >= _MAX_READINGS or (id(node), start) in seen:
            return
        seen.add((id(node), start))  # bounds the search to len(tokens)**2 steps per node
        if start == len(tokens):
            readings.append(keys)
            return
        if isinstance(node, list):
            token = tokens[start]
            if token.isdigit() and int(token) < len(node):
                walk(node[int(token)], start + 1, [*keys, token])
            return
        if not isinstance(node, dict):
            return
        for end in range(start + 1, len(tokens) + 1):
            key = "/".join(tokens[start:end])
            if key in node:
                walk(node[key], end, [*keys, key])

    walk(document, 0, [])
    if len(readings) != 1:
        return None
    return "#" + jp.join(readings[0])


def _resolves(document: Any, tokens: list[str]) -> bool:
    node = document
    for token in tokens:
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return False
    return True
