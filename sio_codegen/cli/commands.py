"""The ``sio-codegen`` command line: a thin layer over :mod:`sio_codegen.pipeline`."""

from __future__ import annotations

import argparse
import shlex
import sys
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from sio_codegen import __version__
from sio_codegen.diagnostics import Report, SpecError
from sio_codegen.options import DOC_COMMANDS, RUNTIMES, Job, LoadOptions
from sio_codegen.render import models_cache

if TYPE_CHECKING:
    from sio_codegen.load.loader import Loaded
    from sio_codegen.pipeline import Outcome
    from sio_codegen.write.files import CheckResult, WriteResult

# The heavy modules (jsonschema, jsonref, Jinja2, datamodel-code-generator) are imported only
# when there is work to do: a no-op regeneration needs none of them.

EXIT_OK = 0
EXIT_STALE = 1
EXIT_SPEC_ERROR = 2


UNENFORCED_HELP = (
    "generate even where a namespace requires a security scheme a Socket.IO server cannot "
    "enforce (e.g. X509, SASL); such requirements are dropped, with a warning"
)


FORCE_HELP = (
    "overwrite files in the output that sio-codegen did not generate (no manifest of ours "
    "lists them, no DO NOT EDIT header); refused by default"
)
SEED_HELP = "seed of the generated examples (default: 0); the same seed, the same examples"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sio-codegen",
        description="Generate typed Socket.IO servers, clients and Pydantic models from AsyncAPI.",
    )
    parser.add_argument("--version", action="version", version=f"sio-codegen {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        cmd = sub.add_parser(name, help=help_text, description=help_text)
        cmd.add_argument("spec", type=Path, help="AsyncAPI document (YAML or JSON)")
        cmd.add_argument(
            "--no-validate",
            action="store_true",
            help="report violations of the official AsyncAPI schema as warnings and go on",
        )
        cmd.add_argument(
            "--allow-remote-refs",
            action="store_true",
            help="follow http(s) $refs (refused by default)",
        )
        cmd.add_argument(
            "--refs-root",
            type=Path,
            metavar="DIR",
            help="folder file $refs must stay inside (default: the spec's folder)",
        )
        cmd.add_argument(
            "--server",
            metavar="NAME",
            help="the server of the document to generate for (default: the first it lists)",
        )
        cmd.add_argument(
            "--server-var",
            action="append",
            default=[],
            type=_server_var,
            metavar="NAME=VALUE",
            help="a value for a {variable} of the chosen server (default: its default); repeatable",
        )
        cmd.add_argument(
            "--perspective",
            choices=("server", "client"),
            help="whose side the document describes (default: its x-sio-perspective, else "
            "server: publish/receive are events clients send)",
        )
        cmd.add_argument(
            "--channels-as-events",
            action="store_true",
            default=None,
            help="read every channel as an event of one namespace (default: its x-sio-channels, "
            "else every channel is a namespace)",
        )
        cmd.add_argument("-q", "--quiet", action="store_true", help="print errors only")
        return cmd

    def generating(name: str, help_text: str) -> argparse.ArgumentParser:
        cmd = command(name, help_text)
        cmd.add_argument(
            "--check",
            action="store_true",
            help="write nothing; exit 1 (listing changed, missing and extra files, with a diff) "
            "when the output is stale, 0 when fresh",
        )
        cmd.add_argument(
            "--diff", action="store_true", help="print what would change; write nothing"
        )
        cmd.add_argument("--force", action="store_true", help=FORCE_HELP)
        return cmd

    models = generating("models", "write the Pydantic v2 models module of a spec")
    models.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    command("validate", "check a spec: AsyncAPI schema, references, Socket.IO conventions")
    generate = sub.add_parser(
        "generate",
        help="run the profiles of [tool.sio-codegen] in pyproject.toml (all, or the ones named)",
        description="Run the profiles of [tool.sio-codegen] in pyproject.toml.",
    )
    generate.add_argument("profiles", nargs="*", metavar="PROFILE", help="default: every one")
    generate.add_argument("--config", type=Path, help="pyproject.toml (default: the nearest)")
    generate.add_argument("--check", action="store_true", help="write nothing; exit 1 if stale")
    generate.add_argument("--diff", action="store_true", help="print what would change")
    generate.add_argument("--force", action="store_true", help=FORCE_HELP)
    generate.add_argument("--no-validate", action="store_true", help="override every profile")
    generate.add_argument("--allow-remote-refs", action="store_true", help="override every profile")
    generate.add_argument(
        "--allow-unenforced-security", action="store_true", help="override every profile"
    )
    generate.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    server = generating(
        "server", "write a server package with typed handlers (Flask-SocketIO, or ASGI)"
    )
    server.add_argument("-o", "--output", type=Path, required=True, help="package folder")
    server.add_argument("--package", help="import name of the package (default: the folder name)")
    server.add_argument("--allow-unenforced-security", action="store_true", help=UNENFORCED_HELP)
    server.add_argument(
        "--runtime",
        choices=RUNTIMES,
        default="flask",
        help="what the server runs on: flask (Flask-SocketIO, threads, gunicorn) or asgi "
        "(python-socketio's AsyncServer, async def handlers, uvicorn) (default: flask)",
    )
    server.add_argument(
        "--check-handlers",
        action="store_true",
        help="import the functions x-handler / x-handlers name (from the package's parent "
        "folder) and warn about each that does not import",
    )
    client = generating("client", "write a typed python-socketio client package (sync and asyncio)")
    client.add_argument("-o", "--output", type=Path, required=True, help="package folder")
    client.add_argument("--package", help="import name of the package (default: the folder name)")
    client.add_argument("--allow-unenforced-security", action="store_true", help=UNENFORCED_HELP)
    catalog = generating(
        "catalog", "write the event catalog: one JSON document of every event, for programs"
    )
    catalog.add_argument(
        "-o", "--output", type=Path, help="file to write (default: print it to standard output)"
    )
    catalog.add_argument("--seed", type=int, default=0, help=SEED_HELP)
    docs = generating(
        "docs", "write an offline HTML page of the API, the resolved spec and the event catalog"
    )
    docs.add_argument("-o", "--output", type=Path, required=True, help="folder to write")
    docs.add_argument("--seed", type=int, default=0, help=SEED_HELP)
    mock = command(
        "mock",
        "run a mock server of a spec: fake acks, server events emitted periodically with fake "
        "data, incoming events validated, docs at /docs; nothing is written",
    )
    mock.add_argument("--host", default="127.0.0.1", help="interface (default: 127.0.0.1)")
    mock.add_argument("--port", type=int, default=5000, help="port (default: 5000)")
    mock.add_argument(
        "--interval",
        type=_seconds,
        default=2.0,
        metavar="S",
        help="seconds between two emits of each server event (default: 2)",
    )
    mock.add_argument("--seed", type=int, default=0, help=SEED_HELP)
    mock.add_argument(
        "--cors-origins",
        metavar="ORIGINS",
        help="origins whose pages may connect, comma separated, or * (default: the same origin)",
    )
    mock.add_argument(
        "--runtime",
        choices=("flask", "asgi"),
        default="flask",
        help="the server runtime: flask (default; Flask-SocketIO) or asgi (AsyncServer, uvicorn)",
    )
    mock.add_argument(
        "--enforce-security",
        action="store_true",
        help="require the credentials the spec asks for (any value is accepted); "
        "by default any client connects",
    )
    init = sub.add_parser(
        "init",
        help="write a first AsyncAPI 3.0 spec from the handlers a running app registers",
        description="Write a first AsyncAPI 3.0 spec from the handlers a Flask-SocketIO app "
        "(or a python-socketio server) registers.",
    )
    init.add_argument(
        "--from-app",
        required=True,
        metavar="MODULE:ATTR",
        help="the app: a Flask-SocketIO SocketIO, its Flask app, a python-socketio Server, "
        "AsyncServer, ASGIApp or WSGIApp (imported from the current folder)",
    )
    init.add_argument("-o", "--output", type=Path, required=True, help="spec file to write")
    init.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    diff = sub.add_parser(
        "diff",
        help="list what changes for clients and servers between two versions of a spec",
        description="List what changes for clients and servers between two versions of a spec; "
        "exit 1 when a change breaks (or possibly breaks) either side.",
    )
    diff.add_argument("old", metavar="OLD", type=Path, help="old spec (with --base: the new one)")
    diff.add_argument("new", metavar="NEW", type=Path, nargs="?", help="the new spec")
    diff.add_argument(
        "--base",
        metavar="REV:PATH",
        help="read the old spec from a git revision, e.g. origin/main:asyncapi.yaml",
    )
    diff.add_argument(
        "--format", choices=("text", "json"), default="text", help="output format (default: text)"
    )
    diff.add_argument("--no-validate", action="store_true", help="schema violations as warnings")
    diff.add_argument("--allow-remote-refs", action="store_true", help="follow http(s) $refs")
    diff.add_argument("-q", "--quiet", action="store_true", help="print breaking changes only")
    return parser


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value < 86_400:
        raise argparse.ArgumentTypeError(f"expected a positive number of seconds, got {text!r}")
    return value


def _print_diagnostics(report: Report, quiet: bool) -> None:
    for diagnostic in report.diagnostics:
        if quiet and diagnostic.level != "error":
            continue
        print(diagnostic.format(), file=sys.stderr)


def _options(args: argparse.Namespace) -> LoadOptions:
    return LoadOptions(
        validate=not args.no_validate,
        allow_remote_refs=args.allow_remote_refs,
        refs_root=args.refs_root,
        server=args.server,
        server_vars=tuple(args.server_var),
        perspective=args.perspective,
        channels_as_events=args.channels_as_events,
    )


def _server_var(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected NAME=VALUE, got {text!r}")
    return name, value


def _summary(result: WriteResult, quiet: bool) -> None:
    if quiet:
        return
    for path in result.written:
        print(f"wrote {path}")
    for path in result.unchanged:
        print(f"unchanged {path}")
    for path in result.removed:
        print(f"removed {path} (no longer generated)")
    for path in result.skipped:
        print(f"kept {path} (yours: never overwritten)")


def _job(args: argparse.Namespace) -> Job:
    return Job(
        command=args.command,
        spec=args.spec,
        output=args.output,
        package=getattr(args, "package", None),
        options=_options(args),
        allow_unenforced=getattr(args, "allow_unenforced_security", False),
        force=args.force,
        seed=getattr(args, "seed", 0),
        runtime=getattr(args, "runtime", "flask"),
    )


def _cmd_generate_one(args: argparse.Namespace, report: Report) -> int:
    job = _job(args)
    problem = job.package_problem()
    if problem is not None:
        print(f"sio-codegen: error: {problem}", file=sys.stderr)
        return EXIT_SPEC_ERROR
    status = run_job(
        job,
        report,
        check_only=args.check,
        diff=args.diff,
        quiet=args.quiet,
        regenerate=job.command_line(),
    )
    if status == EXIT_OK and getattr(args, "check_handlers", False):
        _check_handler_paths(job)
    return status


def _check_handler_paths(job: Job) -> None:
    """``--check-handlers``: a warning for each x-handler / x-handlers path that does not
    import (the generated server would refuse to start)."""
    from sio_codegen.diagnostics import Diagnostic
    from sio_codegen.load.loader import load_api
    from sio_codegen.pipeline import contract_api
    from sio_codegen.write.handler_paths import check_imports, handler_paths

    loaded = load_api(job.spec, job.options, Report())
    paths = handler_paths(contract_api(loaded, job.allow_unenforced))
    try:
        failed = check_imports(job.output, paths)
    except RuntimeError as exc:
        where = loaded.spec.root.location("")
        print(Diagnostic("warning", f"could not check the handlers: {exc}", where).format(),
              file=sys.stderr)  # fmt: skip
        return
    for path, message in failed:
        where = loaded.spec.root.location(path.pointer)
        print(Diagnostic("warning", message, where).format(), file=sys.stderr)


def run_job(
    job: Job, report: Report, *, check_only: bool, diff: bool, quiet: bool, regenerate: str
) -> int:
    """Run one job and print what happened; the exit status of the command. ``regenerate``:
    the command that regenerates the job's output, printed when ``--check`` finds it stale."""
    if not (check_only or diff) and job.up_to_date():
        return _up_to_date(job, quiet)
    # The generator's import overlaps ours and the spec's load: unless no generator will run.
    with _models_worker([job]):
        return start_job(
            job, report, check_only=check_only, diff=diff, quiet=quiet, regenerate=regenerate
        )()


def _models_worker(jobs: list[Job]) -> AbstractContextManager[object]:
    """A models worker for these jobs (see models_worker), unless they probably need none: their
    models are in the cache. Forking it regardless would cost a cached run about twice its time:
    the worker's imports compete with the main process for the cores."""
    jobs = [job for job in jobs if job.command not in DOC_COMMANDS]  # they make no models
    if all(models_cache.probably_cached(job.spec) for job in jobs):
        return nullcontext()
    from sio_codegen.render import models_worker

    return models_worker.started()


def start_job(
    job: Job,
    report: Report,
    *,
    check_only: bool,
    diff: bool,
    quiet: bool,
    regenerate: str,
    loads: dict[tuple[Path, LoadOptions], Loaded] | None = None,
) -> Callable[[], int]:
    """Do what a job can do before its models module is ready (load the spec, render and format
    the templates); call the result to finish it, print what happened and get the exit status.
    An error on the way is raised by the result, so that jobs started earlier finish first.
    Whether the job is up to date is the caller's question."""
    from sio_codegen.pipeline import start

    try:
        finish = start(job, report, loads=loads)
    except SpecError as exc:
        error = exc

        def fail() -> int:
            raise error

        return fail

    def done() -> int:
        outcome = finish(check_only or diff)
        _print_diagnostics(report, quiet)
        report.diagnostics.clear()
        if outcome.check is not None:
            return _print_check(
                job, outcome.check, diff=diff, check_only=check_only, quiet=quiet,
                regenerate=regenerate,
            )  # fmt: skip
        _summary(outcome.result, quiet)
        if job.command == "server" and outcome.api is not None and not quiet:
            _report_handlers(job, outcome)
        return EXIT_OK

    return done


def _up_to_date(job: Job, quiet: bool) -> int:
    if not quiet:
        print(f"{job.output}: up to date")
    return EXIT_OK


def _print_check(
    job: Job, result: CheckResult, *, diff: bool, check_only: bool, quiet: bool, regenerate: str
) -> int:
    if diff and result.diff:
        sys.stdout.write(result.diff)
    if result.fresh:
        if not quiet and check_only:
            print(f"{job.output}: fresh")
        return EXIT_OK
    if check_only:
        for label, paths in (("changed", result.changed), ("missing", result.missing),
                             ("extra", result.extra)):  # fmt: skip
            for rel in paths:
                print(f"{label}: {job.root / rel}", file=sys.stderr)
        if result.interrupted:
            print(f"interrupted: {job.root} (an earlier run was stopped while writing; the next "
                  "run completes it)", file=sys.stderr)  # fmt: skip
        if not diff and result.diff:
            sys.stdout.write(result.diff)
        print(f"{job.output}: stale; regenerate with: {regenerate}", file=sys.stderr)
        return EXIT_STALE
    return EXIT_OK


def _report_handlers(job: Job, outcome: Outcome) -> None:
    from sio_codegen.load.source import display_path
    from sio_codegen.write.handlers_check import check_handlers

    handlers = job.output / "handlers.py"
    if outcome.api is None or handlers in outcome.result.written:
        if handlers in outcome.result.written:
            print(
                f"next: implement the handlers in {handlers}, then run: python -m "
                f"{job.output.resolve().name} --port 5000  (from {job.output.resolve().parent})"
            )
        return
    found = check_handlers(handlers, outcome.api)
    for line, message in found.orphans:
        print(f"{display_path(handlers)}:{line}: warning: {message}", file=sys.stderr)
    for method in found.to_implement:
        print(f"to implement in {display_path(handlers)}: {method}")


def _cmd_validate(args: argparse.Namespace, report: Report) -> int:
    from sio_codegen.load.loader import load_api
    from sio_codegen.model.checks import socketio_warnings

    loaded = load_api(args.spec, _options(args), report)
    socketio_warnings(loaded.api, loaded.spec, report)
    _print_diagnostics(report, args.quiet)
    if not args.quiet:
        api = loaded.api
        events = sum(len(ns.client_events) + len(ns.server_events) for ns in api.namespaces)
        print(
            f"{args.spec}: valid AsyncAPI {api.asyncapi}: {len(api.namespaces)} namespace(s), "
            f"{events} event(s), {len(api.schemas)} model(s), {len(report.warnings)} warning(s)"
        )
    return EXIT_OK


def _cmd_generate(args: argparse.Namespace, report: Report) -> int:
    from sio_codegen.cli.config import find_config, load_profiles

    config = args.config or find_config(Path.cwd())
    if config is None:
        print(
            "sio-codegen: no pyproject.toml with [tool.sio-codegen] here or above", file=sys.stderr
        )
        return EXIT_SPEC_ERROR
    overrides: dict[str, bool] = {}
    if args.no_validate:
        overrides["validate"] = False
    if args.allow_remote_refs:
        overrides["allow-remote-refs"] = True
    if args.allow_unenforced_security:
        overrides["allow-unenforced-security"] = True
    profiles = load_profiles(config, overrides)
    names = {p.name for p in profiles}
    unknown = [name for name in args.profiles if name not in names]
    if unknown:
        print(f"sio-codegen: no profile {', '.join(unknown)} in {config} "
              f"(profiles: {', '.join(sorted(names))})", file=sys.stderr)  # fmt: skip
        return EXIT_SPEC_ERROR
    status = EXIT_OK
    loads: dict[tuple[Path, LoadOptions], Loaded] = {}  # profiles of one spec load it once
    selected = [
        replace(p, job=replace(p.job, force=True)) if args.force else p
        for p in profiles
        if not args.profiles or p.name in args.profiles
    ]
    stale = {p.name for p in selected if args.check or args.diff or not p.job.up_to_date()}
    with _models_worker([p.job for p in selected if p.name in stale]):
        # Every profile's templates first: they render while the models are in the making.
        started = [
            (profile, start_job(profile.job, Report(), check_only=args.check, diff=args.diff,
                                quiet=args.quiet, loads=loads,
                                regenerate=_regenerate_profile(args, profile.name))
                      if profile.name in stale else partial(_up_to_date, profile.job, args.quiet))
            for profile in selected
        ]  # fmt: skip
        for profile, finish in started:
            if not args.quiet:
                job = profile.job
                print(f"[{profile.name}] {job.command} {job.spec} -> {job.output}")
            status = max(status, finish())
    return status


def _regenerate_profile(args: argparse.Namespace, profile: str) -> str:
    """The command that regenerates one profile, with the flags this run was given."""
    command = ["sio-codegen", "generate"]
    if args.config is not None:
        command += ["--config", str(args.config)]
    command.append(profile)
    for flag in ("no_validate", "allow_remote_refs", "allow_unenforced_security"):
        if getattr(args, flag):
            command.append("--" + flag.replace("_", "-"))
    return shlex.join(command)


def _cmd_catalog(args: argparse.Namespace, report: Report) -> int:
    """``catalog`` without ``-o`` prints the catalog; with it, it is a generating command."""
    if args.output is not None:
        return _cmd_generate_one(args, report)
    if args.check or args.diff:
        print("sio-codegen: error: --check and --diff need -o FILE", file=sys.stderr)
        return EXIT_SPEC_ERROR
    from sio_codegen.load.loader import load_api
    from sio_codegen.model.checks import without_reserved_events
    from sio_codegen.render.catalog import catalog_json

    loaded = load_api(args.spec, _options(args), report)
    api = without_reserved_events(loaded.api, report, loaded.spec.root.location)
    text = catalog_json(api, args.seed)
    _print_diagnostics(report, args.quiet)
    sys.stdout.write(text)
    return EXIT_OK


def _cmd_mock(args: argparse.Namespace, report: Report) -> int:
    from sio_codegen.mock.command import run

    return run(args.spec, _options(args), report, host=args.host, port=args.port,
               interval=args.interval, seed=args.seed, enforce_security=args.enforce_security,
               cors_origins=args.cors_origins, quiet=args.quiet, runtime=args.runtime)  # fmt: skip


def _cmd_diff(args: argparse.Namespace, report: Report) -> int:
    from sio_codegen.diff.command import run

    if (args.base is None) == (args.new is None):
        print("sio-codegen diff: error: give OLD and NEW, or --base REV:PATH and NEW",
              file=sys.stderr)  # fmt: skip
        return EXIT_SPEC_ERROR
    options = LoadOptions(validate=not args.no_validate, allow_remote_refs=args.allow_remote_refs)
    old, new = (None, args.old) if args.base is not None else (args.old, args.new)
    return run(old, new, base=args.base, options=options, output_format=args.format,
               quiet=args.quiet, report=report)  # fmt: skip


def _cmd_init(args: argparse.Namespace, report: Report) -> int:
    from sio_codegen.init.command import run

    return run(args.from_app, args.output, quiet=args.quiet)


COMMANDS: dict[str, Callable[[argparse.Namespace, Report], int]] = {
    "catalog": _cmd_catalog,
    "docs": _cmd_generate_one,
    "diff": _cmd_diff,
    "init": _cmd_init,
    "mock": _cmd_mock,
    "generate": _cmd_generate,
    "client": _cmd_generate_one,
    "models": _cmd_generate_one,
    "validate": _cmd_validate,
    "server": _cmd_generate_one,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    report = Report()
    try:
        return COMMANDS[args.command](args, report)
    except SpecError as exc:
        # Warnings found before the failure are shown too, unless --quiet; then every error.
        shown = {d.format() for d in exc.diagnostics}
        for diagnostic in report.diagnostics:
            if diagnostic.level == "warning" and not args.quiet:
                print(diagnostic.format(), file=sys.stderr)
        for line in sorted(shown, key=_sort_key):
            print(line, file=sys.stderr)
        return EXIT_SPEC_ERROR


def _sort_key(line: str) -> tuple[str, int, int, str]:
    parts = line.split(":", 3)
    try:
        return (parts[0], int(parts[1]), int(parts[2]), line)
    except (IndexError, ValueError):
        return (line, 0, 0, line)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
