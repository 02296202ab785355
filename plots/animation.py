"""The gradient through time over training, as an animation for slides.

One frame per point of the run's timeline, chosen evenly from the recorded
steps: ‖∂ℓ/∂h_t‖ against t per cell (step 1 faint, the step of the frame
strong) and a caption with the step and the cells. The axes are fixed for the
whole run (the decades every recorded profile spans), so only the curves move.

Frames are rendered offscreen at a fixed size: the plot is laid out at
``LAYOUT`` logical pixels (16:9) and exported scaled to the size asked for, so
text and lines grow with it (as ``save_png``); a frame that comes out a pixel
off is scaled to the exact size. ``write_animation`` drives the encoder
(``video``) and reports progress, and its callback can cancel.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from training.recorder import RunRecorder
from training.timeline import recorded_steps, run_at

from .styling import cell_pen, configure_pyqtgraph, floored, log_floor, style_legend, style_plot
from .theme import THEME
from .video import Target, choose_target, open_sink

SIZES = {"1920x1080": (1920, 1080), "1280x720": (1280, 720)}
LAYOUT = (960, 540)  # logical layout size (16:9), exported scaled: 2× at 1080p, big enough for a slide
KEY = "h"  # the top layer's ‖∂ℓ/∂h_t‖: the lesson's curve


def parse_size(text: str) -> tuple[int, int]:
    """"1920x1080" or "1280x720" (ValueError otherwise)."""
    if text not in SIZES:
        raise ValueError(f"size must be one of {', '.join(SIZES)} (got {text!r})")
    return SIZES[text]


def frame_steps(steps: list[int], count: int) -> list[int]:
    """``count`` steps spread evenly over the recorded ``steps`` (repeats when
    there are fewer steps than frames: a short run is held, not sped up)."""
    if not steps or count < 1:
        return []
    if count == 1:
        return [steps[-1]]
    return [steps[round(i * (len(steps) - 1) / (count - 1))] for i in range(count)]


class GradientAnimation:
    """The plot of one run, redrawn per frame; ``frame(step)`` returns RGB [H, W, 3]."""

    def __init__(self, recorder: RunRecorder, size: tuple[int, int]):
        configure_pyqtgraph()
        self.recorder, self.size = recorder, size
        self.widget = pg.GraphicsLayoutWidget()
        self.widget.resize(*LAYOUT)
        self.plot = self.widget.addPlot()
        self.plot.setLogMode(y=True)
        style_plot(self.plot, "", "time step t", "‖∂ℓ/∂h<sub>t</sub>‖ (log scale)")
        legend = self.plot.addLegend(offset=(-10, -10), colCount=4)
        style_legend(legend)
        arrays = [m for h in recorder.cells.values() for m in (h.gradient_matrix(KEY)[1],) if m.size]
        finite = [np.where(np.isfinite(m), m, 0.0) for m in arrays]
        self.floor = log_floor(*finite) if finite else 1e-40
        self.curves = {}
        for name, history in recorder.cells.items():
            first = history.first_gradients.get(KEY)
            faint = self.plot.plot(pen=cell_pen(name, strong=False))
            if first is not None:
                faint.setData(np.arange(1, len(first) + 1), floored(first, self.floor))
            self.curves[name] = self.plot.plot(pen=cell_pen(name), name=name)
        self._fix_range(finite, recorder.task.sequence_length)
        self.cells = ", ".join(recorder.cells)
        self.last = max((h.steps for h in recorder.cells.values()), default=0)
        self.widget.show()  # laid out for real: an unshown widget clips titles and labels
        QApplication.processEvents()

    def _fix_range(self, arrays: list[np.ndarray], length: int) -> None:
        logs = [np.log10(floored(a, self.floor)) for a in arrays]
        low = math.floor(min((x.min() for x in logs), default=-1))
        high = math.ceil(max((x.max() for x in logs), default=0))
        self.plot.setXRange(1, max(length, 2), padding=0.02)
        self.plot.setYRange(low, max(high, low + 1), padding=0.02)
        self.plot.disableAutoRange()

    def frame(self, step: int) -> np.ndarray:
        view = run_at(self.recorder, step)
        for name, history in view.cells.items():
            values = history.captured.gradients.get(KEY) if history.captured is not None else None
            if values is None:
                self.curves[name].setData([], [])
            else:
                self.curves[name].setData(np.arange(1, len(values) + 1), floored(values, self.floor))
        task = self.recorder.task
        self.plot.setTitle(f"Gradient through time ‖∂ℓ/∂h<sub>t</sub>‖ — step {step} of {self.last} — "
                           f"{self.cells} — {task.name}, T = {task.sequence_length}",
                           size=f"{THEME.font_size(1.15)}pt")
        return self._export()

    def _export(self) -> np.ndarray:
        exporter = pg.exporters.ImageExporter(self.widget.ci)
        exporter.parameters()["width"] = self.size[0]
        image = exporter.export(toBytes=True)
        if (image.width(), image.height()) != self.size:
            image = image.scaled(*self.size, Qt.AspectRatioMode.IgnoreAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)
        return qimage_rgb(image)

    def close(self) -> None:
        self.widget.close()
        self.widget.deleteLater()


def qimage_rgb(image: QImage) -> np.ndarray:
    """An RGB array [H, W, 3] (a copy) of a QImage."""
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    data = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=stride * height)
    return data.reshape(height, stride)[:, :3 * width].reshape(height, width, 3).copy()


@dataclass
class AnimationResult:
    """What was written: ``target.path`` (the file, or the PNG folder) and
    ``target.fallback`` (why PNG frames, or ""); ``frames`` written;
    ``cancelled`` when the callback stopped it (nothing is left behind then)."""

    target: Target
    frames: int
    cancelled: bool = False


class Scene(Protocol):
    """What draws the frames: built for a recorder and a frame size."""

    def frame(self, step: int) -> np.ndarray: ...
    def close(self) -> None: ...


def write_animation(recorder: RunRecorder, out: Path, size: tuple[int, int] = SIZES["1920x1080"],
                    fps: float = 30, seconds: float = 10,
                    progress: Callable[[int, int], bool] | None = None,
                    scene: Callable[[RunRecorder, tuple[int, int]], Scene] = GradientAnimation
                    ) -> AnimationResult:
    """Render ``fps × seconds`` frames of ``recorder``'s timeline into ``out``
    (.mp4 or .gif; PNG frames when no encoder is installed). ``progress(done,
    total)`` is called after every frame; returning False cancels, and the
    partial file is removed. ``scene`` draws the frames (default: the
    gradient through time; the window passes its whole plot area). Raises
    ValueError (bad arguments, a run without recorded steps) or OSError (could not write)."""
    if fps <= 0 or seconds <= 0 or not math.isfinite(fps * seconds):
        raise ValueError("fps and seconds must be positive numbers")
    steps = frame_steps(recorded_steps(recorder), max(1, round(fps * seconds)))
    if not steps:
        raise ValueError("this run has no recorded step to animate")
    target = choose_target(out)
    target.path.parent.mkdir(parents=True, exist_ok=True)
    drawing = scene(recorder, size)
    sink = open_sink(target, size, fps)
    done = 0
    try:
        for step in steps:
            sink.add(drawing.frame(step))
            done += 1
            if progress is not None and progress(done, len(steps)) is False:
                break
        sink.close()
    except BaseException:
        _close_quietly(sink)
        _remove(target)  # never a truncated file that looks like a whole one
        raise
    finally:
        drawing.close()
    if done < len(steps):
        _remove(target)
        return AnimationResult(target, done, cancelled=True)
    return AnimationResult(target, done)


def _close_quietly(sink) -> None:
    try:
        sink.close()
    except Exception:  # noqa: BLE001 (the first error is the one worth reporting)
        pass


def _remove(target: Target) -> None:
    if target.kind == "png":
        for frame in target.path.glob("frame_*.png"):
            frame.unlink()
        if target.path.is_dir() and not any(target.path.iterdir()):
            target.path.rmdir()
    else:
        target.path.unlink(missing_ok=True)
