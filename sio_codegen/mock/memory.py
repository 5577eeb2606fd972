"""Import a package from files held in memory: a meta path finder and loader over
``{relative path: text}``, with the source for ``inspect`` (the generated runtime reads its
handlers' source to tell stubs) and the data files for ``importlib.resources`` (the generated
runtime reads ``schemas.json``, the docs and the mock their files)."""

from __future__ import annotations

import importlib.abc
import importlib.util
import io
import sys
from collections.abc import Iterator
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import IO, Any

ROOT = "/<sio-codegen memory>"
"""The folder module paths are shown under (never a real one: nothing is read from disk)."""


class MemoryPackage(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """The package ``name`` made of ``files`` (paths relative to the package folder)."""

    def __init__(self, name: str, files: dict[str, str]) -> None:
        self.name = name
        self.files = files

    def _find(self, fullname: str) -> tuple[str, bool] | None:
        parts = fullname.split(".")
        if parts[0] != self.name:
            return None
        base = "/".join(parts[1:])
        init = f"{base}/__init__.py" if base else "__init__.py"
        if init in self.files:
            return init, True
        if base and f"{base}.py" in self.files:
            return f"{base}.py", False
        return None

    def find_spec(
        self, fullname: str, path: Any = None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        found = self._find(fullname)
        if found is None:
            return None
        rel, is_package = found
        spec = importlib.util.spec_from_loader(
            fullname, self, origin=f"{ROOT}/{self.name}/{rel}", is_package=is_package
        )
        assert spec is not None
        spec.has_location = True  # __file__: where inspect and linecache look for the source
        if is_package:
            spec.submodule_search_locations = [f"{ROOT}/{self.name}/{rel.rpartition('/')[0]}"]
        return spec

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return None

    def exec_module(self, module: ModuleType) -> None:
        found = self._find(module.__name__)
        assert found is not None
        code = compile(self.files[found[0]], f"{ROOT}/{self.name}/{found[0]}", "exec")
        exec(code, module.__dict__)

    def get_source(self, fullname: str) -> str | None:
        found = self._find(fullname)
        return None if found is None else self.files[found[0]]

    def get_resource_reader(self, fullname: str) -> _Reader:
        found = self._find(fullname)
        folder = found[0].rpartition("/")[0] if found else ""
        return _Reader(_Entry(self.files, folder))

    def install(self) -> None:
        sys.meta_path.insert(0, self)

    def uninstall(self) -> None:
        if self in sys.meta_path:
            sys.meta_path.remove(self)
        for name in [m for m in sys.modules if m == self.name or m.startswith(self.name + ".")]:
            del sys.modules[name]


class _Reader:
    """What ``importlib.resources.files`` asks a loader for."""

    def __init__(self, root: _Entry) -> None:
        self.root = root

    def files(self) -> _Entry:
        return self.root


class _Entry:
    """A file or folder of a MemoryPackage, as a ``Traversable``."""

    def __init__(self, files: dict[str, str], path: str) -> None:
        self._files = files
        self._path = path

    @property
    def name(self) -> str:
        return self._path.rpartition("/")[2]

    def _child(self, name: str) -> str:
        return f"{self._path}/{name}" if self._path else name

    def joinpath(self, *names: str) -> _Entry:
        entry = self
        for name in names:
            for part in name.split("/"):
                entry = _Entry(self._files, entry._child(part))
        return entry

    __truediv__ = joinpath

    def is_file(self) -> bool:
        return self._path in self._files

    def is_dir(self) -> bool:
        prefix = self._path + "/" if self._path else ""
        return any(path.startswith(prefix) for path in self._files) and not self.is_file()

    def iterdir(self) -> Iterator[_Entry]:
        prefix = self._path + "/" if self._path else ""
        names = {p[len(prefix) :].split("/")[0] for p in self._files if p.startswith(prefix)}
        return iter([_Entry(self._files, self._child(name)) for name in sorted(names)])

    def read_bytes(self) -> bytes:
        if not self.is_file():
            raise FileNotFoundError(f"{ROOT}/{self._path}")
        return self._files[self._path].encode("utf-8")

    def read_text(self, encoding: str | None = None, errors: str | None = None) -> str:
        return self.read_bytes().decode(encoding or "utf-8", errors or "strict")

    def open(self, mode: str = "r", *args: Any, **kwargs: Any) -> IO[Any]:
        if "b" in mode:
            return io.BytesIO(self.read_bytes())
        return io.StringIO(self.read_text())
