"""Copy memory (Arjovsky, Shah & Bengio 2016)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .base import Batch, ClassificationTask, one_hot

if TYPE_CHECKING:
    import torch

BLANK, DELIMITER, DATA_SYMBOLS, RECALLED = 0, 9, 8, 10


@dataclass(frozen=True)
class CopyTask(ClassificationTask):
    """Ten symbols drawn from 8, then T−1 blanks, a delimiter and ten blanks
    (T+20 steps); the target is T+10 blanks, then the ten symbols again.
    Cross-entropy over all T+20 steps. Answering blanks and then guessing
    uniformly scores 10·ln 8/(T+20); the metric is accuracy on the recalled ten."""

    name = "copy"
    description = "remember 10 symbols across T blanks and repeat them (cross-entropy, all steps)"
    metric_name = "accuracy on the recalled symbols"
    many_to_one = False
    input_size = 10
    output_size = 10

    @property
    def sequence_length(self) -> int:
        return self.length + 2 * RECALLED

    @property
    def baseline_loss(self) -> float:
        return RECALLED * math.log(DATA_SYMBOLS) / self.sequence_length

    @property
    def baseline_metric(self) -> float:
        return 1.0 / DATA_SYMBOLS

    def batch(self, batch_size: int, generator: torch.Generator) -> Batch:
        import torch
        total = self.sequence_length
        data = torch.randint(1, DATA_SYMBOLS + 1, (RECALLED, batch_size), generator=generator)
        symbols = torch.full((total, batch_size), BLANK, dtype=torch.long)
        symbols[:RECALLED] = data
        symbols[RECALLED + self.length - 1] = DELIMITER
        targets = torch.full((total, batch_size), BLANK, dtype=torch.long)
        targets[-RECALLED:] = data
        return Batch(one_hot(symbols, self.input_size), targets, torch.ones(total, batch_size))

    def metric(self, outputs, batch) -> float:
        recalled = outputs[-RECALLED:].argmax(-1) == batch.targets[-RECALLED:]
        return float(recalled.float().mean())
