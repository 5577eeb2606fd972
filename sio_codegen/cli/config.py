"""``[tool.sio-codegen]`` in pyproject.toml: named profiles, each one generation.

[tool.sio-codegen]
validate = true                      # defaults for every profile (optional)

[tool.sio-codegen.profiles.chat-server]
command = "server"                   # server | client | models | catalog | docs
spec = "api/chat.yaml"               # relative to pyproject.toml
output = "chat_server"
package = "chat_server"              # optional
allow-remote-refs = false            # optional
allow-unenforced-security = false    # optional
server = "production"                # optional: the server to generate for (default: the first)
server-vars = { port = "8080" }      # optional: values of that server's {variables}
perspective = "client"               # optional: the document describes the client's side
channels-as-events = true            # optional: every channel is an event of one namespace
seed = 0                             # optional (catalog, docs): the seed of generated examples
runtime = "asgi"                     # optional (server): flask (default) or asgi
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sio_codegen.diagnostics import Diagnostic, Location, SpecError
from sio_codegen.load.source import display_path
from sio_codegen.options import RUNTIMES, Job, LoadOptions

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

COMMANDS = ("server", "client", "models", "catalog", "docs")
_KEYS = {"command", "spec", "output", "package", "validate", "allow-remote-refs",
         "allow-unenforced-security", "refs-root", "server", "server-vars", "perspective",
         "channels-as-events", "seed", "runtime"}  # fmt: skip
_DEFAULT_KEYS = {"validate", "allow-remote-refs", "allow-unenforced-security"}


@dataclass(frozen=True)
class Profile:
    name: str
    job: Job


def find_config(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above ``start`` that has a [tool.sio-codegen] table."""
    for folder in [start.resolve(), *start.resolve().parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "sio-codegen" in _tool(candidate):
            return candidate
    return None


def _tool(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}
    tool = data.get("tool", {})
    return tool if isinstance(tool, dict) else {}


def _error(path: Path, message: str, pointer: str = "/tool/sio-codegen") -> SpecError:
    return SpecError([Diagnostic("error", message, Location(display_path(path), pointer))])


def load_profiles(path: Path, overrides: dict[str, bool] | None = None) -> list[Profile]:
    """Every profile of ``path``, with CLI ``overrides`` (validate, allow-...) applied."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise _error(path, f"cannot read: {exc.strerror}", "") from None
    except tomllib.TOMLDecodeError as exc:
        raise _error(path, f"invalid TOML: {exc}", "") from None
    table = data.get("tool", {}).get("sio-codegen")
    if not isinstance(table, dict):
        raise _error(path, "no [tool.sio-codegen] table", "/tool")
    defaults = {k: v for k, v in table.items() if k != "profiles"}
    unknown = sorted(set(defaults) - _DEFAULT_KEYS)
    if unknown:
        raise _error(path, f"unknown setting(s): {', '.join(unknown)}")
    profiles = table.get("profiles")
    if not isinstance(profiles, dict) or not profiles:
        raise _error(path, "no profiles: add [tool.sio-codegen.profiles.<name>] tables")
    base = path.parent
    return [
        Profile(name, _job(path, base, name, {**defaults, **body, **(overrides or {})}))
        for name, body in sorted(profiles.items())
        if isinstance(body, dict) or _raise(_error(path, f"profile {name!r} must be a table"))
    ]


def _raise(error: SpecError) -> bool:
    raise error


def _job(path: Path, base: Path, name: str, settings: dict[str, Any]) -> Job:
    where = f"/tool/sio-codegen/profiles/{name}"
    unknown = sorted(set(settings) - _KEYS)
    if unknown:
        raise _error(path, f"profile {name!r}: unknown setting(s): {', '.join(unknown)}", where)
    command = settings.get("command")
    if command not in COMMANDS:
        raise _error(path, f"profile {name!r}: command must be one of {', '.join(COMMANDS)}", where)
    for key in ("spec", "output"):
        if not isinstance(settings.get(key), str) or not settings[key]:
            raise _error(path, f"profile {name!r}: {key} (a path) is required", where)
    defaults = {"validate": True, "allow-remote-refs": False, "allow-unenforced-security": False}
    flags = {key: settings.get(key, default) for key, default in defaults.items()}
    for key, value in flags.items():
        if not isinstance(value, bool):
            raise _error(path, f"profile {name!r}: {key} must be true or false", where)
    package = settings.get("package")
    refs_root = settings.get("refs-root")
    if refs_root is not None and not isinstance(refs_root, str):
        raise _error(path, f"profile {name!r}: refs-root must be a path", where)
    server = settings.get("server")
    if server is not None and not isinstance(server, str):
        raise _error(path, f"profile {name!r}: server must be a server's name", where)
    server_vars = settings.get("server-vars", {})
    if not isinstance(server_vars, dict) or not all(
        isinstance(v, str) for v in server_vars.values()
    ):
        raise _error(path, f"profile {name!r}: server-vars must be a table of strings", where)
    perspective = settings.get("perspective")
    if perspective not in (None, "server", "client"):
        raise _error(path, f"profile {name!r}: perspective must be server or client", where)
    channels_as_events = settings.get("channels-as-events")
    if channels_as_events is not None and not isinstance(channels_as_events, bool):
        raise _error(path, f"profile {name!r}: channels-as-events must be true or false", where)
    runtime = settings.get("runtime", "flask")
    if runtime not in RUNTIMES or (runtime != "flask" and command != "server"):
        raise _error(path, f"profile {name!r}: runtime must be flask or asgi, for a server", where)
    seed = settings.get("seed", 0)
    if not isinstance(seed, int) or isinstance(seed, bool):
        raise _error(path, f"profile {name!r}: seed must be an integer", where)
    job = Job(
        command=command,
        spec=_relative(base / settings["spec"]),
        output=_relative(base / settings["output"]),
        package=package if isinstance(package, str) else None,
        options=LoadOptions(
            validate=flags["validate"],
            allow_remote_refs=flags["allow-remote-refs"],
            refs_root=None if refs_root is None else _relative(base / refs_root),
            server=server,
            server_vars=tuple(sorted(server_vars.items())),
            perspective=perspective,
            channels_as_events=channels_as_events,
        ),
        allow_unenforced=flags["allow-unenforced-security"],
        seed=seed,
        runtime=runtime,
    )
    problem = job.package_problem()
    if problem is not None:
        raise _error(path, f"profile {name!r}: {problem}", where)
    return job


def _relative(path: Path) -> Path:
    """Paths as users see them: relative to the working directory when below it."""
    return Path(display_path(path.resolve()))
