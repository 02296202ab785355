"""minLSTM (Feng et al. 2024): an LSTM whose gates see only the input, with f and i normalised.

    f_t = σ(W_f x_t + b_f)
    i_t = σ(W_i x_t + b_i)
    h̃_t = W_h x_t + b_h
    f′_t = f_t / (f_t + i_t),   i′_t = i_t / (f_t + i_t)
    h_t = f′_t ⊙ h_{t-1} + i′_t ⊙ h̃_t

What to notice: no weight touches h_{t-1}, so the gradient through k steps is
exactly the product of k normalised forget values f′ (the trace beside the curve).

Because f′ + i′ = 1, h_t is a weighted average of candidates whose scale does
not grow with T. The LSTM's output gate and separate cell state are gone: h is
the cell. (The paper's log-space version keeps h̃ positive; this is the plain one.)

Parallel form: with no h_{t-1} inside the gates, h_t = a_t ⊙ h_{t-1} + b_t is a
linear recurrence, which the paper computes for all t at once with a parallel
(log-space) scan. GateLab trains the step form; the numbers are the same up to
rounding.

Reference: L. Feng, F. Tung, M. O. Ahmed, Y. Bengio and H. Hajimirsadeghi,
"Were RNNs all we needed?", arXiv:2410.01201, 2024.
"""

import math

import torch
from torch.nn import functional as F

from cells import Cell


class MinLSTM(Cell):
    name = "minLSTM"
    description = "LSTM without recurrent weights, f and i normalised to sum to 1 (Feng et al. 2024)"
    equations = (
        "f<sub>t</sub> = σ(W<sub>f</sub>x<sub>t</sub> + b<sub>f</sub>),"
        " i<sub>t</sub> = σ(W<sub>i</sub>x<sub>t</sub> + b<sub>i</sub>)<br>"
        "h̃<sub>t</sub> = W<sub>h</sub>x<sub>t</sub> + b<sub>h</sub><br>"
        "f′<sub>t</sub> = f<sub>t</sub> / (f<sub>t</sub> + i<sub>t</sub>),"
        " i′<sub>t</sub> = i<sub>t</sub> / (f<sub>t</sub> + i<sub>t</sub>)<br>"
        "h<sub>t</sub> = f′<sub>t</sub> ⊙ h<sub>t−1</sub> + i′<sub>t</sub> ⊙ h̃<sub>t</sub>"
    )

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.weight_ih = torch.nn.Parameter(torch.empty(3 * hidden_size, input_size))  # f, i, h̃
        self.bias_ih = torch.nn.Parameter(torch.empty(3 * hidden_size))
        bound = 1 / math.sqrt(hidden_size)
        for parameter in self.parameters():
            torch.nn.init.uniform_(parameter, -bound, bound)

    def forward(self, x, state):
        (h,) = state
        f, i, candidate = F.linear(x, self.weight_ih, self.bias_ih).chunk(3, dim=1)  # each [B, H]
        f, i = torch.sigmoid(f), torch.sigmoid(i)
        f, i = f / (f + i), i / (f + i)
        h = f * h + i * candidate
        self.record("forget f (normalised)", f)
        return h, (h,)

    def set_forget_bias(self, value):
        with torch.no_grad():
            self.bias_ih[: self.hidden_size].fill_(value)
        return True
