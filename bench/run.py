"""``nox -s bench``: generation speed, runtime overhead, memory and start-up of sio-codegen and
its generated code, as medians with ratios against baselines measured in the same run. Writes
bench/RESULTS.md. ``--quick`` runs every measurement once on tiny inputs (the test suite does)."""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared" / "specs"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from specs import ECHO_SPEC, write_synthetic  # noqa: E402

from sio_codegen.load import LoadOptions, load_api  # noqa: E402

PYTHON = sys.executable
PAYLOAD = {"id": 7, "text": "hello world " * 4, "tags": ["a", "b", "c"]}


@dataclass
class Row:
    section: str
    name: str
    value: float
    unit: str
    baseline: str = ""
    ratio: float | None = None
    target: str = ""


def median_of(runs: int, measure: Callable[[], float]) -> float:
    return statistics.median(measure() for _ in range(runs))


def run_child(
    args: list[str], cwd: Path | None = None, env: dict[str, str] | None = None
) -> tuple[float, float]:
    """(wall seconds, peak RSS in MB) of one child process; it must succeed."""
    started = time.perf_counter()
    process = subprocess.Popen(
        args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        env={**os.environ, **(env or {})},
    )  # fmt: skip
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise RuntimeError(
            f"{' '.join(args)} failed: {process.stderr.read().decode()[-2000:] if process.stderr else ''}"
        )
    return elapsed, usage.ru_maxrss / 1024


# -- 1. generation --------------------------------------------------------------------------------
def generation(specs: dict[str, Path], runs: int, work: Path) -> list[Row]:
    rows: list[Row] = []
    for label, spec in specs.items():
        options = LoadOptions(refs_root=spec.parent)
        schemas = load_api(spec, options).api.schemas
        schema_file = work / f"{label}-schemas.json"
        schema_file.write_text(json.dumps({"definitions": schemas}))
        counter = iter(range(10**6))

        def ours(cache: bool) -> float:
            """server then client into fresh folders; without the models cache, or with an
            empty one (the server fills it, the client reuses the models)."""
            n = next(counter)
            env = (
                {"SIO_CODEGEN_CACHE": str(work / f"cache-{n}")}
                if cache
                else {"SIO_CODEGEN_NO_CACHE": "1"}
            )
            total = 0.0
            for command in ("server", "client"):
                out = work / f"{label}-{command}-{n}" / f"pkg_{command}"
                total += run_child([PYTHON, "-m", "sio_codegen", command, str(spec), "-o", str(out),
                                    "-q", "--allow-unenforced-security", "--refs-root", str(spec.parent)],
                                   env=env)[0]  # fmt: skip
            return total

        def baseline() -> float:
            out = work / f"{label}-dmcg-{next(counter)}.py"
            return run_child([PYTHON, "-m", "datamodel_code_generator", "--input", str(schema_file),
                              "--input-file-type", "jsonschema", "--output-model-type",
                              "pydantic_v2.BaseModel", "--output", str(out)])[0]  # fmt: skip

        cold, warm = median_of(runs, lambda: ours(False)), median_of(runs, lambda: ours(True))
        theirs = median_of(runs, baseline)
        mine = warm
        events = sum(
            len(ns.client_events) + len(ns.server_events)
            for ns in load_api(spec, options).api.namespaces
        )
        rows.append(
            Row(
                "generation",
                f"{label}: datamodel-codegen alone ({len(schemas)} models)",
                theirs,
                "s",
            )
        )
        rows.append(Row("generation", f"{label}: server + client, no models cache ({events} events)",
                        cold, "s", "datamodel-codegen alone", cold / theirs,
                        "<= 1.0x (small), <= 1.2x (large)"))  # fmt: skip
        rows.append(Row("generation", f"{label}: server + client, models cache (client reuses)",
                        warm, "s", "datamodel-codegen alone", warm / theirs,
                        "<= 1.0x (small), <= 1.2x (large)"))  # fmt: skip
        if label.startswith("synthetic"):
            rows.append(
                Row("generation", f"{label}: per event", mine / max(events, 1) * 1000, "ms")
            )
    return rows


def noop(spec: Path, runs: int, work: Path) -> list[Row]:
    out = work / "noop" / "noop_server"
    run_child([PYTHON, "-m", "sio_codegen", "server", str(spec), "-o", str(out), "-q"])
    again = median_of(
        runs,
        lambda: run_child([PYTHON, "-m", "sio_codegen", "server", str(spec), "-o", str(out), "-q"])[
            0
        ],
    )
    python = median_of(runs, lambda: run_child([PYTHON, "-c", "pass"])[0])
    return [Row("generation", "no-op regeneration (tic-tac-toe server, whole CLI run)", again, "s",
                "python -c pass", again / python, "< 0.2 s")]  # fmt: skip


# -- 2./3. runtime ------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    def __init__(self, kind: str, package_dir: Path) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [PYTHON, str(HERE / "serve.py"), kind, str(self.port), str(package_dir)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"benchmark server {kind} did not start") from None
                time.sleep(0.05)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def prepare_packages(work: Path) -> Path:
    work.mkdir(parents=True, exist_ok=True)
    spec = work / "echo.yaml"
    spec.write_text(ECHO_SPEC)
    for command, name in (("server", "bench_server"), ("client", "bench_client")):
        run_child([PYTHON, "-m", "sio_codegen", command, str(spec), "-o", str(work / name), "-q"])
    shutil.copy(HERE / "handlers_template.py", work / "bench_server" / "handlers.py")
    return work


def rate(calls: int, call: Callable[[], Any]) -> float:
    started = time.perf_counter()
    for _ in range(calls):
        call()
    return calls / (time.perf_counter() - started)


def in_process(work: Path, calls: int, runs: int) -> list[Row]:
    sys.path.insert(0, str(work))
    import serve

    results: dict[str, float] = {}
    for kind in ("plain", "generated", "generated-novalidate"):
        app, socketio = (
            serve.plain_app()
            if kind == "plain"
            else serve.generated_app(str(work), kind == "generated")
        )
        client = socketio.test_client(app)
        ack = client.emit("echo", PAYLOAD, callback=True)
        assert ack == {"id": 7, "length": len(PAYLOAD["text"])}, ack
        results[kind] = median_of(
            runs, lambda: rate(calls, lambda: client.emit("echo", PAYLOAD, callback=True))
        )
        client.disconnect()
    return _runtime_rows("in-process (Flask-SocketIO test client)", results)


def websocket(work: Path, calls: int, runs: int) -> tuple[list[Row], list[Row]]:
    import socketio

    results: dict[str, float] = {}
    client_rows: list[Row] = []
    for kind in ("plain", "generated", "generated-novalidate"):
        server = Server(kind, work)
        try:
            sio = socketio.Client(reconnection=False)
            sio.connect(server.url, transports=["websocket"])
            assert sio.call("echo", PAYLOAD, timeout=5)["length"] == len(PAYLOAD["text"])
            results[kind] = median_of(
                runs, lambda: rate(calls, lambda: sio.call("echo", PAYLOAD, timeout=5))
            )
            if kind == "plain":
                client_rows = _client_rows(work, server.url, sio, calls, runs)
            sio.disconnect()
        finally:
            server.stop()
    return _runtime_rows("real websocket", results), client_rows


def _runtime_rows(where: str, results: dict[str, float]) -> list[Row]:
    plain = results["plain"]
    return [
        Row("server", f"{where}: plain Flask-SocketIO handler (ceiling)", plain, "acked calls/s"),
        Row("server", f"{where}: generated, validation on", results["generated"], "acked calls/s",
            "plain handler", results["generated"] / plain, ">= 0.9x"),
        Row("server", f"{where}: generated, validation off", results["generated-novalidate"],
            "acked calls/s", "plain handler", results["generated-novalidate"] / plain),
    ]  # fmt: skip


def _client_rows(work: Path, url: str, raw: Any, calls: int, runs: int) -> list[Row]:
    sys.path.insert(0, str(work))
    import bench_client  # type: ignore[import-not-found]

    typed = bench_client.Client(url, transports=["websocket"], reconnection=False)
    typed.connect()
    payload = bench_client.models.EchoPayload(**PAYLOAD)
    assert typed.echo(payload).length == len(PAYLOAD["text"])
    ours = median_of(runs, lambda: rate(calls, lambda: typed.echo(payload)))
    theirs = median_of(runs, lambda: rate(calls, lambda: raw.call("echo", PAYLOAD, timeout=5)))
    typed.disconnect()
    return [
        Row("client", "raw python-socketio call()", theirs, "acked calls/s"),
        Row("client", "generated client, typed ack (validated)", ours, "acked calls/s",
            "raw call()", ours / theirs, ">= 0.95x"),
    ]  # fmt: skip


# -- 4. memory and start-up ---------------------------------------------------------------------
def memory_and_startup(large: Path, work: Path, packages: Path, runs: int) -> list[Row]:
    _, peak = run_child([PYTHON, "-m", "sio_codegen", "server", str(large), "-o", str(work / "mem" / "mem_server"),
                         "-q", "--allow-unenforced-security", "--refs-root", str(large.parent)])  # fmt: skip
    _, python_peak = run_child([PYTHON, "-c", "import sio_codegen.cli"])
    ours = median_of(
        runs,
        lambda: run_child([PYTHON, "-c", "import bench_server._generated.server"], cwd=packages)[0],
    )
    theirs = median_of(
        runs, lambda: run_child([PYTHON, "-c", "import flask_socketio, pydantic"], cwd=packages)[0]
    )
    return [
        Row("memory", f"peak RSS generating the large spec ({large.name}, server)", peak, "MB",
            "importing sio_codegen", peak / python_peak),
        Row("start-up", "import a generated server package", ours, "s",
            "import flask_socketio, pydantic", ours / theirs),
    ]  # fmt: skip


def write_results(rows: list[Row], path: Path, runs: int, quick: bool) -> None:
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}."
        f" Medians of {runs} run(s); ratios against a baseline measured in the same run"
        + (" (--quick: tiny inputs, numbers mean nothing)." if quick else "."),
        "",
        "| section | measurement | value | baseline | ratio | target |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        ratio = "" if row.ratio is None else f"{row.ratio:.2f}x"
        value = (
            f"{row.value:,.3f} {row.unit}" if row.value < 100 else f"{row.value:,.0f} {row.unit}"
        )
        lines.append(
            f"| {row.section} | {row.name} | {value} | {row.baseline} | {ratio} | {row.target} |"
        )
    path.write_text("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="one run of everything on tiny inputs")
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md")
    args = parser.parse_args()
    runs = 1 if args.quick else 5
    calls = 50 if args.quick else 2000
    with tempfile.TemporaryDirectory(prefix="sio-bench-") as tmp:
        work = Path(tmp)
        tictactoe = ROOT / "golden" / "tictactoe" / "spec" / "asyncapi.yaml"
        specs = {"small (tic-tac-toe)": tictactoe}
        sizes = (10,) if args.quick else (10, 100, 1000)
        if not args.quick:
            specs["medium (Slack RTM, 2.6)"] = (
                SHARED / "asyncapi+spec@v2.6.0/examples/slack-rtm.yml"
            )
            specs["large (ZBOS, 575 channels)"] = (
                SHARED / "asyncapi+parser-js@v1.18.1/test/good/zbos_mqtt-all-asyncapi.json"
            )
        for size in sizes:
            specs[f"synthetic-{size}"] = write_synthetic(work, size)
        rows = generation(specs, runs, work)
        rows += noop(tictactoe, runs, work)
        packages = prepare_packages(work / "rt")
        rows += in_process(packages, calls, runs)
        server_rows, client_rows = websocket(packages, calls, runs)
        rows += server_rows + client_rows
        large = list(specs.values())[-1 - len(sizes)] if not args.quick else tictactoe
        rows += memory_and_startup(large, work, packages, runs)
    write_results(rows, args.output, runs, args.quick)
    print(args.output.read_text())


if __name__ == "__main__":
    main()
