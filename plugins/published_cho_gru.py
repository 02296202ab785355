"""A GRU cell as published code writes it: this file stands for a third-party
implementation vendored beside a plugin, and knows nothing of GateLab.

In practice such a file comes from the authors' repository (the code released
with a paper) or from a library, copied with its licence and left unedited, so
that it can be compared with, and updated from, its source. ``cho_gru.py``
beside it is the GateLab plugin that wraps it; GateLab lists this file as a
helper (·), not as a broken plugin.

The update is that of Cho et al. (2014): the reset gate scales h_{t-1}
*before* the candidate's matrix product, unlike torch's ``nn.GRUCell``.
"""

import torch
from torch import nn


class GRUCell(nn.Module):
    """One step: ``h_next = cell(x, h)``, x [B, input_size], h [B, hidden_size]."""

    def __init__(self, input_size, hidden_size, bias=True):
        super().__init__()
        self.input_size = input_size
        self.hidden_size = hidden_size
        self.reset_gate = nn.Linear(input_size + hidden_size, hidden_size, bias=bias)
        self.update_gate = nn.Linear(input_size + hidden_size, hidden_size, bias=bias)
        self.candidate = nn.Linear(input_size + hidden_size, hidden_size, bias=bias)

    def forward(self, x, h):
        xh = torch.cat([x, h], dim=1)
        r = torch.sigmoid(self.reset_gate(xh))
        z = torch.sigmoid(self.update_gate(xh))
        h_tilde = torch.tanh(self.candidate(torch.cat([x, r * h], dim=1)))
        return z * h + (1 - z) * h_tilde
