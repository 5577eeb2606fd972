"""What a run of sio-codegen is asked to do. Light on imports: the no-op check needs only this."""

from __future__ import annotations

import keyword
import os
import shlex
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sio_codegen.model import naming
from sio_codegen.paths import confined
from sio_codegen.write import journal
from sio_codegen.write.manifest import MANIFEST_NAME, Manifest, is_up_to_date

Command = Literal["models", "server", "client", "catalog", "docs"]
Runtime = Literal["flask", "asgi"]
RUNTIMES: tuple[Runtime, ...] = ("flask", "asgi")
"""What a generated server runs on: Flask-SocketIO (threads, WSGI) or python-socketio's
AsyncServer under ASGI (uvicorn)."""
# Commands whose output is one file (the rest write a folder).
FILE_COMMANDS = frozenset({"models", "catalog"})
# Commands that need no Python package name and no models module.
DOC_COMMANDS = frozenset({"catalog", "docs"})

DEPENDENCY_MODULES = frozenset({
    # Flask-SocketIO and what it pulls in
    "flask", "flask_socketio", "socketio", "engineio", "werkzeug", "jinja2", "markupsafe",
    "itsdangerous", "click", "blinker", "simple_websocket", "wsproto", "h11", "bidict",
    # pydantic[email]
    "pydantic", "pydantic_core", "annotated_types", "typing_extensions", "typing_inspection",
    "email_validator", "dns", "idna",
    # python-socketio[client,asyncio-client]
    "requests", "urllib3", "certifi", "charset_normalizer", "websocket", "aiohttp",
    "aiohappyeyeballs", "aiosignal", "frozenlist", "multidict", "yarl", "propcache", "attr",
    "attrs", "async_timeout",
    # servers the generated package may be run with
    "gunicorn", "eventlet", "gevent", "greenlet", "packaging",
    # the asgi runtime: uvicorn and what it pulls in
    "uvicorn", "websockets", "anyio", "sniffio", "httptools", "uvloop", "watchfiles", "dotenv",
})  # fmt: skip
"""Top-level modules the generated packages import, directly or through their requirements: a
package of that name would be imported in their place."""


@dataclass(frozen=True)
class LoadOptions:
    validate: bool = True
    """Strict validation against the official AsyncAPI schema; False turns violations into
    warnings and generates anyway where the document can still be understood."""
    allow_remote_refs: bool = False
    refs_root: Path | None = None
    """File $refs must stay inside this folder; None: the spec's own folder."""
    server: str | None = None
    """The server of the document to generate for; None: the first it lists."""
    server_vars: tuple[tuple[str, str], ...] = ()
    """Values of the chosen server's ``{variables}``, overriding their defaults."""
    perspective: Literal["server", "client"] | None = None
    """Whose side the document describes; None: as its ``x-sio-perspective`` says (server)."""
    channels_as_events: bool | None = None
    """Channels are events of one namespace; None: as its ``x-sio-channels`` says (no)."""


@dataclass(frozen=True)
class Job:
    """One generation: which command, from which spec, into which folder (or file)."""

    command: Command
    spec: Path
    output: Path
    package: str | None = None
    options: LoadOptions = field(default_factory=LoadOptions)
    allow_unenforced: bool = False
    force: bool = False
    """Overwrite files there that sio-codegen did not generate (it never does otherwise)."""
    seed: int = 0
    """catalog and docs: the seed generated examples are made from."""
    runtime: Runtime = "flask"
    """server: what the generated server runs on."""

    @property
    def package_name(self) -> str:
        """The import name: ``package``, else the output folder's name. The command line
        refuses one Python cannot import (see :meth:`package_problem`); called without that
        check, a name is made an identifier, so that it is safe in the generated texts."""
        name = self.package or self.output.resolve().name
        if importable(name):
            return name
        return naming.safe_identifier(naming.snake(name), prefix="pkg")

    def package_problem(self) -> str | None:
        """Why the package this job writes could not be imported, or run with ``python -m``,
        under its name: not an importable name, or one that would shadow a module the generated
        package or its dependencies import (both the import name and the folder's name count:
        Python imports the folder by its name); None when it can (and for a models module)."""
        if self.command in ("models", *DOC_COMMANDS):
            return None
        if self.package is not None and not importable(self.package):
            return (
                f"--package {self.package!r} is not a name Python can import "
                "(ASCII letters, digits and _, not starting with a digit, not a keyword)"
            )
        folder = self.output.resolve().name
        if not importable(folder):
            return (
                f"output folder {folder!r} is not a name Python can import, so its package "
                f"could not be imported or run with python -m: use a folder name of ASCII "
                f"letters, digits and _, such as {suggested(folder)!r}"
            )
        candidates = [("package name", self.package_name, "another name with --package NAME")]
        if folder.isidentifier() and folder != self.package_name:
            candidates.append(("output folder", folder, "another output folder"))
        elif not self.package:
            candidates[0] = ("package name", self.package_name, "another output folder")
        for label, name, how in candidates:
            # Case-insensitive: on macOS and Windows a folder Socketio/ shadows socketio.
            module = name.lower()
            if module in sys.stdlib_module_names:
                what = f"the standard-library module {module!r}"
            elif module in DEPENDENCY_MODULES:
                what = f"the module {module!r} of a library the generated package needs"
            else:
                continue
            return (
                f"{label} {name!r} would shadow {what}, which then could not be imported: "
                f"choose {how}"
            )
        return None

    def command_line(self) -> str:
        """The ``sio-codegen`` command that (re)generates this job, ready to paste."""
        args = ["sio-codegen", self.command, str(self.spec), "-o", str(self.output)]
        if self.package is not None:
            args += ["--package", self.package]
        if not self.options.validate:
            args.append("--no-validate")
        if self.options.allow_remote_refs:
            args.append("--allow-remote-refs")
        if self.options.refs_root is not None:
            args += ["--refs-root", str(self.options.refs_root)]
        if self.options.server is not None:
            args += ["--server", self.options.server]
        for name, value in self.options.server_vars:
            args += ["--server-var", f"{name}={value}"]
        if self.options.perspective is not None:
            args += ["--perspective", self.options.perspective]
        if self.options.channels_as_events:
            args.append("--channels-as-events")
        if self.allow_unenforced:
            args.append("--allow-unenforced-security")
        if self.seed:
            args += ["--seed", str(self.seed)]
        if self.command == "server" and self.runtime != "flask":
            args += ["--runtime", self.runtime]
        return shlex.join(args)

    @property
    def manifest_rel(self) -> str | None:
        """Where the manifest lives, relative to the output folder."""
        return {
            "server": f"_generated/{MANIFEST_NAME}", "client": MANIFEST_NAME, "docs": MANIFEST_NAME
        }.get(self.command)  # fmt: skip

    @property
    def root(self) -> Path:
        return self.output.parent if self.command in FILE_COMMANDS else self.output

    def _refs_root(self) -> str | None:
        """The refs root relative to the spec's folder: the same on every machine."""
        root = self.options.refs_root
        if root is None:
            return None
        return Path(os.path.relpath(root.resolve(), self.spec.resolve().parent)).as_posix()

    def option_key(self) -> dict[str, Any]:
        """Every option that changes the output: part of the no-op decision."""
        return {
            "package": self.package_name if self.command in ("server", "client") else None,
            "validate": self.options.validate,
            "allow_remote_refs": self.options.allow_remote_refs,
            "refs_root": self._refs_root(),
            "allow_unenforced_security": self.allow_unenforced,
            "server": self.options.server,
            "server_vars": sorted(self.options.server_vars) or None,
            "perspective": self.options.perspective,
            "channels_as_events": self.options.channels_as_events,
            **({"seed": self.seed} if self.command in DOC_COMMANDS else {}),
            # only where it is not the default: manifests written before it stay fresh
            **({"runtime": self.runtime} if self.runtime != "flask" else {}),
        }

    def up_to_date(self) -> bool:
        """Whether the last run's output still stands (its manifest's hashes decide, without
        parsing the spec): then there is nothing to do."""
        if self.manifest_rel is None or journal.pending(self.root):
            return False
        previous = Manifest.read(self.root / self.manifest_rel)
        refs_root = self.options.refs_root or self.spec.resolve().parent
        if not is_up_to_date(
            previous, self.spec, self.root, self.command, self.option_key(), refs_root
        ):
            return False
        assert previous is not None
        written = [
            self.root / rel
            for rel in [*previous.files, *previous.user_files, self.manifest_rel]
            if confined(self.root, rel) is not None
        ]
        names = {path.name for path in written} | {journal.JOURNAL_NAME}
        return not journal.leftovers({self.root} | {p.parent for p in written}, names)


def importable(name: str) -> bool:
    """Whether ``name`` can be imported (``import name``, ``python -m name``)."""
    return name.isascii() and name.isidentifier() and not keyword.iskeyword(name)


def suggested(folder: str) -> str:
    """An importable name close to ``folder``: ``my-server`` -> ``my_server``."""
    return naming.safe_identifier(naming.snake(folder), prefix="pkg")
