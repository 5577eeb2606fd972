"""What a running Socket.IO app registered: namespaces, event handlers, connect / disconnect /
error handlers, read from a Flask-SocketIO ``SocketIO`` (or the Flask app it extends), or a
python-socketio ``Server`` / ``AsyncServer`` (or an ``ASGIApp`` / ``WSGIApp`` around one); and
the server-to-client events an SIO-AsyncAPI ``AsyncAPISocketIO`` declares with ``doc_emit``
(its ``emit_models``), the only emits a registration shows.

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
    wrapped_by: str = ""
    """The library whose wrapper the app registered instead of the function (SIO-AsyncAPI's
    ``on``: what the module's name holds is its wrapper, which changes what the function
    returns), "" for none: no dotted path leads back to the function alone."""
    uses_server: str = ""
    """The global name through which the function reaches the app's own python-socketio
    server (``sio.emit``...), "" for none: under the generated server, no client is there."""
    payload_model: Any = None
    ack_model: Any = None
    """Models the wrapper was given (SIO-AsyncAPI's ``request_model`` / ``response_model``)."""


@dataclass
class Emit:
    """A server-to-client event the app declares (SIO-AsyncAPI's ``doc_emit``)."""

    event: str
    model: Any


@dataclass
class NamespaceHandlers:
    name: str
    events: list[Handler] = field(default_factory=list)
    hooks: dict[str, Handler] = field(default_factory=dict)
    """``connect``, ``disconnect``, ``error``."""
    emits: list[Emit] = field(default_factory=list)


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
        _add(ns(name), event, function, takes_sid, server if flask_sio is None else None)
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
    emit_models = getattr(flask_sio, "emit_models", None)
    if isinstance(emit_models, dict):  # SIO-AsyncAPI: {(event, namespace): model}
        for key, model in emit_models.items():
            if isinstance(key, tuple) and len(key) == 2 and all(isinstance(k, str) for k in key):
                ns(key[1] or "/").emits.append(Emit(key[0], model))
    for item in namespaces.values():
        item.events.sort(key=lambda h: h.event)
        item.emits.sort(key=lambda e: e.event)
    return [namespaces[name] for name in sorted(namespaces)]


def _add(
    namespace: NamespaceHandlers,
    event: str,
    function: Any,
    takes_sid: bool,
    own_server: Any = None,
) -> None:
    hook = HOOK_EVENTS.get(event)
    function = inspect.unwrap(function)  # Flask-SocketIO's wrapper keeps __wrapped__
    handler = _sio_asyncapi_handler(event, function) or Handler(event, function, takes_sid)
    if own_server is not None:
        handler.uses_server = _global_naming(function, own_server)
    if hook is not None:
        namespace.hooks[hook] = handler
    elif event not in {h.event for h in namespace.events}:
        namespace.events.append(handler)


def _global_naming(function: Any, target: Any) -> str:
    """The global name the function's code reads that holds ``target`` (or an app around it)."""
    code, names = getattr(function, "__code__", None), getattr(function, "__globals__", {})
    for name in code.co_names if code is not None else ():
        value = names.get(name)
        if value is not None and target in (value, getattr(value, "engineio_app", None),
                                              getattr(value, "engineio_server", None)):  # fmt: skip
            return str(name)
    return ""


def _sio_asyncapi_handler(event: str, function: Any) -> Handler | None:
    """The function an SIO-AsyncAPI ``on`` wrapper calls, with the models it was given (its
    wrapper keeps them in its closure, with no ``__wrapped__``), or None for another one."""
    code = getattr(function, "__code__", None)
    if code is None or not getattr(function, "__module__", "").startswith("sio_asyncapi"):
        return None
    cells = dict(zip(code.co_freevars, function.__closure__ or (), strict=False))
    try:
        original = cells["handler"].cell_contents
        payload, ack = cells["request_model"].cell_contents, cells["response_model"].cell_contents
    except (KeyError, ValueError):
        return None
    if not callable(original):
        return None
    models = [m if isinstance(m, type) else None for m in (payload, ack)]
    return Handler(
        event, original, False, wrapped_by="SIO-AsyncAPI", payload_model=models[0],
        ack_model=models[1],
    )  # fmt: skip


def _is_flask_namespace(instance: Any) -> bool:
    """Made by Flask-SocketIO: its instance's class, or one it derives from, is Flask-SocketIO's."""
    return any(c.__module__.startswith("flask_socketio") for c in type(instance).__mro__)


def _servers(app: Any) -> tuple[Any, Any]:
    """(the Flask-SocketIO ``SocketIO`` or None, the python-socketio server or None)."""
    extensions = getattr(app, "extensions", None)
    if isinstance(extensions, dict) and "socketio" in extensions:
        app = extensions["socketio"]  # a Flask app with Flask-SocketIO
    if _is_flask_namespace(app):  # SocketIO or a subclass (SIO-AsyncAPI's AsyncAPISocketIO)
        return app, getattr(app, "server", None)
    for attribute in ("engineio_server", "engineio_app"):  # socketio.ASGIApp / WSGIApp
        wrapped = getattr(app, attribute, None)
        if wrapped is not None and hasattr(wrapped, "namespace_handlers"):
            app = wrapped
            break
    if hasattr(app, "handlers") and hasattr(app, "namespace_handlers"):
        return None, app
    raise AppError(
        f"{type(app).__name__} is no Flask-SocketIO SocketIO, Flask app with Flask-SocketIO, "
        "python-socketio Server / AsyncServer, or ASGIApp / WSGIApp around one"
    )
