"""JSON Schema dialects: which draft a schema is written in, and what a model may take from it.

AsyncAPI 2.x schemas and 3.x's AsyncAPI Schema format are draft-07 (plus annotations). A message
payload may name another format with ``schemaFormat``; one naming a JSON Schema draft
(``application/schema+json;version=draft-04``) is validated with that draft's meaning. A named
schema written in another draft than draft-07 carries ``$schema`` at its root in the schema table
(and so in ``schemas.json``, where the runtimes' validator reads it)."""

from __future__ import annotations

DRAFT4 = "http://json-schema.org/draft-04/schema#"
DRAFT6 = "http://json-schema.org/draft-06/schema#"
DRAFT7 = "http://json-schema.org/draft-07/schema#"
DRAFT2019 = "https://json-schema.org/draft/2019-09/schema"
DRAFT2020 = "https://json-schema.org/draft/2020-12/schema"

DEFAULT = DRAFT7
NAMES = {
    DRAFT4: "draft-04", DRAFT6: "draft-06", DRAFT7: "draft-07",
    DRAFT2019: "2019-09", DRAFT2020: "2020-12",
}  # fmt: skip
"""How messages name each draft."""

_VERSIONS = {
    "draft-04": DRAFT4,
    "draft-06": DRAFT6,
    "draft-07": DRAFT7,
    "2019-09": DRAFT2019,
    "draft-2019-09": DRAFT2019,
    "2020-12": DRAFT2020,
    "draft-2020-12": DRAFT2020,
}
_JSON_SCHEMA = ("application/schema+json", "application/schema+yaml")

# ``$schema`` URIs as written (with or without "#", http or https) -> the canonical one.
_URIS = {
    uri.rstrip("#").replace("https://", "http://"): uri
    for uri in (DRAFT4, DRAFT6, DRAFT7, DRAFT2019, DRAFT2020)
}

_LATER = frozenset(
    {"dependentRequired", "dependentSchemas", "unevaluatedProperties", "unevaluatedItems",
     "prefixItems", "minContains", "maxContains", "$defs", "$anchor", "$dynamicRef",
     "$dynamicAnchor", "$recursiveRef", "$recursiveAnchor", "contentSchema"}
)  # fmt: skip
ABSENT: dict[str, frozenset[str]] = {
    DRAFT4: _LATER | {"const", "contains", "propertyNames", "if", "then", "else"},
    DRAFT6: _LATER | {"if", "then", "else"},
    DRAFT7: frozenset(),  # as before: the model view handles draft-07 (and its prefixItems)
    DRAFT2019: frozenset({"prefixItems", "$dynamicRef", "$dynamicAnchor"}),
    DRAFT2020: frozenset({"additionalItems", "$recursiveRef", "$recursiveAnchor"}),
}
"""Keywords a draft does not have (it ignores them): a model of a schema in that draft must not
enforce them, so they are left out of what the model generator sees."""


def of_schema_format(schema_format: str) -> tuple[str, bool]:
    """The dialect a JSON Schema ``schemaFormat`` names, and whether its version was understood
    (an unknown version: draft-07, and the caller warns). AsyncAPI and OpenAPI formats: draft-07."""
    media, _, params = schema_format.partition(";")
    if media.strip() not in _JSON_SCHEMA:
        return DEFAULT, True
    version = ""
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip() == "version":
            version = value.strip().strip('"')
    if not version:
        return DEFAULT, True  # no version: AsyncAPI's default JSON Schema, draft-07
    dialect = _VERSIONS.get(version.lower())
    return (dialect, True) if dialect is not None else (DEFAULT, False)


def of_uri(uri: object) -> str | None:
    """The dialect a ``$schema`` value names; None for anything else."""
    if not isinstance(uri, str):
        return None
    return _URIS.get(uri.strip().rstrip("#").replace("https://", "http://"))
