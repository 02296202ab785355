"""Training and per-time-step gradient capture. Imports torch, never Qt."""

from .history import DecimatingHistory
from .report import DIVERGED, DONE, ERROR, RUNNING, STOPPED, StepReport
from .run import CellRun, Trainer, build_task
from .runtime import configure_training_process
from .spec import RunSpec

__all__ = ["CellRun", "DecimatingHistory", "RunSpec", "StepReport", "Trainer", "build_task",
           "configure_training_process", "RUNNING", "DONE", "DIVERGED", "ERROR", "STOPPED"]
