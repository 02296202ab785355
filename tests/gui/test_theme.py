"""The light and dark projector themes: high contrast by numbers, switched at
run time (View ▸ Dark theme, Ctrl+D) for plots, table and widgets, and remembered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from window_helpers import small_spec

from gui.appearance import qt_palette, use_theme
from gui.identity import THEME_NAMES
from gui.settings import Settings
from gui.table import STATUS
from plots.theme import CELL_COLOURS, DARK, LIGHT, THEME, THEMES, contrast
from tasks import make_task
from training import RunSpec, StepReport
from training.recorder import RunRecorder
from training.report import DIVERGED, ERROR


@pytest.fixture(autouse=True)
def light_afterwards():
    """The theme is process-wide: every test here leaves the light one behind."""
    yield
    use_theme("light")


def finished_run() -> RunRecorder:
    """RNN, LSTM and GRU, three steps each; the RNN diverged, the GRU failed:
    every status colour is in the table."""
    spec = RunSpec(length=6, cells=("RNN", "LSTM", "GRU"), steps=3)
    run = RunRecorder(spec, make_task("adding", 6), {"RNN": 10, "LSTM": 40, "GRU": 30})
    for step in range(1, 4):
        for cell in spec.cells:
            run.add(StepReport(cell, step, 0.2 / step, 0.5, 1.0, 0.01, finished_at=run.started + step))
    run.cells["RNN"].status, run.cells["RNN"].message = DIVERGED, "loss is nan"
    run.cells["GRU"].status, run.cells["GRU"].message = ERROR, "boom"
    return run


# ---- the palettes, by numbers ----------------------------------------------------------
@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_every_theme_is_high_contrast(colours):
    ground = colours.background
    assert contrast(colours.foreground, ground) >= 12  # text for the back of the room
    for text in (colours.muted, colours.error, colours.warning, colours.ok, colours.baseline):
        assert contrast(text, ground) >= 4.5, text  # WCAG AA for text
    for line in (*colours.cells.values(), *colours.extras, *colours.gates):
        assert contrast(line, ground) >= 3, line  # WCAG for graphics
    assert len(set(colours.cells.values())) == 3 and len(set(colours.gates)) == len(colours.gates)
    palette = qt_palette(colours)
    for text, base in ((QPalette.ColorRole.Text, QPalette.ColorRole.Base),
                       (QPalette.ColorRole.WindowText, QPalette.ColorRole.Window),
                       (QPalette.ColorRole.ButtonText, QPalette.ColorRole.Button),
                       (QPalette.ColorRole.HighlightedText, QPalette.ColorRole.Highlight)):
        assert contrast(palette.color(text).name(), palette.color(base).name()) >= 4.5, text


def test_the_theme_names_agree():
    assert tuple(THEMES) == THEME_NAMES  # the flag's choices (named without Qt) are the themes


def test_a_cell_keeps_its_colour_in_every_view_of_a_theme():
    with THEME.using("dark"):
        assert CELL_COLOURS.colour("LSTM") == DARK.cells["LSTM"]
        plugin = CELL_COLOURS.colour("ThemePlugin")
        assert plugin in DARK.extras and CELL_COLOURS.colour("ThemePlugin") == plugin
    assert THEME.colours is LIGHT and CELL_COLOURS.colour("LSTM") == LIGHT.cells["LSTM"]
    assert CELL_COLOURS.colour("ThemePlugin") == LIGHT.extras[DARK.extras.index(plugin)]


# ---- in the window -----------------------------------------------------------------------
def table_is_readable(window) -> None:
    """Every coloured cell of the table stands out from the table's own ground."""
    ground = window.table.palette().color(QPalette.ColorRole.Base).name()
    for row in range(window.table.rowCount()):
        for column in (0, STATUS):
            colour = window.table.item(row, column).foreground().color().name()
            least = 3 if column == 0 else 4.5  # a bold name is large text; a status is text
            assert contrast(colour, ground) >= least, (row, column, colour, ground)


def test_ctrl_d_switches_plots_table_and_widgets_and_is_remembered(qtbot, make_window):
    window = make_window(small_spec(("RNN", "LSTM", "GRU")))
    window.session.load(finished_run())
    window.redraw()
    assert not window.dark_theme_action.isChecked()
    assert window.loss.canvas.backgroundBrush().color().name() == LIGHT.background.lower()
    table_is_readable(window)
    assert "Ctrl+D" in window.dark_theme_action.toolTip()
    assert window.dark_theme_action in window.view_menu.actions()

    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert window.dark_theme_action.isChecked() and THEME.colours is DARK
    for panel in window.panels:
        assert panel.canvas.backgroundBrush().color().name() == DARK.background.lower(), type(panel).__name__
    axis = window.loss.loss_plot.getAxis("left")
    assert axis.pen().color().name() == DARK.foreground.lower()
    assert DARK.foreground.lower() in axis.label.toHtml().lower()
    assert window.loss.loss_curves["LSTM"].opts["pen"].color().name() == DARK.cells["LSTM"].lower()
    assert QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 60
    assert window.table.item(1, 0).foreground().color().name() == DARK.cells["LSTM"].lower()
    table_is_readable(window)
    assert Settings().theme() == "dark"

    again = make_window(small_spec(("RNN",)))  # the next launch
    assert again.dark_theme_action.isChecked() and THEME.colours is DARK

    window.dark_theme_action.trigger()
    assert THEME.colours is LIGHT and not window.dark_theme_action.isChecked()
    assert window.gates.canvas.backgroundBrush().color().name() == LIGHT.background.lower()
    table_is_readable(window)
    assert Settings().theme() == "light"


def test_a_damaged_theme_setting_is_the_light_theme():
    settings = Settings()
    assert settings.theme() == "light"  # nothing stored
    settings.store.setValue("interface/theme", "purple")
    assert settings.theme() == "light"
    with pytest.raises(ValueError):
        settings.set_theme("purple")


def test_saved_figures_stay_light_under_the_dark_theme(qapp, tmp_path):
    from PySide6.QtGui import QImage

    from plots.figures import loss_figure

    use_theme("dark")
    path = loss_figure(finished_run(), tmp_path / "loss.png", width=400)
    assert THEME.colours is DARK  # the window's theme is back
    assert QImage(str(path)).pixelColor(2, 2).name() == LIGHT.background.lower()


def test_an_unticked_box_is_visible_on_the_dark_ground(qtbot):
    """Fusion's frame, a shade off the window, vanished on black."""
    from PySide6.QtWidgets import QCheckBox

    use_theme("dark")
    box = QCheckBox()
    qtbot.addWidget(box)
    box.resize(box.sizeHint())
    image = box.grab().toImage()
    ground = box.palette().color(QPalette.ColorRole.Window)
    lightest = max(image.pixelColor(x, y).lightness()
                   for x in range(image.width()) for y in range(image.height()))
    assert lightest - ground.lightness() > 80  # the frame, in the muted grey


@pytest.mark.parametrize("first, later", [((0, 1), (0, 10)), ((0, 10), (0, 0.002)), ((0, 0.5), (0, 0.8))])
def test_axes_never_scale_their_values_by_an_si_prefix(qapp, first, later):
    """pyqtgraph froze a ×1000 "milli" scale on an axis styled while its range
    lay in [0, 1]: the exported frames' accuracy axis read 0…1000."""
    import pyqtgraph as pg

    from plots.styling import style_plot

    plot = pg.PlotItem()
    plot.setYRange(*first, padding=0)
    style_plot(plot, "", "training step", "accuracy")
    plot.setYRange(*later, padding=0)
    axis = plot.getAxis("left")
    axis.setRange(*later)
    assert axis.autoSIPrefixScale == 1.0
    assert axis.tickStrings([later[1]], axis.autoSIPrefixScale, later[1] / 2) == [f"{later[1]:g}"]
