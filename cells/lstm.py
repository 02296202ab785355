"""Long short-term memory (Hochreiter & Schmidhuber 1997, with the forget gate
of Gers et al. 2000)."""

from __future__ import annotations

import torch
from torch import Tensor
from torch.nn import functional as F

from ._projected import ProjectedCell
from .base import State


class LSTM(ProjectedCell):
    """LSTM cell, identical to ``torch.nn.LSTMCell``.

    Equations (one time step; σ is the logistic sigmoid, ⊙ elementwise)::

        i_t = σ(W_ii x_t + b_ii + W_hi h_{t-1} + b_hi)     input gate
        f_t = σ(W_if x_t + b_if + W_hf h_{t-1} + b_hf)     forget gate
        g_t = tanh(W_ig x_t + b_ig + W_hg h_{t-1} + b_hg)  candidate
        o_t = σ(W_io x_t + b_io + W_ho h_{t-1} + b_ho)     output gate
        c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
        h_t = o_t ⊙ tanh(c_t)

    Shapes: x_t [B, I]; h, c [B, H]; weight_ih [4H, I] and weight_hh [4H, H]
    stack the gates in the order i, f, g, o; bias_ih, bias_hh [4H].
    Initialisation: U(-1/sqrt(H), 1/sqrt(H)), so f_t starts near σ(0) = 0.5;
    ``set_forget_bias(1.0)`` makes the summed forget bias 1 (Keras' default).

    Why it remembers: dc_t/dc_{t-1} = diag(f_t). The cell state is carried by
    addition, so when f_t ≈ 1 the gradient flows back unchanged.

    Example::

        cell = LSTM(2, 64)
        h, (h, c) = cell(torch.randn(32, 2), cell.initial_state(32))
    """

    name = "LSTM"
    state_names = ("h", "c")
    description = "Long short-term memory: input, forget and output gates around an additive cell state"
    equations = (
        "i<sub>t</sub> = σ(W<sub>i</sub>[x<sub>t</sub>, h<sub>t−1</sub>] + b<sub>i</sub>)<br>"
        "f<sub>t</sub> = σ(W<sub>f</sub>[x<sub>t</sub>, h<sub>t−1</sub>] + b<sub>f</sub>)<br>"
        "g<sub>t</sub> = tanh(W<sub>g</sub>[x<sub>t</sub>, h<sub>t−1</sub>] + b<sub>g</sub>)<br>"
        "o<sub>t</sub> = σ(W<sub>o</sub>[x<sub>t</sub>, h<sub>t−1</sub>] + b<sub>o</sub>)<br>"
        "c<sub>t</sub> = f<sub>t</sub> ⊙ c<sub>t−1</sub> + i<sub>t</sub> ⊙ g<sub>t</sub><br>"
        "h<sub>t</sub> = o<sub>t</sub> ⊙ tanh(c<sub>t</sub>)"
    )
    gate_count = 4

    def step(self, projected_x: Tensor, state: State) -> tuple[Tensor, State]:
        h, c = state
        gates = projected_x + F.linear(h, self.weight_hh, self.bias_hh)  # [B, 4H]
        i, f, g, o = gates.chunk(4, dim=1)
        i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
        c = f * c + i * g
        h = o * torch.tanh(c)
        self.record("input i", i)
        self.record("forget f", f)
        self.record("output o", o)
        return h, (h, c)

    def set_forget_bias(self, value: float) -> bool:
        hidden = self.hidden_size
        with torch.no_grad():
            self.bias_ih[hidden:2 * hidden].fill_(value)
            self.bias_hh[hidden:2 * hidden].zero_()
        return True
