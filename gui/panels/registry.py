"""The plot panels and where each one goes: the one list that the window
(construction, layout), the redraw scheduler and the PNG export iterate.

Adding a plot is one new module in ``gui/panels/`` and one entry in
``PANELS``; the window builds its splitters from the places, so no layout
code changes and no splitter needs re-balancing by hand.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

from .base import PlotPanel
from .gate_history import GateHistoryPanel
from .gates import GatesPanel
from .gradient_history import GradientHistoryPanel
from .gradient_time import GradientTimePanel
from .loss import LossPanel
from .state_magnitude import StateMagnitudePanel

TOP, BOTTOM, THIRD = 0, 1, 2
# Rows shown on demand (View ▸ More timeline views): 1280×800 holds two rows of
# plots well, and the gates' equations need the bottom row's height.
OPTIONAL_ROWS = frozenset({THIRD})


@dataclass(frozen=True)
class Place:
    """A row of the plot area (0 at the top) and the panel's share of that row's width."""

    row: int
    stretch: int


@dataclass(frozen=True)
class PanelEntry:
    """One plot: ``key`` names the window's attribute (``window.gates``)."""

    key: str
    panel_class: type[PlotPanel]
    place: Place


# The order is the redraw order (slow panels take turns in it) and the export
# order; within a row it is left to right.
PANELS: tuple[PanelEntry, ...] = (
    PanelEntry("gradient_time", GradientTimePanel, Place(TOP, 3)),
    PanelEntry("gradient_history", GradientHistoryPanel, Place(BOTTOM, 3)),
    PanelEntry("loss", LossPanel, Place(TOP, 2)),
    PanelEntry("gates", GatesPanel, Place(BOTTOM, 2)),
    PanelEntry("gate_history", GateHistoryPanel, Place(THIRD, 3)),
    PanelEntry("state_magnitude", StateMagnitudePanel, Place(THIRD, 2)),
)


def plot_area(placed: Iterable[tuple[Place, QWidget]]) -> QSplitter:
    """Rows from top to bottom, each a horizontal splitter that shares its
    width by the panels' stretches; the user can drag every border."""
    rows: dict[int, QSplitter] = {}
    for place, widget in sorted(placed, key=lambda item: item[0].row):  # stable: keeps left to right
        if place.row not in rows:
            rows[place.row] = QSplitter(Qt.Orientation.Horizontal)
        row = rows[place.row]
        row.addWidget(widget)
        row.setStretchFactor(row.count() - 1, place.stretch)
    area = QSplitter(Qt.Orientation.Vertical)
    for row in rows.values():
        area.addWidget(row)
    area.setChildrenCollapsible(False)
    return area
