"""Peephole LSTM (Gers & Schmidhuber 2000): the gates also look at the cell state.

    i_t = σ(W_i x_t + U_i h_{t-1} + p_i ⊙ c_{t-1} + b_i)
    f_t = σ(W_f x_t + U_f h_{t-1} + p_f ⊙ c_{t-1} + b_f)
    g_t = tanh(W_g x_t + U_g h_{t-1} + b_g)
    c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
    o_t = σ(W_o x_t + U_o h_{t-1} + p_o ⊙ c_t + b_o)
    h_t = o_t ⊙ tanh(c_t)

What to notice: the peepholes p_i, p_f, p_o are vectors (one weight per unit),
so the gates can time events from c itself; on the adding task it behaves
much like the LSTM.

Reference: F. A. Gers and J. Schmidhuber, "Recurrent nets that time and
count", IJCNN 2000.
"""

import math

import torch
from torch.nn import functional as F

from cells import Cell


class PeepholeLSTM(Cell):
    name = "Peephole LSTM"
    state_names = ("h", "c")
    description = "LSTM whose gates also see the cell state (Gers & Schmidhuber 2000)"
    equations = (
        "i<sub>t</sub> = σ(W<sub>i</sub>x<sub>t</sub> + U<sub>i</sub>h<sub>t−1</sub>"
        " + p<sub>i</sub> ⊙ c<sub>t−1</sub> + b<sub>i</sub>)<br>"
        "f<sub>t</sub> = σ(W<sub>f</sub>x<sub>t</sub> + U<sub>f</sub>h<sub>t−1</sub>"
        " + p<sub>f</sub> ⊙ c<sub>t−1</sub> + b<sub>f</sub>)<br>"
        "c<sub>t</sub> = f<sub>t</sub> ⊙ c<sub>t−1</sub> + i<sub>t</sub> ⊙ g<sub>t</sub><br>"
        "o<sub>t</sub> = σ(W<sub>o</sub>x<sub>t</sub> + U<sub>o</sub>h<sub>t−1</sub>"
        " + p<sub>o</sub> ⊙ c<sub>t</sub> + b<sub>o</sub>)<br>"
        "h<sub>t</sub> = o<sub>t</sub> ⊙ tanh(c<sub>t</sub>)"
    )

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        hidden = hidden_size
        self.weight_ih = torch.nn.Parameter(torch.empty(4 * hidden, input_size))  # gates i, f, g, o
        self.weight_hh = torch.nn.Parameter(torch.empty(4 * hidden, hidden))
        self.bias_ih = torch.nn.Parameter(torch.empty(4 * hidden))
        self.bias_hh = torch.nn.Parameter(torch.empty(4 * hidden))
        self.peephole = torch.nn.Parameter(torch.empty(3, hidden))  # p_i, p_f, p_o
        bound = 1 / math.sqrt(hidden)
        for parameter in self.parameters():
            torch.nn.init.uniform_(parameter, -bound, bound)

    def forward(self, x, state):
        h, c = state
        gates = F.linear(x, self.weight_ih, self.bias_ih) + F.linear(h, self.weight_hh, self.bias_hh)
        i, f, g, o = gates.chunk(4, dim=1)  # each [B, H]
        i = torch.sigmoid(i + self.peephole[0] * c)
        f = torch.sigmoid(f + self.peephole[1] * c)
        c = f * c + i * torch.tanh(g)
        o = torch.sigmoid(o + self.peephole[2] * c)
        h = o * torch.tanh(c)
        self.record("input i", i)
        self.record("forget f", f)
        self.record("output o", o)
        return h, (h, c)

    def set_forget_bias(self, value):
        hidden = self.hidden_size
        with torch.no_grad():
            self.bias_ih[hidden:2 * hidden].fill_(value)
            self.bias_hh[hidden:2 * hidden].zero_()
        return True
