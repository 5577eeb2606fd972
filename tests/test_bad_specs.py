"""Malformed documents: each gives exactly one clear, located line, exit status 2, and nothing
written. The expected line of each case is its golden ``stderr.txt`` (see bad_specs.py)."""

from __future__ import annotations

import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest
from bad_specs import cases, run_case

from sio_codegen.load.source import MAX_FILE_BYTES

LINE = re.compile(r"^[^:\s]+:\d+:\d+: error: .+ \(at /[^)]*\)$")


def test_there_are_at_least_40_cases() -> None:
    assert len(cases()) >= 40


@pytest.mark.parametrize("case", cases(), ids=lambda p: p.name)
def test_bad_spec(case: Path) -> None:
    code, err, written = run_case(case)
    assert code == 2
    assert err == (case / "stderr.txt").read_text(), "stale golden? run: python tests/bad_specs.py"
    lines = err.splitlines()
    assert len(lines) == 1 and LINE.match(lines[0]), err
    assert not written


def test_a_huge_document_fails_fast_and_small(tmp_path: Path) -> None:
    spec = tmp_path / "asyncapi.yaml"
    with spec.open("w") as handle:
        handle.write("asyncapi: 2.6.0\n")
        chunk = "# " + "x" * 1022 + "\n"
        for _ in range(MAX_FILE_BYTES // len(chunk) + 1):
            handle.write(chunk)
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "sio_codegen", "server", str(spec), "-o", str(tmp_path / "out")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    elapsed = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert result.returncode == 2
    assert f"the limit is {MAX_FILE_BYTES}" in result.stderr
    assert not (tmp_path / "out").exists()
    assert elapsed < 30 and peak_mb < 1024  # bounded: it is never read, let alone parsed


def test_a_large_valid_document_generates_in_bounded_time_and_memory(tmp_path: Path) -> None:
    channels = "".join(
        f"  /ns{i}:\n    publish:\n      message:\n        name: event{i}\n"
        f"        payload: {{type: object, properties: {{a{i}: {{type: string}}}}}}\n"
        for i in range(1500)
    )
    spec = tmp_path / "asyncapi.yaml"
    spec.write_text(f"asyncapi: 2.6.0\ninfo: {{title: Big, version: '1'}}\nchannels:\n{channels}")
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, "-m", "sio_codegen", "server", str(spec), "-o", str(tmp_path / "big"),
         "-q"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    elapsed = time.monotonic() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "big/_generated/server.py").stat().st_size > 100_000
    assert elapsed < 120 and peak_mb < 2048, (elapsed, peak_mb)
