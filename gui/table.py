"""Panel 5: the comparison table, one row per cell.

Besides the numbers of the newest step it says what a cell cost and when it
got there: its training time, and the time (seconds since Start, and the
step) at which it solved the task. "Solved" is defined once, here
(``SOLVED_FRACTION``, ``SOLVED_WINDOW``): the mean loss of the last 25
recorded steps below half the task's chance baseline, a level that no cell
reaches by luck and that every task's learners pass on the way down.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from plots.theme import CELL_COLOURS, THEME
from training.recorder import CellHistory, RunRecorder
from training.report import DIVERGED, DONE, ERROR, RUNNING, STOPPED

from .reason_words import reason_text

SOLVED_FRACTION = 0.5  # of task.baseline_loss: below it, a cell has solved the task
SOLVED_WINDOW = 25  # recorded steps whose mean loss is compared (as bench/lecture.py does)
# Logical columns; the two time columns are added last (tests and the status
# tooltip keep their indexes) and shown before the status by moving their sections.
STATUS, TRAIN_TIME, SOLVED = 6, 7, 8


def solved_at(history: CellHistory, baseline_loss: float) -> tuple[int, float] | None:
    """(step, seconds since Start) of the first recorded step at which the
    mean loss of the last ``SOLVED_WINDOW`` recorded steps is below
    ``SOLVED_FRACTION`` × ``baseline_loss`` (one batch's loss dips below it by
    luck long before a cell has learned); seconds are NaN for a run saved
    before ``elapsed``. None while no step is there. The metrics history is
    decimated, so in a long run this is late by at most its stride.
    Moving sums in numpy: the timeline asks again at every position it shows
    (a loop over windows took 47 ms of a 2000-row run's frame)."""
    rows = history.metrics.items
    if len(rows) < SOLVED_WINDOW:
        return None
    losses = np.array([math.nan if row["loss"] is None else row["loss"] for row in rows], dtype=float)
    finite = np.isfinite(losses)
    window = np.ones(SOLVED_WINDOW)
    sums = np.convolve(np.where(finite, losses, 0.0), window, "valid")
    whole = np.convolve(finite.astype(float), window, "valid") == SOLVED_WINDOW
    hits = np.flatnonzero(whole & (sums / SOLVED_WINDOW < SOLVED_FRACTION * baseline_loss))
    if not hits.size:
        return None
    row = rows[hits[0] + SOLVED_WINDOW - 1]
    return int(row["step"]), float(row.get("elapsed", math.nan))


def _number(value: float | None, digits: int = 4) -> str:
    if value is None or not math.isfinite(value):
        return "—"
    return f"{value:.{digits}g}"


class ComparisonTable(QTableWidget):
    """Cell, parameters, steps, steps/s, loss, metric, status: the numbers
    behind the plots, and where an error or divergence is explained."""

    min_interval_ms = 250  # numbers change every step; nobody reads them at 25 Hz

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 9, parent)
        self.setHorizontalHeaderLabels([
            self.tr("Cell"), self.tr("Parameters"), self.tr("Steps"), self.tr("Steps/s"),
            self.tr("Loss"), self.tr("Metric"), self.tr("Status"), self.tr("Training time"),
            self.tr("Solved")])
        self.horizontalHeaderItem(TRAIN_TIME).setToolTip(
            self.tr("Seconds this cell spent in its own training steps"))
        self.horizontalHeaderItem(SOLVED).setToolTip(self.tr(
            "When the cell solved the task: the first step at which the mean loss of the last 25 "
            "recorded steps is below half the chance baseline (seconds since Start, and the step)"))
        self._solved: dict[str, tuple[int, float]] = {}
        self._recorder: RunRecorder | None = None
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(STATUS, QHeaderView.ResizeMode.Stretch)
        header.moveSection(TRAIN_TIME, STATUS)
        header.moveSection(SOLVED, STATUS + 1)
        self.setWordWrap(True)

    def compact_height(self, rows: int = 3) -> int:
        """Height for a header and ``rows`` rows: the plots get the rest."""
        row = self.verticalHeader().defaultSectionSize()
        return self.horizontalHeader().sizeHint().height() + rows * row + 2 * self.frameWidth()

    def sizeHint(self):  # noqa: N802 (Qt's name)
        hint = super().sizeHint()
        hint.setHeight(self.compact_height())
        return hint

    def status_text(self, history: CellHistory) -> tuple[str, str]:
        """Plain words for a cell's status, and the colour of the theme in use
        to show it in (read now: the theme may have changed since the last redraw)."""
        colours = THEME.colours
        if history.status == RUNNING:
            if history.latest is None:
                return self.tr("starting…"), colours.foreground
            return self.tr("running"), colours.ok
        if history.status == DONE:
            return self.tr("done"), colours.ok
        if history.status == DIVERGED:
            return self.tr("diverged at step {0}: {1}").format(history.steps, reason_text(history.message)), \
                colours.warning
        if history.status == ERROR:
            return self.tr("error: {0}").format(reason_text(history.message)), colours.error
        if history.status == STOPPED:
            return self.tr("stopped"), colours.foreground
        return history.status, colours.foreground

    def apply_theme(self) -> None:
        """Recolour the rows now (View ▸ Dark theme), not at the next step."""
        self.show_run(self._recorder)

    def show_run(self, recorder: RunRecorder | None) -> None:
        histories = list(recorder.cells.values()) if recorder else []
        if recorder is not self._recorder:
            self._recorder, self._solved = recorder, {}
        if self.rowCount() != len(histories):
            self.setRowCount(len(histories))
        for row, history in enumerate(histories):
            latest = history.latest
            status, colour = self.status_text(history)
            values = [history.name, f"{history.parameters:,}" if history.parameters else "…",
                      str(history.steps), _number(history.steps_per_second or None, 3),
                      _number(latest.loss if latest else None),
                      _number(latest.metric if latest else None), status,
                      self.tr("{0:.1f} s").format(history.train_seconds) if history.steps else "—",
                      self._solved_text(history, recorder.task.baseline_loss)]
            for column, text in enumerate(values):
                self._set(row, column, text)
            name_item = self.item(row, 0)
            name_item.setForeground(QColor(CELL_COLOURS.colour(history.name)))
            bold = QFont(name_item.font())
            bold.setBold(True)
            name_item.setFont(bold)
            self.item(row, STATUS).setForeground(QColor(colour))
            self.item(row, STATUS).setToolTip("\n\n".join(filter(None, (status, history.traceback))))

    def _solved_text(self, history: CellHistory, baseline_loss: float) -> str:
        """"12.3 s (step 340)", "step 340" for a run without seconds, "—" not yet."""
        if history.name not in self._solved:
            found = solved_at(history, baseline_loss)
            if found is None:
                return "—"
            self._solved[history.name] = found  # the first solve stays the first
        step, seconds = self._solved[history.name]
        if math.isfinite(seconds):
            return self.tr("{0:.1f} s (step {1})").format(seconds, step)
        return self.tr("step {0}").format(step)

    def _set(self, row: int, column: int, text: str) -> None:
        item = self.item(row, column)
        if item is None:
            item = QTableWidgetItem(text)
            self.setItem(row, column, item)
        elif item.text() != text:
            item.setText(text)
