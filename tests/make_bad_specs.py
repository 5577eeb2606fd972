"""Writes tests/bad_specs/<case>/ (inputs) from the table below. Run once when adding a case,
then ``python tests/bad_specs.py`` records each case's expected stderr; review, commit."""

from __future__ import annotations

import textwrap
from pathlib import Path

HERE = Path(__file__).parent / "bad_specs"

OK = textwrap.dedent(
    """\
    asyncapi: 2.6.0
    info: {title: T, version: "1"}
    channels:
      /:
        publish:
          message: {name: ping, payload: {type: string}}
    """
)
V3 = textwrap.dedent(
    """\
    asyncapi: 3.0.0
    info: {title: T, version: "1"}
    channels:
      root: {address: /, messages: {ping: {name: ping}}}
    operations:
      ping: {action: receive, channel: {$ref: "#/channels/root"}}
    """
)


def ok(old: str, new: str) -> str:
    assert old in OK, old
    return OK.replace(old, new)


def v3(old: str, new: str) -> str:
    assert old in V3, old
    return V3.replace(old, new)


PAYLOAD = "payload: {type: string}"
CASES: dict[str, dict[str, str | bytes]] = {
    "yaml-unclosed-flow": {"asyncapi.yaml": "asyncapi: 2.6.0\ninfo: {title: T\nchannels: {}\n"},
    "yaml-tab-indent": {"asyncapi.yaml": "asyncapi: 2.6.0\ninfo:\n\ttitle: T\n"},
    "yaml-bad-indent": {"asyncapi.yaml": "asyncapi: 2.6.0\ninfo:\n  title: T\n version: 1\n"},
    "yaml-unterminated-string": {"asyncapi.yaml": 'asyncapi: "2.6.0\ninfo: {}\n'},
    "json-trailing-comma": {"asyncapi.json": '{"asyncapi": "2.6.0", "info": {},}\n'},
    "json-bad-token": {"asyncapi.json": '{"asyncapi": 2.6.0}\n'},
    "empty-file": {"asyncapi.yaml": ""},
    "whitespace-only": {"asyncapi.yaml": "  \n\n   \n"},
    "binary-file": {"asyncapi.yaml": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"},
    "not-utf8": {"asyncapi.yaml": "asyncapi: 2.6.0\ninfo: {title: caf\xe9}\n".encode("latin-1")},
    "top-level-list": {"asyncapi.yaml": "- asyncapi\n- 2.6.0\n"},
    "top-level-scalar": {"asyncapi.yaml": "just some text\n"},
    "missing-version": {"asyncapi.yaml": OK.replace("asyncapi: 2.6.0\n", "")},
    "unknown-version": {"asyncapi.yaml": ok("asyncapi: 2.6.0", "asyncapi: 9.9.9")},
    "version-is-a-number": {"asyncapi.yaml": ok("asyncapi: 2.6.0", "asyncapi: 2.6")},
    "version-1x": {"asyncapi.yaml": ok("asyncapi: 2.6.0", "asyncapi: 1.2.0")},
    "missing-info": {"asyncapi.yaml": ok('info: {title: T, version: "1"}\n', "")},
    "title-not-a-string": {"asyncapi.yaml": ok("title: T", "title: [T]")},
    "unknown-root-field": {"asyncapi.yaml": ok("channels:", "chanels: {}\nchannels:")},
    "channels-a-list": {"asyncapi.yaml": "asyncapi: 2.6.0\ninfo: {title: T, version: '1'}\nchannels: [a]\n"},
    "payload-type-invalid": {"asyncapi.yaml": ok(PAYLOAD, "payload: {type: strin}")},
    "operation-unknown-field": {"asyncapi.yaml": ok("    publish:\n", "    publish:\n      bogus: 1\n")},
    "v3-bad-action": {"asyncapi.yaml": v3("action: receive", "action: jump")},
    "v3-operation-without-channel": {"asyncapi.yaml": v3('channel: {$ref: "#/channels/root"}', "summary: x")},
    "v3-dangling-channel": {"asyncapi.yaml": v3('"#/channels/root"', '"#/channels/nope"')},
    "dangling-local-ref": {"asyncapi.yaml": ok(PAYLOAD, "payload: {$ref: '#/components/schemas/Nope'}")},
    "dangling-file-ref": {"asyncapi.yaml": ok(PAYLOAD, "payload: {$ref: './nope.yaml'}")},
    "dangling-pointer-in-file": {
        "asyncapi.yaml": ok(PAYLOAD, "payload: {$ref: './schemas.yaml#/Missing'}"),
        "schemas.yaml": "Present: {type: string}\n",
    },
    "broken-referenced-file": {
        "asyncapi.yaml": ok(PAYLOAD, "payload: {$ref: './schemas.yaml#/Present'}"),
        "schemas.yaml": "Present: {type: string\n",
    },
    "ref-above-spec-folder": {"asyncapi.yaml": ok(PAYLOAD, "payload: {$ref: '../secret.yaml'}")},
    "absolute-file-ref": {"asyncapi.yaml": ok(PAYLOAD, "payload: {$ref: 'file:///etc/passwd'}")},
    "remote-http-ref": {"asyncapi.yaml": ok(PAYLOAD, "payload: {$ref: 'http://127.0.0.1:9/x.json'}")},
    "remote-https-ref": {"asyncapi.yaml": ok(PAYLOAD, "payload: {$ref: 'https://example.com/s.json'}")},
    "unsupported-ref-scheme": {"asyncapi.yaml": ok(PAYLOAD, "payload: {$ref: 'ftp://example.com/s.json'}")},
    "message-refers-to-itself": {
        "asyncapi.yaml": ok("message: {name: ping, payload: {type: string}}",
                            "message: {$ref: '#/components/messages/A'}")
        + "components:\n  messages:\n    A: {$ref: '#/components/messages/A'}\n",
    },
    "messages-refer-to-each-other": {
        "asyncapi.yaml": ok("message: {name: ping, payload: {type: string}}",
                            "message: {$ref: '#/components/messages/A'}")
        + "components:\n  messages:\n    A: {$ref: '#/components/messages/B'}\n"
        "    B: {$ref: '#/components/messages/A'}\n",
    },
    "event-names-collide": {
        "asyncapi.yaml": ok("message: {name: ping, payload: {type: string}}",
                            "message:\n        oneOf:\n          - {name: new message}\n"
                            "          - {name: new-message}"),
    },
    "namespace-names-collide": {
        "asyncapi.yaml": OK + "  /a-b:\n    publish:\n      message: {name: x}\n"
        "  /a_b:\n    publish:\n      message: {name: y}\n",
    },
    "multiple-args-without-tuple": {
        "asyncapi.yaml": ok("{name: ping, payload: {type: string}}",
                            "{name: ping, x-multiple-args: true, payload: {type: string}}"),
    },
    "x-handlers-not-a-mapping": {
        "asyncapi.yaml": ok("  /:\n", "  /:\n    x-handlers: [connect]\n"),
    },
    "invalid-regex-pattern": {
        "asyncapi.yaml": ok(PAYLOAD, "payload: {type: string, pattern: '([a-z]'}"),
    },
    "invalid-pattern-properties": {
        "asyncapi.yaml": ok(PAYLOAD, "payload: {type: object, patternProperties: {'*x': {}}}"),
    },
    "reference-cycle-too-large": {
        "asyncapi.yaml": ok(PAYLOAD, "payload: {$ref: '#/components/schemas/M0'}")
        + "components:\n  schemas:\n"
        + "".join(
            f"    M{i}: {{type: object, properties: {{next: {{$ref: '#/components/schemas/M{(i + 1) % 70}'}}}}}}\n"
            for i in range(70)
        ),
    },
    "unenforceable-security": {
        "asyncapi.yaml": ok("channels:", "servers:\n  s: {url: h, protocol: ws, security: [{u: []}]}\nchannels:")
        + "components:\n  securitySchemes:\n    u: {type: X509}\n",
    },
    "nested-too-deep": {"asyncapi.json": '{"asyncapi": "2.6.0", "x": ' + "[" * 300 + "]" * 300 + "}\n"},
    "yaml-alias-bomb": {
        "asyncapi.yaml": "asyncapi: 2.6.0\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]\n" for i in range(1, 9)),
    },
}  # fmt: skip


def main() -> None:
    for name, files in CASES.items():
        folder = HERE / name
        folder.mkdir(parents=True, exist_ok=True)
        for rel, content in files.items():
            path = folder / rel
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content)
    print(f"{len(CASES)} cases in {HERE}")


if __name__ == "__main__":
    main()
