"""The docs a generated server serves (``GET /docs``, the spec twice, the catalog): the files
``sio-codegen docs`` writes, over HTTP from a real served package; off by default, a base
path from the argument, the ``--docs`` option or ``SIO_DOCS``; off registers no route."""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from docs_pages import golden_args, write_docs
from servers import RUNTIMES, run_server

from sio_codegen.cli.commands import main as cli_main


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (names in title case: the asgi runtime sends them lowercase) and body."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, _titled(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        return error.code, _titled(error.headers.items()), error.read()


def _titled(headers: Any) -> dict[str, str]:
    return {name.title(): value for name, value in headers}


@pytest.fixture(scope="module")
def chat(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The tictactoe server package, and the site ``sio-codegen docs`` writes for it."""
    root = tmp_path_factory.mktemp("served")
    args = golden_args("tictactoe")
    code = cli_main(["server", *args, "-o", str(root / "chat_srv"), "--quiet"])
    assert code == 0
    write_docs(args, root / "site")
    return root, root / "site"


@pytest.fixture(scope="module", params=RUNTIMES)
def served(
    request: pytest.FixtureRequest,
    chat: tuple[Path, Path],
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, Path]:
    """``chat`` for each runtime: the docs are served the same by both."""
    if request.param == "flask":
        return chat
    root = tmp_path_factory.mktemp("served_asgi")
    code = cli_main(["server", *golden_args("tictactoe"), "-o", str(root / "chat_srv"), "--quiet",
                     "--runtime", request.param])  # fmt: skip
    assert code == 0
    return root, chat[1]


def test_served_docs_are_the_docs_command_files(served: tuple[Path, Path]) -> None:
    root, site = served
    with run_server(root, "chat_srv", env={"SIO_DOCS": "1"}) as server:
        status, headers, body = get(server.url + "/docs")
        assert status == 200
        assert headers["Content-Type"] == "text/html; charset=utf-8"
        assert body == (site / "index.html").read_bytes()
        csp = headers["Content-Security-Policy"]
        assert csp.startswith("default-src 'none'; style-src 'sha256-")
        assert "frame-ancestors 'none'" in csp
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert get(server.url + "/docs/")[2] == body
        for name in ("asyncapi.json", "asyncapi.yaml", "catalog.json"):
            status, headers, data = get(f"{server.url}/docs/{name}")
            assert status == 200, name
            assert data == (site / name).read_bytes(), name
            assert headers["Content-Security-Policy"] == "default-src 'none'; sandbox"
        spec = json.loads(get(server.url + "/docs/asyncapi.json")[2])
        assert yaml.safe_load(get(server.url + "/docs/asyncapi.yaml")[2]) == spec
        assert "$ref" not in json.dumps(spec)  # references resolved
        catalog = json.loads(get(server.url + "/docs/catalog.json")[2])
        assert catalog["format"] == "sio-codegen-catalog"
        assert get(server.url + "/docs/other")[0] == 404
        assert get(server.url + "/docs/../spec.json")[0] == 404


def test_docs_are_off_unless_asked(served: tuple[Path, Path]) -> None:
    root, _ = served
    with run_server(root, "chat_srv") as server:
        assert get(server.url + "/docs")[0] == 404
        assert get(server.url + "/docs/asyncapi.json")[0] == 404


def test_docs_option_sets_the_base_path(served: tuple[Path, Path]) -> None:
    root, site = served
    with run_server(root, "chat_srv", args=["--docs", "/api/docs/"]) as server:
        status, _, body = get(server.url + "/api/docs")
        assert status == 200 and body == (site / "index.html").read_bytes()
        assert get(server.url + "/api/docs/catalog.json")[0] == 200
        assert get(server.url + "/docs")[0] == 404


@pytest.fixture
def package(chat: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    root, _ = chat
    monkeypatch.syspath_prepend(str(root))
    yield importlib.import_module("chat_srv.app")
    for name in [m for m in sys.modules if m == "chat_srv" or m.startswith("chat_srv.")]:
        del sys.modules[name]


def _docs_rules(app: Any) -> list[str]:
    return sorted(r.rule for r in app.url_map.iter_rules() if r.endpoint.startswith("sio_docs"))


def test_off_registers_no_route(package: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SIO_DOCS", raising=False)
    app, _ = package.create_app()
    assert _docs_rules(app) == []
    monkeypatch.setenv("SIO_DOCS", "1")
    app, _ = package.create_app(docs=False)  # the argument wins over the environment
    assert _docs_rules(app) == []


def test_base_path_from_argument_or_environment(
    package: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIO_DOCS", "/spec")
    app, _ = package.create_app()
    assert _docs_rules(app) == [
        "/spec", "/spec/", "/spec/asyncapi.json", "/spec/asyncapi.yaml", "/spec/catalog.json"
    ]  # fmt: skip
    app, _ = package.create_app(docs=True)
    assert "/docs/catalog.json" in _docs_rules(app)
    response = app.test_client().get("/docs/asyncapi.yaml")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/yaml; charset=utf-8"


@pytest.mark.parametrize("value", ["docs", "/a b", "/x/../y", "/%2e", "/" + "a" * 300])
def test_an_unusable_docs_path_is_refused(package: Any, value: str) -> None:
    with pytest.raises(ValueError, match="SIO_DOCS: expected a path"):
        package.create_app(docs=value)


def test_an_unusable_sio_docs_exits_2_with_one_line(chat: tuple[Path, Path]) -> None:
    root, _ = chat
    result = subprocess.run(
        [sys.executable, "-m", "chat_srv", "--port", "1"],
        cwd=root, env={"SIO_DOCS": "no/slash", "PATH": ""}, capture_output=True, text=True,
        timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "python -m chat_srv: SIO_DOCS: expected a path such as /docs, got 'no/slash'"
    ]
