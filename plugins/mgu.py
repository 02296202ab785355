"""Minimal gated unit, MGU (Zhou et al. 2016): a GRU with one gate.

    f_t = σ(W_f x_t + U_f h_{t-1} + b_f)
    h̃_t = tanh(W_h x_t + U_h (f_t ⊙ h_{t-1}) + b_h)
    h_t = (1 − f_t) ⊙ h_{t-1} + f_t ⊙ h̃_t

What to notice: the single gate f both resets the old state inside h̃ and
decides how much of it to replace; a third fewer parameters than the GRU,
with a gradient path (1 − f_t) that bypasses the weights like the GRU's.

Reference: G.-B. Zhou, J. Wu, C.-L. Zhang and Z.-H. Zhou, "Minimal gated unit
for recurrent neural networks", International Journal of Automation and
Computing 13(3), 2016.
"""

import math

import torch
from torch.nn import functional as F

from cells import Cell


class MGU(Cell):
    name = "MGU"
    description = "Minimal gated unit: one gate that resets and updates (Zhou et al. 2016)"
    equations = (
        "f<sub>t</sub> = σ(W<sub>f</sub>x<sub>t</sub> + U<sub>f</sub>h<sub>t−1</sub> + b<sub>f</sub>)<br>"
        "h̃<sub>t</sub> = tanh(W<sub>h</sub>x<sub>t</sub> + U<sub>h</sub>(f<sub>t</sub> ⊙ h<sub>t−1</sub>)"
        " + b<sub>h</sub>)<br>"
        "h<sub>t</sub> = (1 − f<sub>t</sub>) ⊙ h<sub>t−1</sub> + f<sub>t</sub> ⊙ h̃<sub>t</sub>"
    )

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        hidden = hidden_size
        self.weight_ih = torch.nn.Parameter(torch.empty(2 * hidden, input_size))  # f, h̃
        self.weight_hh = torch.nn.Parameter(torch.empty(2 * hidden, hidden))
        self.bias_ih = torch.nn.Parameter(torch.empty(2 * hidden))
        self.bias_hh = torch.nn.Parameter(torch.empty(2 * hidden))
        bound = 1 / math.sqrt(hidden)
        for parameter in self.parameters():
            torch.nn.init.uniform_(parameter, -bound, bound)

    def forward(self, x, state):
        (h,) = state
        gate_x, candidate_x = F.linear(x, self.weight_ih, self.bias_ih).chunk(2, dim=1)  # [B, H] each
        gate_w, candidate_w = self.weight_hh.chunk(2, dim=0)  # [H, H] each
        gate_b, candidate_b = self.bias_hh.chunk(2)
        f = torch.sigmoid(gate_x + F.linear(h, gate_w, gate_b))
        candidate = torch.tanh(candidate_x + F.linear(f * h, candidate_w, candidate_b))
        h = (1 - f) * h + f * candidate
        self.record("forget f", f)
        return h, (h,)
