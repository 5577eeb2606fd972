"""What the command line tells the user to type next must work as typed: the package name of an
output folder, the command that regenerates stale output."""

from __future__ import annotations

import os
import shlex
from pathlib import Path

import pytest
from helpers import run_cli

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "examples" / "tictactoe.yaml"


@pytest.mark.parametrize("command", ["server", "client"])
@pytest.mark.parametrize("folder", ["bad-name", "1st", "class", "café", "my.pkg"])
def test_an_output_folder_python_cannot_import_is_refused(
    command: str, folder: str, tmp_path: Path, capsys
) -> None:
    code, out, err = run_cli([command, str(SPEC), "-o", str(tmp_path / folder)], capsys)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("sio-codegen: error: output folder ")
    assert f"{folder!r} is not a name Python can import" in err
    assert list(tmp_path.iterdir()) == []


def test_the_refusal_names_an_importable_folder(tmp_path: Path, capsys) -> None:
    code, _, err = run_cli(["server", str(SPEC), "-o", str(tmp_path / "bad-name")], capsys)
    assert code == 2 and "such as 'bad_name'" in err
    code, out, _ = run_cli(["server", str(SPEC), "-o", str(tmp_path / "bad_name")], capsys)
    assert code == 0 and "python -m bad_name --port 5000" in out


def test_a_package_name_python_cannot_import_is_refused(tmp_path: Path, capsys) -> None:
    args = ["server", str(SPEC), "-o", str(tmp_path / "srv"), "--package", "my-server"]
    code, _, err = run_cli(args, capsys)
    assert code == 2 and "--package 'my-server' is not a name Python can import" in err
    assert not (tmp_path / "srv").exists()


def test_a_profile_whose_output_python_cannot_import_is_refused(tmp_path: Path, capsys) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(f'[tool.sio-codegen.profiles.web]\ncommand = "server"\nspec = "{SPEC}"\n'
                      'output = "web-server"\n')  # fmt: skip
    code, _, err = run_cli(["generate", "--config", str(config)], capsys)
    assert code == 2 and err.count("\n") == 1
    assert "pyproject.toml: error: profile 'web': output folder 'web-server' is not a name" in err
    assert not (tmp_path / "web-server").exists()


def test_the_next_step_runs_the_package_python_imports(tmp_path: Path, capsys) -> None:
    """The folder's name as it is: ``TicTacToe`` was printed as ``python -m tic_tac_toe``."""
    code, out, _ = run_cli(["server", str(SPEC), "-o", str(tmp_path / "TicTacToe")], capsys)
    assert code == 0 and f"python -m TicTacToe --port 5000  (from {tmp_path})" in out
    main_py = (tmp_path / "TicTacToe" / "__main__.py").read_text()
    assert 'prog="python -m TicTacToe"' in main_py


def stale_command(err: str) -> list[str]:
    (line,) = [line for line in err.splitlines() if ": stale; regenerate with: " in line]
    return shlex.split(line.split(": stale; regenerate with: ", 1)[1])


@pytest.mark.parametrize(
    "extra", [[], ["--no-validate", "--package", "game", "--refs-root", str(ROOT)]]
)
@pytest.mark.parametrize("command", ["server", "client"])
def test_stale_output_names_the_command_that_regenerates_it(
    command: str, extra: list[str], tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    args = [command, os.path.relpath(SPEC), "-o", "game", *extra]
    assert run_cli([*args, "-q"], capsys)[0] == 0
    generated = next(Path("game").rglob("client.py" if command == "client" else "server.py"))
    generated.write_text(generated.read_text() + "# edited\n")
    code, _, err = run_cli([*args, "--check"], capsys)
    assert code == 1
    printed = stale_command(err)
    assert printed[0] == "sio-codegen" and sorted(printed[1:]) == sorted(args)
    assert run_cli(printed[1:], capsys)[0] == 0
    assert run_cli([*args, "--check"], capsys)[0] == 0


def test_a_stale_profile_names_the_generate_command(tmp_path: Path, capsys) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(f'[tool.sio-codegen.profiles.web]\ncommand = "server"\nspec = "{SPEC}"\n'
                      f'output = "{tmp_path / "web"}"\n')  # fmt: skip
    base = ["generate", "--config", str(config)]
    assert run_cli([*base, "-q"], capsys)[0] == 0
    server = tmp_path / "web" / "_generated" / "server.py"
    server.write_text(server.read_text() + "# edited\n")
    code, _, err = run_cli([*base, "--check", "--no-validate"], capsys)
    assert code == 1
    assert stale_command(err) == ["sio-codegen", *base, "web", "--no-validate"]
