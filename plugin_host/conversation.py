"""What the caller accepts from the child checking one plugin, in what order.

The child runs plugin code, so its messages may be forged. ``Conversation``
takes them only in the order honest checking produces them: ``Phase(import)``;
then one plugin-level ``CellVerdict``, or ``ClassesFound`` followed, for each
class in turn, by ``Phase(validate, class)`` and that class's ``CellVerdict``
(``TaskVerdict`` for a task class).
A message out of that order means the plugin wrote into its pipe itself: the
caller then judges the plugin broken (``TAMPERED``), whatever it claimed.
Verdicts of a file are pinned to that file, so none can speak for another.
"""

from __future__ import annotations

import dataclasses

from .jobs import FILE, Job
from .messages import IMPORT, VALIDATE, CellVerdict, ClassesFound, Phase
from .task_messages import TaskVerdict

TAMPERED = ("it wrote into the plugin checker's pipe itself (messages out of order or not the "
            "checker's: a forged verdict?)")


class Conversation:
    """The messages of one plugin's check so far, in honest order only."""

    def __init__(self, job: Job):
        self.job = job
        self.phase: Phase = Phase(IMPORT)
        self.started = False
        self.classes: tuple[str, ...] = ()
        self.tasks: tuple[str, ...] = ()
        self.verdicts: list[CellVerdict | TaskVerdict] = []

    @property
    def complete(self) -> bool:
        """Every verdict honest checking gives has come."""
        if not self.classes:
            return len(self.verdicts) == 1
        return len(self.verdicts) == len(self.classes)

    def take(self, message: object) -> bool:
        """Accept ``message`` if it comes in honest order; False if it does not."""
        if not self.started:
            self.started = message == Phase(IMPORT)
            return self.started
        if self.complete:
            return False
        if isinstance(message, ClassesFound):
            return self._found(message)
        if isinstance(message, Phase):
            return self._next_phase(message)
        if isinstance(message, CellVerdict | TaskVerdict):
            return self._judged(message)
        return False

    def _found(self, message: ClassesFound) -> bool:
        if self.phase.step != IMPORT or self.classes or self.verdicts or not message.names \
                or len(set(message.names)) != len(message.names) \
                or not set(message.tasks) <= set(message.names):
            return False
        self.classes, self.tasks = message.names, message.tasks
        return True

    def _next_phase(self, message: Phase) -> bool:
        judged = len(self.verdicts)
        expected = self.classes[judged] if judged < len(self.classes) else None
        if message.step != VALIDATE or message.cell != expected or self.phase == message:
            return False
        self.phase = message
        return True

    def _judged(self, verdict: CellVerdict | TaskVerdict) -> bool:
        at_import = self.phase.step == IMPORT and not self.classes
        if not at_import and verdict.class_name != self.phase.cell:
            return False
        if isinstance(verdict, TaskVerdict) != (verdict.class_name in self.tasks):  # a task is judged as one
            return False
        if not at_import and any(v.class_name == verdict.class_name for v in self.verdicts):
            return False
        if self.job.kind == FILE and verdict.file != self.job.file:
            verdict = dataclasses.replace(verdict, file=self.job.file, line=None)
        self.verdicts.append(verdict)
        return True
