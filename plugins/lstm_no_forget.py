"""The original LSTM, without a forget gate (Hochreiter & Schmidhuber 1997).

    i_t = σ(W_i x_t + U_i h_{t-1} + b_i)
    g_t = tanh(W_g x_t + U_g h_{t-1} + b_g)
    o_t = σ(W_o x_t + U_o h_{t-1} + b_o)
    c_t = c_{t-1} + i_t ⊙ g_t                    (the constant error carousel)
    h_t = o_t ⊙ tanh(c_t)

What to notice: ∂c_t/∂c_{t-1} = 1 exactly, so ‖∂ℓ/∂c_t‖ does not fade at all
with distance; but c can only grow, and nothing lets the cell forget (the
reason Gers et al. 2000 added the forget gate).

Reference: S. Hochreiter and J. Schmidhuber, "Long short-term memory",
Neural Computation 9(8), 1997.
"""

import math

import torch
from torch.nn import functional as F

from cells import Cell


class LSTMNoForget(Cell):
    name = "LSTM (no forget)"
    state_names = ("h", "c")
    description = "The 1997 LSTM: input and output gates, no forget gate"
    equations = (
        "i<sub>t</sub> = σ(W<sub>i</sub>[x<sub>t</sub>, h<sub>t−1</sub>] + b<sub>i</sub>)<br>"
        "g<sub>t</sub> = tanh(W<sub>g</sub>[x<sub>t</sub>, h<sub>t−1</sub>] + b<sub>g</sub>)<br>"
        "o<sub>t</sub> = σ(W<sub>o</sub>[x<sub>t</sub>, h<sub>t−1</sub>] + b<sub>o</sub>)<br>"
        "c<sub>t</sub> = c<sub>t−1</sub> + i<sub>t</sub> ⊙ g<sub>t</sub><br>"
        "h<sub>t</sub> = o<sub>t</sub> ⊙ tanh(c<sub>t</sub>)"
    )

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        hidden = hidden_size
        self.weight_ih = torch.nn.Parameter(torch.empty(3 * hidden, input_size))  # gates i, g, o
        self.weight_hh = torch.nn.Parameter(torch.empty(3 * hidden, hidden))
        self.bias_ih = torch.nn.Parameter(torch.empty(3 * hidden))
        self.bias_hh = torch.nn.Parameter(torch.empty(3 * hidden))
        bound = 1 / math.sqrt(hidden)
        for parameter in self.parameters():
            torch.nn.init.uniform_(parameter, -bound, bound)

    def forward(self, x, state):
        h, c = state
        gates = F.linear(x, self.weight_ih, self.bias_ih) + F.linear(h, self.weight_hh, self.bias_hh)
        i, g, o = gates.chunk(3, dim=1)  # each [B, H]
        i, g, o = torch.sigmoid(i), torch.tanh(g), torch.sigmoid(o)
        c = c + i * g
        h = o * torch.tanh(c)
        self.record("input i", i)
        self.record("output o", o)
        return h, (h, c)
