"""CIFG: LSTM with a coupled input and forget gate (Greff et al. 2017).

    f_t = σ(W_f x_t + U_f h_{t-1} + b_f)
    g_t = tanh(W_g x_t + U_g h_{t-1} + b_g)
    o_t = σ(W_o x_t + U_o h_{t-1} + b_o)
    c_t = f_t ⊙ c_{t-1} + (1 − f_t) ⊙ g_t        (the input gate is 1 − f_t)
    h_t = o_t ⊙ tanh(c_t)

What to notice: a quarter fewer parameters than the LSTM, and in Greff et al.'s
large study it did about as well: what to keep and what to write are one
decision.

Reference: K. Greff, R. K. Srivastava, J. Koutník, B. R. Steunebrink and
J. Schmidhuber, "LSTM: A search space odyssey", IEEE TNNLS 28(10), 2017.
"""

import math

import torch
from torch.nn import functional as F

from cells import Cell


class CIFG(Cell):
    name = "CIFG"
    state_names = ("h", "c")
    description = "LSTM whose input gate is 1 − forget gate (Greff et al. 2017)"
    equations = (
        "f<sub>t</sub> = σ(W<sub>f</sub>[x<sub>t</sub>, h<sub>t−1</sub>] + b<sub>f</sub>)<br>"
        "g<sub>t</sub> = tanh(W<sub>g</sub>[x<sub>t</sub>, h<sub>t−1</sub>] + b<sub>g</sub>)<br>"
        "o<sub>t</sub> = σ(W<sub>o</sub>[x<sub>t</sub>, h<sub>t−1</sub>] + b<sub>o</sub>)<br>"
        "c<sub>t</sub> = f<sub>t</sub> ⊙ c<sub>t−1</sub> + (1 − f<sub>t</sub>) ⊙ g<sub>t</sub><br>"
        "h<sub>t</sub> = o<sub>t</sub> ⊙ tanh(c<sub>t</sub>)"
    )

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        hidden = hidden_size
        self.weight_ih = torch.nn.Parameter(torch.empty(3 * hidden, input_size))  # gates f, g, o
        self.weight_hh = torch.nn.Parameter(torch.empty(3 * hidden, hidden))
        self.bias_ih = torch.nn.Parameter(torch.empty(3 * hidden))
        self.bias_hh = torch.nn.Parameter(torch.empty(3 * hidden))
        bound = 1 / math.sqrt(hidden)
        for parameter in self.parameters():
            torch.nn.init.uniform_(parameter, -bound, bound)

    def forward(self, x, state):
        h, c = state
        gates = F.linear(x, self.weight_ih, self.bias_ih) + F.linear(h, self.weight_hh, self.bias_hh)
        f, g, o = gates.chunk(3, dim=1)  # each [B, H]
        f, g, o = torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
        c = f * c + (1 - f) * g
        h = o * torch.tanh(c)
        self.record("forget f", f)
        self.record("output o", o)
        return h, (h, c)

    def set_forget_bias(self, value):
        hidden = self.hidden_size
        with torch.no_grad():
            self.bias_ih[:hidden].fill_(value)
            self.bias_hh[:hidden].zero_()
        return True
