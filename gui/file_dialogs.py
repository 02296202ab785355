"""The dialogs behind Save run, Open run (a folder or a ``.gatelab`` file) and the two exports.

Failures (an unwritable folder, a damaged or foreign run folder: the loader's
``RunFileError``, which names the file and the problem) are shown in words,
never raised, and leave the window as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMainWindow, QMessageBox

from training.run_archive import ARCHIVE_SUFFIX, is_archive, save_archive

from .run_files import export_data, export_plots

DEFAULT_PNG_WIDTH = 1600


class RunFileDialogs:
    """Asks where, then writes or reads; ``window`` provides ``session``,
    ``panels``, ``settings`` and ``open_run(folder)``."""

    def __init__(self, window: QMainWindow):
        self.window = window

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("RunFileDialogs", text)

    def save_run(self) -> None:
        recorder = self.window.session.recorder
        folder = self._choose_folder(self.tr("Save run into folder"))
        if folder and recorder:
            self._guarded(lambda: recorder.save(folder))

    def open_run(self) -> None:
        folder = self._choose_folder(self.tr("Open a saved run"))
        if folder:
            self._guarded(lambda: self._open(folder))

    def save_run_file(self) -> None:
        """The run as one ``.gatelab`` file (another suffix gets it added)."""
        recorder = self.window.session.recorder
        path = self._choose_file(self.tr("Save run as a .gatelab file"), "run.gatelab", save=True)
        if path and recorder:
            path = path if is_archive(path) else path.with_name(path.name + ARCHIVE_SUFFIX)
            self._guarded(lambda: [save_archive(recorder, path)])

    def open_run_file(self) -> None:
        path = self._choose_file(self.tr("Open a .gatelab file"), "", save=False)
        if path:
            self._guarded(lambda: self._open(path))

    def _choose_file(self, title: str, name: str, save: bool) -> Path | None:
        """A ``.gatelab`` file, starting in the last folder chosen."""
        start = self.window.settings.last_folder()
        where = str(start / name) if start else name
        kinds = self.tr("GateLab run (*.gatelab)")
        path, _ = (QFileDialog.getSaveFileName if save else QFileDialog.getOpenFileName)(
            self.window, title, where, kinds)
        if not path:
            return None
        self.window.settings.set_last_folder(Path(path).parent)
        return Path(path)

    def _open(self, folder: Path) -> list[Path]:
        self.window.open_run(folder)
        return [folder]

    def export_plots(self) -> None:
        folder = self._choose_folder(self.tr("Export plots into folder"))
        if not folder:
            return
        width, ok = QInputDialog.getInt(self.window, self.tr("PNG width"), self.tr("Width in pixels:"),
                                        DEFAULT_PNG_WIDTH, 200, 8000, 100)
        if ok:
            self._guarded(lambda: export_plots(self.window.panels, folder, width))

    def export_data(self) -> None:
        recorder = self.window.session.recorder
        if recorder is None:
            return
        start = self.window.settings.last_folder()
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export data"),
                                              str(start / "metrics.csv") if start else "metrics.csv",
                                              self.tr("CSV (*.csv)"))
        if path:
            self.window.settings.set_last_folder(Path(path).parent)
            self._guarded(lambda: export_data(recorder, Path(path)))

    def _choose_folder(self, title: str) -> Path | None:
        """A folder, starting where the last one was chosen (remembered
        across launches: a lecturer's runs live in one place)."""
        start = self.window.settings.last_folder()
        folder = QFileDialog.getExistingDirectory(self.window, title, str(start) if start else "")
        if not folder:
            return None
        self.window.settings.set_last_folder(Path(folder))
        return Path(folder)

    def _guarded(self, work: Callable[[], list[Path]]) -> None:
        """Run a file operation; report what it wrote, or why it failed."""
        try:
            paths = work()
        except (OSError, ValueError) as error:
            QMessageBox.warning(self.window, self.tr("GateLab"), str(error))
            return
        self.window.statusBar().showMessage(
            self.tr("Done: {0}").format(", ".join(str(p) for p in paths)), 10_000)
