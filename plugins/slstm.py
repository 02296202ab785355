"""sLSTM (Beck et al. 2024, xLSTM): exponential input gate, a normaliser and a stabiliser.

    z_t = tanh(W_z x_t + R_z h_{t-1} + b_z)            (candidate)
    ĩ_t = W_i x_t + R_i h_{t-1} + b_i                  (i_t = exp(ĩ_t))
    f̃_t = W_f x_t + R_f h_{t-1} + b_f                  (f_t = σ(f̃_t), log f_t = log σ(f̃_t))
    o_t = σ(W_o x_t + R_o h_{t-1} + b_o)
    m_t = max(log f_t + m_{t-1}, ĩ_t)                  (stabiliser)
    i′_t = exp(ĩ_t − m_t),   f′_t = exp(log f_t + m_{t-1} − m_t)
    c_t = f′_t ⊙ c_{t-1} + i′_t ⊙ z_t                  (cell)
    n_t = f′_t ⊙ n_{t-1} + i′_t                        (normaliser)
    h_t = o_t ⊙ c_t / n_t

What to notice: exp(ĩ_t) lets one input outweigh the whole past, and the
stabiliser m_t keeps that finite without changing h_t: m's gradient curve stays
at rounding level while h, c and n carry the memory.

Why: n_t sums the gate weights, so h_t is o_t times a weighted average of the
z's. exp overflows float32 once ĩ passes ~88, so the cell keeps c and n divided
by exp(m_t), m_t being the running maximum of the log gate weights: i′, f′ ≤ 1,
and c_t / n_t (hence h_t) is exactly what the unstabilised cell computes — m
only changes the units of c and n.

Parallel form: none. h_{t-1} enters the gates through R (the "memory mixing"),
so sLSTM must run step by step; its sibling mLSTM (matrix memory, no R) is the
one xLSTM trains in parallel. GateLab trains the step form. Here R is one full
[4H, H] matrix (xLSTM makes it block-diagonal, one block per head), and the
forget gate is the sigmoid (the paper also allows exp(f̃)).

Reference: M. Beck, K. Pöppel, M. Spanring, A. Auer, O. Prudnikova, M. Kopp,
G. Klambauer, J. Brandstetter and S. Hochreiter, "xLSTM: Extended Long
Short-Term Memory", NeurIPS 2024 (arXiv:2405.04517).
"""

import math

import torch
from torch.nn import functional as F

from cells import Cell

TINY = 1e-6  # n_t ≥ i′_t > 0 for any state the cell makes itself; this guards a foreign start


class SLSTM(Cell):
    name = "sLSTM"
    state_names = ("h", "c", "n", "m")
    description = "xLSTM's scalar LSTM: exponential input gate, normaliser n, stabiliser m (Beck et al. 2024)"
    equations = (
        "z<sub>t</sub> = tanh(W<sub>z</sub>x<sub>t</sub> + R<sub>z</sub>h<sub>t−1</sub> + b<sub>z</sub>),"
        " o<sub>t</sub> = σ(W<sub>o</sub>x<sub>t</sub> + R<sub>o</sub>h<sub>t−1</sub> + b<sub>o</sub>)<br>"
        "ĩ<sub>t</sub> = W<sub>i</sub>x<sub>t</sub> + R<sub>i</sub>h<sub>t−1</sub> + b<sub>i</sub>,"
        " f̃<sub>t</sub> = W<sub>f</sub>x<sub>t</sub> + R<sub>f</sub>h<sub>t−1</sub> + b<sub>f</sub><br>"
        "m<sub>t</sub> = max(log σ(f̃<sub>t</sub>) + m<sub>t−1</sub>, ĩ<sub>t</sub>)<br>"
        "i′<sub>t</sub> = exp(ĩ<sub>t</sub> − m<sub>t</sub>),"
        " f′<sub>t</sub> = exp(log σ(f̃<sub>t</sub>) + m<sub>t−1</sub> − m<sub>t</sub>)<br>"
        "c<sub>t</sub> = f′<sub>t</sub> ⊙ c<sub>t−1</sub> + i′<sub>t</sub> ⊙ z<sub>t</sub>,"
        " n<sub>t</sub> = f′<sub>t</sub> ⊙ n<sub>t−1</sub> + i′<sub>t</sub><br>"
        "h<sub>t</sub> = o<sub>t</sub> ⊙ c<sub>t</sub> / n<sub>t</sub>"
    )

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        hidden = hidden_size
        self.weight_ih = torch.nn.Parameter(torch.empty(4 * hidden, input_size))  # f̃, ĩ, z, o
        self.weight_hh = torch.nn.Parameter(torch.empty(4 * hidden, hidden))  # R
        self.bias_ih = torch.nn.Parameter(torch.empty(4 * hidden))
        bound = 1 / math.sqrt(hidden)
        for parameter in self.parameters():
            torch.nn.init.uniform_(parameter, -bound, bound)

    def forward(self, x, state):
        h, c, n, m = state
        gates = F.linear(x, self.weight_ih, self.bias_ih) + F.linear(h, self.weight_hh)
        f_raw, i_raw, z, o = gates.chunk(4, dim=1)  # each [B, H]
        log_f = F.logsigmoid(f_raw)
        m_new = torch.maximum(log_f + m, i_raw)
        i = torch.exp(i_raw - m_new)
        f = torch.exp(log_f + m - m_new)
        o = torch.sigmoid(o)
        c = f * c + i * torch.tanh(z)
        n = f * n + i
        h = o * c / n.clamp_min(TINY)
        self.record("input i (stabilised)", i)
        self.record("forget f (stabilised)", f)
        self.record("output o", o)
        return h, (h, c, n, m_new)

    def set_forget_bias(self, value):
        with torch.no_grad():
            self.bias_ih[: self.hidden_size].fill_(value)
        return True
