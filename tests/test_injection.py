"""Spec text never becomes code: property-based specs full of hostile names and texts always
give packages that compile, import and register their handlers, or one clear error; a planted
canary that would show any execution of spec text never fires."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from sio_codegen.diagnostics import Report, SpecError
from sio_codegen.model.parameters import is_dynamic
from sio_codegen.pipeline import Job, run

CANARY = "SIO_CODEGEN_CANARY"
HOSTILE = [
    '"', "'", '"""', "'''", "\\", "\\n", "\n", "\r\n", "\t", "{{ 7*7 }}", "{% raw %}",
    "{% for x in y %}", "{# c #}", "${x}", "%s", "class", "def", "None", "True", "import",
    "lambda", "print", "list",
    "self", "super", "__init__", "__class__", "0", "1st", "日本語", "café", "👍", "\u2028", "\x00",
    "a" * 300, "#", "--", "/*", "*/", "`", "<script>", "models", "socketio", "Field", "BaseModel",
    f"__import__('pathlib').Path('{CANARY}').touch()",
    f'"""; __import__("pathlib").Path("{CANARY}").touch(); """',
    f"\n__import__('pathlib').Path('{CANARY}').touch()\n",
    f"{{{{ cycler.__init__.__globals__.os.system('touch {CANARY}') }}}}",
    f"'); __import__('pathlib').Path('{CANARY}').touch() #",
]  # fmt: skip

texts = st.lists(st.sampled_from(HOSTILE) | st.text(max_size=12), min_size=1, max_size=4).map(
    "".join
)


@st.composite
def specs(draw: st.DrawFn) -> dict[str, Any]:
    """A 2.x document whose every name and text is hostile (names stay unique by a suffix)."""
    channels: dict[str, Any] = {}
    schemas: dict[str, Any] = {}
    for n in range(draw(st.integers(1, 2))):
        events = []
        for e in range(draw(st.integers(1, 3))):
            props = {
                f"{draw(texts)} p{i}": {
                    "type": "string",
                    "description": draw(texts),
                    "enum": [draw(texts), f"v{i}"],
                    "default": f"v{i}",
                    "examples": [draw(texts)],
                    "title": draw(texts),
                }
                for i in range(draw(st.integers(0, 3)))
            }
            schema_name = f"S{n}x{e}"
            schemas[schema_name] = {
                "type": "object",
                "description": draw(texts),
                "properties": props,
            }
            events.append({
                "name": f"{draw(texts)} e{n}x{e}",
                "summary": draw(texts),
                "description": draw(texts),
                "payload": {"$ref": f"#/components/schemas/{schema_name}"},
                "x-ack": {"type": "object", "properties": {draw(texts): {"type": "integer"}}},
            })  # fmt: skip
        emitted = {
            "name": f"{draw(texts)} out{n}",
            "payload": {"type": "string", "description": draw(texts)},
        }
        channels[f"/{draw(texts)} ns{n}"] = {
            "description": draw(texts),
            "publish": {"message": {"oneOf": events}},
            "subscribe": {"message": emitted},
        }
    return {
        "asyncapi": "2.6.0",
        "info": {"title": draw(texts), "version": "1", "description": draw(texts)},
        "channels": channels,
        "components": {"schemas": schemas},
    }


def _import(root: Path, name: str) -> Any:
    sys.path.insert(0, str(root))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(root))


COUNTER = iter(range(10**6))


@settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(spec=specs())
def test_hostile_specs_generate_safe_code(
    spec: dict[str, Any], tmp_path_factory: Any, monkeypatch: Any
) -> None:
    root = tmp_path_factory.mktemp("inj")
    monkeypatch.chdir(root)
    path = root / "asyncapi.yaml"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True))
    # What the document says after YAML's own round trip (it folds some line-break characters,
    # such as U+0085, inside plain scalars): the generated code must match the document.
    spec = yaml.safe_load(path.read_text())
    number = next(COUNTER)  # a new package name per example: no stale module is ever reused
    server, client_name = f"inj_server{number}", f"inj_client{number}"
    try:
        run(Job("server", path, root / server), Report())
        run(Job("client", path, root / client_name), Report())
    except SpecError as error:  # allowed: one clear, located line per problem
        for diagnostic in error.diagnostics:
            assert diagnostic.format().startswith("asyncapi.yaml:"), diagnostic.format()
        event("refused: " + error.diagnostics[0].message.split(":")[0][:60])
        return
    event("generated")
    for package in (server, client_name):
        for source in (root / package).rglob("*.py"):
            compile(source.read_text(), str(source), "exec")
    app_module = _import(root, f"{server}.app")
    _, socketio = app_module.create_app()
    registered = socketio.server.handlers
    for name, channel in spec["channels"].items():
        events = {m["name"] for m in channel["publish"]["message"]["oneOf"]}
        served = "*" if is_dynamic(name) else name  # ${x}: a parameter, served by the catch-all
        assert events <= set(registered[served]), (events, registered.get(served))
    client_package = _import(root, client_name)
    client = client_package.Client("http://127.0.0.1:9")
    assert set(client.namespace_names) == {n for n in spec["channels"] if not is_dynamic(n)}
    assert not list(root.rglob(CANARY)) and not Path(CANARY).exists(), "spec text was executed"
