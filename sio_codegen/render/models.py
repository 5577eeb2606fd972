"""The Pydantic v2 models module: every schema of the Api, in one datamodel-code-generator call,
formatted; from the cache, the command's worker process, or made here."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sio_codegen.model.model_view import model_view
from sio_codegen.render import models_cache
from sio_codegen.render.formatting import format_sources
from sio_codegen.render.models_generator import ModelGenerationError, generate

__all__ = ["ModelGenerationError", "render_models", "start_models"]

Inputs = tuple[Path, dict[str, str]]
"""A spec's main file, and the sha256 of each of its files by path relative to its folder."""


def render_models(schemas: dict[str, Any], header: str) -> str:
    """The formatted Python source of a module with one model per entry of ``schemas``."""
    return start_models(schemas, header)()


def start_models(
    schemas: dict[str, Any], header: str, spec: Inputs | None = None
) -> Callable[[], str]:
    """Start turning ``schemas`` into a formatted models module; call the result for its source
    (or the ModelGenerationError). From the cache if it has them, else in the command's worker
    process (see models_worker) if it has one, else here when called. ``spec``, the files the
    schemas come from, is remembered with the cache entry (models_cache.probably_cached). The
    generator sees the schemas' model view (see model_view)."""
    entry = models_cache.entry(model_view(schemas), header)
    cached = entry.read()
    if cached is not None:
        if spec is not None:
            entry.remember(*spec)
        return lambda: cached
    # Imported on a miss only (pickle, threading: a cached run needs neither).
    from sio_codegen.render import models_worker

    worker = models_worker.current()
    if worker is not None:
        worker.submit(entry.schemas_json, header)

    def finish() -> str:
        source = None
        if worker is not None:
            try:
                source = worker.result()
            except models_worker.WorkerError as exc:
                raise ModelGenerationError(str(exc)) from None
        if source is None:
            source = generate(json.loads(entry.schemas_json), header)
        formatted = format_sources({"models.py": source})["models.py"]
        entry.write(formatted)
        if spec is not None:
            entry.remember(*spec)
        return formatted

    return finish
