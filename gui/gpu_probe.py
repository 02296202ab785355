"""Asking PyTorch for a GPU without making the window wait for PyTorch.

Importing torch takes 1.5-2 s here, and the window must paint before that
(fast launch). So the answer comes from a background thread, a moment after
the window shows; the device control appears then (``ControlPanel.show_gpu``).
"""

from __future__ import annotations

from PySide6.QtCore import QThread, Signal


class GpuProbe(QThread):
    """Emits ``answered(bool)`` once: whether torch sees a CUDA GPU."""

    answered = Signal(bool)

    def run(self) -> None:
        try:
            import torch

            available = bool(torch.cuda.is_available())
        except Exception:  # a broken CUDA set-up is no GPU, never a crash
            available = False
        self.answered.emit(available)
