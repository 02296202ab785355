"""Training: a ``RunSpec`` becomes trained cells and a recorded run.

``spec`` defines a comparison (frozen, JSON round-trip); ``model`` wraps any
``Cell`` in layers and directions; ``fused`` and ``model`` capture the gradient
at every time step (torch's fused kernels for the built-ins, the Python loop
for any cell); ``run`` trains one cell step by step into ``StepReport``s;
``worker`` and ``supervisor`` run one process per cell and keep a hung or
crashed cell from touching the others; ``recorder`` and ``history`` keep
bounded, decimating histories and read and write run folders
(``summary.json``, ``metrics.csv``, ``gradients.npz``). Imports torch, ``tasks``
and the plugin host's small worker-side parts (``CellSource``, error wording),
never Qt."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .history import DecimatingHistory
    from .report import DIVERGED, DONE, ERROR, RUNNING, STOPPED, StepReport
    from .run import CellRun, Trainer
    from .runtime import configure_training_process
    from .spec import RunSpec, build_task

__all__ = ["CellRun", "DecimatingHistory", "RunSpec", "StepReport", "Trainer", "build_task",
           "configure_training_process", "RUNNING", "DONE", "DIVERGED", "ERROR", "STOPPED"]

# Imported on first use: the window needs the spec, the recorder and the
# reports before its first paint, and must not wait for torch (``run``) then.
_HOMES = {"DecimatingHistory": "history", "CellRun": "run", "Trainer": "run",
          "configure_training_process": "runtime", "RunSpec": "spec", "build_task": "spec",
          **dict.fromkeys(("DIVERGED", "DONE", "ERROR", "RUNNING", "STOPPED", "StepReport"), "report")}


def __getattr__(name: str):
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
    globals()[name] = value
    return value
