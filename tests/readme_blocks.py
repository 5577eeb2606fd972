"""The fenced code blocks of README.md, and what ``tests/test_readme.py`` needs to run them.

Run as a script, it stands in for ``pip`` in the README's shell blocks: ``pip install
".[runtime]"`` must not reinstall the package under test, so it checks instead that every
requirement of the extras the README names is installed (exit 1 and a line per missing one).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DISTRIBUTION = "sio-codegen"


@dataclass(frozen=True)
class Block:
    lang: str
    """The info string after the opening fence: ``sh``, ``python``, ``""`` for plain text."""
    text: str
    line: int
    """Line number of the opening fence in README.md."""
    before: str
    """The text between the previous block (or heading) and this one."""

    def __str__(self) -> str:
        first = self.text.splitlines()[0] if self.text else ""
        return f"README.md:{self.line}: ```{self.lang} {first[:60]!r}"


def blocks(text: str | None = None) -> list[Block]:
    """Every fenced block, in order."""
    lines = (README.read_text() if text is None else text).splitlines()
    found: list[Block] = []
    start: int | None = None
    lang = ""
    last_end = 0
    for number, line in enumerate(lines):
        if start is None and line.startswith("```"):
            start, lang = number, line[3:].strip()
        elif start is not None and line.strip() == "```":
            before = "\n".join(lines[last_end:start])
            before = before.split("\n#")[-1]  # only the current section's text
            body = "\n".join(lines[start + 1 : number]) + "\n"
            found.append(Block(lang, body, start + 1, before))
            start, last_end = None, number + 1
    if start is not None:
        raise ValueError(f"README.md:{start + 1}: unclosed code block")
    return found


def section(title: str, text: str | None = None) -> str:
    """The text of the section whose heading is ``title`` (up to the next heading of the same
    or a higher level)."""
    text = README.read_text() if text is None else text
    match = re.search(rf"^(#+) {re.escape(title)}\n", text, re.M)
    if match is None:
        raise ValueError(f"README.md has no section {title!r}")
    level = len(match.group(1))
    end = re.search(rf"^#{{1,{level}}} ", text[match.end() :], re.M)
    return text[match.end() : match.end() + end.start() if end else len(text)]


def missing_requirements(extras: list[str], seen: set[str] | None = None) -> list[str]:
    """The requirements of ``extras`` of sio-codegen that are not installed (or not in range)."""
    seen = set() if seen is None else seen
    declared = metadata.metadata(DISTRIBUTION).get_all("Provides-Extra") or []
    problems = [f"sio-codegen has no extra {extra!r}" for extra in extras if extra not in declared]
    for text in metadata.requires(DISTRIBUTION) or []:
        requirement = Requirement(text)
        wanted = [e for e in extras if e not in seen]
        marker = requirement.marker
        if marker is None or not any(marker.evaluate({"extra": e}) for e in wanted):
            continue
        if requirement.name == DISTRIBUTION:  # sio-codegen[runtime,typecheck] in an extra
            problems += missing_requirements(sorted(requirement.extras), seen | set(extras))
            continue
        try:
            version = metadata.version(requirement.name)
        except metadata.PackageNotFoundError:
            problems.append(f"{requirement} is not installed")
            continue
        if not requirement.specifier.contains(version, prereleases=True):
            problems.append(f"{requirement} is not installed ({version} is)")
    return problems


def check_pip(args: list[str]) -> list[str]:
    """What is wrong with ``pip ARGS`` as a README step: only ``pip install .[extras]`` of this
    repository (or of a tool by name) is known."""
    if len(args) != 2 or args[0] != "install":
        return [f"the README test does not know how to check: pip {' '.join(args)}"]
    target = args[1]
    match = re.fullmatch(r"\.(?:\[([a-z0-9_,-]+)\])?", target)
    if match is None:  # a tool by name: installed in the test's environment, or not
        try:
            metadata.version(target)
        except metadata.PackageNotFoundError:
            return [f"pip install {target}: the test cannot check {target!r}"]
        return []
    return missing_requirements(match.group(1).split(",") if match.group(1) else [])


if __name__ == "__main__":
    problems = check_pip(sys.argv[1:])
    for problem in problems:
        print(f"README pip step: {problem}", file=sys.stderr)
    sys.exit(1 if problems else 0)
