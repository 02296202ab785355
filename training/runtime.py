"""Process-wide settings every training process applies once."""

from __future__ import annotations

import torch


def configure_training_process(threads: int | None = None) -> None:
    """Flush denormals to zero and optionally pin torch's thread count.

    As gradients vanish, float32 values fall into the denormal range, where
    CPU arithmetic crawls (5-7x slower at T = 500): without this, training
    slows down exactly when the lesson appears. Values below ~1e-38 become 0.
    Several training processes on few cores must each use one thread, or
    OpenMP busy-waiting makes them 2.6-12x slower.
    """
    torch.set_flush_denormal(True)
    if threads is not None:
        torch.set_num_threads(threads)
