"""The whole pipeline behind each command: load -> render -> format once -> write atomically.

A :class:`Job` says what to generate; :func:`run` plans every file in memory, then checks the
plan against the disk (``--check``) or applies it."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sio_codegen.diagnostics import Diagnostic, Location, Report, SpecError
from sio_codegen.load.loader import Loaded, load_api
from sio_codegen.load.source import display_path
from sio_codegen.model.api import Api
from sio_codegen.model.checks import without_reserved_events
from sio_codegen.model.schemas import resolved_json
from sio_codegen.model.security import enforceable
from sio_codegen.options import DOC_COMMANDS, Job, LoadOptions
from sio_codegen.paths import confined
from sio_codegen.render import client as client_gen
from sio_codegen.render import server as server_gen
from sio_codegen.render.formatting import format_sources
from sio_codegen.render.header import generated_header
from sio_codegen.render.models import ModelGenerationError, start_models
from sio_codegen.write import journal
from sio_codegen.write.files import CheckResult, Plan, WriteResult, apply, check
from sio_codegen.write.manifest import Manifest, sha256, spec_inputs


@dataclass
class Outcome:
    result: WriteResult = field(default_factory=WriteResult)
    check: CheckResult | None = None
    loaded: Loaded | None = None
    api: Api | None = None


def header(loaded: Loaded) -> str:
    return generated_header(loaded.api, loaded.spec.root.path.name)


def inputs(loaded: Loaded) -> dict[str, str]:
    """The sha256 of every file of the spec, by its path relative to the main file's folder
    (for the manifest and the models cache): read once per loaded spec."""
    if loaded.inputs is None:
        loaded.inputs = spec_inputs(loaded.spec.root.path, loaded.spec.files())
    return loaded.inputs


def start_models_source(loaded: Loaded) -> Callable[[], str]:
    """Start making the formatted models module (see render.models.start_models: perhaps in a
    worker process); call the result for it. Kept on ``loaded``: the profiles of one
    ``generate`` run that share a spec share it too, made once."""
    if loaded.models is not None:
        return loaded.models
    root = loaded.spec.root.path
    finish = start_models(loaded.api.schemas, header(loaded), (root, inputs(loaded)))
    made: list[str] = []
    failed: list[SpecError] = []  # asked again, the same error (the worker answers once)

    def models() -> str:
        if failed:
            raise failed[0]
        if not made:
            try:
                made.append(finish())
            except ModelGenerationError as exc:
                where = Location(display_path(root), "/components/schemas")
                failed.append(SpecError([Diagnostic("error", str(exc), where)]))
                raise failed[0] from exc
        return made[0]

    loaded.models = models
    return models


def models_source(loaded: Loaded) -> str:
    """The formatted models module of a loaded spec."""
    return start_models_source(loaded)()


def spec_json(loaded: Loaded) -> str:
    return json.dumps(resolved_json(loaded.spec.data), indent=2, ensure_ascii=False) + "\n"


def contract_api(loaded: Loaded, allow_unenforced: bool) -> Api:
    """The Api whose connection contract a server enforces and a client follows."""
    locate = loaded.spec.root.location
    api = without_reserved_events(loaded.api, loaded.report, locate)
    return enforceable(api, loaded.report, locate, allow_unenforced=allow_unenforced)


@dataclass
class Rendered:
    """A job's files, formatted, but the models module, which may still be in the making."""

    api: Api
    generated: dict[str, str]
    user_owned: dict[str, str]
    models_path: str | None
    """None: the job writes no models module (catalog, docs)."""
    models: Callable[[], str]

    def files(self) -> dict[str, str]:
        """Every generated file: waits for the models module."""
        if self.models_path is None:
            return dict(self.generated)
        return {**self.generated, self.models_path: self.models()}


def render_docs(job: Job, loaded: Loaded) -> Rendered:
    """The catalog (one file) or the docs site (a folder): no models module, no formatting.
    Events Socket.IO reserves are left out with a warning, as the generated code does."""
    from sio_codegen.render.catalog import catalog_json
    from sio_codegen.render.docs import docs_files

    api = without_reserved_events(loaded.api, loaded.report, loaded.spec.root.location)
    if job.command == "catalog":
        files = {job.output.name: catalog_json(api, job.seed)}
    else:
        files = docs_files(api, resolved_json(loaded.spec.data), job.seed)
    return Rendered(api, files, {}, None, lambda: "")


def served_docs(loaded: Loaded, seed: int = 0) -> dict[str, str]:
    """The docs a server serves: the files ``sio-codegen docs`` writes (its warnings were
    already reported for the server's own files)."""
    from sio_codegen.render.docs import served_files

    api = without_reserved_events(loaded.api, Report(), loaded.spec.root.location)
    return served_files(api, resolved_json(loaded.spec.data), seed)


def render(job: Job, loaded: Loaded) -> Rendered:
    """Every file of the job, relative to its root; the models module perhaps still pending."""
    if job.command in DOC_COMMANDS:
        return render_docs(job, loaded)
    models = start_models_source(loaded)  # perhaps in a worker process, while templates render
    if job.command == "models":
        return Rendered(loaded.api, {}, {}, job.output.name, models)
    api = contract_api(loaded, job.allow_unenforced)
    if job.command == "server":
        generated, user = server_gen.server_files(
            api,
            header(loaded),
            job.package_name,
            spec_json(loaded),
            job.runtime,
            served_docs(loaded),
        )
        models_path = server_gen.MODELS_PATH
    else:
        generated, user = client_gen.client_files(api, header(loaded), job.package_name), {}
        models_path = client_gen.MODELS_PATH
    formatted = format_sources({**generated, **{f"user/{k}": v for k, v in user.items()}})
    return Rendered(
        api,
        {k: formatted[k] for k in generated},
        {k: formatted[f"user/{k}"] for k in user},
        models_path,
        models,
    )


def plan(job: Job, loaded: Loaded, rendered: Rendered, report: Report) -> Plan:
    generated, user_owned = rendered.files(), rendered.user_owned
    obsolete: list[str] = []
    ours: set[str] = set()
    if job.manifest_rel is not None:
        manifest_path = job.root / job.manifest_rel
        previous = Manifest.read(manifest_path)
        manifest = Manifest(
            command=job.command,
            options=job.option_key(),
            inputs=inputs(loaded),
            files={rel: sha256(text.encode()) for rel, text in generated.items()},
            user_files=sorted(user_owned),
        )
        generated[job.manifest_rel] = manifest.text()
        if previous is not None:
            ours = {job.manifest_rel, *previous.files}
            # Never a user-owned file, whatever an old (or edited) manifest says.
            owned = set(user_owned) | set(previous.user_files)
            for rel in sorted(set(previous.files) - set(generated) - owned):
                if confined(job.root, rel) is not None:
                    obsolete.append(rel)
                else:
                    report.warning(
                        f"ignored {rel!r} listed in 'files': not a path inside the package",
                        Location(display_path(manifest_path)),
                    )
    return Plan(job.root, generated, user_owned, obsolete, ours, job.force)


def start(
    job: Job, report: Report, *, loads: dict[tuple[Path, LoadOptions], Loaded] | None = None
) -> Callable[[bool], Outcome]:
    """Load the spec and render the templates now; call the result (``check_only``) to wait
    for the models module, then write the plan (or only compare it with the disk). Jobs given
    the same ``loads`` load each (spec, options) once, and make its models once."""
    key = (job.spec.resolve(), job.options)
    loaded = loads.get(key) if loads is not None else None
    if loaded is None:
        loaded = load_api(job.spec, job.options, report)
        if loads is not None:
            loads[key] = loaded
    rendered = render(job, loaded)

    def finish(check_only: bool) -> Outcome:
        if not check_only and job.manifest_rel is not None:
            journal.complete(job.root)  # an interrupted run first: the manifest is its output
        the_plan = plan(job, loaded, rendered, report)
        outcome = Outcome(loaded=loaded, api=rendered.api)
        if check_only:
            outcome.check = check(the_plan)
        else:
            outcome.result = apply(the_plan)
        return outcome

    return finish


def run(
    job: Job,
    report: Report,
    *,
    check_only: bool = False,
    loads: dict[tuple[Path, LoadOptions], Loaded] | None = None,
) -> Outcome:
    """Plan every file, then write the plan (or only compare it with the disk). Callers that
    want to skip a no-op run ask ``job.up_to_date()`` first, as the CLI does."""
    return start(job, report, loads=loads)(check_only)
