"""``nox -s bench``: generation speed, runtime overhead, broadcast fan-out through a message
queue, the external emitter's publish rate, memory and start-up of sio-codegen and its generated code, as medians with ratios against baselines measured in the same run. Writes
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
CORPUS = ROOT / "tests" / "corpus" / "specs"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import external_emit  # noqa: E402
import fanout  # noqa: E402
import queue_listener  # noqa: E402
from inprocess import PAYLOAD  # noqa: E402
from specs import ECHO_SPEC, write_synthetic  # noqa: E402

from sio_codegen.load.loader import LoadOptions, load_api  # noqa: E402

PYTHON = sys.executable


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


def interleaved(runs: int, measures: dict[str, Callable[[], float]]) -> dict[str, float]:
    """The median of each measure over ``runs`` rounds, every round measuring each once, in turn:
    a machine that slows down or speeds up during the run affects all of them alike."""
    samples: dict[str, list[float]] = {name: [] for name in measures}
    for _ in range(runs):
        for name, measure in measures.items():
            samples[name].append(measure())
    return {name: statistics.median(values) for name, values in samples.items()}


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
GENERATION_TARGET = "<= 1.0x (small), <= 1.2x (large)"
WARM_TARGET = "<= 0.8x (small)"
CACHED_TARGET = "< 0.15 s"


def compile_bytecode() -> None:
    """Byte-compile sio_codegen first: with PYTHONDONTWRITEBYTECODE set (as on some machines)
    every run would otherwise compile its modules again, which an installed package never does
    (datamodel-code-generator's are compiled by pip)."""
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "sio_codegen")],
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip


def generation(specs: dict[str, Path], runs: int, work: Path) -> list[Row]:
    rows: list[Row] = []
    previous: tuple[int, float] | None = None  # (events, seconds) of the last synthetic spec
    for label, spec in specs.items():
        options = LoadOptions(refs_root=spec.parent)
        loaded = load_api(spec, options)
        schemas = loaded.api.schemas
        events = sum(len(ns.client_events) + len(ns.server_events) for ns in loaded.api.namespaces)
        schema_file = work / f"{label}-schemas.json"
        schema_file.write_text(json.dumps({"definitions": schemas}))
        counter = iter(range(10**6))
        flags = ["-q", "--allow-unenforced-security", "--refs-root", str(spec.parent)]

        warm_cache = work / f"{label}-warm-cache"

        def two_commands(cache: bool, warm: bool = False) -> float:
            """``sio-codegen server`` then ``client`` into fresh folders, as two processes;
            with an empty models cache (the server fills it, the client reuses the models), a
            warm one (an earlier run made these models: what users type again and again) or
            without one."""
            n = next(counter)
            env = (
                {"SIO_CODEGEN_NO_CACHE": "1"}
                if not cache
                else {"SIO_CODEGEN_CACHE": str(warm_cache if warm else work / f"cache-{n}")}
            )
            total = 0.0
            for command in ("server", "client"):
                out = work / f"{label}-{command}-{n}" / f"pkg_{command}"
                total += run_child([PYTHON, "-m", "sio_codegen", command, str(spec), "-o", str(out),
                                    *flags], env=env)[0]  # fmt: skip
            return total

        def one_command(worker: bool) -> float:
            """``sio-codegen generate`` with a server and a client profile: one process, the spec
            loaded and the models made once; no models cache."""
            folder = work / f"{label}-generate-{next(counter)}"
            folder.mkdir()
            (folder / "pyproject.toml").write_text(_profiles(spec))
            env = {"SIO_CODEGEN_NO_CACHE": "1", "SIO_CODEGEN_WORKER": "1" if worker else "0"}
            return run_child([PYTHON, "-m", "sio_codegen", "generate", "-q"], cwd=folder, env=env)[
                0
            ]

        def baseline() -> float:
            out = work / f"{label}-dmcg-{next(counter)}.py"
            return run_child([PYTHON, "-m", "datamodel_code_generator", "--input", str(schema_file),
                              "--input-file-type", "jsonschema", "--output-model-type",
                              "pydantic_v2.BaseModel", "--output", str(out)])[0]  # fmt: skip

        two_commands(True, warm=True)  # fills the warm cache
        baseline_name = "datamodel-codegen alone"
        results = interleaved(runs, {
            baseline_name: baseline,
            f"server + client, one `generate` run ({events} events)": lambda: one_command(True),
            "server + client, one `generate` run, no models worker": lambda: one_command(False),
            "`server` then `client` commands, models cache (client reuses)":
                lambda: two_commands(True),
            "`server` then `client` commands, warm models cache": lambda: two_commands(True, True),
            "`server` then `client` commands, no models cache": lambda: two_commands(False),
        })  # fmt: skip
        theirs = results.pop(baseline_name)
        ours = results
        rows.append(Row("generation", f"{label}: datamodel-codegen alone ({len(schemas)} models)",
                        theirs, "s"))  # fmt: skip
        for name, value in ours.items():
            target = WARM_TARGET if "warm" in name else GENERATION_TARGET
            rows.append(Row("generation", f"{label}: {name}", value, "s",
                            "datamodel-codegen alone", value / theirs, target))  # fmt: skip
        if label.startswith("synthetic"):
            one_run = next(iter(ours.values()))
            rows.append(Row("generation", f"{label}: per event (one `generate` run)",
                            one_run / max(events, 1) * 1000, "ms"))  # fmt: skip
            if previous is not None:  # what each event added since the smaller spec: flat?
                added = (one_run - previous[1]) / (events - previous[0]) * 1000
                rows.append(Row("generation", f"{label}: marginal time per event "
                                f"({previous[0]} -> {events} events)", added, "ms",
                                target="flat as specs grow"))  # fmt: skip
            previous = (events, one_run)
    return rows


def _profiles(spec: Path) -> str:
    common = f'spec = "{spec.as_posix()}"\nrefs-root = "{spec.parent.as_posix()}"\n'
    return (
        "[tool.sio-codegen]\nallow-unenforced-security = true\n\n"
        f'[tool.sio-codegen.profiles.server]\ncommand = "server"\noutput = "pkg_server"\n{common}\n'
        f'[tool.sio-codegen.profiles.client]\ncommand = "client"\noutput = "pkg_client"\n{common}'
    )


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


def cached_command(spec: Path, runs: int, work: Path) -> list[Row]:
    """One ``sio-codegen server`` into a fresh folder, its models in the cache (an earlier run
    made them), against starting Python and against ``datamodel-codegen --help``, in turn."""
    cache = {"SIO_CODEGEN_CACHE": str(work / "cached-command-cache")}
    counter = iter(range(10**6))

    def server() -> float:
        out = work / f"cached-{next(counter)}" / "cached_server"
        return run_child([PYTHON, "-m", "sio_codegen", "server", str(spec), "-o", str(out), "-q"],
                         env=cache)[0]  # fmt: skip

    server()  # fills the cache
    results = interleaved(runs, {
        "ours": server,
        "python": lambda: run_child([PYTHON, "-c", "pass"])[0],
        "help": lambda: run_child([PYTHON, "-m", "datamodel_code_generator", "--help"])[0],
    })  # fmt: skip
    name = "one `server` command, models cached (tic-tac-toe, whole CLI run)"
    return [
        Row("generation", name, results["ours"], "s", "python -c pass",
            results["ours"] / results["python"], CACHED_TARGET),
        Row("generation", name, results["ours"], "s", "datamodel-codegen --help",
            results["ours"] / results["help"], CACHED_TARGET),
    ]  # fmt: skip


# -- 2./3. runtime ------------------------------------------------------------------------------
OURS = ("plain", "generated", "generated-novalidate")
PEER_NAMES = {"asynction": "Asynction 0.8.3", "sio-asyncapi": "SIO-AsyncAPI 1.0.0"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """A benchmark server (serve.py, or a peer's script in its own virtualenv) on 127.0.0.1."""

    def __init__(self, kind: str, python: str, package_dir: Path) -> None:
        self.port = free_port()
        if kind in PEER_NAMES:
            script = HERE / "peers" / f"{kind.replace('-', '_')}_serve.py"
            command = [python, str(script), str(self.port)]
        elif kind in ASGI_KINDS:
            command = [python, str(HERE / "serve_asgi.py"), kind, str(self.port), str(package_dir)]
        else:
            command = [python, str(HERE / "serve.py"), kind, str(self.port), str(package_dir)]
        self.process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 30
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
    asgi = work / "bench_server_asgi"
    run_child([PYTHON, "-m", "sio_codegen", "server", str(spec), "-o", str(asgi), "-q",
               "--runtime", "asgi"])  # fmt: skip
    handlers = (HERE / "handlers_template.py").read_text()  # the same handler, as async def
    (asgi / "handlers.py").write_text(handlers.replace("    def on_echo", "    async def on_echo"))
    return work


def rate(calls: int, call: Callable[[], Any]) -> float:
    started = time.perf_counter()
    for _ in range(calls):
        call()
    return calls / (time.perf_counter() - started)


def in_process(work: Path, seconds: float, runs: int, pythons: dict[str, str]) -> list[Row]:
    """Each measurement in a fresh process of the kind's own interpreter (see inprocess.py)."""

    def measure(kind: str) -> Callable[[], float]:
        def run() -> float:
            out = subprocess.run([pythons[kind], str(HERE / "inprocess.py"), kind, str(seconds),
                                  str(work)], capture_output=True, text=True, check=False)  # fmt: skip
            if out.returncode != 0:
                raise RuntimeError(f"in-process {kind} failed: {out.stderr[-2000:]}")
            return float(out.stdout.split()[-1])

        return run

    results = interleaved(runs, {kind: measure(kind) for kind in pythons})
    return _runtime_rows("in-process (Flask-SocketIO test client)", results)


def websocket(
    work: Path, calls: int, runs: int, pythons: dict[str, str]
) -> tuple[list[Row], list[Row]]:
    """Every server at once, one python-socketio client each (websocket transport), measured in
    turn. Then, with only the plain server left, the generated client's typed call against a raw
    call(), in turn."""
    import socketio

    servers = {kind: Server(kind, python, work) for kind, python in pythons.items()}
    clients: dict[str, Any] = {}
    try:
        for kind, server in servers.items():
            sio = socketio.Client(reconnection=False)
            sio.connect(server.url, transports=["websocket"])
            assert sio.call("echo", PAYLOAD, timeout=5) == {"id": 7, "length": len(PAYLOAD["text"])}
            clients[kind] = sio
        results = interleaved(runs, {
            kind: (lambda sio=sio: rate(calls, lambda: sio.call("echo", PAYLOAD, timeout=5)))
            for kind, sio in clients.items()
        })  # fmt: skip
        for kind in [k for k in clients if k != "plain"]:
            clients.pop(kind).disconnect()
            servers.pop(kind).stop()
        client_rows = _client_rows(work, servers["plain"].url, calls, runs)
    finally:
        for sio in clients.values():
            sio.disconnect()
        for server in servers.values():
            server.stop()
    return _runtime_rows("real websocket", results), client_rows


def _client_rows(work: Path, url: str, calls: int, runs: int) -> list[Row]:
    """The typed call and a raw call() over the very same connection: the generated client's
    python-socketio client (two connections to one server differ by a few per cent)."""
    sys.path.insert(0, str(work))
    import bench_client  # type: ignore[import-not-found]

    typed = bench_client.Client(url, transports=["websocket"], reconnection=False)
    typed.connect()
    try:
        payload = bench_client.models.EchoPayload(**PAYLOAD)
        assert typed.echo(payload).length == len(PAYLOAD["text"])
        results = interleaved(2 * runs + 1, {
            "raw": lambda: rate(calls, lambda: typed.sio.call("echo", PAYLOAD, timeout=5)),
            "typed": lambda: rate(calls, lambda: typed.echo(payload)),
        })  # fmt: skip
    finally:
        typed.disconnect()
    return [
        Row("client", "raw python-socketio call(), the same client (plain server)", results["raw"],
            "acked calls/s"),
        Row("client", "generated client, typed ack (validated), same connection", results["typed"],
            "acked calls/s", "raw call()", results["typed"] / results["raw"], ">= 0.95x"),
    ]  # fmt: skip


def _runtime_rows(where: str, results: dict[str, float]) -> list[Row]:
    plain, generated = results["plain"], results["generated"]
    rows = [
        Row("server", f"{where}: plain Flask-SocketIO handler (ceiling)", plain, "acked calls/s"),
        Row("server", f"{where}: generated, validation on", generated, "acked calls/s",
            "plain handler", generated / plain, ">= 0.9x"),
        Row("server", f"{where}: generated, validation off", results["generated-novalidate"],
            "acked calls/s", "plain handler", results["generated-novalidate"] / plain),
    ]  # fmt: skip
    for kind, name in PEER_NAMES.items():
        if kind not in results:
            continue
        peer = results[kind]
        rows.append(Row("server", f"{where}: {name}, validation on", peer, "acked calls/s",
                        "plain handler", peer / plain))  # fmt: skip
        rows.append(Row("server", f"{where}: generated (validation on) against {name}",
                        generated, "acked calls/s", name, generated / peer, "> 1.0x"))  # fmt: skip
    return rows


# -- fan-out through a message queue -----------------------------------------------------------
def fan_out(work: Path, quick: bool) -> list[Row]:
    """One broadcast to N clients over two processes through Redis, against one process without
    a queue, in turn (bench/fanout.py). Without redis-server: no rows (an error with CI set)."""
    if not fanout.redis_available():
        message = "fan-out: redis-server not found (Debian: apt-get install redis-server)"
        if os.environ.get("CI"):
            raise RuntimeError(message)
        print(f"{message}; fan-out rows left out", file=sys.stderr)
        return []
    packages = fanout.prepare(work / "fanout")
    rows: list[Row] = []
    one, two = "one process", "two processes, Redis"
    for clients in (10,) if quick else (100, 1000):
        results = fanout.measure(packages, clients, 2 if quick else 20)
        where = f"N={clients:,} websocket clients"
        for key, what in (
            ("completion_ms", "one broadcast reaches every client (median)"),
            ("p50_ms", "delivery latency p50"),
            ("p99_ms", "delivery latency p99"),
        ):
            mine, base = results[two][key], results[one][key]
            rows.append(Row("fan-out", f"{where}: {what}, one process, no queue", base, "ms"))
            rows.append(Row("fan-out", f"{where}: {what}, 2 processes (half the clients each) "
                            "through Redis", mine, "ms", "one process", mine / base))  # fmt: skip
    return rows


ASGI_KINDS = ("asgi-raw", "asgi-generated")


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used so far (Linux: /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load(url: str, clients: int, seconds: float, pid: int | None = None) -> dict[str, float]:
    """One run of bench/load.py against ``url``: rate, calls, p50_ms, p99_ms, and with the
    server's ``pid`` the server's CPU time per acked call (us_cpu), steadier than a rate on a
    shared machine: the cost of the server's code, whatever the clients' share of the cores."""
    before = cpu_seconds(pid) if pid is not None else 0.0
    out = subprocess.run([PYTHON, str(HERE / "load.py"), url, str(clients), str(seconds)],
                         capture_output=True, text=True, check=False, timeout=600)  # fmt: skip
    if out.returncode != 0:
        raise RuntimeError(f"load.py {url} {clients} failed: {out.stderr[-2000:]}")
    result: dict[str, float] = json.loads(out.stdout.splitlines()[-1])
    if pid is not None:  # the connections' setup and teardown are counted too, as for every kind
        result["us_cpu"] = (cpu_seconds(pid) - before) / result["calls"] * 1e6
    return result


def asgi(work: Path, seconds: float, runs: int, concurrency: tuple[int, int, int]) -> list[Row]:
    """The asgi runtime over real websockets under uvicorn, clients in a process of their own:
    the generated asgi server (validation on) against a hand-written AsyncServer handler doing
    the same work, and against the generated Flask server (threading, Werkzeug), with one and
    with many concurrent clients, measured in turn (interleaved); then the latency of both
    runtimes' generated servers under many more clients."""
    kinds = {"asgi-raw": "asgi-raw", "asgi-generated": "asgi-generated", "flask": "generated"}
    servers = {name: Server(kind, PYTHON, work) for name, kind in kinds.items()}
    rows: list[Row] = []
    try:
        for clients in concurrency[:2]:
            measured: dict[str, list[dict[str, float]]] = {name: [] for name in servers}

            def measure(name: str, server: Server = servers["flask"]) -> float:
                result = load(server.url, clients, seconds, server.process.pid)
                measured[name].append(result)
                return result["rate"]

            rates = interleaved(runs, {
                name: (lambda name=name, server=server: measure(name, server))
                for name, server in servers.items()
            })  # fmt: skip
            cpu = {name: statistics.median(r["us_cpu"] for r in results)
                   for name, results in measured.items()}  # fmt: skip
            where = f"websocket, {clients} client{'s' if clients > 1 else ''}"
            raw, generated, flask = rates["asgi-raw"], rates["asgi-generated"], rates["flask"]
            rows += [
                Row("asgi", f"{where}: hand-written AsyncServer handler (ceiling)", raw,
                    "acked calls/s"),
                Row("asgi", f"{where}: generated asgi, validation on", generated, "acked calls/s",
                    "AsyncServer handler", generated / raw, ">= 0.9x"),
                Row("asgi", f"{where}: generated flask, validation on", flask, "acked calls/s"),
                Row("asgi", f"{where}: generated asgi against generated flask", generated,
                    "acked calls/s", "generated flask", generated / flask),
                Row("asgi", f"{where}: server CPU per acked call, AsyncServer handler",
                    cpu["asgi-raw"], "us"),
                Row("asgi", f"{where}: server CPU per acked call, generated asgi (ratio: "
                    "calls per CPU second against the AsyncServer handler)", cpu["asgi-generated"],
                    "us", "AsyncServer handler", cpu["asgi-raw"] / cpu["asgi-generated"],
                    ">= 0.9x"),
                Row("asgi", f"{where}: server CPU per acked call, generated flask",
                    cpu["flask"], "us", "generated asgi", cpu["asgi-generated"] / cpu["flask"]),
            ]  # fmt: skip
        clients = concurrency[2]
        for name, label in (("asgi-generated", "generated asgi"), ("flask", "generated flask")):
            results = [load(servers[name].url, clients, seconds) for _ in range(max(1, runs // 3))]
            for key, what in (("p50_ms", "p50"), ("p99_ms", "p99")):
                value = statistics.median(r[key] for r in results)
                rows.append(Row("asgi", f"{clients} concurrent clients: {label}, {what} latency",
                                value, "ms"))  # fmt: skip
    finally:
        for server in servers.values():
            server.stop()
    return rows


# -- the external emitter ------------------------------------------------------------------------
def emitter(work: Path, quick: bool) -> list[Row]:
    """Publishes per second of the typed external emitter against a raw write-only manager's
    emit of the same payload, to a real Redis, in turn (bench/external_emit.py). Without
    redis-server: no rows (an error with CI set)."""
    if not fanout.redis_available():
        message = "emitter: redis-server not found (Debian: apt-get install redis-server)"
        if os.environ.get("CI"):
            raise RuntimeError(message)
        print(f"{message}; external emitter rows left out", file=sys.stderr)
        return []
    packages = fanout.prepare(work / "emitter")
    rates = external_emit.measure(packages, 100 if quick else 5000, 1 if quick else 7)
    rows: list[Row] = []
    for name, rate in rates.items():
        if name.startswith(external_emit.OWN):
            rows.append(Row("emitter", name, rate, "us"))
            continue
        raw = external_emit.RAW_ASYNC if "async" in name.lower() else external_emit.RAW
        if name == raw:
            rows.append(Row("emitter", f"{name} (one small payload, Redis)", rate, "publishes/s"))
        else:
            rows.append(Row("emitter", f"{name} (the same payload, Redis)", rate, "publishes/s",
                            raw.split(".")[0], rate / rates[raw]))  # fmt: skip
    return rows


# -- the queue listener --------------------------------------------------------------------------
def listener(quick: bool) -> list[Row]:
    """Messages per second the generated Redis listeners receive against python-socketio's own,
    from a real Redis, in turn (bench/queue_listener.py). Without redis-server: no rows (an
    error with CI set)."""
    if not fanout.redis_available():
        message = "listener: redis-server not found (Debian: apt-get install redis-server)"
        if os.environ.get("CI"):
            raise RuntimeError(message)
        print(f"{message}; queue listener rows left out", file=sys.stderr)
        return []
    rates = queue_listener.measure(2000 if quick else 50_000, 1 if quick else 5)
    rows: list[Row] = []
    for name, values in rates.items():
        rate = statistics.median(values)
        baseline = (
            queue_listener.ASYNC_BASELINE if "Async" in name else queue_listener.SYNC_BASELINE
        )
        if name == baseline:
            rows.append(Row("listener", f"{name} (Redis, small messages)", rate, "messages/s"))
        else:
            base_rate = statistics.median(rates[baseline])
            rows.append(Row("listener", f"{name} (the same messages)", rate, "messages/s",
                            baseline, rate / base_rate))  # fmt: skip
    return rows


# -- 4. memory and start-up ---------------------------------------------------------------------
def memory_and_startup(large: Path, work: Path, packages: Path, runs: int) -> list[Row]:
    _, peak = run_child([PYTHON, "-m", "sio_codegen", "server", str(large), "-o", str(work / "mem" / "mem_server"),
                         "-q", "--allow-unenforced-security", "--refs-root", str(large.parent)])  # fmt: skip
    _, python_peak = run_child([PYTHON, "-c", "import sio_codegen.cli.commands"])
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


def write_results(rows: list[Row], path: Path, runs: int, quick: bool, only: str | None) -> None:
    """The table of this run; with ``--only``, the other sections' rows of the previous table;
    the dated notes after the table (its ``## ...`` sections) are kept as they are."""
    previous = path.read_text().splitlines() if path.exists() else []
    starts = [i for i, line in enumerate(previous) if line.startswith("## ")]
    table, notes = (
        (previous[: starts[0]], ["", *previous[starts[0] :]]) if starts else (previous, [])
    )
    kept: list[str] = []  # with --only, the other sections' rows of the previous run
    if only is not None:
        kept = [line for line in table
                if line.startswith("| ") and not line.startswith(("| section ", "| --- ",
                                                                  f"| {only} |"))]  # fmt: skip
    lines = [
        "# Benchmark results",
        "",
        f"Machine: {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}."
        f" Medians of {runs} run(s); ratios against a baseline measured in the same run"
        + (" (--quick: tiny inputs, numbers mean nothing)." if quick else ".")
        + (
            f" Only the {only} rows are from this run; the others from the run before."
            if kept
            else ""
        ),
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
    lines += kept
    path.write_text("\n".join(lines + notes) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="one run of everything on tiny inputs")
    parser.add_argument("--output", type=Path, default=HERE / "RESULTS.md")
    parser.add_argument(
        "--only", choices=["generation", "fan-out", "emitter", "listener"],
        help="measure this section only; the output keeps the other rows it had",
    )  # fmt: skip
    parser.add_argument(
        "--peer", action="append", default=[], metavar="NAME=PYTHON",
        help=f"a peer ({', '.join(PEER_NAMES)}) and the interpreter of its own virtualenv",
    )  # fmt: skip
    parser.add_argument(
        "--runtime-only", action="store_true",
        help="only the generated server's and client's speed (in-process, websocket)",
    )  # fmt: skip
    args = parser.parse_args()
    pythons = {kind: PYTHON for kind in OURS}
    for peer in args.peer:
        name, _, python = peer.partition("=")
        if name not in PEER_NAMES or not python:
            parser.error(f"--peer {peer!r}: expected one of {', '.join(PEER_NAMES)}=PYTHON")
        pythons[name] = python
    runs = 1 if args.quick else 7
    calls = 50 if args.quick else 1000
    with tempfile.TemporaryDirectory(prefix="sio-bench-") as tmp:
        work = Path(tmp)
        tictactoe = ROOT / "golden" / "tictactoe" / "spec" / "asyncapi.yaml"
        specs = {"small (tic-tac-toe)": tictactoe}
        sizes = (10,) if args.quick else (10, 100, 1000)
        if not args.quick:
            specs["medium (Slack RTM, 2.6)"] = (
                CORPUS / "asyncapi+spec@v2.6.0/examples/slack-rtm.yml"
            )
            specs["large (ZBOS, 575 channels)"] = (
                CORPUS / "asyncapi+parser-js@v1.18.1/test/good/zbos_mqtt-all-asyncapi.json"
            )
        for size in sizes:
            specs[f"synthetic-{size}"] = write_synthetic(work, size)
        compile_bytecode()
        if args.only == "fan-out":
            write_results(fan_out(work, args.quick), args.output, runs, args.quick, args.only)
            print(args.output.read_text())
            return
        if args.only == "emitter":
            write_results(emitter(work, args.quick), args.output, runs, args.quick, args.only)
            print(args.output.read_text())
            return
        if args.only == "listener":
            write_results(listener(args.quick), args.output, runs, args.quick, args.only)
            print(args.output.read_text())
            return
        rows = [] if args.runtime_only else generation(specs, runs, work)
        rows += [] if args.runtime_only else noop(tictactoe, runs, work)
        rows += [] if args.runtime_only else cached_command(tictactoe, runs, work)
        if args.only == "generation":
            write_results(rows, args.output, runs, args.quick, args.only)
            print(args.output.read_text())
            return
        packages = prepare_packages(work / "rt")
        rows += in_process(packages, 0.05 if args.quick else 1.5, runs, pythons)
        server_rows, client_rows = websocket(packages, calls, runs, pythons)
        rows += server_rows + client_rows
        concurrency = (1, 2, 5) if args.quick else (1, 20, 200)
        rows += asgi(packages, 0.3 if args.quick else 3.0, 1 if args.quick else 3, concurrency)
        rows += [] if args.runtime_only else fan_out(work, args.quick)
        rows += [] if args.runtime_only else emitter(work, args.quick)
        rows += [] if args.runtime_only else listener(args.quick)
        large = list(specs.values())[-1 - len(sizes)] if not args.quick else tictactoe
        rows += [] if args.runtime_only else memory_and_startup(large, work, packages, runs)
    write_results(rows, args.output, runs, args.quick, None)
    print(args.output.read_text())


if __name__ == "__main__":
    main()
