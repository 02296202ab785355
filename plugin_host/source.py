"""Importing a cell class again, by name or by file path.

``CellSource`` is the small picklable record a training worker receives: it
says how to import one cell class in a fresh process. ``import_file`` loads a
plugin file by path under a module name unique to that path (the standard way
for drop-in plugin files), for the checker, for discovery and for workers.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.machinery
import importlib.util
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from .siblings import is_folder_plugin
from .source_files import read_source

PLUGIN_MODULE_PREFIX = "gatelab_plugin_"  # every plugin module's name starts so

if TYPE_CHECKING:  # the window reads records before torch (which cells import) is loaded
    from cells.base import Cell


@dataclass(frozen=True)
class CellSource:
    """How to import a cell class again, e.g. in a worker process (picklable).

    kind: "module" (an importable module name) or "file" (a path).
    """

    kind: str
    location: str
    class_name: str

    def load(self) -> type[Cell]:
        """Import the class; raises whatever the plugin raises."""
        if self.kind == "file":
            module = import_file(Path(self.location))
        else:
            module = importlib.import_module(self.location)
        return getattr(module, self.class_name)


def import_file(path: Path) -> ModuleType:
    """Import a plugin file, or a plugin folder (a package), by path.

    The plugin becomes a module of a package made for its folder, so that it
    imports the files beside it relatively: ``from .helper import thing``
    (or, in a folder plugin, ``from .core import MyCell``). One way, the same
    in the checker, the workers and the CLI. The plugin's own source is
    compiled afresh every time (no ``__pycache__``), so a file saved twice
    within a second is never served from a stale bytecode cache; it is read
    with ``read_source``, so a pipe or a huge file is refused
    (``UnreadablePluginError``) instead of blocking or filling memory.
    """
    path = Path(os.path.realpath(path))  # Path.resolve raises on a symlink loop
    package = _folder_package(path.parent)
    module_name = f"{package}.{path.stem}"
    if is_folder_plugin(path):  # its __init__.py, with the folder as its search path
        source = path / "__init__.py"
        spec = importlib.util.spec_from_file_location(module_name, source,
                                                      submodule_search_locations=[str(path)])
    else:
        source = path
        spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    code = compile(read_source(source), str(source), "exec", dont_inherit=True)
    sys.modules[module_name] = module
    try:
        exec(code, module.__dict__)
    except BaseException:
        sys.modules.pop(module_name, None)
        raise
    return module


def _folder_package(folder: Path) -> str:
    """The name of a package standing for ``folder`` (made on first use), whose
    submodules are the files in it: what a plugin's relative imports resolve in."""
    name = f"{PLUGIN_MODULE_PREFIX}{hashlib.sha1(str(folder).encode()).hexdigest()[:10]}"
    if name not in sys.modules:
        package = ModuleType(name, f"GateLab plugins in {folder}")
        package.__spec__ = importlib.machinery.ModuleSpec(name, None, is_package=True)
        package.__spec__.submodule_search_locations = [str(folder)]
        package.__path__ = [str(folder)]
        package.__package__ = name
        sys.modules[name] = package
    return name
