"""The last step of the model: the loader's drafts checked (names, reference cycles, multiple
arguments) and assembled into the immutable :class:`~sio_codegen.model.api.Api`."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from sio_codegen.diagnostics import Location, Report
from sio_codegen.load.refs import ResolvedSpec
from sio_codegen.model import dialects, naming
from sio_codegen.model.api import (
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
from sio_codegen.model.drafts import EventDraft, NamespaceDraft
from sio_codegen.model.nodes import text
from sio_codegen.model.parameters import literal_name
from sio_codegen.model.schemas import (
    MAX_CYCLE,
    SchemaTable,
    plain,
    reference_cycles,
    with_dialect,
)


class Assembler:
    """Turns the drafts of one :class:`~sio_codegen.model.builder.ApiBuilder` into the Api."""

    def __init__(
        self,
        spec: ResolvedSpec,
        report: Report,
        version: str,
        table: SchemaTable,
        namespaces: dict[str, NamespaceDraft],
        servers: list[Server],
    ) -> None:
        self.spec = spec
        self.report = report
        self.version = version
        self.table = table
        self.namespaces = namespaces
        self.servers = servers
        self.chosen: Server | None = None
        """The server the code is generated for (see ApiBuilder.read_servers)."""

    def at(self, pointer: str) -> Location:
        return self.spec.root.location(pointer)

    def api(self, info: dict[str, Any], schemes: dict[str, SecurityScheme]) -> Api:
        self._check_cycles()
        namespaces = tuple(self._namespace(d) for _, d in sorted(self.namespaces.items()))
        self._check_namespace_identifiers(namespaces)
        return Api(
            asyncapi=self.version,
            title=text(info, "title"),
            version=text(info, "version"),
            description=text(info, "description"),
            servers=tuple(self.servers),
            server=self.chosen,
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

    def _namespace(self, draft: NamespaceDraft) -> Namespace:
        bare = literal_name(draft.name).strip("/")
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
            rooms=draft.rooms,
            address=draft.address,
            params=draft.params,
        )

    def _event(self, ns: NamespaceDraft, draft: EventDraft) -> Event:
        message = draft.message
        override = message.get("x-python-name")
        ident = override if isinstance(override, str) and override.isidentifier() else None
        ident = ident or naming.safe_identifier(naming.snake(draft.name), prefix="event")
        examples = message.get("examples")
        payload = self._one(draft.payloads, draft.base + "AnyPayload", draft)
        multiple = self._multiple_args(draft)
        arguments, required, variadic, rest = self._arguments(payload, multiple)
        if variadic and rest is None and payload is not None:
            self._warn_ignored_rest(payload, draft, "payload", "arguments")
        ack = self._one(draft.acks, draft.base + "AnyAck", draft)
        ack_arguments, ack_required, ack_variadic, ack_rest = self._arguments(
            ack, self._several_values(ack)
        )
        if ack_variadic and ack_rest is None and ack is not None:
            self._warn_ignored_rest(ack, draft, "ack", "values")
        return Event(
            name=draft.name,
            identifier=ident,
            direction=draft.direction,
            payload=payload,
            ack=ack,
            summary=text(message, "summary"),
            description=text(message, "description"),
            deprecated=message.get("deprecated") is True,
            multiple_args=multiple,
            arguments=arguments,
            required_arguments=required,
            variadic=variadic,
            rest=rest,
            ack_arguments=ack_arguments,
            required_ack_arguments=ack_required,
            ack_rest=ack_rest,
            ack_variadic=ack_variadic,
            examples=tuple(plain(examples)) if isinstance(examples, list) else (),
            handler=text(message, "x-handler"),
        )

    def _one(self, names: list[str], hint: str, draft: EventDraft) -> SchemaUse | None:
        """The schema of a payload or ack; several messages for one event make a union."""
        unique = list(dict.fromkeys(names))
        if not unique:
            return None
        if len(unique) == 1:
            return SchemaUse(unique[0], draft.pointer)
        union = {"anyOf": [{"$ref": f"#/definitions/{n}"} for n in unique]}
        return SchemaUse(self.table.add(union, hint, f"union:{draft.name}"), draft.pointer)

    def _multiple_args(self, draft: EventDraft) -> bool:
        """A tuple-form array payload is the argument list (as Asynction and zod-sockets write
        several arguments), unless the message says ``x-multiple-args: false``."""
        flag = draft.message.get("x-multiple-args")
        if flag is False:
            return False
        schema = self.table.schemas.get(draft.payloads[0]) if len(draft.payloads) == 1 else None
        tuple_form = _positions(schema) is not None or _rest_only(schema)
        if flag is None:
            return tuple_form
        if flag is not True or not (tuple_form or _list_form(schema)):
            self.report.error(
                "x-multiple-args: true needs a payload of type array whose items are a list of "
                "schemas (one per argument), or one schema (any number of arguments, each that)",
                self.at(draft.pointer),
            )
        return flag is True

    def _several_values(self, ack: SchemaUse | None) -> bool:
        """An ack of several values: a tuple-form array (``items: [...]`` or ``prefixItems``)
        that allows no value past its items (``additionalItems: false``, ``items: false`` or
        ``items: {not: {}}`` beside ``prefixItems``, or ``maxItems`` at most their count), or
        says explicitly what may follow them (its rest: zod-sockets' ``ping`` ack), or an array
        with only ``additionalItems`` (any number of values, as zod-sockets writes a rest-only
        ack, and as a rest-only payload is several arguments). One that says nothing of what
        follows (JSON Schema: anything) stays one list value."""
        schema = self.table.schemas.get(ack.model) if ack is not None else None
        if _rest_only(schema):
            return True
        fixed = _positions(schema)
        if not fixed or not isinstance(schema, dict):
            return False
        rest = schema.get(_rest_key(schema), True)
        most = schema.get("maxItems")
        closed = rest is False or rest == {"not": {}}
        capped = isinstance(most, int) and most <= len(fixed)
        return closed or capped or _explicit_rest(schema) is not None

    def _warn_ignored_rest(self, use: SchemaUse, draft: EventDraft, part: str, what: str) -> None:
        """Rest arguments (or ack values) typed Any where the ``additionalItems`` the payload (or
        ack) has would say more: JSON Schema ignores it without a tuple-form ``items``, so the
        models must too."""
        schema = self.table.schemas.get(use.model)
        rest = schema.get("additionalItems") if isinstance(schema, dict) else None
        if _trivial(rest):
            return
        fix = (
            "write the schema of each as `items` (not additionalItems) with `x-multiple-args: true`"
            if part == "payload"
            else "give the first value's schema as a tuple-form `items: [...]` beside that "
            "additionalItems"
        )
        self.report.warning(
            f"event {draft.name!r}: its {part}'s additionalItems applies to nothing without a "
            f"tuple-form items (JSON Schema ignores it, and accepts any {what}), so its rest "
            f"{what} are typed Any and not checked; to type them, {fix}",
            self.at(draft.pointer),
        )

    def _arguments(
        self, payload: SchemaUse | None, multiple: bool
    ) -> tuple[tuple[SchemaUse, ...], int, bool, SchemaUse | None]:
        """Each positional argument's schema (a model of its own: the target of a lone ``$ref``,
        else ``<Payload>Arg<n>``), how many leading arguments are required (``minItems``),
        whether more may follow (rest arguments), and the rest arguments' model (the target of
        a lone ``$ref``, else ``<Payload>Rest``; None: any values, or no rest)."""
        if payload is None or not multiple:
            return (), 0, False, None
        schema = self.table.schemas.get(payload.model)
        if not isinstance(schema, dict):
            return (), 0, False, None
        if _rest_only(schema):  # additionalItems without items: ignored, any arguments
            return (), 0, True, None
        if _list_form(schema):  # x-multiple-args: true on a list: each argument an item
            each = self._part(schema, payload, schema["items"], "Rest", f"rest:{payload.model}")
            return (), 0, True, each
        items = _positions(schema)
        if items is None:
            return (), 0, False, None
        uses = [
            self._part(schema, payload, item, f"Arg{index}", f"argument:{payload.model}:{index}")
            for index, item in enumerate(items, 1)
        ]
        least = schema.get("minItems", 0)
        if not isinstance(least, int) or isinstance(least, bool):
            least = 0
        explicit = _explicit_rest(schema)
        rest: SchemaUse | None = None
        if explicit is not None:
            rest = self._part(schema, payload, explicit, "Rest", f"rest:{payload.model}")
        return tuple(uses), min(least, len(uses)), rest is not None, rest

    def _part(self, schema: dict[str, Any], payload: SchemaUse, item: Any, suffix: str,
              owner: str) -> SchemaUse:  # fmt: skip
        """The model of one part of a payload (a position, the rest): the target of a lone
        ``$ref``, else ``<Payload><suffix>``, read in its payload's draft."""
        ref = item.get("$ref") if isinstance(item, dict) and len(item) == 1 else None
        if isinstance(ref, str) and ref.startswith("#/definitions/"):
            return SchemaUse(ref[len("#/definitions/") :], payload.pointer)
        dialect = schema.get("$schema")
        if isinstance(dialect, str) and not (isinstance(item, dict) and "$schema" in item):
            item = with_dialect(item, dialect)
        return SchemaUse(self.table.add_converted(item, payload.model + suffix, owner),
                         payload.pointer)  # fmt: skip

    def _check_event_identifiers(
        self, ns: NamespaceDraft, direction: Direction, events: list[Event]
    ) -> None:
        seen: dict[str, str] = {}
        for event in events:
            other = seen.setdefault(event.identifier, event.name)
            if other != event.name:
                self.report.error(
                    f"events {other!r} and {event.name!r} of namespace {ns.name!r} both become "
                    f"the Python name {event.identifier!r}; rename one, or give one an "
                    "x-python-name",
                    self.at(ns.events[(direction, event.name)].pointer),
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


def _positions(schema: Any) -> list[Any] | None:
    """The schemas of a tuple-form array payload's positions, in its draft's terms: 2020-12's
    ``prefixItems``, earlier drafts' ``items: [...]`` (draft-07, the default, takes either)."""
    if not isinstance(schema, dict):
        return None
    dialect = schema.get("$schema", dialects.DEFAULT)
    prefix, items = schema.get("prefixItems"), schema.get("items")
    if dialect == dialects.DRAFT2020 or (dialect == dialects.DEFAULT and isinstance(prefix, list)):
        return prefix if isinstance(prefix, list) else None
    return items if isinstance(items, list) else None


def _rest_key(schema: dict[str, Any]) -> str:
    """The keyword of what may follow a tuple-form array's positions, in its draft's terms:
    ``items`` beside ``prefixItems`` (2020-12, and draft-07's reading of it), else
    ``additionalItems``."""
    dialect = schema.get("$schema", dialects.DEFAULT)
    prefix = schema.get("prefixItems")
    if dialect == dialects.DRAFT2020 or (dialect == dialects.DEFAULT and isinstance(prefix, list)):
        return "items"
    return "additionalItems"


def _explicit_rest(schema: dict[str, Any]) -> Any:
    """The schema a tuple-form array gives explicitly to the items past its positions (its
    rest); None when it gives none (JSON Schema then allows anything, kept out of the
    arguments), closes them (``false``, ``{not: {}}``) or ``maxItems`` leaves no room."""
    fixed = _positions(schema)
    rest = schema.get(_rest_key(schema))
    if fixed is None or not isinstance(rest, (dict, bool)):
        return None
    most = schema.get("maxItems")
    if rest is False or rest == {"not": {}}:
        return None
    if isinstance(most, int) and not isinstance(most, bool) and most <= len(fixed):
        return None
    return rest


def _list_form(schema: Any) -> bool:
    """An array whose ``items`` is one schema (each item's): a list, one argument, unless the
    message says ``x-multiple-args: true`` (then each item is an argument)."""
    return (
        isinstance(schema, dict)
        and schema.get("type") == "array"
        and isinstance(schema.get("items"), (dict, bool))
        and "prefixItems" not in schema
    )


def _rest_only(schema: Any) -> bool:
    """An array with only ``additionalItems`` (no ``items`` or ``prefixItems``): zod-sockets'
    "any number of anything". JSON Schema ignores ``additionalItems`` without a tuple-form
    ``items``: any array is valid, so its arguments are any values."""
    return (
        isinstance(schema, dict)
        and schema.get("type") == "array"
        and "additionalItems" in schema
        and "items" not in schema
        and "prefixItems" not in schema
    )


_ANNOTATIONS = frozenset(
    {"title", "description", "examples", "example", "default", "$comment", "deprecated",
     "readOnly", "writeOnly", "format", "externalDocs"}
)  # fmt: skip
_FORMATS = frozenset(
    {"date", "date-time", "time", "duration", "email", "idn-email", "hostname", "idn-hostname",
     "ipv4", "ipv6", "uri", "uri-reference", "iri", "iri-reference", "uri-template", "uuid",
     "json-pointer", "relative-json-pointer", "regex", "binary"}
)  # fmt: skip
"""Formats that assert something (the validator checks them; binary is bytes); any other
(zod-sockets' ``format: any``) is an annotation."""


def _trivial(schema: Any) -> bool:
    """Whether ``schema`` accepts any value: ``true``, ``{}``, or only annotations."""
    if schema is True:
        return True
    if not isinstance(schema, dict) or not set(schema) <= _ANNOTATIONS:
        return False
    return schema.get("format") not in _FORMATS


def spec_digest(spec: ResolvedSpec) -> str:
    """sha256 over every file of the spec, named (and ordered) relative to the root file's
    folder: the same however the spec's path was given."""
    digest = hashlib.sha256()
    root_dir = spec.root.path.resolve().parent
    named = {
        Path(os.path.relpath(source.path.resolve(), root_dir)).as_posix(): source.text
        for source in spec.sources.values()
    }
    for name, source_text in sorted(named.items()):
        digest.update(name.encode() + b"\0" + source_text.encode() + b"\0")
    return digest.hexdigest()
