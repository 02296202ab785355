"""GateLab's cells: the ``Cell`` contract, the built-in RNN, LSTM and GRU, and
discovery of plugin cells. Imports torch, never Qt."""

from .base import Cell, State, count_parameters
from .gru import GRU
from .lstm import LSTM
from .registry import CellRecord, CellSource, discover_cells, find_cell
from .rnn import RNN

__all__ = [
    "Cell", "State", "count_parameters", "RNN", "LSTM", "GRU",
    "CellRecord", "CellSource", "discover_cells", "find_cell",
]
