"""GRU of Cho et al. (2014), wrapped from published code: how to make an
existing implementation a GateLab cell without editing it.

    r_t = σ(W_r [x_t, h_{t-1}] + b_r)
    z_t = σ(W_z [x_t, h_{t-1}] + b_z)
    h̃_t = tanh(W [x_t, r_t ⊙ h_{t-1}] + b)
    h_t = z_t ⊙ h_{t-1} + (1 − z_t) ⊙ h̃_t

The code that computes this lives in ``published_cho_gru.py`` beside this
file, standing for a vendored third-party implementation. This plugin only
adapts it to the cell contract:

- it imports the helper relatively (``from .published_cho_gru import …``), the
  one way that works in the checker, the training workers and the CLI;
- it returns the new state tensor itself as the output (``return h, (h,)``),
  so that the gradient-through-time plot includes the readout's path;
- it records the gates through forward hooks on the wrapped submodules
  (``cells.record_outputs``), applying the sigmoid the published code applies
  inline, because ``record()`` calls cannot go into third-party code.

What to notice: the reset gate acts on h_{t-1} before the matrix product (torch's
GRU applies it after, to W_hn h + b_hn), a different function with the same
gates. Its recurrent weights are not named ``weight_hh``, so ``--init`` and
``--gain`` do not apply to it: ``check-plugin`` and the Plugins panel say so.

Reference: K. Cho, B. van Merriënboer, C. Gulcehre, D. Bahdanau, F. Bougares,
H. Schwenk and Y. Bengio, "Learning phrase representations using RNN
encoder-decoder for statistical machine translation", EMNLP 2014.
"""

import torch

from cells import Cell, record_outputs

from .published_cho_gru import GRUCell


class ChoGRU(Cell):
    name = "Cho GRU (wrapped)"
    description = "A published GRU cell wrapped unedited; gates recorded through hooks (Cho et al. 2014)"
    equations = (
        "r<sub>t</sub> = σ(W<sub>r</sub>[x<sub>t</sub>, h<sub>t−1</sub>] + b<sub>r</sub>)<br>"
        "z<sub>t</sub> = σ(W<sub>z</sub>[x<sub>t</sub>, h<sub>t−1</sub>] + b<sub>z</sub>)<br>"
        "h̃<sub>t</sub> = tanh(W[x<sub>t</sub>, r<sub>t</sub> ⊙ h<sub>t−1</sub>] + b)<br>"
        "h<sub>t</sub> = z<sub>t</sub> ⊙ h<sub>t−1</sub> + (1 − z<sub>t</sub>) ⊙ h̃<sub>t</sub>"
    )

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.core = GRUCell(input_size, hidden_size)
        # The published code applies σ inline, so each hook applies it to the Linear's output.
        record_outputs(self, {"reset r": ("core.reset_gate", torch.sigmoid),
                              "update z": ("core.update_gate", torch.sigmoid)})

    def forward(self, x, state):
        (h,) = state
        h = self.core(x, h)
        return h, (h,)  # the state tensor itself is the output: the plot sees every path
