"""Hostile: makes validation pass everything, itself included (it is broken)."""

import plugin_host.inspection as inspection
import plugin_host.validation as validation
from cells import Cell


def _always_ok(cls, timing=True):
    return validation.ValidationResult()


validation.validate_cell = _always_ok
inspection.validate_cell = _always_ok
validation.contract_problem = lambda cls: None
inspection.contract_problem = lambda cls: None


class PatchValidation(Cell):
    name = "Patch validation"
    state_names = ("h", "c")

    def forward(self, x, state):
        return x, ()
