"""sio-codegen: AsyncAPI documents in, typed Socket.IO servers, clients and Pydantic models out."""

__version__ = "0.1.0"
"""The one place the version is written (pyproject.toml reads it from here)."""

__all__ = ["__version__"]
