"""The ``sio-codegen`` command line: a thin layer over :mod:`sio_codegen.pipeline`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from sio_codegen import __version__
from sio_codegen.checks import socketio_warnings
from sio_codegen.diagnostics import Report, SpecError
from sio_codegen.load import LoadOptions
from sio_codegen.pipeline import load, package_name, write_client, write_models, write_server
from sio_codegen.writer import WriteResult

EXIT_OK = 0
EXIT_STALE = 1
EXIT_SPEC_ERROR = 2


UNENFORCED_HELP = (
    "generate even where a namespace requires a security scheme a Socket.IO server cannot "
    "enforce (e.g. userPassword, X509, SASL); such requirements are dropped, with a warning"
)


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
        cmd.add_argument("-q", "--quiet", action="store_true", help="print errors only")
        return cmd

    models = command("models", "write the Pydantic v2 models module of a spec")
    models.add_argument("-o", "--output", type=Path, required=True, help="file to write")
    command("validate", "check a spec: AsyncAPI schema, references, Socket.IO conventions")
    server = command("server", "write a Flask-SocketIO server package with typed handlers")
    server.add_argument("-o", "--output", type=Path, required=True, help="package folder")
    server.add_argument("--package", help="import name of the package (default: the folder name)")
    server.add_argument("--allow-unenforced-security", action="store_true", help=UNENFORCED_HELP)
    client = command("client", "write a typed python-socketio client package (sync and asyncio)")
    client.add_argument("-o", "--output", type=Path, required=True, help="package folder")
    client.add_argument("--package", help="import name of the package (default: the folder name)")
    client.add_argument("--allow-unenforced-security", action="store_true", help=UNENFORCED_HELP)
    return parser


def _print_diagnostics(report: Report, quiet: bool) -> None:
    for diagnostic in report.diagnostics:
        if quiet and diagnostic.level != "error":
            continue
        print(diagnostic.format(), file=sys.stderr)


def _options(args: argparse.Namespace) -> LoadOptions:
    return LoadOptions(validate=not args.no_validate, allow_remote_refs=args.allow_remote_refs)


def _summary(result: WriteResult, quiet: bool) -> None:
    if quiet:
        return
    for path in result.written:
        print(f"wrote {path}")
    for path in result.unchanged:
        print(f"unchanged {path}")
    for path in result.skipped:
        print(f"kept {path} (yours: never overwritten)")


def _cmd_models(args: argparse.Namespace, report: Report) -> int:
    result = write_models(args.spec, args.output, _options(args), report)
    _print_diagnostics(report, args.quiet)
    _summary(result, args.quiet)
    return EXIT_OK


def _cmd_validate(args: argparse.Namespace, report: Report) -> int:
    loaded = load(args.spec, _options(args), report)
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


def _cmd_server(args: argparse.Namespace, report: Report) -> int:
    result = write_server(
        args.spec, args.output, args.package, _options(args), report, args.allow_unenforced_security
    )
    _print_diagnostics(report, args.quiet)
    _summary(result, args.quiet)
    if not args.quiet and any(p.name == "handlers.py" for p in result.written):
        package = package_name(args.output, args.package)
        print(
            f"next: implement the handlers in {args.output / 'handlers.py'}, then run: "
            f"python -m {package} --port 5000  (from {args.output.resolve().parent})"
        )
    return EXIT_OK


def _cmd_client(args: argparse.Namespace, report: Report) -> int:
    result = write_client(
        args.spec, args.output, args.package, _options(args), report, args.allow_unenforced_security
    )
    _print_diagnostics(report, args.quiet)
    _summary(result, args.quiet)
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace, Report], int]] = {
    "client": _cmd_client,
    "models": _cmd_models,
    "validate": _cmd_validate,
    "server": _cmd_server,
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
