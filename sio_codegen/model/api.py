"""The version-neutral model of a Socket.IO API. Loaders fill it; generators only read it.

Schemas are plain JSON Schema dicts in ``Api.schemas``, keyed by their model class name, and
linked to each other with ``{"$ref": "#/definitions/<Name>"}``. Events point at them by name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Direction = Literal["client", "server"]
"""Who emits the event: ``client`` (the server receives it) or ``server`` (the server emits it)."""


@dataclass(frozen=True)
class SchemaUse:
    """A schema used as a payload, an ack or a binding: the model class that validates it."""

    model: str
    pointer: str
    """Where in the spec it was defined (a JSON pointer into the root document or a file URI)."""


@dataclass(frozen=True)
class Event:
    name: str
    """The Socket.IO event name, exactly as sent on the wire."""
    identifier: str
    """A Python identifier, unique within its namespace and direction."""
    direction: Direction
    payload: SchemaUse | None
    ack: SchemaUse | None
    summary: str = ""
    description: str = ""
    deprecated: bool = False
    multiple_args: bool = False
    """The payload is a tuple-form array whose items are the event's positional arguments."""
    arguments: tuple[SchemaUse, ...] = ()
    """With ``multiple_args``: the schema of each positional argument, in order."""
    required_arguments: int = 0
    """With ``multiple_args``: how many leading arguments must be present (``minItems``)."""
    variadic: bool = False
    """With ``multiple_args``: more arguments may follow the fixed ones (rest arguments): the
    schema says so explicitly (``additionalItems`` beside ``items: [...]``, ``items`` beside
    ``prefixItems``), or the payload is an array with only ``additionalItems`` (zod-sockets)."""
    rest: SchemaUse | None = None
    """With ``variadic``: the model of each rest argument; None where they are any values (an
    ``additionalItems`` without ``items``, which JSON Schema ignores)."""
    ack_arguments: tuple[SchemaUse, ...] = ()
    """An ack of several values (a tuple-form array ack that is closed, or says explicitly what
    may follow its items: see ``ack_rest``): the schema of each, in order; empty for an ack of
    one value."""
    required_ack_arguments: int = 0
    """With ``ack_arguments``: how many leading values must be present (``minItems``)."""
    ack_rest: SchemaUse | None = None
    """With ``ack_variadic``: the model of each value past ``ack_arguments``, when the ack's
    schema allows more explicitly (zod-sockets' ``ping`` ack: ``pong``, then anything); None:
    any values (an ack with only ``additionalItems``, which JSON Schema ignores), or no more."""
    ack_variadic: bool = False
    """The ack is several values, and more may follow ``ack_arguments`` (``ack_rest``'s, or any
    values): a tuple-form ack with a rest, or an array with only ``additionalItems`` (any
    number of any values, none of them fixed: zod-sockets' form)."""
    examples: tuple[Any, ...] = ()
    handler: str = ""
    """The ``x-handler`` of the message (Asynction's dotted path), for information."""


@dataclass(frozen=True)
class Hooks:
    """``x-handlers`` of a namespace: the dotted paths named there, empty when not named."""

    connect: str = ""
    disconnect: str = ""
    error: str = ""


@dataclass(frozen=True)
class Bindings:
    """WebSockets channel bindings: schemas of the handshake's query and headers."""

    query: SchemaUse | None = None
    headers: SchemaUse | None = None


@dataclass(frozen=True)
class Rooms:
    """``x-rooms`` of a namespace: the rooms its clients may be put in. A list of names (or a
    schema with a string ``enum``) is a closed set, typed ``Literal[...]``; any other string
    schema (``pattern``, ``maxLength``...) types room names as a ``NewType`` of ``str``. Either
    way ``schema`` checks a room name at run time."""

    schema: SchemaUse
    """The JSON Schema of a room name (the list form as a string ``enum``)."""
    names: tuple[str, ...] = ()
    """The closed set of names, when the declaration has one."""


@dataclass(frozen=True)
class SecurityScheme:
    """A security scheme of ``components.securitySchemes`` (or inline in 3.x)."""

    name: str
    identifier: str
    """snake_case, e.g. ``bearer_auth``: names the verify hook and the client's keyword."""
    type: str
    http_scheme: str = ""
    """For ``type: http``: ``basic``, ``bearer``, ..."""
    bearer_format: str = ""
    location: str = ""
    """``in``: ``query``, ``header``, ``cookie`` (or ``user``/``password`` for brokers)."""
    param_name: str = ""
    """For ``httpApiKey``: the query parameter, header or cookie that carries the key."""
    description: str = ""
    pointer: str = field(default="", compare=False)
    """Where the spec defines it: ``/components/securitySchemes/<name>``, or a 3.x inline scheme's
    place in a security list (located errors only: two uses of one scheme compare equal)."""

    @property
    def kind(self) -> str:
        """How a Socket.IO server enforces it: ``basic``, ``bearer``, ``api_key``, ``oauth``,
        ``user_password``, or ``""`` when it cannot (X509, SASL, ``apiKey in: user``, ...)."""
        if self.type == "http":
            return (
                self.http_scheme.lower() if self.http_scheme.lower() in ("basic", "bearer") else ""
            )
        if self.type in ("httpApiKey", "apiKey"):
            return "api_key" if self.location in ("query", "header", "cookie") else ""
        if self.type in ("oauth2", "openIdConnect"):
            return "oauth"
        if self.type == "userPassword":
            return "user_password"
        return ""

    @property
    def key_name(self) -> str:
        """Where an API key travels: the parameter, header or cookie name."""
        return self.param_name or self.name


@dataclass(frozen=True)
class SecurityRequirement:
    scheme: str
    """The scheme's name, a key of ``Api.security_schemes``."""
    scopes: tuple[str, ...] = ()


Alternative = tuple[SecurityRequirement, ...]
"""Requirements that must all hold; a namespace lists alternatives, any one of which suffices."""


@dataclass(frozen=True)
class Namespace:
    name: str
    """The Socket.IO namespace, always starting with ``/``."""
    identifier: str
    """snake_case, e.g. ``root`` for ``/``, ``admin`` for ``/admin``."""
    class_prefix: str
    """PascalCase, e.g. ``Root``, ``Admin``."""
    description: str = ""
    client_events: tuple[Event, ...] = ()
    server_events: tuple[Event, ...] = ()
    hooks: Hooks = field(default_factory=Hooks)
    bindings: Bindings = field(default_factory=Bindings)
    security: tuple[Alternative, ...] = ()
    """Empty: no security. Otherwise one alternative must be satisfied to connect."""
    pointer: str = ""
    rooms: Rooms | None = None
    """``x-rooms``: the declared room names; None lets any string be a room."""
    address: tuple[str, ...] = ()
    """A namespace with channel parameters (``/rooms/{roomId}``) is dynamic: its name split into
    literal text and parameters, alternately, each parameter as its Python identifier
    (``("/rooms/", "room_id", "")``); empty for a namespace of one fixed name."""
    params: SchemaUse | None = None
    """The model of a dynamic namespace's parameters (an object, one field per parameter)."""

    @property
    def dynamic(self) -> bool:
        return bool(self.address)


@dataclass(frozen=True)
class Server:
    name: str
    url: str
    protocol: str
    socketio_path: str
    """The Engine.IO endpoint path, ``/socket.io`` unless the server's URL or pathname says."""
    origin: str = ""
    """The HTTP origin clients connect to (``http://host:port``); "" when the spec does not say."""


@dataclass(frozen=True)
class Api:
    asyncapi: str
    title: str
    version: str
    description: str
    servers: tuple[Server, ...]
    namespaces: tuple[Namespace, ...]
    schemas: dict[str, Any]
    """Model class name -> JSON Schema, sorted by name."""
    spec_sha256: str
    server: Server | None = None
    """The server the code is generated for: ``--server NAME``, else the first listed."""
    security_schemes: dict[str, SecurityScheme] = field(default_factory=dict)
    """The schemes some namespace requires, by name."""
