"""IndRNN, the independently recurrent network (Li et al. 2018).

    h_t = relu(W x_t + u ⊙ h_{t-1} + b)

What to notice: each unit sees only its own past through one scalar u_j, so
∂h_t/∂h_{t-1} is diagonal and the gradient through k steps is u_j^k: |u_j| ≤ 1
(and ≥ 0.5^(1/T) for long memories) decides whether it vanishes or explodes.

Reference: S. Li, W. Li, C. Cook, C. Zhu and Y. Gao, "Independently recurrent
neural network (IndRNN): building a longer and deeper RNN", CVPR 2018.
"""

import math

import torch
from torch.nn import functional as F

from cells import Cell


class IndRNN(Cell):
    name = "IndRNN"
    description = "Each unit recurs only on itself through one weight (Li et al. 2018)"
    equations = "h<sub>t</sub> = relu(W x<sub>t</sub> + u ⊙ h<sub>t−1</sub> + b)"

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        bound = 1 / math.sqrt(hidden_size)
        self.weight_ih = torch.nn.Parameter(torch.empty(hidden_size, input_size).uniform_(-bound, bound))
        self.weight_hh = torch.nn.Parameter(torch.empty(hidden_size).uniform_(0, 1))  # u, one per unit
        self.bias_ih = torch.nn.Parameter(torch.zeros(hidden_size))

    def forward(self, x, state):
        (h,) = state
        h = torch.relu(F.linear(x, self.weight_ih, self.bias_ih) + self.weight_hh * h)
        self.record("active units", (h > 0).to(h.dtype))
        return h, (h,)
