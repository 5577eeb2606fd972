"""``sio-codegen diff``: one test per rule of the README's table, the output formats, exit
statuses and ``--base REV:PATH``."""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from sio_codegen.cli.commands import main
from sio_codegen.diff.schema import Comparer

MOVE = {
    "type": "object",
    "properties": {
        "game_id": {"type": "integer"},
        "x": {"type": "integer", "minimum": 0, "maximum": 2},
        "mark": {"type": "string", "enum": ["X", "O"]},
        "note": {"type": "string"},
    },
    "required": ["game_id", "x"],
}
Cap = pytest.CaptureFixture[str]
ACK = {"type": "object", "properties": {"error": {"type": "string"}}}


def base_spec() -> dict[str, Any]:
    """A 2.6 document: ``make_move`` (clients emit it, with an ack), ``moved`` (the server
    emits it), namespace ``/`` and ``/admin``, bearer security on ``/admin``."""
    return {
        "asyncapi": "2.6.0",
        "info": {"title": "Game", "version": "1.0.0"},
        "channels": {
            "/": {
                "publish": {"message": {"oneOf": [{"$ref": "#/components/messages/MakeMove"}]}},
                "subscribe": {"message": {"oneOf": [{"$ref": "#/components/messages/Moved"}]}},
            },
            "/admin": {
                "x-security": [{"bearer": []}],
                "publish": {"message": {"name": "kick", "payload": {"type": "string"}}},
            },
        },
        "components": {
            "messages": {
                "MakeMove": {
                    "name": "make_move",
                    "payload": {"$ref": "#/components/schemas/Move"},
                    "x-ack": copy.deepcopy(ACK),
                },
                "Moved": {"name": "moved", "payload": {"$ref": "#/components/schemas/Move"}},
            },
            "schemas": {"Move": copy.deepcopy(MOVE)},
            "securitySchemes": {
                "bearer": {"type": "http", "scheme": "bearer"},
                "key": {"type": "httpApiKey", "in": "header", "name": "X-Key"},
            },
        },
    }


def run_diff(
    tmp_path: Path, old: dict[str, Any], new: dict[str, Any], *args: str,
    capsys: Cap,
) -> tuple[int, list[str]]:  # fmt: skip
    (tmp_path / "old.yaml").write_text(yaml.safe_dump(old))
    (tmp_path / "new.yaml").write_text(yaml.safe_dump(new))
    capsys.readouterr()
    status = main(["diff", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml"), *args])
    return status, capsys.readouterr().out.splitlines()


def changed(tmp_path: Path, capsys: Cap, edit: Any) -> tuple[int, str]:
    new = base_spec()
    edit(new)
    status, lines = run_diff(tmp_path, base_spec(), new, capsys=capsys)
    return status, "\n".join(lines)


def schemas(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["components"]["schemas"]  # type: ignore[no-any-return]


def messages(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["components"]["messages"]  # type: ignore[no-any-return]


def test_same_spec_has_no_changes(tmp_path: Path, capsys: Cap) -> None:
    status, lines = run_diff(tmp_path, base_spec(), base_spec(), capsys=capsys)
    assert (status, lines) == (0, [])


def test_annotations_only_are_no_change(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        move = schemas(spec)["Move"]
        move["description"] = "A move"
        move["properties"]["x"]["title"] = "X"
        move["properties"]["x"]["examples"] = [1]

    assert changed(tmp_path, capsys, edit) == (0, "")


# -- Events and namespaces -----------------------------------------------------------------


def test_client_event_removed_breaks_clients(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        del spec["channels"]["/"]["publish"]

    status, out = changed(tmp_path, capsys, edit)
    assert status == 1
    assert "breaking (clients): / 'make_move': event removed (client->server)" in out


def test_server_event_removed_breaks_clients(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        del spec["channels"]["/"]["subscribe"]

    status, out = changed(tmp_path, capsys, edit)
    assert status == 1
    assert "breaking (clients): / 'moved': event removed (server->client)" in out


def test_event_renamed_is_removed_with_a_hint(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        messages(spec)["MakeMove"]["name"] = "play"

    status, out = changed(tmp_path, capsys, edit)
    assert status == 1
    assert "breaking (clients): / 'make_move': event removed (client->server) " \
           "(renamed to 'play'?)" in out  # fmt: skip
    assert "compatible: / 'play': event added (client->server)" in out


def test_event_added_is_compatible(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        spec["channels"]["/"]["subscribe"]["message"]["oneOf"].append(
            {"name": "chat", "payload": {"type": "string"}}
        )

    assert changed(tmp_path, capsys, edit) == (
        0, "compatible: / 'chat': event added (server->client)"
    )  # fmt: skip


def test_namespace_removed_breaks_clients(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        del spec["channels"]["/admin"]

    assert changed(tmp_path, capsys, edit) == (1, "breaking (clients): /admin: namespace removed")


def test_namespace_added_is_compatible(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        spec["channels"]["/chat"] = {"publish": {"message": {"name": "say"}}}

    status, out = changed(tmp_path, capsys, edit)
    assert status == 0
    assert out.splitlines()[0] == "compatible: /chat: namespace added"


def test_event_deprecated_is_compatible(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        spec["channels"]["/"]["deprecated"] = True
        messages(spec)["Moved"]["deprecated"] = True

    status, out = changed(tmp_path, capsys, edit)
    assert status == 0
    assert "compatible: / 'moved': event deprecated" in out


def test_payload_added_or_removed_breaks_both(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        del messages(spec)["Moved"]["payload"]

    status, out = changed(tmp_path, capsys, edit)
    assert (status, out) == (1, "breaking (clients, servers): / 'moved' payload: payload removed")
    old, new = base_spec(), base_spec()
    del messages(old)["Moved"]["payload"]
    status, lines = run_diff(tmp_path, old, new, capsys=capsys)
    assert (status, lines) == (
        1,
        ["breaking (clients, servers): / 'moved' payload: payload added to an event that had none"],
    )


# -- Rest arguments: what may follow an argument list's (or an ack's) fixed positions ------

STR, INT = {"type": "string"}, {"type": "integer"}


def args(rest: Any = None, **extra: Any) -> dict[str, Any]:
    """An argument list of one string, then ``rest`` as its additionalItems (None: none)."""
    schema: dict[str, Any] = {"type": "array", "items": [STR], **extra}
    if rest is not None:
        schema["additionalItems"] = rest
    return schema


def payloads(tmp_path: Path, capsys: Cap, message: str, before: Any, after: Any,
             key: str = "payload") -> tuple[int, list[str]]:  # fmt: skip
    old, new = base_spec(), base_spec()
    messages(old)[message][key] = before
    messages(new)[message][key] = after
    return run_diff(tmp_path, old, new, capsys=capsys)


def test_rest_added_to_a_closed_argument_list_breaks_old_receivers(
    tmp_path: Path, capsys: Cap
) -> None:
    """New clients may send rest arguments that an old server's closed list refuses; taking
    the rest away again refuses what old clients may send."""
    closed, rest = args(False), args(INT)
    assert payloads(tmp_path, capsys, "MakeMove", closed, rest) == (
        1, ["breaking (servers): / 'make_move' payload /additionalItems: rest added: items "
            "allowed past 1"],
    )  # fmt: skip
    assert payloads(tmp_path, capsys, "MakeMove", rest, closed) == (
        1, ["breaking (clients): / 'make_move' payload /additionalItems: rest removed: no item "
            "allowed past 1"],
    )  # fmt: skip
    # the server emits moved: the sides turn around
    assert payloads(tmp_path, capsys, "Moved", closed, rest)[1] == [
        "breaking (clients): / 'moved' payload /additionalItems: rest added: items allowed past 1"
    ]


def test_rest_schema_narrowed_or_widened_is_classified_by_its_sender(
    tmp_path: Path, capsys: Cap
) -> None:
    narrow = {"type": "integer", "minimum": 0}
    assert payloads(tmp_path, capsys, "Moved", args(INT), args(narrow)) == (
        1, ["breaking (servers): / 'moved' payload /additionalItems/minimum: rest: minimum 0 "
            "added"],
    )  # fmt: skip
    assert payloads(tmp_path, capsys, "Moved", args(narrow), args(INT))[1] == [
        "breaking (clients): / 'moved' payload /additionalItems/minimum: rest: minimum 0 removed"
    ]
    assert payloads(tmp_path, capsys, "MakeMove", args(INT), args({"type": "number"}))[1] == [
        "breaking (servers): / 'make_move' payload /additionalItems/type: rest: type widened "
        "from integer to number"
    ]


def test_rest_on_an_open_argument_list(tmp_path: Path, capsys: Cap) -> None:
    """Without additionalItems any item may follow (JSON Schema): a typed rest narrows that, a
    rest of any values accepts the same (the handler's signature changes: compatible)."""
    assert payloads(tmp_path, capsys, "MakeMove", args(), args(INT))[1] == [
        "breaking (clients): / 'make_move' payload /additionalItems/type: rest added: type "
        "narrowed from any to integer"
    ]
    assert payloads(tmp_path, capsys, "MakeMove", args(INT), args())[1] == [
        "breaking (servers): / 'make_move' payload /additionalItems/type: rest removed: type "
        "widened from integer to any"
    ]
    assert payloads(tmp_path, capsys, "MakeMove", args(), args({})) == (
        0, ["compatible: / 'make_move' payload: rest arguments added (any values, which the old "
            "schema accepted too)"],
    )  # fmt: skip


def test_rest_in_prefix_items_form(tmp_path: Path, capsys: Cap) -> None:
    before = {"type": "array", "prefixItems": [STR], "items": False}
    after = {"type": "array", "prefixItems": [STR], "items": INT}
    assert payloads(tmp_path, capsys, "MakeMove", before, after)[1] == [
        "breaking (servers): / 'make_move' payload /items: rest added: items allowed past 1"
    ]


def test_rest_only_argument_lists_accept_any_arguments(tmp_path: Path, capsys: Cap) -> None:
    """additionalItems without a tuple-form items is ignored by JSON Schema (and typed Any)."""
    before = {"type": "array", "additionalItems": INT}
    after = {"type": "array", "additionalItems": STR}
    assert payloads(tmp_path, capsys, "MakeMove", before, after) == (0, [])


def test_ack_rest_changes_flow_the_other_way(tmp_path: Path, capsys: Cap) -> None:
    """make_move's ack goes from the server to clients."""
    narrow = {"type": "integer", "minimum": 0}
    assert payloads(tmp_path, capsys, "MakeMove", args(INT), args(narrow), "x-ack")[1] == [
        "breaking (servers): / 'make_move' ack /additionalItems/minimum: rest: minimum 0 added"
    ]
    assert payloads(tmp_path, capsys, "MakeMove", args(False), args(INT), "x-ack")[1] == [
        "breaking (clients): / 'make_move' ack /additionalItems: rest added: items allowed past 1"
    ]
    assert payloads(tmp_path, capsys, "MakeMove", args(INT), args(False), "x-ack")[1] == [
        "breaking (servers): / 'make_move' ack /additionalItems: rest removed: no item allowed "
        "past 1"
    ]


# -- Payloads: the direction decides whom a change breaks ----------------------------------


def test_required_field_added_to_what_the_server_receives_breaks_clients(
    tmp_path: Path, capsys: Cap
) -> None:
    def edit(spec: dict[str, Any]) -> None:
        messages(spec)["MakeMove"]["payload"] = {
            **MOVE, "required": ["game_id", "x", "mark"]
        }  # fmt: skip

    status, out = changed(tmp_path, capsys, edit)
    assert (status, out) == (
        1, "breaking (clients): / 'make_move' payload /properties/mark: field made required"
    )  # fmt: skip


def test_required_field_added_to_what_clients_receive_breaks_old_servers(
    tmp_path: Path, capsys: Cap
) -> None:
    """Old servers do not send it; clients built from the new spec refuse its absence."""

    def edit(spec: dict[str, Any]) -> None:
        messages(spec)["Moved"]["payload"] = {
            **MOVE, "properties": {**MOVE["properties"], "y": {"type": "integer"}},
            "required": ["game_id", "x", "y"],
        }  # fmt: skip

    status, out = changed(tmp_path, capsys, edit)
    assert (status, out) == (
        1, "breaking (servers): / 'moved' payload /properties/y: required field added"
    )  # fmt: skip


def test_optional_field_added_is_compatible(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        schemas(spec)["Move"]["properties"]["comment"] = {"type": "string"}

    status, out = changed(tmp_path, capsys, edit)
    assert status == 0
    assert out.splitlines() == [
        "compatible: / 'make_move' payload /properties/comment: optional field added",
        "compatible: / 'moved' payload /properties/comment: optional field added",
    ]


def test_field_removed_breaks_receiving_clients(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        del schemas(spec)["Move"]["properties"]["note"]

    status, out = changed(tmp_path, capsys, edit)
    assert status == 1
    # Clients that read `moved` may rely on it; an old server still reads what new clients
    # send to it without the field (it was optional): the removal breaks it only if required.
    assert out.splitlines() == [
        "breaking (servers): / 'make_move' payload /properties/note: field removed",
        "breaking (clients): / 'moved' payload /properties/note: field removed",
    ]


def test_required_field_removed(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        move = schemas(spec)["Move"]
        del move["properties"]["x"]
        move["required"] = ["game_id"]

    status, out = changed(tmp_path, capsys, edit)
    assert status == 1
    assert out.splitlines() == [
        "breaking (servers): / 'make_move' payload /properties/x: required field removed",
        "breaking (clients): / 'moved' payload /properties/x: required field removed",
    ]


def test_field_made_optional(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        schemas(spec)["Move"]["required"] = ["game_id"]

    status, out = changed(tmp_path, capsys, edit)
    assert status == 1
    assert out.splitlines() == [
        "breaking (servers): / 'make_move' payload /properties/x: field made optional",
        "breaking (clients): / 'moved' payload /properties/x: field made optional",
    ]


def test_type_narrowed_breaks_senders(tmp_path: Path, capsys: Cap) -> None:
    old, new = base_spec(), base_spec()
    schemas(old)["Move"]["properties"]["game_id"] = {"type": "number"}
    status, lines = run_diff(tmp_path, old, new, capsys=capsys)
    assert status == 1
    assert lines == [
        "breaking (clients): / 'make_move' payload /properties/game_id/type: "
        "type narrowed from number to integer",
        "breaking (servers): / 'moved' payload /properties/game_id/type: "
        "type narrowed from number to integer",
    ]


def test_type_widened_breaks_receivers(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        schemas(spec)["Move"]["properties"]["game_id"] = {"type": ["integer", "string"]}

    status, out = changed(tmp_path, capsys, edit)
    assert status == 1
    assert out.splitlines() == [
        "breaking (servers): / 'make_move' payload /properties/game_id/type: "
        "type widened from integer to integer/string",
        "breaking (clients): / 'moved' payload /properties/game_id/type: "
        "type widened from integer to integer/string",
    ]


def test_enum_value_removed_and_added(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        schemas(spec)["Move"]["properties"]["mark"]["enum"] = ["X", "Z"]

    status, out = changed(tmp_path, capsys, edit)
    assert status == 1
    assert out.splitlines() == [
        "breaking (clients): / 'make_move' payload /properties/mark/enum: "
        "enum value(s) removed: 'O'",
        "breaking (servers): / 'make_move' payload /properties/mark/enum: enum value(s) added: 'Z'",
        "breaking (servers): / 'moved' payload /properties/mark/enum: enum value(s) removed: 'O'",
        "breaking (clients): / 'moved' payload /properties/mark/enum: enum value(s) added: 'Z'",
    ]


def test_bounds_tightened_and_loosened(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        x = schemas(spec)["Move"]["properties"]["x"]
        x["minimum"], x["maximum"] = 1, 5
        schemas(spec)["Move"]["properties"]["note"]["maxLength"] = 10

    status, out = changed(tmp_path, capsys, edit)
    lines = [line for line in out.splitlines() if "'make_move'" in line]
    assert status == 1
    assert lines == [
        "breaking (clients): / 'make_move' payload /properties/note/maxLength: maxLength 10 added",
        "breaking (clients): / 'make_move' payload /properties/x/minimum: "
        "minimum changed from 0 to 1",
        "breaking (servers): / 'make_move' payload /properties/x/maximum: "
        "maximum changed from 2 to 5",
    ]


def test_additional_properties_closed(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        schemas(spec)["Move"]["additionalProperties"] = False

    status, out = changed(tmp_path, capsys, edit)
    assert status == 1
    assert "breaking (clients): / 'make_move' payload /additionalProperties: " \
           "other fields no longer allowed" in out  # fmt: skip


def test_pattern_changed_is_possibly_breaking(tmp_path: Path, capsys: Cap) -> None:
    old, new = base_spec(), base_spec()
    schemas(old)["Move"]["properties"]["note"]["pattern"] = "^[a-z]+$"
    schemas(new)["Move"]["properties"]["note"]["pattern"] = "^[a-z0-9]+$"
    status, lines = run_diff(tmp_path, old, new, capsys=capsys)
    assert status == 1
    assert lines[0] == (
        "possibly breaking (clients, servers): / 'make_move' payload /properties/note/pattern: "
        "pattern changed from '^[a-z]+$' to '^[a-z0-9]+$': cannot tell whether it narrows"
    )


def test_one_of_changed_is_possibly_breaking(tmp_path: Path, capsys: Cap) -> None:
    old, new = base_spec(), base_spec()
    schemas(old)["Move"]["properties"]["note"] = {"oneOf": [{"type": "string"}, {"type": "null"}]}
    schemas(new)["Move"]["properties"]["note"] = {
        "oneOf": [{"type": "string"}, {"type": "null"}, {"type": "integer"}]
    }
    status, lines = run_diff(tmp_path, old, new, capsys=capsys)
    assert status == 1
    assert lines[0] == (
        "possibly breaking (clients, servers): / 'make_move' payload /properties/note: "
        "oneOf changed: cannot tell whether it narrows"
    )


def test_any_of_alternative_added_widens(tmp_path: Path, capsys: Cap) -> None:
    old, new = base_spec(), base_spec()
    schemas(old)["Move"]["properties"]["note"] = {"anyOf": [{"type": "string"}]}
    schemas(new)["Move"]["properties"]["note"] = {"anyOf": [{"type": "string"}, {"type": "null"}]}
    status, lines = run_diff(tmp_path, old, new, capsys=capsys)
    assert status == 1
    assert lines[0] == (
        "breaking (servers): / 'make_move' payload /properties/note/anyOf: anyOf alternative added"
    )


def test_required_field_without_its_schema_accepts_any_value() -> None:
    old = {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"]}
    new = {"type": "object", "required": ["a"]}
    found = Comparer({}, {}).compare(old, new)
    assert [(c.path, c.kind) for c in found] == [("/properties/a", "widened")]


def test_reordered_lists_are_no_change() -> None:
    old = {"type": ["string", "null"], "enum": ["a", "b", None],
           "anyOf": [{"minLength": 1}, {"type": "null"}]}  # fmt: skip
    new = {"type": ["null", "string"], "enum": [None, "b", "a"],
           "anyOf": [{"type": "null"}, {"minLength": 1}]}  # fmt: skip
    assert Comparer({}, {}).compare(old, new) == []


def test_renamed_model_with_the_same_content_is_no_change(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        schemas(spec)["Move2"] = schemas(spec).pop("Move")
        for message in ("MakeMove", "Moved"):
            messages(spec)[message]["payload"] = {"$ref": "#/components/schemas/Move2"}

    assert changed(tmp_path, capsys, edit) == (0, "")


def test_recursive_schemas_compare() -> None:
    tree = {"type": "object", "properties": {"kids": {"type": "array",
            "items": {"$ref": "#/definitions/Tree"}}}}  # fmt: skip
    wider = copy.deepcopy(tree)
    wider["properties"]["name"] = {"type": "string"}
    wider["required"] = ["name"]
    found = Comparer({"Tree": tree}, {"Tree": wider}).compare(
        {"$ref": "#/definitions/Tree"}, {"$ref": "#/definitions/Tree"}
    )
    assert [(c.path, c.kind, c.message) for c in found] == [
        ("/properties/name", "narrowed", "required field added")
    ]


# -- Acks ----------------------------------------------------------------------------------


def test_ack_removed_breaks_clients_awaiting_it(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        del messages(spec)["MakeMove"]["x-ack"]

    assert changed(tmp_path, capsys, edit) == (
        1, "breaking (clients): / 'make_move' ack: ack removed: old emitters await one in vain"
    )  # fmt: skip


def test_an_ack_that_becomes_several_values_breaks_both(tmp_path: Path, capsys: Cap) -> None:
    """A tuple-form ack that says what follows its items (a rest) is several ack arguments;
    without it, one list: the wire changes either way."""
    old, new = base_spec(), base_spec()
    messages(old)["MakeMove"]["x-ack"] = {"type": "array", "items": [{"type": "string"}]}
    messages(new)["MakeMove"]["x-ack"] = {
        "type": "array", "items": [{"type": "string"}], "additionalItems": {"type": "integer"}
    }  # fmt: skip
    status, lines = run_diff(tmp_path, old, new, capsys=capsys)
    assert (status, lines) == (
        1, ["breaking (clients, servers): / 'make_move' ack: ack now sent as several values"]
    )  # fmt: skip
    status, lines = run_diff(tmp_path, new, old, capsys=capsys)
    assert lines == [
        "breaking (clients, servers): / 'make_move' ack: ack no longer sent as several values"
    ]
    # a rest-only ack (only additionalItems) is any number of values too
    rest_only = {"type": "array", "additionalItems": {"format": "any"}}
    assert payloads(tmp_path, capsys, "MakeMove", {"type": "array"}, rest_only, "x-ack") == (
        1, ["breaking (clients, servers): / 'make_move' ack: ack now sent as several values"]
    )  # fmt: skip


def test_ack_added_to_a_server_event_breaks_old_clients(tmp_path: Path, capsys: Cap) -> None:
    """The new server awaits an ack that old clients never send."""

    def edit(spec: dict[str, Any]) -> None:
        messages(spec)["Moved"]["x-ack"] = {"type": "boolean"}

    assert changed(tmp_path, capsys, edit) == (
        1, "breaking (clients): / 'moved' ack: ack added: old receivers send none"
    )  # fmt: skip


def test_ack_added_to_a_client_event_breaks_old_servers(tmp_path: Path, capsys: Cap) -> None:
    """New clients await an ack that an old server never sends; old clients ignore it."""
    old, new = base_spec(), base_spec()
    del messages(old)["MakeMove"]["x-ack"]
    status, lines = run_diff(tmp_path, old, new, capsys=capsys)
    assert (status, lines) == (
        1, ["breaking (servers): / 'make_move' ack: ack added: old receivers send none"]
    )  # fmt: skip


def test_ack_changed_is_classified_in_its_own_direction(tmp_path: Path, capsys: Cap) -> None:
    """The ack of make_move flows from the server to clients: a required field added to it is
    what old servers do not send."""

    def edit(spec: dict[str, Any]) -> None:
        messages(spec)["MakeMove"]["x-ack"]["required"] = ["error"]

    assert changed(tmp_path, capsys, edit) == (
        1, "breaking (servers): / 'make_move' ack /properties/error: field made required"
    )  # fmt: skip


# -- Bindings and security -----------------------------------------------------------------


def test_required_binding_parameter_added_breaks_clients(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        spec["channels"]["/"]["bindings"] = {"ws": {"query": {
            "type": "object", "properties": {"room": {"type": "string"}}, "required": ["room"]
        }}}  # fmt: skip

    assert changed(tmp_path, capsys, edit) == (
        1, "breaking (clients): / query /properties/room: required field added"
    )  # fmt: skip


def test_optional_binding_parameter_added_is_compatible(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        spec["channels"]["/"]["bindings"] = {"ws": {"headers": {
            "type": "object", "properties": {"X-Room": {"type": "string"}}
        }}}  # fmt: skip

    assert changed(tmp_path, capsys, edit) == (
        0, "compatible: / headers /properties/X-Room: optional field added"
    )  # fmt: skip


def test_security_added_breaks_clients(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        spec["channels"]["/"]["x-security"] = [{"key": []}]

    assert changed(tmp_path, capsys, edit) == (
        1, "breaking (clients): / security: security added or tightened: none -> key"
    )  # fmt: skip


def test_security_tightened_breaks_clients(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        spec["channels"]["/admin"]["x-security"] = [{"bearer": [], "key": []}]

    assert changed(tmp_path, capsys, edit) == (
        1, "breaking (clients): /admin security: security added or tightened: "
           "bearer -> bearer and key",
    )  # fmt: skip


def test_security_alternative_added_breaks_old_servers(tmp_path: Path, capsys: Cap) -> None:
    def edit(spec: dict[str, Any]) -> None:
        spec["channels"]["/admin"]["x-security"] = [{"bearer": []}, {"key": []}]

    assert changed(tmp_path, capsys, edit) == (
        1, "breaking (servers): /admin security: security removed or loosened: "
           "bearer -> bearer or key",
    )  # fmt: skip


def test_security_scheme_moved_breaks_both(tmp_path: Path, capsys: Cap) -> None:
    old, new = base_spec(), base_spec()
    for spec in (old, new):
        spec["channels"]["/admin"]["x-security"] = [{"key": []}]
    new["components"]["securitySchemes"]["key"]["in"] = "query"
    status, lines = run_diff(tmp_path, old, new, capsys=capsys)
    assert (status, lines) == (
        1, ["breaking (clients, servers): /admin security: security scheme 'key' changed how "
            "credentials travel"],
    )  # fmt: skip


# -- Output, exit statuses, versions -------------------------------------------------------


def test_json_output(tmp_path: Path, capsys: Cap) -> None:
    new = base_spec()
    messages(new)["MakeMove"]["payload"] = {**MOVE, "required": ["game_id", "x", "mark"]}
    status, lines = run_diff(tmp_path, base_spec(), new, "--format", "json", capsys=capsys)
    assert status == 1
    document = json.loads("\n".join(lines))
    assert document == {
        "format": "sio-codegen-diff",
        "version": 1,
        "old": str(tmp_path / "old.yaml"),
        "new": str(tmp_path / "new.yaml"),
        "breaking": True,
        "changes": [
            {
                "level": "breaking",
                "breaks": ["clients"],
                "namespace": "/",
                "event": "make_move",
                "direction": "client",
                "part": "payload",
                "path": "/properties/mark",
                "message": "field made required",
                "old_pointer": "/channels/~1/publish/message/oneOf/0",
                "new_pointer": "/channels/~1/publish/message/oneOf/0",
            }
        ],
    }


def test_json_output_without_changes(tmp_path: Path, capsys: Cap) -> None:
    status, lines = run_diff(tmp_path, base_spec(), base_spec(), "--format=json", capsys=capsys)
    assert status == 0
    assert json.loads("\n".join(lines))["changes"] == []


def test_quiet_prints_breaking_changes_only(tmp_path: Path, capsys: Cap) -> None:
    new = base_spec()
    schemas(new)["Move"]["properties"]["comment"] = {"type": "string"}
    status, lines = run_diff(tmp_path, base_spec(), new, "-q", capsys=capsys)
    assert (status, lines) == (0, [])


def test_3x_and_2x_versions_of_one_api_compare_equal(tmp_path: Path, capsys: Cap) -> None:
    """The comparison runs on the version-neutral model: a 2.6 spec and its 3.0 form have no
    difference."""
    v3 = {
        "asyncapi": "3.0.0",
        "info": {"title": "Game", "version": "1.0.0"},
        "channels": {
            "root": {
                "address": "/",
                "messages": {
                    "MakeMove": {"$ref": "#/components/messages/MakeMove"},
                    "Moved": {"$ref": "#/components/messages/Moved"},
                },
            }
        },
        "operations": {
            "makeMove": {
                "action": "receive",
                "channel": {"$ref": "#/channels/root"},
                "messages": [{"$ref": "#/channels/root/messages/MakeMove"}],
                "reply": {
                    "channel": {"$ref": "#/channels/root"},
                    "messages": [{"$ref": "#/channels/root/messages/MakeMoveAck"}],
                },
            },
            "moved": {
                "action": "send",
                "channel": {"$ref": "#/channels/root"},
                "messages": [{"$ref": "#/channels/root/messages/Moved"}],
            },
        },
        "components": {
            "messages": {
                "MakeMove": {"name": "make_move", "payload": {"$ref": "#/components/schemas/Move"}},
                "Moved": {"name": "moved", "payload": {"$ref": "#/components/schemas/Move"}},
                "MakeMoveAck": {"name": "make_move_ack", "payload": copy.deepcopy(ACK)},
            },
            "schemas": {"Move": copy.deepcopy(MOVE)},
        },
    }
    v3["channels"]["root"]["messages"]["MakeMoveAck"] = {
        "$ref": "#/components/messages/MakeMoveAck"
    }
    old = base_spec()
    del old["channels"]["/admin"]
    status, lines = run_diff(tmp_path, old, v3, capsys=capsys)
    assert (status, lines) == (0, [])


def test_invalid_spec_is_one_located_line_and_exit_2(tmp_path: Path, capsys: Cap) -> None:
    (tmp_path / "old.yaml").write_text(yaml.safe_dump(base_spec()))
    (tmp_path / "new.yaml").write_text(
        "asyncapi: 2.6.0\ninfo: {title: T, version: '1'}\nbogus: 1\nchannels: {}\n"
    )
    status = main(["diff", str(tmp_path / "old.yaml"), str(tmp_path / "new.yaml")])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    assert captured.err.splitlines() == [
        f"{tmp_path / 'new.yaml'}:3:1: error: does not match the AsyncAPI 2.6.0 schema: "
        "unexpected field(s): bogus (at /bogus)"
    ]


def test_wrong_arguments_exit_2(tmp_path: Path, capsys: Cap) -> None:
    (tmp_path / "a.yaml").write_text(yaml.safe_dump(base_spec()))
    assert main(["diff", str(tmp_path / "a.yaml")]) == 2
    assert "give OLD and NEW" in capsys.readouterr().err


# -- --base REV:PATH -----------------------------------------------------------------------


def git(repo: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *args], cwd=repo,
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose first commit holds api/asyncapi.yaml with its schema in a file of
    its own (api/schemas/move.yaml); the working tree then adds a required field to it."""
    if shutil.which("git") is None:  # pragma: no cover
        pytest.fail("git is needed")
    root = tmp_path / "repo"
    (root / "api" / "schemas").mkdir(parents=True)
    spec = base_spec()
    spec["components"]["schemas"]["Move"] = {"$ref": "./schemas/move.yaml"}
    (root / "api" / "asyncapi.yaml").write_text(yaml.safe_dump(spec))
    (root / "api" / "schemas" / "move.yaml").write_text(yaml.safe_dump(MOVE))
    git(root, "init", "-q", "-b", "main")
    git(root, "add", ".")
    git(root, "commit", "-q", "-m", "first")
    (root / "api" / "schemas" / "move.yaml").write_text(
        yaml.safe_dump({**MOVE, "required": ["game_id", "x", "mark"]})
    )
    monkeypatch.chdir(root)
    return root


def test_base_reads_the_old_spec_and_its_files_from_the_revision(repo: Path, capsys: Cap) -> None:
    before = sorted(p for p in repo.rglob("*") if ".git" not in p.parts)
    status = main(["diff", "--base", "main:api/asyncapi.yaml", "api/asyncapi.yaml"])
    out = capsys.readouterr().out.splitlines()
    assert status == 1
    assert "breaking (clients): / 'make_move' payload /properties/mark: field made required" in out
    assert sorted(p for p in repo.rglob("*") if ".git" not in p.parts) == before
    assert git(repo, "status", "--porcelain") == " M api/schemas/move.yaml\n"


def test_base_path_relative_to_the_current_folder(
    repo: Path, capsys: Cap, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo / "api")
    git(repo, "checkout", "-q", "--", ".")
    status = main(["diff", "--base", "HEAD:./asyncapi.yaml", "asyncapi.yaml"])
    assert (status, capsys.readouterr().out) == (0, "")


def test_base_ref_leaving_the_folder_is_an_error_in_the_revision(repo: Path, capsys: Cap) -> None:
    spec = base_spec()
    spec["components"]["schemas"]["Move"] = {"$ref": "../move.yaml"}
    (repo / "api" / "asyncapi.yaml").write_text(yaml.safe_dump(spec))
    (repo / "move.yaml").write_text(yaml.safe_dump(MOVE))
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "outside")
    status = main(["diff", "--base", "HEAD:api/asyncapi.yaml", "api/asyncapi.yaml"])
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("HEAD:api/asyncapi.yaml:"), err
    assert "../move.yaml" in err


@pytest.mark.parametrize(
    ("base", "message"),
    [
        ("nope:api/asyncapi.yaml", "nope:api/asyncapi.yaml: error: no commit 'nope' in this "
                                   "repository (at /)"),
        ("main:api/missing.yaml", "main:api/missing.yaml: error: no file 'api/missing.yaml' in "
                                  "main (at /)"),
        ("main", "main: error: expected REV:PATH, e.g. origin/main:asyncapi.yaml (at /)"),
        ("--output=x:api/asyncapi.yaml", "--output=x:api/asyncapi.yaml: error: '--output=x' is "
                                         "not a revision (at /)"),
        ("main:../x.yaml", "main:../x.yaml: error: '../x.yaml' is outside the repository (at /)"),
    ],
)  # fmt: skip
def test_base_errors_are_one_line_and_exit_2(
    repo: Path, capsys: Cap, base: str, message: str
) -> None:
    status = main(["diff", f"--base={base}", "api/asyncapi.yaml"])
    assert (status, capsys.readouterr().err.splitlines()) == (2, [message])
