"""The typed messages between a caller, the checker's template process and
the child that checks one plugin.

Every message is a dataclass (frozen but for ``CellVerdict``), sent as JSON
through ``plugin_host.wire``, which rebuilds only the types the receiver
expects, so a misspelt field or a forged message fails loudly instead of
meaning something else. The caller sends ``CheckRequest`` or ``Stop`` to the
template, which answers ``Ready`` once and, per request, ``Forked`` (the
child's pid, with the child's own pipe) and ``Exited`` once the child and all
it started are gone. On its own pipe the child sends ``Phase`` before each
thing that may hang, ``ClassesFound`` once the plugin is imported, and one
``CellVerdict`` per cell (or per plugin that failed) and one ``TaskVerdict``
per task class (see ``task_messages``).
"""

from __future__ import annotations

from dataclasses import dataclass

from .jobs import Job
from .records import Findings
from .task_messages import TaskVerdict

IMPORT, VALIDATE = "import", "validate"  # the phases of checking one plugin
BUILD = "build"  # a training worker building the model of a plugin that passed


@dataclass(frozen=True)
class Ready:
    """The template has imported torch and waits for requests."""


@dataclass(frozen=True)
class CheckRequest:
    """Import ``job`` and judge its cells (``validate``: run them, else only the static contract)."""

    job: Job
    validate: bool
    import_timeout: float
    step_timeout: float
    task_settings: str = ""  # JSON {"length", "options"}: judge only the tasks, with facts at these settings

    def time_limit(self, phase: str) -> float:
        return self.import_timeout if phase == IMPORT else self.step_timeout


@dataclass(frozen=True)
class Stop:
    """End the template process."""


@dataclass(frozen=True)
class Forked:
    """The template started the child ``pid`` for the current request."""

    pid: int


@dataclass(frozen=True)
class Exited:
    """The child ended (``status`` as ``Process.exitcode``: negative for a signal)
    and the template has ended every process it left behind."""

    status: int


@dataclass(frozen=True)
class Phase:
    """The child starts importing the plugin (``cell`` empty) or validating ``cell``."""

    step: str
    cell: str = ""


@dataclass(frozen=True)
class ClassesFound:
    """The cell and task classes the imported plugin defines, by class name, in
    order; ``tasks``: those of them that are tasks."""

    names: tuple[str, ...]
    tasks: tuple[str, ...] = ()


@dataclass(kw_only=True)
class CellVerdict(Findings):
    """What checking found about one cell class, or about a plugin that failed.
    Not frozen, as it extends ``Findings``, which discovery's records share."""

    class_name: str = ""
    module: str = ""


VERDICTS = (CellVerdict, TaskVerdict)
CHILD_MESSAGES = (Phase, ClassesFound, *VERDICTS)  # all a child may send
