"""The loader: one version-neutral model from AsyncAPI 2.x and 3.x."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import dedent

from sio_codegen.diagnostics import SpecError
from sio_codegen.load.loader import LoadOptions, load_api
from sio_codegen.model.api import Api, Event

V2_CHAT = dedent(
    """
    asyncapi: 2.6.0
    info: {title: Chat, version: 1.0.0}
    servers:
      local: {url: "localhost:5000/custom-io", protocol: ws}
    channels:
      /:
        publish:
          message:
            oneOf:
              - $ref: "#/components/messages/SendMessage"
              - name: ping
        subscribe:
          message:
            name: new message
            payload: {type: object, properties: {text: {type: string}}, required: [text]}
      admin:
        x-handlers: {connect: app.admin_connect, error: app.on_error}
        bindings:
          ws:
            query: {type: object, properties: {token: {type: string}}, required: [token]}
        publish:
          message:
            name: kick
            payload: {type: string}
            x-ack: {args: {type: boolean}}
    components:
      messages:
        SendMessage:
          name: new message
          summary: Send a chat message
          payload: {$ref: "#/components/schemas/ChatText"}
          x-ack: {$ref: "#/components/schemas/Delivery"}
      schemas:
        ChatText: {type: string, maxLength: 500}
        Delivery: {type: object, properties: {id: {type: integer}}}
    """
)

V3_CHAT = dedent(
    """
    asyncapi: 3.1.0
    info: {title: Chat, version: 1.0.0}
    servers:
      local: {host: "localhost:5000", pathname: /ws, protocol: ws}
    channels:
      root:
        address: /
        messages:
          SendMessage: {$ref: "#/components/messages/SendMessage"}
          Delivered: {$ref: "#/components/messages/Delivered"}
          NewMessage:
            name: new message
            payload: {type: object, properties: {text: {type: string}}}
      noaddress:
        address: null
        messages:
          Hello: {name: hello}
    operations:
      sendMessage:
        action: receive
        channel: {$ref: "#/channels/root"}
        messages: [{$ref: "#/channels/root/messages/SendMessage"}]
        reply:
          messages: [{$ref: "#/channels/root/messages/Delivered"}]
      newMessage:
        action: send
        channel: {$ref: "#/channels/root"}
        messages: [{$ref: "#/channels/root/messages/NewMessage"}]
      hello:
        action: receive
        channel: {$ref: "#/channels/noaddress"}
    components:
      messages:
        SendMessage:
          name: new message
          payload: {type: string}
        Delivered:
          payload: {type: object, properties: {id: {type: integer}}}
    """
)


def load(path: Path, **options: bool) -> Api:
    return load_api(path, LoadOptions(**options)).api


def event(api: Api, ns: str, direction: str, name: str) -> Event:
    namespace = next(n for n in api.namespaces if n.name == ns)
    events = namespace.client_events if direction == "client" else namespace.server_events
    return next(e for e in events if e.name == name)


def test_v2_directions_names_and_acks(write_spec) -> None:
    api = load(write_spec(V2_CHAT))
    assert [n.name for n in api.namespaces] == ["/", "/admin"]
    sent = event(api, "/", "client", "new message")
    assert (sent.identifier, sent.payload.model, sent.ack.model) == (
        "new_message", "ChatText", "Delivery",
    )  # fmt: skip
    assert sent.summary == "Send a chat message"
    emitted = event(api, "/", "server", "new message")
    assert emitted.payload.model == "NewMessageEmitPayload"
    assert emitted.ack is None
    assert event(api, "/", "client", "ping").payload is None
    kick = event(api, "/admin", "client", "kick")
    assert (kick.payload.model, kick.ack.model) == ("AdminKickPayload", "AdminKickAck")
    assert api.schemas["AdminKickAck"] == {"type": "boolean"}  # Asynction's {args: schema}


def test_v2_namespace_hooks_bindings_and_server_path(write_spec) -> None:
    api = load(write_spec(V2_CHAT))
    admin = api.namespaces[1]
    assert (admin.identifier, admin.class_prefix) == ("admin", "Admin")
    assert admin.hooks.connect == "app.admin_connect" and admin.hooks.error == "app.on_error"
    assert admin.bindings.query.model == "AdminQuery"
    assert api.schemas["AdminQuery"]["required"] == ["token"]
    assert api.servers[0].socketio_path == "/custom-io"


def test_v3_actions_reply_and_null_address(write_spec) -> None:
    api = load(write_spec(V3_CHAT))
    assert [n.name for n in api.namespaces] == ["/", "/noaddress"]
    sent = event(api, "/", "client", "new message")
    assert (sent.payload.model, sent.ack.model) == ("SendMessagePayload", "DeliveredPayload")
    emitted = event(api, "/", "server", "new message")
    assert emitted.payload.model == "NewMessagePayload" and emitted.ack is None
    # An operation without messages covers all of its channel's messages.
    assert event(api, "/noaddress", "client", "hello").payload is None
    assert api.servers[0].socketio_path == "/ws"


def test_2x_and_3x_give_the_same_model_shape(write_spec, tmp_path: Path) -> None:
    v2 = load(write_spec(V2_CHAT, "v2/asyncapi.yaml"))
    v3 = load(write_spec(V3_CHAT, "v3/asyncapi.yaml"))
    for api in (v2, v3):
        root = api.namespaces[0]
        sent = event(api, "/", "client", "new message")
        assert (sent.identifier, sent.direction) == ("new_message", "client")
        assert sent.payload is not None and sent.ack is not None
        assert [e.name for e in root.server_events] == ["new message"]


def test_x_ack_bare_inline_schema_sio_asyncapi_style(write_spec) -> None:
    api = load(
        write_spec(
            dedent("""
        asyncapi: 2.5.0
        info: {title: T, version: "1"}
        channels:
          /:
            publish:
              message:
                name: make_move
                payload: {type: object, properties: {x: {type: integer}}}
                x-ack: {type: object, title: Ignored, properties: {error: {type: string}}}
    """)
        )
    )
    move = event(api, "/", "client", "make_move")
    assert move.ack.model == "MakeMoveAck"
    assert api.schemas["MakeMoveAck"]["properties"] == {"error": {"type": "string"}}


def test_message_traits_are_applied(write_spec) -> None:
    api = load(
        write_spec(
            dedent("""
        asyncapi: 2.6.0
        info: {title: T, version: "1"}
        channels:
          /:
            publish:
              message:
                $ref: "#/components/messages/Ping"
        components:
          messageTraits:
            Named: {name: ping, summary: from a trait}
          messages:
            Ping:
              payload: {type: integer}
              traits: [{$ref: "#/components/messageTraits/Named"}]
    """)
        )
    )
    ping = event(api, "/", "client", "ping")
    assert ping.summary == "from a trait" and ping.payload.model == "PingPayload"


@pytest.mark.parametrize(
    ("name", "identifier"),
    [
        ("new message", "new_message"),
        ("user-joined.v2", "user_joined_v2"),
        ("userSignUp", "user_sign_up"),
        ("1st", "event_1st"),
        ("class", "class_"),
        ("print", "print_"),
        ("message", "message"),
        ("json", "json"),
        ("café", "cafe"),
        ("日本", "u65e5_672c"),
    ],
)
def test_event_identifiers_are_valid_and_stable(write_spec, name: str, identifier: str) -> None:
    api = load(
        write_spec(
            dedent(f"""
        asyncapi: 2.6.0
        info: {{title: T, version: "1"}}
        channels:
          /:
            publish:
              message: {{name: "{name}", payload: {{type: string}}}}
    """)
        )
    )
    ev = event(api, "/", "client", name)
    assert ev.identifier == identifier and ev.identifier.isidentifier()


def test_identifiers_that_collide_after_sanitising_are_an_error(write_spec) -> None:
    path = write_spec(
        dedent("""
        asyncapi: 2.6.0
        info: {title: T, version: "1"}
        channels:
          /:
            publish:
              message:
                oneOf:
                  - {name: new message}
                  - {name: new-message}
    """)
    )
    with pytest.raises(SpecError, match="both become the Python name 'new_message'"):
        load(path)


def test_x_python_name_resolves_a_collision(write_spec) -> None:
    api = load(
        write_spec(
            dedent("""
        asyncapi: 2.6.0
        info: {title: T, version: "1"}
        channels:
          /:
            publish:
              message:
                oneOf:
                  - {name: new message}
                  - {name: new-message, x-python-name: new_message_dashed}
    """)
        )
    )
    assert event(api, "/", "client", "new-message").identifier == "new_message_dashed"


def test_same_event_name_in_both_directions_gets_distinct_models(write_spec) -> None:
    api = load(write_spec(V2_CHAT))
    sent = event(api, "/", "client", "new message")
    emitted = event(api, "/", "server", "new message")
    assert sent.payload.model != emitted.payload.model


def test_multiple_args_needs_a_tuple_payload(write_spec) -> None:
    good = write_spec(
        dedent("""
        asyncapi: 2.6.0
        info: {title: T, version: "1"}
        channels:
          /:
            publish:
              message:
                name: move
                x-multiple-args: true
                payload: {type: array, items: [{type: integer}, {type: integer}]}
    """),
        "good.yaml",
    )
    assert event(load(good), "/", "client", "move").multiple_args is True
    listed = write_spec(
        good.read_text().replace(
            "items: [{type: integer}, {type: integer}]", "items: {type: integer}"
        ),
        "listed.yaml",
    )  # a list: each item an argument, any number of them
    variadic = event(load(listed), "/", "client", "move")
    assert variadic.multiple_args and variadic.variadic and variadic.arguments == ()
    bad = write_spec(
        good.read_text().replace(
            "{type: array, items: [{type: integer}, {type: integer}]}", "{type: object}"
        ),
        "bad.yaml",
    )
    with pytest.raises(SpecError, match="x-multiple-args"):
        load(bad)


def test_a_tuple_payload_is_the_argument_list_unless_the_message_says_otherwise(
    write_spec,
) -> None:
    text = dedent("""
        asyncapi: 2.6.0
        info: {title: T, version: "1"}
        channels:
          /:
            publish:
              message:
                name: move
                payload:
                  type: array
                  prefixItems: [{type: integer}, {$ref: '#/components/schemas/Side'}]
                  minItems: 1
        components:
          schemas:
            Side: {type: string}
    """)
    move = event(load(write_spec(text, "auto.yaml")), "/", "client", "move")
    assert move.multiple_args is True and move.required_arguments == 1
    assert [use.model for use in move.arguments] == ["MovePayloadArg1", "Side"]
    line = next(line for line in text.splitlines() if line.strip() == "name: move")
    flag = line.replace("name: move", "x-multiple-args: false")
    kept = text.replace(line + "\n", f"{line}\n{flag}\n")
    move = event(load(write_spec(kept, "kept.yaml")), "/", "client", "move")
    assert move.multiple_args is False and move.arguments == ()


def test_model_names_do_not_depend_on_unrelated_events(write_spec) -> None:
    before = load(write_spec(V2_CHAT, "a/asyncapi.yaml"))
    grown = V2_CHAT.replace(
        "              - name: ping\n",
        "              - name: ping\n              - {name: added, payload: {type: string}}\n",
    )
    after = load(write_spec(grown, "b/asyncapi.yaml"))
    assert set(before.schemas) <= set(after.schemas)
    for name, schema in before.schemas.items():
        assert after.schemas[name] == schema


def test_circular_schemas_become_self_referencing_models(write_spec) -> None:
    api = load(
        write_spec(
            dedent("""
        asyncapi: 2.6.0
        info: {title: T, version: "1"}
        channels:
          /:
            publish:
              message: {name: tree, payload: {$ref: "#/components/schemas/Node"}}
        components:
          schemas:
            Node:
              type: object
              properties:
                children: {type: array, items: {$ref: "#/components/schemas/Node"}}
    """)
        )
    )
    assert api.schemas["Node"]["properties"]["children"]["items"] == {"$ref": "#/definitions/Node"}


def test_external_file_refs_in_nested_folders_and_chains(tmp_path: Path) -> None:
    (tmp_path / "schemas" / "deep").mkdir(parents=True)
    (tmp_path / "schemas" / "user.yaml").write_text(
        "type: object\nproperties:\n  address: {$ref: './deep/address.json'}\n"
    )
    (tmp_path / "schemas" / "deep" / "address.json").write_text(
        '{"type": "object", "properties": {"city": {"$ref": "../city.yaml#/City"}}}'
    )
    (tmp_path / "schemas" / "city.yaml").write_text("City: {type: string}\n")
    spec = tmp_path / "asyncapi.yaml"
    spec.write_text(
        dedent("""
        asyncapi: 3.0.0
        info: {title: T, version: "1"}
        channels:
          users:
            address: /users
            messages:
              signup: {name: signup, payload: {$ref: "./schemas/user.yaml"}}
        operations:
          signup: {action: receive, channel: {$ref: "#/channels/users"}}
    """)
    )
    api = load(spec)
    assert set(api.schemas) == {"User", "Address", "City"}
    assert api.schemas["Address"]["properties"]["city"] == {"$ref": "#/definitions/City"}


def test_unsupported_schema_format_is_untyped_with_a_warning(write_spec) -> None:
    loaded = load_api(
        write_spec(
            dedent("""
        asyncapi: 3.0.0
        info: {title: T, version: "1"}
        channels:
          c:
            address: /
            messages:
              m:
                name: avro
                payload:
                  schemaFormat: application/vnd.apache.avro;version=1.9.0
                  schema: {type: record, name: X, fields: []}
        operations:
          o: {action: receive, channel: {$ref: "#/channels/c"}}
    """)
        )
    )
    assert any("not JSON Schema" in d.message for d in loaded.report.warnings)
    assert loaded.api.schemas[event(loaded.api, "/", "client", "avro").payload.model] == {}


def test_v3_security_from_servers_operations_and_scopes(write_spec) -> None:
    api = load(
        write_spec(
            dedent("""
        asyncapi: 3.0.0
        info: {title: T, version: "1"}
        servers:
          prod:
            host: example.com
            protocol: wss
            security: [{$ref: "#/components/securitySchemes/token"}]
        channels:
          root: {address: /, messages: {ping: {name: ping}}}
          admin: {address: /admin, messages: {kick: {name: kick}}}
        operations:
          ping: {action: receive, channel: {$ref: "#/channels/root"}}
          kick:
            action: receive
            channel: {$ref: "#/channels/admin"}
            security:
              - {$ref: "#/components/securitySchemes/oauth"}
              - {$ref: "#/components/securitySchemes/key"}
        components:
          securitySchemes:
            token: {type: http, scheme: bearer}
            key: {type: httpApiKey, in: header, name: X-Key}
            oauth:
              type: oauth2
              flows:
                implicit:
                  authorizationUrl: https://example.com/auth
                  availableScopes: {admin: Administer}
              scopes: [admin]
    """)
        )
    )
    root, admin = api.namespaces
    assert [[(r.scheme, r.scopes) for r in alt] for alt in root.security] == [[("token", ())]]
    assert [[(r.scheme, r.scopes) for r in alt] for alt in admin.security] == [
        [("oauth", ("admin",))],
        [("key", ())],
    ]
    assert api.security_schemes["key"].kind == "api_key"
    assert api.security_schemes["key"].key_name == "X-Key"
    assert api.security_schemes["oauth"].kind == "oauth"


def test_v2_security_alternatives_and_x_security_override(write_spec) -> None:
    api = load(
        write_spec(
            dedent("""
        asyncapi: 2.6.0
        info: {title: T, version: "1"}
        servers:
          prod:
            url: example.com
            protocol: wss
            security: [{bearer: [], key: []}, {basic: []}]
        channels:
          /: {publish: {message: {name: ping}}}
          /open: {x-security: [], publish: {message: {name: ping}}}
        components:
          securitySchemes:
            bearer: {type: http, scheme: bearer}
            basic: {type: http, scheme: basic}
            key: {type: httpApiKey, in: query, name: k}
    """)
        )
    )
    root, open_ns = api.namespaces
    assert [[r.scheme for r in alt] for alt in root.security] == [["bearer", "key"], ["basic"]]
    assert open_ns.security == ()


def test_refs_into_a_sibling_folder_name_the_refs_root_to_pass_once_each(tmp_path: Path) -> None:
    """The official social-media layout: backend/asyncapi.yaml refers to ../common/*.yaml. Each
    external ref is one error suggesting the folder that holds both; local refs that lead into
    a refused one are not blamed as well."""
    (tmp_path / "common").mkdir()
    (tmp_path / "common" / "messages.yaml").write_text("hello: {name: hello, payload: {}}\n")
    spec = tmp_path / "backend" / "asyncapi.yaml"
    spec.parent.mkdir()
    spec.write_text(
        dedent(
            """
            asyncapi: 3.0.0
            info: {title: t, version: "1"}
            channels:
              greet:
                address: /
                messages:
                  hello: {$ref: "../common/messages.yaml#/hello"}
            operations:
              hello:
                action: receive
                channel: {$ref: "#/channels/greet"}
                messages: [{$ref: "#/channels/greet/messages/hello"}]
            """
        )
    )
    with pytest.raises(SpecError) as error:
        load(spec)
    (only,) = error.value.diagnostics
    assert only.location.pointer == "/channels/greet/messages/hello"
    assert only.message.endswith(f"pass --refs-root {tmp_path} to allow it")
    assert load_api(spec, LoadOptions(refs_root=tmp_path)).api.namespaces[0].client_events
