"""``TaskRecord``: what discovery learned about one task, built-in or plugin.

Like a ``CellRecord`` it never raises and carries, as data, what the window
and the CLI show (description, metric, options with defaults and limits),
so that no task plugin is imported outside the processes that check or
train it; ``source`` says how those load it.
"""

from __future__ import annotations

from dataclasses import dataclass

from tasks.base import TaskFacts

from .records import RecordFace
from .source import CellSource
from .task_messages import TaskFindings

BUILT_IN = "built-in"


@dataclass(kw_only=True)
class TaskRecord(TaskFindings, RecordFace):
    """One task found (or one task class that failed its check); ``facts``: at its defaults, when measured."""

    origin: str
    facts: TaskFacts | None = None
    source: CellSource | None = None

    @property
    def spec_source(self) -> tuple[str, ...]:
        """What a ``RunSpec``'s ``task_source`` holds for this task: () for a built-in."""
        if self.origin == BUILT_IN or self.source is None:
            return ()
        return (self.source.kind, self.source.location, self.source.class_name)
