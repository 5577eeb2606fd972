"""The benchmark harness runs (on tiny inputs), peers included. Its numbers are never asserted:
speed lives in bench/RESULTS.md, as ratios measured in one run, not in timed asserts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from peer_venv import base_python
from redis_server import redis_server_command

ROOT = Path(__file__).resolve().parent.parent
PEERS = {"asynction": "requirements-asynction.txt", "sio-asyncapi": "requirements-sio-asyncapi.txt"}


def peer_python(folder: Path, requirements: str) -> Path:
    """A virtualenv of its own with the peer's pinned requirements, as ``nox -s bench`` has."""
    subprocess.run([base_python(), "-m", "venv", str(folder)], check=True)
    python = folder / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "-r",
                    str(ROOT / "bench" / "peers" / requirements)], check=True)  # fmt: skip
    return python


def test_bench_harness_runs_quick_with_its_peers(tmp_path: Path) -> None:
    redis_server_command()  # the fan-out rows need it: a skip without it, a failure in CI
    peers = [f"--peer={name}={peer_python(tmp_path / name, req)}" for name, req in PEERS.items()]
    output = tmp_path / "RESULTS.md"
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--output", str(output),
         *peers],
        capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    text = output.read_text()
    for section in (
        "| generation |",
        "| server |",
        "| client |",
        "| asgi |",
        "| fan-out |",
        "| emitter |",
        "| listener |",
        "| memory |",
        "| start-up |",
    ):
        assert section in text
    assert "datamodel-codegen alone" in text and "plain handler" in text
    for peer in ("Asynction 0.8.3", "SIO-AsyncAPI 1.0.0"):  # in-process and over a websocket
        assert text.count(f": {peer}, validation on |") == 2
        assert text.count(f": generated (validation on) against {peer} |") == 2


def test_bench_only_generation_keeps_the_other_rows(tmp_path: Path) -> None:
    output = tmp_path / "RESULTS.md"
    output.write_text(
        "# Benchmark results\n\nMachine: before.\n\n"
        "| section | measurement | value | baseline | ratio | target |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| generation | an old generation row | 1.000 s |  |  |  |\n"
        "| server | an old server row | 9 acked calls/s |  |  |  |\n"
    )
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--only", "generation",
         "--output", str(output)],
        capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    text = output.read_text()
    assert "| server | an old server row |" in text and "an old generation row" not in text
    assert "Only the generation rows are from this run" in text
    for row in (
        ": `server` then `client` commands, warm models cache |",
        "| one `server` command, models cached (tic-tac-toe, whole CLI run) |",
    ):
        assert row in text
    assert "| python -c pass |" in text and "| datamodel-codegen --help |" in text


def test_bench_fan_out_through_redis_keeps_the_other_rows(tmp_path: Path) -> None:
    """``--only fan-out``: a broadcast to every client, one process against two sharing a real
    Redis (bench/fanout.py starts its own redis-server on 127.0.0.1)."""
    redis_server_command()
    output = tmp_path / "RESULTS.md"
    output.write_text(
        "# Benchmark results\n\nMachine: before.\n\n"
        "| section | measurement | value | baseline | ratio | target |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| server | an old server row | 9 acked calls/s |  |  |  |\n"
        "| fan-out | an old fan-out row | 1.000 ms |  |  |  |\n"
    )
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--only", "fan-out",
         "--output", str(output)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    text = output.read_text()
    assert "| server | an old server row |" in text and "an old fan-out row" not in text
    for what in ("one broadcast reaches every client (median)", "delivery latency p50",
                 "delivery latency p99"):  # fmt: skip
        assert f"| fan-out | N=10 websocket clients: {what}, one process, no queue |" in text
        row = f"| fan-out | N=10 websocket clients: {what}, 2 processes (half the clients each) "
        assert row + "through Redis |" in text
    assert text.count("| one process |") == 3


def test_bench_only_listener_keeps_the_other_rows_and_the_notes(tmp_path: Path) -> None:
    """``--only listener``: the generated Redis listeners against python-socketio's (a real
    redis-server of bench/queue_listener.py's own); the dated notes after the table, whose
    tables must not be read as rows of it, are kept as they were."""
    redis_server_command()
    output = tmp_path / "RESULTS.md"
    notes = (
        "## A dated note (`bench/run.py`, busy machine)\n\n"
        "| listener | received | runs |\n| --- | --- | --- |\n| a | b | c |\n"
    )
    output.write_text(
        "# Benchmark results\n\nMachine: before.\n\n"
        "| section | measurement | value | baseline | ratio | target |\n"
        "| --- | --- | --- | --- | --- | --- |\n"
        "| server | an old server row | 9 acked calls/s |  |  |  |\n"
        "| listener | an old listener row | 1 messages/s |  |  |  |\n\n" + notes
    )
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--only", "listener",
         "--output", str(output)],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    text = output.read_text()
    table, _, tail = text.partition("## ")
    assert "| server | an old server row |" in table and "an old listener row" not in text
    assert "| a | b | c |" not in table and "## " + tail == notes
    for manager in ("RedisManager", "AsyncRedisManager"):
        assert f"| listener | generated (queue.reporting({manager})) (the same messages) |" in table
        assert f"| python-socketio's {manager} | " in table
