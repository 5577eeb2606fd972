"""datamodel-code-generator, called in-process on a dict of schemas, and its post-processing."""

from __future__ import annotations

import re
import warnings
from typing import Any

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
    return _MODEL_DEFAULT.sub(r"\1  # type: ignore[assignment]", source)


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
        use_schema_description=True,
        use_field_description=True,
        capitalise_enum_members=True,
    )
    if not isinstance(source, str):
        raise ModelGenerationError("datamodel-code-generator returned several modules")
    return source
