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
Figure = Callable[[RunRecorder, Path, int], Path]


def figure_png(draw: str, recorder: RunRecorder, width: int = 1400) -> bytes:
    """``draw`` ("gradients" or "loss") of ``recorder`` as PNG bytes; raises
    OSError if it came out incomplete."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # never a window flashing on a screen
    from PySide6.QtWidgets import QApplication

    from .figures import gradient_figure, loss_figure

    _app = QApplication.instance() or QApplication([])
    figure: Figure = {"gradients": gradient_figure, "loss": loss_figure}[draw]
    with tempfile.TemporaryDirectory(prefix="gatelab-figure-") as scratch:
        rendered = figure(recorder, Path(scratch) / f"{draw}.png", width).read_bytes()
    if not rendered.endswith(PNG_END):
        raise OSError(f"the {draw} figure came out incomplete")
    return rendered
