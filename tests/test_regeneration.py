"""Regenerating after spec edits: user code is never touched, output always equals a fresh
generation, ``--check`` tells fresh from stale, a failure mid-write changes nothing."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import dedent, mypy_strict, run_cli

from sio_codegen.cli.config import load_profiles
from sio_codegen.diagnostics import Report
from sio_codegen.pipeline import Job, run
from sio_codegen.write import files as writer
from sio_codegen.write.manifest import MANIFEST_NAME, Manifest

BASE_SPEC = dedent(
    """
    asyncapi: 2.6.0
    info:
      title: Scenario
      version: 1.0.0
    servers:
      local: {url: "127.0.0.1/socket.io", protocol: ws}
    channels:
      /:
        x-handlers: {disconnect: app.bye}
        publish:
          message:
            oneOf:
              - $ref: "#/components/messages/Join"
              - $ref: "#/components/messages/Say"
        subscribe:
          message:
            oneOf:
              - $ref: "#/components/messages/Said"
      /admin:
        publish:
          message: {$ref: "#/components/messages/Kick"}
    components:
      messages:
        Join:
          name: join
          payload: {$ref: "#/components/schemas/Room"}
          x-ack: {type: object, properties: {ok: {type: boolean}}, required: [ok]}
        Say:
          name: say
          payload: {type: object, properties: {text: {type: string}}, required: [text]}
        Said:
          name: said
          payload: {type: object, properties: {text: {type: string}, by: {type: string}}}
        Kick:
          name: kick
          payload: {type: string}
      schemas:
        Room:
          type: object
          properties:
            room: {type: string}
          required: [room]
    """
)

PYPROJECT = dedent(
    """
    [project]
    name = "scenario-app"

    [tool.sio-codegen.profiles.server]
    command = "server"
    spec = "spec/asyncapi.yaml"
    output = "app_server"
    package = "app_server"

    [tool.sio-codegen.profiles.client]
    command = "client"
    spec = "spec/asyncapi.yaml"
    output = "app_client"
    package = "app_client"
    """
)

USER_CODE = "# custom code the user wrote\nVALUE = 42\n"


def replace(old: str, new: str) -> Callable[[Path], None]:
    def edit(project: Path) -> None:
        spec = project / "spec/asyncapi.yaml"
        text = spec.read_text()
        assert old in text, old
        spec.write_text(text.replace(old, new, 1))

    return edit


def split_into_files(project: Path) -> None:
    spec = project / "spec/asyncapi.yaml"
    text = spec.read_text()
    (project / "spec/schemas").mkdir()
    (project / "spec/schemas/room.yaml").write_text(
        "type: object\nproperties:\n  room: {type: string}\n  private: {type: boolean}\n"
        "required: [room, private]\n"
    )
    start = text.index("    Room:\n")
    spec.write_text(text[:start] + "    Room: {$ref: './schemas/room.yaml'}\n")


def edit_external_file(project: Path) -> None:
    path = project / "spec/schemas/room.yaml"
    path.write_text(path.read_text().replace("room: {type: string}", "room: {type: string, "
                                             "maxLength: 40}"))  # fmt: skip


EDITS: list[tuple[str, Callable[[Path], None]]] = [
    ("add a client event", replace('          - $ref: "#/components/messages/Say"\n',
     '          - $ref: "#/components/messages/Say"\n          - {name: leave}\n')),
    ("change a payload field type", replace("properties: {text: {type: string}}, required: [text]",
     "properties: {text: {type: integer}}, required: [text]")),
    ("add a payload field", replace("room: {type: string}\n      required",
     "room: {type: string}\n        private: {type: boolean}\n      required")),
    ("make a field required", replace("required: [room]", "required: [room, private]")),
    ("add an ack", replace("      name: say\n", "      name: say\n      x-ack: {type: string}\n")),
    ("change an ack", replace("properties: {ok: {type: boolean}}",
     "properties: {ok: {type: boolean}, reason: {type: string}}")),
    ("remove an ack", replace("      x-ack: {type: string}\n", "")),
    ("add a server event", replace('          - $ref: "#/components/messages/Said"\n',
     '          - $ref: "#/components/messages/Said"\n          - {name: joined, payload: {type: string}}\n')),
    ("remove a server event", replace("          - {name: joined, payload: {type: string}}\n", "")),
    ("rename an event", replace("name: say\n", "name: talk\n")),
    ("remove an event", replace("          - {name: leave}\n", "")),
    ("add a namespace", replace("  /admin:\n", "  /chat:\n    publish:\n      message: {name: hello, payload: {type: string}}\n  /admin:\n")),
    ("rename a namespace", replace("  /chat:\n", "  /lobby:\n")),
    ("add x-handlers", replace("  /admin:\n", "  /admin:\n    x-handlers: {connect: app.admin_connect, error: app.oops}\n")),
    ("remove x-handlers", replace("    x-handlers: {disconnect: app.bye}\n", "")),
    ("add a ws query binding", replace("  /admin:\n", "  /admin:\n    bindings:\n      ws:\n        query: {type: object, properties: {token: {type: string}}, required: [token]}\n")),
    ("add a headers binding", replace("        query: {type: object, properties: {token: {type: string}}, required: [token]}\n",
     "        query: {type: object, properties: {token: {type: string}}, required: [token]}\n        headers: {type: object, properties: {X-Trace: {type: string}}}\n")),
    ("add a security scheme", replace("  schemas:\n", "  securitySchemes:\n    bearer: {type: http, scheme: bearer}\n  schemas:\n")),
    ("require security on a namespace", replace("  /admin:\n", "  /admin:\n    x-security: [{bearer: []}]\n")),
    ("split the spec into files", split_into_files),
    ("edit only a referenced file", edit_external_file),
    ("change the title and add a description", replace("title: Scenario", "title: Scenario v2\n  description: Now with docs")),
    ("remove a namespace", replace("  /lobby:\n    publish:\n      message: {name: hello, payload: {type: string}}\n", "")),
    ("change the Socket.IO path", replace("127.0.0.1/socket.io", "127.0.0.1/rt")),
]  # fmt: skip


def digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts
    }


def generate(project: Path, *extra: str) -> tuple[int, str, str]:
    cwd = os.getcwd()
    os.chdir(project)
    try:
        return run_cli(["generate", *extra], pytest.capsys_proxy)  # type: ignore[attr-defined]
    finally:
        os.chdir(cwd)


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    pytest.capsys_proxy = capsys  # type: ignore[attr-defined]
    root = tmp_path / "project"
    (root / "spec").mkdir(parents=True)
    (root / "spec/asyncapi.yaml").write_text(BASE_SPEC)
    (root / "pyproject.toml").write_text(PYPROJECT)
    code, _, err = generate(root)
    assert code == 0, err
    for name in ("handlers.py", "app.py", "__main__.py", "__init__.py"):
        path = root / "app_server" / name
        path.write_text(path.read_text() + "\n" + USER_CODE)
    (root / "app_server" / "mycode.py").write_text(USER_CODE)
    # The function the spec's x-handlers names (app.bye): the server calls it, and would not
    # start without it.
    (root / "app.py").write_text("def bye() -> None:\n    pass\n")
    return root


def user_files(project: Path) -> dict[str, str]:
    folder = project / "app_server"
    return {n: (folder / n).read_text() for n in
            ("handlers.py", "app.py", "__main__.py", "__init__.py", "mycode.py")}  # fmt: skip


def fresh_generation_matches(project: Path, tmp: Path) -> None:
    """Generated files equal a generation of the same profiles into an empty folder."""
    for profile in load_profiles(project / "pyproject.toml"):
        job = profile.job
        spec, output = job.spec.resolve(), tmp / profile.name / job.output.name
        fresh = Job(job.command, spec, output, job.package, job.options, job.allow_unenforced)
        run(fresh, Report())
        manifest = Manifest.read(output / (job.manifest_rel or ""))
        assert manifest is not None
        for rel in [*manifest.files, job.manifest_rel]:
            assert rel is not None
            mine = (job.output.resolve() / rel).read_bytes()
            assert mine == (output / rel).read_bytes(), f"{profile.name}: {rel} differs"


def test_scenario_of_spec_edits(project: Path, tmp_path: Path) -> None:
    assert len(EDITS) >= 20
    before = user_files(project)
    for index, (title, edit) in enumerate(EDITS):
        edit(project)
        code, _, err = generate(project, "--check")
        assert code == 1, f"{title}: --check should see stale output"
        assert "changed: " in err or "missing: " in err, f"{title}: {err}"
        code, _, err = generate(project)
        assert code == 0, f"{title}: {err}"
        assert user_files(project) == before, f"{title}: a user file changed"
        fresh_generation_matches(project, tmp_path / f"fresh{index}")
        code, _, err = generate(project, "--check")
        assert code == 0, f"{title}: still stale after regenerating: {err}"


def test_new_and_removed_events_are_reported_and_mypy_flags_orphans(project: Path) -> None:
    replace("name: say\n", "name: talk\n")(project)
    code, out, err = generate(project, "server")
    assert code == 0
    assert "to implement in app_server/handlers.py: RootHandlers.on_talk (event 'talk'" in out
    assert "handlers.py:" in err and "RootHandlers.on_say handles no event of namespace '/'" in err
    result = mypy_strict(Path("app_server"), cwd=project)
    assert result.returncode == 1
    assert 'Method "on_say" is marked as an override, but no base method was found' in result.stdout
    started = subprocess.run(
        [sys.executable, "-c", "from app_server.app import create_app; create_app()"],
        cwd=project, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "namespace /: on_say handle no event of the spec" in started.stderr


def test_noop_regeneration_does_no_work_and_touches_nothing(project: Path) -> None:
    before = {p: p.stat().st_mtime_ns for p in (project / "app_server").rglob("*.py")}
    code, out, _ = generate(project)
    assert code == 0 and out.count("up to date") == 2
    assert {p: p.stat().st_mtime_ns for p in before} == before


def test_a_hand_edited_generated_file_is_restored(project: Path) -> None:
    target = project / "app_server/_generated/server.py"
    original = target.read_text()
    target.write_text(original + "# edited\n")
    code, _, err = generate(project, "--check")
    assert code == 1 and f"changed: {Path('app_server/_generated/server.py')}" in err
    assert generate(project)[0] == 0
    assert target.read_text() == original


def test_generated_files_that_no_longer_belong_are_removed(project: Path) -> None:
    manifest_path = project / "app_server/_generated" / MANIFEST_NAME
    manifest = Manifest.read(manifest_path)
    assert manifest is not None
    (project / "app_server/_generated/old.py").write_text("# from an older sio-codegen\n")
    manifest.files["_generated/old.py"] = "0" * 64
    manifest.files["handlers.py"] = "0" * 64  # a listed user file is still never deleted
    manifest_path.write_text(manifest.text())
    code, _, err = generate(project, "--check")
    assert code == 1 and "extra: " in err and "old.py" in err
    code, out, _ = generate(project)
    assert code == 0 and "removed " in out
    assert not (project / "app_server/_generated/old.py").exists()
    assert (project / "app_server/handlers.py").read_text().endswith(USER_CODE)


def test_interrupted_generation_leaves_the_previous_output_intact(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = digest(project)
    replace("properties: {text: {type: string}}", "properties: {text: {type: number}}")(project)
    after_edit = digest(project)
    calls = {"n": 0}
    real_stage = writer._stage

    def failing_stage(target: Path, text: str) -> Path:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full (injected)")
        return real_stage(target, text)

    monkeypatch.setattr(writer, "_stage", failing_stage)
    with pytest.raises(OSError, match="injected"):
        generate(project)
    assert digest(project) == after_edit  # nothing written, no temporary files left
    assert {k: v for k, v in before.items() if not k.startswith("spec/")} == {
        k: v for k, v in after_edit.items() if not k.startswith("spec/")
    }
    monkeypatch.undo()
    assert generate(project)[0] == 0


def test_profiles_can_be_run_one_at_a_time_and_flags_override(project: Path) -> None:
    replace("name: say\n", "name: speak\n")(project)
    code, out, _ = generate(project, "client")
    assert code == 0 and "[client]" in out and "[server]" not in out
    assert generate(project, "client", "--check")[0] == 0
    assert generate(project, "server", "--check")[0] == 1
    code, _, err = generate(project, "nope")
    assert code == 2 and "no profile nope" in err


def test_profiles_of_one_spec_load_it_once(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from sio_codegen import pipeline

    loads: list[Path] = []
    real = pipeline.load_api

    def counting(path: Path, *args: object) -> object:
        loads.append(path)
        return real(path, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "load_api", counting)
    replace("name: say\n", "name: speak\n")(project)
    code, out, _ = generate(project)
    assert code == 0 and "[server]" in out and "[client]" in out
    assert len(loads) == 1


def test_a_failing_profile_lets_the_earlier_ones_finish(project: Path) -> None:
    config = project / "pyproject.toml"
    config.write_text(config.read_text() + '\n[tool.sio-codegen.profiles.zz-broken]\n'
                      'command = "client"\nspec = "spec/broken.yaml"\noutput = "broken_client"\n')  # fmt: skip
    (project / "spec/broken.yaml").write_text("asyncapi: 2.6.0\ninfo: {title: x}\nchannels: {}\n")
    replace("name: say\n", "name: speak\n")(project)
    code, _, err = generate(project)
    assert code == 2 and "spec/broken.yaml:2:1: error: " in err and "'version' is required" in err
    assert generate(project, "server", "--check")[0] == 0  # written before the error
    assert generate(project, "client", "--check")[0] == 0
    assert not (project / "broken_client").exists()


def test_diff_prints_a_unified_diff_and_writes_nothing(project: Path) -> None:
    replace("name: say\n", "name: speak\n")(project)
    before = digest(project / "app_server")
    code, out, _ = generate(project, "server", "--diff")
    assert code == 0 and "--- a/_generated/server.py" in out and '+        EventSpec("speak"' in out
    assert digest(project / "app_server") == before


def test_config_errors_are_one_located_line(tmp_path: Path, capsys) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sio-codegen.profiles.x]\ncommand = "serve"\nspec = "a.yaml"\noutput = "o"\n'
    )
    code, _, err = run_cli(["generate", "--config", str(tmp_path / "pyproject.toml")], capsys)
    assert code == 2
    assert (
        "pyproject.toml: error: profile 'x': command must be one of server, client, models" in err
    )


def test_pre_commit_hooks_run_generate(tmp_path: Path) -> None:
    import yaml

    hooks = yaml.safe_load((Path(__file__).parent.parent / ".pre-commit-hooks.yaml").read_text())
    entries = {hook["id"]: hook["entry"] for hook in hooks}
    assert entries["sio-codegen-check"].startswith("sio-codegen generate --check")
    assert all(hook["pass_filenames"] is False for hook in hooks)
    shutil.rmtree(tmp_path)
