"""IRNN: a ReLU RNN whose recurrent matrix starts as the identity (Le et al. 2015).

    h_t = relu(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh),   W_hh = I and b = 0 at the start

What to notice: at initialisation the state is simply carried forward
(∂h_t/∂h_{t-1} = I on the active units), so the gradient does not vanish with
distance — the plain tanh RNN's problem solved by initialisation alone.

Reference: Q. V. Le, N. Jaitly and G. E. Hinton, "A simple way to initialize
recurrent networks of rectified linear units", arXiv:1504.00941, 2015.
"""

import torch
from torch.nn import functional as F

from cells import Cell


class IRNN(Cell):
    name = "IRNN"
    description = "ReLU RNN with identity-initialised recurrent weights (Le et al. 2015)"
    equations = ("h<sub>t</sub> = relu(W<sub>ih</sub>x<sub>t</sub> + W<sub>hh</sub>h<sub>t−1</sub> + b),"
                 " W<sub>hh</sub> = I at the start")

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.weight_ih = torch.nn.Parameter(torch.randn(hidden_size, input_size) * 0.001)
        self.weight_hh = torch.nn.Parameter(torch.eye(hidden_size))
        self.bias_ih = torch.nn.Parameter(torch.zeros(hidden_size))
        self.bias_hh = torch.nn.Parameter(torch.zeros(hidden_size))

    def forward(self, x, state):
        (h,) = state
        h = torch.relu(F.linear(x, self.weight_ih, self.bias_ih) + F.linear(h, self.weight_hh, self.bias_hh))
        self.record("active units", (h > 0).to(h.dtype))
        return h, (h,)
