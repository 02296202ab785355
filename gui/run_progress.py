"""``RunProgress``: the status bar's numbers, steps done and training speed.

The bar shows only while there is a run: with no run its range would be
0..0, which Qt draws as an animated "busy" stripe, and an idle window beside
"Ready" must not look as if it were working.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QWidget

from training.recorder import RunRecorder


class RunProgress(QWidget):
    """Steps done by the slowest cell (the comparison is as far as its last
    cell) and the mean speed per cell; redrawn after every frame of the plots."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.speed_label = QLabel()
        self.progress = QProgressBar()
        self.progress.setToolTip(self.tr("Training steps done by the slowest cell"))
        self.progress.setTextVisible(True)
        self.progress.hide()  # until there is a run (see the module's docstring)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.speed_label)
        layout.addWidget(self.progress)

    def show_run(self, recorder: RunRecorder | None) -> None:
        histories = list(recorder.cells.values()) if recorder else []
        steps = min((h.steps for h in histories), default=0)
        total = recorder.spec.steps if recorder else 0
        self.progress.setVisible(recorder is not None)
        maximum = max(total, steps, 1)  # never 0..0: that is the busy stripe
        if (self.progress.maximum(), self.progress.value()) != (maximum, steps):
            self.progress.setRange(0, maximum)
            self.progress.setValue(steps)
        text = self.tr("step %v of %m") if total else self.tr("step {0}").format(steps)
        partial = recorder is not None and not recorder.complete
        # An interrupted run or a checkpoint opened from disk must not pass for a whole one.
        shown = self.tr("{0} (partial run)").format(text) if partial else text
        self.progress.setFormat(shown)
        # As wide as its text needs at the theme's scale (a fixed width wrapped it at --scale 2).
        written = shown.replace("%v", str(steps)).replace("%m", str(maximum))
        line = self.progress.fontMetrics()
        em = line.height()
        self.progress.setFixedWidth(max(8 * em, line.horizontalAdvance(written) + 2 * em))
        self.progress.setToolTip(
            self.tr("This run was interrupted or saved as a checkpoint: it holds the steps "
                    "done until then") if partial else self.tr("Training steps done by the slowest cell"))
        speeds = [h.steps_per_second for h in histories if h.steps_per_second]
        self.speed_label.setText(self.tr("{0:.1f} steps/s per cell").format(sum(speeds) / len(speeds))
                                 if speeds else "")
