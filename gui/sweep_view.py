"""A finished sweep in a window of its own: per-cell mean and spread bands.

Opening a sweep's folder (File ▸ Open run…) shows what ``main.py sweep``
wrote as PNGs, live and readable at the theme's scale: the final metric
against the sequence length T with a band of ± one standard deviation over
the seeds, and, for a chosen T, the loss curves with their bands. One run of
the sweep opens in the main window from the T and seed chosen here, so the
gradients behind a point of the table are one click away.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from cli.sweep import SweepOutcome
from cli.sweep_folder import run_at
from plots.styling import configure_pyqtgraph, style_legend, style_plot
from plots.sweep_figures import draw_loss_bands, draw_metric_vs_length
from training.recorder import RunRecorder

from .task_words import task_text


class SweepView(QWidget):
    """Two plots of one sweep; ``open_run(recorder, name)`` shows one of its runs in the main window."""

    def __init__(self, folder: Path, outcome: SweepOutcome,
                 open_run: Callable[[RunRecorder, str], None], parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Window)
        configure_pyqtgraph()
        self.outcome, self._open_run = outcome, open_run
        recorder = next(iter(outcome.recorders.values()))
        # pyqtgraph's titles are rich text: "accuracy (|error| < tolerance)" would lose its end
        self.metric_name = html.escape(task_text(recorder.task.metric_name))
        self.setWindowTitle(self.tr("GateLab sweep — {0}").format(folder.name))
        seeds = sorted({row["seed"] for row in outcome.rows})
        lengths = sorted({row["length"] for row in outcome.rows})
        summary = QLabel(self.tr("{task}: {cells} cells × {lengths} lengths × {seeds} seeds; "
                                 "bands: ± 1 standard deviation over the seeds").format(
            task=task_text(recorder.task.name), cells=len({row["cell"] for row in outcome.rows}),
            lengths=len(lengths), seeds=len(seeds)))
        summary.setWordWrap(True)
        self.canvas = pg.GraphicsLayoutWidget()
        self.metric_plot = self.canvas.addPlot(row=0, col=0)
        self.loss_plot = self.canvas.addPlot(row=0, col=1)
        self.length = QComboBox()
        self.length.setToolTip(self.tr("The sequence length whose loss curves are shown"))
        for length in lengths:
            self.length.addItem(f"T = {length}", length)
        self.length.currentIndexChanged.connect(self._draw_loss)
        self.seed = QComboBox()
        self.seed.setToolTip(self.tr("The seed of the run to open"))
        for seed in seeds:
            self.seed.addItem(self.tr("seed {0}").format(seed), seed)
        self.open_button = QPushButton(self.tr("Open this run"))
        self.open_button.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.open_button.setToolTip(self.tr("Show every cell's run at this T and seed in the main "
                                            "window, with its gradients (Enter)"))
        self.open_button.clicked.connect(self.open_chosen_run)
        choices = QHBoxLayout()
        for widget in (self.length, self.seed, self.open_button):
            choices.addWidget(widget)
        choices.addStretch(1)
        column = QVBoxLayout(self)
        column.addWidget(summary)
        column.addWidget(self.canvas, 1)
        column.addLayout(choices)
        self._draw_metric()
        self.length.setCurrentIndex(len(lengths) - 1)  # the longest T: where cells differ most
        self._draw_loss()

    def _draw_metric(self) -> None:
        style_plot(self.metric_plot, self.tr("Final {0} against sequence length").format(self.metric_name),
                   self.tr("sequence length T"), self.metric_name)
        style_legend(self.metric_plot.addLegend(offset=(10, -10)))
        draw_metric_vs_length(self.metric_plot, self.outcome.rows, self.tr("chance"))

    def _draw_loss(self) -> None:
        length = self.length.currentData()
        self.loss_plot.clear()
        if self.loss_plot.legend is None:
            style_legend(self.loss_plot.addLegend(offset=(-10, 10)))
        style_plot(self.loss_plot, self.tr("Loss at T = {0}").format(length), self.tr("training step"),
                   self.tr("loss"))
        draw_loss_bands(self.loss_plot, self.outcome.recorders, length, self.tr("chance {0:.3g}"))

    def open_chosen_run(self) -> None:
        """The chosen T and seed in the main window: all cells side by side, as trained."""
        length, seed = self.length.currentData(), self.seed.currentData()
        run = run_at(self.outcome, length, seed)
        if run is not None:
            self._open_run(run, f"T = {length}, seed {seed}")
