"""Stage 3, render: the Pydantic models (datamodel-code-generator) and the Jinja templates of the
server and client packages, formatted once by ruff."""
