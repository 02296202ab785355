"""GateLab's plugin host: finding plugin cells, checking them in isolation, and
the records that say what was found.

It finds plugin files (the project's ``plugins/`` folder, the per-user folder,
``--plugins`` folders) and installed packages' ``gatelab.cells`` entry points
(``jobs``); imports and validates each in a child process of its own, forked
from a warm template that never runs plugin code, speaking typed JSON messages
(``checker``, ``checker_process``, ``checker_template``, ``messages``, ``wire``,
``conversation``, ``inspection``, ``validation``, ``tampering``), so that a
plugin which hangs, exits, crashes or patches GateLab is reported instead of
obeyed and cannot touch another's verdict; and returns one ``CellRecord`` per
cell that never raises (``discovery``), carrying what the window shows
(``parameters``) so that no plugin is imported outside its training worker.
``errors`` words every plugin error the same way everywhere. Task plugins
(``tasks.Task`` subclasses) are found in the same files and judged by the
same check (``task_validation``, ``task_messages``), and come back as
``TaskRecord``s (``task_records``, ``task_discovery``). Training uses
only the small parts it needs in its workers: ``source`` (``CellSource``),
``errors``, ``lifeline``, ``children`` and ``limits``. Imports ``cells`` and torch, never Qt.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .checker import IsolatedChecker, shared_checker
    from .discovery import check_plugins, discover_builtins, discover_cells, find_cell, flag_duplicates
    from .jobs import (
        ENTRY_POINT_GROUP,
        PROJECT_PLUGIN_DIR,
        Job,
        plugin_files,
        plugin_folders,
        user_plugin_dir,
    )
    from .limits import DEFAULT_IMPORT_TIMEOUT, DEFAULT_STEP_TIMEOUT
    from .records import BROKEN, HELPER, OK, WARNING, CellRecord
    from .source import CellSource, import_file
    from .task_discovery import discover_tasks, find_task
    from .task_records import TaskRecord

__all__ = [
    "IsolatedChecker", "shared_checker",
    "check_plugins", "discover_builtins", "discover_cells", "find_cell", "flag_duplicates",
    "ENTRY_POINT_GROUP", "PROJECT_PLUGIN_DIR", "Job", "plugin_files", "plugin_folders", "user_plugin_dir",
    "DEFAULT_IMPORT_TIMEOUT", "DEFAULT_STEP_TIMEOUT",
    "BROKEN", "HELPER", "OK", "WARNING", "CellRecord",
    "CellSource", "import_file",
    "discover_tasks", "find_task", "TaskRecord",
]

# The public names are imported on first use, so that the light modules
# (``limits``, ``lifeline``, ``children``, ``source``) load without the
# checker, e.g. the window's flags before its splash shows.
_HOMES = {
    "checker": ("IsolatedChecker", "shared_checker"),
    "discovery": ("check_plugins", "discover_builtins", "discover_cells", "find_cell", "flag_duplicates"),
    "jobs": ("ENTRY_POINT_GROUP", "PROJECT_PLUGIN_DIR", "Job", "plugin_files", "plugin_folders",
             "user_plugin_dir"),
    "limits": ("DEFAULT_IMPORT_TIMEOUT", "DEFAULT_STEP_TIMEOUT"),
    "records": ("BROKEN", "HELPER", "OK", "WARNING", "CellRecord"),
    "source": ("CellSource", "import_file"),
    "task_discovery": ("discover_tasks", "find_task"),
    "task_records": ("TaskRecord",),
}
_HOME_OF = {name: module for module, names in _HOMES.items() for name in names}


def __getattr__(name: str) -> object:
    module = _HOME_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
