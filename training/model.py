"""``SequenceModel``: stacks cells over time and layers, with a linear readout,
and captures ‖∂ℓ/∂(state)_t‖ at every time step in the training backward pass."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import torch
from torch import Tensor, nn

from cells import Cell
from cells._projected import ProjectedCell
from cells.base import recurrent_weights

from . import fused


class StateTrace:
    """One state's tensors over time, kept so their gradients can be read.

    Each state tensor a cell returns has its gradient retained; since that
    tensor is the node every later use starts from, its gradient after the
    one training backward pass is the total derivative ∂L/∂s_t. (A zero probe
    added after the step would miss, for the LSTM's c_t, the path through h_t
    computed inside the same step.)
    """

    def __init__(self, length: int):
        self.tensors: list[Tensor | None] = [None] * length

    def keep(self, t: int, tensor: Tensor) -> None:
        if tensor.requires_grad:
            tensor.retain_grad()
            self.tensors[t] = tensor

    @property
    def grad(self) -> Tensor | None:
        """[T, B, H] gradients (zeros where a state did not reach the loss)."""
        present = next((x for x in self.tensors if x is not None), None)
        if present is None:
            return None
        zeros = torch.zeros_like(present)
        return torch.stack([x.grad if x is not None and x.grad is not None else zeros
                            for x in self.tensors])

    @property
    def values(self) -> Tensor | None:
        """[T, B, H] the states themselves (detached); None unless every step kept one."""
        if any(x is None for x in self.tensors):
            return None
        return torch.stack([x.detach() for x in self.tensors])


@dataclass
class Unrolled:
    """The result of one forward pass.

    traces: (layer, reverse, state name) -> a ``StateTrace``; after backward
    its .grad[t] is ∂L/∂state_t, the total derivative (through the readout,
    the recurrence and, for a state like the LSTM's c_t, through h_t of the
    same step). gates: (layer, reverse) -> name -> [T].
    finishers: (layer, reverse) -> callable that, after backward, gives the
    same ∂L/∂state_t per state name for cells run by ``fused`` (no traces).
    Read both through ``state_gradients``. states: (layer, reverse) -> name ->
    the states [T, B, H] of cells run by ``fused``; read through ``state_values``.
    top_input: the top layer's input [T, B, I'] (detached), kept on captured
    steps for measures that re-run the top cell (``sensitivity``).
    """

    outputs: Tensor
    inputs: Tensor
    traces: dict[tuple[int, bool, str], StateTrace] = field(default_factory=dict)
    gates: dict[tuple[int, bool], dict[str, Tensor]] = field(default_factory=dict)
    finishers: dict[tuple[int, bool], Callable[[], dict[str, Tensor]]] = field(default_factory=dict)
    states: dict[tuple[int, bool], dict[str, Tensor]] = field(default_factory=dict)
    top_input: Tensor | None = None

    def state_gradients(self) -> dict[tuple[int, bool, str], Tensor]:
        """After backward: (layer, reverse, state) -> ∂L/∂state_t [T, B, H],
        whichever path ran; states no gradient reached are left out."""
        gradients = {key: trace.grad for key, trace in self.traces.items()}  # .grad stacks: read once
        gradients = {key: g for key, g in gradients.items() if g is not None}
        for (layer, reverse), finish in self.finishers.items():
            gradients.update({(layer, reverse, name): g for name, g in finish().items()})
        return gradients

    def state_values(self, layer: int, reverse: bool = False) -> dict[str, Tensor]:
        """The states [T, B, H] of one (layer, direction) on a captured step, by
        name, whichever path ran (empty when capture was off)."""
        values = {name: trace.values for (lay, rev, name), trace in self.traces.items()
                  if (lay, rev) == (layer, reverse)}
        values.update(self.states.get((layer, reverse), {}))
        return {name: v for name, v in values.items() if v is not None}


def unroll_cell(cell: Cell, xs: Tensor, traces: list[StateTrace] | None, reverse: bool) -> Tensor:
    """Run ``cell`` over xs [T, B, I]; return outputs [T, B, H] in time order.

    Built-in cells compute their input projection for all steps at once.
    When traces are given (one per state), every state tensor is kept in
    them so that its gradient ∂L/∂s_t can be read after backward.
    """
    length = xs.shape[0]
    state = cell.initial_state(xs.shape[1], device=xs.device, dtype=xs.dtype)
    if isinstance(cell, ProjectedCell):
        drive, step = cell.project_input(xs), cell.step  # [T, B, G*H]
    else:
        drive, step = xs, cell.forward
    # unbind, not drive[t]: each index's backward writes a full-size [T, ...]
    # zero tensor, which made backward O(T²) (1.8 s instead of ~0.2 at T = 500).
    drive = drive.unbind(0)
    outputs: list[Tensor] = [xs[:0]] * length
    for t in (range(length - 1, -1, -1) if reverse else range(length)):
        output, state = step(drive[t], state)
        if traces is not None:
            for trace, tensor in zip(traces, state, strict=True):
                trace.keep(t, tensor)
        outputs[t] = output
    return torch.stack(outputs)


class SequenceModel(nn.Module):
    """Layers of one cell class (optionally bidirectional) and a linear readout
    applied at every time step."""

    def __init__(self, cell_class: type[Cell], input_size: int, hidden_size: int,
                 output_size: int, layers: int = 1, bidirectional: bool = False,
                 dropout: float = 0.0):
        super().__init__()
        self.cell_class = cell_class
        self.hidden_size = hidden_size
        self.directions = 2 if bidirectional else 1
        self.layers = nn.ModuleList()
        for layer in range(layers):
            layer_input = input_size if layer == 0 else hidden_size * self.directions
            self.layers.append(nn.ModuleList(
                cell_class(layer_input, hidden_size) for _ in range(self.directions)))
        self.dropout = nn.Dropout(dropout)
        self.readout = nn.Linear(hidden_size * self.directions, output_size)

    @property
    def cells(self) -> list[Cell]:
        return [cell for layer in self.layers for cell in layer]

    def forward(self, inputs: Tensor, capture: bool = True, record_gates: bool = False) -> Unrolled:
        """inputs [T, B, I] -> outputs [T, B, output_size] (plus state traces, gates)."""
        if capture:
            inputs = inputs.detach().requires_grad_(True)
        result = Unrolled(outputs=inputs, inputs=inputs)
        layer_input = inputs
        for index, layer in enumerate(self.layers):
            if index > 0:
                layer_input = self.dropout(layer_input)
            if capture and index == len(self.layers) - 1:
                result.top_input = layer_input.detach()
            direction_outputs = []
            for cell, reverse in zip(layer, (False, True), strict=False):
                if fused.supports(cell):  # built-in RNN/LSTM/GRU: torch's kernel, same results (fused.py)
                    run = fused.unroll(cell, layer_input, capture, record_gates, reverse)
                    direction_outputs.append(run.outputs)
                    if run.gates:
                        result.gates[(index, reverse)] = run.gates
                    if run.finish is not None:
                        result.finishers[(index, reverse)] = run.finish
                    if run.states:
                        result.states[(index, reverse)] = run.states
                    continue
                traces = None
                if capture:
                    traces = [StateTrace(inputs.shape[0]) for _ in cell.state_names]
                    for name, trace in zip(cell.state_names, traces, strict=True):
                        result.traces[(index, reverse, name)] = trace
                with cell.recording(record_gates) as trace:
                    direction_outputs.append(unroll_cell(cell, layer_input, traces, reverse))
                if record_gates and trace:
                    result.gates[(index, reverse)] = {
                        name: torch.stack(values[::-1] if reverse else values)
                        for name, values in trace.items()}
            layer_input = torch.cat(direction_outputs, dim=-1) if len(direction_outputs) > 1 \
                else direction_outputs[0]
        result.outputs = self.readout(layer_input)
        return result


def recurrent_blocks(cell: Cell):
    """Square [H, H] views of every recurrent weight (``cells.base.recurrent_weights``)."""
    hidden = cell.hidden_size
    for _name, parameter in recurrent_weights(cell):
        for start in range(0, parameter.shape[0], hidden):
            yield parameter.data[start:start + hidden]


def initialise(model: SequenceModel, scheme: str, gain: float, forget_bias: float | None) -> int:
    """Apply an initialisation to every recurrent weight block; returns how
    many blocks there were (0: the cells name no ``weight_hh*`` parameter, so
    ``scheme`` and ``gain`` changed nothing — the caller says so).

    default: the cell's own (torch's U(±1/√H)), scaled by gain;
    orthogonal: each H×H block orthogonal × gain; identity: each block I × gain
    (IRNN). forget_bias sets the summed forget-gate bias where a cell has one.
    """
    blocks = 0
    with torch.no_grad():
        for cell in model.cells:
            for block in recurrent_blocks(cell):
                blocks += 1
                if scheme == "orthogonal":
                    nn.init.orthogonal_(block, gain=gain)
                elif scheme == "identity":
                    block.copy_(torch.eye(block.shape[0], dtype=block.dtype) * gain)
                elif gain != 1.0:
                    block.mul_(gain)
            if forget_bias is not None:
                cell.set_forget_bias(forget_bias)
    return blocks

