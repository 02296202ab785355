"""Linear Recurrent Unit, LRU (Orvieto et al. 2023): a complex diagonal linear recurrence.

    λ_j = exp(−exp(ν_j) + iθ_j)                  (|λ_j| = exp(−exp(ν_j)) < 1 for any ν)
    γ_j = sqrt(1 − |λ_j|²)                       (normalisation)
    x_t = λ ⊙ x_{t-1} + γ ⊙ (B u_t)              (x_t complex, B complex)
    y_t = GELU(Re(C x_t) + D u_t)                (C complex, D real)

GateLab carries x_t as two real states: h = Re x_t and h_im = Im x_t.

What to notice: ∂x_t/∂x_{t-k} = diag(λ^k) exactly, whatever the input, so
|λ_j|^k is the gradient decay over k steps: compare the "decay |λ|" trace with
the curve.

|λ| is the per-step decay (the trace shows its mean over units); far from the
loss the curve falls like the largest |λ_j|^k. Training moves ν and θ, i.e. it
learns how far back to remember; the parametrisation keeps |λ| < 1, so the
gradient can never explode through time.

Nothing nonlinear happens before the sum over time, so one LRU layer sees the
past only through linear features of u: the paper stacks LRU blocks with
nonlinear layers between (here the GELU on y; try --layers 2 on adding, where
the first layer can form value × marker and the second sums it).

Parallel form: x_t = λ ⊙ x_{t-1} + b_t is a linear recurrence with a constant
λ, which the paper computes for all t at once with a parallel (associative)
scan. GateLab trains the step form; the numbers are the same up to rounding.

Reference: A. Orvieto, S. L. Smith, A. Gu, A. Fernando, C. Gulcehre, R. Pascanu
and S. De, "Resurrecting recurrent neural networks for long sequences", ICML 2023
(arXiv:2303.06349).
"""

import math

import torch
from torch.nn import functional as F

from cells import Cell

R_MIN, R_MAX = 0.9, 0.999  # |λ| starts uniform on this ring (the paper's choice for long sequences)
MAX_PHASE = math.pi / 10   # θ starts in [0, MAX_PHASE]


class LRU(Cell):
    name = "LRU"
    state_names = ("h", "h_im")
    description = "Linear Recurrent Unit: complex diagonal λ, decay |λ|^k over k steps (Orvieto et al. 2023)"
    equations = (
        "λ = exp(−exp(ν) + iθ),  γ = (1 − |λ|<sup>2</sup>)<sup>1/2</sup><br>"
        "x<sub>t</sub> = λ ⊙ x<sub>t−1</sub> + γ ⊙ B u<sub>t</sub>"
        "  (x<sub>t</sub> = h<sub>t</sub> + i h<sub>im,t</sub>)<br>"
        "y<sub>t</sub> = GELU(Re(C x<sub>t</sub>) + D u<sub>t</sub>)<br>"
        "∂x<sub>t</sub>/∂x<sub>t−k</sub> = diag(λ<sup>k</sup>): decay |λ|<sup>k</sup> over k steps"
    )

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        hidden = hidden_size
        # |λ|² uniform in [R_MIN², R_MAX²], i.e. ν = log(−½ log |λ|²).
        radius_squared = torch.empty(hidden).uniform_(R_MIN ** 2, R_MAX ** 2)
        self.nu = torch.nn.Parameter(torch.log(-0.5 * torch.log(radius_squared)))
        self.theta = torch.nn.Parameter(torch.empty(hidden).uniform_(0, MAX_PHASE))
        self.weight_ih_re = torch.nn.Parameter(torch.randn(hidden, input_size) / math.sqrt(2 * input_size))
        self.weight_ih_im = torch.nn.Parameter(torch.randn(hidden, input_size) / math.sqrt(2 * input_size))
        self.weight_out_re = torch.nn.Parameter(torch.randn(hidden, hidden) / math.sqrt(hidden))
        self.weight_out_im = torch.nn.Parameter(torch.randn(hidden, hidden) / math.sqrt(hidden))
        self.weight_skip = torch.nn.Parameter(torch.randn(hidden, input_size) / math.sqrt(input_size))

    def forward(self, u, state):
        h, h_im = state  # Re x_{t-1}, Im x_{t-1}
        magnitude = torch.exp(-torch.exp(self.nu))  # |λ|, [H]
        lam_re, lam_im = magnitude * torch.cos(self.theta), magnitude * torch.sin(self.theta)
        gamma = torch.sqrt(-torch.expm1(-2 * torch.exp(self.nu)))  # sqrt(1 − |λ|²), exact near |λ| = 1
        drive_re = gamma * F.linear(u, self.weight_ih_re)
        drive_im = gamma * F.linear(u, self.weight_ih_im)
        h, h_im = lam_re * h - lam_im * h_im + drive_re, lam_re * h_im + lam_im * h + drive_im
        y = F.gelu(F.linear(h, self.weight_out_re) - F.linear(h_im, self.weight_out_im)
                   + F.linear(u, self.weight_skip))
        self.record("decay |λ|", magnitude.expand_as(h))
        return y, (h, h_im)
