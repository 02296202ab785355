"""Which run settings act on a cell: what ``check-plugin`` and the Plugins
panel tell the cell's author.

Four settings of a run can quietly do nothing for a plugin cell, and nobody
would notice: ``--init``/``--gain`` act only on parameters named
``weight_hh*`` of shape [k·H, H] (``cells.base.recurrent_weights``, the rule
the trainer uses); ``--forget-bias`` only where the cell's
``set_forget_bias`` changes a parameter; float64 and CUDA only where one step
of the cell runs in that dtype or on that device. The checker finds out here,
by trying, and says which parameters are touched or why not. A GPU is never
claimed: where none is present the CUDA note says "untested here: no GPU".

Runs plugin code: call it inside validation (the isolated checker).
"""

from __future__ import annotations

from collections.abc import Callable

import torch

from cells.base import Cell, recurrent_weights

from .errors import error_words
from .records import APPLIES, CUDA, FLOAT64, FORGET_BIAS, IGNORED, INIT_GAIN, UNTESTED, SettingNote

FORGET_BIAS_PROBE = 1.0  # the value tried (Keras' default forget bias)


def init_gain_note(cell: Cell) -> SettingNote:
    """Which parameters ``--init`` and ``--gain`` change, or why none."""
    weights = recurrent_weights(cell)
    if weights:
        blocks = sum(parameter.shape[0] // cell.hidden_size for _, parameter in weights)
        return SettingNote(INIT_GAIN, APPLIES, f"act on {', '.join(name for name, _ in weights)} "
                                               f"({blocks} H×H block{'s' if blocks > 1 else ''})")
    misshapen = [name for name, _ in cell.named_parameters() if name.split(".")[-1].startswith("weight_hh")]
    why = (f"{', '.join(misshapen)} not of shape [k·H, H]" if misshapen
           else "no weight_hh* parameter")
    return SettingNote(INIT_GAIN, IGNORED, f"none: {why}, so --init and --gain change nothing")


def forget_bias_note(cell: Cell) -> tuple[SettingNote, str | None]:
    """Which parameters ``--forget-bias`` changes (it calls ``set_forget_bias``),
    and a warning where calling it would stop a run."""
    before = {name: parameter.detach().clone() for name, parameter in cell.named_parameters()}
    try:
        answered = cell.set_forget_bias(FORGET_BIAS_PROBE)
    except Exception as error:  # plugin code may raise anything
        text = error_words(error)
        return (SettingNote(FORGET_BIAS, IGNORED, f"set_forget_bias raised {text}"),
                f"--forget-bias would stop the run: set_forget_bias({FORGET_BIAS_PROBE:g}) raised {text}")
    changed = [name for name, parameter in cell.named_parameters()
               if name in before and not torch.equal(parameter.detach(), before[name])]
    if changed:
        return SettingNote(FORGET_BIAS, APPLIES, f"sets the forget gate's bias in {', '.join(changed)}"), None
    if answered:
        return (SettingNote(FORGET_BIAS, IGNORED, "set_forget_bias returns True but changed no parameter"),
                "set_forget_bias says it set the forget bias but changed no parameter")
    overridden = type(cell).set_forget_bias is not Cell.set_forget_bias
    return SettingNote(FORGET_BIAS, IGNORED, "set_forget_bias returns False" if overridden
                       else "no forget gate (set_forget_bias is not overridden)"), None


def float64_note(error: str | None) -> SettingNote:
    """``error``: why one step failed in float64, or None when it ran."""
    if error is None:
        return SettingNote(FLOAT64, APPLIES, "one step ran in float64")
    return SettingNote(FLOAT64, IGNORED, f"fails: {error}")


def gpu_present() -> bool:
    try:
        return bool(torch.cuda.is_available())
    except Exception:  # a broken CUDA set-up is no GPU
        return False


def cuda_note(step_on: Callable[[torch.device], None]) -> tuple[SettingNote, str | None]:
    """Run ``step_on(cuda device)`` where a GPU is present; never claim without trying."""
    if not gpu_present():
        return SettingNote(CUDA, UNTESTED, "untested here: no GPU"), None
    device = torch.device("cuda")
    try:
        torch.zeros(1, device=device)
    except Exception as error:  # the device, not the cell: say so, blame nothing
        return SettingNote(CUDA, UNTESTED, f"untested: CUDA did not start in the checker "
                                           f"({error_words(error)})"), None
    try:
        step_on(device)
    except Exception as error:  # plugin code may raise anything
        text = error_words(error)
        return (SettingNote(CUDA, IGNORED, f"fails: {text}"),
                f"fails on CUDA (the window's device option): {text}")
    return SettingNote(CUDA, APPLIES, f"one step ran on {torch.cuda.get_device_name(device)}"), None


def static_setting_notes(cell: Cell) -> tuple[SettingNote, ...]:
    """The notes found without running a step (the built-ins: trusted, not validated)."""
    return init_gain_note(cell), forget_bias_note(cell)[0]


def setting_notes(make_cell: Callable[[], Cell], float64_error: str | None,
                  step_on: Callable[[torch.device], None]) -> tuple[tuple[SettingNote, ...], list[str]]:
    """The four notes, in the order shown, and the warnings they carry."""
    forget, forget_warning = forget_bias_note(make_cell())
    cuda, cuda_warning = cuda_note(step_on)
    notes = (init_gain_note(make_cell()), forget, float64_note(float64_error), cuda)
    return notes, [w for w in (forget_warning, cuda_warning) if w]
