"""``CellRecord``: what discovery learned about one cell, and the three statuses.

Discovery returns one record per cell found (or per plugin that failed) and
never raises; the window, the CLI and ``check-plugin`` read only records. The
status values are plain strings because they appear in JSON output.
"""

from __future__ import annotations

from dataclasses import dataclass

from .source import CellSource

OK, WARNING, BROKEN = "ok", "warning", "broken"
HELPER = "helper"  # a file with no cell that a plugin beside it imports: listed, never a failure
NO_CELL = "no subclass of cells.Cell is defined here"  # the reason a file without a cell is given


# The run settings a cell may ignore, and whether one acts on it (``SettingNote``).
INIT_GAIN, FORGET_BIAS, FLOAT64, CUDA = "init & gain", "forget bias", "float64", "CUDA"
APPLIES, IGNORED, UNTESTED = "yes", "no", "untested"


@dataclass(frozen=True)
class SettingNote:
    """Whether one run setting (``INIT_GAIN`` …) acts on a cell: ``applies`` is
    ``APPLIES``, ``IGNORED`` or ``UNTESTED``; ``detail`` names the parameters it
    touches or says why not, in the checker's plain English
    (``plugin_host.setting_notes``)."""

    setting: str
    applies: str
    detail: str = ""


@dataclass
class Findings:
    """What checking one cell class found; shared by the checker's ``CellVerdict``
    and discovery's ``CellRecord``, so a field is added in one place.

    status: "ok", "warning" (usable, but see ``reason``) or "broken".
    The validation figures (parameters at input 2 / hidden 64, ms per time
    step forward + backward at batch 32, whether the gradient reaches
    h_{t-1}, the recorded gate names) are None/empty when not measured.
    ``equations``, ``state_names`` and ``parameter_samples`` (see
    ``plugin_host.parameters``) are what the window shows of a cell, taken
    from the checker so that the window never imports plugin code.
    ``settings`` says which run settings act on the cell (empty: not checked).
    """

    name: str
    status: str = OK
    reason: str = ""
    file: str | None = None
    line: int | None = None
    traceback: str = ""
    description: str = ""
    parameters: int | None = None
    ms_per_step: float | None = None
    gradient_to_previous: bool | None = None
    gates: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    equations: str = ""
    state_names: tuple[str, ...] = ()
    parameter_samples: tuple[int, ...] = ()
    settings: tuple[SettingNote, ...] = ()


class RecordFace:
    """What every record (a cell's, a task's) answers from its status, source and place."""

    status: str
    source: CellSource | None
    file: str | None
    line: int | None
    origin: str

    @property
    def usable(self) -> bool:
        return self.status != BROKEN and self.source is not None

    @property
    def location(self) -> str:
        """``file:line`` where known, for messages."""
        if self.file and self.line:
            return f"{self.file}:{self.line}"
        return self.file or self.origin

    @property
    def mark(self) -> str:
        return {OK: "✓", WARNING: "⚠", HELPER: "·"}.get(self.status, "✗")


@dataclass(kw_only=True)
class CellRecord(Findings, RecordFace):
    """What discovery learned about one cell or one failed plugin: the findings,
    where it came from, and (when usable) how to load its class. Only the
    process that trains a cell loads it (``source.load()``); everyone else
    reads the findings."""

    origin: str
    source: CellSource | None = None
