"""``sio-codegen mock SPEC``: generate the spec's server package in memory (the templates and
models of ``sio-codegen server``, unformatted: nothing is written, not even to the cache), import
it from memory (:mod:`sio_codegen.mock.memory`) and run its app in mock mode, its docs at /docs.
The handlers are all stubs (``x-handler`` functions are not called): every ack is the mock's."""

from __future__ import annotations

import dataclasses
import importlib
import json
import logging
import os
import sys
from pathlib import Path
from types import ModuleType

from sio_codegen import pipeline
from sio_codegen.diagnostics import Report
from sio_codegen.load.loader import load_api
from sio_codegen.mock.memory import MemoryPackage
from sio_codegen.model.api import Api, Hooks
from sio_codegen.model.model_view import model_view
from sio_codegen.options import LoadOptions, Runtime
from sio_codegen.render import models_cache
from sio_codegen.render import server as server_gen
from sio_codegen.render.models_generator import generate

PACKAGE = "sio_codegen_mock_server"
"""The import name of the package in memory (its loggers are ``sio_codegen_mock_server.*``)."""


def without_delegation(api: Api) -> Api:
    """``api`` without its ``x-handler`` / ``x-handlers``: the mock answers every event."""
    namespaces = tuple(
        dataclasses.replace(
            ns,
            hooks=Hooks(),
            client_events=tuple(dataclasses.replace(ev, handler="") for ev in ns.client_events),
        )
        for ns in api.namespaces
    )
    return dataclasses.replace(api, namespaces=namespaces)


def package_files(
    spec: Path,
    options: LoadOptions,
    report: Report,
    seed: int = 0,
    package: str = PACKAGE,
    runtime: Runtime = "flask",
) -> dict[str, str]:
    """Every file of the server package of ``spec``, by its path in the package, in memory
    (the catalog and docs with examples from ``seed``). Raises SpecError as ``server`` does."""
    os.environ["SIO_CODEGEN_NO_CACHE"] = "1"  # this process writes nothing, cache included
    loaded = load_api(spec, options, report)
    api = without_delegation(pipeline.contract_api(loaded, allow_unenforced=True))
    header = pipeline.header(loaded)
    generated, user = server_gen.server_files(
        api,
        header,
        package,
        pipeline.spec_json(loaded),
        runtime,
        docs=pipeline.served_docs(loaded, seed),
    )
    entry = models_cache.entry(model_view(loaded.api.schemas), header)
    models = generate(json.loads(entry.schemas_json), header)
    return {**generated, **user, server_gen.MODELS_PATH: models}


def import_package(
    files: dict[str, str], package: str = PACKAGE
) -> tuple[MemoryPackage, ModuleType]:
    """Install the in-memory package; its ``app`` module (call ``memory.uninstall()`` after)."""
    memory = MemoryPackage(package, files)
    memory.install()
    try:
        return memory, importlib.import_module(f"{package}.app")
    except BaseException:
        memory.uninstall()
        raise


def run(
    spec: Path,
    options: LoadOptions,
    report: Report,
    *,
    host: str,
    port: int,
    interval: float,
    seed: int,
    enforce_security: bool,
    quiet: bool,
    cors_origins: str | None = None,
    runtime: Runtime = "flask",
) -> int:
    files = package_files(spec, options, report, seed, runtime=runtime)
    for diagnostic in report.diagnostics:
        if not quiet:
            print(diagnostic.format(), file=sys.stderr)
    memory, app_module = import_package(files)
    try:
        mock = importlib.import_module(f"{PACKAGE}._generated.mock")
        serving = importlib.import_module(f"{PACKAGE}._generated.serving")
        logging.basicConfig(level=logging.WARNING if quiet else logging.INFO,
                            format="%(levelname)s %(name)s: %(message)s")  # fmt: skip
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        built = app_module.create_app(
            cors_allowed_origins=serving.parse_origins(cors_origins),
            docs=True,
            mock=mock.Mock(interval=interval, enforce_security=enforce_security),
        )
        print(f"mock server of {spec} on http://{host}:{port} (docs: http://{host}:{port}/docs; "
              f"{runtime})", file=sys.stderr, flush=True)  # fmt: skip
        if runtime == "asgi":
            import uvicorn

            uvicorn.run(built, host=host, port=port, log_level="warning")
        else:
            app, socketio = built
            socketio.run(app, host=host, port=port, allow_unsafe_werkzeug=True,
                         request_handler=serving.DevRequestHandler)  # fmt: skip
    except OSError as exc:  # e.g. the port is taken
        print(f"sio-codegen mock: error: cannot serve on {host}:{port}: {exc.strerror or exc}",
              file=sys.stderr)  # fmt: skip
        return 1
    finally:
        memory.uninstall()
    return 0
