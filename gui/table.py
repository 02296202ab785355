"""Panel 5: the comparison table, one row per cell."""

from __future__ import annotations

import math

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from plots.theme import CELL_COLOURS, ERROR_COLOUR, FOREGROUND, OK_COLOUR, WARNING_COLOUR
from training.recorder import CellHistory, RunRecorder
from training.report import DIVERGED, DONE, ERROR, RUNNING, STOPPED


def _number(value: float | None, digits: int = 4) -> str:
    if value is None or not math.isfinite(value):
        return "—"
    return f"{value:.{digits}g}"


class ComparisonTable(QTableWidget):
    """Cell, parameters, steps, steps/s, loss, metric, status: the numbers
    behind the plots, and where an error or divergence is explained."""

    min_interval_ms = 250  # numbers change every step; nobody reads them at 25 Hz

    def __init__(self, parent: QWidget | None = None):
        super().__init__(0, 7, parent)
        self.setHorizontalHeaderLabels([
            self.tr("Cell"), self.tr("Parameters"), self.tr("Steps"), self.tr("Steps/s"),
            self.tr("Loss"), self.tr("Metric"), self.tr("Status")])
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
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
        """Plain words for a cell's status, and the theme colour to show it in."""
        if history.status == RUNNING:
            if history.latest is None:
                return self.tr("starting…"), FOREGROUND
            return self.tr("running"), OK_COLOUR
        if history.status == DONE:
            return self.tr("done"), OK_COLOUR
        if history.status == DIVERGED:
            return self.tr("diverged at step {0}: {1}").format(history.steps, history.message), \
                WARNING_COLOUR
        if history.status == ERROR:
            return self.tr("error: {0}").format(history.message), ERROR_COLOUR
        if history.status == STOPPED:
            return self.tr("stopped"), FOREGROUND
        return history.status, FOREGROUND

    def show_run(self, recorder: RunRecorder | None) -> None:
        histories = list(recorder.cells.values()) if recorder else []
        if self.rowCount() != len(histories):
            self.setRowCount(len(histories))
        for row, history in enumerate(histories):
            latest = history.latest
            status, colour = self.status_text(history)
            values = [history.name, f"{history.parameters:,}" if history.parameters else "…",
                      str(history.steps), _number(history.steps_per_second or None, 3),
                      _number(latest.loss if latest else None),
                      _number(latest.metric if latest else None), status]
            for column, text in enumerate(values):
                self._set(row, column, text)
            name_item = self.item(row, 0)
            name_item.setForeground(QColor(CELL_COLOURS.colour(history.name)))
            bold = QFont(name_item.font())
            bold.setBold(True)
            name_item.setFont(bold)
            self.item(row, 6).setForeground(QColor(colour))
            self.item(row, 6).setToolTip("\n\n".join(filter(None, (status, history.traceback))))

    def _set(self, row: int, column: int, text: str) -> None:
        item = self.item(row, column)
        if item is None:
            item = QTableWidgetItem(text)
            self.setItem(row, column, item)
        elif item.text() != text:
            item.setText(text)
