"""Bounded recording: every step up to a capacity, then every 2nd, 4th, …"""

from __future__ import annotations

from typing import Generic, TypeVar

Item = TypeVar("Item")

# What a run keeps per cell; a saved run holding more rows was not written by GateLab.
METRICS_CAPACITY = 2000
GRADIENTS_CAPACITY = 500


class DecimatingHistory(Generic[Item]):
    """Keeps at most ``capacity`` records of a growing series.

    Policy: record every step until ``capacity`` records are held; then keep
    only the multiples of 2 and record only every 2nd step from then on; when
    full again, every 4th, and so on. The kept steps are always multiples of
    ``stride`` and span the whole run, so an hour of training takes the memory
    of a minute and the plots still show the beginning. They are evenly
    spaced when every step is offered; gradient profiles are offered only on
    captured steps (``capture_schedule``), a grid that may grow coarser than
    ``stride``, so their rows are placed at their own step numbers.
    """

    def __init__(self, capacity: int = 1000):
        if capacity < 2:
            raise ValueError("capacity must be at least 2")
        self.capacity = capacity
        self.stride = 1
        self.steps: list[int] = []
        self.items: list[Item] = []

    def wants(self, step: int) -> bool:
        return step % self.stride == 0

    def add(self, step: int, item: Item) -> bool:
        """Record ``item`` for ``step`` if the policy keeps it; True if kept."""
        if not self.wants(step):
            return False
        while len(self.items) >= self.capacity:
            self.stride *= 2
            kept = [i for i, kept_step in enumerate(self.steps) if self.wants(kept_step)]
            self.steps, self.items = [self.steps[i] for i in kept], [self.items[i] for i in kept]
            if not self.wants(step):
                return False
        self.steps.append(step)
        self.items.append(item)
        return True

    def __len__(self) -> int:
        return len(self.items)
