"""``sio-codegen docs``: the static site's files, deterministic bytes, ``--check``, and the page
as an HTML parser reads it: spec text only ever as text (hostile titles, descriptions, event
and namespace names), no script, no reference to anything but its own files.
tests/test_docs_browser.py loads the same pages in Chromium."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from docs_pages import GOLDEN_SPECS, HOSTILE, ROOT, golden_args, parse, write_docs
from helpers import run_cli

from sio_codegen.load.loader import load_api
from sio_codegen.model.schemas import resolved_json
from sio_codegen.render.docs import FILES
from sio_codegen.write.manifest import MANIFEST_NAME

WRITTEN = sorted([*FILES, MANIFEST_NAME])

ALLOWED_TAGS = {
    "html", "head", "meta", "link", "title", "style", "body", "div", "nav", "ul", "li", "a", "main",
    "h1", "h2", "h3", "h4", "p", "table", "tr", "th", "td", "code", "span", "section", "article",
    "details", "summary", "pre", "small", "em", "br",
}  # fmt: skip


def assert_safe_page(html: str) -> Any:
    page = parse(html)
    tags = {tag for tag, _ in page.tags}
    assert tags <= ALLOWED_TAGS, tags - ALLOWED_TAGS
    for tag, attrs in page.tags:
        assert not any(name.startswith("on") for name in attrs), (tag, attrs)
        for name in ("href", "src"):
            value = attrs.get(name)
            if value is not None:
                assert re.fullmatch(r"#[\w-]*|data:,|(asyncapi|catalog)\.(json|yaml)", value), value
    style = "".join(page.style)
    assert style == (ROOT / "templates/docs/style.css").read_text()
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    (csp,) = [
        a["content"] for t, a in page.tags if a.get("http-equiv") == "Content-Security-Policy"
    ]
    assert csp is not None and f"style-src 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp
    return page


@pytest.mark.parametrize("case", sorted(GOLDEN_SPECS))
def test_golden_sites(case: str, tmp_path: Path) -> None:
    out = tmp_path / "site"
    catalog = write_docs(golden_args(case), out)
    assert sorted(p.name for p in out.iterdir()) == WRITTEN
    args = golden_args(case)
    refs_root = Path(args[2]) if len(args) > 1 else None
    from sio_codegen.options import LoadOptions

    loaded = load_api(Path(args[0]), LoadOptions(refs_root=refs_root))
    document = resolved_json(loaded.spec.data)
    assert json.loads((out / "asyncapi.json").read_text()) == document
    assert yaml.safe_load((out / "asyncapi.yaml").read_text()) == document
    page = assert_safe_page((out / "index.html").read_text())
    text = "".join(page.text)
    for ns in catalog["namespaces"]:
        assert ns["name"] in text
        for event in ns["events"]:
            assert event["name"] in text and event["client_method"] in text


def test_declared_rooms_and_namespace_parameters_are_shown(tmp_path: Path) -> None:
    write_docs(golden_args("rooms"), tmp_path / "rooms")
    text = "".join(assert_safe_page((tmp_path / "rooms" / "index.html").read_text()).text)
    assert text.count("Rooms (x-rooms)") == 2
    assert "lobby, support" in text  # the closed set, each name as code
    assert 'Any name that matches: string · pattern: "^game-[0-9]{1,6}$"' in text
    write_docs(golden_args("channel_params"), tmp_path / "params")
    text = "".join(assert_safe_page((tmp_path / "params" / "index.html").read_text()).text)
    assert "Rooms (x-rooms): each instance of the namespace has its own" in text
    assert "The room's number." in text  # the 2.x parameter's description


def test_security_schemes_say_where_each_credential_travels(tmp_path: Path) -> None:
    write_docs(golden_args("security"), tmp_path / "site")
    rows = [" ".join(r).strip() for r in _table_rows((tmp_path / "site/index.html").read_text())]
    assert (
        "userPass userPassword auth payload (username, password) or Authorization header "
        "(Basic) user_pass= A staff member's login."
    ) in rows, rows
    assert "bearer http bearer (JWT) Authorization header bearer=" in rows, rows


def _table_rows(html: str) -> list[list[str]]:
    """The text of each table cell, row by row."""
    from html.parser import HTMLParser

    rows: list[list[str]] = []
    inside: list[bool] = [False]

    class Cells(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "tr":
                rows.append([])
            elif tag == "td" and rows:
                rows[-1].append("")
                inside[0] = True

        def handle_endtag(self, tag: str) -> None:
            if tag == "td":
                inside[0] = False

        def handle_data(self, data: str) -> None:
            if inside[0]:
                rows[-1][-1] += data

    Cells().feed(html)
    return [[cell.strip() for cell in row] for row in rows if row]


def test_hostile_spec_text_stays_text(tmp_path: Path) -> None:
    out = tmp_path / "site"
    catalog = write_docs([str(HOSTILE)], out)
    html = (out / "index.html").read_text()
    page = assert_safe_page(html)
    assert "<script" not in html and "<img" not in html and "<iframe" not in html
    assert "</style></head>" not in html
    text = "".join(page.text)
    info = catalog["info"]
    assert info["title"] in text and info["version"] in text
    assert info["description"].strip() in text
    (ns,) = catalog["namespaces"]
    assert ns["name"] in text and ns["description"] in text
    for event in ns["events"]:
        assert event["name"] in text
    # The enum value and the ack's spec example come through as escaped JSON text.
    assert json.dumps("</code><script>alert(11)</script>") in text
    assert json.dumps("</details><script>alert(12)</script>") in text


def _docs(out: Path, *extra: str, hash_seed: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.run(
        [sys.executable, "-m", "sio_codegen", "docs", str(HOSTILE), "-o", str(out), "-q", *extra],
        capture_output=True, text=True, env=env, check=False,
    )  # fmt: skip


def test_byte_identical_across_runs_and_hash_seeds(tmp_path: Path) -> None:
    for seed, folder in (("0", "a"), ("12345", "b"), ("random", "c")):
        result = _docs(tmp_path / folder, hash_seed=seed)
        assert result.returncode == 0, result.stderr
    for name in FILES:
        first = (tmp_path / "a" / name).read_bytes()
        assert first == (tmp_path / "b" / name).read_bytes() == (tmp_path / "c" / name).read_bytes()
    result = _docs(tmp_path / "c", "--check", hash_seed="777")
    assert result.returncode == 0, result.stderr


def test_check_and_regeneration(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Like a generated package: a manifest lists what was generated from what, so that a
    no-op run does nothing and an edited or missing file is regenerated."""
    spec, out = str(GOLDEN_SPECS["tictactoe"]), tmp_path / "site"
    assert run_cli(["docs", spec, "-o", str(out), "--check"], capsys)[0] == 1  # all missing
    assert run_cli(["docs", spec, "-o", str(out), "-q"], capsys)[0] == 0
    mtimes = {name: (out / name).stat().st_mtime_ns for name in FILES}
    code, stdout, _ = run_cli(["docs", spec, "-o", str(out), "--check"], capsys)
    assert code == 0 and "fresh" in stdout
    code, stdout, _ = run_cli(["docs", spec, "-o", str(out)], capsys)
    assert code == 0 and stdout == f"{out}: up to date\n"  # the manifest's hashes decide
    (out / "index.html").write_text("edited")
    (out / "asyncapi.yaml").unlink()
    code, stdout, err = run_cli(["docs", spec, "-o", str(out), "--check"], capsys)
    assert code == 1
    assert f"changed: {out / 'index.html'}" in err and f"missing: {out / 'asyncapi.yaml'}" in err
    assert f"regenerate with: sio-codegen docs {spec} -o {out}" in err
    assert "-edited" in stdout  # the diff
    code, stdout, _ = run_cli(["docs", spec, "-o", str(out)], capsys)
    assert code == 0
    assert run_cli(["docs", spec, "-o", str(out), "--check"], capsys)[0] == 0
    for name in ("asyncapi.json", "catalog.json"):  # untouched files keep their mtime
        assert (out / name).stat().st_mtime_ns == mtimes[name]
    code, stdout, _ = run_cli(["docs", spec, "-o", str(out), "--seed", "4", "--diff"], capsys)
    assert code == 0 and '"seed":4' in stdout
    assert json.loads((out / "catalog.json").read_text())["seed"] == 0  # --diff wrote nothing


def test_reserved_events_are_left_out_with_a_warning(
    write_spec: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    spec = write_spec(
        "asyncapi: 2.6.0\ninfo: {title: T, version: '1'}\nchannels:\n  /:\n    publish:\n"
        "      message:\n        oneOf:\n          - {name: connect}\n          - {name: hello}\n"
    )
    code, _, err = run_cli(["docs", str(spec), "-o", str(tmp_path / "site")], capsys)
    assert code == 0
    assert "event 'connect' of namespace '/' is reserved by Socket.IO" in err
    catalog = json.loads((tmp_path / "site" / "catalog.json").read_text())
    assert [e["name"] for e in catalog["namespaces"][0]["events"]] == ["hello"]


def test_profiles_generate_and_check_docs_and_catalogs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "api.yaml").write_bytes(GOLDEN_SPECS["tictactoe"].read_bytes())
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sio-codegen.profiles.site]\ncommand = "docs"\nspec = "api.yaml"\noutput = "site"\n'
        '[tool.sio-codegen.profiles.agents]\ncommand = "catalog"\nspec = "api.yaml"\n'
        'output = "agents/catalog.json"\nseed = 3\n'
    )
    monkeypatch.chdir(tmp_path)
    assert run_cli(["generate", "-q"], capsys)[0] == 0
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == WRITTEN
    assert json.loads((tmp_path / "agents/catalog.json").read_text())["seed"] == 3
    assert run_cli(["generate", "--check", "-q"], capsys)[0] == 0
    (tmp_path / "site" / "catalog.json").write_text("{}")
    code, _, err = run_cli(["generate", "--check", "-q"], capsys)
    assert code == 1 and "site: stale; regenerate with: sio-codegen generate site" in err
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sio-codegen.profiles.x]\ncommand = "docs"\nspec = "api.yaml"\noutput = "s"\n'
        'seed = "one"\n'
    )
    code, _, err = run_cli(["generate"], capsys)
    assert code == 2 and "profile 'x': seed must be an integer" in err


def test_written_files_get_the_mode_a_new_file_gets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A web server must be able to read the site: not mkstemp's 0600. An existing file keeps
    its mode when rewritten."""
    spec, out = str(GOLDEN_SPECS["tictactoe"]), tmp_path / "site"
    previous = os.umask(0o022)
    try:
        assert run_cli(["docs", spec, "-o", str(out), "-q"], capsys)[0] == 0
        assert {(out / name).stat().st_mode & 0o777 for name in FILES} == {0o644}
        (out / "index.html").chmod(0o640)
        (out / "index.html").write_text("edited")
        assert run_cli(["docs", spec, "-o", str(out), "-q"], capsys)[0] == 0
        assert (out / "index.html").stat().st_mode & 0o777 == 0o640
        assert (out / "index.html").read_text() != "edited"
    finally:
        os.umask(previous)


def test_corpus_pages_render_safely() -> None:
    """Every document of the corpus that loads gives a page of only the template's own tags
    and links, with every event name in its text."""
    from conftest import SPECS_CORPUS

    from sio_codegen.diagnostics import SpecError
    from sio_codegen.options import LoadOptions
    from sio_codegen.render.docs import docs_files

    folder = SPECS_CORPUS
    rendered = 0
    for path in sorted(folder.rglob("*.y*ml")) + sorted(folder.rglob("*.json")):
        try:
            loaded = load_api(path, LoadOptions(validate=False, refs_root=path.parent.parent))
        except (SpecError, RecursionError, UnicodeDecodeError):
            continue
        files = docs_files(loaded.api, resolved_json(loaded.spec.data))
        text = "".join(assert_safe_page(files["index.html"]).text)
        catalog = json.loads(files["catalog.json"])
        for ns in catalog["namespaces"]:
            for event in ns["events"]:
                assert event["name"] in text, (path, event["name"])
        rendered += 1
    assert rendered > 40
