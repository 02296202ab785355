"""The adding problem (Le, Jaitly & Hinton 2015; Arjovsky, Shah & Bengio 2016)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .base import Batch, Task, last_step_mask, option

if TYPE_CHECKING:
    import torch
    from torch import Tensor


@dataclass(frozen=True)
class AddingTask(Task):
    """Two channels: values ~ U[0,1] and a marker with exactly two 1s, the first
    in [0, T/2), the second in [T/2, T). Answer the sum of the two marked values
    at the last step. Always answering 1 gives MSE 1/6 ≈ 0.167."""

    tolerance: float = option(0.04, "an answer within this of the target counts as correct", 0.0, 2.0)

    name = "adding"
    description = "sum the two marked numbers of a long sequence (MSE at the last step)"
    metric_name = "accuracy (|error| < tolerance)"
    input_size = 2
    output_size = 1

    @property
    def baseline_loss(self) -> float:
        return 1.0 / 6.0

    @property
    def baseline_metric(self) -> float:
        # The sum of two U[0,1] has a triangular density, 1 at its peak 1.
        d = min(self.tolerance, 1.0)
        return 1.0 - (1.0 - d) ** 2

    def batch(self, batch_size: int, generator: torch.Generator) -> Batch:
        import torch
        length, half = self.length, self.length // 2
        values = torch.rand(length, batch_size, generator=generator)
        first = torch.randint(0, half, (batch_size,), generator=generator)
        second = torch.randint(half, length, (batch_size,), generator=generator)
        markers = torch.zeros(length, batch_size)
        columns = torch.arange(batch_size)
        markers[first, columns] = 1.0
        markers[second, columns] = 1.0
        targets = values[first, columns] + values[second, columns]  # [B]
        inputs = torch.stack([values, markers], dim=-1)             # [T, B, 2]
        return Batch(inputs, targets, last_step_mask(length, batch_size))

    def loss_per_example(self, outputs: Tensor, batch: Batch) -> Tensor:
        return (outputs[-1, :, 0] - batch.targets) ** 2

    def metric(self, outputs: Tensor, batch: Batch) -> float:
        error = (outputs[-1, :, 0] - batch.targets).abs()
        return float((error < self.tolerance).float().mean())
