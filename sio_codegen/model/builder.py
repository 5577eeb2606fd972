"""What the version-specific loaders share: turning messages into events, naming, schemas."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from sio_codegen import pointer as jp
from sio_codegen.diagnostics import Location, Report
from sio_codegen.load.refs import ResolvedSpec, is_ref, ref_target
from sio_codegen.model import dialects, naming
from sio_codegen.model.api import (
    Alternative,
    Api,
    Direction,
    Rooms,
    SchemaUse,
    SecurityScheme,
    Server,
)
from sio_codegen.model.assemble import Assembler
from sio_codegen.model.drafts import EventDraft, NamespaceDraft
from sio_codegen.model.nodes import namespace_name, text, unwrap
from sio_codegen.model.parameters import is_dynamic, literal_name, read_address
from sio_codegen.model.reading import Perspective, Reading, reading_of, warn_about_shapes
from sio_codegen.model.schemas import SchemaTable, is_json_schema_format, name_for_uri
from sio_codegen.model.servers import fill_variables, origin
from sio_codegen.model.transport import without_transport

ServerAddress = Callable[[dict[str, Any], Callable[[str], str]], tuple[str, str, str]]
"""Reads ``(url, protocol, socketio_path)`` of a server node, filling ``{variables}`` with the
function it is given."""


HOOK_NAMES = ("connect", "disconnect", "error")


class ApiBuilder:
    """Filled by a loader, one message at a time; ``finish()`` checks names and returns the Api."""

    def __init__(
        self,
        spec: ResolvedSpec,
        report: Report,
        version: str,
        server: str | None = None,
        server_vars: Mapping[str, str] | None = None,
        perspective: Perspective | None = None,
        channels_as_events: bool | None = None,
    ) -> None:
        self.spec = spec
        self._asked = (perspective, channels_as_events)
        self.reading = Reading()
        self._doc: dict[str, Any] = {}
        self._events_namespace: str | None = None
        self.server_name = server
        """The server asked for (``--server``); None: the first the document lists."""
        self.server_vars = dict(server_vars or {})
        self.chosen: Server | None = None
        self.report = report
        self.version = version
        self.table = SchemaTable(spec, report)
        self._warned: set[int] = set()  # schema objects whose unknown schemaFormat was reported
        self.namespaces: dict[str, NamespaceDraft] = {}
        self.servers: list[Server] = []

    # -- locations ---------------------------------------------------------------------------
    def at(self, pointer: str) -> Location:
        return self.spec.root.location(pointer)

    def add_component_schemas(self, components: Any) -> None:
        """Every ``components.schemas`` entry becomes a model under its own name, used or not."""
        schemas = unwrap(components.get("schemas")) if isinstance(components, dict) else None
        if not isinstance(schemas, dict):
            return
        for key in sorted(schemas):
            node = unwrap(schemas[key])
            pointer = jp.join(["components", "schemas", key])
            target, dialect = schemas[key], dialects.DEFAULT
            if isinstance(node, dict) and "schemaFormat" in node and "schema" in node:
                if not is_json_schema_format(node["schemaFormat"]):
                    continue  # a 3.x multi-format schema object: the schema in its format
                target = node["schema"]
                dialect = self._dialect_of(node, pointer + "/schemaFormat")
            self.table.add_component(self.spec.root_uri + "#" + pointer, target, dialect)

    def _dialect_of(self, multi_format: dict[str, Any], at: str) -> str:
        """The JSON Schema draft a ``schemaFormat`` names; an unknown version is a warning (once
        per schema object) and draft-07."""
        schema_format = multi_format["schemaFormat"]
        if not isinstance(schema_format, str):
            return dialects.DEFAULT
        dialect, known = dialects.of_schema_format(schema_format)
        if not known and id(multi_format) not in self._warned:
            self._warned.add(id(multi_format))
            self.report.warning(
                f"schemaFormat {schema_format!r} names no JSON Schema draft this generator "
                "knows (draft-04, draft-06, draft-07, 2019-09, 2020-12): read as draft-07",
                self.at(at),
            )
        return dialect

    def channels(self, doc: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
        """``(key, pointer, channel)`` of every channel, sorted by key; a channel that is not a
        mapping is an error."""
        channels = unwrap(doc.get("channels")) or {}
        for key in sorted(channels):
            channel = unwrap(channels[key])
            pointer = jp.join(["channels", key])
            if isinstance(channel, dict):
                yield key, pointer, channel
            else:
                self.report.error("a channel must be a mapping", self.at(pointer))

    def read_how(self, doc: dict[str, Any]) -> None:
        """Decide how to read ``doc`` (see :mod:`.reading`): options first, then its extensions."""
        self._doc = doc
        self.reading = reading_of(doc, *self._asked, self.report, self.at)

    def direction(self, as_written: Direction) -> Direction:
        return self.reading.direction(as_written)

    def channel(
        self, address: str, pointer: str, channel_node: Any
    ) -> tuple[NamespaceDraft, str | None]:
        """The namespace a channel's messages belong to and, where channels are events, the
        event name they all take (the address without its slashes)."""
        if not self.reading.channels_as_events:
            return self.namespace(address, pointer, channel_node), None
        draft = self.namespace(self._namespace_of_events(), pointer, channel_node)
        return draft, address.strip("/") or address

    def _namespace_of_events(self) -> str:
        """Where channels are events: the server's ``pathname`` (or 2.x URL path) when it is
        not an Engine.IO path, the way such documents name their namespace; else ``/``."""
        if self._events_namespace is None:
            chosen = self.chosen
            path = chosen.socketio_path.rstrip("/") if chosen else ""
            if chosen is not None and path and not path.endswith("socket.io"):
                self._events_namespace = path
                served = replace(chosen, socketio_path="/socket.io")
                self.servers[self.servers.index(chosen)] = served
                self.chosen = served
            else:
                self._events_namespace = "/"
        return self._events_namespace

    def namespace(self, channel: str, pointer: str, channel_node: Any) -> NamespaceDraft:
        name = namespace_name(channel)
        draft = self.namespaces.get(name)
        if draft is None:
            draft = self.namespaces[name] = NamespaceDraft(name, pointer)
            if is_dynamic(name):
                self._parameters(draft, channel_node)
        draft.description = draft.description or text(channel_node, "description")
        self._hooks(draft, channel_node, pointer)
        self._bindings(draft, channel_node)
        self._rooms(draft, channel_node, pointer)
        return draft

    def _rooms(self, draft: NamespaceDraft, channel: Any, pointer: str) -> None:
        """``x-rooms``: a list of room names, or a JSON Schema of a string (a room name)."""
        node = channel.get("x-rooms") if isinstance(channel, dict) else None
        if node is None:
            return

        def bad(message: str) -> None:  # located only on error: locating parses the text again
            self.report.error(f"x-rooms: {message}", self.at(pointer + "/x-rooms"))

        names: tuple[str, ...] = ()
        if draft.rooms is not None:  # this channel read again, or another of the namespace
            if draft.rooms.schema.pointer == pointer + "/x-rooms":
                return None
            return bad(f"namespace {draft.name!r} declares its rooms twice")
        if isinstance(node, list):
            if not node or not all(isinstance(n, str) and n for n in node):
                return bad("a list of room names must hold non-empty strings")
            if len(set(node)) != len(node):
                return bad("a room name is listed twice")
            names = tuple(node)
            schema: Any = {"type": "string", "enum": list(names)}
        elif isinstance(node, dict):
            if node.get("type", "string") != "string":
                return bad("a room-name schema must be of type string")
            schema = {"type": "string", **node}
            enum = node.get("enum")
            if isinstance(enum, list) and enum and all(isinstance(n, str) for n in enum):
                names = tuple(dict.fromkeys(enum))
        else:
            return bad("must be a list of room names or a JSON Schema of a room name")
        prefix = naming.pascal(literal_name(draft.name).strip("/")) or "Root"
        model = self.table.add(schema, prefix + "RoomName", pointer + "/x-rooms")
        draft.rooms = Rooms(SchemaUse(model, pointer + "/x-rooms"), names)

    def _parameters(self, draft: NamespaceDraft, channel: Any) -> None:
        """A dynamic namespace (``/rooms/{roomId}``): its address and its parameters' model."""
        address, schema = read_address(
            draft.name, channel, self.version, draft.pointer, self.report, self.at
        )
        prefix = naming.pascal(literal_name(draft.name).strip("/")) or "Root"
        model = self.table.add(schema, prefix + "Params", f"{draft.name}#params")
        draft.address, draft.params = address, SchemaUse(model, draft.pointer + "/parameters")

    def _hooks(self, draft: NamespaceDraft, channel: Any, pointer: str) -> None:
        hooks = channel.get("x-handlers") if isinstance(channel, dict) else None
        if hooks is None:
            return
        if not isinstance(hooks, dict):
            self.report.error("x-handlers must be a mapping", self.at(pointer + "/x-handlers"))
            return
        for hook, target in sorted(hooks.items()):
            if hook not in HOOK_NAMES:
                self.report.warning(
                    f"unknown x-handlers entry {hook!r}; expected one of {', '.join(HOOK_NAMES)}",
                    self.at(f"{pointer}/x-handlers/{hook}"),
                )
                continue
            draft.hooks[hook] = target if isinstance(target, str) else ""

    def _bindings(self, draft: NamespaceDraft, channel: Any) -> None:
        bindings = unwrap(channel.get("bindings")) if isinstance(channel, dict) else None
        ws = unwrap(bindings.get("ws")) if isinstance(bindings, dict) else None
        if not isinstance(ws, dict):
            return
        pointer = draft.pointer + "/bindings/ws"
        method = ws.get("method")
        if method is not None and method != "GET":
            self.report.error(
                f"bindings.ws.method {method!r} cannot hold: a Socket.IO handshake is an HTTP GET "
                "(remove it, or write GET)",
                self.at(pointer + "/method"),
            )
        prefix = naming.pascal(literal_name(draft.name).strip("/")) or "Root"
        for key in ("query", "headers"):
            node, dropped = without_transport(ws.get(key), key)
            if dropped:
                what = (
                    "Engine.IO's own parameters" if key == "query" else "websocket upgrade headers"
                )
                self.report.warning(
                    f"{', '.join(dropped)}: {what}, set by the transport (and absent on "
                    "polling); left out of the typed binding, never required",
                    self.at(f"{pointer}/{key}"),
                )
            if node is None:
                continue
            model = self.table.add(node, prefix + key.capitalize(), f"{draft.name}#{key}")
            setattr(draft, key, SchemaUse(model, f"{pointer}/{key}"))

    # -- events ----------------------------------------------------------------------------------
    def add_message(
        self,
        ns: NamespaceDraft,
        direction: Direction,
        message_node: Any,
        message: Any,
        *,
        pointer: str,
        key: str = "",
        reply_messages: list[Any] | None = None,
        event_name: str | None = None,
    ) -> None:
        """One message of a namespace in one direction (as the document writes it: turned
        around here for a client's document): ``message_node`` as found in the spec (a
        reference names the models), ``message`` with its traits applied; ``event_name`` where
        the channel, not the message, names the event."""
        direction = self.direction(direction)
        if not isinstance(message, dict):
            self.report.error("a message must be a mapping", self.at(pointer))
            return
        ref_key = name_for_uri(ref_target(message_node)) if is_ref(message_node) else ""
        message_id = text(message, "messageId")
        name = event_name or text(message, "name") or message_id or key or ref_key or "message"
        prefix = naming.pascal(literal_name(ns.name).strip("/"))
        event_base = prefix + naming.pascal(name) + ("Emit" if direction == "server" else "")
        # The models of one message are named after the message itself where it has a name of
        # its own (a component key, a messageId, a channel message key), else after the event.
        if ref_key:
            message_base = naming.pascal(ref_key)
        elif message_id or key:
            message_base = prefix + naming.pascal(message_id or key)
        else:
            message_base = event_base
        message_base = naming.safe_class_name(message_base, prefix="Event")
        draft = ns.events.get((direction, name))
        if draft is None:
            base = naming.safe_class_name(event_base, prefix="Event")
            draft = EventDraft(name, direction, message, base, pointer)
            ns.events[(direction, name)] = draft
        self._payload(draft, message, pointer, message_base)
        self._ack(draft, message, pointer, reply_messages, message_base)

    def _payload(self, draft: EventDraft, message: dict[str, Any], pointer: str, base: str) -> None:
        if "payload" not in message:
            return
        draft.payloads.append(
            self._add_payload(message, pointer, f"event {draft.name!r}", base + "Payload")
        )

    def _add_payload(self, message: dict[str, Any], pointer: str, what: str, hint: str) -> str:
        """Register a message's payload schema, in the JSON Schema draft it is written in (the
        message's ``schemaFormat``, or a 3.x multi-format schema object's); its model name. A
        reference to a multi-format schema object of ``components.schemas`` is that component."""
        node = message["payload"]
        inner = unwrap(node)
        if isinstance(inner, dict) and "schemaFormat" in inner and "schema" in inner:
            if not is_json_schema_format(inner["schemaFormat"]):
                return self._untyped(inner["schemaFormat"], pointer, what, hint)
            dialect = self._dialect_of(inner, pointer + "/payload/schemaFormat")
            if is_ref(node):
                return self.table.add_component(ref_target(node), inner["schema"], dialect)
            return self.table.add(inner["schema"], hint, pointer + "/payload", dialect)
        dialect = dialects.DEFAULT
        if "schemaFormat" in message:
            if not is_json_schema_format(message["schemaFormat"]):
                return self._untyped(message["schemaFormat"], pointer, what, hint)
            dialect = self._dialect_of(message, pointer + "/schemaFormat")
        return self.table.add(node, hint, pointer + "/payload", dialect)

    def _untyped(self, schema_format: Any, pointer: str, what: str, hint: str) -> str:
        self.report.warning(
            f"payload schemaFormat {schema_format!r} is not JSON Schema: "
            f"{what} is generated with an untyped payload",
            self.at(pointer + "/payload"),
        )
        return self.table.add({}, hint, pointer + "/payload")

    def _ack(
        self,
        draft: EventDraft,
        message: dict[str, Any],
        pointer: str,
        replies: list[Any] | None,
        base: str,
    ) -> None:
        ack = message.get("x-ack")
        if ack is not None:
            inner = unwrap(ack)
            if isinstance(inner, dict) and "args" in inner and not is_ref(ack):
                ack, where = inner["args"], pointer + "/x-ack/args"  # Asynction: {args: schema}
            else:
                where = pointer + "/x-ack"  # SIO-AsyncAPI: the schema itself, or a $ref
            draft.acks.append(self.table.add(ack, base + "Ack", where))
        for index, reply in enumerate(replies or []):
            reply_message = unwrap(reply)
            if not isinstance(reply_message, dict) or "payload" not in reply_message:
                continue
            hint = (
                naming.pascal(name_for_uri(ref_target(reply))) + "Payload"
                if is_ref(reply)
                else base + "Ack"
            )
            where = f"{pointer}/reply/messages/{index}"
            draft.acks.append(
                self._add_payload(reply_message, where, f"the reply of {draft.name!r}", hint)
            )

    # -- servers and security ----------------------------------------------------------------------
    def read_servers(self, doc: dict[str, Any], address: ServerAddress) -> dict[str, Any] | None:
        """Every server, in the order the document lists them, with its variables filled in
        (``address`` reads a server's URL, protocol and Socket.IO path the version's way).
        Returns the node of the chosen server: ``--server NAME``, else the first."""
        servers = unwrap(doc.get("servers")) or {}
        chosen: dict[str, Any] | None = None
        for name in servers if isinstance(servers, dict) else []:
            node = unwrap(servers[name])
            if not isinstance(node, dict):
                continue
            pointer = jp.join(["servers", name])
            picked = self.server_name == name or (self.server_name is None and chosen is None)

            # Only the chosen server's variables must resolve; the others keep a placeholder
            # that has no default, silently.
            report, given = (self.report, self.server_vars) if picked else (Report(), {})

            def fill(
                template: str,
                node: dict[str, Any] = node,
                pointer: str = pointer,
                report: Report = report,
                given: dict[str, str] = given,
            ) -> str:
                return fill_variables(template, node, given, report, self.at, pointer)

            url, protocol, path = address(node, fill)
            server = Server(name, url, protocol, path or "/socket.io", origin(url, protocol))
            self.servers.append(server)
            if picked:
                chosen, self.chosen = node, server
        if self.server_name is not None and chosen is None:
            names = ", ".join(repr(s.name) for s in self.servers) or "none"
            self.report.error(
                f"--server {self.server_name!r}: the document has no such server "
                f"(its servers: {names})",
                self.at("/servers" if self.servers else ""),
            )
        return chosen

    def set_security(self, ns: NamespaceDraft, alternatives: tuple[Alternative, ...]) -> None:
        """A namespace's security; two channels of one namespace: any of their alternatives."""
        ns.security += tuple(a for a in alternatives if a not in ns.security)

    def finish(self, info: dict[str, Any], schemes: dict[str, SecurityScheme]) -> Api:
        """Check what was collected and assemble the Api (see :mod:`.assemble`)."""
        declared = any(v is not None for v in self._asked) or any(
            key in self._doc for key in ("x-sio-perspective", "x-sio-channels")
        )
        channel_events = {
            name: [event.name for event in draft.events.values()]
            for name, draft in self.namespaces.items()
        }
        warn_about_shapes(self._doc, self.reading, declared, channel_events, self.report, self.at)
        assembler = Assembler(
            self.spec, self.report, self.version, self.table, self.namespaces, self.servers
        )
        assembler.chosen = self.chosen
        return assembler.api(info, schemes)
