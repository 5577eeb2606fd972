"""Which server of the document the generated code is for, with its variables filled in.

Servers are taken in the order the document lists them: the first one, unless ``--server NAME``
picks another. ``{variable}`` placeholders in a 2.x ``url`` or a 3.x ``host`` / ``pathname``
take ``--server-var name=value`` or else the variable's ``default``; a value outside the
variable's ``enum`` and a placeholder with neither are errors."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from sio_codegen.diagnostics import Location, Report
from sio_codegen.model.nodes import unwrap

_PLACEHOLDER = re.compile(r"\{([^{}]{1,200})\}")


def fill_variables(
    template: str,
    server: Mapping[str, Any],
    overrides: Mapping[str, str],
    report: Report,
    where: Callable[[str], Location],
    pointer: str,
) -> str:
    """``template`` with every ``{name}`` replaced by its value; unknown placeholders and
    values outside ``enum`` are reported (at the server)."""
    declared = unwrap(server.get("variables"))
    variables = declared if isinstance(declared, dict) else {}

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        variable = unwrap(variables.get(name))
        variable = variable if isinstance(variable, dict) else {}
        chosen = overrides.get(name)
        if chosen is None:
            default = variable.get("default")
            if not isinstance(default, str):
                report.error(
                    f"server variable {name!r} has no default; pass --server-var {name}=VALUE",
                    where(pointer),
                )
                return match.group(0)
            chosen = default
        allowed = variable.get("enum")
        if isinstance(allowed, list) and allowed and chosen not in allowed:
            options = ", ".join(repr(str(a)) for a in allowed[:10])
            report.error(
                f"server variable {name!r} is {chosen!r}, not one of its enum ({options})",
                where(pointer),
            )
        return chosen

    return _PLACEHOLDER.sub(value, template)


def socketio_path(url: str) -> str:
    """The path of a 2.x server URL (``host/socket.io`` or ``wss://host/socket.io``)."""
    parsed = urlsplit(url if "://" in url else "//" + url)
    path = parsed.path.rstrip("/")
    return path or "/socket.io"


_HTTP_SCHEMES = {"ws": "http", "http": "http", "wss": "https", "https": "https"}


def origin(url: str, protocol: str) -> str:
    """The HTTP origin a client connects to (``http://host:port``), or "" when the URL and
    protocol do not say (another protocol, no host)."""
    parsed = urlsplit(url if "://" in url else "//" + url)
    scheme = _HTTP_SCHEMES.get((parsed.scheme or protocol).lower())
    try:
        host = parsed.hostname
        port = parsed.port
    except ValueError:  # a port that is no number
        return ""
    if scheme is None or not host or any(c in host for c in "{}"):
        return ""
    netloc = f"[{host}]" if ":" in host else host
    return f"{scheme}://{netloc}" + (f":{port}" if port is not None else "")
