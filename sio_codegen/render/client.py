"""``sio-codegen client``: the files of a typed python-socketio client package (all generated)."""

from __future__ import annotations

from dataclasses import dataclass

from sio_codegen.model.api import Api, Direction, Event, Namespace
from sio_codegen.model.validator import schemas_json
from sio_codegen.render.jinja import render
from sio_codegen.render.server import (
    ack_arguments_kw,
    ack_type,
    anys,
    arguments_kw,
    data_expr,
    data_params,
    event_doc,
    rest_type,
    spread,
    unpacks,
)

CLIENT_REQUIREMENTS = (
    "python-socketio[client,asyncio-client]>=5.11",
    "pydantic[email]>=2.6,<3",
    "jsonschema-rs>=0.61,<1",
)
# Names the namespace classes and the client classes already use.
_NAMESPACE_RESERVED = frozenset(
    {"namespace", "client", "add_error_handler", "on_connect", "on_disconnect", "on_connect_error",
     "refusal"}
)  # fmt: skip
# The connection-lifecycle hooks, also on the client itself for the root namespace.
LIFECYCLE_HOOKS = ("on_connect", "on_disconnect", "on_connect_error")
_CLIENT_RESERVED = frozenset(
    {
        "url", "socketio_path", "auth", "query", "headers", "transports", "wait_timeout",
        "default_timeout", "sio", "connect", "disconnect", "wait", "connected", "namespaces",
        "connect_namespaces", "namespace_objects", "max_message_size", "default_url",
        "namespace_names", "default_socketio_path", *LIFECYCLE_HOOKS,
    }
)  # fmt: skip


def _unique(name: str, taken: set[str]) -> str:
    while name in taken:
        name += "_"
    taken.add(name)
    return name


def methods(ns: Namespace) -> dict[tuple[Direction, str], str]:
    """Method names of a namespace's events: ``<event>`` to send, ``on_<event>`` to receive."""
    taken = set(_NAMESPACE_RESERVED)
    names: dict[tuple[Direction, str], str] = {}
    for event in ns.client_events:
        names[("client", event.name)] = _unique(event.identifier, taken)
    for event in ns.server_events:
        names[("server", event.name)] = _unique("on_" + event.identifier, taken)
    return names


def root_shortcuts(api: Api, attrs: dict[str, str]) -> dict[tuple[Direction, str], str]:
    """The root namespace's event methods, repeated on the client itself where the name is free:
    ``client.make_move(...)`` is ``client.root.make_move(...)``."""
    root = next((ns for ns in api.namespaces if ns.name == "/"), None)
    if root is None:
        return {}
    taken = _CLIENT_RESERVED | set(attrs.values())
    return {key: name for key, name in methods(root).items() if name not in taken}


@dataclass(frozen=True)
class ConnectParam:
    """A typed keyword of the generated client's constructor, and how it enters the handshake."""

    name: str
    annotation: str
    required: bool
    call: str
    doc: str
    namespace: str = ""
    """The namespace of a ws binding's keyword ("" for a security scheme's)."""
    binding: str = ""
    """``query`` or ``headers`` for a ws binding's keyword."""


_BASE_PARAMS = frozenset(
    {"url", "socketio_path", "auth", "query", "headers", "transports", "wait_timeout",
     "default_timeout", "namespaces", "options", "handshake", "self"}
)  # fmt: skip


def connect_params(api: Api, attrs: dict[str, str]) -> list[ConnectParam]:
    """Keywords for the ws bindings (required when the binding has required fields and the
    client connects its namespace) and for the security schemes (optional: the server decides
    which alternative holds)."""
    taken = set(_BASE_PARAMS)
    params: list[ConnectParam] = []
    for ns in api.namespaces:
        for what, use in (("query", ns.bindings.query), ("headers", ns.bindings.headers)):
            if use is None:
                continue
            schema = api.schemas.get(use.model)
            required = isinstance(schema, dict) and bool(schema.get("required"))
            name = _unique(f"{attrs[ns.name]}_{what}", taken)
            annotation = f"models.{use.model}" + ("" if required else " | None")
            call = f"handshake.binding(models.{use.model}, {name}, {what!r}, {ns.name!r})"
            doc = f"the {what} of namespace {ns.name!r} (ws binding)"
            params.append(ConnectParam(name, annotation, required, call, doc, ns.name, what))
    for scheme in api.security_schemes.values():
        name = _unique(scheme.identifier, taken)
        if scheme.kind == "basic":
            annotation, call = "tuple[str, str] | None", f"handshake.basic({scheme.name!r}, {name})"
            doc = "(username, password), sent as HTTP basic Authorization"
        elif scheme.kind == "user_password":  # ``auth`` is the client's keyword: merged into it
            annotation = "tuple[str, str] | None"
            call = f"auth = handshake.user_password({scheme.name!r}, {name}, auth)"
            doc = "(username, password), sent in the auth payload (``username``, ``password``)"
        elif scheme.kind == "api_key":
            annotation = "str | None"
            call = f"handshake.api_key({scheme.location!r}, {scheme.key_name!r}, {name})"
            doc = f"the API key, sent in the {scheme.location} {scheme.key_name!r}"
        else:
            annotation, call = "str | None", f"handshake.bearer({scheme.name!r}, {name})"
            doc = "the token, sent as Authorization: Bearer"
        doc = f"security scheme {scheme.name!r}: {doc}"
        params.append(ConnectParam(name, annotation, False, call, doc))
    return params


def namespace_attributes(api: Api) -> dict[str, str]:
    taken = set(_CLIENT_RESERVED)
    return {ns.name: _unique(ns.identifier, taken) for ns in api.namespaces}


def method_params(event: Event) -> str:
    """The data parameters of a client method, after ``self``: ``, data: models.X``, ..."""
    return "".join(", " + param for param in data_params(event))


def forward(event: Event) -> str:
    """The data parameters passed on as they are: ``data``, ``arg1, arg2`` or nothing."""
    if event.payload is None:
        return ""
    if spread(event):
        fixed = [f"arg{i}" for i in range(1, len(event.arguments) + 1)]
        return ", ".join(fixed + (["*rest"] if event.variadic else []))
    return "data"


def payload_types(event: Event) -> str:
    """What a handler of a server event takes: ``models.X``, ``models.A, models.B | None``, then
    ``Unpack[tuple[models.R, ...]]`` where rest arguments may follow."""
    if event.payload is None:
        return ""
    if spread(event):
        types = [
            f"models.{use.model}" + (" | None" if i > event.required_arguments else "")
            for i, use in enumerate(event.arguments, 1)
        ]
        if event.variadic:
            types.append(f"Unpack[tuple[{rest_type(event)}, ...]]")
        return ", ".join(types)
    return f"models.{event.payload.model}"


MODELS_PATH = "models.py"


def client_files(api: Api, header: str, package: str) -> dict[str, str]:
    """Every file of the client package but the models module (MODELS_PATH), relative to its
    folder."""
    attrs = namespace_attributes(api)
    params = connect_params(api, attrs)
    ctx = {
        "api": api,
        "header": header,
        "package": package,
        "socketio_path": api.server.socketio_path if api.server else "/socket.io",
        "default_url": api.server.origin if api.server else "",
        "requirements": CLIENT_REQUIREMENTS,
        "logger_name": f"{package}.client",
        "methods": methods,
        "attrs": attrs,
        "root_shortcuts": root_shortcuts(api, attrs),
        "params": params,
        "required_params": [p for p in params if p.required],
        "has_root": any(ns.name == "/" for ns in api.namespaces),
        "params_doc": [f"- ``{p.name}``: {p.doc}" for p in params],
        "event_doc": event_doc,
        "method_params": method_params,
        "data_expr": data_expr,
        "forward": forward,
        "payload_types": payload_types,
        "arguments_kw": arguments_kw,
        "ack_type": ack_type,
        "ack_arguments_kw": ack_arguments_kw,
        "unpacks": unpacks(api) or any(e.variadic for n in api.namespaces for e in n.server_events),
        "anys": anys(api),
    }
    return {
        "__init__.py": render("client/init.py.j2", **ctx),
        "client.py": render("client/client.py.j2", **ctx),
        "runtime.py": render("client/runtime.py.j2", **ctx),
        "requirements.txt": "\n".join(CLIENT_REQUIREMENTS) + "\n",
        "schemas.json": schemas_json(api.schemas),
        "py.typed": "",
    }
