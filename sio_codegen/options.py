"""What a run of sio-codegen is asked to do. Light on imports: the no-op check needs only this."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from sio_codegen.model import naming
from sio_codegen.paths import confined
from sio_codegen.write import journal
from sio_codegen.write.manifest import MANIFEST_NAME, Manifest, is_up_to_date

Command = Literal["models", "server", "client"]

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

    @property
    def package_name(self) -> str:
        name = self.package or self.output.resolve().name
        return naming.safe_identifier(naming.snake(name), prefix="pkg")

    @property
    def manifest_rel(self) -> str | None:
        """Where the manifest lives, relative to the output folder."""
        return {"server": f"_generated/{MANIFEST_NAME}", "client": MANIFEST_NAME}.get(self.command)

    @property
    def root(self) -> Path:
        return self.output.parent if self.command == "models" else self.output

    def _refs_root(self) -> str | None:
        """The refs root relative to the spec's folder: the same on every machine."""
        root = self.options.refs_root
        if root is None:
            return None
        return Path(os.path.relpath(root.resolve(), self.spec.resolve().parent)).as_posix()

    def option_key(self) -> dict[str, Any]:
        """Every option that changes the output: part of the no-op decision."""
        return {
            "package": self.package_name if self.command != "models" else None,
            "validate": self.options.validate,
            "allow_remote_refs": self.options.allow_remote_refs,
            "refs_root": self._refs_root(),
            "allow_unenforced_security": self.allow_unenforced,
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

    def package_problem(self) -> str | None:
        """Why the package cannot be generated under its name (it would shadow a module the
        generated package or its dependencies import), or None. Both the import name and the
        folder's name count: Python imports the folder by its name."""
        if self.command == "models":
            return None
        folder = self.output.resolve().name
        candidates = [("package name", self.package_name, "another name with --package NAME")]
        if folder.isidentifier() and folder != self.package_name:
            candidates.append(("output folder", folder, "another output folder"))
        elif not self.package:
            candidates[0] = ("package name", self.package_name, "another output folder")
        for label, name, how in candidates:
            if name in sys.stdlib_module_names:
                what = f"the standard-library module {name!r}"
            elif name in DEPENDENCY_MODULES:
                what = f"the module {name!r} of a library the generated package needs"
            else:
                continue
            return (
                f"{label} {name!r} would shadow {what}, which then could not be imported: "
                f"choose {how}"
            )
        return None
