"""The projector theme at run time: light or dark, for the Qt widgets and every plot.

``use_theme("dark", window)`` switches ``THEME`` (``plots/theme.py``), sets
pyqtgraph's defaults for plots made later, gives the application and the
window a ``QPalette`` in the theme's colours (every widget without colours of
its own follows), and asks every widget in the window that draws with theme
colours of its own (the plots, the comparison table, the notification bar,
the cell list…) to restyle itself through its ``apply_theme()``. A widget
only needs that method: it is found among the window's children, so no list
of themed widgets has to be kept up to date, and a panel added later (a
plugin panel, the timeline) follows by defining it.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

from plots.styling import configure_pyqtgraph
from plots.theme import THEME, Colours

Role = QPalette.ColorRole

# The window's own colours beside the plots': a ground a shade off the plots'
# so that panels read as panels, text at the plots' foreground, a highlight
# from the theme's cell palette (Okabe–Ito blue).
_WIDGET_COLOURS: dict[str, dict[QPalette.ColorRole, str]] = {
    "light": {Role.Window: "#F0F0F0", Role.WindowText: "#111111", Role.Base: "#FFFFFF",
              Role.AlternateBase: "#F4F4F4", Role.Text: "#111111", Role.Button: "#E4E4E4",
              Role.ButtonText: "#111111", Role.BrightText: "#FFFFFF", Role.Highlight: "#0072B2",
              Role.HighlightedText: "#FFFFFF", Role.Link: "#0072B2", Role.ToolTipBase: "#FFFFE8",
              Role.ToolTipText: "#111111", Role.PlaceholderText: "#6B6B6B"},
    "dark": {Role.Window: "#1C1C1C", Role.WindowText: "#F0F0F0", Role.Base: "#111111",
             Role.AlternateBase: "#202020", Role.Text: "#F0F0F0", Role.Button: "#2B2B2B",
             Role.ButtonText: "#F0F0F0", Role.BrightText: "#000000", Role.Highlight: "#56B4E9",
             Role.HighlightedText: "#000000", Role.Link: "#56B4E9", Role.ToolTipBase: "#2B2B2B",
             Role.ToolTipText: "#F0F0F0", Role.PlaceholderText: "#A0A0A0"},
}
_DISABLED_TEXT = {"light": "#8A8A8A", "dark": "#7A7A7A"}


CHECK_INDICATORS = (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
                    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck)


class OutlinedChecks(QProxyStyle):
    """Fusion with a visible frame round every check box in a dark theme.

    Fusion draws that frame a shade darker than the window: on a dark ground
    an unticked box (a cell not chosen, "bidirectional") vanished, and a
    lecturer could not see that it can be ticked. Everything else is Fusion's.
    """

    def drawPrimitive(self, element: QStyle.PrimitiveElement, option: QStyleOption,  # noqa: N802 (Qt's name)
                      painter: QPainter, widget: QWidget | None = None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element in CHECK_INDICATORS and THEME.colours.dark:
            painter.save()
            painter.setPen(QPen(QColor(THEME.colours.muted), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(option.rect.adjusted(0, 0, -1, -1))
            painter.restore()


@runtime_checkable
class FollowsTheme(Protocol):
    """A widget that restyles itself when the theme changes."""

    def apply_theme(self) -> None: ...


def qt_palette(colours: Colours) -> QPalette:
    """The widgets' palette for ``colours`` (bevels derived from the button colour)."""
    palette = QPalette()
    for role, colour in _WIDGET_COLOURS[colours.name].items():
        palette.setColor(role, QColor(colour))
    button = QColor(_WIDGET_COLOURS[colours.name][Role.Button])
    for role, shade in ((Role.Light, button.lighter(150)), (Role.Midlight, button.lighter(125)),
                        (Role.Mid, button.darker(130)), (Role.Dark, button.darker(180)),
                        (Role.Shadow, QColor("#000000"))):
        palette.setColor(role, shade)
    disabled = QColor(_DISABLED_TEXT[colours.name])
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def use_theme(name: str, window: QWidget | None = None) -> None:
    """Show everything in the theme ``name`` ("light", "dark") from now on:
    plots made later, every widget's palette, and ``window`` with everything
    in it restyled now (its palette set directly, so the change is complete
    when this returns; widgets elsewhere follow the application palette as
    Qt delivers it)."""
    THEME.use(name)
    configure_pyqtgraph()
    app = QApplication.instance()
    if app is None:
        return
    if THEME.colours.dark and not isinstance(app.style(), OutlinedChecks):
        # Native styles (Windows 11, macOS) ignore a dark palette in places: Fusion does not.
        app.setStyle(OutlinedChecks("Fusion"))
    palette = qt_palette(THEME.colours)
    app.setPalette(palette)
    if window is None:
        return
    # Only this window's own widgets: never QApplication.allWidgets(), which
    # also returns widgets of other windows being destroyed (touching one crashed Qt).
    window.setPalette(palette)
    for widget in [window, *window.findChildren(QWidget)]:
        if isinstance(widget, FollowsTheme):
            widget.apply_theme()
