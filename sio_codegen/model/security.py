"""Security requirements of AsyncAPI 2.x and 3.x, read into alternatives of requirements.

2.x: a requirement list is ``[{scheme name: [scopes]}, ...]``: every entry is an alternative and
the schemes of one entry must all hold. 3.x: a list of Security Scheme objects (references to
``components.securitySchemes``), each one an alternative, its ``scopes`` the required ones.
Asynction's channel-level ``x-security`` (either form) overrides everything else for its
namespace; then the operations' security; then the servers'.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from sio_codegen import pointer as jp
from sio_codegen.diagnostics import Location, Report
from sio_codegen.load.refs import is_ref, ref_target
from sio_codegen.model import naming
from sio_codegen.model.api import Alternative, Api, Namespace, SecurityRequirement, SecurityScheme
from sio_codegen.model.nodes import text, unwrap


def scheme_from(name: str, node: dict[str, Any], pointer: str = "") -> SecurityScheme:
    return SecurityScheme(
        name=name,
        identifier=naming.safe_identifier(naming.snake(name) or "scheme", prefix="scheme"),
        type=text(node, "type"),
        http_scheme=text(node, "scheme"),
        bearer_format=text(node, "bearerFormat"),
        location=text(node, "in"),
        param_name=text(node, "name"),
        description=text(node, "description"),
        pointer=pointer or jp.join(["components", "securitySchemes", name]),
    )


class SecurityReader:
    """Reads requirement lists of either version; collects the schemes they name."""

    def __init__(self, components_schemes: dict[str, Any]) -> None:
        self.available = components_schemes
        self.used: dict[str, SecurityScheme] = {}

    def alternatives(self, node: Any, pointer: str = "") -> tuple[Alternative, ...] | None:
        """None when ``node`` is absent; ``()`` for an explicit empty list (no security).
        ``pointer``: where ``node`` is, to locate a 3.x scheme written inline."""
        items = unwrap(node)
        if not isinstance(items, list):
            return None
        result: list[Alternative] = []
        for index, item in enumerate(items):
            alternative = self._alternative(item, jp.child(pointer, index) if pointer else "")
            if alternative is not None and alternative not in result:
                result.append(alternative)
        return tuple(result)

    def _alternative(self, item: Any, pointer: str) -> Alternative | None:
        inner = unwrap(item)
        if not isinstance(inner, dict):
            return None
        if is_ref(item) or "type" in inner:  # 3.x: a Security Scheme object
            name = ref_target(item).rsplit("/", 1)[-1] if is_ref(item) else text(inner, "type")
            self._use(name, inner, "" if is_ref(item) else pointer)
            return (SecurityRequirement(name, _scopes(inner.get("scopes"))),)
        requirements = []  # 2.x: {scheme name: [scopes]}, all of them required
        for name, scopes in sorted(inner.items()):
            scheme = self.available.get(name)
            if isinstance(scheme, dict):
                self._use(name, scheme)
                requirements.append(SecurityRequirement(name, _scopes(scopes)))
        return tuple(requirements) or None

    def _use(self, name: str, node: dict[str, Any], pointer: str = "") -> None:
        self.used.setdefault(name, scheme_from(name, node, pointer))


def _scopes(node: Any) -> tuple[str, ...]:
    items = unwrap(node)
    return tuple(s for s in items if isinstance(s, str)) if isinstance(items, list) else ()


def combine(*sources: tuple[Alternative, ...] | None) -> tuple[Alternative, ...]:
    """The first source that says anything (an explicit empty list says: no security)."""
    for source in sources:
        if source is not None:
            return source
    return ()


def merge(lists: list[tuple[Alternative, ...] | None]) -> tuple[Alternative, ...] | None:
    """Several operations' requirements for one namespace: any of their alternatives."""
    present = [items for items in lists if items is not None]
    if not present:
        return None
    merged: list[Alternative] = []
    for items in present:
        merged.extend(a for a in items if a not in merged)
    return tuple(merged)


def check_enforceable(
    api_namespaces: tuple[Namespace, ...],
    schemes: dict[str, SecurityScheme],
    report: Report,
    locate: Callable[[str], Location],
    *,
    allow_unenforced: bool,
) -> None:
    """A scheme sio-codegen cannot enforce is an error, unless the user opts out."""
    for ns in api_namespaces:
        names = sorted({r.scheme for alt in ns.security for r in alt if not schemes[r.scheme].kind})
        for name in names:
            scheme = schemes[name]
            what = scheme.type + (f" {scheme.http_scheme}" if scheme.http_scheme else "")
            where_in = f" in {scheme.location}" if scheme.location else ""
            message = (
                f"namespace {ns.name!r} requires security scheme {name!r} ({what}{where_in}), "
                f"which a Socket.IO server cannot enforce{_why(scheme)} (supported: http "
                "basic/bearer, httpApiKey/apiKey in query, header or cookie, oauth2, "
                "openIdConnect, userPassword)"
            )
            where = locate(scheme.pointer)
            if allow_unenforced:
                report.warning(message + "; --allow-unenforced-security: not enforced", where)
            else:
                report.error(message + "; pass --allow-unenforced-security to generate anyway",
                             where)  # fmt: skip


SASL = frozenset({"plain", "scramSha256", "scramSha512", "gssapi"})


def _why(scheme: SecurityScheme) -> str:
    """Why a scheme of a known kind cannot hold on a Socket.IO connection."""
    if scheme.type == "X509":
        return (": an X509 client certificate is checked where TLS ends, before any Socket.IO "
                "packet (require it at your TLS terminator)")  # fmt: skip
    if scheme.type in SASL:
        return (": SASL is a broker's (Kafka, AMQP) login exchange, not part of a Socket.IO "
                "handshake")  # fmt: skip
    return ""


def enforceable(
    api: Api, report: Report, locate: Callable[[str], Location], *, allow_unenforced: bool
) -> Api:
    """The Api with only requirements a server can enforce; an unenforceable one is an error
    unless ``allow_unenforced`` (then it is dropped, with a warning)."""
    check_enforceable(
        api.namespaces, api.security_schemes, report, locate, allow_unenforced=allow_unenforced
    )
    report.raise_if_errors()
    schemes = api.security_schemes
    namespaces = []
    for ns in api.namespaces:
        kept: list[Alternative] = []
        for alternative in ns.security:
            reduced = tuple(r for r in alternative if schemes[r.scheme].kind)
            if reduced and reduced not in kept:
                kept.append(reduced)
        namespaces.append(dataclasses.replace(ns, security=tuple(kept)))
    used = {r.scheme for ns in namespaces for alt in ns.security for r in alt}
    return dataclasses.replace(
        api,
        namespaces=tuple(namespaces),
        security_schemes={k: v for k, v in schemes.items() if k in used},
    )
