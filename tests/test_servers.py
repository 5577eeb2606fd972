"""Server selection: the document's order, --server, {variables}; the server's path and the
client's default URL follow the choice (a real connection with no URL given)."""

from __future__ import annotations

from pathlib import Path

import pytest
from clients import import_client
from helpers import dedent, run_cli
from servers import free_port, run_server

from sio_codegen.cli.commands import main as cli_main
from sio_codegen.diagnostics import SpecError
from sio_codegen.load.loader import LoadOptions, load_api
from sio_codegen.model.api import Api
from sio_codegen.model.servers import origin

V2 = dedent(
    """
    asyncapi: 2.6.0
    info: {title: Servers, version: 1.0.0}
    servers:
      prod:
        url: "{host}:{port}/{ver}/socket.io"
        protocol: wss
        variables:
          host: {default: api.example.com}
          port: {default: "443", enum: ["443", "8443"]}
          ver: {default: v2}
        security: [{bearer: []}]
      alt: {url: "alt.example.com/alt-io", protocol: ws}
      dev:
        url: "127.0.0.1:{port}/dev-io"
        protocol: ws
        variables: {port: {}}
    channels:
      /:
        publish:
          message: {name: ping, payload: {type: string}, x-ack: {args: {type: string}}}
    components:
      securitySchemes:
        bearer: {type: http, scheme: bearer}
    """
)

V3 = dedent(
    """
    asyncapi: 3.0.0
    info: {title: Servers, version: 1.0.0}
    servers:
      zeta:
        host: "{host}:5000"
        pathname: /{ver}/socket.io
        protocol: ws
        variables: {host: {default: localhost}, ver: {default: v1, enum: [v1, v2]}}
      alpha: {host: alpha.example.com, protocol: wss}
      schemed: {host: "wss://schemed.example.com", protocol: wss}
    channels:
      root:
        address: /
        messages:
          ping: {name: ping, payload: {type: string}}
    operations:
      ping: {action: receive, channel: {$ref: "#/channels/root"}}
    """
)


def load(path: Path, **options: object) -> Api:
    return load_api(path, LoadOptions(**options)).api  # type: ignore[arg-type]


def test_servers_keep_the_document_order_and_the_first_is_chosen(write_spec) -> None:
    api = load(write_spec(V2))
    assert [s.name for s in api.servers] == ["prod", "alt", "dev"]  # not sorted: alt < dev < prod
    assert api.server is not None and api.server.name == "prod"
    assert api.server.socketio_path == "/v2/socket.io"  # variables filled with their defaults
    assert api.server.origin == "https://api.example.com:443"
    # The chosen server's security, not every server's.
    assert [[r.scheme for r in alt] for alt in api.namespaces[0].security] == [["bearer"]]


def test_server_option_and_variables(write_spec) -> None:
    path = write_spec(V2)
    alt = load(path, server="alt")
    assert alt.server is not None and alt.server.socketio_path == "/alt-io"
    assert alt.server.origin == "http://alt.example.com"
    assert alt.namespaces[0].security == ()  # alt declares no security
    prod = load(path, server_vars=(("ver", "v3"), ("port", "8443")))
    assert prod.server is not None and prod.server.socketio_path == "/v3/socket.io"
    assert prod.server.origin == "https://api.example.com:8443"
    dev = load(path, server="dev", server_vars=(("port", "7000"),))
    assert dev.server is not None and dev.server.origin == "http://127.0.0.1:7000"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"server": "nope"}, "--server 'nope': the document has no such server (its servers: "
                             "'prod', 'alt', 'dev')"),
        ({"server_vars": (("port", "80"),)}, "server variable 'port' is '80', not one of its "
                                             "enum ('443', '8443')"),
        ({"server": "dev"}, "server variable 'port' has no default; pass --server-var port=VALUE"),
    ],
)  # fmt: skip
def test_bad_choices_are_located_errors(
    write_spec, options: dict[str, object], message: str
) -> None:
    with pytest.raises(SpecError) as error:
        load(write_spec(V2), **options)
    assert [d.message for d in error.value.diagnostics] == [message]
    assert "/servers" in str(error.value.diagnostics[0].location.pointer)


def test_v3_host_and_pathname_variables(write_spec) -> None:
    api = load(write_spec(V3))
    assert [s.name for s in api.servers] == ["zeta", "alpha", "schemed"]
    assert api.servers[2].origin == "https://schemed.example.com"  # not "wss://wss://..."
    assert api.server is not None and api.server.socketio_path == "/v1/socket.io"
    assert api.server.origin == "http://localhost:5000"
    v2 = load(write_spec(V3), server_vars=(("ver", "v2"),))
    assert v2.server is not None and v2.server.socketio_path == "/v2/socket.io"
    alpha = load(write_spec(V3), server="alpha")
    assert alpha.server is not None
    assert (alpha.server.socketio_path, alpha.server.origin) == (
        "/socket.io",
        "https://alpha.example.com",
    )


@pytest.mark.parametrize(
    ("url", "protocol", "expected"),
    [
        ("localhost:5000/socket.io", "ws", "http://localhost:5000"),
        ("wss://host.example/x", "", "https://host.example"),
        ("https://[::1]:8080", "", "https://[::1]:8080"),
        ("broker:9092", "kafka", ""),
        ("host:notaport", "ws", ""),
        ("{host}/x", "ws", ""),
    ],
)
def test_origin(url: str, protocol: str, expected: str) -> None:
    assert origin(url, protocol) == expected


def test_cli_server_var_must_be_name_equals_value(write_spec, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        run_cli(["validate", str(write_spec(V2)), "--server-var", "novalue"], capsys)
    assert exit_.value.code == 2
    assert "expected NAME=VALUE, got 'novalue'" in capsys.readouterr().err


def test_a_changed_server_choice_regenerates(write_spec, tmp_path: Path, capsys) -> None:
    spec, out = write_spec(V2), tmp_path / "pkg"
    assert cli_main(["client", str(spec), "-o", str(out), "-q"]) == 0
    assert cli_main(["client", str(spec), "-o", str(out), "--check"]) == 0
    capsys.readouterr()
    choice = ["--server", "alt", "--server-var", "x=1"]
    assert cli_main(["client", str(spec), "-o", str(out), "--check", *choice]) == 1
    # The stale message names the command that regenerates, with the choice.
    captured = capsys.readouterr()
    assert "--server alt --server-var x=1" in captured.out + captured.err


def test_profile_keys(tmp_path: Path, write_spec) -> None:
    spec = write_spec(V2)
    (tmp_path / "pyproject.toml").write_text(
        "[tool.sio-codegen.profiles.c]\n"
        f'command = "client"\nspec = "{spec.as_posix()}"\n'
        f'output = "{(tmp_path / "c").as_posix()}"\n'
        'server = "dev"\nserver-vars = { port = "7001" }\n'
    )
    assert cli_main(["generate", "--config", str(tmp_path / "pyproject.toml"), "-q"]) == 0
    assert 'DEFAULT_URL = "http://127.0.0.1:7001"' in (tmp_path / "c" / "client.py").read_text()
    assert 'SOCKETIO_PATH = "/dev-io"' in (tmp_path / "c" / "client.py").read_text()


def test_client_connects_to_the_chosen_server_without_a_url(write_spec, tmp_path: Path) -> None:
    """Server and client generated for `dev` with its port: the client needs no URL and the
    server listens on the chosen path."""
    spec = write_spec(V2.replace("security: [{bearer: []}]", ""))
    port = free_port()
    choice = ["--server", "dev", "--server-var", f"port={port}", "-q"]
    assert cli_main(["server", str(spec), "-o", str(tmp_path / "srv"), *choice]) == 0
    assert cli_main(["client", str(spec), "-o", str(tmp_path / "cli"), *choice]) == 0
    handlers = tmp_path / "srv" / "handlers.py"
    handlers.write_text(
        handlers.read_text().replace(
            "        raise NotImplementedError",
            "        return models.PingAck('pong:' + data.root)",
            1,
        )
    )
    client_pkg = import_client(tmp_path, "cli")
    with run_server(tmp_path, "srv", port=port), client_pkg.Client(default_timeout=5) as client:
        assert client.url == f"http://127.0.0.1:{port}"
        assert client.ping(client_pkg.models.PingPayload("x")).root == "pong:x"


ENGINEIO = Path(__file__).parent / "specs" / "engineio_binding.yaml"


def test_engineio_parameters_and_upgrade_headers_are_not_the_applications() -> None:
    loaded = load_api(ENGINEIO, LoadOptions())
    root = loaded.api.namespaces[0]
    query = loaded.api.schemas[root.bindings.query.model]
    assert set(query["properties"]) == {"room"} and "required" not in query
    headers = loaded.api.schemas[root.bindings.headers.model]
    assert headers["properties"] == {}
    warnings = [(d.message, d.location.pointer) for d in loaded.report.warnings]
    assert (
        "EIO, sid, transport: Engine.IO's own parameters, set by the transport (and absent on "
        "polling); left out of the typed binding, never required",
        "/channels/Root/bindings/ws/query",
    ) in warnings
    assert any(m.startswith("Connection, upgrade: websocket upgrade headers") for m, _ in warnings)


def test_a_ws_binding_method_other_than_get_is_refused(write_spec) -> None:
    spec = write_spec(ENGINEIO.read_text().replace("method: GET", "method: POST"))
    with pytest.raises(SpecError) as error:
        load_api(spec, LoadOptions())
    (diagnostic,) = error.value.diagnostics
    assert diagnostic.message.startswith("bindings.ws.method 'POST' cannot hold")
    assert diagnostic.location.pointer == "/channels/Root/bindings/ws/method"


@pytest.mark.parametrize("transport", ["websocket", "polling"])
def test_clients_connect_to_a_server_whose_binding_names_engineio_parameters(
    tmp_path: Path, transport: str
) -> None:
    """The generated client needs no Engine.IO arguments and the server refuses nobody for
    lacking them, on either transport; the application's own parameter is still validated."""
    assert cli_main(["server", str(ENGINEIO), "-o", str(tmp_path / "zsrv"), "-q"]) == 0
    assert cli_main(["client", str(ENGINEIO), "-o", str(tmp_path / "zcli"), "-q"]) == 0
    handlers = tmp_path / "zsrv" / "handlers.py"
    handlers.write_text(
        handlers.read_text().replace(
            "        raise NotImplementedError", "        return models.PingAck(data.root + '!')", 1
        )
    )
    pkg = import_client(tmp_path, "zcli")
    with run_server(tmp_path, "zsrv") as server:
        with pkg.Client(server.url, transports=[transport], default_timeout=5) as client:
            assert client.ping(pkg.models.PingPayload("hi")).root == "hi!"
        room = pkg.models.RootQuery(room="r1")
        with pkg.Client(server.url, transports=[transport], root_query=room) as client:
            assert client.ping(pkg.models.PingPayload("again")).root == "again!"
        long_room = {"room": "x" * 21}  # maxLength 20: the server refuses it
        bad = pkg.Client(server.url, transports=[transport], query=long_room, wait_timeout=3)
        with pytest.raises(pkg.ConnectRefusedError, match="invalid handshake query"):
            bad.connect()
