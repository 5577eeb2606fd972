"""The whole pipeline behind each command: load -> render -> format once -> write atomically."""

from __future__ import annotations

import json
from pathlib import Path

from sio_codegen import naming
from sio_codegen.client_gen import client_files
from sio_codegen.diagnostics import Diagnostic, Location, Report, SpecError
from sio_codegen.formatting import format_sources
from sio_codegen.header import generated_header
from sio_codegen.load import Loaded, LoadOptions, load_api
from sio_codegen.model import Api
from sio_codegen.models_py import ModelGenerationError, render_models
from sio_codegen.schemas import resolved_json
from sio_codegen.security import enforceable
from sio_codegen.server_gen import server_files
from sio_codegen.source import display_path
from sio_codegen.writer import WriteResult, write_atomic, write_tree


def load(spec_path: Path, options: LoadOptions, report: Report) -> Loaded:
    return load_api(spec_path, options, report)


def header(loaded: Loaded) -> str:
    return generated_header(loaded.api, loaded.spec.root.path.name)


def unformatted_models(loaded: Loaded) -> str:
    try:
        return render_models(loaded.api.schemas, header(loaded))
    except ModelGenerationError as exc:
        where = Location(display_path(loaded.spec.root.path), "/components/schemas")
        raise SpecError([Diagnostic("error", str(exc), where)]) from exc


def models_source(loaded: Loaded) -> str:
    """The formatted models module of a loaded spec."""
    return format_sources({"models.py": unformatted_models(loaded)})["models.py"]


def spec_json(loaded: Loaded) -> str:
    return json.dumps(resolved_json(loaded.spec.data), indent=2, ensure_ascii=False) + "\n"


def package_name(output: Path, package: str | None) -> str:
    name = package or output.resolve().name
    return naming.safe_identifier(naming.snake(name), prefix="pkg")


def write_models(
    spec_path: Path, output: Path, options: LoadOptions, report: Report
) -> WriteResult:
    text = models_source(load(spec_path, options, report))
    result = WriteResult()
    (result.written if write_atomic(output, text) else result.unchanged).append(output)
    return result


def contract_api(loaded: Loaded, allow_unenforced: bool) -> Api:
    """The Api whose connection contract a server enforces and a client follows."""
    where = Location(display_path(loaded.spec.root.path), "/components/securitySchemes")
    return enforceable(loaded.api, loaded.report, where, allow_unenforced=allow_unenforced)


def render_server(
    loaded: Loaded, package: str, allow_unenforced: bool = False
) -> tuple[dict[str, str], dict[str, str]]:
    """Every file of the server package, formatted: (generated, user-owned)."""
    api = contract_api(loaded, allow_unenforced)
    generated, user_owned = server_files(
        api, header(loaded), package, unformatted_models(loaded), spec_json(loaded)
    )
    formatted = format_sources({**generated, **{f"user/{k}": v for k, v in user_owned.items()}})
    return (
        {k: formatted[k] for k in generated},
        {k: formatted[f"user/{k}"] for k in user_owned},
    )


def write_server(
    spec_path: Path,
    output: Path,
    package: str | None,
    options: LoadOptions,
    report: Report,
    allow_unenforced: bool = False,
) -> WriteResult:
    loaded = load(spec_path, options, report)
    generated, user_owned = render_server(loaded, package_name(output, package), allow_unenforced)
    return write_tree(output, generated, user_owned)


def render_client(loaded: Loaded, package: str, allow_unenforced: bool = False) -> dict[str, str]:
    """Every file of the client package, formatted (all of them generated)."""
    api = contract_api(loaded, allow_unenforced)
    files = client_files(api, header(loaded), package, unformatted_models(loaded))
    return format_sources(files)


def write_client(
    spec_path: Path,
    output: Path,
    package: str | None,
    options: LoadOptions,
    report: Report,
    allow_unenforced: bool = False,
) -> WriteResult:
    loaded = load(spec_path, options, report)
    files = render_client(loaded, package_name(output, package), allow_unenforced)
    return write_tree(output, files, {})
