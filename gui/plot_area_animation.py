"""The whole plot area over training, as an animation (File ▸ Export
animation… ▸ Whole plot area): every panel, as the window lays them out,
stepped through the run's timeline, captioned with the step and the cells.

Why fresh panels and not the window's own: a frame must have a fixed size
(1920×1080 or 1280×720) whatever the window's size, and the export must not
resize or move what the lecturer sees. So the panels are built again from
the window's registry entries (new panels come along by themselves) in an
offscreen widget laid out at ``LAYOUT`` logical pixels (16:9, the window's
usual plot area), each frame is drawn through the panels' own ``show_run``
with ``training.timeline.run_at`` (what the timeline shows at that step), and
rendered into an image of the frame size with a matching device pixel ratio,
so text and lines are crisp and as large, relative to the frame, at both sizes.
Selectors keep their defaults (the first cell, ‖∂ℓ/∂h_t‖); "?" buttons are hidden.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from plots.animation import qimage_rgb
from plots.theme import THEME
from plugin_host import CellRecord
from training.recorder import RunRecorder
from training.timeline import run_at

from .appearance import qt_palette
from .panels import PANELS, PanelEntry, plot_area

LAYOUT = (1280, 720)  # logical pixels of the laid-out area: 1.5× at 1080p, 1× at 720p


class PlotAreaAnimation:
    """The plot area of one run, redrawn per frame; ``frame(step)`` returns RGB [H, W, 3].
    The same face as ``plots.animation.GradientAnimation`` (``write_animation``'s ``scene``)."""

    def __init__(self, recorder: RunRecorder, size: tuple[int, int],
                 entries: Sequence[PanelEntry] = PANELS, records: Sequence[CellRecord] = ()):
        self.recorder, self.size = recorder, size
        self.widget = QWidget()
        self.widget.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)  # laid out, never on screen
        self.widget.setPalette(qt_palette(THEME.colours))
        self.widget.setAutoFillBackground(True)
        self.caption = QLabel()
        font = QFont(self.caption.font())
        font.setPointSize(THEME.font_size(1.15))
        self.caption.setFont(font)
        self.panels = [entry.panel_class() for entry in entries]
        for panel in self.panels:
            panel.set_cell_records(list(records))
            if panel.help_button is not None:
                panel.help_button.hide()  # nothing to press in a video
        column = QVBoxLayout(self.widget)
        column.setContentsMargins(6, 4, 6, 4)
        column.addWidget(self.caption)
        column.addWidget(plot_area(zip((entry.place for entry in entries), self.panels, strict=True)), 1)
        self.widget.resize(*LAYOUT)
        self.widget.show()  # laid out for real: an unshown widget clips titles and labels
        QApplication.processEvents()
        task = recorder.task
        self.last = max((h.steps for h in recorder.cells.values()), default=0)
        self.words = f"{', '.join(recorder.cells)} — {task.name}, T = {task.sequence_length}"

    def frame(self, step: int) -> np.ndarray:
        view = run_at(self.recorder, step)
        for panel in self.panels:
            panel.show_run(view)
        self.caption.setText(f"<b>Step {step}</b> of {self.last} — {self.words}")
        image = QImage(*self.size, QImage.Format.Format_RGB32)
        image.setDevicePixelRatio(self.size[0] / LAYOUT[0])
        image.fill(self.widget.palette().window().color())
        self.widget.render(image)
        return qimage_rgb(image)

    def close(self) -> None:
        """Delete the panels now. ``deleteLater`` alone waits for an event loop,
        which the CLI's ``animate`` never runs: the widgets then outlived the
        QApplication, and the process crashed on exit after writing the file."""
        self.widget.close()
        self.widget.deleteLater()
        QCoreApplication.sendPostedEvents(self.widget, QEvent.Type.DeferredDelete)
