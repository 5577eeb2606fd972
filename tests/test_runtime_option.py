"""``--runtime asgi`` and the ``runtime`` profile key: the package it writes, its generation gap,
``--check`` and the manifest, and the refusals of bad values."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_cli

ROOT = Path(__file__).resolve().parent.parent
TICTACTOE = ROOT / "golden/tictactoe/spec/asyncapi.yaml"


def test_asgi_package_has_its_entry_points_and_keeps_user_files(tmp_path: Path, capsys) -> None:
    out = tmp_path / "ttt"
    code, _, _ = run_cli(["server", str(TICTACTOE), "-o", str(out), "--runtime", "asgi"], capsys)
    assert code == 0
    assert (out / "asgi.py").exists() and not (out / "wsgi.py").exists()
    assert not (out / "_generated/gunicorn_conf.py").exists()  # gunicorn is the flask runtime's
    assert "uvicorn" in (out / "_generated/requirements.txt").read_text()
    assert "async def on_make_move(" in (out / "handlers.py").read_text()
    assert "AsyncServer" in (out / "_generated/runtime.py").read_text()
    (out / "handlers.py").write_text("# mine\n")
    args = ["server", str(TICTACTOE), "-o", str(out), "--runtime", "asgi"]
    assert run_cli([*args, "--check"], capsys)[0] == 0
    (out / "_generated/runtime.py").write_text("edited")
    assert run_cli([*args, "--check"], capsys)[0] == 1
    assert run_cli(args, capsys)[0] == 0
    assert (out / "handlers.py").read_text() == "# mine\n"  # created once, never overwritten
    assert "AsyncServer" in (out / "_generated/runtime.py").read_text()


def test_switching_the_runtime_makes_the_output_stale(tmp_path: Path, capsys) -> None:
    out = tmp_path / "ttt"
    assert run_cli(["server", str(TICTACTOE), "-o", str(out)], capsys)[0] == 0
    check = ["server", str(TICTACTOE), "-o", str(out), "--check"]
    assert run_cli(check, capsys)[0] == 0
    code, out_text, err = run_cli([*check, "--runtime", "asgi"], capsys)
    assert code == 1 and "--runtime asgi" in out_text + err  # the command that regenerates it


def test_profile_runtime_key(tmp_path: Path, capsys) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(
        "[tool.sio-codegen.profiles.srv]\n"
        f'command = "server"\nspec = "{TICTACTOE.as_posix()}"\noutput = "srv"\nruntime = "asgi"\n'
    )
    code, _, err = run_cli(["generate", "--config", str(config)], capsys)
    assert code == 0, err
    assert (tmp_path / "srv/asgi.py").exists()
    config.write_text(config.read_text().replace('"asgi"', '"tornado"'))
    code, _, err = run_cli(["generate", "--config", str(config)], capsys)
    assert code == 2
    lines = [line for line in err.splitlines() if "error" in line]
    assert len(lines) == 1 and "runtime must be flask or asgi" in lines[0]
    assert not (tmp_path / "srv/_generated/tornado").exists()


def test_runtime_is_a_server_option_only(tmp_path: Path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:  # argparse: unrecognized arguments
        run_cli(["client", str(TICTACTOE), "-o", str(tmp_path / "c"), "--runtime", "asgi"], capsys)
    assert exit_info.value.code == 2 and "--runtime" in capsys.readouterr().err
    assert not (tmp_path / "c").exists()


def test_a_package_named_like_a_module_of_the_asgi_runtime_is_refused(
    tmp_path: Path, capsys
) -> None:
    out = tmp_path / "uvicorn"
    code, _, err = run_cli(["server", str(TICTACTOE), "-o", str(out), "--runtime", "asgi"], capsys)
    assert code == 2 and "would shadow the module 'uvicorn'" in err
    assert not out.exists()
