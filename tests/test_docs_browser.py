"""The docs page in a real headless Chromium (Debian's ``chromium``, driven by Playwright with
``executable_path``: no browser is ever downloaded). Each site is served over http from
127.0.0.1 by the test itself; the page must render every event of the spec, make no request
that fails and none to any other host, break no Content-Security-Policy rule, run no script, and
leave a screenshot in ``tests/artifacts/`` (git-ignored; the path is printed).

In CI (CI=true) a missing Chromium or Playwright is a failure, never a skip: CI installs the
``chromium`` apt package (and the ``test`` extra, which has ``playwright``)."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from docs_pages import GOLDEN_SPECS, HOSTILE, ROOT, golden_args, write_docs

CHROMIUM = os.environ.get("SIO_CODEGEN_CHROMIUM", "/usr/bin/chromium")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ARTIFACTS = ROOT / "tests" / "artifacts"


def _require_browser() -> Any:
    problem = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        problem = "playwright is not installed (the test extra has it)"
    if problem is None and not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        problem = f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    if problem is not None:
        if os.environ.get("CI"):
            raise RuntimeError(f"{problem}: CI must run the browser tests")
        pytest.skip(problem)
    return sync_playwright


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One Chromium for the module, with a fresh profile."""
    sync_playwright = _require_browser()
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": 1280, "height": 900},
        )  # fmt: skip
        try:
            yield context
        finally:
            context.close()


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def serve() -> Iterator[Any]:
    """Serve a folder over http on 127.0.0.1 (a free port); stopped after the test."""
    servers: list[ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(_Quiet, directory=str(folder))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def visit(browser: Any, url: str, screenshot: Path) -> tuple[Any, dict[str, list[str]]]:
    """Load ``url``; every request, failure, console message and dialog it caused."""
    seen: dict[str, list[str]] = {"requests": [], "failed": [], "console": [], "dialogs": []}
    page = browser.new_page()
    page.on("request", lambda r: seen["requests"].append(r.url))
    page.on("requestfailed", lambda r: seen["failed"].append(f"{r.url}: {r.failure}"))
    page.on("response", lambda r: r.status >= 400 and seen["failed"].append(f"{r.url}: {r.status}"))
    page.on("console", lambda m: seen["console"].append(f"{m.type}: {m.text}"))
    page.on("dialog", lambda d: (seen["dialogs"].append(d.message), d.dismiss()))
    response = page.goto(url, wait_until="networkidle")
    assert response is not None and response.status == 200
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(screenshot), full_page=True)
    print(f"screenshot: {screenshot}")
    return page, seen


def assert_offline_and_clean(seen: dict[str, list[str]], origin: str) -> None:
    assert not seen["failed"], seen["failed"]
    foreign = [u for u in seen["requests"] if urlsplit(u)._replace(path="", query="",
               fragment="").geturl() != origin]  # fmt: skip
    assert not foreign, f"requests to other hosts: {foreign}"
    assert seen["requests"] == [origin + "/index.html"], seen["requests"]
    assert not seen["console"], seen["console"]  # a CSP violation would be logged here
    assert not seen["dialogs"], seen["dialogs"]


@pytest.mark.parametrize("case", sorted(GOLDEN_SPECS))
def test_golden_spec_pages_render_every_event_offline(
    case: str, browser: Any, serve: Any, tmp_path: Path
) -> None:
    catalog = write_docs(golden_args(case), tmp_path / "site")
    origin = serve(tmp_path / "site")
    page, seen = visit(browser, origin + "/index.html", ARTIFACTS / f"docs-{case}.png")
    assert_offline_and_clean(seen, origin)
    assert page.title().startswith(catalog["info"]["title"])
    assert page.locator("h1").inner_text() == catalog["info"]["title"]
    events = [(ns, e) for ns in catalog["namespaces"] for e in ns["events"]]
    assert events
    for ns, event in events:
        article = page.locator(f"article#{ns['client_attribute']}-{event['client_method']}")
        assert article.is_visible(), event["name"]
        assert article.locator("h4 code").inner_text() == event["name"]
    # The layout really applied: the stylesheet passed the page's Content-Security-Policy.
    assert page.locator("nav").evaluate("e => getComputedStyle(e).position") == "sticky"
    page.close()


def test_hostile_spec_text_is_shown_as_text_and_nothing_runs(
    browser: Any, serve: Any, tmp_path: Path
) -> None:
    catalog = write_docs([str(HOSTILE)], tmp_path / "site")
    origin = serve(tmp_path / "site")
    page, seen = visit(browser, origin + "/index.html", ARTIFACTS / "docs-hostile.png")
    assert_offline_and_clean(seen, origin)
    assert page.locator("script, img, iframe, svg, a[href^='javascript']").count() == 0
    assert page.locator("h1").inner_text() == catalog["info"]["title"]
    for ns in catalog["namespaces"]:
        for event in ns["events"]:
            article = page.locator(f"article#{ns['client_attribute']}-{event['client_method']}")
            assert article.locator("h4 code").inner_text() == event["name"]
    body = page.locator("main").inner_text()
    assert "</style></head><body><script>alert(3)</script>" in body
    assert "{{ 7 * 7 }}" in body
    page.close()


def test_the_page_a_generated_server_serves_renders_offline(browser: Any, tmp_path: Path) -> None:
    """The same page, served by the generated server itself (``SIO_DOCS=1``), under its
    Content-Security-Policy header."""
    from servers import run_server

    from sio_codegen.cli.commands import main as cli_main

    args = golden_args("tictactoe")
    assert cli_main(["server", *args, "-o", str(tmp_path / "ttt_docs"), "--quiet"]) == 0
    catalog = write_docs(args, tmp_path / "site")
    with run_server(tmp_path, "ttt_docs", env={"SIO_DOCS": "1"}) as server:
        page, seen = visit(browser, server.url + "/docs", ARTIFACTS / "docs-served.png")
        assert not seen["failed"], seen["failed"]
        assert seen["requests"] == [server.url + "/docs"]
        assert not seen["console"], seen["console"]
        for ns in catalog["namespaces"]:
            for event in ns["events"]:
                article = page.locator(f"article#{ns['client_attribute']}-{event['client_method']}")
                assert article.is_visible(), event["name"]
        assert page.locator("nav").evaluate("e => getComputedStyle(e).position") == "sticky"
        page.close()
