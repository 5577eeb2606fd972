"""The loading half of the pipeline: file -> refs resolved -> validated -> version-neutral Api."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sio_codegen.diagnostics import Report, SpecError
from sio_codegen.load.refs import ResolvedSpec, resolve
from sio_codegen.load.spec_schema import declared_version, validate_document
from sio_codegen.model.api import Api
from sio_codegen.model.builder import ApiBuilder
from sio_codegen.model.from_v2 import load_v2
from sio_codegen.model.from_v3 import load_v3
from sio_codegen.model.model_view import widenings
from sio_codegen.model.validator import compile_error
from sio_codegen.options import LoadOptions


@dataclass
class Loaded:
    api: Api
    spec: ResolvedSpec
    report: Report
    models: Callable[[], str] | None = None
    """The formatted models module, once started (pipeline.start_models_source)."""
    inputs: dict[str, str] | None = None
    """The sha256 of each spec file, once asked for (pipeline.inputs)."""


def load_api(
    path: Path, options: LoadOptions | None = None, report: Report | None = None
) -> Loaded:
    """Load ``path`` into an Api. Raises SpecError carrying every error found."""
    options = options or LoadOptions()
    report = report if report is not None else Report()
    spec = resolve(
        path, report, allow_remote=options.allow_remote_refs, refs_root=options.refs_root
    )
    version = declared_version(spec.root, report)
    if version is None:
        raise SpecError(report.errors)
    validate_document(spec.root, version, report, strict=options.validate)
    report.raise_if_errors()
    builder = ApiBuilder(
        spec,
        report,
        version,
        options.server,
        dict(options.server_vars),
        options.perspective,
        options.channels_as_events,
    )
    builder.read_how(spec.data)
    try:
        api = (
            load_v2(builder, spec.data) if version.startswith("2.") else load_v3(builder, spec.data)
        )
    except RecursionError:
        report.error("the document nests too deeply to be read", spec.root.location(""))
        raise SpecError(report.errors) from None
    report.raise_if_errors()
    _check_schemas(api, spec, report)
    return Loaded(api, spec, report)


def _check_schemas(api: Api, spec: ResolvedSpec, report: Report) -> None:
    """The schemas as the generated runtimes' validator compiles them (an error here, not an
    ImportError later), and where a model must be wider than its schema (warnings)."""
    problem = compile_error(api.schemas)
    if problem is not None:  # lines and columns only for a diagnostic: they take a second parse
        report.error(problem, spec.root.location("/components/schemas"))
        raise SpecError(report.errors)
    for reason, places in widenings(api.schemas).items():
        more = f" (and {len(places) - 1} more)" if len(places) > 1 else ""
        report.warning(
            f"model {places[0]}{more}: {reason}", spec.root.location("/components/schemas")
        )
