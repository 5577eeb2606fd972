"""What a running Socket.IO app registered: namespaces, event handlers, connect / disconnect /
error handlers, read from a Flask-SocketIO ``SocketIO`` (or the Flask app it extends), or a
python-socketio ``Server`` / ``AsyncServer`` (or an ``ASGIApp`` / ``WSGIApp`` around one).

Importing the app runs its module: ``init --from-app`` is asked to.
"""

from __future__ import annotations

import importlib
import inspect
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

HOOK_EVENTS = {"connect": "connect", "disconnect": "disconnect", "connect_error": "error"}


class AppError(Exception):
    """The app cannot be found or read; the message says why."""


@dataclass
class Handler:
    event: str
    function: Callable[..., Any]
    """The original function (or bound method), unwrapped from Flask-SocketIO's wrapper."""
    takes_sid: bool
    """python-socketio's convention: the sid comes first (Flask-SocketIO's does not pass it)."""


@dataclass
class NamespaceHandlers:
    name: str
    events: list[Handler] = field(default_factory=list)
    hooks: dict[str, Handler] = field(default_factory=dict)
    """``connect``, ``disconnect``, ``error``."""


def import_app(target: str) -> Any:
    """The object ``MODULE:ATTR`` names (ATTR may be dotted), the current folder importable."""
    module_name, sep, attribute = target.partition(":")
    if not sep or not module_name or not attribute:
        raise AppError("expected MODULE:ATTR, e.g. app:socketio")
    if "" not in sys.path and "." not in sys.path:
        sys.path.insert(0, "")
    try:
        found: Any = importlib.import_module(module_name)
    except ImportError as exc:
        raise AppError(f"cannot import {module_name!r}: {exc}") from None
    except Exception as exc:  # the user's module failed: say how, briefly
        raise AppError(f"importing {module_name!r} failed: {exc!r}") from None
    for part in attribute.split("."):
        try:
            found = getattr(found, part)
        except AttributeError:
            raise AppError(f"{module_name!r} has no attribute {attribute!r}") from None
    return found


def read_app(app: Any) -> list[NamespaceHandlers]:
    """Every namespace the app handles, with its handlers, namespaces and events sorted."""
    flask_sio, server = _servers(app)
    namespaces: dict[str, NamespaceHandlers] = {}

    def ns(name: str) -> NamespaceHandlers:
        return namespaces.setdefault(name, NamespaceHandlers(name))

    takes_sid = flask_sio is None
    registered: list[tuple[str, str, Callable[..., Any]]] = []
    if server is not None:
        for name, events in getattr(server, "handlers", {}).items():
            registered += [(name, event, function) for event, function in events.items()]
    elif flask_sio is not None:  # handlers waiting for init_app
        registered += [(n or "/", m, f) for m, f, n in getattr(flask_sio, "handlers", [])]
    for name, event, function in registered:
        if name == "*" or event == "*":
            continue  # catch-all handlers name no event
        _add(ns(name), event, inspect.unwrap(function), takes_sid)
    instances: list[Any] = []
    if server is not None:
        instances += list(getattr(server, "namespace_handlers", {}).values())
    elif flask_sio is not None:
        instances += list(getattr(flask_sio, "namespace_handlers", []))
    for instance in instances:
        name = getattr(instance, "namespace", None) or "/"
        flask_style = _is_flask_namespace(instance)
        for attribute in sorted(dir(type(instance))):
            if attribute.startswith("on_") and callable(getattr(instance, attribute, None)):
                _add(ns(name), attribute[3:], getattr(instance, attribute), not flask_style)
    if flask_sio is not None:
        for name, function in getattr(flask_sio, "exception_handlers", {}).items():
            ns(name or "/").hooks["error"] = Handler("error", inspect.unwrap(function), False)
    for item in namespaces.values():
        item.events.sort(key=lambda h: h.event)
    return [namespaces[name] for name in sorted(namespaces)]


def _add(namespace: NamespaceHandlers, event: str, function: Any, takes_sid: bool) -> None:
    hook = HOOK_EVENTS.get(event)
    handler = Handler(event, function, takes_sid)
    if hook is not None:
        namespace.hooks[hook] = handler
    elif event not in {h.event for h in namespace.events}:
        namespace.events.append(handler)


def _is_flask_namespace(instance: Any) -> bool:
    return any(c.__module__.startswith("flask_socketio") for c in type(instance).__mro__)


def _servers(app: Any) -> tuple[Any, Any]:
    """(the Flask-SocketIO ``SocketIO`` or None, the python-socketio server or None)."""
    extensions = getattr(app, "extensions", None)
    if isinstance(extensions, dict) and "socketio" in extensions:
        app = extensions["socketio"]  # a Flask app with Flask-SocketIO
    kind = type(app).__module__
    if kind.startswith("flask_socketio"):
        return app, getattr(app, "server", None)
    wrapped = getattr(app, "engineio_server", None)  # socketio.ASGIApp / WSGIApp
    if wrapped is not None and hasattr(wrapped, "namespace_handlers"):
        app = wrapped
    if hasattr(app, "handlers") and hasattr(app, "namespace_handlers"):
        return None, app
    raise AppError(
        f"{type(app).__name__} is no Flask-SocketIO SocketIO, Flask app with Flask-SocketIO, "
        "python-socketio Server / AsyncServer, or ASGIApp / WSGIApp around one"
    )
