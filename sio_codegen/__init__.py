"""sio-codegen: AsyncAPI documents in, typed Socket.IO servers, clients and Pydantic models out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("sio-codegen")
except PackageNotFoundError:  # pragma: no cover - running from a source tree without install
    __version__ = "0.0.0"

__all__ = ["__version__"]
