"""Helpers of the docs tests: write a docs site, read its page as a browser would see it."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from sio_codegen.cli.commands import main

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "specs" / "hostile_docs.yaml"
# Every golden case's spec, with the options its case.json names.
GOLDEN_SPECS = {
    case.parent.name: case.parent / json.loads(case.read_text())["spec"]
    for case in sorted((ROOT / "golden").glob("*/case.json"))
}


def golden_args(name: str) -> list[str]:
    """The spec and the options of a golden case (``refs_root``: external_refs reads
    ../common), as tests/golden.py passes them."""
    folder = ROOT / "golden" / name
    data = json.loads((folder / "case.json").read_text())
    args = [str(GOLDEN_SPECS[name])]
    if "refs_root" in data:
        args += ["--refs-root", str(folder / data["refs_root"])]
    return args


def write_docs(args: list[str], out: Path) -> dict[str, Any]:
    """Run ``sio-codegen docs`` and return the catalog it wrote."""
    code = main(["docs", *args, "-o", str(out), "--quiet"])
    assert code == 0
    catalog: dict[str, Any] = json.loads((out / "catalog.json").read_text())
    return catalog


class PageParser(HTMLParser):
    """The tags, attributes and text of a page, as an HTML parser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.style: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.style if self._in_style else self.text).append(data)


def parse(html: str) -> PageParser:
    parser = PageParser()
    parser.feed(html)
    parser.close()
    return parser
