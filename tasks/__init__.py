"""Toy long-dependency tasks. Each makes seeded batches for any length and
knows its loss, its metric and its chance baseline. Never imports Qt.

Importing this package does not import torch: the task modules import it in
the functions that make batches and losses. The window lists tasks, their
options and baselines before its first paint, and torch's import (1.5-2 s)
must not delay that."""

from __future__ import annotations

from typing import Any

from .adding import AddingTask
from .base import Batch, Task, TaskFacts
from .copy_memory import CopyTask
from .csv_task import CsvTask
from .echo import EchoTask
from .recall import RecallTask
from .temporal_order import TemporalOrderTask

TASKS: dict[str, type[Task]] = {
    task.name: task for task in (AddingTask, CopyTask, RecallTask, EchoTask, TemporalOrderTask, CsvTask)
}


def make_task(name: str, length: int, **options: Any) -> Task:
    """Build a task by name; raises ValueError with a readable message."""
    if name not in TASKS:
        raise ValueError(f"unknown task {name!r}; choose from {', '.join(TASKS)}")
    task_class = TASKS[name]
    known = {f.name for f in task_class.options()}
    unknown = set(options) - known
    if unknown:
        raise ValueError(f"task {name!r} has no option {', '.join(sorted(unknown))}")
    return task_class(length=length, **options)


__all__ = ["Batch", "Task", "TaskFacts", "TASKS", "make_task",
           "AddingTask", "CopyTask", "RecallTask", "EchoTask", "TemporalOrderTask", "CsvTask"]
