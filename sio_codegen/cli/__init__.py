"""Stage 0, the command line: ``sio-codegen`` and its ``[tool.sio-codegen]`` profiles."""

from sio_codegen.cli.commands import main

__all__ = ["main"]
