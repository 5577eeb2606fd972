"""The generated client package: mypy --strict on code that uses it (positive and negative)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from clients import generate_client
from helpers import dedent, mypy_strict, ruff_check
from test_server_e2e import CHAT, E2E, TICTACTOE

import golden

USER_SCRIPT = dedent(
    """
    from __future__ import annotations

    import asyncio

    from ttt_client import AsyncClient, Client, models


    def play(url: str) -> str | None:
        with Client(url, reconnection=False, default_timeout=5) as client:

            @client.root.on_move_made
            def moved(data: models.MoveMadeData) -> None:
                print(data.turn, data.board[0][0])

            ack: models.MakeMoveAck = client.root.make_move(
                models.MakeMoveData(game_id=1, x=0, y=0), timeout=2.5
            )
            client.root.create_game()
            return ack.error


    async def play_async(url: str) -> str | None:
        async with AsyncClient(url) as client:

            @client.root.on_game_won
            async def won(data: models.GameWonData) -> None:
                await asyncio.sleep(0)

            ack = await client.root.make_move(models.MakeMoveData(game_id=1, x=0, y=0))
            return ack.error


    def shortcut(url: str) -> str | None:
        with Client(url) as client:
            client.on_game_won(lambda data: print(data.winner))
            client.create_game()
            return client.make_move(models.MakeMoveData(game_id=1, x=0, y=0)).error
    """
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    generate_client(TICTACTOE, tmp_path, "ttt_client")
    return tmp_path


def check(project: Path, script: str) -> subprocess.CompletedProcess[str]:
    (project / "user_script.py").write_text(script)
    return mypy_strict(Path("user_script.py"), cwd=project)


def test_a_script_using_the_client_passes_mypy_strict(project: Path) -> None:
    result = check(project, USER_SCRIPT)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            "models.MakeMoveData(game_id=1, x=0, y=0), timeout=2.5",
            "models.GameWonData(winner='X'), timeout=2.5",
            'Argument 1 to "make_move" of "RootNamespace" has incompatible type "GameWonData"',
        ),
        ("return ack.error\n\n\nasync", "return ack.winner\n\n\nasync",
         '"MakeMoveAck" has no attribute "winner"'),
        ("def moved(data: models.MoveMadeData)", "def moved(data: models.GameWonData)",
         'Argument 1 to "on_move_made" of "RootNamespace" has incompatible type'),
        ("ack = await client.root.make_move(models.MakeMoveData(game_id=1, x=0, y=0))",
         "ack = client.root.make_move(models.MakeMoveData(game_id=1, x=0, y=0))",
         '"Coroutine[Any, Any, MakeMoveAck]" has no attribute "error"'),
    ],
    ids=["wrong-model", "missing-ack-field", "wrong-handler", "async-not-awaited"],
)  # fmt: skip
def test_misuse_is_a_mypy_error(project: Path, old: str, new: str, message: str) -> None:
    assert old in USER_SCRIPT
    result = check(project, USER_SCRIPT.replace(old, new))
    assert result.returncode == 1
    assert message in result.stdout, result.stdout


@pytest.mark.parametrize(
    "case", [c for c in golden.cases() if "client" in c.commands], ids=lambda c: c.name
)
def test_golden_client_passes_mypy_strict_and_ruff(case: golden.Case, tmp_path: Path) -> None:
    package = f"{case.name}_client"
    shutil.copytree(case.expected / package, tmp_path / package)
    result = mypy_strict(Path(package), cwd=tmp_path)
    assert result.returncode == 0, result.stdout
    lint = ruff_check(package, tmp_path)
    assert lint.returncode == 0, lint.stdout


def test_client_for_the_feature_spec_type_checks(tmp_path: Path) -> None:
    generate_client(E2E, tmp_path, "e2e_client")
    result = mypy_strict(Path("e2e_client"), cwd=tmp_path)
    assert result.returncode == 0, result.stdout


def test_the_readme_client_example_type_checks(tmp_path: Path) -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    start = readme.index("from tictactoe_client import Client, models")
    example = readme[start : readme.index("```", start)]
    generate_client(TICTACTOE, tmp_path, "tictactoe_client")
    (tmp_path / "example.py").write_text(example)
    result = mypy_strict(Path("example.py"), cwd=tmp_path)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    ("call", "message"),
    [
        # Connecting every namespace (no namespaces=[...]) requires the binding (the first
        # overload; the second takes a list of namespaces, checked when the client is made).
        ('Client("http://x")', 'No overload variant of "Client" matches argument type "str"'),
        ('Client("http://x", namespaces=None)', "*, admin_query: AdminQuery, socketio_path"),
        ('Client("http://x", admin_query=models.AdminQuery(token="t"), admin_headers={})',
         'Unexpected keyword argument "admin_headers" for overloaded function "Client"'),
        ('Client("http://x", admin_query="token=t")',
         'No overload variant of "Client" matches argument types "str", "str"'),
        ('Client("http://x", namespaces=["/"], admin_query="token=t")',
         'No overload variant of "Client" matches argument types "str", "list[str]", "str"'),
    ],
    ids=["missing-binding", "all-namespaces", "unknown-binding", "wrong-type", "wrong-type-some"],
)  # fmt: skip
def test_connection_contract_misuse_is_a_mypy_error(
    tmp_path: Path, call: str, message: str
) -> None:
    generate_client(CHAT, tmp_path, "chat_client")
    script = "from chat_client import Client, models\n\nclient = {}\n"
    for good in ('Client("http://x", admin_query=models.AdminQuery(token="t"))',
                 'Client("http://x", namespaces=["/"])'):  # fmt: skip
        assert check(tmp_path, script.format(good)).returncode == 0
    result = check(tmp_path, script.format(call))
    assert result.returncode == 1 and message in result.stdout, result.stdout
