"""The plots come from one registry: the window builds, lays out, redraws and
exports exactly what ``PANELS`` lists, and a new entry is all a new plot needs."""

from __future__ import annotations

from PySide6.QtWidgets import QSplitter
from window_helpers import small_spec

from gui.main_window import MainWindow
from gui.panels import PANELS, TOP, PanelEntry, Place, PlotPanel
from gui.run_files import export_plots


class CountingPanel(PlotPanel):
    """A test-only plot: counts its redraws and remembers the cells on offer."""

    export_name = "counting"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.drawn = 0
        self.records = None
        self.plot = self.canvas.addPlot()

    def show_run(self, recorder) -> None:
        self.drawn += 1

    def set_cell_records(self, records) -> None:
        self.records = list(records)


def open_window(qtbot, panels=PANELS) -> MainWindow:
    """A shown window built from ``panels`` (no cells: nothing trains)."""
    window = MainWindow(small_spec(("RNN",)), [], panels=panels)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def row_of(panel: PlotPanel) -> QSplitter:
    return panel.parentWidget()


def test_the_window_has_one_panel_per_registry_entry_in_its_place(qtbot):
    window = open_window(qtbot)
    assert [type(p) for p in window.panels] == [e.panel_class for e in PANELS]
    assert all(getattr(window, e.key) is p for e, p in zip(PANELS, window.panels, strict=True))
    assert window.views == [*window.panels, window.table]
    top, bottom = row_of(window.gradient_time), row_of(window.gradient_history)
    assert [top.widget(i) for i in range(top.count())] == [window.gradient_time, window.loss]
    assert [bottom.widget(i) for i in range(bottom.count())] == [window.gradient_history, window.gates]
    assert row_of(top) is row_of(bottom) and row_of(top).indexOf(top) == 0  # top row above
    for row in (top, bottom):  # 3 : 2, as the registry's stretches say
        left, right = row.sizes()
        assert abs(left / right - 1.5) < 0.1, row.sizes()


def test_export_writes_one_png_per_registered_panel(qtbot, tmp_path):
    window = open_window(qtbot)
    written = export_plots(window.panels, tmp_path, 400)
    assert sorted(p.name for p in written) == sorted(f"{e.panel_class.export_name}.png" for e in PANELS)
    assert all(p.stat().st_size > 0 for p in written)


def test_a_new_registry_entry_is_built_placed_drawn_and_exported(qtbot, tmp_path):
    panels = (*PANELS, PanelEntry("counting", CountingPanel, Place(TOP, 1)))
    window = open_window(qtbot, panels)
    counting = window.counting
    assert isinstance(counting, CountingPanel) and window.panels[-1] is counting
    assert row_of(counting) is row_of(window.gradient_time)
    assert counting.records == []  # told the cells on offer, as the gates panel is
    before = counting.drawn
    window.redraw()
    assert counting.drawn == before + 1
    window.set_cell_records([])
    assert counting.records == []
    written = export_plots(window.panels, tmp_path, 400)
    assert len(written) == len(panels) and (tmp_path / "counting.png").exists()
