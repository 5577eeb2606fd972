"""Every real-world document in ../shared/specs: load, model, models module that imports.

The few that are really invalid must fail with a clear, located error; they are listed here with
the reason, and the test fails if one of them starts to pass (or another starts to fail)."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import shared_specs_dir

from sio_codegen.diagnostics import SpecError
from sio_codegen.load import LoadOptions, load_api
from sio_codegen.pipeline import models_source

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
    "asyncapi+generator/apps/generator/test/docs/apiwithref.json": (
        "its payload is a remote https $ref (https://schema.example.com/crm/shared.json)",
        "remote references are refused",
    ),
}


# The social-media examples reference ../common/*.yaml: allow references anywhere in shared/specs.
OPTIONS = LoadOptions(refs_root=Path(__file__).resolve().parent.parent.parent / "shared" / "specs")


def documents() -> list[str]:
    rows = csv.DictReader((shared_specs_dir() / "SOURCES.tsv").open(), delimiter="\t")
    return [row["local_path"] for row in rows if row["asyncapi_version"] != "-"]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "document" in metafunc.fixturenames:
        try:
            docs = documents()
        except pytest.skip.Exception:
            docs = []
        metafunc.parametrize("document", docs)


def test_every_listed_invalid_document_exists() -> None:
    assert set(INVALID) <= set(documents())


def test_document(document: str, tmp_path: Path) -> None:
    path = shared_specs_dir() / document
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
