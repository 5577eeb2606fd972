"""Problems found in a spec, one line each: ``FILE:LINE:COL: level: message (at /pointer)``."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Location:
    """Where something is in the input: a file, a JSON pointer in it, line and column if known."""

    file: str
    pointer: str = ""
    line: int | None = None
    col: int | None = None

    def __str__(self) -> str:
        if self.line is None:
            return self.file
        return f"{self.file}:{self.line}:{self.col or 1}"


@dataclass(frozen=True)
class Diagnostic:
    level: Level
    message: str
    location: Location

    def format(self) -> str:
        where = f" (at {self.location.pointer or '/'})"
        text = " ".join(self.message.split())
        return f"{self.location}: {self.level}: {text}{where}"


class SpecError(Exception):
    """The input cannot be turned into code. Carries every error found, not just the first."""

    def __init__(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(d.format() for d in self.diagnostics))


@dataclass
class Report:
    """Collects diagnostics during one run so that the user sees all of them at once."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def error(self, message: str, location: Location) -> None:
        self.diagnostics.append(Diagnostic("error", message, location))

    def warning(self, message: str, location: Location) -> None:
        self.diagnostics.append(Diagnostic("warning", message, location))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level == "error"]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.level == "warning"]

    def raise_if_errors(self) -> None:
        if self.errors:
            raise SpecError(self.errors)
