"""First-token recall: name the first symbol after T−1 distractors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .base import Batch, SymbolTask, last_step_mask, one_hot, option

if TYPE_CHECKING:
    import torch


@dataclass(frozen=True)
class RecallTask(SymbolTask):
    """The first token (one of K) decides the answer; the T−1 tokens after it
    are distractors drawn from the same K. Classify at the last step. Knowing
    nothing scores ln K and accuracy 1/K. (The teaching notes' sentence whose
    verb agrees with a subject named long before, in toy form.)"""

    symbols: int = option(8, "K, the number of distinct tokens", 2, 64)

    name = "recall"
    description = "name the first token after T−1 distractors (cross-entropy at the last step)"

    def batch(self, batch_size: int, generator: torch.Generator) -> Batch:
        import torch
        tokens = torch.randint(0, self.symbols, (self.length, batch_size), generator=generator)
        targets = torch.zeros_like(tokens)
        targets[-1] = tokens[0]
        return Batch(one_hot(tokens, self.symbols), targets, last_step_mask(self.length, batch_size))
