"""Bounded recording: every step up to a capacity, then every 2nd, 4th, …"""

from __future__ import annotations

from typing import Generic, TypeVar

Item = TypeVar("Item")

# What a run keeps per cell; a saved run holding more rows was not written by GateLab.
METRICS_CAPACITY = 2000
GRADIENTS_CAPACITY = 500


class DecimatingHistory(Generic[Item]):
    """Keeps at most ``capacity`` records of a growing series.

    Policy: record every step until ``capacity`` records are held; then drop
    every other record and record only every 2nd step from then on; when full
    again, every 4th, and so on. The kept steps are always evenly spaced
    multiples of ``stride`` and span the whole run, so an hour of training
    takes the memory of a minute and the plots still show the beginning.
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
        if len(self.items) >= self.capacity:
            self.steps, self.items = self.steps[1::2], self.items[1::2]
            self.stride *= 2
            if not self.wants(step):
                return False
        self.steps.append(step)
        self.items.append(item)
        return True

    def __len__(self) -> int:
        return len(self.items)
