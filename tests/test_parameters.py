"""The window's parameter counts (fitted from a few samples, without importing
plugin code in the window) equal what training actually builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from cells import GRU, LSTM, RNN, count_parameters
from plugin_host.parameters import cell_parameters, model_parameters, parameter_samples
from plugin_host.source import import_file
from training.model import SequenceModel

SHELF = sorted((Path(__file__).resolve().parent.parent / "plugins").glob("*.py"))
SHAPES = [  # input, hidden, output, layers, bidirectional
    (2, 64, 1, 1, False), (10, 32, 10, 2, False), (3, 17, 5, 3, True), (1, 1, 1, 1, True)]


def shelf_cells() -> list[type]:
    """Every cell class on the shelf, imported here: these are our own plugins."""
    from cells import Cell

    classes = [RNN, LSTM, GRU]
    for path in SHELF:
        module = import_file(path)
        classes += [value for value in vars(module).values()
                    if isinstance(value, type) and issubclass(value, Cell)
                    and value.__module__ == module.__name__]
    return classes


# Its state size is gcd(hidden, 4), so its count is no polynomial in the sizes: shown as unknown.
NOT_QUADRATIC = {"Mamba (selective SSM)"}


@pytest.mark.parametrize("cell_class", shelf_cells(), ids=lambda c: c.name)
def test_fitted_counts_equal_the_built_models_or_are_unknown_never_wrong(cell_class):
    samples = parameter_samples(cell_class)
    for input_size, hidden, output, layers, bidirectional in SHAPES:
        model = SequenceModel(cell_class, input_size, hidden, output, layers, bidirectional)
        fitted = model_parameters(samples, input_size, hidden, output, layers, bidirectional)
        expected = None if cell_class.name in NOT_QUADRATIC else count_parameters(model)
        assert fitted == expected, (input_size, hidden, output, layers, bidirectional)


def test_a_count_that_follows_no_quadratic_law_is_unknown_not_wrong():
    cubic = tuple(h ** 3 + i for i, h in ((1, 1), (2, 1), (1, 2), (2, 2), (3, 2), (2, 3), (5, 7), (4, 9)))
    assert cell_parameters(cubic, 2, 64) is None
    assert model_parameters(cubic, 2, 64, 1) is None
