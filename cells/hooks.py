"""Recording gates and internal states of a wrapped module, without editing it.

A cell written for GateLab calls ``self.record(name, tensor)`` where a gate is
computed. A plugin that wraps published code (a third-party ``nn.Module``)
cannot put those calls inside it. ``record_outputs`` registers forward hooks
on the wrapped module's submodules instead: each time a named submodule runs,
its output — through an optional transform, e.g. ``torch.sigmoid`` when the
submodule computes a gate's pre-activation and the published code applies the
sigmoid inline — goes to the cell's ``record`` under a gate name. That is the
path the built-in cells use, so it costs nothing unless the trainer records,
and the Gates plot, the saved run and ``check-plugin`` see these gates like
any others, in the checker and in the training workers alike.

Example (``plugins/cho_gru.py`` is a complete one)::

    class Wrapped(Cell):
        def __init__(self, input_size, hidden_size):
            super().__init__(input_size, hidden_size)
            self.core = PublishedGRUCell(input_size, hidden_size)
            record_outputs(self, {"reset r": ("core.reset_gate", torch.sigmoid),
                                  "candidate n": "core.candidate"})
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from torch import Tensor, nn
from torch.utils.hooks import RemovableHandle

from .base import Cell

Transform = Callable[[Any], Tensor]
# A gate's source: a submodule's path inside the cell ("core.reset_gate"), or (path, transform).
GateSource = str | tuple[str, Transform]
SHOWN_SUBMODULES = 12  # how many submodule names an unknown path's message lists


class _RecordGate:
    """A forward hook that records one submodule's output as one gate of ``cell``.

    A class, not a closure: ``copy.deepcopy`` of the cell then copies the hook
    with it and points it at the copy, as it should."""

    def __init__(self, cell: Cell, gate: str, path: str, transform: Transform | None):
        self.cell, self.gate, self.path, self.transform = cell, gate, path, transform

    def __call__(self, module: nn.Module, inputs: tuple, output: Any) -> None:
        if not self.cell.is_recording:
            return  # the transform costs nothing while no one records
        value = self.transform(output) if self.transform is not None else output
        if not isinstance(value, Tensor):
            raise TypeError(
                f"the submodule {self.path!r} recorded as gate {self.gate!r} returned "
                f"{type(value).__name__}, not a tensor: give a transform that picks one, "
                f"e.g. ({self.path!r}, lambda out: out[0])")
        self.cell.record(self.gate, value)


def record_outputs(cell: Cell, gates: Mapping[str, GateSource]) -> list[RemovableHandle]:
    """Record, as gate ``name``, the output of the submodule at ``path`` each
    time it runs: ``{name: path}`` or ``{name: (path, transform)}``. Paths are
    dotted, relative to ``cell`` (as in ``cell.named_modules()``); "" is the
    cell itself. Call it in the cell's ``__init__``, after the wrapped module
    exists. Returns the hook handles (``handle.remove()`` undoes one).

    Raises ``ValueError`` for a path the cell does not have, naming the ones
    it has, so that the checker shows a typo as the reason."""
    handles = []
    for gate, source in gates.items():
        path, transform = (source, None) if isinstance(source, str) else source
        try:
            module = cell.get_submodule(path)
        except AttributeError:
            known = [name for name, _ in cell.named_modules() if name]
            shown = ", ".join(known[:SHOWN_SUBMODULES]) + (" …" if len(known) > SHOWN_SUBMODULES else "")
            raise ValueError(f"record_outputs: the cell has no submodule {path!r} for gate {gate!r}; "
                             f"it has: {shown or 'none'}") from None
        handles.append(module.register_forward_hook(_RecordGate(cell, gate, path, transform)))
    return handles
