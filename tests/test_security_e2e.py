"""The connection contract: ws bindings and security schemes, enforced on real connections, on
both runtimes (on asgi, verify_basic stays a sync hook: both kinds are accepted)."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import socketio
from clients import generate_client, import_client
from helpers import dedent, run_cli
from servers import RUNTIMES, RunningServer, for_runtime, generate_server, run_server
from test_server_e2e import RECORDER

SPEC = Path(__file__).parent / "specs" / "security.yaml"
NAMESPACES = ["/", "/keys/query", "/keys/header", "/keys/cookie", "/oauth", "/oidc", "/both",
              "/staff", "/public"]  # fmt: skip

HANDLERS = dedent(
    """
    from __future__ import annotations

    from typing import Any

    from ._generated.runtime import NamespaceHandlers, Principal, SecurityHandlers
    from ._generated import server
    from .recorder import rec

    TOKENS = {"rw": {"read", "write"}, "r": {"read"}, "adm": {"admin"}}
    STAFF = {"carol": ("s3cret", {"staff"}), "dave": ("hunter2", set())}


    def handlers_for(base: type[NamespaceHandlers]) -> NamespaceHandlers:
        class Handlers(base):  # type: ignore[valid-type,misc]
            def handle_connect(self, sid: str, auth: Any) -> bool | None:
                rec("connect", self.namespace)
                return None

            def on_whoami(self, sid: str) -> Any:
                rec("whoami", self.namespace)
                principal = self.principal(sid)
                return principal.subject if principal else "anonymous"

        return Handlers()


    class SecurityHooks(server.Security):
        def verify_bearer(self, token: str) -> Principal | None:
            return Principal("bearer-user") if token == "good-token" else None

        def verify_basic(self, username: str, password: str) -> Principal | None:  # stays sync
            return Principal(username) if (username, password) == ("alice", "secret") else None

        def verify_query_key(self, key: str) -> Principal | None:
            return Principal("query-key") if key == "qk" else None

        def verify_header_key(self, key: str) -> Principal | None:
            return Principal("header-key") if key == "hk" else None

        def verify_cookie_key(self, key: str) -> Principal | None:
            return Principal("cookie-key") if key == "ck" else None

        def verify_oauth(self, token: str) -> Principal | None:
            scopes = TOKENS.get(token)
            return None if scopes is None else Principal("oauth-" + token, frozenset(scopes))

        def verify_oidc(self, token: str) -> Principal | None:
            scopes = TOKENS.get(token)
            return None if scopes is None else Principal("oidc-" + token, frozenset(scopes))

        def verify_user_pass(self, username: str, password: str) -> Principal | None:
            known, scopes = STAFF.get(username, (None, set()))
            return Principal("staff-" + username, frozenset(scopes)) if password == known else None


    def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:
        return [handlers_for(base) for base in server.HANDLER_BASES] + [SecurityHooks()]
    """
)


@pytest.fixture(scope="module", params=RUNTIMES)
def secured(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[tuple[RunningServer, ModuleType]]:
    root = tmp_path_factory.mktemp("secured")
    folder = generate_server(SPEC, root, "sec_server", request.param)
    (folder / "handlers.py").write_text(for_runtime(HANDLERS, request.param))
    (folder / "recorder.py").write_text(RECORDER)
    generate_client(SPEC, root, "sec_client")
    with run_server(root, "sec_server") as server:
        yield server, import_client(root, "sec_client")


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def attempt(server: RunningServer, namespace: str, query: str = "", **kw: Any) -> str:
    """Connect a raw python-socketio client to one namespace: the principal's name or the
    refusal message."""
    client = socketio.Client(reconnection=False)
    reasons: list[Any] = []
    client.on("connect_error", reasons.append, namespace=namespace)
    try:
        client.connect(server.url + query, namespaces=[namespace], transports=["websocket"], **kw)
    except socketio.exceptions.ConnectionError as exc:
        return f"refused: {exc} {reasons}"
    try:
        return str(client.call("whoami", namespace=namespace, timeout=5))
    finally:
        client.disconnect()


BEARER = {"Authorization": "Bearer good-token"}
CASES = [
    # namespace, query, headers, auth, expected principal (or refusal)
    ("/", "", BEARER, None, "bearer-user"),
    ("/", "", {"Authorization": basic("alice", "secret")}, None, "alice"),
    ("/", "", {}, {"Authorization": "Bearer good-token"}, "bearer-user"),  # browsers: auth
    ("/", "", {"Authorization": "Bearer bad"}, None, "refused"),
    ("/", "", {"Authorization": basic("alice", "nope")}, None, "refused"),
    ("/", "", {}, None, "refused"),
    ("/keys/query", "?api_key=qk", {}, None, "query-key"),
    ("/keys/query", "?api_key=bad", {}, None, "refused"),
    ("/keys/query", "", {"api_key": "qk"}, None, "refused"),  # wrong place
    ("/keys/header", "", {"X-API-Key": "hk"}, None, "header-key"),
    ("/keys/header", "?X-API-Key=hk", {}, None, "refused"),
    ("/keys/cookie", "", {"Cookie": "session=ck"}, None, "cookie-key"),
    ("/keys/cookie", "", {"Cookie": "session=nope"}, None, "refused"),
    ("/oauth", "", {"Authorization": "Bearer rw"}, None, "oauth-rw"),
    ("/oauth", "", {"Authorization": "Bearer r"}, None, "refused"),  # missing scope write
    ("/oidc", "", {"Authorization": "Bearer adm"}, None, "oidc-adm"),
    ("/oidc", "", {"Authorization": "Bearer rw"}, None, "refused"),
    ("/both", "", {**BEARER, "X-API-Key": "hk"}, None, "bearer-user"),
    ("/both", "", BEARER, None, "refused"),  # both schemes are required
    # userPassword: the auth payload's username and password, else HTTP basic (header or auth)
    ("/staff", "", {}, {"username": "carol", "password": "s3cret"}, "staff-carol"),
    ("/staff", "", {"Authorization": basic("carol", "s3cret")}, None, "staff-carol"),
    ("/staff", "", {}, {"Authorization": basic("carol", "s3cret")}, "staff-carol"),
    ("/staff", "", {}, {"username": "carol", "password": "nope"}, "refused"),
    ("/staff", "", {}, {"username": "carol"}, "refused"),  # no password
    ("/staff", "", {}, {"username": "carol", "password": 5}, "refused"),  # not text
    ("/staff", "", {}, {"user": "carol", "pass": "s3cret"}, "refused"),  # undocumented keys
    ("/staff", "", {}, {"username": "dave", "password": "hunter2"}, "refused"),  # no scope staff
    ("/staff", "", {"Authorization": basic("dave", "hunter2")}, None, "refused"),
    ("/staff", "", BEARER, None, "refused"),
    ("/staff", "", {}, None, "refused"),
    ("/public", "?room=blue", {"X-Client-Version": "1.2"}, None, "anonymous"),
    ("/public", "?room=b", {"X-Client-Version": "1.2"}, None, "refused"),  # minLength
    ("/public", "?room=blue", {"X-Client-Version": "one"}, None, "refused"),  # pattern
    ("/public", "", {"X-Client-Version": "1.2"}, None, "refused"),  # required query field
]


@pytest.mark.parametrize(("namespace", "query", "headers", "auth", "expected"), CASES)
def test_accepted_refused_matrix(
    secured: tuple[RunningServer, ModuleType],
    namespace: str, query: str, headers: dict[str, str], auth: Any, expected: str,
) -> None:  # fmt: skip
    server, _ = secured
    before = server.calls()
    outcome = attempt(server, namespace, query, headers=headers, auth=auth)
    if expected == "refused":
        assert outcome.startswith("refused"), outcome
        new = server.calls()[len(before) :]
        # Neither the connect hook nor any event handler ran for the refused client.
        assert not [c for c in new if c[1] == namespace], new
    else:
        assert outcome == expected


def test_refusal_reasons_reach_the_client(secured: tuple[RunningServer, ModuleType]) -> None:
    server, _ = secured
    assert "missing scopes: write" in attempt(server, "/oauth", headers={
        "Authorization": "Bearer r"})  # fmt: skip
    assert "invalid handshake query" in attempt(server, "/public", headers={
        "X-Client-Version": "1.2"})  # fmt: skip


def test_generated_client_sends_each_credential_the_right_way(
    secured: tuple[RunningServer, ModuleType],
) -> None:
    server, pkg = secured
    client = pkg.Client(
        server.url,
        public_query=pkg.models.PublicQuery(room="blue"),
        public_headers=pkg.models.PublicHeaders(**{"X-Client-Version": "2.0"}),
        bearer="good-token",
        query_key="qk",
        header_key="hk",
        cookie_key="ck",
        namespaces=["/", "/keys/query", "/keys/header", "/keys/cookie", "/both", "/public"],
    )
    with client:
        assert client.root.whoami() == pkg.models.WhoAmIAck("bearer-user")
        assert client.keys_query.whoami().root == "query-key"
        assert client.keys_header.whoami().root == "header-key"
        assert client.keys_cookie.whoami().root == "cookie-key"
        assert client.both.whoami().root == "bearer-user"
        assert client.public.whoami().root == "anonymous"


def test_generated_client_basic_and_oauth(secured: tuple[RunningServer, ModuleType]) -> None:
    server, pkg = secured
    public = {"public_query": {"room": "blue"}, "public_headers": {"X-Client-Version": "1.0"}}
    with pkg.Client(server.url, basic=("alice", "secret"), namespaces=["/"], **public) as c:
        assert c.root.whoami().root == "alice"
    with pkg.Client(server.url, oauth="rw", namespaces=["/oauth"], **public) as c:
        assert c.oauth.whoami().root == "oauth-rw"
    with pytest.raises(socketio.exceptions.ConnectionError):  # /oauth needs read and write
        pkg.Client(server.url, oauth="r", namespaces=["/oauth"], **public).connect()


def test_user_password_refusals_say_why(secured: tuple[RunningServer, ModuleType]) -> None:
    server, _ = secured
    assert "userPass: invalid credentials" in attempt(
        server, "/staff", auth={"username": "carol", "password": "nope"}
    )
    assert "userPass: missing scopes: staff" in attempt(
        server, "/staff", headers={"Authorization": basic("dave", "hunter2")}
    )
    assert "userPass: missing credentials" in attempt(server, "/staff", auth={"username": "x"})


def test_generated_client_user_password(secured: tuple[RunningServer, ModuleType]) -> None:
    """The typed credential goes in the auth payload: it leaves the Authorization header to a
    bearer token (both at once here) and keeps the auth payload's other keys."""
    server, pkg = secured
    public = {"public_query": {"room": "blue"}, "public_headers": {"X-Client-Version": "1.0"}}
    both = pkg.Client(server.url, user_pass=("carol", "s3cret"), bearer="good-token",
                      auth={"extra": 1}, namespaces=["/", "/staff"], **public)  # fmt: skip
    assert both.auth == {"username": "carol", "password": "s3cret", "extra": 1}
    async_client = pkg.AsyncClient(server.url, user_pass=("carol", "s3cret"), **public)
    assert async_client.auth == {"username": "carol", "password": "s3cret"}
    with both as c:
        assert c.staff.whoami().root == "staff-carol"
        assert c.root.whoami().root == "bearer-user"
    refused = pkg.Client(server.url, user_pass=("dave", "hunter2"), namespaces=["/staff"], **public)
    with pytest.raises(socketio.exceptions.ConnectionError):  # /staff needs the scope staff
        refused.connect()
    with pytest.raises(ValueError, match="auth must be a mapping"):
        pkg.Client(server.url, user_pass=("carol", "s3cret"), auth="token", **public)


def test_generated_client_validates_bindings_before_connecting(
    secured: tuple[RunningServer, ModuleType],
) -> None:
    server, pkg = secured
    with pytest.raises(pkg.ClientError) as raised:
        pkg.Client(server.url, public_query={"room": "x"}, public_headers={"X-Client-Version": "1"})
    assert raised.value.errors[0]["loc"] == ["room"]


@pytest.mark.parametrize("runtime", RUNTIMES)
def test_unimplemented_verify_hooks_refuse_everyone_and_start_up_says_so(
    tmp_path: Path, runtime: str
) -> None:
    folder = generate_server(SPEC, tmp_path, "stub_sec", runtime)
    (folder / "recorder.py").write_text(RECORDER)
    with run_server(tmp_path, "stub_sec") as server:
        refusal = attempt(server, "/", headers=BEARER)
        opened = attempt(server, "/public?room=blue", headers={"X-Client-Version": "1.2"})
        output = server.output()
    assert refusal.startswith("refused") and "not implemented on the server" in refusal
    assert opened.startswith("refused")  # "/public?room=blue" is no namespace of the spec
    assert "security: not implemented" in output and "verify_bearer" in output


UNENFORCEABLE = dedent(
    """
    asyncapi: 2.6.0
    info: {title: Broker, version: "1"}
    servers:
      broker:
        url: broker.example.com
        protocol: ws
        security: [{creds: []}]
    channels:
      /:
        publish:
          message: {name: ping}
    components:
      securitySchemes:
        creds: {type: SCHEME}
    """
)


def test_user_password_generates_a_verify_hook_and_a_typed_credential(
    write_spec, tmp_path, capsys
) -> None:
    """userPassword was refused at generation as unenforceable."""
    spec = write_spec(UNENFORCEABLE.replace("{type: SCHEME}", "{type: userPassword}"))
    code, _, err = run_cli(["server", str(spec), "-o", str(tmp_path / "srv")], capsys)
    assert code == 0, err
    server = (tmp_path / "srv/_generated/server.py").read_text()
    assert "def verify_creds(self, username: str, password: str) -> Principal | None:" in server
    assert 'Requirement("creds", ())' in server
    code, _, err = run_cli(["client", str(spec), "-o", str(tmp_path / "cli")], capsys)
    assert code == 0, err
    assert "creds: tuple[str, str] | None = None," in (tmp_path / "cli/client.py").read_text()


WHY = {
    "X509": "an X509 client certificate is checked where TLS ends, before any Socket.IO packet",
    "plain": "SASL is a broker's (Kafka, AMQP) login exchange, not part of a Socket.IO handshake",
}


@pytest.mark.parametrize("scheme", ["X509", "plain", "scramSha256", "scramSha512", "gssapi"])
def test_a_scheme_that_cannot_be_enforced_is_a_generation_error(
    scheme: str, write_spec, tmp_path, capsys
) -> None:
    spec = write_spec(UNENFORCEABLE.replace("SCHEME", scheme))
    code, _, err = run_cli(["server", str(spec), "-o", str(tmp_path / "srv")], capsys)
    assert code == 2 and not (tmp_path / "srv").exists()
    why = WHY["X509" if scheme == "X509" else "plain"]
    assert err == (
        f"{spec}:14:5: error: namespace '/' requires security scheme 'creds' ({scheme}), which a "
        f"Socket.IO server cannot enforce: {why}"
        + (" (require it at your TLS terminator)" if scheme == "X509" else "")
        + " (supported: http basic/bearer, httpApiKey/apiKey in query, header or cookie, "
        "oauth2, openIdConnect, userPassword); pass --allow-unenforced-security to generate "
        "anyway (at /components/securitySchemes/creds)\n"
    ), err
    code, _, err = run_cli(["client", str(spec), "-o", str(tmp_path / "cli")], capsys)
    assert code == 2 and "requires security scheme 'creds'" in err
    code, _, err = run_cli(
        ["server", str(spec), "-o", str(tmp_path / "srv"), "--allow-unenforced-security"], capsys
    )
    assert code == 0 and "warning:" in err and "not enforced" in err
    assert "security: ClassVar" not in (tmp_path / "srv/_generated/server.py").read_text()


def test_an_inline_3x_scheme_is_located_where_it_is_written(write_spec, tmp_path, capsys) -> None:
    """A 3.x scheme written in a security list (not in components) was located at 1:1, by a
    pointer into components.securitySchemes that does not exist."""
    spec = write_spec(
        dedent(
            """
            asyncapi: 3.0.0
            info: {title: T, version: "1"}
            servers:
              s:
                host: localhost
                protocol: ws
                security:
                  - type: http
                    scheme: bearer
                  - type: scramSha512
            channels:
              root: {address: /, messages: {ping: {name: ping}}}
            operations:
              ping: {action: receive, channel: {$ref: "#/channels/root"}}
            """
        )
    )
    code, _, err = run_cli(["server", str(spec), "-o", str(tmp_path / "srv")], capsys)
    assert code == 2 and not (tmp_path / "srv").exists()
    assert err.startswith(f"{spec}:10:9: error: namespace '/' requires security scheme "), err
    assert err.endswith("(at /servers/s/security/1)\n"), err
