"""The generated server package: types (mypy --strict, positive and negative), lint, ownership."""

from __future__ import annotations

import importlib
import shutil
from pathlib import Path

import pytest
from helpers import mypy_strict, ruff_check
from servers import for_runtime, generate_server
from test_server_e2e import CHAT, E2E, E2E_HANDLERS, RECORDER, TICTACTOE, TICTACTOE_HANDLERS

import golden


def filled(tmp: Path, spec: Path, package: str, handlers: str, runtime: str = "flask") -> Path:
    folder = generate_server(spec, tmp, package, runtime)
    (folder / "handlers.py").write_text(for_runtime(handlers, runtime))
    (folder / "recorder.py").write_text(RECORDER)
    return folder


@pytest.mark.parametrize("case", golden.cases(), ids=lambda c: c.name)
def test_generated_package_passes_mypy_strict_and_ruff(case: golden.Case, tmp_path: Path) -> None:
    package = f"{case.name}_server"
    shutil.copytree(case.expected / package, tmp_path / package)
    result = mypy_strict(Path(package), cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    lint = ruff_check(package, tmp_path)
    assert lint.returncode == 0, lint.stdout


def test_filled_in_handlers_pass_mypy_strict(tmp_path: Path) -> None:
    filled(tmp_path, TICTACTOE, "ttt", TICTACTOE_HANDLERS)
    filled(tmp_path, E2E, "e2e", E2E_HANDLERS)
    result = mypy_strict(Path("ttt"), Path("e2e"), cwd=tmp_path)
    assert result.returncode == 0, result.stdout


def test_filled_in_async_handlers_pass_mypy_strict(tmp_path: Path) -> None:
    """The asgi runtime: async def handlers, awaited emitters and call_x (with uvicorn typed)."""
    filled(tmp_path, TICTACTOE, "ttt", TICTACTOE_HANDLERS, "asgi")
    filled(tmp_path, E2E, "e2e", E2E_HANDLERS, "asgi")
    result = mypy_strict(Path("ttt"), Path("e2e"), cwd=tmp_path)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("wrong", "message"),
    [
        (
            "def on_make_move(self, sid: str, data: models.GameWonData) -> models.MakeMoveAck:",
            'Argument 2 of "on_make_move" is incompatible with supertype',
        ),
        (
            "def on_make_move(self, sid: str, data: models.MakeMoveData) -> models.GameWonData:",
            'Return type "GameWonData" of "on_make_move" incompatible with return type '
            '"MakeMoveAck"',
        ),
    ],
    ids=["payload", "ack"],
)
def test_a_handler_with_the_wrong_types_is_a_mypy_error(
    tmp_path: Path, wrong: str, message: str
) -> None:
    right = "def on_make_move(self, sid: str, data: models.MakeMoveData) -> models.MakeMoveAck:"
    assert right in TICTACTOE_HANDLERS
    filled(tmp_path, TICTACTOE, "ttt", TICTACTOE_HANDLERS.replace(right, wrong))
    result = mypy_strict(Path("ttt"), cwd=tmp_path)
    assert result.returncode == 1
    assert message in result.stdout, result.stdout


def test_a_handler_whose_payload_model_the_spec_renamed_is_a_mypy_error(tmp_path: Path) -> None:
    spec = tmp_path / "spec.yaml"
    spec.write_text(TICTACTOE.read_text())
    filled(tmp_path, spec, "ttt", TICTACTOE_HANDLERS)
    # The spec renames the event's payload schema: the user's override no longer fits.
    spec.write_text(spec.read_text().replace("MakeMoveData", "MoveRequest"))
    generate_server(spec, tmp_path, "ttt")
    result = mypy_strict(Path("ttt"), cwd=tmp_path)
    assert result.returncode == 1
    assert 'Name "models.MakeMoveData" is not defined' in result.stdout, result.stdout


def test_regeneration_never_touches_user_files(tmp_path: Path) -> None:
    folder = filled(tmp_path, CHAT, "chat", "# my code\n")
    for name in ("app.py", "__main__.py", "__init__.py"):
        (folder / name).write_text(f"# mine: {name}\n")
    (folder / "_generated" / "server.py").write_text("stale")
    generate_server(CHAT, tmp_path, "chat")
    assert (folder / "handlers.py").read_text() == "# my code\n"
    for name in ("app.py", "__main__.py", "__init__.py"):
        assert (folder / name).read_text() == f"# mine: {name}\n"
    assert (folder / "_generated" / "server.py").read_text().startswith("# DO NOT EDIT")


def test_app_factory_reads_cors_origins_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    filled(tmp_path, TICTACTOE, "cors_app", TICTACTOE_HANDLERS)
    monkeypatch.setenv("SIO_CORS_ORIGINS", "https://a.example, https://b.example")
    monkeypatch.syspath_prepend(str(tmp_path))
    from cors_app.app import create_app  # type: ignore[import-not-found]

    _, socketio = create_app()
    assert socketio.server.eio.cors_allowed_origins == ["https://a.example", "https://b.example"]
    _, explicit = create_app(cors_allowed_origins="*")
    assert explicit.server.eio.cors_allowed_origins == "*"


def test_the_socketio_path_rule_spares_flask_routing_a_not_found_per_event(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Flask-SocketIO runs each event in a request context of the handshake's URL: with the
    rule app.py adds, matching it raises nothing (the test client's URL has no slash)."""
    from flask import Flask, request

    monkeypatch.syspath_prepend(str(golden.GOLDEN / "tictactoe/expected"))
    serving = importlib.import_module("tictactoe_server._generated.serving")
    app = Flask("routed")
    serving.route_socketio_path(app, "/socket.io")
    for url in ("/socket.io/", "/socket.io"):
        with app.test_request_context(url):
            assert request.routing_exception is None
    bare = Flask("bare")
    with bare.test_request_context("/socket.io/"):
        assert request.routing_exception is not None  # what every event paid before
    odd = Flask("odd")
    serving.route_socketio_path(odd, "/a<b")  # rule syntax in a spec's path: left alone
    assert [r.rule for r in odd.url_map.iter_rules()] == ["/static/<path:filename>"]
