"""A selective state-space step in the manner of Mamba (Gu & Dao 2023).

The hidden state is D channels × N state entries, flattened: h = [s_1 … s_D],
s_d ∈ R^N (N = 4 when the hidden size allows it, else 2 or 1; D = hidden / N).

    v_t = W_v u_t                                (one input value per channel, [D])
    Δ_t = softplus(W_Δ u_t + b_Δ)                (step size per channel, > 0, [D])
    B_t = W_B u_t,   C_t = W_C u_t               (input-dependent, [N], shared by the channels)
    A = −exp(A_log)                              (fixed-sign decay rates, [D, N])
    s_{d,t} = exp(Δ_{d,t} A_d) ⊙ s_{d,t-1} + Δ_{d,t} B_t v_{d,t}
    y_{d,t} = C_t · s_{d,t}     (the cell's output is C_t ⊙ s_{d,t}; the linear readout sums it)

What to notice: the per-step decay exp(Δ_t A) is chosen by the input — a
large Δ_t forgets and writes, a small one keeps — so unlike the LRU's the
gradient decay depends on what the cell reads ("step Δ", "decay exp(ΔA)").

It is the same diagonal recurrence as the LRU, but selective: the decay over
k steps is a product of k input-dependent factors, and the cell can learn to
write only the marked inputs of the adding problem.

Parallel form: with no h_{t-1} in Δ, B or C the step is a linear recurrence in
s, which Mamba computes for the whole sequence with a hardware-aware parallel
(selective) scan. GateLab trains the step form; the numbers are the same up to rounding. Left
out: the block around the step (the short convolution, the SiLU gate, the skip
D u_t, the in- and out-projections), and Δ's low-rank projection.

Reference: A. Gu and T. Dao, "Mamba: Linear-time sequence modeling with
selective state spaces", arXiv:2312.00752, 2023.
"""

import math

import torch
from torch.nn import functional as F

from cells import Cell

STATE_SIZE = 4                 # N, when it divides the hidden size
DT_MIN, DT_MAX = 0.001, 0.1    # Δ starts log-uniform in this range, as in Mamba


class SelectiveSSM(Cell):
    name = "Mamba (selective SSM)"
    description = "Selective state-space step: input-dependent Δ, B, C and A = −exp(A_log) (Gu & Dao 2023)"
    equations = (
        "Δ<sub>t</sub> = softplus(W<sub>Δ</sub>u<sub>t</sub> + b<sub>Δ</sub>),"
        " B<sub>t</sub> = W<sub>B</sub>u<sub>t</sub>, C<sub>t</sub> = W<sub>C</sub>u<sub>t</sub>,"
        " v<sub>t</sub> = W<sub>v</sub>u<sub>t</sub><br>"
        "A = −exp(A<sub>log</sub>)<br>"
        "s<sub>d,t</sub> = exp(Δ<sub>d,t</sub>A<sub>d</sub>) ⊙ s<sub>d,t−1</sub>"
        " + Δ<sub>d,t</sub> B<sub>t</sub> v<sub>d,t</sub>  (h = [s<sub>1</sub> … s<sub>D</sub>])<br>"
        "y<sub>d,t</sub> = C<sub>t</sub> · s<sub>d,t</sub>"
    )

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.state_size = math.gcd(hidden_size, STATE_SIZE)
        self.channels = hidden_size // self.state_size
        channels, state_size = self.channels, self.state_size
        bound = 1 / math.sqrt(input_size)
        self.weight_v = torch.nn.Parameter(torch.empty(channels, input_size).uniform_(-bound, bound))
        self.weight_b = torch.nn.Parameter(torch.empty(state_size, input_size).uniform_(-bound, bound))
        self.weight_c = torch.nn.Parameter(torch.empty(state_size, input_size).uniform_(-bound, bound))
        self.weight_dt = torch.nn.Parameter(torch.empty(channels, input_size).uniform_(-bound, bound))
        # b_Δ = softplus⁻¹(Δ₀), Δ₀ log-uniform in [DT_MIN, DT_MAX]; A = −(1, 2, …, N) per channel (S4D-real).
        dt = torch.exp(torch.empty(channels).uniform_(math.log(DT_MIN), math.log(DT_MAX)))
        self.bias_dt = torch.nn.Parameter(dt + torch.log(-torch.expm1(-dt)))
        self.a_log = torch.nn.Parameter(torch.log(torch.arange(1, state_size + 1.0)).repeat(channels, 1))

    def forward(self, u, state):
        (h,) = state
        batch = h.shape[0]
        s = h.reshape(batch, self.channels, self.state_size)                 # [B, D, N]
        dt = F.softplus(F.linear(u, self.weight_dt, self.bias_dt))           # [B, D]
        b, c = F.linear(u, self.weight_b), F.linear(u, self.weight_c)        # [B, N] each
        v = F.linear(u, self.weight_v)                                       # [B, D]
        decay = torch.exp(dt.unsqueeze(2) * -torch.exp(self.a_log))          # exp(Δ A), [B, D, N]
        s = decay * s + (dt * v).unsqueeze(2) * b.unsqueeze(1)
        h = s.reshape(batch, self.hidden_size)
        self.record("step Δ", dt)
        self.record("decay exp(ΔA)", decay)
        # The output is computed from the returned h (not from s beside it), so the plot sees the readout.
        y = (h.view(batch, self.channels, self.state_size) * c.unsqueeze(1)).reshape(batch, self.hidden_size)
        return y, (h,)
