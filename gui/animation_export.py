"""File ▸ Export animation…: the run's gradient through time over training
(the same frames as ``main.py animate``, ``plots.animation``) or the whole
plot area (``plot_area_animation``), as MP4 or GIF.

Rendering runs in the GUI thread (pyqtgraph draws only there) with a
progress dialog whose Cancel is honoured after every frame; the window
keeps painting between frames. Without an encoder the PNG frames are
written and the message says so, once.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSpinBox,
)

from plots.animation import SIZES, GradientAnimation, write_animation

from .plot_area_animation import PlotAreaAnimation

GRADIENTS, PLOT_AREA = "gradients", "plots"  # what the frames show


class AnimationChoice(NamedTuple):
    size: tuple[int, int]
    fps: int
    seconds: float
    what: str = GRADIENTS


class AnimationOptions(QDialog):
    """What the frames show, frame size, frame rate and length of the video."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export animation"))
        self.what_box = QComboBox()
        self.what_box.addItem(self.tr("Gradient through time"), GRADIENTS)
        self.what_box.addItem(self.tr("Whole plot area"), PLOT_AREA)
        self.what_box.setToolTip(self.tr("The gradient-through-time curves alone (large, for a slide), or "
                                         "every plot as the window lays them out, stepped through the run"))
        self.size_box = QComboBox()
        for text, size in SIZES.items():
            self.size_box.addItem(text.replace("x", " × "), size)
        self.size_box.setToolTip(self.tr("Frame size in pixels; text and lines grow with it"))
        self.fps_box = QSpinBox()
        self.fps_box.setRange(1, 120)
        self.fps_box.setValue(30)
        self.fps_box.setToolTip(self.tr("Frames per second"))
        self.seconds_box = QDoubleSpinBox()
        self.seconds_box.setRange(0.5, 600)
        self.seconds_box.setValue(10)
        self.seconds_box.setSuffix(self.tr(" s"))
        self.seconds_box.setToolTip(self.tr("Length of the video: the recorded steps are spread over it"))
        form = QFormLayout(self)
        form.addRow(self.tr("Show:"), self.what_box)
        form.addRow(self.tr("Size:"), self.size_box)
        form.addRow(self.tr("Frames per second:"), self.fps_box)
        form.addRow(self.tr("Length:"), self.seconds_box)
        button = QDialogButtonBox.StandardButton
        buttons = QDialogButtonBox(button.Ok | button.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def values(self) -> AnimationChoice:
        return AnimationChoice(tuple(self.size_box.currentData()), self.fps_box.value(),
                               self.seconds_box.value(), self.what_box.currentData())


def ask_options(window: QMainWindow) -> AnimationChoice | None:
    """What, size, fps and seconds, or None when the user cancels."""
    dialog = AnimationOptions(window)
    return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


def shown_entries(window: QMainWindow) -> list:
    """The window's panels that it shows now (View ▸ More timeline views adds
    a row): the whole plot area is the one on screen, laid out afresh."""
    return [entry for entry in window.panel_entries if getattr(window, entry.key).isVisibleTo(window)]


def export_animation(window: QMainWindow) -> Path | None:
    """Ask where and how, render with a cancellable progress dialog, and say
    what was written; returns the path written (None: nothing)."""
    return AnimationExport(window).run()


class AnimationExport:
    """One export from ``window`` (its ``session``, ``settings`` and status bar)."""

    def __init__(self, window: QMainWindow):
        self.window = window

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("AnimationExport", text)

    def run(self) -> Path | None:
        window = self.window
        recorder = window.session.recorder
        options = ask_options(window) if recorder is not None else None
        choice = AnimationChoice(*options) if options is not None else None
        out = self._choose_file(choice.what) if choice is not None else None
        if out is None:
            return None
        scene = GradientAnimation if choice.what == GRADIENTS else partial(
            PlotAreaAnimation, entries=shown_entries(window), records=window.controls.cells.records)
        progress = QProgressDialog(self.tr("Rendering the animation…"), self.tr("Cancel"), 0, 100, window)
        progress.setWindowTitle(self.tr("Export animation"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)

        def report(done: int, total: int) -> bool:
            progress.setMaximum(total)
            progress.setValue(done)
            QApplication.processEvents()  # the window paints, Cancel is heard
            return not progress.wasCanceled()

        try:
            result = write_animation(recorder, out, choice.size, choice.fps, choice.seconds, progress=report,
                                     scene=scene)
        except (OSError, ValueError) as error:
            QMessageBox.warning(window, self.tr("Export animation"), str(error))
            return None
        finally:
            progress.close()
        if result.cancelled:
            window.statusBar().showMessage(self.tr("Animation cancelled: nothing was written"), 10_000)
            return None
        if result.target.fallback:
            QMessageBox.information(window, self.tr("Export animation"), self.tr(
                "No video encoder is installed (pip install 'gatelab[video]' brings imageio-ffmpeg): "
                "{0} PNG frames were written into {1} instead.").format(result.frames, result.target.path))
        else:
            window.statusBar().showMessage(self.tr("Done: {0}").format(result.target.path), 10_000)
        return result.target.path

    def _choose_file(self, what: str) -> Path | None:
        """An .mp4 or .gif (another suffix becomes .mp4), starting in the last folder."""
        start = self.window.settings.last_folder()
        name = f"{what}.mp4"
        name = str(start / name) if start else name
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export animation"), name,
                                              self.tr("MP4 video (*.mp4);;GIF animation (*.gif)"))
        if not path:
            return None
        out = Path(path)
        if out.suffix.lower() not in (".mp4", ".gif"):
            out = out.with_suffix(".mp4")
        self.window.settings.set_last_folder(out.parent)
        return out
