"""Shared machinery of the built-in cells: torch's parameter layout and the
input projection that can be computed for all time steps at once."""

from __future__ import annotations

import math

import torch
from torch import Tensor, nn
from torch.nn import functional as F

from .base import Cell, State


class ProjectedCell(Cell):
    """A cell whose input enters only through ``W_ih x + b_ih``.

    Holds ``weight_ih [G*H, I]``, ``weight_hh [G*H, H]``, ``bias_ih``, ``bias_hh``
    exactly as torch's ``RNNCell``/``LSTMCell``/``GRUCell`` do (G gates), so
    their ``state_dict`` loads directly. Because the input term does not depend
    on the state, the trainer may compute it for every time step in one matrix
    product (``project_input``) and then call ``step`` per time step, as cuDNN
    does; ``forward`` does both for one step.
    """

    gate_count = 1

    def __init__(self, input_size: int, hidden_size: int):
        super().__init__(input_size, hidden_size)
        rows = self.gate_count * hidden_size
        self.weight_ih = nn.Parameter(torch.empty(rows, input_size))
        self.weight_hh = nn.Parameter(torch.empty(rows, hidden_size))
        self.bias_ih = nn.Parameter(torch.empty(rows))
        self.bias_hh = nn.Parameter(torch.empty(rows))
        self.reset_parameters()

    def reset_parameters(self) -> None:
        """torch's default: every parameter ~ U(-1/sqrt(H), 1/sqrt(H))."""
        bound = 1.0 / math.sqrt(self.hidden_size)
        for weight in self.parameters():
            nn.init.uniform_(weight, -bound, bound)

    def project_input(self, x: Tensor) -> Tensor:
        """``W_ih x + b_ih`` for any leading shape: [..., I] -> [..., G*H]."""
        return F.linear(x, self.weight_ih, self.bias_ih)

    def step(self, projected_x: Tensor, state: State) -> tuple[Tensor, State]:
        raise NotImplementedError

    def forward(self, x: Tensor, state: State) -> tuple[Tensor, State]:
        return self.step(self.project_input(x), state)
