"""Validation: does a cell class keep the contract, and is it worth plotting?

``validate_cell(cls)`` checks, in this order, and stops at the first thing
that makes the cell unusable (status ``broken``):

1. the static contract: a ``Cell`` subclass, a ``name`` and a tuple of
   distinct ``state_names`` that keep the name rules (``plugin_host.names``:
   they become list entries, keys and labels), a constructor that takes ``(input_size, hidden_size)``;
2. one forward step on a small batch (inside ``recording()``, so ``record``
   calls run too), then a second step from its result: the output and every
   state must be ``[batch, hidden_size]`` tensors of the input's dtype, one per
   state name, all finite;
3. a backward pass from the second step's output: every parameter should get
   a gradient, and so should the previous state ``h_{t-1}`` — without it the
   gradient-through-time plot shows nothing (status ``warning``); and the
   output must be the returned state ``h_t`` or be computed from it, else the
   plot misses the readout's path (``warning``);
4. a float64 step (the window's "float64" option; a failure is a warning),
   and which run settings act on the cell (``setting_notes``: init and gain,
   forget bias, float64, CUDA — one step on a GPU where one is present);
5. the time of one step, forward + backward, at batch 32 and hidden size 64.

No Qt here. Plugin code runs inside this function, so call it in the
isolated checker process (``plugin_host.checker``) for code you do not trust.
"""

from __future__ import annotations

import inspect
import time
from dataclasses import dataclass, field

import torch

from cells.base import Cell, count_parameters

from .errors import ContractError, describe_error, error_words, format_traceback, plugin_line
from .messages import VALIDATE
from .names import declaration_problem, names_problem
from .records import BROKEN, OK, WARNING, SettingNote
from .setting_notes import setting_notes

# Odd, distinct sizes so that a swapped or hard-coded dimension shows.
CHECK_BATCH, CHECK_INPUT, CHECK_HIDDEN = 3, 5, 7
# The size the timing and the parameter count refer to (the window's default).
TIMING_BATCH, TIMING_INPUT, TIMING_HIDDEN, TIMING_LENGTH = 32, 2, 64, 10
TIMING_BUDGET_S = 0.08


@dataclass
class ValidationResult:
    """What validation found; ``reason`` is one plain sentence (empty when ok)."""

    status: str = OK
    reason: str = ""
    warnings: list[str] = field(default_factory=list)
    parameters: int | None = None
    ms_per_step: float | None = None
    gradient_to_previous: bool | None = None
    gates: tuple[str, ...] = ()
    settings: tuple[SettingNote, ...] = ()  # which run settings act on the cell
    line: int | None = None
    traceback: str = ""


def contract_problem(cls: object) -> str | None:
    """Why a class cannot be a cell, or None when the static contract holds."""
    problem = declaration_problem(cls, Cell, "give the cell a display name")
    if problem:
        return problem
    names = cls.state_names
    if not isinstance(names, tuple) or not names or not all(isinstance(n, str) for n in names):
        return "`state_names` must be a non-empty tuple of strings, e.g. ('h',) or ('h', 'c')"
    problem = names_problem(names, "state")
    if problem:
        return f"`state_names`: {problem}"
    try:
        inspect.signature(cls).bind(1, 1)
    except (TypeError, ValueError):
        return "the constructor must accept (input_size, hidden_size)"
    return None


def _describe(value: object) -> str:
    if isinstance(value, torch.Tensor):
        return f"a tensor of shape {list(value.shape)}"
    return f"a {type(value).__name__}"


def _check_step(cls: type[Cell], result: object, batch: int, hidden: int, dtype: torch.dtype,
                step: int) -> tuple[torch.Tensor, tuple[torch.Tensor, ...]]:
    """The (output, state) of one forward call, or ContractError saying what is wrong."""
    names = cls.state_names
    if not (isinstance(result, tuple | list) and len(result) == 2):
        raise ContractError(f"forward must return (output, state), but returned {_describe(result)}")
    output, state = result
    if not isinstance(state, tuple | list):
        raise ContractError(f"forward must return the state as a tuple, but returned {_describe(state)}")
    if len(state) != len(names):
        raise ContractError(f"forward returned {len(state)} state tensor(s), but state_names declares "
                          f"{len(names)} {tuple(names)}")
    expected = [batch, hidden]
    labelled = [("the output", output)] + [(f"state {n!r}", s) for n, s in zip(names, state, strict=True)]
    for label, tensor in labelled:
        if not isinstance(tensor, torch.Tensor):
            raise ContractError(f"{label} must be a tensor, but is {_describe(tensor)}")
        if list(tensor.shape) != expected:
            raise ContractError(f"{label} has shape {list(tensor.shape)}, expected [batch, hidden_size] "
                              f"= {expected} (input size {CHECK_INPUT}, hidden size {hidden})")
        if tensor.dtype != dtype:
            raise ContractError(f"{label} has dtype {tensor.dtype}, expected {dtype} like the input")
        if not torch.isfinite(tensor).all():
            bad = "NaN" if torch.isnan(tensor).any() else "Inf"
            raise ContractError(f"{label} contains {bad} after step {step} of a small random batch")
    return output, tuple(state)


def _gradient_check(cls: type[Cell], result: ValidationResult) -> None:
    """Two steps in float32, then backward; fills gates, gradient_to_previous, warnings."""
    cell = cls(CHECK_INPUT, CHECK_HIDDEN)
    initial = cell.initial_state(CHECK_BATCH)
    if not isinstance(initial, tuple | list) or len(initial) != len(cls.state_names):
        raise ContractError(f"initial_state returned {_describe(initial)}, expected a tuple of "
                          f"{len(cls.state_names)} tensor(s) {tuple(cls.state_names)}")
    # A random (not zero) previous state, so that every weight matters.
    state = tuple((0.5 * torch.randn(CHECK_BATCH, CHECK_HIDDEN)).requires_grad_() for _ in cls.state_names)
    xs = torch.randn(2, CHECK_BATCH, CHECK_INPUT)
    with cell.recording() as trace:
        output, middle = _check_step(cls, cell(xs[0], state), CHECK_BATCH, CHECK_HIDDEN, torch.float32, 1)
    result.gates = tuple(trace)
    first_output = output
    output, _ = _check_step(cls, cell(xs[1], middle), CHECK_BATCH, CHECK_HIDDEN, torch.float32, 2)
    _plot_fidelity_check(cls, first_output, middle[0], result)
    if not output.requires_grad:
        raise ContractError("the output does not depend on anything trainable (no gradient at all: "
                          "a .detach() or torch.no_grad() in forward?)")
    weights = torch.randn(output.shape)
    (output * weights).sum().backward()
    missing = [name for name, p in cell.named_parameters()
               if p.requires_grad and (p.grad is None or not bool(p.grad.abs().sum() > 0))]
    gradients = [p.grad for p in cell.parameters() if p.grad is not None]
    if any(not torch.isfinite(g).all() for g in gradients):
        raise ContractError("the backward pass produced NaN or Inf gradients")
    h_grad = state[0].grad
    result.gradient_to_previous = h_grad is not None and bool(h_grad.abs().sum() > 0)
    if not result.gradient_to_previous:
        result.warnings.append(
            f"no gradient reaches the previous state {cls.state_names[0]}_(t-1): the output does not "
            "depend on it differentiably (a .detach()?), so the gradient-through-time plot stays empty")
    if missing:
        shown = ", ".join(missing[:4]) + (" …" if len(missing) > 4 else "")
        result.warnings.append(f"no gradient reaches {len(missing)} parameter(s): {shown}; "
                               "they will never be trained")


def _plot_fidelity_check(cls: type[Cell], output: torch.Tensor, state: torch.Tensor,
                         result: ValidationResult) -> None:
    """The plot reads ∂ℓ/∂h_t off the returned state tensor (``state[0]``). The
    readout's path reaches it only if the output is that tensor or is computed
    from it; an output computed beside it (``out, h_n = gru(x, h)``, or
    ``return h, (h.clone(),)``) leaves the readout out: the profile reads 0 at
    the last time step, where it should be largest, and nothing else fails."""
    if output is state or not state.requires_grad:
        return
    (reaches,) = torch.autograd.grad(output.sum(), state, retain_graph=True, allow_unused=True)
    if reaches is None:
        name = cls.state_names[0]
        result.warnings.append(
            f"the output is not the returned state {name} nor computed from it, so the gradient-through-time "
            f"plot (read off the returned {name}) misses the readout's path and shows 0 at the last step; "
            f"return the state tensor itself as the output (return {name}, ({name}, …)) — see "
            "docs/PLUGINS.md, 'Output and state'")


def _one_step(cls: type[Cell], dtype: torch.dtype, device: torch.device) -> None:
    """One step of a fresh cell in ``dtype`` on ``device``, or the error that stopped it."""
    cell = cls(CHECK_INPUT, CHECK_HIDDEN).to(device=device, dtype=dtype)
    state = cell.initial_state(CHECK_BATCH, device=device, dtype=dtype)
    output, new_state = _check_step(
        cls, cell(torch.randn(CHECK_BATCH, CHECK_INPUT, dtype=dtype, device=device), state),
        CHECK_BATCH, CHECK_HIDDEN, dtype, 1)
    stray = [t.device for t in (output, *new_state) if t.device.type != device.type]
    if stray:
        raise ContractError(f"a step on {device.type} returned a tensor on {stray[0]}")


def _float64_check(cls: type[Cell], result: ValidationResult) -> str | None:
    """Why one float64 step fails (also a warning), or None when it runs."""
    try:
        _one_step(cls, torch.float64, torch.device("cpu"))
    except Exception as error:  # a plugin may raise anything
        text = error_words(error)
        result.warnings.append(f"fails in float64 (the window's float64 option): {text}")
        return text
    return None


def _time_steps(cls: type[Cell], result: ValidationResult) -> None:
    """ms per time step, forward + backward, at batch 32, input 2, hidden 64."""
    cell = cls(TIMING_INPUT, TIMING_HIDDEN)
    result.parameters = count_parameters(cell)
    xs = torch.randn(TIMING_LENGTH, TIMING_BATCH, TIMING_INPUT)
    timings = []
    started = time.perf_counter()
    while len(timings) < 2 or (time.perf_counter() - started < TIMING_BUDGET_S and len(timings) < 10):
        begin = time.perf_counter()
        state = cell.initial_state(TIMING_BATCH)
        total = 0.0
        for x in xs:
            output, state = cell(x, tuple(state))
            total = total + output.sum()
        if isinstance(total, torch.Tensor) and total.requires_grad:
            total.backward()
        timings.append((time.perf_counter() - begin) / TIMING_LENGTH)
    result.ms_per_step = 1000.0 * sorted(timings[1:])[len(timings[1:]) // 2]  # median, no warm-up


def _line_in(cls: type, error: BaseException) -> int | None:
    try:
        file = inspect.getsourcefile(cls)
    except TypeError:
        return None
    place = plugin_line(error, file)
    return place[1] if place else None


def validate_cell(cls: type[Cell], timing: bool = True) -> ValidationResult:
    """Judge one cell class; never raises (plugin errors become the result)."""
    result = ValidationResult()
    problem = contract_problem(cls)
    if problem:
        return ValidationResult(status=BROKEN, reason=problem)
    torch.manual_seed(0)
    try:
        _gradient_check(cls, result)
        float64_error = _float64_check(cls, result)
        result.settings, warnings = setting_notes(
            lambda: cls(CHECK_INPUT, CHECK_HIDDEN), float64_error,
            lambda device: _one_step(cls, torch.float32, device))
        result.warnings += warnings
        if timing:
            _time_steps(cls, result)
    except ContractError as error:
        return ValidationResult(status=BROKEN, reason=str(error), gates=result.gates)
    except (Exception, SystemExit) as error:  # whatever the plugin raises
        return ValidationResult(
            status=BROKEN, reason=describe_error(error, during=VALIDATE),
            line=_line_in(cls, error), gates=result.gates, traceback=format_traceback(error))
    if result.warnings:
        result.status, result.reason = WARNING, "; ".join(result.warnings)
    return result
