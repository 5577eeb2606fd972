"""Every real-world document in tests/corpus/specs: load, model, models module that imports.

The few that are really invalid must fail with a clear, located error; they are listed here with
the reason, and the test fails if one of them starts to pass (or another starts to fail)."""

from __future__ import annotations

import csv
import fcntl
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import SPECS_CORPUS
from helpers import mypy_strict, run_cli

from sio_codegen.diagnostics import Report, SpecError
from sio_codegen.load.loader import LoadOptions, load_api
from sio_codegen.pipeline import Job, models_source, run
from sio_codegen.write.handler_paths import handler_paths

# local_path -> (why it is invalid, a fragment of the expected error line)
INVALID = {
    "asyncapi+spec@v3.0.0/examples/adeo-kafka-request-reply-asyncapi.yml": (
        "its payload schemas are remote https $refs (.avsc files), and a kafka binding key "
        "violates the official 3.0.0 schema",
        "remote references are refused",
    ),
    "asyncapi+spec@v3.1.0/examples/adeo-kafka-request-reply-asyncapi.yml": (
        "its payload schemas are remote https $refs (.avsc files)",
        "remote references are refused",
    ),
    "asyncapi+parser-js@v1.18.1/test/good/circular-refs.yaml": (
        "its external $ref resolves from the parser's test folder, not from the document's "
        "(golden/circular holds a corrected copy)",
        "file not found",
    ),
    "asyncapi+converter-js/test/input/2.6.0/for-3.0.0-with-servers-and-channels-components.yml": (
        "it references #/components/schemas/lightMeasuredPayload, which it does not define",
        "no such location in the target document",
    ),
    "asyncapi+generator/packages/templates/clients/websocket/test/__fixtures__/"
    "asyncapi-hoppscotch-client.yml": (
        "a plain WebSocket API whose ws binding asks for a POST handshake, which no Socket.IO "
        "client makes (the Socket.IO handshake is a GET)",
        "bindings.ws.method 'POST' cannot hold",
    ),
    "asyncapi+generator/apps/generator/test/docs/apiwithref.json": (
        "its payload is a remote https $ref (https://schema.example.com/crm/shared.json)",
        "remote references are refused",
    ),
}


# The social-media examples reference ../common/*.yaml: allow references anywhere in the corpus.
OPTIONS = LoadOptions(refs_root=SPECS_CORPUS)


def documents() -> list[str]:
    rows = csv.DictReader((SPECS_CORPUS / "SOURCES.tsv").open(), delimiter="\t")
    return [row["local_path"] for row in rows if row["asyncapi_version"] != "-"]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    docs = documents()
    if "document" in metafunc.fixturenames:
        metafunc.parametrize("document", docs)
    if "valid_document" in metafunc.fixturenames:
        metafunc.parametrize("valid_document", [d for d in docs if d not in INVALID])


def test_every_listed_invalid_document_exists() -> None:
    assert set(INVALID) <= set(documents())


def test_document(document: str, tmp_path: Path) -> None:
    path = SPECS_CORPUS / document
    if document in INVALID:
        with pytest.raises(SpecError) as failure:
            load_api(path, OPTIONS)
        lines = [d.format() for d in failure.value.diagnostics]
        assert any(INVALID[document][1] in line for line in lines), lines
        assert all(line.split(":")[0].endswith(path.name) for line in lines), lines
        return
    source = models_source(load_api(path, OPTIONS))
    module = tmp_path / "models.py"
    module.write_text(source)
    result = subprocess.run(
        [sys.executable, "-c", "import models"], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr[-2000:]


def package_of(document: str) -> str:
    return "p_" + "".join(c if c.isalnum() else "_" for c in document.lower())[-60:]


def write_handler_modules(root: Path, api: Any) -> None:
    """A do-nothing function at each dotted path the document's x-handler / x-handlers name
    (Asynction's examples do): the generated server imports them at start-up."""
    for found in handler_paths(api):
        *modules, function = found.path.split(".")
        folder = root
        for package in modules[:-1]:
            folder = folder / package
            folder.mkdir(exist_ok=True)
            (folder / "__init__.py").touch()
        module = folder / f"{modules[-1]}.py"
        text = module.read_text() if module.exists() else ""
        if f"def {function}(" not in text:
            module.write_text(text + f"def {function}(*args: object) -> None:\n    return None\n")


def once_per_session(
    factory: pytest.TempPathFactory, name: str, make: Callable[[Path], dict[str, Any]]
) -> tuple[Path, dict[str, Any]]:
    """``make(folder)`` once for the whole test session, its result read by every pytest-xdist
    worker that asks (the first to take the lock makes it; a worker of its own each spent
    most of a minute making the same packages again)."""
    shared = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the session's folder, above each worker's
    folder, result = shared / name, shared / f"{name}.json"
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not result.exists():
            folder.mkdir(exist_ok=True)
            made = make(folder)
            result.write_text(json.dumps(made))
    found: dict[str, Any] = json.loads(result.read_text())
    return folder, found


def generate_every_document(root: Path) -> dict[str, Any]:
    outcome: dict[str, Any] = {"packages": {}, "errors": {}}
    for document in documents():
        if document in INVALID:
            continue
        name = package_of(document)
        try:
            for command in ("server", "client"):
                job = Job(command, SPECS_CORPUS / document, root / f"{name}_{command}",
                          options=OPTIONS, allow_unenforced=True)  # fmt: skip
                outcome_api = run(job, Report()).api
            if outcome_api is not None:
                write_handler_modules(root, outcome_api)
            outcome["packages"][document] = name
        except Exception as exc:  # recorded, then reported by the test of that document
            outcome["errors"][document] = f"{type(exc).__name__}: {exc}"
    return outcome


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Server and client packages of every valid document, generated once for the session.
    Schemes a Socket.IO server cannot enforce (Kafka SASL, X509, ...) are common in these
    non-Socket.IO specs: --allow-unenforced-security, as a user adopting them would pass."""
    root, outcome = once_per_session(tmp_path_factory, "corpus", generate_every_document)
    return {"root": root, **outcome}


IMPORT_EACH = """
import json, sys, traceback

failures = {}
for document, name in json.loads(sys.argv[1]).items():
    try:
        exec(
            f"from {name}_server.app import create_app\\n"
            "app, socketio = create_app()\\n"
            f"import {name}_server._generated.external\\n"
            f"import {name}_client as client\\n"
            "assert client.Client.namespace_names is not None\\n",
            {},
        )
    except BaseException:
        failures[document] = traceback.format_exc()
with open(sys.argv[2], "w") as out:
    json.dump(failures, out)
"""


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory, generated: dict[str, Any]) -> dict[str, str]:
    """Each generated server imports, makes its app and registers its handlers, and its client
    imports: in one Python process for all (a process each spent most of its time importing
    Flask-SocketIO and pydantic again), once for the session; the traceback of each document
    that fails."""

    def import_each(folder: Path) -> dict[str, Any]:
        out = folder / "imported.json"
        result = subprocess.run(
            [sys.executable, "-c", IMPORT_EACH, json.dumps(generated["packages"]), str(out)],
            cwd=generated["root"], capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert result.returncode == 0 and out.is_file(), result.stderr[-3000:]
        failures: dict[str, Any] = json.loads(out.read_text())
        return failures

    return once_per_session(tmp_path_factory, "corpus-imported", import_each)[1]


def test_server_and_client_generate_import_and_register(
    valid_document: str, generated: dict[str, Any], imported: dict[str, str]
) -> None:
    document = valid_document
    assert document not in generated["errors"], generated["errors"].get(document)
    assert document in generated["packages"]
    assert document not in imported, imported[document][-3000:]


def test_every_generated_package_passes_mypy_strict(generated: dict[str, Any]) -> None:
    packages = [f"{n}_{c}" for n in generated["packages"].values() for c in ("server", "client")]
    assert len(packages) >= 2 * (len(documents()) - len(INVALID))
    result = mypy_strict(*map(Path, packages), cwd=generated["root"])
    assert result.returncode == 0, result.stdout[-5000:]


def test_user_password_server_of_a_real_document_generates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The generator's 'all spec features' dummy: its AMQP server requires userPassword, which
    was refused as unenforceable; chosen, it generates the verify hook, with no opt-out."""
    document = SPECS_CORPUS / "asyncapi+generator/apps/generator/test/docs/dummy.yml"
    args = ["server", str(document), "-o", str(tmp_path / "srv"), "--server", "dummy-amqp",
            "--server-var", "port=5672"]  # fmt: skip
    code, _, err = run_cli(args, capsys)
    assert code == 0 and "cannot enforce" not in err, err
    server = (tmp_path / "srv/_generated/server.py").read_text()
    assert "def verify_user_password(self, username: str, password: str)" in server
