"""``SequenceModel``: stacks cells over time and layers, with a linear readout,
and captures ‖∂ℓ/∂(state)_t‖ at every time step in the training backward pass."""

from __future__ import annotations

from dataclasses import dataclass, field

import torch
from torch import Tensor, nn

from cells import Cell
from cells._projected import ProjectedCell


@dataclass
class Unrolled:
    """The result of one forward pass.

    probes: (layer, reverse, state name) -> zero leaf [T, B, H] added to that
    state at every step; after backward its .grad[t] is ∂L/∂state_t (the total
    derivative through the recurrence). gates: (layer, reverse) -> name -> [T].
    """

    outputs: Tensor
    inputs: Tensor
    probes: dict[tuple[int, bool, str], Tensor] = field(default_factory=dict)
    gates: dict[tuple[int, bool], dict[str, Tensor]] = field(default_factory=dict)


def unroll_cell(cell: Cell, xs: Tensor, probes: list[Tensor] | None, reverse: bool) -> Tensor:
    """Run ``cell`` over xs [T, B, I]; return outputs [T, B, H] in time order.

    Built-in cells compute their input projection for all steps at once.
    When probes are given (one per state), probe[t] is added to each state
    as it is produced, so that its gradient is ∂L/∂state_t.
    """
    length = xs.shape[0]
    state = cell.initial_state(xs.shape[1], device=xs.device, dtype=xs.dtype)
    if isinstance(cell, ProjectedCell):
        drive, step = cell.project_input(xs), cell.step  # [T, B, G*H]
    else:
        drive, step = xs, cell.forward
    outputs: list[Tensor] = [xs[:0]] * length
    for t in (range(length - 1, -1, -1) if reverse else range(length)):
        output, new_state = step(drive[t], state)
        if probes is not None:
            probed = tuple(s + p[t] for s, p in zip(new_state, probes))
            if new_state and new_state[0] is output:
                output = probed[0]
            new_state = probed
        state = new_state
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
        """inputs [T, B, I] -> outputs [T, B, output_size] (plus probes, gates)."""
        if capture:
            inputs = inputs.detach().requires_grad_(True)
        result = Unrolled(outputs=inputs, inputs=inputs)
        layer_input = inputs
        for index, layer in enumerate(self.layers):
            if index > 0:
                layer_input = self.dropout(layer_input)
            direction_outputs = []
            for cell, reverse in zip(layer, (False, True)):
                probes = None
                if capture:
                    probes = [layer_input.new_zeros(inputs.shape[0], inputs.shape[1], self.hidden_size,
                                                    requires_grad=True) for _ in cell.state_names]
                    for name, probe in zip(cell.state_names, probes):
                        result.probes[(index, reverse, name)] = probe
                with cell.recording(record_gates) as trace:
                    direction_outputs.append(unroll_cell(cell, layer_input, probes, reverse))
                if record_gates and trace:
                    result.gates[(index, reverse)] = {
                        name: torch.stack(values[::-1] if reverse else values)
                        for name, values in trace.items()}
            layer_input = torch.cat(direction_outputs, dim=-1) if len(direction_outputs) > 1 \
                else direction_outputs[0]
        result.outputs = self.readout(layer_input)
        return result


def recurrent_blocks(cell: Cell):
    """Square [H, H] views of every recurrent weight named ``weight_hh*``."""
    hidden = cell.hidden_size
    for name, parameter in cell.named_parameters():
        if name.split(".")[-1].startswith("weight_hh") and parameter.dim() == 2 \
                and parameter.shape[1] == hidden and parameter.shape[0] % hidden == 0:
            for start in range(0, parameter.shape[0], hidden):
                yield parameter.data[start:start + hidden]


def initialise(model: SequenceModel, scheme: str, gain: float, forget_bias: float | None) -> None:
    """Apply an initialisation to every recurrent weight block.

    default: the cell's own (torch's U(±1/√H)), scaled by gain;
    orthogonal: each H×H block orthogonal × gain; identity: each block I × gain
    (IRNN). forget_bias sets the summed forget-gate bias where a cell has one.
    """
    with torch.no_grad():
        for cell in model.cells:
            for block in recurrent_blocks(cell):
                if scheme == "orthogonal":
                    nn.init.orthogonal_(block, gain=gain)
                elif scheme == "identity":
                    block.copy_(torch.eye(block.shape[0], dtype=block.dtype) * gain)
                elif gain != 1.0:
                    block.mul_(gain)
            if forget_bias is not None:
                cell.set_forget_bias(forget_bias)


def mean_example_norms(gradient: Tensor) -> Tensor:
    """[T, B, H] gradient of the batch-mean loss -> [T] mean per-example L2 norm.

    The loss is the mean of B per-example losses, so each example's own
    gradient is B times its slice. Norms are taken in float64: squaring a
    float32 below ~1e-19 would give 0 for a gradient that is not 0.
    """
    per_example = gradient.detach().double() * gradient.shape[1]
    return per_example.norm(dim=-1).mean(dim=1)
