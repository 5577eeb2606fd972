"""Every fenced code block of README.md is run or checked against reality here, so that the
README cannot drift from what sio-codegen does.

A user's walk through the README is replayed in one temporary folder holding a copy of
``examples/``: the quickstart block runs as written (its server in the background on a free
port, checked to answer, then stopped), the handler example becomes ``handlers.py``, the shell
blocks run in order with this checkout's ``sio-codegen``, and the client scripts type-check with
``mypy --strict`` and run against the server with those handlers. Trees, the usage text, the
options table, the error lines and the quoted generated code are compared with what the code
really does. :data:`KINDS` says what happens to each block; a block of no kind fails
:func:`test_every_block_is_run_or_checked`, and a block that cannot run says why there.

``pip install ...`` steps do not reinstall the package under test: ``tests/readme_blocks.py``
stands in for ``pip`` and checks that the extras the README names exist and are installed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import socketio
import yaml
from helpers import mypy_strict
from readme_blocks import Block, blocks, section
from servers import free_port, run_server

from sio_codegen.cli.commands import _parser

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
README_PORT = "5000"
SERVER = "tictactoe_server"
CLIENT = "tictactoe_client"
COMMANDS = (
    "server",
    "client",
    "generate",
    "models",
    "validate",
    "docs",
    "catalog",
    "diff",
    "init",
    "mock",
)


# -- What each block is --------------------------------------------------------------------


def _sh(block: Block) -> bool:
    return block.lang in ("sh", "console", "bash", "shell")


def _development(block: Block) -> bool:
    return (
        _sh(block) and re.search(r"(^|&& )(\w+=\S* )*(nox|bash|npm) ", block.text, re.M) is not None
    )


def _quickstart(block: Block) -> bool:
    return _sh(block) and f"python -m {SERVER}" in block.text


def _coming_from(block: Block) -> bool:
    return _sh(block) and block.text.startswith("# coming from ")


KINDS: dict[str, Callable[[Block], bool]] = {
    # Run in the background, a free port for 5000; checked to answer; stopped.
    "quickstart server": _quickstart,
    # Run as written in the walkthrough folder, in order.
    "shell": lambda b: (
        _sh(b) and not _quickstart(b) and not _development(b) and not _coming_from(b)
    ),
    # Run by tests/test_coming_from.py, each in a folder holding the app it starts from.
    "coming-from commands": _coming_from,
    # Added to a spec init wrote, by tests/test_coming_from.py: it loads and generates.
    "server events by hand": lambda b: b.lang == "yaml" and "action: send" in b.text,
    # Not run: they run the whole suite, the benchmarks or re-record goldens (tests of their
    # own); checked that every nox session, script and file they name exists.
    "development commands": _development,
    "package tree": lambda b: b.lang == "" and re.match(r"\w+/\n", b.text) is not None,
    "usage": lambda b: b.lang == "" and b.text.startswith("sio-codegen "),
    "error lines": lambda b: b.lang == "" and ": error: " in b.text,
    "diff output": lambda b: b.lang == "" and b.text.startswith(("breaking", "compatible")),
    "architecture": lambda b: b.lang == "" and b.text.startswith("cli/"),
    "quoted generated code": lambda b: b.lang == "python" and "(from `golden/" in b.before,
    "handlers.py": lambda b: b.lang == "python" and "def all_handlers(" in b.text,
    "client script": lambda b: b.lang == "python" and f"from {CLIENT} import" in b.text,
    # Type-checked against the golden security client (its names); not run: it needs a
    # server with the security hooks implemented (tests/test_security_e2e.py runs that).
    "connection contract": lambda b: b.lang == "python" and "public_query=" in b.text,
    "error ack": lambda b: b.lang == "json" and '"sio_error"' in b.text,
    # Checked to be a part of the real catalog of the tic-tac-toe example.
    "catalog excerpt": lambda b: b.lang == "json" and '"sio-codegen-catalog"' in b.text,
    "configuration": lambda b: b.lang == "toml" and "[tool.sio-codegen" in b.text,
    "pre-commit": lambda b: b.lang == "yaml" and "repo: local" in b.text,
    # Compared with what tests/test_production.py runs (which starts it for real).
    "production command": lambda b: (
        b.lang == "" and "gunicorn -c python:" in b.text and "SIO_MESSAGE_QUEUE=" not in b.text
    ),
    # Started as written, on a real redis-server, by tests/test_message_queue.py.
    "several processes": lambda b: (
        b.lang == "" and "SIO_MESSAGE_QUEUE=" in b.text and "uvicorn " not in b.text
    ),
    "several asgi processes": lambda b: (
        b.lang == "" and "SIO_MESSAGE_QUEUE=" in b.text and "uvicorn " in b.text
    ),
    # Run under uvicorn beside a generated asgi package by tests/test_asgi_mount.py.
    "asgi mount": lambda b: b.lang == "python" and "other_asgi_app=" in b.text,
    # Generated (its room types checked) by tests/test_rooms.py.
    "rooms spec": lambda b: b.lang == "yaml" and "x-rooms:" in b.text,
    # Type-checked and run on a real redis-server by tests/test_external_emitter.py.
    "external emitter": lambda b: b.lang == "python" and "external_emitter(" in b.text,
}


def kinds_of(block: Block) -> list[str]:
    return [name for name, matches in KINDS.items() if matches(block)]


def of_kind(kind: str) -> list[Block]:
    found = [b for b in blocks() if kinds_of(b) == [kind]]
    assert found, f"README.md has no block of kind {kind!r} any more: update tests/test_readme.py"
    return found


def test_every_block_is_run_or_checked() -> None:
    problems = [f"{b}: kinds {kinds_of(b) or 'none'}" for b in blocks() if len(kinds_of(b)) != 1]
    assert not problems, "each README block needs exactly one kind in KINDS:\n" + "\n".join(
        problems
    )


# -- The walkthrough folder ----------------------------------------------------------------


def user_env(tmp: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp / ".pre-commit-home"),
        "MYPY_CACHE_DIR": str(tmp / ".mypy_cache"),
    }


PRELUDE = (
    # pip install would reinstall the package under test: check the extras instead.
    f"pip() {{ {shlex.quote(sys.executable)} "
    f'{shlex.quote(str(ROOT / "tests" / "readme_blocks.py"))} "$@"; }}\n'
    "set -e\n"
)


def bash(text: str, cwd: Path, **popen: object) -> subprocess.Popen[str]:
    return subprocess.Popen(
        ["bash", "-c", PRELUDE + text], cwd=cwd, env=user_env(cwd), text=True, **popen
    )  # type: ignore[call-overload, no-any-return]


def run_bash(text: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    process = bash(text, cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    out, _ = process.communicate(timeout=240)
    return subprocess.CompletedProcess(process.args, process.returncode, out, "")


def run_python(script: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, script.name], cwd=cwd, env=user_env(cwd), capture_output=True,
        text=True, timeout=120, check=False,
    )  # fmt: skip


def with_port(text: str, port: int) -> str:
    return re.sub(rf"\b{README_PORT}\b", str(port), text)


def wait_for_port(port: int, process: subprocess.Popen[str], log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while True:
        if process.poll() is not None:
            raise AssertionError(f"exited with {process.returncode}:\n{log.read_text()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise AssertionError(f"nothing answered on {port}:\n{log.read_text()}") from None
            time.sleep(0.1)


def stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@dataclass
class Walkthrough:
    folder: Path
    shell: list[tuple[Block, subprocess.CompletedProcess[str]]]
    stubs: subprocess.CompletedProcess[str]
    """The first client script, run against the quickstart server (the generated stubs)."""


@pytest.fixture(scope="module")
def walkthrough(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Walkthrough]:
    """A user's folder after following the README: the quickstart server is started; while it
    runs, the handler example becomes handlers.py and the shell blocks run in order; then the
    first client script runs against the quickstart server, which still serves the stubs it
    started with (the README says to restart it)."""
    folder = tmp_path_factory.mktemp("readme-user")
    shutil.copytree(ROOT / "examples", folder / "examples")
    (quickstart,) = of_kind("quickstart server")
    port = free_port()
    log = folder / "quickstart.log"
    with log.open("w") as out:
        server = bash(with_port(quickstart.text, port), folder, stdout=out, stderr=out,
                      start_new_session=True)  # fmt: skip
        try:
            wait_for_port(port, server, log, seconds=120)
            (folder / SERVER / "handlers.py").write_text(of_kind("handlers.py")[0].text)
            shell = [(block, run_bash(block.text, folder)) for block in of_kind("shell")]
            script = folder / "against_stubs.py"
            script.write_text(with_port(of_kind("client script")[0].text, port))
            stubs = run_python(script, folder)
        finally:
            stop(server)
    yield Walkthrough(folder, shell, stubs)


def test_quickstart_server_answers_with_not_implemented_stubs(walkthrough: Walkthrough) -> None:
    result = walkthrough.stubs
    assert result.returncode != 0, result.stdout
    assert "ServerError" in result.stderr and "not_implemented" in result.stderr, result.stderr


def test_shell_blocks_run_as_written(walkthrough: Walkthrough) -> None:
    for block, result in walkthrough.shell:
        assert result.returncode == 0, f"{block}:\n{result.stdout}"


def package_tree(block: Block) -> set[str]:
    """The paths a tree block shows: one entry a line, two spaces an indentation level."""
    paths: list[str] = []
    parents: list[str] = []
    for line in block.text.splitlines():
        depth = (len(line) - len(line.lstrip(" "))) // 2
        name = line.split()[0]
        parents = parents[:depth]
        paths.append("".join(parents) + name)
        if name.endswith("/"):
            parents.append(name)
    return set(paths)


def real_tree(folder: Path) -> set[str]:
    skip = {"__pycache__", ".mypy_cache"}
    found = {f"{folder.name}/"}
    for path in folder.rglob("*"):
        if not skip & set(path.relative_to(folder).parts):
            rel = f"{folder.name}/{path.relative_to(folder).as_posix()}"
            found.add(rel + "/" if path.is_dir() else rel)
    return found


def test_package_trees_are_what_is_generated(walkthrough: Walkthrough) -> None:
    trees = {b.text.split("/")[0]: b for b in of_kind("package tree")}
    assert set(trees) == {SERVER, CLIENT}
    assert package_tree(trees[SERVER]) == real_tree(walkthrough.folder / SERVER)
    assert package_tree(trees[CLIENT]) == real_tree(walkthrough.folder / CLIENT)
    help_text = subprocess.run(
        [sys.executable, "-m", SERVER, "--help"], cwd=walkthrough.folder, capture_output=True,
        text=True, check=True,
    ).stdout  # fmt: skip
    for block in trees.values():
        for line in block.text.splitlines()[1:]:
            name, _, description = line.strip().partition(" ")
            if name == "__main__.py":
                for flag in re.findall(r"--[a-z-]+", description):
                    assert flag in help_text, f"{flag} of {line!r} is not an option"
            if name.endswith(".py"):
                text = next(walkthrough.folder.glob(f"{block.text.split('/')[0]}/**/{name}"))
                source = text.read_text()
                for word in re.findall(r"\bSIO_[A-Z_]+\b", description):
                    assert word in source, f"{word} of {line!r} is not in {text}"
                for function in re.findall(r"(\w+)\(\)", description):
                    assert f"def {function}(" in source, f"{function} of {line!r} is not in {text}"


def test_quoted_generated_code_is_in_the_golden_file() -> None:
    for block in of_kind("quoted generated code"):
        match = re.search(r"\(from `(golden/[^`]+)`\)", block.before)
        assert match, block
        golden = (ROOT / match.group(1)).read_text()
        for paragraph in block.text.split("\n\n"):
            assert paragraph.strip("\n") + "\n" in golden, (
                f"{block}: not in {match.group(1)}:\n{paragraph}"
            )


@pytest.fixture(scope="module")
def live_server(walkthrough: Walkthrough) -> Iterator[int]:
    """The quickstart server with the README's handlers.py."""
    with run_server(walkthrough.folder, SERVER) as server:
        yield server.port


def test_python_blocks_pass_mypy_strict(walkthrough: Walkthrough, tmp_path: Path) -> None:
    folder = walkthrough.folder
    scripts = []
    for number, block in enumerate(of_kind("client script")):
        scripts.append(folder / f"client_{number}.py")
        scripts[-1].write_text(block.text)
    shutil.copytree(ROOT / "golden/security/expected/security_client", folder / "security_client",
                    dirs_exist_ok=True)  # fmt: skip
    for number, block in enumerate(of_kind("connection contract")):
        scripts.append(folder / f"contract_{number}.py")
        scripts[-1].write_text(f"from security_client import Client, models\n\n{block.text}")
    result = mypy_strict(Path(SERVER), *(Path(p.name) for p in scripts), cwd=folder)
    assert result.returncode == 0, result.stdout


def test_client_scripts_run_against_the_readme_handlers(
    walkthrough: Walkthrough, live_server: int
) -> None:
    for number, block in enumerate(of_kind("client script")):
        script = walkthrough.folder / f"run_client_{number}.py"
        script.write_text(with_port(block.text, live_server))
        result = run_python(script, walkthrough.folder)
        assert result.returncode == 0, f"{block}:\n{result.stderr}"
        assert "None" in result.stdout.splitlines(), result.stdout  # the ack's error: none


def test_error_ack_is_what_the_server_answers(live_server: int) -> None:
    (block,) = of_kind("error ack")
    with socketio.SimpleClient() as client:
        client.connect(f"http://127.0.0.1:{live_server}")
        ack = client.call("make_move", {"game_id": 1, "x": "0", "y": 0}, timeout=10)
    assert ack == json.loads(block.text)


def test_error_lines_are_what_validate_prints(tmp_path: Path) -> None:
    (block,) = of_kind("error lines")
    # A spec with the three problems of the README, at the lines and columns it shows.
    (tmp_path / "asyncapi.yaml").write_text(
        "asyncapi: 2.6.0\n"
        "info: {title: T, version: '1'}\n"
        "bogus: 1\n"
        "channels:\n"
        "  /:\n"
        "    publish:\n"
        "      summary: moves\n"
        "      message: {$ref: '#/components/messages/Nope'}\n"
        "    subscribe:\n"
        "      message:\n"
        "        name: moved\n"
        "        payload: {$ref: './missing.yaml'}\n"
    )
    result = run_bash("sio-codegen validate asyncapi.yaml", tmp_path)
    assert result.returncode == 2
    assert result.stdout == block.text


def test_diff_output_is_what_diff_prints(tmp_path: Path) -> None:
    """The README's example: tictactoe.yaml with a required ``player`` added to make_move's
    payload, an optional ``comment`` to move_made's and a new server event ``chat``."""
    (block,) = of_kind("diff output")
    spec = yaml.safe_load((ROOT / "examples" / "tictactoe.yaml").read_text())
    schemas = spec["components"]["schemas"]
    schemas["MakeMoveData"]["properties"]["player"] = {"type": "string", "enum": ["X", "O"]}
    schemas["MakeMoveData"]["required"].append("player")
    schemas["MoveMadeData"]["properties"]["comment"] = {"type": "string"}
    spec["channels"]["/"]["subscribe"]["message"]["oneOf"].append(
        {"name": "chat", "payload": {"type": "string"}}
    )
    (tmp_path / "new.yaml").write_text(yaml.safe_dump(spec))
    shutil.copy(ROOT / "examples" / "tictactoe.yaml", tmp_path / "old.yaml")
    result = run_bash("sio-codegen diff old.yaml new.yaml", tmp_path)
    assert result.returncode == 1
    assert [line for line in result.stdout.splitlines() if "old.yaml" not in line] == (
        block.text.splitlines()
    )


def _options() -> dict[str, set[str]]:
    """Every option of every command, from the parser itself."""
    parser = _parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return {
        name: {o for a in command._actions for o in a.option_strings if o not in ("-h", "--help")}
        for name, command in sub.choices.items()
    }


def test_usage_and_options_table_match_the_parser() -> None:
    options = _options()
    assert set(options) == set(COMMANDS)
    (usage,) = of_kind("usage")
    shown: dict[str, set[str]] = {name: set() for name in COMMANDS}
    for line in usage.text.splitlines():
        words = line.split()
        assert words[0] == "sio-codegen", line
        if words[1] == "--version":
            continue
        assert words[1] in options, f"no command {words[1]!r}: {line}"
        usage_part = line.split("  ")[0]
        for option in re.findall(r"(?<![\w-])--?[a-z][a-z-]*", usage_part):
            assert option in options[words[1]], f"{option} is no option of {words[1]}: {line}"
            shown[words[1]].add(option)
    table = section("Command line")
    previous: list[str] = []
    for row in re.findall(r"^\| (`-.*?) \|", table, re.M):
        named = re.search(r"\(([a-z, ]+)\)$", row)
        commands = list(COMMANDS) if named is None else named.group(1).split(", ")
        if commands == ["same commands"]:
            commands = previous
        previous = commands
        for option in re.findall(r"`(--?[a-z][a-z-]*)", row):
            for command in commands:
                assert option in options[command], f"{option} is no option of {command}: {row}"
                shown[command].add(option)
    for command, names in options.items():
        missing = names - shown[command]
        assert not missing, f"README's Command line section lacks {sorted(missing)} of {command}"


def test_architecture_names_real_modules() -> None:
    (block,) = of_kind("architecture")
    package = ROOT / "sio_codegen"
    modules = {p.name for p in package.rglob("*.py")}
    for folder in re.findall(r"^(\w+)/", block.text, re.M):
        assert (package / folder).is_dir(), folder
    for module in re.findall(r"\b(\w+\.py)\b", block.text):
        assert module in modules, f"{module} is no module of sio_codegen"
    for templates in re.findall(r"templates/(\w+)", block.text):
        assert (ROOT / "templates" / templates).is_dir(), templates


def test_development_commands_name_real_sessions_and_files() -> None:
    sessions = set(re.findall(r"^def (\w+)\(session", (ROOT / "noxfile.py").read_text(), re.M))
    for block in of_kind("development commands"):
        for line in block.text.splitlines():
            for command in line.split("#")[0].split("&&"):
                words = command.split()
                while words and re.fullmatch(r"[A-Z_]+=\S*", words[0]):  # CI=true nox ...
                    words = words[1:]
                if not words or words[:2] == ["pip", "install"]:
                    continue
                if words[:2] == ["npm", "ci"]:
                    prefix = words[words.index("--prefix") + 1] if "--prefix" in words else "."
                    assert (ROOT / prefix / "package-lock.json").is_file(), line
                elif words[0] == "nox":
                    named = words[words.index("-s") + 1] if "-s" in words else None
                    # A session parametrised over Pythons is also named tests-3.11.
                    base = re.sub(r"-\d+\.\d+$", "", named) if named else None
                    assert base is None or base in sessions, f"no nox session {named}: {line}"
                elif words[0] in ("python", "bash"):
                    assert (ROOT / words[1]).is_file(), f"no file {words[1]}: {line}"
                elif words[0].startswith((".ci/", "./")):  # a script of the repository
                    assert (ROOT / words[0]).is_file(), f"no file {words[0]}: {line}"
                else:
                    raise AssertionError(f"{block}: unknown command {command!r}")


@pytest.fixture
def configured(tmp_path: Path) -> Path:
    """A project whose pyproject.toml is the README's configuration block."""
    (block,) = of_kind("configuration")
    (tmp_path / "api").mkdir()
    shutil.copy(ROOT / "examples/tictactoe.yaml", tmp_path / "api/chat.yaml")
    (tmp_path / "pyproject.toml").write_text(block.text)
    return tmp_path


def test_configuration_block_generates(configured: Path) -> None:
    result = run_bash("sio-codegen generate && sio-codegen generate chat-client && "
                      "sio-codegen generate --check", configured)  # fmt: skip
    assert result.returncode == 0, result.stdout
    assert (configured / "chat_server/_generated/server.py").is_file()
    assert (configured / "clients/chat_client/client.py").is_file()


def test_pre_commit_block_fails_on_stale_code_and_names_the_command(configured: Path) -> None:
    (block,) = of_kind("pre-commit")
    (configured / ".pre-commit-config.yaml").write_text(block.text)
    pre_commit = f'"{sys.executable}" -m pre_commit run --all-files'
    result = run_bash(f"git init -q . && sio-codegen generate -q && git add -A && {pre_commit}",
                      configured)  # fmt: skip
    assert result.returncode == 0, result.stdout
    spec = configured / "api/chat.yaml"
    spec.write_text(spec.read_text().replace("name: make_move", "name: move"))
    result = run_bash(f"git add -A && {pre_commit}", configured)
    assert result.returncode == 1, result.stdout
    assert "chat_server: stale; regenerate with: sio-codegen generate chat-server" in result.stdout
    result = run_bash(f"sio-codegen generate -q && git add -A && {pre_commit}", configured)
    assert result.returncode == 0, result.stdout


def _part_of(excerpt: object, real: object, where: str = "") -> None:
    """Every key of the excerpt is in the real document with (a part of) its value; every item
    of an excerpt's list is (a part of) some item of the real list."""
    if isinstance(excerpt, dict):
        assert isinstance(real, dict), where
        for key, value in excerpt.items():
            assert key in real, f"{where}/{key} is not in the real catalog"
            _part_of(value, real[key], f"{where}/{key}")
    elif isinstance(excerpt, list):
        assert isinstance(real, list), where
        for number, item in enumerate(excerpt):
            matches = []
            for candidate in real:
                try:
                    _part_of(item, candidate, f"{where}/{number}")
                    matches.append(candidate)
                except AssertionError:
                    pass
            assert matches, f"{where}/{number}: no such item in the real catalog"
    else:
        assert excerpt == real, f"{where}: {excerpt!r} != {real!r}"


def test_catalog_excerpt_is_part_of_the_real_catalog(capsys: pytest.CaptureFixture[str]) -> None:
    (block,) = of_kind("catalog excerpt")
    from sio_codegen.cli.commands import main

    assert main(["catalog", str(ROOT / "examples/tictactoe.yaml"), "-q"]) == 0
    _part_of(json.loads(block.text), json.loads(capsys.readouterr().out))


def test_the_production_command_is_the_one_the_production_test_runs() -> None:
    """The README's gunicorn line names the generated config and WSGI entry point that exist in
    a generated package, with the arguments tests/test_production.py starts gunicorn with."""
    (block,) = of_kind("production command")
    line = next(x for x in block.text.splitlines() if "gunicorn" in x and "pip" not in x)
    words = line.split()
    words = words[words.index("gunicorn") :]
    config = words[words.index("-c") + 1]
    assert config == "python:PKG._generated.gunicorn_conf", line
    assert words[-1] == "PKG.wsgi:app", line
    package = ROOT / "golden" / "tictactoe" / "expected" / "tictactoe_server"
    assert (package / "_generated" / "gunicorn_conf.py").is_file()
    assert "\napp, socketio = create_app()" in (package / "wsgi.py").read_text()
    production_test = (ROOT / "tests" / "test_production.py").read_text()
    assert '"-c", "python:prod_server._generated.gunicorn_conf"' in production_test
    assert '"prod_server.wsgi:app"' in production_test
    requirements = block.text.splitlines()[0].split()
    assert requirements[:3] == ["pip", "install", "-r"]
    assert (package / requirements[3].replace("PKG/", "")).is_file()
