"""Importing a package from memory (``sio_codegen.mock.memory``), as ``sio-codegen mock`` does:
modules, subpackages, their source for ``inspect`` (the runtime tells stubs by it) and their
data files through ``importlib.resources``; nothing read from or written to disk."""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterator
from importlib import resources

import pytest

from sio_codegen.mock.memory import MemoryPackage

FILES = {
    "__init__.py": "VALUE = 1\n",
    "sub/__init__.py": "",
    "sub/mod.py": (
        "from importlib import resources\n\n"
        "def stub(x):\n    raise NotImplementedError\n\n"
        "def data():\n    return resources.files(__package__).joinpath('data.json').read_text()\n"
    ),
    "sub/data.json": '{"a": 1}\n',
}


@pytest.fixture
def memory() -> Iterator[MemoryPackage]:
    package = MemoryPackage("memory_pkg_test", FILES)
    package.install()
    yield package
    package.uninstall()


def test_modules_source_and_resources_come_from_memory(memory: MemoryPackage) -> None:
    module = importlib.import_module("memory_pkg_test.sub.mod")
    assert importlib.import_module("memory_pkg_test").VALUE == 1
    assert module.data() == '{"a": 1}\n'
    assert inspect.getsource(module.stub).startswith("def stub(x):\n    raise NotImplementedError")
    folder = resources.files("memory_pkg_test.sub")
    assert sorted(entry.name for entry in folder.iterdir()) == [
        "__init__.py",
        "data.json",
        "mod.py",
    ]
    assert folder.joinpath("data.json").read_bytes() == b'{"a": 1}\n'
    with pytest.raises(FileNotFoundError):
        folder.joinpath("missing.json").read_bytes()
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("memory_pkg_test.nothing")


def test_uninstall_forgets_the_package(memory: MemoryPackage) -> None:
    importlib.import_module("memory_pkg_test.sub.mod")
    memory.uninstall()
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("memory_pkg_test")
