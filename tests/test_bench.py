"""The benchmark harness runs (on tiny inputs). Its numbers are never asserted: speed lives in
bench/RESULTS.md, as ratios measured in one run, not in timed asserts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_bench_harness_runs_quick(tmp_path: Path) -> None:
    output = tmp_path / "RESULTS.md"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--output", str(output)],
        capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    text = output.read_text()
    for section in ("| generation |", "| server |", "| client |", "| memory |", "| start-up |"):
        assert section in text
    assert "datamodel-codegen alone" in text and "plain handler" in text
