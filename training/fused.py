"""Per-time-step gradient capture *through* torch's fused RNN/LSTM/GRU kernels.

Why: the Python time loop with state traces (``model.unroll_cell``) costs 3.5-4.4x
torch's fused ``nn.LSTM`` on CPU and is launch-bound on a GPU. For the
built-in RNN, LSTM and GRU the fused kernel can report ∂L/∂h_t itself:

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
* The GRU (torch's reset-after form, gate rows r, z, n, as cells/gru.py)::

      n_t = tanh(W_in x_t + b_in + r_t ⊙ (W_hn h_{t-1} + b_hn))
      h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_{t-1}

  h_{t-1} reaches step t by four routes: W_hr, W_hz (through the gate
  pre-activations, like the RNN's W_hh), W_hn *behind* r_t, and the bypass
  z_t ⊙ h_{t-1}. The last two are not of the form W δ, so the zero channels
  come in two blocks of H, after x: A with input weights [W_hr; W_hz; 0]
  (frozen, as above) and B with [0; 0; I]. Their input gradients at step t+1
  are A_{t+1} = W_hrᵀ δr_{t+1} + W_hzᵀ δz_{t+1} and B_{t+1} = δn_{t+1} (the
  candidate's pre-activation gradient), and then, with r and z recomputed
  batched as for the LSTM::

      δh_t = direct_t + A_{t+1} + W_hnᵀ (r_{t+1} ⊙ B_{t+1}) + z_{t+1} ⊙ δh_{t+1}

  a reverse linear scan with multiplier z. That is the GPU's route; on a
  CPU, where torch's GRU is itself a step loop, the capture loops over
  ``torch.gru_cell`` instead, each h_t's gradient retained (fused_gru.py: cheaper).

Exact for all three (tests/test_fused.py checks them against the loop).
Each (layer, direction) runs as its own one-layer kernel, so stacking,
bidirectionality and dropout between layers stay exact: the direct output
gradient of each layer is observed with a hook.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import torch
from torch import Tensor
from torch.nn import functional as F

from cells import GRU, LSTM, RNN, Cell

from . import fused_gru

# Gate names as cells/lstm.py and cells/gru.py record them (the fused path recomputes the gates).
LSTM_GATE_NAMES = {"i": "input i", "f": "forget f", "o": "output o"}
GRU_GATE_NAMES = {"r": "reset r", "z": "update z"}

# False forces the Python loop everywhere: the tests' oracle and the benchmark's comparison.
ENABLED = True


def supports(cell: Cell) -> bool:
    """True when the fused path reproduces the loop exactly.

    Exact classes only: a subclass (a plugin) may override ``step``,
    ``initial_state`` or ``record``, which the kernel would silently ignore.
    """
    if not ENABLED:
        return False
    if type(cell) in (LSTM, GRU):
        return True
    return type(cell) is RNN and cell.nonlinearity in ("tanh", "relu")


@dataclass
class FusedUnroll:
    """One cell over the sequence: outputs [T, B, H] in time order; gate means
    per step (name -> [T]); ``finish()``, called after backward, turns what
    the backward pass left into ∂L/∂state_t per state name ([T, B, H], time
    order; empty if no gradient reached this cell); on a captured step the
    states themselves (name -> [T, B, H], time order, detached)."""

    outputs: Tensor
    gates: dict[str, Tensor] = field(default_factory=dict)
    states: dict[str, Tensor] = field(default_factory=dict)
    finish: Callable[[], dict[str, Tensor]] | None = None


def _kernel(cell: Cell, xs: Tensor, weight_ih: Tensor) -> Tensor:
    """One-layer, unidirectional torch kernel over xs [T, B, I'] -> [T, B, H],
    from a zero state (the built-ins' ``initial_state``)."""
    h0 = xs.new_zeros(1, xs.shape[1], cell.hidden_size)
    params = [weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh]
    train = torch.is_grad_enabled()  # oneDNN keeps its workspace for backward only then
    if type(cell) is LSTM:
        return torch.lstm(xs, (h0, h0), params, True, 1, 0.0, train, False, False)[0]
    if type(cell) is GRU:
        return torch.gru(xs, h0, params, True, 1, 0.0, train, False, False)[0]
    kernel = torch.rnn_tanh if cell.nonlinearity == "tanh" else torch.rnn_relu
    return kernel(xs, h0, params, True, 1, 0.0, train, False, False)[0]


def _capture_weight(cell: Cell) -> Tensor:
    """``weight_ih`` with the zero channels' frozen input weights appended.

    RNN/LSTM: [W_ih | W_hh]. GRU: [W_ih | A | B] with A = [W_hr; W_hz; 0] and
    B = [0; 0; I] (rows r, z, n). Built anew at every call from ``.detach()``
    copies, so always current; only W_ih receives a gradient.
    """
    if type(cell) is not GRU:
        return torch.cat([cell.weight_ih, cell.weight_hh.detach()], dim=1)
    hidden = cell.hidden_size
    extra = cell.weight_hh.new_zeros(3 * hidden, 2 * hidden)
    extra[:2 * hidden, :hidden] = cell.weight_hh.detach()[:2 * hidden]
    extra[2 * hidden:, hidden:].fill_diagonal_(1.0)
    return torch.cat([cell.weight_ih, extra], dim=1)


def _preactivations(cell: Cell, xs: Tensor, outputs: Tensor, blocks: int) -> Tensor:
    """Gate pre-activations [T, B, blocks·H] of the first ``blocks`` row
    blocks of W_ih/W_hh (views), in the kernel's time order, from x_t and
    h_{t-1} (batched over all steps, the needed rows only: the kernel does
    not expose its gates), without grad. Summing b_ih + b_hh is right for the
    GRU's r and z too: only its candidate n keeps b_hn apart (behind r)."""
    hidden = cell.hidden_size
    rows = slice(0, blocks * hidden)
    with torch.no_grad():
        pre = F.linear(xs, cell.weight_ih[rows], (cell.bias_ih + cell.bias_hh)[rows])  # [T, B, k]
        if xs.shape[0] > 1:  # + W_hh h_{t-1} for t ≥ 1 (h_{-1} = 0), in place: no [x, h] copy
            flat = pre.view(-1, pre.shape[-1])[xs.shape[1]:]
            flat.addmm_(outputs[:-1].reshape(-1, hidden), cell.weight_hh[rows].T)
        return pre


def _gru_gates(cell: Cell, xs: Tensor, outputs: Tensor) -> dict[str, Tensor]:
    """The GRU's sigmoid gates r and z [T, B, H] (rows r, z, n), recomputed."""
    return dict(zip("rz", _preactivations(cell, xs, outputs, 2).sigmoid_().chunk(2, dim=-1), strict=True))


def _lstm_gates(cell: Cell, xs: Tensor, outputs: Tensor) -> dict[str, Tensor]:
    """All four LSTM gates i, f, g, o [T, B, H], recomputed (``_preactivations``)
    in one product over all rows: c_t and ∂L/∂c_t need i, f, g and o alike."""
    pre = _preactivations(cell, xs, outputs, 4)  # rows i, f, g, o
    with torch.no_grad():
        i, f, g, o = pre.chunk(4, dim=-1)
        pre[..., :2 * cell.hidden_size].sigmoid_()
        return {"i": i, "f": f, "g": g.tanh_(), "o": o.sigmoid_()}


def _lstm_cell_states(gates: dict[str, Tensor]) -> Tensor:
    """The LSTM's c_t [T, B, H], kernel time order, without grad: the kernel
    returns only h_t, so c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t is run forward
    from the recomputed gates (``unbind``: one view per step, made once)."""
    with torch.no_grad():
        cells = gates["i"] * gates["g"]
        rows, forget = cells.unbind(0), gates["f"].unbind(0)
        for t in range(1, len(rows)):
            rows[t].addcmul_(forget[t], rows[t - 1])
        return cells


def reverse_linear_scan(a: Tensor, m: Tensor) -> Tensor:
    """d_t = a_t + m_{t+1} ⊙ d_{t+1} backwards from d_{T-1} = a_{T-1}, in place
    in ``a``, without grad; a, m [T, ...]. The LSTM's δc has this form (m = f),
    and so has the GRU's δh (m = z).

    A plain loop of T small in-place ops (~5 µs each), over views made once
    by ``unbind`` (indexing a[t] anew costs a third more). A blocked scan in
    ~3√T ops was slower on this machine: its fresh [T, B, H] buffers cost
    more in page faults than the ops it saves (torch's cumprod along time, worse).
    """
    with torch.no_grad():
        rows, multipliers = a.unbind(0), m.unbind(0)
        for t in range(len(rows) - 2, -1, -1):
            rows[t].addcmul_(multipliers[t + 1], rows[t + 1])
        return a


def _cell_gradient(dh: Tensor, outputs: Tensor, cells: Tensor, f: Tensor, o: Tensor) -> Tensor:
    """∂L/∂c_t from ∂L/∂h_t, all in kernel time order, without grad.

    δc_t = δh_t ⊙ ∂h_t/∂c_t + f_{t+1} ⊙ δc_{t+1}, with ∂h_t/∂c_t =
    o_t (1 − tanh² c_t) = o_t − h_t tanh c_t (h_t = o_t ⊙ tanh c_t: one fused
    op; its round-off, like autograd's own 1 − tanh², is a few ulp of o_t).
    """
    with torch.no_grad():
        local = torch.addcmul(o, outputs, cells.tanh(), value=-1.0).mul_(dh)
        return reverse_linear_scan(local, f)


def _gru_hidden_gradient(dh: Tensor, channels: Tensor, r: Tensor, z: Tensor, weight_hn: Tensor) -> Tensor:
    """The GRU's total ∂L/∂h_t, kernel time order, without grad.

    dh: the direct gradient (through the layers above), overwritten;
    channels: the zero channels' input gradient [T, B, 2H] = [A | B];
    r, z: the recomputed gates; weight_hn: W_hn as the forward pass used it.
    Adds A_{t+1} + W_hnᵀ (r_{t+1} ⊙ B_{t+1}) to step t, then scans in
    z_{t+1} ⊙ δh_{t+1} (see the module doc).
    """
    hidden = weight_hn.shape[0]
    with torch.no_grad():
        if dh.shape[0] > 1:
            a, b = channels[1:].split(hidden, dim=-1)
            reset = (r[1:] * b).view(-1, hidden)
            flat = dh[:-1].view(-1, hidden)
            flat.add_(a.reshape(-1, hidden)).addmm_(reset, weight_hn)
        return reverse_linear_scan(dh, z)


def unroll(cell: Cell, xs: Tensor, capture: bool, record_gates: bool, reverse: bool,
           cell_state: bool = True) -> FusedUnroll:
    """Run ``cell`` over xs [T, B, I] through torch's kernel (see module doc).

    With ``capture`` the kernel's input carries the zero channels (H; 2H for
    the GRU; on a CPU the GRU loops over steps instead, fused_gru) and the
    result's ``finish`` yields "h" (and "c" for the LSTM), as the loop's
    state traces would. ``reverse`` runs the kernel on the
    time-flipped sequence. ``cell_state=False`` leaves out the LSTM's c_t
    and ∂L/∂c_t, and with them the recomputed gates (unless recorded): a
    caller that reads ∂/∂h_t only (sensitivity) need not pay for them.
    """
    kind = type(cell)
    kernel_xs = xs.flip(0) if reverse else xs
    channels: list[Tensor] = []  # the zero channels' input gradient [T, B, H or 2H]
    steps = None  # the GRU's ∂L/∂h_t where its capture loops over steps (fused_gru)
    if capture and kind is GRU and xs.device.type in fused_gru.STEP_LOOP_DEVICES:
        outputs, steps = fused_gru.unroll_steps(cell, kernel_xs)
    elif capture:
        width = 2 * cell.hidden_size if kind is GRU else cell.hidden_size
        padded = F.pad(kernel_xs, (0, width))  # [x, zero channels]: one op, no separate zeros leaf
        if not padded.requires_grad:
            padded.requires_grad_(True)
        # A hook, not .grad: reads the slice without AccumulateGrad's contiguous copy.
        padded.register_hook(lambda grad: channels.append(grad[..., xs.shape[-1]:]))
        outputs = _kernel(cell, padded, _capture_weight(cell))
    else:
        outputs = _kernel(cell, kernel_xs, cell.weight_ih)
    direct: list[Tensor] = []
    if capture and outputs.requires_grad:
        outputs.register_hook(direct.append)  # the gradient of h_t through the layers above
    result = FusedUnroll(outputs.flip(0) if reverse else outputs)
    gates = None
    names = {LSTM: LSTM_GATE_NAMES, GRU: GRU_GATE_NAMES}.get(kind)
    needs_gates = capture and (kind is GRU and steps is None or kind is LSTM and cell_state)  # for finish()
    if names is not None and (record_gates or needs_gates):
        if kind is LSTM:
            gates = _lstm_gates(cell, kernel_xs, outputs.detach())
        else:
            gates = _gru_gates(cell, kernel_xs, outputs.detach())
        if record_gates:
            means = {name: gates[key].mean(dim=(1, 2)) for key, name in names.items()}
            result.gates = {name: m.flip(0) if reverse else m for name, m in means.items()}
    if not capture:
        return result
    states = {"h": outputs.detach()}
    if kind is LSTM and cell_state:
        states["c"] = _lstm_cell_states(gates)
    result.states = {name: v.flip(0) if reverse else v for name, v in states.items()}
    # finish() may run after the optimizer step has changed weight_hh in place: keep W_hn as used.
    weight_hn = cell.weight_hh.detach()[2 * cell.hidden_size:].clone() if kind is GRU else None

    def finish() -> dict[str, Tensor]:
        if steps is not None:
            gradient = fused_gru.state_gradient(steps)
            return {} if gradient is None else {"h": gradient.flip(0) if reverse else gradient}
        if not channels:
            return {}
        if direct:
            dh = direct[0].detach().clone(memory_format=torch.contiguous_format)
        else:
            dh = outputs.new_zeros(outputs.shape)
        if kind is GRU:
            gradients = {"h": _gru_hidden_gradient(dh, channels[0], gates["r"], gates["z"], weight_hn)}
        else:
            dh[:-1] += channels[0][1:]  # recurrent part of ∂L/∂h_t arrives at step t+1
            gradients = {"h": dh}
        if kind is LSTM and cell_state:
            gradients["c"] = _cell_gradient(dh, states["h"], states["c"], gates["f"], gates["o"])
        return {name: g.flip(0) if reverse else g for name, g in gradients.items()}

    result.finish = finish
    return result
