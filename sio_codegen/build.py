"""What the version-specific loaders share: turning messages into events, naming, schemas."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sio_codegen import naming
from sio_codegen import pointer as jp
from sio_codegen.diagnostics import Location, Report
from sio_codegen.model import (
    Alternative,
    Api,
    Bindings,
    Direction,
    Event,
    Hooks,
    Namespace,
    SchemaUse,
    SecurityScheme,
    Server,
)
from sio_codegen.refs import ResolvedSpec, is_ref, ref_target
from sio_codegen.schemas import (
    MAX_CYCLE,
    SchemaTable,
    is_json_schema_format,
    name_for_uri,
    plain,
    reference_cycles,
)

HOOK_NAMES = ("connect", "disconnect", "error")


def namespace_name(channel: str) -> str:
    """A channel key or address as a Socket.IO namespace: always with a leading ``/``."""
    return channel if channel.startswith("/") else "/" + channel


def unwrap(node: Any) -> Any:
    return node.__subject__ if is_ref(node) else node


def text(node: Any, key: str) -> str:
    value = node.get(key) if isinstance(node, dict) else None
    return value if isinstance(value, str) else ""


def security_schemes(doc: dict[str, Any]) -> dict[str, Any]:
    """``components.securitySchemes`` by name (the same place in 2.x and 3.x)."""
    components = unwrap(doc.get("components")) or {}
    schemes = unwrap(components.get("securitySchemes")) if isinstance(components, dict) else None
    return {k: unwrap(v) for k, v in schemes.items()} if isinstance(schemes, dict) else {}


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386 JSON Merge Patch; untouched values (and their reference proxies) are kept."""
    if not isinstance(patch, dict) or is_ref(patch):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


@dataclass
class _EventDraft:
    name: str
    direction: Direction
    message: dict[str, Any]
    base: str
    where: Location
    payloads: list[str] = field(default_factory=list)
    acks: list[str] = field(default_factory=list)


@dataclass
class _NamespaceDraft:
    name: str
    pointer: str
    description: str = ""
    events: dict[tuple[Direction, str], _EventDraft] = field(default_factory=dict)
    hooks: dict[str, str] = field(default_factory=dict)
    query: SchemaUse | None = None
    headers: SchemaUse | None = None
    security: tuple[Alternative, ...] = ()


class ApiBuilder:
    """Filled by a loader, one message at a time; ``finish()`` checks names and returns the Api."""

    def __init__(self, spec: ResolvedSpec, report: Report, version: str) -> None:
        self.spec = spec
        self.report = report
        self.version = version
        self.table = SchemaTable(spec, report)
        self.namespaces: dict[str, _NamespaceDraft] = {}
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
            multi_format = isinstance(node, dict) and "schemaFormat" in node and "schema" in node
            if multi_format and not is_json_schema_format(node["schemaFormat"]):
                continue
            self.table.add_component(
                self.spec.root_uri + "#" + jp.join(["components", "schemas", key]), schemas[key]
            )

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

    def server_entries(self, doc: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
        """``(name, server)`` of every server that is a mapping, sorted by name."""
        servers = unwrap(doc.get("servers")) or {}
        for name in sorted(servers) if isinstance(servers, dict) else []:
            server = unwrap(servers[name])
            if isinstance(server, dict):
                yield name, server

    # -- namespaces ----------------------------------------------------------------------------
    def namespace(self, channel: str, pointer: str, channel_node: Any) -> _NamespaceDraft:
        name = namespace_name(channel)
        draft = self.namespaces.get(name)
        if draft is None:
            draft = self.namespaces[name] = _NamespaceDraft(name, pointer)
        draft.description = draft.description or text(channel_node, "description")
        self._hooks(draft, channel_node, pointer)
        self._bindings(draft, channel_node)
        return draft

    def _hooks(self, draft: _NamespaceDraft, channel: Any, pointer: str) -> None:
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

    def _bindings(self, draft: _NamespaceDraft, channel: Any) -> None:
        bindings = unwrap(channel.get("bindings")) if isinstance(channel, dict) else None
        ws = unwrap(bindings.get("ws")) if isinstance(bindings, dict) else None
        if not isinstance(ws, dict):
            return
        prefix = naming.pascal(draft.name.strip("/")) or "Root"
        for key in ("query", "headers"):
            node = ws.get(key)
            if node is None:
                continue
            model = self.table.add(node, prefix + key.capitalize(), f"{draft.name}#{key}")
            setattr(draft, key, SchemaUse(model, draft.pointer + "/bindings/ws/" + key))

    # -- events ----------------------------------------------------------------------------------
    def add_message(
        self,
        ns: _NamespaceDraft,
        direction: Direction,
        message_node: Any,
        message: Any,
        *,
        pointer: str,
        key: str = "",
        reply_messages: list[Any] | None = None,
    ) -> None:
        """One message of a namespace in one direction: ``message_node`` as found in the spec
        (a reference names the models), ``message`` with its traits applied."""
        if not isinstance(message, dict):
            self.report.error("a message must be a mapping", self.at(pointer))
            return
        ref_key = name_for_uri(ref_target(message_node)) if is_ref(message_node) else ""
        message_id = text(message, "messageId")
        name = text(message, "name") or message_id or key or ref_key or "message"
        prefix = naming.pascal(ns.name.strip("/"))
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
            draft = _EventDraft(name, direction, message, base, self.at(pointer))
            ns.events[(direction, name)] = draft
        self._payload(draft, message, pointer, message_base)
        self._ack(draft, message, pointer, reply_messages, message_base)

    def _payload(
        self, draft: _EventDraft, message: dict[str, Any], pointer: str, base: str
    ) -> None:
        if "payload" not in message:
            return
        node = message["payload"]
        schema_format = message.get("schemaFormat")
        inner = unwrap(node)
        if isinstance(inner, dict) and "schemaFormat" in inner and "schema" in inner:
            schema_format, node = inner["schemaFormat"], inner["schema"]
        if not is_json_schema_format(schema_format):
            self.report.warning(
                f"payload schemaFormat {schema_format!r} is not JSON Schema: "
                f"event {draft.name!r} is generated with an untyped payload",
                self.at(pointer + "/payload"),
            )
            node = {}
        draft.payloads.append(self.table.add(node, base + "Payload", pointer + "/payload"))

    def _ack(
        self,
        draft: _EventDraft,
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
            draft.acks.append(self.table.add(reply_message["payload"], hint, where))

    # -- servers and security ----------------------------------------------------------------------
    def add_server(self, name: str, url: str, protocol: str, path: str) -> None:
        self.servers.append(Server(name, url, protocol, path or "/socket.io"))

    def set_security(self, ns: _NamespaceDraft, alternatives: tuple[Alternative, ...]) -> None:
        """A namespace's security; two channels of one namespace: any of their alternatives."""
        ns.security += tuple(a for a in alternatives if a not in ns.security)

    # -- result ------------------------------------------------------------------------------------
    def finish(self, info: dict[str, Any], schemes: dict[str, SecurityScheme]) -> Api:
        self._check_cycles()
        namespaces = tuple(self._namespace(d) for _, d in sorted(self.namespaces.items()))
        self._check_namespace_identifiers(namespaces)
        return Api(
            asyncapi=self.version,
            title=text(info, "title"),
            version=text(info, "version"),
            description=text(info, "description"),
            servers=tuple(sorted(self.servers, key=lambda s: s.name)),
            namespaces=namespaces,
            schemas=self.table.sorted(),
            spec_sha256=spec_digest(self.spec),
            security_schemes=dict(sorted(schemes.items())),
        )

    def _check_cycles(self) -> None:
        for group in reference_cycles(self.table.schemas):
            if len(group) > MAX_CYCLE:
                first = ", ".join(group[:4])
                self.report.error(
                    f"{len(group)} schemas reference each other in one cycle ({first}, ...); "
                    f"Pydantic cannot build a cycle of more than about {MAX_CYCLE} models: "
                    "break it (e.g. with an untyped property)",
                    self.at("/components/schemas"),
                )

    def _namespace(self, draft: _NamespaceDraft) -> Namespace:
        bare = draft.name.strip("/")
        ident = naming.safe_identifier(naming.snake(bare) or "root", prefix="ns")
        events: dict[Direction, list[Event]] = {"client": [], "server": []}
        for (direction, _), event in sorted(draft.events.items()):
            events[direction].append(self._event(draft, event))
        for direction, items in events.items():
            self._check_event_identifiers(draft, direction, items)
        return Namespace(
            name=draft.name,
            identifier=ident,
            class_prefix=naming.safe_class_name(naming.pascal(bare) or "Root", prefix="Ns"),
            description=draft.description,
            client_events=tuple(events["client"]),
            server_events=tuple(events["server"]),
            hooks=Hooks(**draft.hooks),
            bindings=Bindings(draft.query, draft.headers),
            security=draft.security,
            pointer=draft.pointer,
        )

    def _event(self, ns: _NamespaceDraft, draft: _EventDraft) -> Event:
        message = draft.message
        override = message.get("x-python-name")
        ident = override if isinstance(override, str) and override.isidentifier() else None
        ident = ident or naming.safe_identifier(naming.snake(draft.name), prefix="event")
        examples = message.get("examples")
        return Event(
            name=draft.name,
            identifier=ident,
            direction=draft.direction,
            payload=self._one(draft.payloads, draft.base + "AnyPayload", draft),
            ack=self._one(draft.acks, draft.base + "AnyAck", draft),
            summary=text(message, "summary"),
            description=text(message, "description"),
            deprecated=message.get("deprecated") is True,
            multiple_args=self._multiple_args(draft),
            examples=tuple(plain(examples)) if isinstance(examples, list) else (),
            handler=text(message, "x-handler"),
        )

    def _one(self, names: list[str], hint: str, draft: _EventDraft) -> SchemaUse | None:
        """The schema of a payload or ack; several messages for one event make a union."""
        unique = list(dict.fromkeys(names))
        if not unique:
            return None
        if len(unique) == 1:
            return SchemaUse(unique[0], draft.where.pointer)
        union = {"anyOf": [{"$ref": f"#/definitions/{n}"} for n in unique]}
        return SchemaUse(self.table.add(union, hint, f"union:{draft.name}"), draft.where.pointer)

    def _multiple_args(self, draft: _EventDraft) -> bool:
        flag = draft.message.get("x-multiple-args")
        if flag is None or flag is False:
            return False
        schema = self.table.schemas.get(draft.payloads[0]) if len(draft.payloads) == 1 else None
        tuple_form = isinstance(schema, dict) and (
            isinstance(schema.get("items"), list) or isinstance(schema.get("prefixItems"), list)
        )
        if flag is not True or not tuple_form:
            self.report.error(
                "x-multiple-args: true needs a payload of type array whose items are a list of "
                "schemas (one per argument)",
                draft.where,
            )
        return flag is True

    def _check_event_identifiers(
        self, ns: _NamespaceDraft, direction: Direction, events: list[Event]
    ) -> None:
        seen: dict[str, str] = {}
        for event in events:
            other = seen.setdefault(event.identifier, event.name)
            if other != event.name:
                self.report.error(
                    f"events {other!r} and {event.name!r} of namespace {ns.name!r} both become "
                    f"the Python name {event.identifier!r}; rename one, or give one an "
                    "x-python-name",
                    ns.events[(direction, event.name)].where,
                )

    def _check_namespace_identifiers(self, namespaces: tuple[Namespace, ...]) -> None:
        seen: dict[str, str] = {}
        for ns in namespaces:
            other = seen.setdefault(ns.class_prefix, ns.name)
            if other != ns.name:
                self.report.error(
                    f"namespaces {other!r} and {ns.name!r} both become the Python name "
                    f"{ns.class_prefix!r}; rename one",
                    self.at(ns.pointer),
                )


def spec_digest(spec: ResolvedSpec) -> str:
    """sha256 over every file of the spec, named (and ordered) relative to the root file's
    folder: the same however the spec's path was given."""
    digest = hashlib.sha256()
    root_dir = spec.root.path.resolve().parent
    named = {
        Path(os.path.relpath(source.path.resolve(), root_dir)).as_posix(): source.text
        for source in spec.sources.values()
    }
    for name, text in sorted(named.items()):
        digest.update(name.encode() + b"\0" + text.encode() + b"\0")
    return digest.hexdigest()
