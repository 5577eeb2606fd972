"""The event catalog (``sio-codegen catalog``): its format (checked against its own JSON Schema),
self-contained schemas, examples valid against them (checked by jsonschema's own Draft 7
validator), deterministic for a seed, the client's method names, and the command line."""

from __future__ import annotations

import json
import os
import random
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import referencing
from conftest import SPECS_CORPUS
from docs_pages import GOLDEN_SPECS, HOSTILE, golden_args
from helpers import dedent, run_cli
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from sio_codegen.diagnostics import SpecError
from sio_codegen.load.loader import load_api
from sio_codegen.options import LoadOptions
from sio_codegen.render import examples
from sio_codegen.render.catalog import catalog, catalog_schema
from sio_codegen.render.client import methods

ROOT = Path(__file__).resolve().parent.parent
E2E = ROOT / "tests" / "specs" / "e2e.yaml"


def catalog_of(args: list[str], capsys: pytest.CaptureFixture[str]) -> dict[str, Any]:
    code, out, err = run_cli(["catalog", *args, "--quiet"], capsys)
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def parts(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Every argument, ack and binding entry of a catalog."""
    found = []
    for ns in data["namespaces"]:
        found.extend(b for b in ns["bindings"].values() if b is not None)
        for event in ns["events"]:
            found.extend(event["args"])
            if event["ack"] is not None:
                found.append(event["ack"])
    return found


def strict_validator(schema: dict[str, Any]) -> jsonschema.Draft7Validator:
    """jsonschema's own validator (Python's re for patterns: these schemas are trusted)."""
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(
        schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )


def resolver(schema: dict[str, Any]) -> referencing.Resolver[Any]:
    resource = Resource.from_contents(schema, default_specification=DRAFT7)
    return Registry().with_resource("urn:schema", resource).resolver(base_uri="urn:schema")


def assert_sound(data: dict[str, Any]) -> int:
    """The catalog matches its schema; every schema resolves every reference inside itself;
    every example is valid. Returns how many examples there are."""
    jsonschema.Draft7Validator.check_schema(catalog_schema())
    jsonschema.validate(data, catalog_schema())
    count = 0
    for part in parts(data):
        schema = part["schema"]
        validator = strict_validator(schema)
        for ref in re.findall(r'"\$ref": ?"([^"]*)"', json.dumps(schema)):
            assert ref.startswith("#/definitions/"), ref
            resolver(schema).lookup(ref)  # raises on a dangling reference
        if "example" in part:
            errors = [e.message for e in validator.iter_errors(part["example"])]
            assert not errors, (schema, part["example"], errors)
            count += 1
    for ns in data["namespaces"]:  # rest arguments: each value of the example valid
        for rest in (e["rest"] for e in ns["events"] if "rest" in e):
            validator = strict_validator(rest["schema"])
            assert all(validator.is_valid(value) for value in rest.get("example", [])), rest
    return count


@pytest.mark.parametrize("case", sorted(GOLDEN_SPECS))
def test_golden_catalogs_are_sound_and_list_every_event_with_its_client_method(
    case: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data = catalog_of(golden_args(case), capsys)
    assert assert_sound(data) > 0
    args = golden_args(case)
    options = LoadOptions(refs_root=Path(args[2]) if len(args) > 1 else None)
    api = load_api(Path(args[0]), options).api
    assert [ns["name"] for ns in data["namespaces"]] == [ns.name for ns in api.namespaces]
    for ns, entry in zip(api.namespaces, data["namespaces"], strict=True):
        names = methods(ns)
        listed = [(e["direction"], e["name"], e["client_method"]) for e in entry["events"]]
        expected = [
            ({"client": "client_to_server", "server": "server_to_client"}[e.direction], e.name,
             names[(e.direction, e.name)])
            for e in ns.client_events + ns.server_events
        ]  # fmt: skip
        assert listed == expected


def test_x_rooms_and_namespace_parameters_are_listed(capsys: pytest.CaptureFixture[str]) -> None:
    """A namespace's declared rooms (``rooms``: the closed set of names, or null, and the
    schema of a name), only where it declares them; a dynamic namespace's parameters with the
    2.x parameter's description."""
    rooms = {ns["name"]: ns for ns in catalog_of(golden_args("rooms"), capsys)["namespaces"]}
    assert rooms["/"]["rooms"] == {
        "names": ["lobby", "support"],
        "schema": {"type": "string", "enum": ["lobby", "support"]},
    }
    assert rooms["/game"]["rooms"] == {
        "names": None,
        "schema": {"type": "string", "pattern": "^game-[0-9]{1,6}$"},
    }
    dynamic = {
        ns["name"]: ns for ns in catalog_of(golden_args("channel_params"), capsys)["namespaces"]
    }
    assert "rooms" not in dynamic["/"] and "parameters" not in dynamic["/"]
    assert dynamic["/rooms/{roomId}"]["rooms"]["names"] == ["a", "b"]
    room_id = dynamic["/rooms/{roomId}"]["parameters"]["schema"]["properties"]["room_id"]
    assert room_id == {"type": "integer", "minimum": 1, "description": "The room's number."}


def test_client_method_names_are_the_generated_clients(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = catalog_of([str(E2E)], capsys)
    code, _, err = run_cli(["client", str(E2E), "-o", str(tmp_path / "e2e_client"), "-q"], capsys)
    assert code == 0, err
    source = (tmp_path / "e2e_client" / "client.py").read_text()
    for ns in data["namespaces"]:
        for event in ns["events"]:
            assert f"def {event['client_method']}(" in source, event
        assert re.search(rf"\bself\.{ns['client_attribute']}\b", source), ns["client_attribute"]


def test_corpus_catalogs_are_sound() -> None:
    """Every document of the corpus that loads: sound catalogs, and most schemas get an
    example (the rest are ones jsf cannot satisfy, such as `not` or overlapping `oneOf`)."""
    folder = SPECS_CORPUS
    made = total = 0
    for path in sorted(folder.rglob("*.y*ml")) + sorted(folder.rglob("*.json")):
        try:
            api = load_api(path, LoadOptions(validate=False, refs_root=path.parent.parent)).api
        except (SpecError, RecursionError, UnicodeDecodeError):
            continue
        data = catalog(api)
        made += assert_sound(data)
        total += len(parts(data))
    assert total > 200
    assert made >= 0.9 * total, (made, total)


def test_examples_are_deterministic_for_a_seed_and_follow_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    spec = str(GOLDEN_SPECS["asynction_chat"])
    first = catalog_of([spec, "--seed", "7"], capsys)
    assert catalog_of([spec, "--seed", "7"], capsys) == first
    other = catalog_of([spec, "--seed", "8"], capsys)
    assert first["seed"] == 7 and other["seed"] == 8

    def generated(data: dict[str, Any]) -> list[Any]:
        return [p["example"] for p in parts(data) if p.get("example_source") == "generated"]

    assert generated(first) != generated(other)


def test_generating_examples_leaves_the_random_module_as_it_was() -> None:
    random.seed(1234)
    state = random.getstate()
    examples.generated({"type": "object", "properties": {"a": {"type": "string"}}}, 5)
    assert random.getstate() == state


def test_spec_examples_come_first_and_invalid_ones_are_not_used(
    write_spec: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = write_spec(
        dedent("""
        asyncapi: 2.6.0
        info: {title: T, version: '1'}
        channels:
          /:
            publish:
              message:
                oneOf:
                  - name: good
                    payload: {type: object, properties: {n: {type: integer}}, required: [n]}
                    examples: [{payload: {n: 41}}, {payload: {n: 42}}]
                  - name: bad
                    payload: {type: object, properties: {n: {type: integer}}, required: [n]}
                    examples: [{payload: {n: "not a number"}}]
                  - name: schema_example
                    payload: {type: string, examples: ["from the schema"]}
                    x-ack: {type: integer, minimum: 3, default: 5}
                  - name: pair
                    x-multiple-args: true
                    payload:
                      type: array
                      items: [{type: integer, title: x}, {type: string}]
                    examples: [{payload: [1, "b"]}]
    """)
    )
    data = catalog_of([str(spec)], capsys)
    events = {e["name"]: e for e in data["namespaces"][0]["events"]}
    assert events["good"]["args"][0]["example"] == {"n": 41}
    assert events["good"]["args"][0]["example_source"] == "spec"
    bad = events["bad"]["args"][0]
    assert bad["example_source"] == "generated" and isinstance(bad["example"]["n"], int)
    assert events["schema_example"]["args"][0]["example"] == "from the schema"
    assert events["schema_example"]["ack"]["example"] == 5
    assert events["schema_example"]["ack"]["example_source"] == "spec"
    pair = events["pair"]
    assert pair["multiple_args"] is True
    assert [(a["name"], a["example"]) for a in pair["args"]] == [("x", 1), ("arg2", "b")]
    assert [a["schema"]["type"] for a in pair["args"]] == ["integer", "string"]
    assert_sound(data)


def test_referenced_and_circular_schemas_are_bundled_under_definitions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = catalog_of(golden_args("circular"), capsys)
    bundled = [p["schema"] for p in parts(data) if "definitions" in p["schema"]]
    assert bundled, "the circular golden spec refers to named schemas"
    assert_sound(data)


@pytest.mark.parametrize(
    "schema",
    [
        {"type": "string", "pattern": "^(a+)+$"},
        {"type": "string", "pattern": "^(a|aa)+$", "minLength": 30},
        {"type": "string", "pattern": "a{100000000}"},
        {"type": "string", "pattern": "^((((((a+)+)+)+)+)+)+$"},
        {"type": "string", "maxLength": 1_000_000_000},
        {"type": "string", "minLength": 1_000_000_000},
        {"type": "array", "items": {"type": "integer"}, "minItems": 1_000_000_000},
        {"type": "string", "pattern": "(?=a)a"},
    ],
)
def test_hostile_schemas_give_a_valid_example_or_none(schema: dict[str, Any]) -> None:
    """Bounded work (pytest-timeout is the guard; no timed assert): huge lengths and counts
    are refused or capped, nested repetitions are not drawn, and patterns are checked on a
    regex engine that does not backtrack."""
    found = examples.example(schema, [], seed=0)
    if found is not None:
        assert strict_validator(schema).is_valid(found.value)
        assert len(json.dumps(found.value)) < 2_000


@pytest.mark.parametrize(
    ("pattern", "limit"),
    [("^[a-z]{3,10}$", 8), ("^(a+)+$", 8), ("^a{12}b+$", 12), ("((((a+)+)+)+)", None),
     ("a{1001}", None), ("x|(y{2}){600}", None), ("(?=a)a", 8), ("^(ab{30}){40}$", None)],
)  # fmt: skip
def test_patterns_whose_strings_could_be_huge_are_not_drawn(
    pattern: str, limit: int | None
) -> None:
    assert examples.star_plus_limit([pattern]) == limit


@pytest.mark.parametrize(
    "ref", ["/etc/passwd#/x", "file:///etc/passwd#/x", "http://127.0.0.1:1/s.json#/x", "#/nope"]
)
def test_jsf_is_never_handed_a_reference_it_would_open(ref: str, tmp_path: Path) -> None:
    schema = {"type": "object", "properties": {"a": {"$ref": ref}}}
    assert examples._tamed(schema) is None
    assert examples.example(schema, [], seed=0) is None


def test_catalog_file_check_and_stdout(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = str(GOLDEN_SPECS["tictactoe"])
    out = tmp_path / "catalog.json"
    code, stdout, _ = run_cli(["catalog", spec], capsys)
    assert code == 0
    assert run_cli(["catalog", spec, "-o", str(out)], capsys)[0] == 0
    assert out.read_text() == stdout
    assert stdout.count("\n") == 1  # compact: one line
    assert run_cli(["catalog", spec, "-o", str(out), "--check"], capsys)[0] == 0
    code, _, err = run_cli(["catalog", spec, "-o", str(out), "--check", "--seed", "3"], capsys)
    assert code == 1
    assert f"regenerate with: sio-codegen catalog {spec} -o {out} --seed 3" in err
    assert run_cli(["catalog", spec, "--check"], capsys)[0] == 2


def test_a_catalog_file_is_regenerated_without_force_but_a_foreign_file_is_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A catalog has no DO NOT EDIT header (JSON has no comments): its own first bytes mark it
    as ours, so a changed seed rewrites it; a file that is not a catalog stays refused."""
    spec, out = str(E2E), tmp_path / "catalog.json"
    assert run_cli(["catalog", spec, "-o", str(out)], capsys)[0] == 0
    assert run_cli(["catalog", spec, "-o", str(out), "--seed", "7"], capsys)[0] == 0
    assert '"seed":7' in out.read_text()
    out.write_text('{"mine": true}\n')
    code, _, err = run_cli(["catalog", spec, "-o", str(out), "--seed", "8"], capsys)
    assert code == 2 and out.read_text() == '{"mine": true}\n'
    assert "did not generate" in err or "--force" in err


def test_a_bad_spec_is_one_located_error_and_nothing_is_written(
    write_spec: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = write_spec("asyncapi: 2.6.0\ninfo: {title: T, version: '1'}\nbogus: 1\nchannels: {}\n")
    for command in ("catalog", "docs"):
        target = tmp_path / f"{command}-out"
        code, _, err = run_cli([command, str(spec), "-o", str(target)], capsys)
        assert code == 2
        assert re.fullmatch(r"\S+asyncapi\.yaml:3:1: error: .*bogus.*\n", err), err
        assert not target.exists()


def test_hostile_spec_catalog_is_sound(capsys: pytest.CaptureFixture[str]) -> None:
    data = catalog_of([str(HOSTILE)], capsys)
    assert_sound(data)
    names = [e["name"] for ns in data["namespaces"] for e in ns["events"]]
    assert '"><img src=x onerror=alert(7)>' in names


def test_security_and_bindings_name_the_clients_keywords(
    write_spec: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    """A scheme the generated client leaves out (X509: no Socket.IO server enforces it) is
    listed with no keyword; the others keep the client's keyword names (userPassword too)."""
    spec = write_spec(
        dedent("""
        asyncapi: 2.6.0
        info: {title: T, version: '1'}
        servers:
          local:
            url: 127.0.0.1
            protocol: ws
            security: [{certs: []}, {bearer: []}, {userPass: []}]
        channels:
          /:
            bindings: {ws: {query: {type: object, properties: {room: {type: string}}}}}
            publish: {message: {name: hello}}
        components:
          securitySchemes:
            certs: {type: X509}
            bearer: {type: http, scheme: bearer}
            userPass: {type: userPassword}
    """)
    )
    data = catalog_of([str(spec)], capsys)
    assert_sound(data)
    schemes = data["security_schemes"]
    assert schemes["certs"]["client_keyword"] is None
    assert schemes["bearer"]["client_keyword"] == "bearer"
    assert schemes["userPass"]["client_keyword"] == "user_pass"
    (ns,) = data["namespaces"]
    assert ns["security"] == [
        [{"scheme": "certs", "scopes": []}],
        [{"scheme": "bearer", "scopes": []}],
        [{"scheme": "userPass", "scopes": []}],
    ]
    assert ns["bindings"]["query"]["client_keyword"] == "root_query"
    assert ns["bindings"]["query"]["schema"]["properties"] == {"room": {"type": "string"}}


@pytest.mark.parametrize("fmt", ["date-time", "date", "time"])
def test_generated_dates_do_not_depend_on_the_day_they_are_made(
    fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Faker draws dates up to "now": without a fixed reference, --check would go stale the
    next day. The clock is moved here by replacing the datetime class Faker reads it from."""
    import datetime as dt

    import faker.providers.date_time as clock

    schema = {"type": "string", "format": fmt}
    made = []
    for year in (2030, 2040):

        class Later(dt.datetime):
            YEAR = year

            @classmethod
            def now(cls, tz: dt.tzinfo | None = None) -> Later:  # type: ignore[override]
                return cls(cls.YEAR, 6, 1, tzinfo=dt.timezone.utc).astimezone(tz)

        monkeypatch.setattr(clock, "datetime", Later)
        found = examples.example(schema, [], seed=0)
        assert found is not None
        made.append(found.value)
    assert made[0] == made[1]


def test_generated_examples_do_not_depend_on_the_hash_seed() -> None:
    """rstr draws some characters from sets (`\\W`, `[^...]`), whose order depends on
    PYTHONHASHSEED."""
    import subprocess
    import sys

    script = (
        "import json\nfrom sio_codegen.render.examples import example\n"
        "schemas = [{'type': 'string', 'pattern': p} for p in "
        "('^\\\\W{12}$', '^[^a-z]{12}$', '^\\\\D\\\\S\\\\W.{9}$')]\n"
        "print(json.dumps([example(s, [], seed=0).value for s in schemas]))\n"
    )
    outputs = set()
    for hash_seed in ("0", "1", "2", "3"):
        result = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True,
            env={**os.environ, "PYTHONHASHSEED": hash_seed},
        )  # fmt: skip
        outputs.add(result.stdout)
    assert len(outputs) == 1, outputs


def test_an_optional_property_jsf_cannot_make_is_left_out() -> None:
    """An unsatisfiable optional property (circular's allOf of disjoint enums) or one whose
    pattern jsf cannot draw (a lookahead) used to leave the schema without any example."""
    unsatisfiable = {
        "type": "object",
        "properties": {
            "never": {"allOf": [{"enum": ["A"]}, {"enum": ["B"]}]},
            "handle": {"type": "string", "pattern": "^(?=.{3,20}$)[a-z0-9]+([._-]?[a-z0-9]+)*$"},
            "name": {"type": "string", "minLength": 1},
        },
        "required": ["name"],
    }
    found = examples.example(unsatisfiable, [], seed=0)
    assert found is not None and found.source == "generated"
    assert strict_validator(unsatisfiable).is_valid(found.value)
    assert "never" not in found.value


def test_a_schema_jsf_cannot_draw_from_still_gets_its_simplest_valid_instance() -> None:
    """zod-sockets writes "any extra arguments" as an array with only ``additionalItems``
    (``format: any``): jsf makes nothing valid from it, though ``[]`` is valid; the mock then had
    no fake data for ``subscribe`` and ``unsubscribe``."""
    rest_args = {"type": "array", "additionalItems": {"format": "any", "description": "Any"}}
    found = examples.example(rest_args, [], seed=0)
    assert found is not None and found.source == "generated"
    assert strict_validator(rest_args).is_valid(found.value)
    # Nothing simple is valid: still None, never an invalid value.
    impossible = {"type": "object", "required": ["a"], "properties": {"a": {"not": {}}}}
    assert examples.example(impossible, [], seed=0) is None


def test_rest_arguments_are_listed_after_the_fixed_ones(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """golden/rest: a variadic event's catalog entry has ``rest``: the schema of each rest
    argument (``{}`` where they are any values) and the rest of the payload's example."""
    data = catalog_of(golden_args("rest"), capsys)
    events = {e["name"]: e for ns in data["namespaces"] for e in ns["events"]}
    assert events["tag"]["rest"]["schema"] == {"type": "integer"}
    assert [arg["name"] for arg in events["tag"]["args"]] == ["arg1"]
    assert events["ping"]["args"] == [] and events["ping"]["rest"]["schema"] == {}
    assert events["label"]["rest"]["schema"]["required"] == ["text"]  # the $ref's model
    zod = catalog(load_api(SPECS_CORPUS / "RobinTail+zod-sockets" / "example"
                           / "example-documentation.yaml").api)  # fmt: skip
    ping = next(e for e in zod["namespaces"][0]["events"] if e["name"] == "ping")
    assert ping["rest"]["example"] == ["something"] and ping["rest"]["example_source"] == "spec"
    assert "rest" not in events.get("chat", {"name": "chat"})
    assert all("rest" not in e for e in zod["namespaces"][0]["events"] if e["name"] == "chat")


def test_every_argument_of_a_prefix_items_event_gets_an_example(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """validation's 'pair' (2020-12 prefixItems, ``items: {not: {}}``) had no example at all."""
    data = catalog_of(golden_args("validation"), capsys)
    pair = next(e for ns in data["namespaces"] for e in ns["events"] if e["name"] == "pair")
    assert len(pair["args"]) == 2
    for arg in pair["args"]:
        assert arg["example_source"] == "generated"
        assert strict_validator(arg["schema"]).is_valid(arg["example"])
