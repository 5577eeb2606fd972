"""``sio-codegen server``: the files of a server package, on Flask-SocketIO (runtime ``flask``)
or on python-socketio's AsyncServer under ASGI (runtime ``asgi``). One set of templates serves
both: only the I/O differs (``async def`` / ``await``, how a handler learns its sid, what it
registers on), so the two runtimes cannot drift apart."""

from __future__ import annotations

from sio_codegen.model.api import Api, Event, Namespace, SecurityScheme
from sio_codegen.model.validator import schemas_json
from sio_codegen.options import Runtime
from sio_codegen.render.jinja import pystr, render

SERVER_REQUIREMENTS = (
    "Flask-SocketIO>=5.3",
    "pydantic[email]>=2.6,<3",
    "jsonschema-rs>=0.61,<1",
    'gunicorn>=23; sys_platform != "win32"',
)
ASGI_REQUIREMENTS = (
    "python-socketio>=5.11",
    "uvicorn>=0.30",
    "websockets>=13",
    "pydantic[email]>=2.6,<3",
    "jsonschema-rs>=0.61,<1",
)
REQUIREMENTS: dict[Runtime, tuple[str, ...]] = {
    "flask": SERVER_REQUIREMENTS,
    "asgi": ASGI_REQUIREMENTS,
}
HOOKS = ("connect", "disconnect", "error")
HOOK_PARAMS = {
    "connect": "self, sid: str, auth: Any",
    "disconnect": "self, sid: str, reason: str | None",
    "error": "self, sid: str, error: Exception",
}
HOOK_RETURNS = {"connect": "bool | None", "disconnect": "None", "error": "None"}


def argument_params(event: Event) -> list[str]:
    """``arg1: models.A``, ... of an event with several arguments; optional ones default to None;
    ``*rest: models.R`` (``*rest: Any``: any values) where more may follow."""
    params = [
        f"arg{i}: models.{use.model}" + (" | None = None" if i > event.required_arguments else "")
        for i, use in enumerate(event.arguments, 1)
    ]
    if event.variadic:
        params.append(f"*rest: {rest_type(event)}")
    return params


def rest_type(event: Event) -> str:
    """The type of each rest argument of a variadic event: its model, else ``Any``."""
    return f"models.{event.rest.model}" if event.rest is not None else "Any"


def spread(event: Event) -> bool:
    """Whether the event's data travels as several Socket.IO arguments, each a parameter."""
    return bool(event.arguments) or event.variadic


def data_params(event: Event) -> list[str]:
    """The parameters an event's data takes in a handler or emitter method."""
    if event.payload is None:
        return []
    if spread(event):
        return argument_params(event)
    return [f"data: models.{event.payload.model}"]


def data_expr(event: Event) -> str:
    """The expression passing an event's data on: ``data``, ``(arg1, arg2)``, ``(arg1, *rest)``
    or ``None``."""
    if event.payload is None:
        return "None"
    if spread(event):
        fixed = "".join(f"arg{i}, " for i in range(1, len(event.arguments) + 1))
        return "(" + fixed + ("*rest, " if event.variadic else "") + ")"
    return "data"


def arguments_expr(event: Event) -> str:
    """The argument models of an event with several arguments, as a tuple expression."""
    return "(" + "".join(f"models.{use.model}, " for use in event.arguments) + ")"


def arguments_kw(event: Event) -> str:
    """``, arguments=(models.A, ...)`` of an event with several arguments, then ``, variadic=True``
    (and ``, rest=models.R``) where more may follow; nothing for one argument."""
    return (f", arguments={arguments_expr(event)}" if event.arguments else "") + rest_kw(event)


def rest_kw(event: Event) -> str:
    """``, variadic=True`` (and ``, rest=models.R``) where more arguments may follow; else ""."""
    if not event.variadic:
        return ""
    return ", variadic=True" + (f", rest=models.{event.rest.model}" if event.rest else "")


def handler_params(event: Event) -> str:
    return ", ".join(["self", "sid: str", *data_params(event)])


def ack_type(event: Event) -> str:
    """An ack's type: ``models.X``; ``tuple[models.A, models.B | None]`` for several values
    (those past ``minItems`` may be None: left out), with ``Unpack[tuple[models.R, ...]]`` last
    where more may follow (the ack's rest); ``None`` without an ack."""
    if event.ack is None:
        return "None"
    if event.ack_variadic and not event.ack_arguments:  # any number of any values
        return "tuple[Any, ...]"
    if event.ack_arguments:
        values = [
            f"models.{use.model}" + (" | None" if i > event.required_ack_arguments else "")
            for i, use in enumerate(event.ack_arguments, 1)
        ]
        if event.ack_rest is not None:
            values.append(f"Unpack[tuple[models.{event.ack_rest.model}, ...]]")
        return f"tuple[{', '.join(values)}]"
    return f"models.{event.ack.model}"


def ack_arguments_kw(event: Event) -> str:
    """``, ack_arguments=(models.A, ...)`` for an ack of several values (``, ack_rest=models.R``
    where more may follow), ``, ack_variadic=True`` for one of any number of any values, else
    nothing."""
    if not event.ack_arguments:
        return ", ack_variadic=True" if event.ack_variadic else ""
    kw = ", ack_arguments=(" + "".join(f"models.{u.model}, " for u in event.ack_arguments) + ")"
    return kw + (f", ack_rest=models.{event.ack_rest.model}" if event.ack_rest else "")


def unpacks(api: Api) -> bool:
    """Whether an ack type needs ``Unpack`` (typing_extensions, imported for type checking only:
    ``tuple[A, *tuple[R, ...]]`` is a SyntaxError on Python 3.10)."""
    return any(ev.ack_rest is not None for ns in api.namespaces for ev in ns_events(ns))


def ns_events(ns: Namespace) -> tuple[Event, ...]:
    return ns.client_events + ns.server_events


def anys(api: Api) -> bool:
    """Whether a method takes rest arguments of any type (``*rest: Any``), or an ack is any
    number of any values (``tuple[Any, ...]``)."""
    return any(
        (ev.variadic and ev.rest is None) or (ev.ack_variadic and not ev.ack_arguments)
        for ns in api.namespaces
        for ev in ns_events(ns)
    )


def event_doc(event: Event) -> str:
    parts = [event.summary, event.description]
    text = "\n\n".join(p.strip() for p in parts if p.strip())
    deprecated = "\n\nDeprecated." if event.deprecated else ""
    return (text or f"Event {event.name!r}.") + deprecated


def verify_params(scheme: SecurityScheme) -> str:
    if scheme.kind in ("basic", "user_password"):
        return "username: str, password: str"
    if scheme.kind == "api_key":
        return "key: str"
    return "token: str"


def scheme_doc(scheme: SecurityScheme) -> str:
    what = {
        "basic": "HTTP basic credentials from the Authorization header",
        "bearer": "A bearer token from the Authorization header"
        + (f" ({scheme.bearer_format})" if scheme.bearer_format else ""),
        "api_key": f"An API key from the {scheme.location} {scheme.key_name!r}",
        "user_password": "A username and password: the auth payload's ``username`` and\n"
        "``password``, else HTTP basic credentials from the Authorization header",
        "oauth": f"An {scheme.type} access token from the Authorization header (Bearer).\n"
        "The requirement's scopes must all be in the returned Principal's scopes",
    }.get(scheme.kind, scheme.type)
    text = f"Security scheme {scheme.name!r}: {what}."
    return text + ("\n\n" + scheme.description if scheme.description else "")


def room_type(ns: Namespace) -> str:
    """The type of a room name of ``ns``: its ``x-rooms`` type (``<Prefix>Room``), else str."""
    return f"{ns.class_prefix}Room" if ns.rooms else "str"


def room_types(api: Api) -> list[str]:
    """The room types ``server.py`` defines, for the modules that import them."""
    return [room_type(ns) for ns in api.namespaces if ns.rooms]


def named_hooks(ns: Namespace) -> list[str]:
    return [hook for hook in HOOKS if getattr(ns.hooks, hook)]


# -- x-handler / x-handlers: functions at dotted paths (Asynction's extensions) --------------
HOOK_CALLS = {
    "connect": "return self.functions.connect(auth)",
    "disconnect": "self.functions.disconnect(reason)",
    "error": "self.functions.error(error)",
}
ASYNC_HOOK_CALLS = {
    "connect": "return await self.functions.connect(sid, auth)",
    "disconnect": "await self.functions.disconnect(sid, reason)",
    "error": "await self.functions.error(sid, error)",
}
"""On the asgi runtime the sid comes from the handler's call (there is no request context)."""


def dotted(path: str) -> bool:
    """Whether ``path`` can name an importable function (``module.function``): a bare name,
    as SIO-AsyncAPI writes in ``x-handlers``, names nothing to import and keeps the stub."""
    parts = path.split(".")
    return len(parts) >= 2 and all(part.isidentifier() for part in parts)


def delegated_events(ns: Namespace) -> list[Event]:
    """The events the server receives whose ``x-handler`` names a function to call."""
    return [ev for ev in ns.client_events if dotted(ev.handler)]


def delegated_hooks(ns: Namespace) -> list[str]:
    return [hook for hook in named_hooks(ns) if dotted(getattr(ns.hooks, hook))]


def delegate_call(event: Event, is_async: bool = False) -> str:
    """The body of a handler that calls its event's ``x-handler``; on the asgi runtime
    (``is_async``) it passes the sid and awaits."""
    args = [*(["sid"] if is_async else []), pystr(event.name)]
    if event.ack:
        args.append(f"models.{event.ack.model}")
    if event.payload and spread(event):  # the arguments as a list, each passed on
        args.append("[" + data_expr(event)[1:-1].rstrip(", ") + "]")
    elif event.payload:
        args.append("data")
    if event.multiple_args:
        args.append("multiple_args=True")
    await_ = "await " if is_async else ""
    if event.ack_arguments or event.ack_variadic:  # several values: a tuple
        return f"return {await_}self.functions.values({', '.join(args)})"
    if event.ack:
        return f"return {await_}self.functions.ack({', '.join(args)})"
    return f"{await_}self.functions.event({', '.join(args)})"


def delegating(api: Api) -> bool:
    return any(delegated_events(ns) or delegated_hooks(ns) for ns in api.namespaces)


def _runtime_context(runtime: Runtime) -> dict[str, object]:
    """What the templates need to know of the runtime: the words that differ."""
    is_async = runtime == "asgi"

    def resolve(expr: str) -> str:
        """A hook call whose result may be awaitable (async hooks), as the runtime needs it."""
        return f"await resolved({expr})" if is_async else expr

    return {
        "runtime": runtime,
        "is_async": is_async,
        "async_": "async " if is_async else "",
        "await_": "await " if is_async else "",
        "resolve": resolve,
        "server_type": "AsyncServer" if is_async else "SocketIO",
        "server_attr": "sio" if is_async else "socketio",
        "runtime_title": "python-socketio AsyncServer (ASGI)" if is_async else "Flask-SocketIO",
        "runtime_imports": "python-socketio" if is_async else "flask, flask_socketio",
        "verify_returns": "Principal | None | Awaitable[Principal | None]"
        if is_async
        else "Principal | None",
    }


def _context(api: Api, header: str, package: str, runtime: Runtime) -> dict[str, object]:
    return {
        **_runtime_context(runtime),
        "api": api,
        "header": header,
        "package": package,
        "socketio_path": api.server.socketio_path if api.server else "/socket.io",
        "requirements": REQUIREMENTS[runtime],
        "logger_name": f"{package}.server",
        "handler_params": handler_params,
        "data_params": data_params,
        "data_expr": data_expr,
        "arguments_expr": arguments_expr,
        "arguments_kw": arguments_kw,
        "rest_kw": rest_kw,
        "spread": spread,
        "unpacks": unpacks(api),
        "anys": anys(api),
        "ack_type": ack_type,
        "ack_arguments_kw": ack_arguments_kw,
        "event_doc": event_doc,
        "named_hooks": named_hooks,
        "room_type": room_type,
        "room_types": room_types(api),
        "hook_params": HOOK_PARAMS,
        "hook_returns": HOOK_RETURNS,
        "verify_params": verify_params,
        "server_imports": [f"{ns.class_prefix}Namespace" for ns in api.namespaces]
        + (["Security"] if api.security_schemes else []),
        "handler_instances": [f"{ns.class_prefix}Handlers()" for ns in api.namespaces]
        + (["SecurityHooks()"] if api.security_schemes else []),
        "scheme_doc": scheme_doc,
        "delegating": delegating(api),
        "delegated_events": delegated_events,
        "delegated_hooks": delegated_hooks,
        "delegate_call": lambda event: delegate_call(event, runtime == "asgi"),
        "hook_calls": ASYNC_HOOK_CALLS if runtime == "asgi" else HOOK_CALLS,
    }


MODELS_PATH = "_generated/models.py"


def server_files(
    api: Api,
    header: str,
    package: str,
    spec_json: str,
    runtime: Runtime = "flask",
    docs: dict[str, str] | None = None,
) -> tuple[dict[str, str], dict[str, str]]:
    """(generated files but the models module, user-owned files), relative to the package
    folder; the models module goes to MODELS_PATH. ``docs``: the served docs' files by name
    (``render.docs.served_files``), beside ``_generated/docs.py``."""
    from sio_codegen.render.docs import page_csp

    ctx = _context(api, header, package, runtime)
    generated = {
        "_generated/__init__.py": render("server/init.py.j2", **ctx),
        "_generated/runtime.py": render("server/runtime.py.j2", **ctx),
        "_generated/server.py": render("server/server.py.j2", **ctx),
        "_generated/external.py": render("server/external.py.j2", **ctx),
        "_generated/queue.py": render("server/queue.py.j2", **ctx),
        "_generated/serving.py": render("server/serving.py.j2", **ctx),
        "_generated/docs.py": render("server/docs.py.j2", **ctx, page_csp=page_csp()),
        "_generated/mock.py": render("server/mock.py.j2", **ctx),
        "_generated/spec.json": spec_json,
        **{f"_generated/{name}": text for name, text in (docs or {}).items()},
        "_generated/schemas.json": schemas_json(api.schemas),
        "_generated/requirements.txt": "\n".join(REQUIREMENTS[runtime]) + "\n",
    }
    if runtime == "flask":  # gunicorn's threads; uvicorn needs no settings file
        generated["_generated/gunicorn_conf.py"] = render("server/gunicorn_conf.py.j2", **ctx)
    if delegating(api):
        generated["_generated/delegate.py"] = render("server/delegate.py.j2", **ctx)
    user_owned = {
        "__init__.py": render("server/package_init.py.j2", **ctx),
        "handlers.py": render("server/handlers.py.j2", **ctx),
        "app.py": render("server/app.py.j2", **ctx),
        "__main__.py": render("server/main.py.j2", **ctx),
        ("asgi.py" if runtime == "asgi" else "wsgi.py"): render("server/wsgi.py.j2", **ctx),
    }
    return generated, user_owned
