"""Validation of a task class: does it keep the ``tasks.Task`` contract?

``validate_task(cls, settings)`` checks, in this order, and stops at the
first thing that makes the task unusable (status ``broken``):

1. the static contract: a ``Task`` subclass and a frozen dataclass, a ``name``
   that keeps the name rules, options whose defaults are bool, int, float or str;
2. the task built at ``settings`` (default: its defaults): sizes are positive
   integers, ``baseline_loss`` a positive finite number, ``baseline_metric``
   a number in [0, 1];
3. batches at two lengths: ``Batch`` of tensors, inputs ``[steps, batch,
   input_size]`` floating point and finite, a mask ``[steps, batch]``,
   targets with the batch in their first or second place; two generators
   seeded alike give the same batch (else it draws from torch's global random
   state, and cells would see different data);
4. the loss of random outputs: ``[batch]``, finite, and its gradient reaches
   the outputs; the metric: a number in [0, 1].

A task whose batches ignore the seed altogether gets a warning. Plugin code
runs here: call it only in the isolated checker's child.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any

import torch

from tasks.base import Batch, Task, TaskFacts

from .errors import describe_error, format_traceback
from .messages import VALIDATE
from .names import declaration_problem
from .records import BROKEN, OK, WARNING
from .validation import ContractError
from .validation import _line_in as line_in

CHECK_BATCH = 3
OPTION_TYPES = (bool, int, float, str)


@dataclass
class TaskJudgement:
    """What validation found; ``facts`` at the settings asked for, when the task could be built."""

    status: str = OK
    reason: str = ""
    warnings: list[str] = field(default_factory=list)
    line: int | None = None
    traceback: str = ""
    facts: TaskFacts | None = None


def task_contract_problem(cls: object) -> str | None:
    """Why a class cannot be a task, or None when the static contract holds."""
    problem = declaration_problem(cls, Task, "give the task a name to choose it by")
    if problem:
        return problem
    if not dataclasses.is_dataclass(cls) or not cls.__dataclass_params__.frozen:
        return "a task must be a frozen dataclass: put @dataclass(frozen=True) above the class"
    for option in dataclasses.fields(cls):
        if option.default is dataclasses.MISSING:
            return f"option {option.name!r} has no default: declare it with option(default, help)"
        if type(option.default) not in OPTION_TYPES:
            return (f"option {option.name!r} has a default of type {type(option.default).__name__}; "
                    "options are bool, int, float or str")
    return None


def _describe(value: object) -> str:
    if isinstance(value, torch.Tensor):
        return f"a {value.dtype} tensor of shape {list(value.shape)}"
    return f"a {type(value).__name__}"


def _check_facts(facts: TaskFacts) -> None:
    for name in ("input_size", "output_size", "sequence_length"):
        if getattr(facts, name) < 1:
            raise ContractError(f"{name} must be a positive integer (got {getattr(facts, name)})")
    if not (math.isfinite(facts.baseline_loss) and facts.baseline_loss > 0):
        raise ContractError(f"baseline_loss must be a positive finite number: the loss of the best answer "
                            f"that remembers nothing (got {facts.baseline_loss})")
    if not (math.isfinite(facts.baseline_metric) and 0.0 <= facts.baseline_metric <= 1.0):
        raise ContractError(f"baseline_metric must be a number in [0, 1] (got {facts.baseline_metric})")


def _check_batch(task: Task, batch: object) -> Batch:
    steps, size = task.sequence_length, CHECK_BATCH
    if not isinstance(batch, Batch):
        raise ContractError(f"batch() must return a tasks.Batch, but returned {_describe(batch)}")
    inputs, targets, mask = batch.inputs, batch.targets, batch.mask
    for label, value in (("inputs", inputs), ("targets", targets), ("mask", mask)):
        if not isinstance(value, torch.Tensor):
            raise ContractError(f"the batch's {label} must be a tensor, but is {_describe(value)}")
    expected = [steps, size, task.input_size]
    if list(inputs.shape) != expected or not inputs.is_floating_point():
        raise ContractError(f"the batch's inputs are {_describe(inputs)}, expected a float tensor of shape "
                            f"[steps, batch, input_size] = {expected} (T = {task.length})")
    if not torch.isfinite(inputs).all():
        raise ContractError(f"the batch's inputs contain NaN or Inf (T = {task.length})")
    if list(mask.shape) != [steps, size]:
        raise ContractError(f"the batch's mask is {_describe(mask)}, expected shape [steps, batch] = "
                            f"{[steps, size]}")
    if size not in targets.shape[:2]:
        raise ContractError(f"the batch's targets are {_describe(targets)}: the batch ({size}) must be "
                            "their first or second dimension")
    return batch


def _same(first: Batch, second: Batch) -> bool:
    return all(torch.equal(getattr(first, name), getattr(second, name))
               for name in ("inputs", "targets", "mask"))


def _check_batches(task: Task, result: TaskJudgement) -> Batch:
    batch = _check_batch(task, task.batch(CHECK_BATCH, torch.Generator().manual_seed(0)))
    again = _check_batch(task, task.batch(CHECK_BATCH, torch.Generator().manual_seed(0)))
    if not _same(batch, again):
        raise ContractError(f"two generators seeded alike gave different batches (T = {task.length}): draw "
                            "every random number from the `generator` argument (torch.rand(..., "
                            "generator=generator)), so that every cell sees the same data")
    other = _check_batch(task, task.batch(CHECK_BATCH, torch.Generator().manual_seed(1)))
    if _same(batch, other) and not result.warnings:
        result.warnings.append("every seed gives the same batch: the task ignores its generator, so the "
                               "cells see one batch over and over")
    return batch


def _check_loss_and_metric(task: Task, batch: Batch) -> None:
    outputs = torch.randn(task.sequence_length, CHECK_BATCH, task.output_size, requires_grad=True)
    loss = task.loss_per_example(outputs, batch)
    if not isinstance(loss, torch.Tensor) or list(loss.shape) != [CHECK_BATCH]:
        raise ContractError(f"loss_per_example must return one loss per example, shape [batch] = "
                            f"[{CHECK_BATCH}], but returned {_describe(loss)}")
    if not torch.isfinite(loss).all():
        raise ContractError("loss_per_example gave NaN or Inf for random outputs")
    if not loss.requires_grad:
        raise ContractError("the loss does not depend on the outputs (no gradient would reach the cells)")
    loss.mean().backward()
    if outputs.grad is None or not torch.isfinite(outputs.grad).all():
        raise ContractError("the loss's gradient does not reach the outputs, or is NaN or Inf")
    metric = task.metric(outputs.detach(), batch)
    try:
        value = float(metric)
    except (TypeError, ValueError):
        raise ContractError(f"metric must return a number, but returned {_describe(metric)}") from None
    if not (math.isfinite(value) and 0.0 <= value <= 1.0):
        raise ContractError(f"metric must return a number in [0, 1] (got {value})")


def _lengths(cls: type[Task], settings: dict[str, Any]) -> list[Task]:
    """The task at the asked length and at about half of it (a task may refuse the shorter)."""
    length, options = settings.get("length"), settings.get("options", {})
    first = cls(**options) if length is None else cls(length=length, **options)
    try:
        second = cls(**(dataclasses.asdict(first) | {"length": max(2, first.length // 2 + 1)}))
    except ValueError:
        return [first]
    return [first, second]


def validate_task(cls: type[Task], settings: dict[str, Any] | None = None) -> TaskJudgement:
    """Judge one task class at ``settings`` ({"length", "options"}; default: its
    defaults); never raises (plugin errors become the judgement)."""
    result = TaskJudgement()
    problem = task_contract_problem(cls)
    if problem:
        return TaskJudgement(status=BROKEN, reason=problem)
    torch.manual_seed(0)
    try:
        tasks = _lengths(cls, settings or {})
    except ValueError as error:  # the task refuses these settings, in its own words
        return TaskJudgement(status=BROKEN, reason=str(error), line=line_in(cls, error))
    except (Exception, SystemExit) as error:
        return TaskJudgement(status=BROKEN, reason=describe_error(error, during=VALIDATE),
                             line=line_in(cls, error), traceback=format_traceback(error))
    try:
        result.facts = tasks[0].facts()
        _check_facts(result.facts)
        for task in tasks:
            _check_loss_and_metric(task, _check_batches(task, result))
    except ContractError as error:
        return TaskJudgement(status=BROKEN, reason=str(error), facts=result.facts)
    except (Exception, SystemExit) as error:  # whatever the plugin raises
        return TaskJudgement(status=BROKEN, reason=describe_error(error, during=VALIDATE),
                             line=line_in(cls, error), traceback=format_traceback(error), facts=result.facts)
    if result.warnings:
        result.status, result.reason = WARNING, "; ".join(result.warnings)
    return result

