"""Every real-world Socket.IO document of the corpus (SOURCES.tsv notes starting SOCKETIO): its
generated server runs, and its typed client connects to every namespace with no arguments beyond
what the document really requires (the credentials of the security schemes it declares, the ws
bindings with required fields), then disconnects; sync and asyncio clients."""

from __future__ import annotations

import asyncio
import csv
from pathlib import Path
from typing import Any

import pytest
from clients import import_client
from conftest import SPECS_CORPUS
from helpers import dedent
from servers import run_server
from test_corpus_specs import OPTIONS, write_handler_modules

from sio_codegen.cli.commands import main as cli_main
from sio_codegen.load.loader import load_api
from sio_codegen.render.catalog import catalog
from sio_codegen.render.examples import example, schema_examples

# local_path -> why the document itself makes connecting impossible (none so far).
IMPOSSIBLE: dict[str, str] = {}

# What the test's credentials are, by the kind of scheme; the server's hooks accept any.
CREDENTIALS = {"http:bearer": "token", "http:basic": ("user", "secret"), "oauth2": "token",
               "openIdConnect": "token", "apiKey": "key", "httpApiKey": "key"}  # fmt: skip

ACCEPT_ALL = dedent(
    """

    # Appended by tests/test_corpus_connect.py: verify hooks that accept the test's credentials.
    from ._generated import server as _server
    from ._generated.runtime import Principal as _Principal
    from ._generated.runtime import SecurityHandlers as _SecurityHandlers

    _handlers_as_generated = all_handlers


    def _accept(self: object, *credentials: object) -> _Principal:
        return _Principal("corpus-test", frozenset(SCOPES))


    def all_handlers() -> list[NamespaceHandlers | SecurityHandlers]:  # type: ignore[no-redef]
        kept = [h for h in _handlers_as_generated() if not isinstance(h, _SecurityHandlers)]
        methods = {spec.method: _accept for spec in _server.Security.schemes.values()}
        return [*kept, type("AcceptAll", (_server.Security,), methods)()]
    """
)


def socketio_documents() -> list[str]:
    rows = csv.DictReader((SPECS_CORPUS / "SOURCES.tsv").open(), delimiter="\t")
    return [row["local_path"] for row in rows if row["notes"].startswith("SOCKETIO")]


def required_arguments(data: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """The client keywords the document requires, from its catalog: a value for each ws binding
    with required fields, a credential for each scheme of each namespace's first alternative;
    and the scopes those need."""
    arguments: dict[str, Any] = {}
    scopes: set[str] = set()
    for ns in data["namespaces"]:
        for binding in ns["bindings"].values():
            if binding and binding["schema"].get("required"):
                made = example(binding["schema"], schema_examples(binding["schema"]), 0)
                assert made is not None, binding
                arguments[binding["client_keyword"]] = made.value
        for requirement in ns["security"][:1][0] if ns["security"] else []:
            scheme = data["security_schemes"][requirement["scheme"]]
            kind = scheme["type"] + (f":{scheme['scheme']}" if scheme["type"] == "http" else "")
            arguments[scheme["client_keyword"]] = CREDENTIALS[kind]
            scopes.update(requirement["scopes"])
    return arguments, scopes


def test_the_corpus_has_the_socketio_documents() -> None:
    documents = socketio_documents()
    assert len(documents) >= 6 and "RobinTail+zod-sockets/example/example-documentation.yaml" in (
        documents
    )
    assert set(IMPOSSIBLE) <= set(documents)


@pytest.mark.parametrize("document", socketio_documents())
def test_the_typed_client_connects_with_only_what_the_spec_requires(
    document: str, tmp_path: Path
) -> None:
    if document in IMPOSSIBLE:
        pytest.xfail(IMPOSSIBLE[document])
    path = SPECS_CORPUS / document
    refs = ["--refs-root", str(SPECS_CORPUS), "-q"]
    for command in ("server", "client"):
        assert cli_main([command, str(path), "-o", str(tmp_path / f"c_{command}"), *refs]) == 0
    api = load_api(path, OPTIONS).api
    write_handler_modules(tmp_path, api)
    arguments, scopes = required_arguments(catalog(api))
    if api.security_schemes:
        handlers = tmp_path / "c_server" / "handlers.py"
        handlers.write_text(handlers.read_text() + ACCEPT_ALL.replace("SCOPES", repr(scopes)))
    pkg = import_client(tmp_path, "c_client")
    names = set(pkg.Client.namespace_names)
    with run_server(tmp_path, "c_server") as server:
        with pkg.Client(server.url, **arguments) as client:
            assert client.connected and set(client.sio.namespaces) == names
        assert not client.connected

        async def scenario() -> set[str]:
            async with pkg.AsyncClient(server.url, **arguments) as client:
                return set(client.sio.namespaces)

        assert asyncio.run(scenario()) == names
