"""What changes between two versions of an API, and whom each change breaks.

Two sides, each a deployment that keeps running while the other moves to the new version:

- ``clients``: clients built from the old spec, talking to a server built from the new one
  (the server deploys first: the usual case);
- ``servers``: a server built from the old spec, talking to clients built from the new one.

A value flows from a sender to a receiver: an event's payload from the side that emits it, its
ack back. A receiver built from the new spec refuses what the new schema does not accept, so a
*narrowed* schema breaks the old senders; a sender built from the new spec may send what the old
schema did not accept, so a *widened* schema breaks the old receivers. The README's "Comparing
spec versions" section has the whole table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from sio_codegen.diff.schema import Canon, Comparer, Kind
from sio_codegen.model.api import Alternative, Api, Event, Namespace, SchemaUse, SecurityScheme

Side = Literal["clients", "servers"]
Level = Literal["breaking", "possibly-breaking", "compatible"]
SIDES: tuple[Side, ...] = ("clients", "servers")


@dataclass(frozen=True)
class Change:
    level: Level
    breaks: tuple[Side, ...]
    """The sides whose old deployments this change breaks (or possibly breaks); () if none."""
    namespace: str
    part: str
    """``namespace``, ``event``, ``payload``, ``ack``, ``query``, ``headers``, ``security``."""
    message: str
    event: str = ""
    direction: str = ""
    """``client`` (clients emit it, the server receives it) or ``server``; "" for a namespace."""
    path: str = ""
    """A JSON pointer inside the payload, ack or binding schema."""
    old_pointer: str = ""
    new_pointer: str = ""
    """Where the thing is in the old and the new document."""

    def as_json(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "breaks": list(self.breaks),
            "namespace": self.namespace,
            "event": self.event or None,
            "direction": self.direction or None,
            "part": self.part,
            "path": self.path if self.part in _SCHEMA_PARTS else None,
            "message": self.message,
            "old_pointer": self.old_pointer or None,
            "new_pointer": self.new_pointer or None,
        }


_SCHEMA_PARTS = frozenset({"payload", "ack", "query", "headers"})
_FLOW = {"client": "clients", "server": "servers"}


def _receiver(sender: Side) -> Side:
    return "servers" if sender == "clients" else "clients"


@dataclass
class _Context:
    namespace: str
    event: str = ""
    direction: str = ""
    old_pointer: str = ""
    new_pointer: str = ""
    found: list[Change] = field(default_factory=list)

    def add(self, level: Level, breaks: tuple[Side, ...], part: str, message: str,
            path: str = "") -> None:  # fmt: skip
        ordered = tuple(s for s in SIDES if s in breaks)
        change = Change(level, ordered, self.namespace, part, message, self.event,
                        self.direction, path, self.old_pointer, self.new_pointer)  # fmt: skip
        self.found.append(change)


def compare(old: Api, new: Api) -> list[Change]:
    """Every change from ``old`` to ``new``, breaking ones first, then in document order."""
    comparer = Comparer(old.schemas, new.schemas)
    found: list[Change] = []
    old_ns = {ns.name: ns for ns in old.namespaces}
    new_ns = {ns.name: ns for ns in new.namespaces}
    for name, before in old_ns.items():
        context = _Context(name, old_pointer=before.pointer)
        after = new_ns.get(name)
        if after is None:
            context.add("breaking", ("clients",), "namespace", "namespace removed")
        else:
            context.new_pointer = after.pointer
            _namespace(before, after, old, new, comparer, context)
        found.extend(context.found)
    for name, after in new_ns.items():
        if name not in old_ns:
            context = _Context(name, new_pointer=after.pointer)
            context.add("compatible", (), "namespace", "namespace added")
            found.extend(context.found)
    order = {"breaking": 0, "possibly-breaking": 1, "compatible": 2}
    return sorted(found, key=lambda c: order[c.level])


def _namespace(
    before: Namespace, after: Namespace, old: Api, new: Api, comparer: Comparer, context: _Context
) -> None:
    for direction, old_events, new_events in (
        ("client", before.client_events, after.client_events),
        ("server", before.server_events, after.server_events),
    ):
        _events(direction, old_events, new_events, comparer, context)
    for part in ("query", "headers"):
        _schema(
            comparer, context, part, "clients",
            getattr(before.bindings, part), getattr(after.bindings, part), {"type": "object"},
        )  # fmt: skip
    _security(before.security, after.security, old.security_schemes, new.security_schemes,
              context)  # fmt: skip


def _events(
    direction: str, old_events: tuple[Event, ...], new_events: tuple[Event, ...],
    comparer: Comparer, context: _Context,
) -> None:  # fmt: skip
    sender: Side = "clients" if direction == "client" else "servers"
    flow = "client->server" if direction == "client" else "server->client"
    old_by = {e.name: e for e in old_events}
    new_by = {e.name: e for e in new_events}
    added = [e for e in new_events if e.name not in old_by]
    for event in old_events:
        ctx = _Context(context.namespace, event.name, direction, event.payload.pointer
                       if event.payload else "")  # fmt: skip
        after = new_by.get(event.name)
        if after is None:
            twins = [e.name for e in added if _same_shape(comparer, event, e)]
            hint = f" (renamed to {twins[0]!r}?)" if len(twins) == 1 else ""
            ctx.add("breaking", ("clients",), "event", f"event removed ({flow}){hint}")
        else:
            ctx.new_pointer = after.payload.pointer if after.payload else ""
            _event(event, after, sender, comparer, ctx)
        context.found.extend(ctx.found)
    for event in added:
        ctx = _Context(context.namespace, event.name, direction,
                       new_pointer=event.payload.pointer if event.payload else "")  # fmt: skip
        ctx.add("compatible", (), "event", f"event added ({flow})")
        context.found.extend(ctx.found)


def _same_shape(comparer: Comparer, a: Event, b: Event) -> bool:
    def text(use: SchemaUse | None, canon: Canon) -> str:
        return canon.text({"$ref": use.model}) if use else ""

    return text(a.payload, comparer.old_canon) == text(b.payload, comparer.new_canon) and (
        a.ack is None
    ) == (b.ack is None)


def _event(before: Event, after: Event, sender: Side, comparer: Comparer, ctx: _Context) -> None:
    receiver = _receiver(sender)
    if before.multiple_args != after.multiple_args:
        ctx.add("breaking", SIDES, "payload",
                "payload " + ("now" if after.multiple_args else "no longer") +
                " sent as several arguments")  # fmt: skip
    elif before.payload is None and after.payload is not None:
        ctx.add("breaking", SIDES, "payload", "payload added to an event that had none")
    elif before.payload is not None and after.payload is None:
        ctx.add("breaking", SIDES, "payload", "payload removed")
    else:
        _schema(comparer, ctx, "payload", sender, before.payload, after.payload)
        if before.variadic != after.variadic and not any(
            c.part == "payload" and c.message.startswith("rest") for c in ctx.found
        ):  # a rest of any values where any were accepted: the handler's signature changes
            ctx.add("compatible", (), "payload",
                    "rest arguments " + ("added" if after.variadic else "removed") +
                    " (any values, which the old schema accepted too)")  # fmt: skip
    if before.ack is None and after.ack is not None:
        # A new emitter awaits the ack; an old receiver sends none.
        ctx.add("breaking", (receiver,), "ack", "ack added: old receivers send none")
    elif before.ack is not None and after.ack is None:
        ctx.add("breaking", (sender,), "ack", "ack removed: old emitters await one in vain")
    elif _several(before) != _several(after):  # one list, or several values
        ctx.add("breaking", SIDES, "ack",
                "ack " + ("now" if _several(after) else "no longer") +
                " sent as several values")  # fmt: skip
    else:
        _schema(comparer, ctx, "ack", receiver, before.ack, after.ack)
        if (before.ack_rest is None) != (after.ack_rest is None) and not any(
            c.part == "ack" and c.message.startswith("rest") for c in ctx.found
        ):
            ctx.add("compatible", (), "ack",
                    "rest values " + ("added" if after.ack_rest else "removed") +
                    " (any values, which the old schema accepted too)")  # fmt: skip
    if after.deprecated and not before.deprecated:
        ctx.add("compatible", (), "event", "event deprecated")


def _several(event: Event) -> bool:
    """Whether an event's ack is several values (a tuple, or any number of values)."""
    return bool(event.ack_arguments) or event.ack_variadic


def _schema(
    comparer: Comparer, ctx: _Context, part: str, sender: Side,
    before: SchemaUse | None, after: SchemaUse | None, absent: dict[str, Any] | None = None,
) -> None:  # fmt: skip
    """Compare two schema uses; ``absent`` stands for a missing one (a binding not declared:
    any object)."""
    if before is None and after is None:
        return
    old: Any = {"$ref": "#/definitions/" + before.model} if before else absent or {}
    new: Any = {"$ref": "#/definitions/" + after.model} if after else absent or {}
    for change in comparer.compare(old, new):
        level, breaks = classify(change.kind, sender)
        ctx.add(level, breaks, part, change.message, change.path)


def classify(kind: Kind, sender: Side) -> tuple[Level, tuple[Side, ...]]:
    """Whom a schema change breaks, given who sends the value it describes."""
    if kind == "narrowed":  # new receivers refuse what old senders send
        return "breaking", (sender,)
    if kind == "widened":  # new senders send what old receivers refuse
        return "breaking", (_receiver(sender),)
    if kind == "unknown":
        return "possibly-breaking", SIDES
    return "compatible", ()


def _security(
    before: tuple[Alternative, ...], after: tuple[Alternative, ...],
    old_schemes: dict[str, SecurityScheme], new_schemes: dict[str, SecurityScheme],
    ctx: _Context,
) -> None:  # fmt: skip
    used_before = {r.scheme for a in before for r in a}
    for name in sorted(used_before & {r.scheme for a in after for r in a}):
        a, b = old_schemes.get(name), new_schemes.get(name)
        if a is not None and b is not None and _scheme_key(a) != _scheme_key(b):
            ctx.add("breaking", SIDES, "security",
                    f"security scheme {name!r} changed how credentials travel")  # fmt: skip
    old_alts = before or ((),)
    new_alts = after or ((),)
    # An old client satisfies one of the old alternatives: does each still satisfy a new one?
    if not all(any(_satisfies(a, b) for b in new_alts) for a in old_alts):
        ctx.add("breaking", ("clients",), "security",
                f"security added or tightened: {_show(before)} -> {_show(after)}")  # fmt: skip
    # A new client satisfies one of the new alternatives: does the old server accept it?
    if not all(any(_satisfies(b, a) for a in old_alts) for b in new_alts):
        ctx.add("breaking", ("servers",), "security",
                f"security removed or loosened: {_show(before)} -> {_show(after)}")  # fmt: skip


def _scheme_key(scheme: SecurityScheme) -> tuple[str, ...]:
    return (scheme.type, scheme.http_scheme.lower(), scheme.location, scheme.key_name)


def _satisfies(held: Alternative, wanted: Alternative) -> bool:
    """Whether credentials meeting ``held`` meet ``wanted`` too."""
    have = {r.scheme: set(r.scopes) for r in held}
    return all(r.scheme in have and set(r.scopes) <= have[r.scheme] for r in wanted)


def _show(alternatives: tuple[Alternative, ...]) -> str:
    if not alternatives:
        return "none"
    return " or ".join(
        " and ".join(r.scheme + (f"[{','.join(r.scopes)}]" if r.scopes else "") for r in alt)
        for alt in alternatives
    )


def breaking(changes: list[Change]) -> bool:
    return any(c.level != "compatible" for c in changes)
