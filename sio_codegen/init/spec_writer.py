"""A first AsyncAPI 3.0 document from an app's handlers (see app_reader.py).

One channel per namespace (its ``address`` the namespace), a ``receive`` operation per handled
event, the payload's schema from the handler's type hint (a Pydantic model, a TypedDict, any
type Pydantic can describe: its JSON Schema through ``pydantic.TypeAdapter``), the ack's from
its return annotation, an empty schema and a ``TODO`` description where nothing is typed, and
``x-handler`` / ``x-handlers`` paths back to the functions, so that ``sio-codegen server`` serves
them as they are (python-socketio's, which take the sid first, too: the generated server passes
it to a function whose first parameter is named ``sid``). Events the server emits cannot be seen
in handler registrations, except those SIO-AsyncAPI's ``doc_emit`` declares (a message and a
``send`` operation each): the info description says how to add the others.
"""

from __future__ import annotations

import inspect
import typing
from dataclasses import dataclass, field
from typing import Any

import typing_extensions

from sio_codegen.init.app_reader import Handler, NamespaceHandlers
from sio_codegen.model import naming

REF = "#/components/schemas/{model}"
TODO_SERVER_EVENTS = (
    "Written by `sio-codegen init --from-app {target}`: check it, then complete it.\n\n"
    "TODO: the events the server emits cannot be seen in handler registrations. Add each one "
    "as a message of its namespace's channel and a `send` operation (`action: send`) on that "
    "channel; the payload schemas are those of the data the server emits."
)
DOC_EMITS = (
    "Written by `sio-codegen init --from-app {target}`: check it, then complete it.\n\n"
    "The events the server emits are those its `doc_emit` declarations name (the `send` "
    "operations). TODO: add any other one as a message of its namespace's channel and a `send` "
    "operation (`action: send`) on that channel."
)
_NO_HINT = object()


@dataclass
class Notes:
    """What could not be written as the app has it: one line each, for the user."""

    lines: list[str] = field(default_factory=list)


class SpecWriter:
    def __init__(self, target: str) -> None:
        self.target = target
        self.schemas: dict[str, Any] = {}
        self.notes = Notes()
        self.coroutines: list[str] = []
        """Where the x-handler paths name coroutine functions: the asgi runtime serves them."""

    def document(self, namespaces: list[NamespaceHandlers], title: str) -> dict[str, Any]:
        channels: dict[str, Any] = {}
        operations: dict[str, Any] = {}
        used_channels: set[str] = set()
        emits_read = False
        for ns in namespaces:
            key = _unique(naming.snake(ns.name.strip("/")) or "root", used_channels)
            channel: dict[str, Any] = {"address": ns.name, "messages": {}}
            used_messages: set[str] = set()
            for handler in ns.events:
                message_key = _unique(naming.snake(handler.event) or "event", used_messages)
                channel["messages"][message_key] = self._message(ns.name, handler)
                operation = _unique(f"{key}_{message_key}", set(operations))
                operations[operation] = {
                    "action": "receive",
                    "channel": {"$ref": f"#/channels/{key}"},
                    "messages": [{"$ref": f"#/channels/{key}/messages/{message_key}"}],
                }
            for emit in ns.emits:
                message_key = _unique(naming.snake(emit.event) or "event", used_messages)
                where = f"event {emit.event!r} the server emits on {ns.name!r}"
                channel["messages"][message_key] = {
                    "name": emit.event, "payload": self._schema(emit.model, where)
                }  # fmt: skip
                operation = _unique(f"{key}_emit_{message_key}", set(operations))
                operations[operation] = {
                    "action": "send",
                    "channel": {"$ref": f"#/channels/{key}"},
                    "messages": [{"$ref": f"#/channels/{key}/messages/{message_key}"}],
                }
                emits_read = True
            hooks = {hook: path for hook, h in sorted(ns.hooks.items())
                     if (path := self._path(h, f"{hook} handler of {ns.name!r}"))}  # fmt: skip
            if hooks:
                channel["x-handlers"] = hooks
            channels[key] = channel
        document: dict[str, Any] = {
            "asyncapi": "3.0.0",
            "info": {
                "title": title,
                "version": "0.1.0",
                "description": (DOC_EMITS if emits_read else TODO_SERVER_EVENTS).format(
                    target=self.target
                ),
            },
            "channels": channels,
            "operations": operations,
        }
        if self.schemas:
            document["components"] = {"schemas": dict(sorted(self.schemas.items()))}
        if self.coroutines:
            self.notes.lines.append(
                f"coroutine functions ({', '.join(self.coroutines)}): generate the server with "
                "`sio-codegen server SPEC -o DIR --runtime asgi` (python-socketio's AsyncServer, "
                "which awaits them); the default flask runtime cannot call them"
            )
        return document

    def _message(self, namespace: str, handler: Handler) -> dict[str, Any]:
        message: dict[str, Any] = {"name": handler.event}
        where = f"event {handler.event!r} of {namespace!r}"
        params = _data_parameters(handler)
        hints = _hints(handler.function)
        if handler.payload_model is not None and params:
            hints[params[0].name] = handler.payload_model
        if handler.ack_model is not None:
            hints["return"] = handler.ack_model
        if len(params) == 1:
            message["payload"] = self._schema(hints.get(params[0].name, _NO_HINT), where)
        elif len(params) > 1:
            message["payload"] = {
                "type": "array",
                "items": [self._schema(hints.get(p.name, _NO_HINT), where) for p in params],
                "minItems": len(params),
                "maxItems": len(params),
            }
            message["x-multiple-args"] = True
        returned = hints.get("return", _NO_HINT)
        if returned is not _NO_HINT and returned is not type(None):
            message["x-ack"] = self._schema(returned, f"ack of {where}")
        path = self._path(handler, where)
        if path:
            message["x-handler"] = path
        return message

    def _schema(self, hint: Any, where: str) -> dict[str, Any]:
        if hint is _NO_HINT or hint is Any:
            return {"description": f"TODO: the schema of {where} (its handler has no type hint)"}
        try:
            schema = _json_schema(hint)
        except Exception as exc:  # any type Pydantic cannot describe
            reason = " ".join(str(exc).split())
            self.notes.lines.append(f"{where}: no JSON Schema for {hint!r} ({reason})")
            return {"description": f"TODO: the schema of {where} ({hint!r} has none)"}
        self.schemas.update(schema.pop("$defs", {}))
        name = getattr(hint, "__name__", None)
        # dict[str, str] is an instance of type on Python 3.10 (a generic alias): not a class
        is_class = isinstance(hint, type) and typing.get_origin(hint) is None
        if is_class and name and schema.get("type") == "object":
            self.schemas.setdefault(name, schema)  # a model or TypedDict: a named schema
            return {"$ref": REF.format(model=name)}
        return schema

    def _path(self, handler: Handler, where: str) -> str:
        """The dotted path back to the function, or "" when it has none to import."""
        if handler.wrapped_by:
            self.notes.lines.append(
                f"{where}: registered through {handler.wrapped_by}'s wrapper, which its name "
                "holds: no x-handler written; move the function's body into the generated "
                "handler (see the README)"
            )
            return ""
        if handler.takes_sid and _first_parameter(handler.function) != "sid":
            self.notes.lines.append(
                f"{where}: a python-socketio handler whose first parameter is not named 'sid': "
                "no x-handler written (the generated server passes the sid to a function whose "
                "first parameter is named 'sid')"
            )
            return ""
        if handler.uses_server:
            instead = (
                "a class-based AsyncNamespace's own methods or the generated Emitter"
                if inspect.iscoroutinefunction(handler.function)
                else "flask_socketio's functions or the generated Emitter"
            )
            self.notes.lines.append(
                f"{where}: uses {handler.uses_server!r}, the app's own python-socketio server: "
                "what it does through it (emits, rooms, sessions) reaches no client of the "
                f"generated server (use {instead})"
            )
        if inspect.iscoroutinefunction(handler.function):
            self.coroutines.append(where)
        function = getattr(handler.function, "__func__", handler.function)
        module = getattr(function, "__module__", None)
        qualname = getattr(function, "__qualname__", "")
        if not module or module == "__main__" or "<" in qualname or not qualname:
            self.notes.lines.append(f"{where}: {function!r} cannot be imported by a dotted path")
            return ""
        return f"{module}.{qualname}"


def _json_schema(hint: Any) -> dict[str, Any]:
    from pydantic import TypeAdapter

    try:
        adapter: Any = TypeAdapter(hint)
    except Exception:
        if not typing.is_typeddict(hint):
            raise
        # typing.TypedDict before Python 3.12: Pydantic wants typing_extensions' version
        make: Any = typing_extensions.TypedDict
        adapter = TypeAdapter(
            make(hint.__name__, typing.get_type_hints(hint), total=hint.__total__)
        )
    schema: dict[str, Any] = adapter.json_schema(ref_template=REF)
    return schema


def _unique(name: str, used: set[str]) -> str:
    candidate, number = name, 2
    while candidate in used:
        candidate, number = f"{name}_{number}", number + 1
    used.add(candidate)
    return candidate


def _data_parameters(handler: Handler) -> list[inspect.Parameter]:
    """The parameters that receive the event's arguments (not ``self``, not python-socketio's
    sid, not keyword-only ones)."""
    try:
        parameters = list(inspect.signature(handler.function).parameters.values())
    except (TypeError, ValueError):
        return []
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    positional = [p for p in parameters if p.kind in kinds]
    return positional[1:] if handler.takes_sid and positional else positional


def _first_parameter(function: Any) -> str:
    try:
        parameters = list(inspect.signature(function).parameters)
    except (TypeError, ValueError):
        return ""
    return parameters[0] if parameters else ""


def _hints(function: Any) -> dict[str, Any]:
    try:
        return typing.get_type_hints(function)
    except Exception:  # unresolvable annotations: treated as none
        return {}
