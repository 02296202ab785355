"""``StepReport``: what one training step of one cell produced (plain, picklable)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

RUNNING, DONE, DIVERGED, ERROR, STOPPED = "running", "done", "diverged", "error", "stopped"
IDLE = "idle"  # the WorkerEvent kind sent when training stops
WARM = "warm"  # the WorkerEvent kind sent once, before the job, when torch is ready


@dataclass
class StepReport:
    """One cell, one step.

    gradients maps a series name to an array [T] of mean per-example norms
    (float64), index 0 being t = 1:
      "h"            ‖∂ℓ/∂h_t‖ of the top layer (forward direction)
      "c", …         further states of the top layer (e.g. the LSTM's c_t)
      "x"            ‖∂ℓ/∂x_t‖ at the input
      "h@L0", "h@L1r" …  other layers ("r": the backward direction)
      "jacobian"     ‖∂h_T/∂h_t‖_F of the top layer, loss-free (``sensitivity``)
    True zeros are kept: in float32 a vanished gradient underflows to 0.
    gates maps a gate name to its mean activation per time step [T].
    states maps a state name of the top layer to the batch mean of its
    per-example norm ‖s_t‖ per time step [T] (the LSTM's ‖c_t‖ as "c").
    All three are empty on a step that did not capture (``capture_schedule``).
    """

    cell: str
    step: int
    loss: float
    metric: float
    grad_norm: float
    seconds: float
    gradients: dict[str, np.ndarray] = field(default_factory=dict)
    gates: dict[str, np.ndarray] = field(default_factory=dict)
    states: dict[str, np.ndarray] = field(default_factory=dict)
    status: str = RUNNING
    message: str = ""
    traceback: str = ""  # where an error came from, for "View traceback"
    finished_at: float = 0.0  # time.monotonic() when the step ended (one clock for every process)


@dataclass
class WorkerEvent:
    """A worker's news other than a step: "ready" (with the parameter count),
    "error" (the cell could not be built, crashed, or timed out) or "idle"
    (it stopped training: paused, its owed steps done, or its run ended)."""

    cell: str
    kind: str
    parameters: int = 0
    message: str = ""
    traceback: str = ""
