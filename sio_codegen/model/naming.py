"""Turning spec text into Python identifiers: stable, valid, never a keyword or a builtin."""

from __future__ import annotations

import builtins
import keyword
import re
import unicodedata

_RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | frozenset(dir(builtins))
_WORD_BOUNDARY = re.compile(r"[A-Z]?[a-z0-9]+|[A-Z]+(?![a-z])|[0-9]+")
MAX_IDENTIFIER = 80


def _ascii_words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words: list[str] = []
    for chunk in re.split(r"[^A-Za-z0-9]+", folded):
        words.extend(_WORD_BOUNDARY.findall(chunk))
    if not words and text:
        # Nothing ASCII survived (e.g. "日本"): spell the code points, which is stable.
        words = ["u" + "_".join(f"{ord(c):x}" for c in text[:8])]
    return words


def snake(text: str) -> str:
    """``"new message"`` -> ``new_message``; ``"userSignUp"`` -> ``user_sign_up``."""
    return "_".join(w.lower() for w in _ascii_words(text))[:MAX_IDENTIFIER].rstrip("_")


def pascal(text: str) -> str:
    """``"new message"`` -> ``NewMessage``; ``"User_Sign_Up"`` -> ``UserSignUp``."""
    return "".join(w[:1].upper() + w[1:] for w in _ascii_words(text))[:MAX_IDENTIFIER]


def safe_identifier(name: str, *, prefix: str) -> str:
    """A snake_case name as a usable identifier: ``prefix`` before a leading digit or an empty
    name, ``_`` after a keyword or builtin."""
    if not name or name[0].isdigit():
        name = f"{prefix}_{name}" if name else prefix
    if name in _RESERVED:
        name += "_"
    return name


# Names a generated models module imports or that Python reserves: a model may not take them.
_MODEL_RESERVED = frozenset(
    {
        "None", "True", "False", "BaseModel", "RootModel", "Field", "ConfigDict", "Annotated",
        "Any", "Literal", "Optional", "Union", "Enum", "AnyUrl", "EmailStr", "AwareDatetime",
        "NaiveDatetime", "UUID", "Decimal", "date", "datetime", "time", "timedelta",
    }
)  # fmt: skip


def safe_class_name(name: str, *, prefix: str) -> str:
    """A PascalCase name usable as a model or class name as it is: letters and digits only (the
    model generator would rewrite anything else), never a keyword or a name the generated
    modules import. Builtins may be shadowed inside a module: ``ConnectionError`` stays."""
    if not name or not name[0].isalpha():
        name = prefix + name
    if name in _MODEL_RESERVED:
        name += "Model"
    return name
