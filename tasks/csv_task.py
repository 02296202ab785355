"""The ``csv`` task: the user's own sequences, from a CSV file.

Each sequence is one example, answered at its last step (many-to-one): a
class (``kind`` classification, cross-entropy, accuracy) or a number
(``kind`` regression, squared error, the share answered within
``tolerance`` standard deviations). The layout and the checks are in
``tasks.csv_data``.

The cells are unrolled for ``length`` T steps. A sequence longer than T
keeps its last T steps (the answer stays at the last step); a shorter one is
padded with zeros in front, so that its own first step comes after the
padding and its answer is still at the last step. Feature columns are
standardised over the whole file (mean 0, standard deviation 1), and so is a
regression target, so that the learning rates that suit the toy tasks suit
these too: the loss is in units of the target's variance, and always
answering the mean scores 1. A classification's chance baseline is the
entropy of the class shares (the best answer that sees nothing), and its
metric baseline the majority class's share. Batches draw sequences with
replacement from the task's generator, so a seed gives the same batches.
"""

from __future__ import annotations

import functools
import math
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .base import Batch, Task, last_step_mask, option
from .csv_data import CLASSIFICATION, REGRESSION, SequenceData, read_sequences

if TYPE_CHECKING:
    import torch
    from torch import Tensor


@functools.lru_cache(maxsize=4)
def _cached(path: str, kind: str, changed: tuple[int, int]) -> SequenceData:
    """The file read once per content stamp (the window builds the task on every edit)."""
    return read_sequences(path, kind)


def load_sequences(path: str, kind: str) -> SequenceData:
    """The sequences of ``path`` (``CsvDataError`` in words when they cannot be used)."""
    try:
        info = os.stat(path)
        stamp = (info.st_mtime_ns, info.st_size)
    except (OSError, ValueError):
        stamp = (0, 0)  # read_sequences says what is wrong
    return _cached(path, kind, stamp)


@functools.lru_cache(maxsize=4)
def _padded(data: SequenceData, length: int) -> tuple[Tensor, Tensor]:
    """Every sequence as [N, T, F], standardised, padded or cut to T; and the targets [N]."""
    import torch
    rows = torch.tensor([step for steps in data.features for step in steps], dtype=torch.float64)
    mean, std = rows.mean(0), rows.std(0, unbiased=False)
    std = torch.where(std > 0, std, torch.ones_like(std))
    inputs = torch.zeros(len(data.features), length, len(data.feature_names))
    for index, steps in enumerate(data.features):
        kept = torch.tensor(steps[-length:], dtype=torch.float64)
        inputs[index, length - len(kept):] = ((kept - mean) / std).float()
    if data.kind == CLASSIFICATION:
        return inputs, torch.tensor(data.targets, dtype=torch.long)
    return inputs, torch.tensor(_standardised(data.targets), dtype=torch.float32)


def _standardised(values: tuple[float, ...]) -> list[float]:
    mean = math.fsum(values) / len(values)
    std = math.sqrt(math.fsum((v - mean) ** 2 for v in values) / len(values))
    return [(v - mean) / std for v in values]


@dataclass(frozen=True)
class CsvTask(Task):
    """Your own sequences: a CSV file with the columns sequence, t, one or more
    features and target; classify or predict each sequence's target at its
    last step. See the module docstring for padding, scaling and baselines."""

    path: str = option("", "the CSV file: columns sequence, t, features…, target (docs/PLUGINS.md)")
    kind: str = option(CLASSIFICATION, "classification (the target is a label) or regression (a number)",
                       choices=(CLASSIFICATION, REGRESSION))
    tolerance: float = option(0.1, "regression: an answer within this many standard deviations counts "
                                   "as correct", 0.0, 10.0)

    name = "csv"
    description = "your own sequences from a CSV file (sequence, t, features…, target; answered at the end)"
    metric_name = "accuracy"

    def __post_init__(self) -> None:
        super().__post_init__()
        self.data  # noqa: B018 (read the file now: a bad one is one message before anything trains)

    @property
    def data(self) -> SequenceData:
        return load_sequences(self.path, self.kind)

    @property
    def input_size(self) -> int:  # type: ignore[override]
        return len(self.data.feature_names)

    @property
    def output_size(self) -> int:  # type: ignore[override]
        return len(self.data.classes) if self.kind == CLASSIFICATION else 1

    def _shares(self) -> list[float]:
        counts = [self.data.targets.count(float(index)) for index in range(len(self.data.classes))]
        return [count / len(self.data.targets) for count in counts]

    @property
    def baseline_loss(self) -> float:
        if self.kind == REGRESSION:
            return 1.0  # the mean's squared error, in units of the target's variance
        return -math.fsum(share * math.log(share) for share in self._shares() if share > 0)

    @property
    def baseline_metric(self) -> float:
        if self.kind == REGRESSION:
            values = _standardised(self.data.targets)
            return sum(abs(value) < self.tolerance for value in values) / len(values)
        return max(self._shares())

    def batch(self, batch_size: int, generator: torch.Generator) -> Batch:
        import torch
        inputs, targets = _padded(self.data, self.length)
        chosen = torch.randint(0, len(targets), (batch_size,), generator=generator)
        return Batch(inputs[chosen].transpose(0, 1).contiguous(), targets[chosen],  # [T, B, F], [B]
                     last_step_mask(self.length, batch_size))

    def loss_per_example(self, outputs: Tensor, batch: Batch) -> Tensor:
        from torch.nn import functional as F
        if self.kind == CLASSIFICATION:
            return F.cross_entropy(outputs[-1], batch.targets, reduction="none")
        return (outputs[-1, :, 0] - batch.targets) ** 2

    def metric(self, outputs: Tensor, batch: Batch) -> float:
        if self.kind == CLASSIFICATION:
            return float((outputs[-1].argmax(-1) == batch.targets).float().mean())
        return float(((outputs[-1, :, 0] - batch.targets).abs() < self.tolerance).float().mean())
