"""Local $ref pointers with an unescaped '/' inside a key (as Fern writes Deepgram's document):
read literally where that is the only meaning, with a warning; anything else unchanged."""

from __future__ import annotations

import pytest
from helpers import dedent

from sio_codegen.diagnostics import SpecError
from sio_codegen.load.loader import LoadOptions, load_api

DOC = dedent(
    """
    asyncapi: 2.6.0
    info: {title: Fern-style keys, version: 1.0.0}
    channels:
      /:
        subscribe:
          message: {$ref: "#/components/messages/subpackage_speak/v2.speak.v2-server-Warning"}
        publish:
          message: {$ref: "#/components/messages/subpackage_speak~1v2.speak.v2-client-Speak"}
    components:
      messages:
        subpackage_speak/v2.speak.v2-server-Warning:
          name: warning
          payload: {$ref: "#/components/schemas/speak/v2/Warning"}
        subpackage_speak/v2.speak.v2-client-Speak:
          name: speak
          payload: {type: string}
      schemas:
        speak/v2/Warning:
          type: object
          properties: {code: {type: string}}
    """
)


def test_unescaped_slashes_are_read_literally_with_a_warning(write_spec) -> None:
    loaded = load_api(write_spec(DOC), LoadOptions())
    root = loaded.api.namespaces[0]
    (warning,) = root.server_events
    assert warning.name == "warning"
    assert loaded.api.schemas[warning.payload.model]["properties"] == {"code": {"type": "string"}}
    messages = sorted((d.message, d.location.line) for d in loaded.report.warnings)
    assert messages == [
        (
            "$ref '#/components/messages/subpackage_speak/v2.speak.v2-server-Warning' does not "
            "escape '/' inside a key (RFC 6901: '~1'); read as "
            "'#/components/messages/subpackage_speak~1v2.speak.v2-server-Warning': write that",
            6,
        ),
        (
            "$ref '#/components/schemas/speak/v2/Warning' does not escape '/' inside a key "
            "(RFC 6901: '~1'); read as '#/components/schemas/speak~1v2~1Warning': write that",
            13,
        ),
    ]
    # The escaped reference was already right: no warning for it.
    assert not any("client-Speak" in m for m, _ in messages)


def test_a_pointer_that_resolves_as_written_is_not_reinterpreted(write_spec) -> None:
    doc = DOC + "  x-both:\n    a: {b: {type: string}}\n    a/b: {type: integer}\n"
    doc = doc.replace("payload: {type: string}", 'payload: {$ref: "#/components/x-both/a/b"}')
    loaded = load_api(write_spec(doc), LoadOptions())
    speak = loaded.api.namespaces[0].client_events[0]
    assert loaded.api.schemas[speak.payload.model] == {"type": "string"}  # a -> b, as written


def test_no_literal_reading_is_still_an_error(write_spec) -> None:
    doc = DOC.replace("speak/v2/Warning:", "speak/v3/Warning:")
    with pytest.raises(SpecError) as error:
        load_api(write_spec(doc), LoadOptions())
    assert any("cannot resolve $ref" in d.message for d in error.value.diagnostics)


def test_many_slashes_stay_cheap(write_spec) -> None:
    """A hostile pointer of 2,000 segments over keys made of slashes: the search is bounded
    (memoised per node and position), not exponential."""
    keys = "\n".join(f"        {'/'.join(['a'] * n)}: {{type: string}}" for n in range(1, 40))
    doc = DOC + f"  x-slashes:\n    deep:\n{keys}\n"
    doc = doc.replace(
        "payload: {type: string}",
        "payload: {$ref: '#/components/x-slashes/deep/" + "/".join(["a"] * 2000) + "'}",
    )
    with pytest.raises(SpecError):
        load_api(write_spec(doc), LoadOptions())
