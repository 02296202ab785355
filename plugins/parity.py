"""Parity of marked bits (delayed XOR): an example task plugin.

A sequence of T random bits comes with a second channel that marks K of
them (``marked``, default 2: the first in the first half, the others
anywhere after it). At the last step, answer whether an odd number of the
marked bits are 1. With K = 2 this is the delayed XOR; larger K is the
parity problem that Hochreiter & Schmidhuber (1997) and Bengio et al. (1994)
used to show how far gradients carry.

What to notice: no single marked bit says anything about the answer, so a
cell cannot get partway by remembering one of them (unlike adding, where
each value alone lowers the loss). The loss sits at ln 2 until the cell keeps
every marked bit, then drops at once: the plateau of a long-dependency task.

A task plugin is a frozen dataclass: its fields are its options, shown in
the window and given on the command line as ``--task-option marked=3``.
"""

import math
from dataclasses import dataclass

import torch
from torch.nn import functional as F

from tasks import Batch, Task
from tasks.base import last_step_mask, option


@dataclass(frozen=True)
class ParityTask(Task):
    marked: int = option(2, "K, how many bits are marked (2: delayed XOR)", 1, 16)

    name = "parity"
    description = "is the number of marked 1-bits odd? (delayed XOR; cross-entropy at the last step)"
    metric_name = "accuracy"
    input_size = 2
    output_size = 2

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.marked > self.length // 2:
            raise ValueError(f"parity: marked must be at most half the length (got {self.marked})")

    @property
    def baseline_loss(self) -> float:
        return math.log(2)  # no marked bit alone tells anything: a coin toss

    @property
    def baseline_metric(self) -> float:
        return 0.5

    def batch(self, batch_size: int, generator: torch.Generator) -> Batch:
        length, half = self.length, self.length // 2
        bits = torch.randint(0, 2, (length, batch_size), generator=generator).float()
        first = torch.randint(0, half, (1, batch_size), generator=generator)
        # The other marks: distinct places after the first, drawn by sorting random keys.
        keys = torch.rand(length, batch_size, generator=generator)
        keys[torch.arange(length)[:, None] <= first] = 2.0  # never at or before the first
        others = keys.argsort(0)[: self.marked - 1]
        places = torch.cat([first, others])                                    # [K, B]
        marks = torch.zeros(length, batch_size).scatter_(0, places, 1.0)      # [T, B]
        targets = torch.zeros(length, batch_size, dtype=torch.long)
        targets[-1] = (bits * marks).sum(0).long() % 2
        inputs = torch.stack([bits, marks], dim=-1)                            # [T, B, 2]
        return Batch(inputs, targets, last_step_mask(length, batch_size))

    def loss_per_example(self, outputs, batch):
        return F.cross_entropy(outputs[-1], batch.targets[-1], reduction="none")

    def metric(self, outputs, batch) -> float:
        return float((outputs[-1].argmax(-1) == batch.targets[-1]).float().mean())
