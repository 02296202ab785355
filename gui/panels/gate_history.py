"""Panel: one cell's gates over training, a heatmap per gate of its mean
activation, training step against t (small multiples, one colour scale)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QWidget

from plots.theme import THEME
from training.recorder import RunRecorder
from training.timeline import RunView

from ..task_words import task_text
from .cell_choice import sync_cell_choice
from .heatmap_stack import HeatmapStack
from .on_demand import OnDemandPanel

LEVELS = (0.0, 1.0)  # a gate's whole range: closed to open, the same for every gate and step


def short_name(gate: str) -> str:
    """A gate's symbol, its name's last word ("forget f" → "f"): a map's
    side label has the map's height only, a few lines at 1280×800."""
    return task_text(gate).split()[-1] if gate.strip() else gate


class GateHistoryPanel(OnDemandPanel):
    """How a cell learned to use its gates: the gates panel shows one step's
    curves; here every recorded step is a row, so the LSTM's forget gate can
    be watched opening along the sequence as training goes on."""

    export_name = "gate_history"
    help_topic = "gate_history"
    min_interval_ms = 500

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.selector = QComboBox()
        self.selector.setToolTip(self.tr("Whose gates to show over training"))
        self.selector.currentIndexChanged.connect(lambda: self.show_run(self._recorder))
        self.header.addWidget(self.selector)
        self.title.setText(self.tr("Gate history"))
        self.title.setToolTip(self.tr("The mean activation of each gate of the chosen cell along the "
                                      "sequence, one row per recorded training step (dark: closed, "
                                      "bright: open)"))
        self.maps = HeatmapStack(self.canvas, self.tr("time step t"))
        self.empty_label = QLabel(self.tr("no gates recorded for this cell"))
        self.empty_label.setVisible(False)
        self.layout_.addWidget(self.empty_label)
        self._recorder: RunRecorder | RunView | None = None
        self._drawn: tuple | None = None  # what the images hold: redrawn only when it changes

    def restyle(self) -> None:
        self.maps.build([], [], [])
        self._drawn = None
        self.show_run(self._recorder)

    def draw(self, recorder: RunRecorder | RunView | None) -> None:
        # A past step (the timeline's view) shows the whole recording with that step marked.
        source = recorder.source if isinstance(recorder, RunView) else recorder
        sync_cell_choice(self.selector, list(source.cells) if source else [])
        history = source.cells.get(self.selector.currentText()) if source else None
        gates = history.gate_names if history is not None else []
        if gates != self.maps.names:
            colours = THEME.colours.gates
            self.maps.build(gates, [short_name(g) for g in gates],
                            [colours[i % len(colours)] for i in range(len(gates))])
            self.canvas.setToolTip(", ".join(task_text(g) for g in gates))
            self._drawn = None
        self.empty_label.setVisible(source is not None and not gates)
        self.canvas.setVisible(bool(gates) or source is None)
        if gates:
            steps = history.gate_means.steps
            drawn = (source, self.selector.currentText(), len(steps), steps[-1] if steps else 0)
            if drawn != self._drawn:  # scrubbing moves only the marker
                for gate in gates:
                    self.maps.show(gate, steps, history.gate_matrix(gate), LEVELS, missing=LEVELS[0])
                self.maps.set_levels(LEVELS)
                self._drawn = drawn
        self.maps.mark(recorder.step if isinstance(recorder, RunView) else None)
