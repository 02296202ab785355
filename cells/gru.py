"""Gated recurrent unit (Cho et al. 2014), in PyTorch's reset-after form."""

from __future__ import annotations

import torch
from torch import Tensor
from torch.nn import functional as F

from ._projected import ProjectedCell
from .base import State


class GRU(ProjectedCell):
    """GRU cell, identical to ``torch.nn.GRUCell``.

    Equations (one time step)::

        r_t = σ(W_ir x_t + b_ir + W_hr h_{t-1} + b_hr)           reset gate
        z_t = σ(W_iz x_t + b_iz + W_hz h_{t-1} + b_hz)           update gate
        n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_{t-1} + b_hn)) candidate
        h_t = (1 - z_t) ⊙ n_t + z_t ⊙ h_{t-1}

    Shapes: x_t [B, I]; h [B, H]; weight_ih [3H, I], weight_hh [3H, H] stack
    r, z, n; bias_ih, bias_hh [3H]. Initialisation U(-1/sqrt(H), 1/sqrt(H)).
    Three gate blocks against the LSTM's four: exactly 3/4 of its parameters.

    Reset-after vs Cho 2014: PyTorch (and cuDNN) multiply the reset gate
    *after* the recurrent matrix product, including b_hn, as above. Cho et al.
    apply it *before*: n_t = tanh(W_in x_t + W_hn (r_t ⊙ h_{t-1}) + b_n). The
    two are different functions with the same parameter shapes.

    Why it remembers: when z_t ≈ 1, h_t ≈ h_{t-1} and the gradient passes
    through the identity path z_t ⊙ h_{t-1}.

    Example::

        cell = GRU(2, 64)
        h, (h,) = cell(torch.randn(32, 2), cell.initial_state(32))
    """

    name = "GRU"
    description = "Gated recurrent unit: update and reset gates, no separate cell state"
    equations = (
        "r<sub>t</sub> = σ(W<sub>ir</sub>x<sub>t</sub> + W<sub>hr</sub>h<sub>t−1</sub> + b<sub>r</sub>)<br>"
        "z<sub>t</sub> = σ(W<sub>iz</sub>x<sub>t</sub> + W<sub>hz</sub>h<sub>t−1</sub> + b<sub>z</sub>)<br>"
        "n<sub>t</sub> = tanh(W<sub>in</sub>x<sub>t</sub> + b<sub>in</sub>"
        " + r<sub>t</sub> ⊙ (W<sub>hn</sub>h<sub>t−1</sub> + b<sub>hn</sub>))<br>"
        "h<sub>t</sub> = (1 − z<sub>t</sub>) ⊙ n<sub>t</sub> + z<sub>t</sub> ⊙ h<sub>t−1</sub>"
    )
    gate_count = 3

    def step(self, projected_x: Tensor, state: State) -> tuple[Tensor, State]:
        (h,) = state
        x_r, x_z, x_n = projected_x.chunk(3, dim=1)                                # [B, H] each
        h_r, h_z, h_n = F.linear(h, self.weight_hh, self.bias_hh).chunk(3, dim=1)  # [B, H] each
        r = torch.sigmoid(x_r + h_r)
        z = torch.sigmoid(x_z + h_z)
        n = torch.tanh(x_n + r * h_n)
        h = (1 - z) * n + z * h
        self.record("reset r", r)
        self.record("update z", z)
        return h, (h,)
