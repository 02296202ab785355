"""The Qt side of plugins: the Plugins panel, hot reload and the "New cell…" template.

- ``PluginWatcher`` watches the plugin folders, and within about a second of a
  save re-runs discovery *off the GUI thread* (plugin code is checked in the
  isolated checker process, see ``plugin_host.checker``) and emits
  ``recordsChanged(list[CellRecord])``. ``start()`` emits the built-ins at
  once, so the window is usable before validation finishes.
- ``PluginPanel`` lists every record with ✓ / ⚠ / ✗, the reason in plain
  words, and "View traceback"; its actions create a cell from the template,
  open the plugin folder and reload.

Runs only code found in the listed folders and installed packages; nothing is
downloaded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileSystemWatcher, QObject, Qt, QThread, QTimer, QUrl, Signal
from PySide6.QtGui import QAction, QColor, QDesktopServices, QKeySequence
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

from plots.theme import ERROR_COLOUR, OK_COLOUR, WARNING_COLOUR
from plugin_host import (
    BROKEN,
    OK,
    WARNING,
    CellRecord,
    IsolatedChecker,
    discover_builtins,
    discover_cells,
    plugin_folders,
    user_plugin_dir,
)

from .traceback_dialog import TracebackDialog

DEBOUNCE_MS = 250
STATUS_COLOURS = {OK: OK_COLOUR, WARNING: WARNING_COLOUR, BROKEN: ERROR_COLOUR}

TEMPLATE = '''"""{title}: a leaky unit to start from. Save, and GateLab reloads it within a second."""
import torch
from cells import Cell


class {class_name}(Cell):
    name = "{title}"                     # the unique name shown in the cell list

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.inp = torch.nn.Linear(input_size, hidden_size)                # W x + b
        self.rec = torch.nn.Linear(hidden_size, hidden_size, bias=False)   # U h

    def forward(self, x, state):         # x: [batch, input]; state: ([batch, hidden],)
        (h,) = state
        keep = torch.sigmoid(self.inp(x))                    # a gate: how much of h to keep
        h = keep * h + (1 - keep) * torch.tanh(self.rec(h) + self.inp(x))
        self.record("keep", keep)        # shown in the gate plot
        return h, (h,)                   # output, new state
'''


def _tr(text: str) -> str:
    return QCoreApplication.translate("PluginPanel", text)


def new_cell_file(folder: Path | None = None) -> Path:
    """Write the commented template into ``folder`` (default: the user plugin
    folder) under a fresh file and cell name; return the new file."""
    folder = Path(folder) if folder is not None else user_plugin_dir(create=True)
    folder.mkdir(parents=True, exist_ok=True)
    number = 1
    while (folder / f"my_cell{'' if number == 1 else f'_{number}'}.py").exists():
        number += 1
    suffix = "" if number == 1 else f" {number}"
    path = folder / f"my_cell{'' if number == 1 else f'_{number}'}.py"
    class_name = f"MyCell{number if number > 1 else ''}"
    path.write_text(TEMPLATE.format(title=f"My cell{suffix}", class_name=class_name), encoding="utf-8")
    return path


def open_path(path: Path) -> bool:
    """Open a file in the system's editor, or a folder in the file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_plugin_folder() -> Path:
    """Create (if needed) and open the user plugin folder; return it."""
    folder = user_plugin_dir(create=True)
    open_path(folder)
    return folder


class _DiscoveryThread(QThread):
    """Runs one discovery; ``found`` carries the records to the GUI thread."""

    found = Signal(list)

    def __init__(self, discover: Callable[[], list[CellRecord]], parent: QObject | None = None):
        super().__init__(parent)
        self.discover = discover

    def run(self) -> None:
        try:
            records = self.discover()
        except Exception as error:  # discovery never raises, but a watcher must never die
            records = [CellRecord(name="discovery", origin="GateLab", status=BROKEN, reason=str(error))]
        self.found.emit(records)


class PluginWatcher(QObject):
    """Keeps the cell list fresh: discovery off the GUI thread, re-run on saves.

    Signals: ``recordsChanged(list)`` with every ``CellRecord`` (built-ins
    first); ``busyChanged(bool)`` while a discovery runs.
    """

    recordsChanged = Signal(list)  # noqa: N815 (Qt's signal naming)
    busyChanged = Signal(bool)  # noqa: N815 (Qt's signal naming)

    def __init__(self, plugin_dirs: Sequence[str | Path] = (), parent: QObject | None = None, *,
                 include_project_plugins: bool = True, include_user_plugins: bool = True,
                 include_entry_points: bool = True, debounce_ms: int = DEBOUNCE_MS, checker=None):
        super().__init__(parent)
        self.plugin_dirs = [Path(d) for d in plugin_dirs]
        self.include_project_plugins = include_project_plugins
        self.include_user_plugins = include_user_plugins
        self.include_entry_points = include_entry_points
        self._own_checker = checker is None  # a private one, closed by stop(): no child outlives us
        self.checker = checker if checker is not None else IsolatedChecker()
        self.records: list[CellRecord] = []
        self._thread: _DiscoveryThread | None = None
        self._pending = False
        self._stopped = False
        self._files = QFileSystemWatcher(self)
        self._files.directoryChanged.connect(self._changed)
        self._files.fileChanged.connect(self._changed)
        self._timer = QTimer(self, singleShot=True, interval=debounce_ms)
        self._timer.timeout.connect(self.refresh_now)

    def folders(self) -> list[Path]:
        return plugin_folders(self.plugin_dirs, self.include_project_plugins, self.include_user_plugins)

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        """Emit the built-ins now, then discover everything in the background."""
        if self.include_user_plugins:
            try:
                user_plugin_dir(create=True)
            except OSError:
                pass  # a read-only home: the folder is simply empty
        self._watch()
        self.records = discover_builtins()
        self.recordsChanged.emit(list(self.records))
        self.refresh_now()

    def refresh(self) -> None:
        """Discover again after a short quiet period (saves come in bursts)."""
        if not self._stopped:
            self._timer.start()

    def refresh_now(self) -> None:
        if self._stopped:
            return
        if self._thread is not None:
            self._pending = True
            return
        self._thread = _DiscoveryThread(self._discover, self)
        self._thread.found.connect(self._found)
        self._thread.finished.connect(self._thread_finished)
        self.busyChanged.emit(True)
        self._thread.start()

    def stop(self) -> None:
        """Stop watching and wait for a running discovery (call on close)."""
        self._stopped = True
        self._timer.stop()
        if self._thread is not None:
            if self._own_checker:
                self.checker.cancel()  # do not wait for the remaining plugins
            self._thread.wait()
            self._thread_finished()  # its queued signal may never be delivered now
        if self._own_checker:
            self.checker.close()

    def _discover(self) -> list[CellRecord]:
        return discover_cells(self.plugin_dirs, include_project_plugins=self.include_project_plugins,
                              include_entry_points=self.include_entry_points,
                              include_user_plugins=self.include_user_plugins, checker=self.checker)

    def _found(self, records: list) -> None:
        self.records = records
        if not self._stopped:
            self.recordsChanged.emit(list(records))

    def _thread_finished(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.deleteLater()
        self.busyChanged.emit(False)
        if self._pending and not self._stopped:
            self._pending = False
            self.refresh_now()

    def _changed(self, _path: str) -> None:
        self._watch()  # editors that save by renaming drop the watched file
        self.refresh()

    def _watch(self) -> None:
        wanted = []
        for folder in self.folders():
            if folder.is_dir():
                wanted.append(str(folder))
                wanted += [str(p) for p in sorted(folder.glob("*.py"))]
        watched = set(self._files.files()) | set(self._files.directories())
        missing = [p for p in wanted if p not in watched]
        if missing:
            self._files.addPaths(missing)


class PluginPanel(QWidget):
    """Every cell record with ✓ / ⚠ / ✗, its reason, and "View traceback".

    Connect a ``PluginWatcher`` (or call ``set_records``). The actions
    ``new_cell_action``, ``open_folder_action``, ``reload_action`` and
    ``traceback_action`` can also be put in the window's menus.
    """

    newCellCreated = Signal(str)  # noqa: N815 (Qt's signal naming)

    COLUMNS = 4

    def __init__(self, watcher: PluginWatcher | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.watcher = watcher
        self.records: list[CellRecord] = []
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
        self.tree.setHeaderLabels([self.tr("Status"), self.tr("Cell"), self.tr("From"), self.tr("Reason")])
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
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
    def set_records(self, records: list) -> None:
        selected = self.selected_record()
        key = (selected.name, selected.location) if selected else None
        self.records = list(records)
        self.tree.clear()
        for record in self.records:
            item = QTreeWidgetItem([record.mark, record.name, self._origin(record),
                                    record.reason or self.tr("ready")])
            colour = QColor(STATUS_COLOURS.get(record.status, ERROR_COLOUR))
            item.setForeground(0, colour)
            if record.status != OK:
                item.setForeground(3, colour)
            item.setToolTip(0, self._status_words(record))
            item.setToolTip(3, record.reason or self.tr("ready"))
            item.setToolTip(2, record.location)
            self.tree.addTopLevelItem(item)
            if key == (record.name, record.location):
                self.tree.setCurrentItem(item)
        for column in range(self.COLUMNS - 1):
            self.tree.resizeColumnToContents(column)
        self._update_summary()
        self._selection_changed()

    def selected_record(self) -> CellRecord | None:
        item = self.tree.currentItem()
        if item is None:
            return None
        index = self.tree.indexOfTopLevelItem(item)
        return self.records[index] if 0 <= index < len(self.records) else None

    def select(self, name: str) -> bool:
        """Select the first record of that name; False if there is none."""
        for index, record in enumerate(self.records):
            if record.name == name:
                self.tree.setCurrentItem(self.tree.topLevelItem(index))
                return True
        return False

    def _origin(self, record: CellRecord) -> str:
        if record.origin == "built-in":
            return self.tr("built-in")
        return Path(record.file).name if record.file else record.origin

    def _status_words(self, record: CellRecord) -> str:
        return {OK: self.tr("ready to train"), WARNING: self.tr("usable, with a warning")}.get(
            record.status, self.tr("broken: not offered for training"))

    def _update_summary(self) -> None:
        counts = {status: sum(r.status == status for r in self.records) for status in (OK, WARNING, BROKEN)}
        text = self.tr("{ok} ready, {warning} with warnings, {broken} broken").format(
            ok=counts[OK], warning=counts[WARNING], broken=counts[BROKEN])
        if self.watcher is not None and self.watcher.busy:
            text += "  " + self.tr("(checking plugins…)")
        self.summary.setText(text)

    def _selection_changed(self, *_args) -> None:
        record = self.selected_record()
        self.traceback_action.setEnabled(bool(record and record.traceback))
        self.details.setText(self.describe(record) if record else "")

    def describe(self, record: CellRecord) -> str:
        """Plain words about one record (shown under the list)."""
        parts = [self._status_words(record), record.location]
        if record.reason:
            parts.append(record.reason)
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
        return "\n".join(parts)

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
