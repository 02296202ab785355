"""What a task is: seeded batches for any length, a loss, a metric, a baseline.

The ``Task`` contract, kept by the built-ins and by task plugins alike (see
docs/PLUGINS.md, "Task plugins"): a frozen dataclass whose fields are its
options (``option(default, help, min, max)``, ``length`` first), the class
attributes ``name``, ``description``, ``metric_name``, ``input_size``,
``output_size``, ``many_to_one``; the chance baselines ``baseline_loss`` and
``baseline_metric``; ``batch(batch_size, generator)`` (time-major, the same
batches for the same generator state, for any length); ``loss_per_example``
and ``metric`` (a number in [0, 1]). ``facts()`` is what the window, the CLI
and a saved run know of a task without importing its code: plain data.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    import torch
    from torch import Tensor



@dataclass(frozen=True)
class Batch:
    """One batch, time-major.

    inputs: [T, B, input_size] float; targets: task-specific (class indices or
    values); mask: [T, B] float, 1 where a step carries loss.
    """

    inputs: Tensor
    targets: Tensor
    mask: Tensor


def option(default: Any, help: str, minimum: float | None = None, maximum: float | None = None,
           choices: tuple[str, ...] = ()):
    """A task parameter: shown in ``tasks``, offered as a CLI flag and in the
    window. Its default's type is its type (bool, int, float or str);
    ``choices`` lists the values a str option may take (empty: any text)."""
    return dataclasses.field(default=default, metadata={"help": help, "min": minimum, "max": maximum,
                                                        "choices": tuple(choices)})


@dataclass(frozen=True)
class TaskFacts:
    """What the window, the CLI and a saved run need of one task at its
    settings, as plain data: a task plugin's code runs only in isolated
    processes (the checker, the training workers), which send these back.
    It answers the same attributes as a ``Task`` does, bar the batches."""

    name: str
    description: str
    metric_name: str
    many_to_one: bool
    input_size: int
    output_size: int
    sequence_length: int
    baseline_loss: float
    baseline_metric: float
    settings: dict[str, Any]

    def parameters(self) -> dict[str, Any]:
        return dict(self.settings)

    @property
    def length(self) -> int:
        return int(self.settings.get("length", self.sequence_length))


@dataclass(frozen=True)
class Task:
    """Base of every task. Subclasses are frozen dataclasses whose fields are
    their parameters (``length`` first); they set the class attributes below."""

    length: int = option(100, "sequence length T (time steps that carry the dependency)", 2, 100_000)

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    metric_name: ClassVar[str] = "accuracy"
    many_to_one: ClassVar[bool] = True
    input_size: ClassVar[int] = 1
    output_size: ClassVar[int] = 1

    def __post_init__(self) -> None:
        for spec in dataclasses.fields(self):
            value = getattr(self, spec.name)
            low, high = spec.metadata.get("min"), spec.metadata.get("max")
            choices = spec.metadata.get("choices") or ()
            if choices and value not in choices:
                raise ValueError(f"{self.name}: {spec.name} must be one of {', '.join(choices)} "
                                 f"(got {value!r})")
            if isinstance(value, str):
                continue
            if isinstance(value, float) and not math.isfinite(value):  # NaN passes every comparison
                raise ValueError(f"{self.name}: {spec.name} must be a finite number (got {value})")
            if low is not None and value < low:
                raise ValueError(f"{self.name}: {spec.name} must be at least {low} (got {value})")
            if high is not None and value > high:
                raise ValueError(f"{self.name}: {spec.name} must be at most {high} (got {value})")

    @classmethod
    def options(cls) -> list[dataclasses.Field]:
        return list(dataclasses.fields(cls))

    def parameters(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    def facts(self) -> TaskFacts:
        """This task's facts at its settings (see ``TaskFacts``)."""
        return TaskFacts(name=self.name, description=self.description, metric_name=self.metric_name,
                         many_to_one=bool(self.many_to_one), input_size=int(self.input_size),
                         output_size=int(self.output_size), sequence_length=int(self.sequence_length),
                         baseline_loss=float(self.baseline_loss), baseline_metric=float(self.baseline_metric),
                         settings=self.parameters())

    @property
    def sequence_length(self) -> int:
        """Number of time steps the model is unrolled for."""
        return self.length

    @property
    def baseline_loss(self) -> float:
        """Loss of the best answer that remembers nothing."""
        raise NotImplementedError

    @property
    def baseline_metric(self) -> float:
        """Metric of the best answer that remembers nothing (chance)."""
        raise NotImplementedError

    def batch(self, batch_size: int, generator: torch.Generator) -> Batch:
        """A batch of ``sequence_length`` steps, drawn only from ``generator``
        (so that every cell, seeded alike, sees the same batches)."""
        raise NotImplementedError

    def loss_per_example(self, outputs: Tensor, batch: Batch) -> Tensor:
        """[B] losses from outputs [T, B, output_size]."""
        raise NotImplementedError

    def metric(self, outputs: Tensor, batch: Batch) -> float:
        """A number in [0, 1], higher is better (accuracy, say)."""
        raise NotImplementedError


def one_hot(symbols: Tensor, count: int) -> Tensor:
    from torch.nn import functional as F
    return F.one_hot(symbols, count).float()


class ClassificationTask(Task):
    """Cross-entropy at the masked steps; accuracy over the same steps.

    ``targets`` are class indices [T, B] (unmasked steps hold 0).
    """

    def loss_per_example(self, outputs: Tensor, batch: Batch) -> Tensor:
        from torch.nn import functional as F
        steps, size = outputs.shape[0], outputs.shape[1]
        ce = F.cross_entropy(outputs.reshape(steps * size, -1), batch.targets.reshape(-1),
                             reduction="none").view(steps, size)  # [T, B]
        return (ce * batch.mask).sum(0) / batch.mask.sum(0)

    def metric(self, outputs: Tensor, batch: Batch) -> float:
        correct = (outputs.argmax(-1) == batch.targets).float() * batch.mask
        return float(correct.sum() / batch.mask.sum())


class SymbolTask(ClassificationTask):
    """A classification task over K random tokens, one-hot in and K classes out;
    knowing nothing scores ln K and accuracy 1/K. Subclasses declare the
    ``symbols`` option (K)."""

    symbols: int

    @property
    def input_size(self) -> int:  # type: ignore[override]
        return self.symbols

    @property
    def output_size(self) -> int:  # type: ignore[override]
        return self.symbols

    @property
    def baseline_loss(self) -> float:
        return math.log(self.symbols)

    @property
    def baseline_metric(self) -> float:
        return 1.0 / self.symbols


def last_step_mask(length: int, batch_size: int) -> Tensor:
    import torch
    mask = torch.zeros(length, batch_size)
    mask[-1] = 1.0
    return mask
