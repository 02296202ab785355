"""Training: one ``CellRun`` per cell, and a ``Trainer`` that feeds all of them
the same batches in this process (tests, benchmarks). The window and the CLI
run one ``CellRun`` per worker process (see ``training.worker``)."""

from __future__ import annotations

import inspect
import math
import signal
import time
import traceback
from pathlib import Path

import numpy as np
import torch

from cells import Cell, count_parameters
from plugin_host.errors import error_location
from tasks import Batch, Task

from .model import SequenceModel, initialise
from .norms import mean_example_norms, row_norms
from .report import DIVERGED, DONE, ERROR, RUNNING, StepReport
from .sensitivity import final_state_sensitivity
from .spec import RunSpec, build_task

# The Jacobian measure's share of training time at most: it re-runs the top layer
# (about a captured step's cost), so on every capture it halved the steps/s of
# a loaded machine (bench/jacobian_cost.py); past the share a capture skips it.
JACOBIAN_SHARE = 0.1

OPTIMIZER_CLASSES = {"adam": torch.optim.Adam, "sgd": torch.optim.SGD, "rmsprop": torch.optim.RMSprop}


def series_name(state: str, layer: int, reverse: bool, top_layer: int) -> str:
    """"h" for the top forward layer, "h@L0" / "h@L1r" for the others."""
    if layer == top_layer and not reverse:
        return state
    return f"{state}@L{layer}{'r' if reverse else ''}"


class CellRun:
    """One cell's model, optimizer and status, advanced one step at a time."""

    def __init__(self, cell_class: type[Cell], spec: RunSpec, task: Task):
        self.name = cell_class.name
        self.spec = spec
        self.task = task
        self.dtype = getattr(torch, spec.dtype)
        self.device = torch.device(spec.device)
        torch.manual_seed(spec.seed)  # the same seed gives each cell the same start
        self.model = SequenceModel(cell_class, task.input_size, spec.hidden, task.output_size,
                                   spec.layers, spec.bidirectional, spec.dropout)
        blocks = initialise(self.model, spec.init, spec.recurrent_gain, spec.forget_bias)
        self.model.to(device=self.device, dtype=self.dtype)
        self.parameters = count_parameters(self.model)
        self.optimizer = OPTIMIZER_CLASSES[spec.optimizer](self.model.parameters(), lr=spec.lr)
        self.clip = spec.clip
        self.step_count = 0
        self.status = RUNNING
        self.message = ""  # an error's words; until then, a note every report carries
        if not blocks and (spec.init != "default" or spec.recurrent_gain != 1.0):
            self.message = (f"--init {spec.init} / --gain {spec.recurrent_gain:g} changed nothing here: "
                            "the cell has no weight_hh* parameter (docs/PLUGINS.md, the full contract)")
        self.cell_file = _source_file(cell_class)
        self.trained_seconds = 0.0  # all steps so far, and of it the Jacobian measure's
        self.jacobian_seconds = 0.0

    def set_lr(self, lr: float) -> None:
        for group in self.optimizer.param_groups:
            group["lr"] = lr

    def train_step(self, batch: Batch, capture: bool = True) -> StepReport:
        """One optimizer step; never raises (errors become the report's status).
        ``capture``: measure ‖∂ℓ/∂s_t‖, ‖∂h_T/∂h_t‖, ‖s_t‖ and gate means on this step (see
        ``capture_schedule``); without it the step trains the same parameters,
        faster, and reports only loss, metric and gradient norm."""
        started = time.perf_counter()
        self.step_count += 1
        try:
            report = self._train_step(batch, capture)
        except BaseException as error:  # a plugin cell may raise anything, SystemExit included
            if isinstance(error, KeyboardInterrupt) and signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
                raise  # Ctrl-C may be the user's here; workers ignore SIGINT, so there it is the cell's
            where, line = error_location(error, self.cell_file)
            location = f" ({Path(where).name}:{line})" if where and line else ""
            self.status, self.message = ERROR, (
                f"{type(error).__name__}: {error}{location} at step {self.step_count}")
            report = StepReport(self.name, self.step_count, math.nan, math.nan, math.nan, 0.0,
                                traceback=traceback.format_exc())
        report.seconds = time.perf_counter() - started
        self.trained_seconds += report.seconds
        report.finished_at = time.monotonic()
        if self.status == RUNNING and self.spec.steps and self.step_count >= self.spec.steps:
            self.status = DONE
        report.status, report.message = self.status, self.message
        return report

    def _train_step(self, batch: Batch, capture: bool) -> StepReport:
        model, task = self.model, self.task
        model.train()
        inputs = batch.inputs.to(self.device, self.dtype)
        batch = Batch(inputs, batch.targets.to(self.device), batch.mask.to(self.device, self.dtype))
        if batch.targets.is_floating_point():
            batch = Batch(batch.inputs, batch.targets.to(self.dtype), batch.mask)
        unrolled = model(inputs, capture=capture, record_gates=self.spec.record_gates and capture)
        loss = task.loss_per_example(unrolled.outputs, batch).mean()
        self.optimizer.zero_grad(set_to_none=True)
        loss.backward()
        gradients = self._gradient_norms(unrolled) if capture else {}  # before the step changes weights
        parameters = [p for p in model.parameters() if p.grad is not None]
        limit = self.clip if self.clip is not None else math.inf
        grad_norm = float(torch.nn.utils.clip_grad_norm_(parameters, limit)) if parameters else 0.0
        loss_value = float(loss.detach())
        bad = next(((what, value) for what, value in (("loss", loss_value), ("gradient norm", grad_norm))
                    if not math.isfinite(value)), None)
        if bad:
            self.status = DIVERGED
            self.message = f"{bad[0]} became {bad[1]} at step {self.step_count}"
        else:
            self.optimizer.step()
        with torch.no_grad():
            metric = task.metric(unrolled.outputs.detach(), batch)
        return StepReport(self.name, self.step_count, loss_value, metric, grad_norm, 0.0,
                          gradients=gradients, gates=self._gate_means(unrolled),
                          states=self._state_norms(unrolled) if capture else {})

    def _gradient_norms(self, unrolled) -> dict[str, np.ndarray]:
        top = len(self.model.layers) - 1
        norms = {}
        for (layer, reverse, state), gradient in unrolled.state_gradients().items():
            norms[series_name(state, layer, reverse, top)] = mean_example_norms(gradient).cpu().numpy()
        if unrolled.inputs.grad is not None:
            norms["x"] = mean_example_norms(unrolled.inputs.grad).cpu().numpy()
        if unrolled.top_input is not None and (
                self.step_count == 1 or self.jacobian_seconds <= JACOBIAN_SHARE * self.trained_seconds):
            started = time.perf_counter()
            norms.update(self._sensitivity(unrolled.top_input))
            self.jacobian_seconds += time.perf_counter() - started
        return norms

    def _sensitivity(self, top_input: torch.Tensor) -> dict[str, np.ndarray]:
        """{"jacobian": ‖∂h_T/∂h_t‖} of the top forward cell (``sensitivity``),
        with probes seeded by run seed and step; measured on step 1 and on the
        captured steps that keep its time within ``JACOBIAN_SHARE`` of the
        training's (the others' reports lack it); {} when the cell cannot be
        re-run on the larger probe batch (a plugin that fixed its batch size):
        a side measure must not fail the training step."""
        seed = self.spec.seed * 1_000_003 + self.step_count
        generator = torch.Generator(device=self.device).manual_seed(seed)
        try:
            values = final_state_sensitivity(self.model.layers[-1][0], top_input, generator)
        except Exception:  # noqa: BLE001 (a plugin cell may raise anything)
            return {}
        return {"jacobian": values.cpu().numpy()}

    def _state_norms(self, unrolled) -> dict[str, np.ndarray]:
        """Top layer, forward direction: state name -> batch mean of ‖s_t‖ [T]."""
        values = unrolled.state_values(len(self.model.layers) - 1)
        return {name: row_norms(v).mean(dim=1).cpu().numpy()
                for name, v in values.items()}

    def _gate_means(self, unrolled) -> dict[str, np.ndarray]:
        top = len(self.model.layers) - 1
        return {name: values.double().cpu().numpy()
                for name, values in unrolled.gates.get((top, False), {}).items()}


def _source_file(cell_class: type) -> str | None:
    try:
        return inspect.getsourcefile(cell_class)
    except TypeError:
        return None


class Trainer:
    """All cells of a spec, trained on the same batches, in this process."""

    def __init__(self, spec: RunSpec, cell_classes: list[type[Cell]]):
        self.spec = spec
        self.task = build_task(spec)
        self.generator = torch.Generator().manual_seed(spec.seed)
        self.runs: list[CellRun] = []
        self.failures: list[StepReport] = []  # cells that could not be built
        for cell_class in cell_classes:
            try:
                self.runs.append(CellRun(cell_class, spec, self.task))
            except Exception as error:  # a plugin's constructor may raise anything
                self.failures.append(StepReport(
                    cell_class.name, 0, math.nan, math.nan, math.nan, 0.0, status=ERROR,
                    message=f"could not be built: {type(error).__name__}: {error}"))
        self.step_count = 0

    @property
    def active(self) -> list[CellRun]:
        return [run for run in self.runs if run.status == RUNNING]

    def step(self, capture: bool = True) -> list[StepReport]:
        """One step of every running cell on one shared batch."""
        batch = self.task.batch(self.spec.batch, self.generator)
        self.step_count += 1
        return [run.train_step(batch, capture) for run in self.active]
