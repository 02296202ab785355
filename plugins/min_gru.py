"""minGRU (Feng et al. 2024): a GRU whose gate and candidate see only the input.

    z_t = σ(W_z x_t + b_z)
    h̃_t = W_h x_t + b_h
    h_t = (1 − z_t) ⊙ h_{t-1} + z_t ⊙ h̃_t

What to notice: no weight touches h_{t-1}, so ∂h_t/∂h_{t-1} = diag(1 − z_t) and
the whole sequence can be computed with a parallel scan; it must remember by
keeping z_t small, not by learning recurrent weights. (The paper's log-space
version keeps h̃ positive; this is the plain one.)

Reference: L. Feng, F. Tung, M. O. Ahmed, Y. Bengio and hidden. Hajimirsadeghi,
"Were RNNs all we needed?", arXiv:2410.01201, 2024.
"""

import math

import torch
from torch.nn import functional as F

from cells import Cell


class MinGRU(Cell):
    name = "minGRU"
    description = "GRU without recurrent weights in its gate and candidate (Feng et al. 2024)"
    equations = (
        "z<sub>t</sub> = σ(W<sub>z</sub>x<sub>t</sub> + b<sub>z</sub>)<br>"
        "h̃<sub>t</sub> = W<sub>h</sub>x<sub>t</sub> + b<sub>h</sub><br>"
        "h<sub>t</sub> = (1 − z<sub>t</sub>) ⊙ h<sub>t−1</sub> + z<sub>t</sub> ⊙ h̃<sub>t</sub>"
    )

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.weight_ih = torch.nn.Parameter(torch.empty(2 * hidden_size, input_size))  # z, h̃
        self.bias_ih = torch.nn.Parameter(torch.empty(2 * hidden_size))
        bound = 1 / math.sqrt(hidden_size)
        for parameter in self.parameters():
            torch.nn.init.uniform_(parameter, -bound, bound)

    def forward(self, x, state):
        (h,) = state
        z, candidate = F.linear(x, self.weight_ih, self.bias_ih).chunk(2, dim=1)  # each [B, H]
        z = torch.sigmoid(z)
        h = (1 - z) * h + z * candidate
        self.record("update z", z)
        return h, (h,)
