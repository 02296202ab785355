"""Presentation mode: F11 (or View ▸ Presentation mode) goes full screen with
the plots only, every plot stays readable, and F11 again restores the layout."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QToolBar
from window_helpers import small_spec

from plots.theme import THEME

READABLE = QSize(200, 150)  # the least a plot needs to be read from the back of a room


def chrome(window) -> list:
    return [*window.findChildren(QDockWidget), *window.findChildren(QToolBar), window.menuBar()]


def test_f11_toggles_presentation_mode_and_restores_the_layout(qtbot, make_window):
    window = make_window(small_spec(("RNN", "LSTM")))
    qtbot.waitUntil(lambda: window.table_dock.height() > 0)
    docks_before = {dock.objectName(): dock.geometry() for dock in window.findChildren(QDockWidget)}
    assert all(bar.isVisible() for bar in chrome(window))
    assert window.presentation.action in window.view_menu.actions()
    shown = [panel for panel in window.panels if panel.isVisible()]  # the third row is hidden at first
    assert len(shown) >= 4

    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.presentation.active and window.presentation.action.isChecked()
    qtbot.waitUntil(window.isFullScreen)
    assert not any(bar.isVisible() for bar in chrome(window))
    assert all(panel.isVisible() for panel in shown)
    assert window.statusBar().isVisible()  # what runs, and how far

    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.presentation.active
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert all(bar.isVisible() for bar in chrome(window))
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: {d.objectName(): d.geometry() for d in window.findChildren(QDockWidget)}
                    == docks_before)


def test_escape_leaves_presentation_mode_and_keys_work_in_it(qtbot, make_window):
    window = make_window(small_spec(("RNN",)))
    window.controls.cells.set_checked([])  # Space fails at once: no workers
    window.presentation.set_active(True)
    with qtbot.waitSignal(window.start_action.triggered, timeout=2000):
        qtbot.keyClick(window, Qt.Key.Key_Space)  # the menus are hidden, the keys are not
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.presentation.active and window.menuBar().isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Escape)  # outside presentation mode Esc does nothing
    assert not window.presentation.active


@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
@pytest.mark.parametrize("size", [QSize(1280, 800), QSize(1920, 1080)], ids=["1280x800", "1920x1080"])
def test_every_plot_stays_readable_in_presentation_mode(qtbot, make_window, monkeypatch, size, scale):
    monkeypatch.setattr(THEME, "scale", scale)  # fonts and lines as with --scale
    window = make_window(small_spec(("RNN", "LSTM", "GRU")))
    window.presentation.full_screen = False  # the offscreen screen is 800×800: size it by hand
    window.presentation.set_active(True)
    window.resize(size)
    qtbot.waitUntil(lambda: window.size() == size)
    QApplication.processEvents()
    for panel in window.panels:
        assert panel.canvas.width() >= READABLE.width(), (type(panel).__name__, panel.canvas.size())
        assert panel.canvas.height() >= READABLE.height(), (type(panel).__name__, panel.canvas.size())


def test_every_plot_is_readable_at_1280x800_in_the_normal_layout(qtbot, make_window):
    window = make_window(small_spec(("RNN", "LSTM", "GRU")))
    qtbot.waitUntil(lambda: window.table_dock.height() > 0)
    QApplication.processEvents()
    for panel in window.panels:
        assert panel.canvas.width() >= READABLE.width(), (type(panel).__name__, panel.canvas.size())
        assert panel.canvas.height() >= READABLE.height(), (type(panel).__name__, panel.canvas.size())


def test_presentation_mode_hides_captions_and_keeps_titles_on_one_line(qtbot, make_window, monkeypatch):
    """At scale 2 on 1280×800 wrapped titles and captions took the plots'
    height; in presentation mode titles are one elided line (the whole text is
    the tooltip) and the captions hide until the mode is left."""
    monkeypatch.setattr(THEME, "scale", 2.0)
    window = make_window(small_spec(("RNN", "LSTM", "GRU")))
    window.presentation.full_screen = False
    caption = window.gradient_time.caption
    assert caption in window.gradient_time.explanations and caption.isVisibleTo(window)
    window.presentation.set_active(True)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.size() == QSize(1280, 800))
    assert not caption.isVisibleTo(window)
    history = window.gradient_history.title
    qtbot.waitUntil(history.elided)  # the long heatmap title does not fit at scale 2
    assert history.height() < 2 * history.fontMetrics().height()
    assert history.toolTip() == history.text()
    window.presentation.set_active(False)
    assert caption.isVisibleTo(window)


def test_heatmap_names_fit_their_maps_at_scale_2(qtbot, make_window, monkeypatch):
    """Turned on its side, "LSTM" ran into the maps above and below at scale 2
    on 1280×800; each name now fits its map's height (smaller, or cut with …)."""
    from run_folders import recorded_run

    monkeypatch.setattr(THEME, "scale", 2.0)
    window = make_window(small_spec(("RNN", "LSTM", "GRU")))
    window.presentation.full_screen = False
    window.presentation.set_active(True)
    window.resize(1280, 800)
    window.session.load(recorded_run(("RNN", "LSTM", "A long <plugin> & name"), steps=4))
    window.redraw()
    qtbot.waitUntil(lambda: window.size() == QSize(1280, 800))
    QApplication.processEvents()
    plots = window.gradient_history.maps.plots
    assert len(plots) == 3
    for plot in plots.values():
        label = plot.getAxis("left").label
        text = label.boundingRect().width() - 2 * label.document().documentMargin()
        assert text <= plot.getViewBox().height(), label.toPlainText()
    # a name too long for its map at any size stands whole across the map's corner instead
    tags = window.gradient_history.maps.name_tags
    long_name = "A long <plugin> & name"  # shown as written, not as HTML
    assert tags[long_name].isVisible() and tags[long_name].toPlainText() == long_name
    assert not plots[long_name].getAxis("left").label.toPlainText().strip()
    assert not tags["RNN"].isVisible() and plots["RNN"].getAxis("left").label.toPlainText().strip() == "RNN"



@pytest.mark.parametrize("label", ["LSTM", "GRU", "Cho GRU (wrapped)"])
def test_a_heatmap_name_is_whole_wherever_its_exact_width_fits(qapp, label):
    """The room for a name is whole pixels, its width is not: "LSTM" measured
    45.4 px and was cut to "LS…" in 45, though a smaller size fitted."""
    from PySide6.QtGui import QFont, QFontMetricsF

    from gui.panels.heatmap_stack import fitted_name

    font = QFont()
    font.setBold(True)
    font.setPointSize(THEME.font_size())
    exact = QFontMetricsF(font).horizontalAdvance(label)
    text, chosen = fitted_name(label, int(exact) if exact % 1 else int(exact) - 1)  # just short of it
    assert text == label and chosen.pointSize() < font.pointSize()
    whole, full = fitted_name(label, int(exact) + 1)
    assert whole == label and full.pointSize() == font.pointSize()
    cut, smallest = fitted_name(label, 12)
    assert cut.endswith("…") and smallest.pointSize() == THEME.font_size(0.6)
