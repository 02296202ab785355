"""``CaptureSchedule``: which training steps capture ‖∂ℓ/∂s_t‖ and gate means.

Why: capture (per-time-step state gradients, gate recomputation) costs more
than the training step itself for a fused kernel, while the window draws at
most ~20 profiles a second and a run keeps at most ``GRADIENTS_CAPACITY``.
So most steps train through torch's fused kernels without capture; loss,
metric and gradient norm are still reported for every step.

Policy (stated in the README):
- step 1 and the run's final step are always captured;
- a run with an end (``steps`` > 0: every CLI, API, sweep and grading run, and
  the window's) captures the multiples of a fixed power of two, the largest
  that still leaves ``GRADIENTS_CAPACITY`` captures in the run (2000 steps: every
  4th). Fixed, so that which steps go through the capture (the Python loop,
  equal to the fused kernels only to float precision) never depends on the
  machine's speed: a seed gives the same numbers on a laptop, a local pool and
  a Dask cluster;
- an endless run (the window with steps 0) starts at 1 and doubles its
  interval whenever a capture would come sooner than ``1 / per_second``
  seconds after the previous one. It never shrinks, so every captured step is
  on the grid of all later ones, and the recording's decimation (multiples of
  its stride) keeps them evenly spaced once its stride passes the interval;
- a step asked for on its own (→ while paused) is always captured, so that
  the plots show it.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from .history import GRADIENTS_CAPACITY

CAPTURES_PER_SECOND = 20.0  # about the window's redraw rate


def fixed_interval(steps: int, capacity: int = GRADIENTS_CAPACITY) -> int:
    """The largest power of two that leaves at least ``capacity`` captures in ``steps``."""
    interval = 1
    while steps // (2 * interval) >= capacity:
        interval *= 2
    return interval


class CaptureSchedule:
    """Decides, step by step, whether a step captures; one per cell and run."""

    def __init__(self, final_step: int = 0, per_second: float = CAPTURES_PER_SECOND,
                 clock: Callable[[], float] = time.monotonic):
        self.final_step = final_step  # 0: the run has no end
        self.gap = 1.0 / per_second if per_second > 0 else 0.0
        self.clock = clock
        self.fixed = final_step > 0  # a run with an end: the same steps on every machine
        self.interval = fixed_interval(final_step) if self.fixed else 1
        self.last_capture: float | None = None

    def wants(self, step: int, asked: bool = False) -> bool:
        """Whether ``step`` captures; a True answer counts as a capture made now."""
        wanted = asked or step == 1 or step == self.final_step or (self.fixed and step % self.interval == 0)
        if self.fixed:
            return wanted
        now = self.clock()
        if not wanted and step % self.interval == 0:
            if self.last_capture is not None and now - self.last_capture < self.gap:
                self.interval *= 2  # captures come faster than anyone can see them
            wanted = step % self.interval == 0
        if wanted:
            self.last_capture = now
        return wanted

