"""A sweep's figures: final metric against sequence length, and loss curves,
each cell a mean line with a band of ± one standard deviation over seeds."""

from __future__ import annotations

import html
from pathlib import Path

import numpy as np
import pyqtgraph as pg

from training.recorder import RunRecorder

from .figures import FIGURE_WIDTH, LABEL_STYLE, _export, _legend, _new_plot
from .styling import baseline_pen, cell_pen, style_plot
from .theme import CELL_COLOURS

BAND_ALPHA = 60


def _band(plot: pg.PlotItem, name: str, x: np.ndarray, mean: np.ndarray, deviation: np.ndarray,
          points: bool = False) -> None:
    """The mean as the cell's line (with a dot per value if ``points``), ±
    one deviation as a translucent band of its colour."""
    colour = pg.mkColor(CELL_COLOURS.colour(name))
    colour.setAlpha(BAND_ALPHA)
    # FillBetweenItem needs drawn curves (a PlotDataItem without a pen has no path): invisible pens
    edges = [pg.PlotCurveItem(x, mean + sign * deviation, pen=pg.mkPen(colour, width=0)) for sign in (-1, 1)]
    for edge in edges:
        plot.addItem(edge)
    plot.addItem(pg.FillBetweenItem(*edges, brush=pg.mkBrush(colour)))
    dots = {"symbol": "o", "symbolSize": 8, "symbolBrush": CELL_COLOURS.colour(name)} if points else {}
    plot.plot(x, mean, pen=cell_pen(name), name=name, **dots)


def _mean_and_deviation(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Over axis 0 (seeds), NaN-aware; the deviation is 0 for a single seed."""
    mean = np.nanmean(values, axis=0)
    deviation = np.nanstd(values, axis=0, ddof=1) if len(values) > 1 else np.zeros_like(mean)
    return mean, np.nan_to_num(deviation)


def draw_metric_vs_length(plot: pg.PlotItem, rows: list[dict], chance: str = "chance") -> None:
    """Per cell, the final metric against T: the seeds' mean with dots and a
    ± one deviation band; the chance level as a dashed line named ``chance``."""
    lengths = np.array(sorted({row["length"] for row in rows}), dtype=float)
    for name in dict.fromkeys(row["cell"] for row in rows):
        seeds = sorted({row["seed"] for row in rows if row["cell"] == name})
        table = np.array([[next((r["final_metric"] for r in rows if r["cell"] == name and r["length"] == t
                                 and r["seed"] == s), np.nan) for t in lengths] for s in seeds])
        _band(plot, name, lengths, *_mean_and_deviation(table), points=True)
    levels = [next(r["baseline_metric"] for r in rows if r["length"] == t) for t in lengths]
    plot.plot(lengths, levels, pen=baseline_pen(), name=chance)


def metric_vs_length_figure(rows: list[dict], metric_name: str, path: Path,
                            width: int = FIGURE_WIDTH) -> Path:
    widget, plot = _new_plot()
    words = html.escape(metric_name)  # titles and labels are rich text: "< tolerance" would vanish
    style_plot(plot, f"Final {words} against sequence length (band: ± 1 s.d. over seeds)",
               "sequence length T", words)
    _legend(plot, (10, -10))
    draw_metric_vs_length(plot, rows)
    return _export(widget, plot, path, width)


def draw_loss_bands(plot: pg.PlotItem, recorders: dict[tuple[str, int, int], RunRecorder], length: int,
                    chance: str = "chance baseline {0:.3g}") -> None:
    """Loss against step at one T: per cell the seeds' mean and ± one
    deviation band (on the longest run's steps), and the chance baseline."""
    runs = {key: recorder for key, recorder in recorders.items() if key[1] == length}
    for name in dict.fromkeys(key[0] for key in runs):
        series = [recorder.cells[name].series("loss") for key, recorder in runs.items() if key[0] == name]
        grid = max((steps for steps, _ in series), key=len)
        if not len(grid):
            continue
        table = np.array([np.interp(grid, steps, losses, right=np.nan) if len(steps) else grid * np.nan
                          for steps, losses in series])
        _band(plot, name, grid, *_mean_and_deviation(table))
    baseline = next(iter(runs.values())).task.baseline_loss
    plot.addItem(pg.InfiniteLine(pos=baseline, angle=0, pen=baseline_pen(), label=chance.format(baseline),
                                 labelOpts={"position": 0.85, **LABEL_STYLE}))


def loss_band_figure(recorders: dict[tuple[str, int, int], RunRecorder], length: int, path: Path,
                     width: int = FIGURE_WIDTH) -> Path:
    """Loss against step at one T: the seeds' mean and spread per cell."""
    widget, plot = _new_plot()
    task = next(recorder.task for key, recorder in recorders.items() if key[1] == length)
    style_plot(plot, f"Loss on the {task.name} task, T = {length} (band: ± 1 s.d. over seeds)",
               "training step", "loss")
    _legend(plot, (-10, 10))
    draw_loss_bands(plot, recorders, length)
    return _export(widget, plot, path, width)
