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

from .history import DecimatingHistory
from .report import DIVERGED, DONE, ERROR, RUNNING, STOPPED, StepReport
from .run import CellRun, Trainer, build_task
from .runtime import configure_training_process
from .spec import RunSpec

__all__ = ["CellRun", "DecimatingHistory", "RunSpec", "StepReport", "Trainer", "build_task",
           "configure_training_process", "RUNNING", "DONE", "DIVERGED", "ERROR", "STOPPED"]
