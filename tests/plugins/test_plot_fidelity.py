"""Cells that pass every other check but would plot a wrong gradient: the
output is not the returned state h_t, nor computed from it. Validation says
so (⚠ with the fix); a cell whose output is computed from h_t is fine."""

from __future__ import annotations

from pathlib import Path

import pytest

from plugin_host.source import import_file
from plugin_host.validation import validate_cell
from training import RunSpec, Trainer

CORPUS = Path(__file__).resolve().parents[1] / "plot_fidelity_plugins"
EXPECTED = {"separate_output.py": "warning", "cloned_state.py": "warning", "output_from_state.py": "ok"}


def cell_class(file: str):
    module = import_file(CORPUS / file)  # our own test data: trusted to import here
    return next(v for v in vars(module).values() if isinstance(v, type) and v.__module__ == module.__name__)


@pytest.mark.parametrize("file", sorted(EXPECTED))
def test_validation_tells_an_output_that_bypasses_the_state(file):
    result = validate_cell(cell_class(file), timing=False)
    assert result.status == EXPECTED[file], result.reason
    if EXPECTED[file] == "warning":
        assert "misses the readout's path" in result.reason and "return h, (h, …)" in result.reason


def test_the_warning_is_about_a_real_error_in_the_plot():
    """Why it matters: for such a cell the captured ‖∂ℓ/∂h_T‖ is 0, where the
    many-to-one loss puts the largest gradient."""
    cls = cell_class("separate_output.py")
    trainer = Trainer(RunSpec(length=6, hidden=4, batch=2, cells=(cls.name,)), [cls])
    profile = trainer.step()[0].gradients["h"]
    assert profile[-1] == 0.0 and profile[:-1].max() > 0
