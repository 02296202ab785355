"""Hot reload: ``PluginWatcher`` watches the plugin folders and, within about a
second of a save, re-runs discovery *off the GUI thread* (plugin code is
checked in the isolated checker process, see ``plugin_host.checker``), then
emits ``recordsChanged(list[CellRecord])``. ``start()`` emits the built-ins at
once, so the window is usable before validation finishes.

Its own module because it is the only part of the plugin UI that runs
threads and owns a checker process; the panel just shows what it emits.
Runs only code found in the listed folders and installed packages; nothing is
downloaded.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QThread, QTimer, Signal

from plugin_host import (
    BROKEN,
    CellRecord,
    IsolatedChecker,
    discover_builtins,
    discover_cells,
    plugin_folders,
    user_plugin_dir,
)

DEBOUNCE_MS = 250


class _DiscoveryThread(QThread):
    """Runs one discovery; ``found`` carries the records to the GUI thread."""

    found = Signal(list)

    def __init__(self, discover: Callable[[], list[CellRecord]], parent: QObject | None = None,
                 first: Callable[[], list[CellRecord]] | None = None):
        super().__init__(parent)
        self.discover = discover
        self.first = first  # quick records to show before the whole discovery

    def run(self) -> None:
        for step in (self.first, self.discover):
            if step is None:
                continue
            try:
                records = step()
            except Exception as error:  # discovery never raises, but a watcher must never die
                records = [CellRecord(name="discovery", origin="GateLab", status=BROKEN, reason=str(error))]
            self.found.emit(records)


class PluginWatcher(QObject):
    """Keeps the cell list fresh: discovery off the GUI thread, re-run on saves.

    Signals: ``recordsChanged(list)`` with every ``CellRecord`` (built-ins
    first); ``tasksChanged(list)`` with every ``TaskRecord`` (task plugins are
    found in the same files, by the same check); ``busyChanged(bool)`` while a
    discovery runs.
    """

    recordsChanged = Signal(list)  # noqa: N815 (Qt's signal naming)
    tasksChanged = Signal(list)  # noqa: N815 (Qt's signal naming)
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
        self.task_records: list = []  # TaskRecords of the last whole discovery
        self._thread: _DiscoveryThread | None = None
        self._ended_thread: _DiscoveryThread | None = None
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
        """Discover in the background: the built-ins first, then everything."""
        if self.include_user_plugins:
            try:
                user_plugin_dir(create=True)
            except OSError:
                pass  # a read-only home: the folder is simply empty
        self._watch()
        self.refresh_now(first=discover_builtins)

    def refresh(self) -> None:
        """Discover again after a short quiet period (saves come in bursts)."""
        if not self._stopped:
            self._timer.start()

    def refresh_now(self, first: Callable[[], list[CellRecord]] | None = None) -> None:
        """Discover now, off the GUI thread; ``first`` gives records to show
        before the whole discovery (at start: the built-ins, which import torch,
        so not on the GUI thread either: the window paints without waiting)."""
        if self._stopped:
            return
        if self._thread is not None:
            self._pending = True
            return
        self._thread = _DiscoveryThread(self._discover, first=first)
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

    def _discover(self) -> list:
        """The cells, then the tasks (the second pass reads the checker's cache: one check per file)."""
        from plugin_host.task_discovery import discover_tasks

        where = dict(include_project_plugins=self.include_project_plugins,
                     include_entry_points=self.include_entry_points,
                     include_user_plugins=self.include_user_plugins, checker=self.checker)
        cells = discover_cells(self.plugin_dirs, **where)
        if self._stopped:  # cancelled during the cells: a new check would start the files over
            return cells
        return [*cells, *discover_tasks(self.plugin_dirs, **where)]

    def _found(self, records: list) -> None:
        from plugin_host.task_records import TaskRecord

        tasks = [record for record in records if isinstance(record, TaskRecord)]
        self.records = [record for record in records if not isinstance(record, TaskRecord)]
        if not self._stopped:
            self.recordsChanged.emit(list(self.records))
            if tasks:
                self.task_records = tasks
                self.tasksChanged.emit(list(tasks))

    def _thread_finished(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            # `finished` is emitted from the thread just *before* it ends: wait
            # for the real end. The thread has no Qt parent and no deleteLater:
            # both raced the watcher's own deletion (a double delete, seen under
            # load in the tests). Python holds the one reference until the next
            # discovery ends, so it is never deleted inside its own signal.
            thread.wait()
            self._ended_thread = thread
        if self._stopped:
            return  # stopped (the window quits): the records are partial, "done" would be a lie
        self.busyChanged.emit(False)
        if self._pending:
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
                # plugin files and helpers beside them, and the files of folder plugins (packages)
                wanted += [str(p) for p in sorted([*folder.glob("*.py"), *folder.glob("*/*.py")])]
        watched = set(self._files.files()) | set(self._files.directories())
        missing = [p for p in wanted if p not in watched]
        if missing:
            self._files.addPaths(missing)
