"""Process-wide settings every training process applies once."""

from __future__ import annotations

import torch


def configure_training_process(threads: int | None = None) -> None:
    """Flush denormals to zero and optionally pin torch's thread count.

    As gradients vanish, float32 values fall into the denormal range, where
    CPU arithmetic crawls (5-7x slower at T = 500): without this, training
    slows down exactly when the lesson appears. Values below ~1e-38 become 0.
    Small recurrent models gain nothing from a second thread, and when other
    processes share the cores OpenMP busy-waiting makes each step 2.6-30x
    slower (measured here: the CLI's 3-cell adding run went from 0.3 to 9.4
    steps/s with one thread on a loaded 2-core machine), so callers pass 1.
    """
    torch.set_flush_denormal(True)
    if threads is not None:
        torch.set_num_threads(threads)
