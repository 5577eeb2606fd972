"""datamodel-code-generator, called in-process on a dict of schemas, and its post-processing."""

from __future__ import annotations

import re
import warnings
from typing import Any

from sio_codegen.model.model_view import TUPLE_LENGTHS

# The document handed to datamodel-code-generator has a root it insists on turning into a class;
# this one is unused and removed from the output.
_ROOT = "SioCodegenDocumentRoot"
_ROOT_BLOCK = f"class {_ROOT}(RootModel[Any]):\n    root: Any\n"


# A raw default for a model-typed field (pydantic converts it, ``validate_default=True``);
# mypy sees a bool assigned to ``Snapshot | None``.
_MODEL_DEFAULT = re.compile(
    r"^(\s+\w+: Annotated\[.*Field\(.*validate_default=True.*\)\] = .+)$", re.M
)


class ModelGenerationError(RuntimeError):
    """datamodel-code-generator could not express the schemas."""


def import_generator() -> None:
    """Import everything :func:`generate` needs, much of which datamodel-code-generator imports
    only once it runs: by running it on one tiny schema (the models worker does this first)."""
    generate({"Warm": {"type": "object", "properties": {"up": {"type": "string"}}}}, "")


def generate(schemas: dict[str, Any], header: str) -> str:
    """The models module of ``schemas``: datamodel-code-generator and its post-processing."""
    if not schemas:
        return header + "\nfrom __future__ import annotations\n\n__all__: list[str] = []\n"
    lengths: dict[str, tuple[int, int]] = {}
    for name, schema in schemas.items():
        if isinstance(schema, dict) and TUPLE_LENGTHS in schema:
            schema = dict(schema)
            least, most = schema.pop(TUPLE_LENGTHS)
            lengths[name] = (int(least), int(most))
            schemas = {**schemas, name: schema}
    document = {"$schema": "http://json-schema.org/draft-07/schema#", "definitions": schemas}
    try:
        with warnings.catch_warnings():
            # e.g. "format of 'first_name' not understood": such strings stay plain str.
            warnings.simplefilter("ignore")
            source = _run_generator(document, header)
    except RecursionError:
        raise ModelGenerationError("schemas nest too deeply for the model generator") from None
    except Exception as exc:  # the generator raises many types; all mean the same to the user
        raise ModelGenerationError(f"datamodel-code-generator failed: {exc}") from exc
    if source.count(_ROOT_BLOCK) == 1:
        source = source.replace(_ROOT_BLOCK, "")
    missing = sorted(set(schemas) - set(re.findall(r"^class (\w+)\(", source, re.MULTILINE)))
    if missing:  # every other module refers to models by these names: they must exist
        raise ModelGenerationError(
            f"datamodel-code-generator renamed model(s) {', '.join(missing[:5])}; "
            "please report this with the spec"
        )
    for name, (least, most) in sorted(lengths.items()):
        source = tuple_union(source, name, least, most)
    return _MODEL_DEFAULT.sub(r"\1  # type: ignore[assignment]", source)


def split_arguments(text: str) -> list[str]:
    """The top-level, comma-separated parts of a subscript (``int, Literal["a, b"], X[1, 2]``),
    brackets and string literals respected."""
    parts, depth, start, quote = [], 0, 0, ""
    for index, char in enumerate(text):
        if quote:
            if char == quote and text[index - 1] != "\\":
                quote = ""
        elif char in "\"'":
            quote = char
        elif char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:index].strip())
            start = index + 1
    parts.append(text[start:].strip())
    return [part for part in parts if part]


def _closing(text: str, start: int) -> int:
    """The index of the bracket that closes the one opened at ``text[start]``."""
    depth, quote = 0, ""
    for index in range(start, len(text)):
        char = text[index]
        if quote:
            if char == quote and text[index - 1] != "\\":
                quote = ""
        elif char in "\"'":
            quote = char
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return index
    raise ModelGenerationError("unbalanced brackets in the generated models")


def tuple_union(source: str, name: str, least: int, most: int) -> str:
    """Model ``name``, generated as ``RootModel[tuple[A, B]]``, typed as the union of its
    tuples of ``least`` to ``most`` positions (``tuple[A] | tuple[A, B]``): a tuple-form array
    whose trailing positions are optional and after which nothing may follow."""
    header = f"class {name}(RootModel[tuple["
    start = source.find(header)
    if start < 0:
        raise ModelGenerationError(
            f"datamodel-code-generator did not type model {name} as a tuple; "
            "please report this with the spec"
        )
    opening = start + len(header) - 1
    typed = source[opening - len("tuple") : _closing(source, opening) + 1]
    positions = split_arguments(typed[len("tuple[") : -1])
    if len(positions) != most:
        raise ModelGenerationError(f"model {name}: {len(positions)} positions, {most} expected")
    union = " | ".join(
        f"tuple[{', '.join(positions[:count])}]" if count else "tuple[()]"
        for count in range(least, most + 1)
    )
    following = source.find("\nclass ", start + 1)
    end = len(source) if following < 0 else following
    return source[:start] + source[start:end].replace(typed, union) + source[end:]


def _run_generator(document: dict[str, Any], header: str) -> str:
    # Imported here: half a second of imports that a cached or no-op run never pays.
    from datamodel_code_generator import (
        InputFileType,
        LiteralType,
        NamingStrategy,
        PythonVersion,
        generate,
    )
    from datamodel_code_generator.enums import DataModelType

    source = generate(
        document,
        input_file_type=InputFileType.JsonSchema,
        output_model_type=DataModelType.PydanticV2BaseModel,
        target_python_version=PythonVersion.PY_310,
        class_name=_ROOT,
        custom_file_header=header.rstrip("\n"),
        disable_timestamp=True,
        formatters=[],
        naming_strategy=NamingStrategy.ParentPrefixed,
        enum_field_as_literal=LiteralType.All,
        use_annotated=True,
        field_constraints=True,
        use_double_quotes=True,
        use_standard_collections=True,
        use_union_operator=True,
        use_tuple_for_closed_arrays=True,
        use_schema_description=True,
        use_field_description=True,
        capitalise_enum_members=True,
    )
    if not isinstance(source, str):
        raise ModelGenerationError("datamodel-code-generator returned several modules")
    return source
