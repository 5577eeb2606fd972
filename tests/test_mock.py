"""The mock server (``sio-codegen mock SPEC``, ``python -m PKG --mock``): the generated typed
client (sync and asyncio) and Node's socket.io-client against the mock of every golden spec and
of the real-world Socket.IO specs of the corpus: fake acks that validate for every event,
server events emitted periodically with data that validates; and Asynction's mock-server
behaviours one by one (periodic emission, fake acks, the CLI), the seed, security, and that the
mock writes nothing. One mock server per spec; short intervals."""

from __future__ import annotations

import asyncio
import csv
import importlib
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
import zlib
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import socketio  # type: ignore[import-untyped]
from conftest import SPECS_CORPUS
from docs_pages import ROOT, golden_args
from servers import RUNTIMES, free_port, run_server, stop, wait_for_port
from test_node_interop import NODE_DIR

from sio_codegen.cli.commands import main as cli_main
from sio_codegen.render.catalog import catalog
from sio_codegen.render.examples import example, schema_examples
from sio_codegen.render.json_validator import is_valid

INTERVAL = "0.2"
GOLDEN = sorted(
    p.name
    for p in (ROOT / "golden").iterdir()
    if (p / "case.json").is_file()
    and "client" in json.loads((p / "case.json").read_text()).get("commands", ["client"])
)
"""The golden cases with a generated client (tictactoe_asgi is tictactoe's spec, server only)."""
SOCKETIO_CORPUS = sorted(
    row["local_path"]
    for row in csv.DictReader(
        (SPECS_CORPUS / "SOURCES.tsv").read_text().splitlines(), delimiter="\t"
    )
    if "SOCKETIO" in "\t".join(str(v) for v in row.values())
)


def test_the_corpus_has_socketio_specs() -> None:
    assert len(SOCKETIO_CORPUS) >= 5


@dataclass
class Mocked:
    url: str
    catalog: dict[str, Any]
    client: Any
    """The typed client package of the spec."""
    output: Path


@contextmanager
def mock_server(
    args: list[str], folder: Path, *extra: str, env: dict[str, str] | None = None
) -> Iterator[str]:
    """``sio-codegen mock`` on a free port of 127.0.0.1 until the block ends; its URL."""
    port = free_port()
    out = folder / f"mock-{port}.out"
    with out.open("w") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "sio_codegen", "mock", *args, "--port", str(port),
             "--interval", INTERVAL, *extra],
            cwd=folder, env={**os.environ, **(env or {})}, stdout=output,
            stderr=subprocess.STDOUT, text=True,
        )  # fmt: skip
        try:
            wait_for_port(port, process, out, timeout=120)  # generating the models takes seconds
            yield f"http://127.0.0.1:{port}"
        finally:
            stop(process)


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def _cases() -> list[Any]:
    golden = [pytest.param(("golden", case), id=case) for case in GOLDEN]
    corpus = [
        pytest.param(("corpus", doc), id=doc.split("/")[0] + "/" + Path(doc).stem)
        for doc in SOCKETIO_CORPUS
    ]
    return golden + corpus


def _spec_args(kind: str, name: str) -> list[str]:
    if kind == "golden":
        return golden_args(name)
    return [str(SPECS_CORPUS / name), "--refs-root", str(SPECS_CORPUS)]


def _client_package(kind: str, name: str, folder: Path, number: int) -> Any:
    if kind == "golden":
        where, package = ROOT / "golden" / name / "expected", f"{name}_client"
    else:
        where, package = folder, f"mock_corpus{number}_client"
        code = cli_main(["client", *_spec_args(kind, name), "-o", str(folder / package),
                         "--allow-unenforced-security", "--quiet"])  # fmt: skip
        assert code == 0
    if str(where) not in sys.path:
        sys.path.insert(0, str(where))
    return importlib.import_module(f"{package}.client")


@pytest.fixture(scope="module", params=_cases())
def mocked(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Mocked]:
    kind, name = request.param
    folder = tmp_path_factory.mktemp("mock")
    client = _client_package(kind, name, folder, zlib.crc32(name.encode()) % 10_000)
    with mock_server(_spec_args(kind, name), folder, "--seed", "3") as url:
        yield Mocked(url, get_json(url + "/docs/catalog.json"), client, folder)


def _value(schema: dict[str, Any], seed: int = 0) -> Any:
    found = example(schema, schema_examples(schema), seed)
    assert found is not None
    return found.value


def connect_kwargs(data: dict[str, Any]) -> dict[str, Any]:
    """The typed client's binding keywords, with valid values (the mock checks bindings)."""
    kwargs: dict[str, Any] = {}
    for ns in data["namespaces"]:
        for binding in ns["bindings"].values():
            if binding is not None:
                kwargs[binding["client_keyword"]] = _value(binding["schema"])
    return kwargs


def events(data: dict[str, Any], direction: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [
        (ns, event)
        for ns in data["namespaces"]
        for event in ns["events"]
        if event["direction"] == direction
    ]


def _has_examples(event: dict[str, Any]) -> bool:
    parts = [*event["args"], *([event["ack"]] if event["ack"] else [])]
    return all("example" in part for part in parts)


def _recorder(
    received: dict[tuple[str, str], list[Any]], key: tuple[str, str], event: dict[str, Any]
) -> Callable[..., Any]:
    ack = event["ack"]["example"] if event["ack"] else None

    def record(*values: Any) -> Any:
        received[key].append(values)
        return ack  # a server event with an ack: the client answers with a valid one

    return record


def _all_arrived(
    received: dict[tuple[str, str], list[Any]], expected: list[tuple[str, str]]
) -> bool:
    return all(len(received[key]) >= 2 for key in expected)


def namespace_of(client: Any, ns: dict[str, Any]) -> Any:
    """The client's object of a namespace; of a dynamic one, the instance its example names."""
    found = getattr(client, ns["client_attribute"])
    return found(ns["parameters"]["example"]) if "parameters" in ns else found


def _setup(mocked: Mocked, client: Any) -> tuple[dict[tuple[str, str], list[Any]], list[Any]]:
    received: dict[tuple[str, str], list[Any]] = defaultdict(list)
    errors: list[Any] = []
    for ns in mocked.catalog["namespaces"]:
        namespace_of(client, ns).add_error_handler(errors.append)
    for ns, event in events(mocked.catalog, "server_to_client"):
        handler = _recorder(received, (ns["name"], event["name"]), event)
        getattr(namespace_of(client, ns), event["client_method"])(handler)
    return received, errors


def example_args(event: dict[str, Any]) -> list[Any]:
    """The arguments of an event's example: the fixed ones, then its rest arguments."""
    rest = event.get("rest", {}).get("example", [])
    return [*(arg["example"] for arg in event["args"]), *rest]


def _check_catalog(mocked: Mocked) -> None:
    every = events(mocked.catalog, "client_to_server") + events(mocked.catalog, "server_to_client")
    assert every, "the spec has events"
    assert all(_has_examples(e) for _, e in every), "every event has fake data"
    assert mocked.catalog["seed"] == 3


def _check_ack(event: dict[str, Any], result: Any) -> None:
    if event["ack"] is None:
        assert result is None
        return
    # The typed client validated the ack against its schema (it raises otherwise); its data
    # is what the catalog's schema accepts too.
    if isinstance(result, tuple):  # an ack of several values: absent trailing ones are None
        present = [value for value in result if value is not None]
        data: Any = [  # a value of a rest-only ack (typed Any) is as it arrived
            v.model_dump(mode="json", by_alias=True, exclude_unset=True)
            if hasattr(v, "model_dump") else v
            for v in present
        ]  # fmt: skip
    else:
        data = result.model_dump(mode="json", by_alias=True, exclude_unset=True)
    assert is_valid(event["ack"]["schema"], data), (event["name"], data)


def test_typed_sync_client_gets_valid_acks_and_periodic_events(mocked: Mocked) -> None:
    _check_catalog(mocked)
    client = mocked.client.Client(mocked.url, **connect_kwargs(mocked.catalog),
                                  wait_timeout=10, default_timeout=10)  # fmt: skip
    received, errors = _setup(mocked, client)
    expected = [(ns["name"], e["name"]) for ns, e in events(mocked.catalog, "server_to_client")]
    with client:
        for ns, event in events(mocked.catalog, "client_to_server"):
            method = getattr(namespace_of(client, ns), event["client_method"])
            _check_ack(event, method(*example_args(event)))
        deadline = time.monotonic() + 20
        while not _all_arrived(received, expected) and time.monotonic() < deadline:
            time.sleep(0.05)
    assert not errors, errors
    assert _all_arrived(received, expected), {k: len(received[k]) for k in expected}


def test_typed_async_client_gets_valid_acks_and_periodic_events(mocked: Mocked) -> None:
    _check_catalog(mocked)

    async def drive() -> tuple[dict[tuple[str, str], list[Any]], list[Any], list[tuple[str, str]]]:
        client = mocked.client.AsyncClient(mocked.url, **connect_kwargs(mocked.catalog),
                                           wait_timeout=10, default_timeout=10)  # fmt: skip
        received, errors = _setup(mocked, client)
        expected = [(ns["name"], e["name"]) for ns, e in events(mocked.catalog, "server_to_client")]
        async with client:
            for ns, event in events(mocked.catalog, "client_to_server"):
                method = getattr(namespace_of(client, ns), event["client_method"])
                _check_ack(event, await method(*example_args(event)))
            deadline = time.monotonic() + 20
            while not _all_arrived(received, expected) and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
        return received, errors, expected

    received, errors, expected = asyncio.run(drive())
    assert not errors, errors
    assert _all_arrived(received, expected), {k: len(received[k]) for k in expected}


# -- Asynction's mock-server behaviours, one by one, on the tic-tac-toe spec ------------------
TICTACTOE = golden_args("tictactoe")


@pytest.fixture(scope="module", params=RUNTIMES)
def tictactoe(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, dict[str, Any]]]:
    """``sio-codegen mock --runtime R`` of the tictactoe spec, for each runtime."""
    folder = tmp_path_factory.mktemp("ttt-mock")
    with mock_server([*TICTACTOE, "--runtime", request.param], folder) as url:
        yield url, get_json(url + "/docs/catalog.json")


def _entry(data: dict[str, Any], name: str) -> dict[str, Any]:
    return next(e for _, e in events(data, "client_to_server") + events(data, "server_to_client")
                if e["name"] == name)  # fmt: skip


def test_server_events_are_emitted_periodically_with_valid_data(
    tictactoe: tuple[str, dict[str, Any]],
) -> None:
    url, data = tictactoe
    seen: list[Any] = []
    client = socketio.Client(reconnection=False)
    client.on("move_made", lambda *args: seen.append(args))
    client.connect(url, transports=["websocket"])
    try:
        deadline = time.monotonic() + 20
        while len(seen) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        client.disconnect()
    assert len(seen) >= 3  # emitted again and again, not once
    schema = _entry(data, "move_made")["args"][0]["schema"]
    assert all(len(args) == 1 and is_valid(schema, args[0]) for args in seen)


def test_every_event_with_an_ack_gets_a_fake_valid_ack_and_payloads_are_validated(
    tictactoe: tuple[str, dict[str, Any]],
) -> None:
    url, data = tictactoe
    client = socketio.Client(reconnection=False)
    client.connect(url, transports=["websocket"])
    try:
        ack = client.call("make_move", {"game_id": 1, "x": 0, "y": 2}, timeout=10)
        invalid = client.call("make_move", {"game_id": "one"}, timeout=10)
    finally:
        client.disconnect()
    entry = _entry(data, "make_move")
    assert is_valid(entry["ack"]["schema"], ack)
    assert ack == entry["ack"]["example"]
    assert invalid["sio_error"]["type"] == "validation_error"  # as the real server answers


def test_the_seed_makes_the_fake_data_reproducible(tmp_path: Path) -> None:
    """The mock's acks are the catalog's examples for its --seed; asynction_chat's 'add user'
    ack has no example in the spec: it is generated, and differs between seeds."""
    from sio_codegen.load.loader import load_api
    from sio_codegen.model.checks import without_reserved_events

    args = golden_args("asynction_chat")
    loaded = load_api(Path(args[0]))
    api = without_reserved_events(loaded.api, loaded.report, loaded.spec.root.location)

    def expected(seed: int) -> Any:
        data = catalog(api, seed)
        return _entry(data, "add user")["ack"]["example"]

    assert expected(11) != expected(12)
    with mock_server(args, tmp_path, "--seed", "11") as url:
        client = socketio.Client(reconnection=False)
        client.connect(url, namespaces=["/"], transports=["websocket"])
        try:
            first = client.call("add user", "ann", timeout=10)
            again = client.call("add user", "bob", timeout=10)
        finally:
            client.disconnect()
    assert first == again == expected(11)


def test_security_is_open_by_default_and_enforced_with_the_flag(tmp_path: Path) -> None:
    args = golden_args("security")

    def connect(url: str, **kwargs: Any) -> bool:
        client = socketio.Client(reconnection=False)
        try:
            client.connect(url, namespaces=["/oauth"], transports=["websocket"],
                           wait_timeout=10, **kwargs)  # fmt: skip
        except socketio.exceptions.ConnectionError:
            return False
        client.disconnect()
        return True

    with mock_server(args, tmp_path) as url:
        assert connect(url)
    with mock_server(args, tmp_path, "--enforce-security") as url:
        assert not connect(url)
        assert connect(url, headers={"Authorization": "Bearer anything"})


def test_pages_of_other_origins_connect_only_when_allowed(tmp_path: Path) -> None:
    def connect(url: str) -> bool:
        client = socketio.Client(reconnection=False)
        try:
            client.connect(url, headers={"Origin": "http://127.0.0.1:3000"}, wait_timeout=10)
        except socketio.exceptions.ConnectionError:
            return False
        client.disconnect()
        return True

    with mock_server(TICTACTOE, tmp_path) as url:
        assert not connect(url)
    with mock_server(TICTACTOE, tmp_path, "--cors-origins", "http://127.0.0.1:3000") as url:
        assert connect(url)


def test_the_mock_writes_no_file(tmp_path: Path) -> None:
    home, work, temp = tmp_path / "home", tmp_path / "work", tmp_path / "tmp"
    for folder in (home, work, temp):
        folder.mkdir()
    # Bytecode of sio-codegen's own modules is Python's doing, not the mock's: left out.
    env = {"HOME": str(home), "TMPDIR": str(temp), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("XDG_CACHE_HOME", None)
    saved = os.environ.pop("XDG_CACHE_HOME", None), os.environ.pop("SIO_CODEGEN_CACHE", None)
    try:
        with mock_server(TICTACTOE, work, env=env) as url:
            assert get_json(url + "/docs/catalog.json")["format"] == "sio-codegen-catalog"
    finally:
        for name, value in zip(("XDG_CACHE_HOME", "SIO_CODEGEN_CACHE"), saved, strict=True):
            if value is not None:
                os.environ[name] = value
    for path in work.iterdir():  # only the test's own capture of the output
        assert path.name.startswith("mock-") and path.suffix == ".out", path
    assert list(home.iterdir()) == [] and list(temp.iterdir()) == []


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "sio_codegen", "mock", *args],
                          capture_output=True, text=True, timeout=60, check=False)  # fmt: skip


def test_cli_options_and_bad_input(tmp_path: Path) -> None:
    help_text = _cli("--help").stdout
    for option in ("--host", "--port", "--interval", "--seed", "--runtime", "--enforce-security",
                   "--cors-origins"):  # fmt: skip
        assert option in help_text
    assert _cli(*TICTACTOE, "--runtime", "tornado").returncode == 2
    refused = _cli(*TICTACTOE, "--interval", "0")
    assert refused.returncode == 2 and "positive number of seconds" in refused.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("asyncapi: 2.5.0\ninfo: {title: t}\nchannels: {}\n")
    failed = _cli(str(bad), "--port", str(free_port()))
    assert failed.returncode == 2
    lines = failed.stderr.strip().splitlines()
    assert lines and all(line.startswith(str(bad)) for line in lines), lines
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml"]


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_python_m_package_mock_fakes_stubs_and_runs_implemented_handlers(
    tmp_path: Path, runtime: str
) -> None:
    case = "tictactoe" if runtime == "flask" else f"tictactoe_{runtime}"
    shutil.copytree(ROOT / f"golden/{case}/expected/{case}_server", tmp_path / "ttt_mock")
    handlers = tmp_path / "ttt_mock" / "handlers.py"
    text = handlers.read_text()
    stub = '''        """Event 'make_move'."""\n        raise NotImplementedError'''
    assert stub in text
    handlers.write_text(text.replace(stub, """        return models.MakeMoveAck(error="really")"""))
    seen: list[Any] = []
    with run_server(tmp_path, "ttt_mock", args=["--mock", "--mock-interval", INTERVAL]) as server:
        client = socketio.Client(reconnection=False)
        client.on("game_won", lambda *args: seen.append(args))
        client.connect(server.url, transports=["websocket"])
        try:
            assert client.call("make_move", {"game_id": 1, "x": 0, "y": 2}, timeout=10) == {
                "error": "really"
            }  # implemented: runs for real
            assert client.call("create_game", timeout=10) is None  # a stub without ack
            deadline = time.monotonic() + 20
            while len(seen) < 2 and time.monotonic() < deadline:
                time.sleep(0.05)
        finally:
            client.disconnect()
        assert get_json(server.url + "/docs/catalog.json")["seed"] == 0  # mock: docs on
    assert len(seen) >= 2


@pytest.fixture(scope="module")
def node() -> str:
    from test_node_interop import install_node_packages, require_node

    found, npm = require_node()
    install_node_packages(npm)
    return found


@pytest.mark.parametrize("case", ["tictactoe", "sio_asyncapi_simple"])
def test_node_client_gets_fake_acks_and_periodic_events(
    node: str, case: str, tmp_path: Path
) -> None:
    with mock_server(golden_args(case), tmp_path) as url:
        data = get_json(url + "/docs/catalog.json")
        (tmp_path / "catalog.json").write_text(json.dumps(data))
        done = subprocess.run(
            [node, str(NODE_DIR / "mock.mjs"), url, str(tmp_path / "catalog.json")],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert "failure" not in seen, seen
    for ns, event in events(data, "client_to_server"):
        if event["ack"] is not None:
            assert is_valid(event["ack"]["schema"], seen["acks"][f"{ns['name']} {event['name']}"])
    for ns, event in events(data, "server_to_client"):
        arrived = seen["events"].get(f"{ns['name']} {event['name']}", [])
        assert len(arrived) >= 2, event["name"]
        if event["args"] and not event["multiple_args"]:
            assert all(is_valid(event["args"][0]["schema"], args[0]) for args in arrived)
