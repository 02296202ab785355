"""The Plugins panel: every cell and task record with ✓ / ⚠ / ✗, the reason
in plain words, and "View traceback"; its actions create a cell from the
template, open the plugin folder and reload.

Its own module because it only shows records and forwards actions: the
watcher (``plugin_watcher``) finds the records, ``plugin_files`` writes and
opens the files.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plots.theme import THEME
from plugin_host import BROKEN, HELPER, OK, WARNING, CellRecord
from plugin_host.records import (
    APPLIES,
    CUDA,
    FLOAT64,
    FORGET_BIAS,
    IGNORED,
    INIT_GAIN,
    UNTESTED,
    SettingNote,
)
from plugin_host.task_records import TaskRecord

from .plugin_files import new_cell_file, open_path, open_plugin_folder
from .plugin_watcher import PluginWatcher
from .reason_words import reason_text
from .traceback_dialog import TracebackDialog


def status_colour(status: str) -> str:
    """A record's mark colour in the theme in use (anything unknown: as broken)."""
    colours = THEME.colours
    return {OK: colours.ok, WARNING: colours.warning, BROKEN: colours.error,
            HELPER: colours.muted}.get(status, colours.error)


class PluginPanel(QWidget):
    """Every cell record, then every task record, with ✓ / ⚠ / ✗, its reason,
    and "View traceback": a task plugin's author reads its verdict where a
    cell's author does.

    Connect a ``PluginWatcher`` (or call ``set_records`` and
    ``set_task_records``). The actions
    ``new_cell_action``, ``open_folder_action``, ``reload_action`` and
    ``traceback_action`` can also be put in the window's menus.
    """

    newCellCreated = Signal(str)  # noqa: N815 (Qt's signal naming)

    MARK, NAME, KIND, FROM, REASON = range(5)  # the columns; the reason's stretches

    def __init__(self, watcher: PluginWatcher | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.watcher = watcher
        self.records: list[CellRecord] = []
        self.task_records: list[TaskRecord] = []
        self._dialog: TracebackDialog | None = None
        self.new_cell_action = self._action(
            self.tr("New cell…"), "Ctrl+Shift+N",
            self.tr("Write a commented cell template into your plugin folder and open it in your editor"),
            self.new_cell)
        self.open_folder_action = self._action(
            self.tr("Open plugin folder"), "Ctrl+Shift+O",
            self.tr("Open your plugin folder; every .py file there is checked and listed"),
            self.open_folder)
        self.reload_action = self._action(
            self.tr("Reload plugins"), "Ctrl+Shift+R",
            self.tr("Check every plugin again (saving a plugin file does this by itself)"), self.reload)
        self.traceback_action = self._action(
            self.tr("View traceback"), "Ctrl+Shift+T",
            self.tr("Show the full Python traceback of the selected plugin"), self.show_traceback)
        self.traceback_action.setEnabled(False)

        self.summary = QLabel(self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Status"), self.tr("Name"), self.tr("Kind"), self.tr("From"),
                                   self.tr("Reason")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(self.REASON, QHeaderView.ResizeMode.Stretch)
        self.tree.currentItemChanged.connect(self._selection_changed)
        self.tree.itemActivated.connect(lambda *_: self.show_traceback())
        self.details = QLabel(self, wordWrap=True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        for action in (self.new_cell_action, self.open_folder_action, self.reload_action):
            buttons.addWidget(self._button(action))
        buttons.addStretch(1)
        detail_row = QHBoxLayout()
        detail_row.addWidget(self.details, 1)
        detail_row.addWidget(self._button(self.traceback_action), 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(detail_row)
        if watcher is not None:
            watcher.recordsChanged.connect(self.set_records)
            watcher.tasksChanged.connect(self.set_task_records)
            watcher.busyChanged.connect(lambda _busy: self._update_summary())
        self._update_summary()

    # ---- building ---------------------------------------------------------------
    def _action(self, text: str, shortcut: str, tip: str, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setToolTip(self.tr("{tip} ({keys})").format(
            tip=tip, keys=action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)))
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    # ---- records ----------------------------------------------------------------
    def apply_theme(self) -> None:
        """Marks and reasons in the theme's colours (View ▸ Dark theme)."""
        self.set_records(self.records)

    def set_records(self, records: list[CellRecord]) -> None:
        """Show these cell records (the task records stay)."""
        self.records = list(records)
        self._fill()

    def set_task_records(self, records: list[TaskRecord]) -> None:
        """Show these task records (the cell records stay)."""
        self.task_records = list(records)
        self._fill()

    @property
    def listed(self) -> list[CellRecord | TaskRecord]:
        """Every row's record, top to bottom: the cells, then the tasks."""
        return [*self.records, *self.task_records]

    def _fill(self) -> None:
        selected = self.selected_record()
        key = (selected.name, selected.location) if selected else None
        self.tree.clear()
        for record in self.listed:
            kind = self.tr("task") if isinstance(record, TaskRecord) else self.tr("cell")
            reason = reason_text(record.reason) or self.tr("ready")
            item = QTreeWidgetItem([record.mark, record.name, kind, self._origin(record), reason])
            colour = QColor(status_colour(record.status))
            item.setForeground(self.MARK, colour)
            if record.status != OK:
                item.setForeground(self.REASON, colour)
            item.setToolTip(self.MARK, self._status_words(record))
            item.setToolTip(self.REASON, reason)
            item.setToolTip(self.FROM, record.location)
            self.tree.addTopLevelItem(item)
            if key == (record.name, record.location):
                self.tree.setCurrentItem(item)
        for column in range(self.REASON):
            self.tree.resizeColumnToContents(column)
        self._update_summary()
        self._selection_changed()

    def selected_record(self) -> CellRecord | TaskRecord | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        index = self.tree.indexOfTopLevelItem(item)
        listed = self.listed
        return listed[index] if 0 <= index < len(listed) else None

    def select(self, name: str) -> bool:
        """Select the first record of that name (cells first); False if there is none."""
        for index, record in enumerate(self.listed):
            if record.name == name:
                self.tree.setCurrentItem(self.tree.topLevelItem(index))
                return True
        return False

    def _origin(self, record: CellRecord | TaskRecord) -> str:
        if record.origin == "built-in":
            return self.tr("built-in")
        return Path(record.file).name if record.file else record.origin

    def _status_words(self, record: CellRecord | TaskRecord) -> str:
        return {OK: self.tr("ready to train"), WARNING: self.tr("usable, with a warning"),
                HELPER: self.tr("a helper file that plugins beside it import")}.get(
            record.status, self.tr("broken: not offered for training"))

    def _update_summary(self) -> None:
        counts = {status: sum(r.status == status for r in self.listed) for status in (OK, WARNING, BROKEN)}
        text = self.tr("{ok} ready, {warning} with warnings, {broken} broken").format(
            ok=counts[OK], warning=counts[WARNING], broken=counts[BROKEN])
        if self.watcher is not None and self.watcher.busy:
            text += "  " + self.tr("(checking plugins…)")
        self.summary.setText(text)

    def _selection_changed(self, *_args) -> None:
        record = self.selected_record()
        self.traceback_action.setEnabled(bool(record and record.traceback))
        self.details.setText(self.describe(record) if record else "")

    def describe(self, record: CellRecord | TaskRecord) -> str:
        """Plain words about one record (shown under the list)."""
        parts = [self._status_words(record), record.location]
        if record.reason:
            parts.append(reason_text(record.reason))
        if isinstance(record, TaskRecord):
            return "\n".join(parts + self._task_lines(record))
        if record.parameters is not None:
            parts.append(self.tr("{count} parameters (input 2, hidden 64)").format(
                count=f"{record.parameters:,}"))
        if record.ms_per_step is not None:
            parts.append(self.tr("{ms} ms per time step (forward + backward, batch 32)").format(
                ms=f"{record.ms_per_step:.2f}"))
        if record.gradient_to_previous is not None:
            parts.append(self.tr("gradient reaches h(t−1): yes") if record.gradient_to_previous
                         else self.tr("gradient reaches h(t−1): no"))
        if record.gates:
            parts.append(self.tr("records: {gates}").format(gates=", ".join(record.gates)))
        if record.settings:
            parts.append(self.tr("Settings for this cell:"))
            parts += [self.setting_line(note) for note in record.settings]
        return "\n".join(parts)

    def _task_lines(self, record: TaskRecord) -> list[str]:
        """A task's description, metric, options (default and limits) and warnings."""
        lines = [record.description] if record.description else []
        if record.metric_name:
            lines.append(self.tr("metric: {0}").format(record.metric_name))
        for option in record.options:
            limits = ", ".join(str(v) for v in (option.minimum, option.maximum) if v is not None)
            lines.append(self.tr("  option {name} = {default}{limits}: {help}").format(
                name=option.name, default=option.default_json,
                limits=f" [{limits}]" if limits else "", help=option.help))
        lines += [reason_text(warning) for warning in record.warnings]
        return lines

    def setting_line(self, note: SettingNote) -> str:
        """One run setting and whether it acts on the cell; the checker's detail
        (parameter names, an error) stays as it came."""
        setting = {INIT_GAIN: self.tr("initialisation and gain"), FORGET_BIAS: self.tr("forget bias"),
                   FLOAT64: self.tr("float64"), CUDA: self.tr("CUDA")}.get(note.setting, note.setting)
        applies = {APPLIES: self.tr("applies"), IGNORED: self.tr("does not apply"),
                   UNTESTED: self.tr("untested")}.get(note.applies, note.applies)
        return self.tr("  {setting}: {applies} ({detail})").format(
            setting=setting, applies=applies, detail=note.detail)

    # ---- actions ----------------------------------------------------------------
    def show_traceback(self, record: CellRecord | None = None) -> TracebackDialog | None:
        record = record or self.selected_record()
        if record is None or not record.traceback:
            return None
        if self._dialog is not None:
            self._dialog.close()
        self._dialog = TracebackDialog(
            record.name, f"{record.location}\n{record.reason}\n\n{record.traceback}", self)
        self._dialog.show()
        return self._dialog

    def new_cell(self) -> Path:
        path = new_cell_file()
        open_path(path)
        self.newCellCreated.emit(str(path))
        if self.watcher is not None:
            self.watcher.refresh()
        return path

    def open_folder(self) -> Path:
        return open_plugin_folder()

    def reload(self) -> None:
        if self.watcher is not None:
            self.watcher.checker.forget()
            self.watcher.refresh_now()
