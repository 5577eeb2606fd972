"""Golden cases: ``golden/<case>/`` holds ``case.json``, the input spec(s) under ``spec/`` and the
expected output under ``expected/``. ``python tests/golden.py`` regenerates every case (and the
compiled templates, sio_codegen/render/precompiled/); the tests compare. Review the diff before
committing it."""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "golden"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sio_codegen.cli.commands import main as cli_main  # noqa: E402
from sio_codegen.render.jinja import write_precompiled  # noqa: E402

# What each case produces: (command, output under expected/; {case} is the case's name).
OUTPUTS: tuple[tuple[str, str], ...] = (
    ("models", "models.py"),
    ("server", "{case}_server"),
    ("client", "{case}_client"),
)


@dataclass(frozen=True)
class Case:
    name: str
    folder: Path
    spec: Path
    args: tuple[str, ...] = ()
    """Extra command-line arguments (``case.json`` ``refs_root``: a folder of the case)."""
    server_args: tuple[str, ...] = ()
    """Extra arguments of the server command only (``case.json`` ``server_args``, e.g.
    ``["--runtime", "asgi"]``)."""
    commands: tuple[str, ...] = tuple(command for command, _ in OUTPUTS)
    """The commands the case runs (``case.json`` ``commands``; default: every one)."""

    @property
    def expected(self) -> Path:
        return self.folder / "expected"


def cases() -> list[Case]:
    found = []
    for case_file in sorted(GOLDEN.glob("*/case.json")):
        config = json.loads(case_file.read_text())
        folder = case_file.parent
        args = ("--refs-root", str(folder / config["refs_root"])) if "refs_root" in config else ()
        commands = tuple(config.get("commands", [command for command, _ in OUTPUTS]))
        server_args = tuple(config.get("server_args", ()))
        spec = folder / config["spec"]
        found.append(Case(folder.name, folder, spec, args, server_args, commands))
    return found


def generate(case: Case, out: Path) -> None:
    """Run every command of the case into ``out`` (a fresh folder)."""
    for command, rel in OUTPUTS:
        if command not in case.commands:
            continue
        target = out / rel.format(case=case.name)
        target.parent.mkdir(parents=True, exist_ok=True)
        extra = case.server_args if command == "server" else ()
        code = cli_main([command, str(case.spec), "-o", str(target), "--quiet", *case.args, *extra])
        if code != 0:
            raise RuntimeError(f"{case.name}: sio-codegen {command} exited {code}")


def tree(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` but caches (``__pycache__``, ``.mypy_cache``, ...)."""
    files = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if path.is_file() and not any(p == "__pycache__" or p.startswith(".") for p in rel.parts):
            files[rel.as_posix()] = path.read_bytes()
    return files


def update() -> None:
    # The shipped compiled templates first (sio_codegen/render/jinja.py): the same inputs.
    write_precompiled()
    for case in cases():
        with tempfile.TemporaryDirectory() as tmp:
            generate(case, Path(tmp))
            if case.expected.exists():
                shutil.rmtree(case.expected)
            shutil.copytree(tmp, case.expected)
        print(f"regenerated golden/{case.name}/expected")


if __name__ == "__main__":
    update()
