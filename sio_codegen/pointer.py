"""JSON pointers (RFC 6901): building, escaping, splitting."""

from __future__ import annotations

from collections.abc import Iterable


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


def join(parts: Iterable[str | int]) -> str:
    return "".join("/" + escape(str(p)) for p in parts)


def child(pointer: str, token: str | int) -> str:
    return pointer + "/" + escape(str(token))


def split(pointer: str) -> list[str]:
    if not pointer or pointer == "/":
        return [] if not pointer else [""]
    return [unescape(p) for p in pointer.lstrip("/").split("/")]
