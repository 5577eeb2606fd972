"""The Pydantic v2 models module: every schema of the Api, in one datamodel-code-generator call,
from the cache, the command's worker process, or made here."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sio_codegen.model.model_view import model_view
from sio_codegen.render import models_cache, models_worker
from sio_codegen.render.models_generator import ModelGenerationError, generate

__all__ = ["ModelGenerationError", "render_models", "start_models"]


def render_models(schemas: dict[str, Any], header: str) -> str:
    """Python source (not yet formatted) of a module with one model per entry of ``schemas``."""
    return start_models(schemas, header)()


def start_models(schemas: dict[str, Any], header: str) -> Callable[[], str]:
    """Start turning ``schemas`` into a models module; call the result for its source (or the
    ModelGenerationError). From the cache if it has them, else in the command's worker process
    (see models_worker) if it has one, else here when called. The generator sees the
    schemas' model view (see model_view)."""
    entry = models_cache.entry(model_view(schemas), header)
    cached = entry.read()
    if cached is not None:
        return lambda: cached
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
        entry.write(source)
        return source

    return finish
