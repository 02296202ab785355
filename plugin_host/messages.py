"""The typed messages between a caller and the checker process.

Every message is a dataclass (frozen but for ``CellVerdict``), so it pickles through a pipe and a
misspelt field fails loudly instead of a tuple index silently meaning
something else. The caller sends ``CheckRequest`` or ``Stop``; the checker
answers ``Ready`` once, then per request: ``Phase`` before each thing that may
hang, ``ClassesFound`` once the plugin is imported, one ``CellVerdict`` per
cell (or per plugin that failed) and ``Done``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .records import Findings

if TYPE_CHECKING:
    from .jobs import Job

IMPORT, VALIDATE = "import", "validate"  # the phases of checking one plugin


@dataclass(frozen=True)
class Ready:
    """The checker has imported torch and waits for requests."""


@dataclass(frozen=True)
class CheckRequest:
    """Import ``job`` and judge its cells (``validate``: run them, else only the static contract)."""

    job: Job
    validate: bool
    import_timeout: float
    step_timeout: float

    def time_limit(self, phase: str) -> float:
        return self.import_timeout if phase == IMPORT else self.step_timeout


@dataclass(frozen=True)
class Stop:
    """End the checker process."""


@dataclass(frozen=True)
class Phase:
    """The checker starts importing the plugin (``cell`` empty) or validating ``cell``."""

    step: str
    cell: str = ""


@dataclass(frozen=True)
class ClassesFound:
    """The cell classes the imported plugin defines, by class name, in order."""

    names: tuple[str, ...]


@dataclass(kw_only=True)
class CellVerdict(Findings):
    """What checking found about one cell class, or about a plugin that failed.
    Not frozen, as it extends ``Findings``, which discovery's records share."""

    class_name: str = ""
    module: str = ""


@dataclass(frozen=True)
class Done:
    """Every verdict of the current request has been sent."""
