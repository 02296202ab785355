"""The checklist of discovered cells: usable ones tickable, broken ones greyed
out with their reason. Refreshable from a new list of ``CellRecord``s (the
plugin watcher calls ``set_cell_records`` when a plugin file changes)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from plots.theme import CELL_COLOURS, THEME
from plugin_host import CellRecord, CellSource
from plugin_host.parameters import model_parameters

NAME_ROLE = Qt.ItemDataRole.UserRole
ModelSizes = tuple[int, int, int, int, bool]  # input, hidden, output, layers, bidirectional


def parameter_count(record: CellRecord, sizes: ModelSizes) -> int | None:
    """Parameters of the whole model (cells and readout), as the workers count
    them, from the counts the checker measured (the window never imports
    plugin code); None where those counts follow no simple law."""
    return model_parameters(record.parameter_samples, *sizes)


class CellChecklist(QListWidget):
    """Which cells to compare."""

    selection_changed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.records: list[CellRecord] = []
        self.sizes: ModelSizes = (1, 64, 1, 1, False)
        self._ticks_before_records = {"RNN", "LSTM", "GRU"}
        self.itemChanged.connect(lambda _: self.selection_changed.emit())
        self.setToolTip(self.tr("Tick the cells to train side by side"))
        self.setWordWrap(True)
        self.setMinimumHeight(self.fontMetrics().height() * 7)  # six cells without scrolling
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def set_cell_records(self, records: list[CellRecord]) -> None:
        """Show a new list of cells, keeping the ticks of cells still present."""
        checked = set(self.checked_names()) if self.records else self._ticks_before_records
        self.records = list(records)
        self.blockSignals(True)
        self.clear()
        for record in self.records:
            item = QListWidgetItem()
            item.setData(NAME_ROLE, record.name)
            if record.usable:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if record.name in checked
                                   else Qt.CheckState.Unchecked)
                item.setToolTip(self.tr("{0}, from {1}").format(record.name, record.origin))
            else:
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                item.setToolTip(self.tr("Cannot be used: {0}\n{1}").format(record.reason,
                                                                          record.location))
            self.addItem(item)
        self.blockSignals(False)
        self.apply_theme()
        self.update_sizes(self.sizes)
        self.selection_changed.emit()

    def apply_theme(self) -> None:
        """Each usable cell in its colour of the theme in use, the others muted."""
        self.blockSignals(True)
        for row, record in enumerate(self.records):
            colour = CELL_COLOURS.colour(record.name) if record.usable else THEME.colours.muted
            self.item(row).setForeground(QColor(colour))
        self.blockSignals(False)

    def update_sizes(self, sizes: ModelSizes) -> None:
        """Rewrite the parameter counts for the current task and model sizes."""
        self.sizes = sizes
        self.blockSignals(True)
        for row, record in enumerate(self.records):
            item = self.item(row)
            if not record.usable:
                item.setText(self.tr("{0} — broken: {1}").format(record.name, record.reason))
                continue
            count = parameter_count(record, sizes)
            item.setText(self.tr("{0}  ({1} parameters)").format(
                record.name, f"{count:,}" if count is not None else "?"))
        self.blockSignals(False)

    def checked_names(self) -> list[str]:
        return [self.item(row).data(NAME_ROLE) for row in range(self.count())
                if self.item(row).checkState() == Qt.CheckState.Checked]

    def set_checked(self, names: list[str] | tuple[str, ...]) -> None:
        """Tick ``names``; before any records have come, tick them when they do."""
        wanted = set(names)
        if not self.records:
            self._ticks_before_records = wanted
        self.blockSignals(True)
        for row, record in enumerate(self.records):
            if record.usable:
                self.item(row).setCheckState(Qt.CheckState.Checked if record.name in wanted
                                             else Qt.CheckState.Unchecked)
        self.blockSignals(False)
        self.selection_changed.emit()

    def sources(self) -> dict[str, CellSource]:
        """How the worker processes import each usable cell."""
        return {r.name: r.source for r in self.records if r.usable and r.source is not None}
