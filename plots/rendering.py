"""Figures as PNG bytes from any process: a script, a notebook, the CLI.

pyqtgraph needs a QApplication; unless one exists (the window), it runs on
Qt's offscreen platform, chosen here before Qt starts. pyqtgraph ignores a failed save, so
a figure is rendered to a scratch file and checked to end like a PNG.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from training.recorder import RunRecorder

PNG_END = b"IEND\xaeB`\x82"


def figure_png(draw: str, recorder: RunRecorder, width: int = 1400) -> bytes:
    """``draw`` ("gradients" or "loss") of ``recorder`` as PNG bytes; raises
    OSError if it came out incomplete."""
    def figure(path: Path) -> Path:
        from .figures import gradient_figure, loss_figure

        return {"gradients": gradient_figure, "loss": loss_figure}[draw](recorder, path, width)

    return rendered_png(figure)


def sweep_figure_pngs(rows: list[dict], recorders: dict[tuple[str, int, int], RunRecorder],
                      width: int = 1400) -> dict[str, bytes]:
    """A sweep's figures by file name: metric_vs_length.png and loss_T{T}.png per T."""
    from .sweep_figures import loss_band_figure, metric_vs_length_figure

    metric_name = next(iter(recorders.values())).task.metric_name
    pngs = {"metric_vs_length.png": rendered_png(
        lambda path: metric_vs_length_figure(rows, metric_name, path, width))}
    for length in sorted({key[1] for key in recorders}):
        pngs[f"loss_T{length}.png"] = rendered_png(
            lambda path, length=length: loss_band_figure(recorders, length, path, width))
    return pngs


def rendered_png(figure: Callable[[Path], Path]) -> bytes:
    """Run ``figure(path)`` (which draws with pyqtgraph and saves a PNG there)
    offscreen, and return the bytes once they are a whole PNG (else OSError)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # never a window flashing on a screen
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(prefix="gatelab-figure-") as scratch:
        path = figure(Path(scratch) / "figure.png")
        rendered = path.read_bytes()
    if not rendered.endswith(PNG_END):
        raise OSError(f"{path.name} came out incomplete")
    return rendered
