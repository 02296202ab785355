"""Delayed echo: a synchronized many-to-many task."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .base import Batch, SymbolTask, one_hot, option

if TYPE_CHECKING:
    import torch


@dataclass(frozen=True)
class EchoTask(SymbolTask):
    """Output at step t the token that came in at step t − d (K tokens, random).
    Steps before d carry no loss. Knowing nothing scores ln K, accuracy 1/K;
    a cell must hold a sliding window of d tokens."""

    delay: int = option(10, "d, how many steps back to echo", 1, 100_000)
    symbols: int = option(8, "K, the number of distinct tokens", 2, 64)

    name = "echo"
    description = "repeat each token d steps later (cross-entropy on every step from d on)"
    many_to_one = False

    def __post_init__(self) -> None:
        super().__post_init__()
        if self.delay >= self.length:
            raise ValueError(
                f"echo: delay must be shorter than the length (got {self.delay} >= {self.length})")

    def batch(self, batch_size: int, generator: torch.Generator) -> Batch:
        import torch
        tokens = torch.randint(0, self.symbols, (self.length, batch_size), generator=generator)
        targets = torch.zeros_like(tokens)
        targets[self.delay:] = tokens[:-self.delay]
        mask = torch.zeros(self.length, batch_size)
        mask[self.delay:] = 1.0
        return Batch(one_hot(tokens, self.symbols), targets, mask)
