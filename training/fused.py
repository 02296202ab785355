"""Per-time-step gradient capture *through* torch's fused RNN/LSTM kernels.

Why: the Python time loop with state traces (``model.unroll_cell``) costs 3.5-4.4x
torch's fused ``nn.LSTM`` on CPU and is launch-bound on a GPU. For the
built-in RNN and LSTM the fused kernel can report ∂L/∂h_t itself:

* Append H zero channels ``z`` to the input and give them a frozen copy of
  ``W_hh`` as input weights. They add nothing to the forward pass, and their
  input gradient at step t+1 is ``W_hhᵀ δ_{t+1}`` (δ: the gate
  pre-activation gradient): exactly the recurrent part of ∂L/∂h_t.
  Adding the direct gradient of the output at t gives the total ∂L/∂h_t.
  The frozen copy is ``weight_hh.detach()`` concatenated anew at every call,
  so it is always current and its gradient is dropped.
* For the LSTM, ∂L/∂c_t follows after backward from a cheap no-grad
  recursion, with the gates recomputed from x_t and h_{t-1} (batched)::

      δc_t = δh_t ⊙ o_t ⊙ (1 − tanh² c_t) + δc_{t+1} ⊙ f_{t+1}

  (c_t reaches the loss only through h_t and c_{t+1}.)

This holds exactly for RNN and LSTM but not for the GRU (its reset gate
multiplies ``W_hn h`` and ``z ⊙ h`` bypasses ``W_hh``); the GRU's loop is
about as fast as its fused module anyway. Each (layer, direction) runs as
its own one-layer kernel, so stacking, bidirectionality and dropout between
layers stay exact: the direct output gradient of each layer is observed with
a hook.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import torch
from torch import Tensor
from torch.nn import functional as F

from cells import LSTM, RNN, Cell

# Gate names as cells/lstm.py records them (the fused path recomputes the gates).
LSTM_GATE_NAMES = {"i": "input i", "f": "forget f", "o": "output o"}

# False forces the Python loop everywhere: the tests' oracle and the benchmark's comparison.
ENABLED = True


def supports(cell: Cell) -> bool:
    """True when the fused path reproduces the loop exactly.

    Exact classes only: a subclass (a plugin) may override ``step``,
    ``initial_state`` or ``record``, which the kernel would silently ignore.
    """
    if not ENABLED:
        return False
    if type(cell) is LSTM:
        return True
    return type(cell) is RNN and cell.nonlinearity in ("tanh", "relu")


@dataclass
class FusedUnroll:
    """One cell over the sequence: outputs [T, B, H] in time order; gate means
    per step (name -> [T]); ``finish()``, called after backward, turns what
    the backward pass left into ∂L/∂state_t per state name ([T, B, H], time
    order; empty if no gradient reached this cell)."""

    outputs: Tensor
    gates: dict[str, Tensor] = field(default_factory=dict)
    finish: Callable[[], dict[str, Tensor]] | None = None


def _kernel(cell: Cell, xs: Tensor, weight_ih: Tensor) -> Tensor:
    """One-layer, unidirectional torch kernel over xs [T, B, I'] -> [T, B, H],
    from a zero state (the built-ins' ``initial_state``)."""
    h0 = xs.new_zeros(1, xs.shape[1], cell.hidden_size)
    params = [weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh]
    train = torch.is_grad_enabled()  # oneDNN keeps its workspace for backward only then
    if type(cell) is LSTM:
        return torch.lstm(xs, (h0, h0), params, True, 1, 0.0, train, False, False)[0]
    kernel = torch.rnn_tanh if cell.nonlinearity == "tanh" else torch.rnn_relu
    return kernel(xs, h0, params, True, 1, 0.0, train, False, False)[0]


def _lstm_gates(cell: Cell, xs: Tensor, outputs: Tensor, with_input: bool) -> dict[str, Tensor]:
    """Recompute the LSTM's f, o (and i when ``with_input``) [T, B, H], in the
    kernel's time order, from x_t and h_{t-1} (batched over all steps, the
    needed gate rows only: the kernel does not expose its gates), without grad."""
    hidden = cell.hidden_size
    blocks = {"i": 0, "f": 1, "o": 3} if with_input else {"f": 1, "o": 3}  # rows i, f, g, o
    rows = torch.cat([torch.arange(b * hidden, (b + 1) * hidden, device=xs.device) for b in blocks.values()])
    with torch.no_grad():
        pre = F.linear(xs, cell.weight_ih[rows], (cell.bias_ih + cell.bias_hh)[rows])  # [T, B, k]
        if xs.shape[0] > 1:  # + W_hh h_{t-1} for t ≥ 1 (h_{-1} = 0), in place: no [x, h] copy
            flat = pre.view(-1, pre.shape[-1])[xs.shape[1]:]
            flat.addmm_(outputs[:-1].reshape(-1, hidden), cell.weight_hh[rows].T)
        return dict(zip(blocks, pre.sigmoid_().chunk(len(blocks), dim=-1), strict=True))


def reverse_linear_scan(a: Tensor, m: Tensor) -> Tensor:
    """d_t = a_t + m_{t+1} ⊙ d_{t+1} backwards from d_{T-1} = a_{T-1}, in place
    in ``a``, without grad; a, m [T, ...]. The LSTM's δc has this form (m = f).

    A plain loop of T small in-place ops (~5 µs each). A blocked scan in ~3√T
    ops was slower on this machine: its fresh [T, B, H] buffers cost more in
    page faults than the ops it saves (torch's cumprod along time, worse).
    """
    with torch.no_grad():
        for t in range(a.shape[0] - 2, -1, -1):
            a[t].addcmul_(m[t + 1], a[t + 1])
        return a


def _cell_gradient(dh: Tensor, outputs: Tensor, f: Tensor, o: Tensor) -> Tensor:
    """∂L/∂c_t from ∂L/∂h_t, all in kernel time order, without grad.

    δc_t = δh_t ⊙ ∂h_t/∂c_t + f_{t+1} ⊙ δc_{t+1}, with ∂h_t/∂c_t =
    o_t (1 − tanh² c_t) = o_t − h_t tanh c_t and tanh c_t read off
    h_t = o_t ⊙ tanh c_t (relative error of a few ulp, like autograd's own
    1 − tanh²; where o_t is 0, so is h_t and the term).
    """
    with torch.no_grad():
        tanh_c = outputs / o.clamp(min=torch.finfo(o.dtype).tiny)
        local = tanh_c.mul_(outputs).neg_().add_(o).clamp_min_(0.0).mul_(dh)
        return reverse_linear_scan(local, f)


def unroll(cell: Cell, xs: Tensor, capture: bool, record_gates: bool, reverse: bool) -> FusedUnroll:
    """Run ``cell`` over xs [T, B, I] through torch's kernel (see module doc).

    With ``capture`` the kernel's input carries the H zero channels and the
    result's ``finish`` yields "h" (and "c" for the LSTM), as the loop's
    state traces would. ``reverse`` runs the kernel on the time-flipped sequence.
    """
    lstm = type(cell) is LSTM
    kernel_xs = xs.flip(0) if reverse else xs
    zeros = None
    if capture:
        zeros = xs.new_zeros(*xs.shape[:2], cell.hidden_size, requires_grad=True)
        weight = torch.cat([cell.weight_ih, cell.weight_hh.detach()], dim=1)
        outputs = _kernel(cell, torch.cat([kernel_xs, zeros], dim=-1), weight)
    else:
        outputs = _kernel(cell, kernel_xs, cell.weight_ih)
    direct: list[Tensor] = []
    if capture and outputs.requires_grad:
        outputs.register_hook(direct.append)  # the gradient of h_t through the layers above
    result = FusedUnroll(outputs.flip(0) if reverse else outputs)
    if not lstm or not (capture or record_gates):
        gates = None
    else:
        gates = _lstm_gates(cell, kernel_xs, outputs.detach(), with_input=record_gates)
        if record_gates:
            means = {name: gates[key].mean(dim=(1, 2)) for key, name in LSTM_GATE_NAMES.items()}
            result.gates = {name: m.flip(0) if reverse else m for name, m in means.items()}
    if not capture:
        return result

    def finish() -> dict[str, Tensor]:
        if zeros.grad is None:
            return {}
        dh = direct[0].detach().clone() if direct else torch.zeros_like(zeros.grad)
        dh[:-1] += zeros.grad[1:]  # recurrent part of ∂L/∂h_t arrives at step t+1
        states = {"h": dh}
        if gates is not None:
            states["c"] = _cell_gradient(dh, outputs.detach(), gates["f"], gates["o"])
        return {name: g.flip(0) if reverse else g for name, g in states.items()}

    result.finish = finish
    return result
