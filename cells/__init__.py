"""GateLab's cells: the ``Cell`` contract and the built-in RNN, LSTM and GRU.
Imports torch, never Qt, and nothing else of GateLab (plugin discovery lives
in ``plugin_host``)."""

from .base import Cell, State, count_parameters
from .gru import GRU
from .hooks import record_outputs
from .lstm import LSTM
from .rnn import RNN

__all__ = ["Cell", "State", "count_parameters", "record_outputs", "RNN", "LSTM", "GRU"]
