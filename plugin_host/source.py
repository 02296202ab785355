"""Importing a cell class again, by name or by file path.

``CellSource`` is the small picklable record a training worker receives: it
says how to import one cell class in a fresh process. ``import_file`` loads a
plugin file by path under a module name unique to that path (the standard way
for drop-in plugin files), for the checker, for discovery and for workers.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from .source_files import read_source

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
    """Import a plugin file under a module name unique to its path.

    The source is compiled afresh every time (no ``__pycache__``), so a file
    saved twice within a second is never served from a stale bytecode cache;
    it is read with ``read_source``, so a pipe or a huge file is refused
    (``UnreadablePluginError``) instead of blocking or filling memory.
    """
    path = Path(os.path.realpath(path))  # Path.resolve raises on a symlink loop
    digest = hashlib.sha1(str(path).encode()).hexdigest()[:10]
    module_name = f"gatelab_plugin_{path.stem}_{digest}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None:
        raise ImportError(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    code = compile(read_source(path), str(path), "exec", dont_inherit=True)
    sys.modules[module_name] = module
    try:
        exec(code, module.__dict__)
    except BaseException:
        sys.modules.pop(module_name, None)
        raise
    return module
