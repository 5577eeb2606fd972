"""The whole pipeline behind each command: load -> render -> format once -> write atomically."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sio_codegen.diagnostics import Diagnostic, Location, Report, SpecError
from sio_codegen.formatting import format_sources
from sio_codegen.header import generated_header
from sio_codegen.load import Loaded, LoadOptions, load_api
from sio_codegen.models_py import ModelGenerationError, render_models
from sio_codegen.source import display_path
from sio_codegen.writer import WriteResult, write_atomic


@dataclass
class Output:
    """Rendered files, relative to the output folder: generated ones and user-owned ones."""

    generated: dict[str, str] = field(default_factory=dict)
    user_owned: dict[str, str] = field(default_factory=dict)


def load(spec_path: Path, options: LoadOptions, report: Report) -> Loaded:
    return load_api(spec_path, options, report)


def models_source(loaded: Loaded) -> str:
    """The formatted models module of a loaded spec."""
    header = generated_header(loaded.api, loaded.spec.root.path.name)
    try:
        source = render_models(loaded.api.schemas, header)
    except ModelGenerationError as exc:
        where = Location(display_path(loaded.spec.root.path), "/components/schemas")
        raise SpecError([Diagnostic("error", str(exc), where)]) from exc
    return format_sources({"models.py": source})["models.py"]


def write_models(
    spec_path: Path, output: Path, options: LoadOptions, report: Report
) -> WriteResult:
    loaded = load(spec_path, options, report)
    text = models_source(loaded)
    result = WriteResult()
    (result.written if write_atomic(output, text) else result.unchanged).append(output)
    return result
