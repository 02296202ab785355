"""Temporal order (Hochreiter & Schmidhuber 1997, experiment 6a), scaled to T."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .base import Batch, ClassificationTask, last_step_mask, one_hot

if TYPE_CHECKING:
    import torch

# Symbols: 0-3 distractors a-d, 4 = X, 5 = Y, 6 = start E, 7 = end B.
X, START, END, ALPHABET = 4, 6, 7, 8


@dataclass(frozen=True)
class TemporalOrderTask(ClassificationTask):
    """Distractors, with an X or a Y at t1 ∈ [T/10, T/5] and again at
    t2 ∈ [T/2, 0.6·T]; classify the order (XX, XY, YX, YY) at the end.
    At T = 100 this is the original's positions. Chance: ln 4, 25 %."""

    name = "order"
    description = "classify the order of two X/Y symbols hidden among distractors (4 classes)"
    input_size = ALPHABET
    output_size = 4

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.length < 10:
            raise ValueError(f"order: length must be at least 10 (got {self.length})")

    @property
    def baseline_loss(self) -> float:
        return math.log(4)

    @property
    def baseline_metric(self) -> float:
        return 0.25

    def batch(self, batch_size: int, generator: torch.Generator) -> Batch:
        import torch
        length = self.length
        symbols = torch.randint(0, 4, (length, batch_size), generator=generator)
        symbols[0], symbols[-1] = START, END
        columns = torch.arange(batch_size)
        first = torch.randint(length // 10, length // 5 + 1, (batch_size,), generator=generator)
        second = torch.randint(length // 2, int(0.6 * length) + 1, (batch_size,), generator=generator)
        which = torch.randint(0, 2, (2, batch_size), generator=generator)
        symbols[first, columns] = X + which[0]
        symbols[second, columns] = X + which[1]
        targets = torch.zeros_like(symbols)
        targets[-1] = 2 * which[0] + which[1]
        return Batch(one_hot(symbols, ALPHABET), targets, last_step_mask(length, batch_size))
