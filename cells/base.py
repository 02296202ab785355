"""The cell contract: one recurrent time step, as a ``torch.nn.Module``.

Everything in GateLab that trains, plots or validates a cell goes through this
class, and plugin authors subclass it. A cell knows one step; the sequence loop,
the initial state and the readout belong to the trainer (see ``training.model``).

Example::

    class LeakyCell(Cell):
        name = "Leaky"
        def __init__(self, input_size, hidden_size):
            super().__init__(input_size, hidden_size)
            self.inp = torch.nn.Linear(input_size, hidden_size)
        def forward(self, x, state):
            (h,) = state
            h = 0.5 * h + self.inp(x)
            return h, (h,)
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import ClassVar

import torch
from torch import Tensor, nn

State = tuple[Tensor, ...]


class Cell(nn.Module):
    """Base class of every recurrent cell.

    Class attributes a subclass declares:
        name: unique display name (the CLI's ``--cells`` uses it).
        state_names: the names of the state tensors, in order; the first is the
            output state ``h``. An LSTM-like cell declares ``("h", "c")``.
        description: one line shown in the cell list.
        equations: the update equations (plain text or simple HTML).

    ``forward(x, state)`` takes ``x: [batch, input_size]`` and a tuple of
    ``[batch, hidden_size]`` tensors (in ``state_names`` order) and returns
    ``(output, new_state)`` where ``output`` is ``[batch, hidden_size]``.
    """

    name: ClassVar[str] = ""
    state_names: ClassVar[tuple[str, ...]] = ("h",)
    description: ClassVar[str] = ""
    equations: ClassVar[str] = ""

    def __init__(self, input_size: int, hidden_size: int):
        super().__init__()
        self.input_size = int(input_size)
        self.hidden_size = int(hidden_size)
        self._recording = False
        self._gate_trace: dict[str, list[Tensor]] = {}

    def initial_state(
        self, batch_size: int, device: torch.device | str | None = None,
        dtype: torch.dtype | None = None,
    ) -> State:
        """Zeros for every state name; override for a learned or special start."""
        if dtype is None or device is None:
            reference = next(self.parameters(), None)
            if reference is not None:
                dtype = dtype or reference.dtype
                device = device or reference.device
        return tuple(
            torch.zeros(batch_size, self.hidden_size, device=device, dtype=dtype)
            for _ in self.state_names
        )

    def record(self, name: str, tensor: Tensor) -> None:
        """Expose a gate activation for the plots.

        Costs nothing unless the trainer switched recording on; then the mean
        over batch and units is kept, one value per time step.
        """
        if self._recording:
            self._gate_trace.setdefault(name, []).append(tensor.detach().mean())

    @property
    def is_recording(self) -> bool:
        """Whether ``record`` keeps anything now (for hooks that would compute a gate only to record it)."""
        return self._recording

    def set_forget_bias(self, value: float) -> bool:
        """Set the forget gate's total bias (the sum of both bias vectors).

        Cells without a forget gate keep the default, which returns False.
        """
        return False

    @contextmanager
    def recording(self, enabled: bool = True) -> Iterator[dict[str, list[Tensor]]]:
        """Record gates while inside the block; yields name -> per-step means."""
        self._recording = enabled
        self._gate_trace = {}
        try:
            yield self._gate_trace
        finally:
            self._recording = False

    def forward(self, x: Tensor, state: State) -> tuple[Tensor, State]:  # pragma: no cover
        raise NotImplementedError


def recurrent_weights(cell: Cell) -> list[tuple[str, nn.Parameter]]:
    """The parameters that ``--init`` and ``--gain`` act on: those named
    ``weight_hh*`` (torch's name for recurrent weights) of shape [k·H, H],
    i.e. k square blocks. One rule, so that the trainer and the checker (which
    tells a plugin author whether these settings apply) cannot disagree."""
    hidden = cell.hidden_size
    return [(name, parameter) for name, parameter in cell.named_parameters()
            if name.split(".")[-1].startswith("weight_hh") and parameter.dim() == 2
            and parameter.shape[1] == hidden and parameter.shape[0] % hidden == 0]


def count_parameters(module: nn.Module) -> int:
    """Number of trainable scalars."""
    return sum(p.numel() for p in module.parameters() if p.requires_grad)
