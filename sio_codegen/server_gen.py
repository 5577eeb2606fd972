"""``sio-codegen server``: the files of a Flask-SocketIO server package."""

from __future__ import annotations

from sio_codegen.model import Api, Event, Namespace
from sio_codegen.render import render

SERVER_REQUIREMENTS = ("Flask-SocketIO>=5.3", "pydantic[email]>=2.6,<3")
HOOKS = ("connect", "disconnect", "error")
HOOK_PARAMS = {
    "connect": "self, sid: str, auth: Any",
    "disconnect": "self, sid: str, reason: str | None",
    "error": "self, sid: str, error: Exception",
}
HOOK_RETURNS = {"connect": "bool | None", "disconnect": "None", "error": "None"}


def handler_params(event: Event) -> str:
    if event.payload is None:
        return "self, sid: str"
    return f"self, sid: str, data: models.{event.payload.model}"


def ack_type(event: Event) -> str:
    return f"models.{event.ack.model}" if event.ack else "None"


def event_doc(event: Event) -> str:
    parts = [event.summary, event.description]
    text = "\n\n".join(p.strip() for p in parts if p.strip())
    deprecated = "\n\nDeprecated." if event.deprecated else ""
    return (text or f"Event {event.name!r}.") + deprecated


def named_hooks(ns: Namespace) -> list[str]:
    return [hook for hook in HOOKS if getattr(ns.hooks, hook)]


def _context(api: Api, header: str, package: str) -> dict[str, object]:
    return {
        "api": api,
        "header": header,
        "package": package,
        "socketio_path": api.servers[0].socketio_path if api.servers else "/socket.io",
        "requirements": SERVER_REQUIREMENTS,
        "logger_name": f"{package}.server",
        "handler_params": handler_params,
        "ack_type": ack_type,
        "event_doc": event_doc,
        "named_hooks": named_hooks,
        "hook_params": HOOK_PARAMS,
        "hook_returns": HOOK_RETURNS,
    }


def server_files(
    api: Api, header: str, package: str, models_source: str, spec_json: str
) -> tuple[dict[str, str], dict[str, str]]:
    """(generated files, user-owned files), relative to the package folder."""
    ctx = _context(api, header, package)
    generated = {
        "_generated/__init__.py": render("server/init.py.j2", **ctx),
        "_generated/models.py": models_source,
        "_generated/runtime.py": render("server/runtime.py.j2", **ctx),
        "_generated/server.py": render("server/server.py.j2", **ctx),
        "_generated/spec.json": spec_json,
        "_generated/requirements.txt": "\n".join(SERVER_REQUIREMENTS) + "\n",
    }
    user_owned = {
        "__init__.py": render("server/package_init.py.j2", **ctx),
        "handlers.py": render("server/handlers.py.j2", **ctx),
        "app.py": render("server/app.py.j2", **ctx),
        "__main__.py": render("server/main.py.j2", **ctx),
    }
    return generated, user_owned
