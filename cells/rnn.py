"""The Elman recurrent network (vanilla RNN)."""

from __future__ import annotations

import torch
from torch import Tensor
from torch.nn import functional as F

from ._projected import ProjectedCell
from .base import State


class RNN(ProjectedCell):
    """Elman RNN cell, identical to ``torch.nn.RNNCell``.

    Equation (one time step)::

        h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh)

    Shapes: x_t [B, I]; h [B, H]; weight_ih [H, I]; weight_hh [H, H];
    bias_ih, bias_hh [H]. Initialisation: every parameter ~ U(-1/sqrt(H), 1/sqrt(H)).

    Why it forgets: dh_t/dh_{t-1} = diag(1 - h_t^2) W_hh. The gradient reaching
    h_1 from a loss at step T is a product of T-1 such Jacobians; with
    |tanh'| <= 1 and a small W_hh it shrinks geometrically (vanishes).

    Example::

        cell = RNN(2, 64)
        h, (h,) = cell(torch.randn(32, 2), cell.initial_state(32))
    """

    name = "RNN"
    description = "Elman RNN: one tanh layer, no gates"
    equations = ("h<sub>t</sub> = tanh(W<sub>ih</sub>x<sub>t</sub> + b<sub>ih</sub>"
                 " + W<sub>hh</sub>h<sub>t−1</sub> + b<sub>hh</sub>)")
    gate_count = 1

    def __init__(self, input_size: int, hidden_size: int, nonlinearity: str = "tanh"):
        if nonlinearity not in ("tanh", "relu"):
            raise ValueError("nonlinearity must be 'tanh' or 'relu'")
        self.nonlinearity = nonlinearity
        super().__init__(input_size, hidden_size)

    def step(self, projected_x: Tensor, state: State) -> tuple[Tensor, State]:
        (h,) = state
        pre = projected_x + F.linear(h, self.weight_hh, self.bias_hh)  # [B, H]
        h = torch.tanh(pre) if self.nonlinearity == "tanh" else torch.relu(pre)
        return h, (h,)
