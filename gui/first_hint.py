"""The first-launch hint: the few keys a lecturer needs, once.

GateLab is driven by keys (Space, 1–9, F11) that no button shows. On the
very first launch a small box over the plots names them; "Got it" (or the
first Start, which proves Space was found) dismisses it, and the settings
remember that, so it never comes back. Help ▸ Show the keys brings it back
on demand without changing what is remembered.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from plots.theme import THEME

from .settings import Settings


class FirstLaunchHint(QFrame):
    """A box at the top centre of ``parent`` (the plot area), kept there as
    the parent resizes; it takes no keyboard focus, so every key still
    reaches the window."""

    dismissed = Signal()

    def __init__(self, parent: QWidget, settings: Settings):
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("firstLaunchHint")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.apply_theme()
        self.label = QLabel(self.tr(
            "<b>Space</b> start and pause · <b>1</b>–<b>9</b> run a preset · "
            "<b>F11</b> presentation mode · <b>F1</b> help on the plots"))
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        font = QFont(self.label.font())
        font.setPointSize(THEME.font_size(1.15))
        self.label.setFont(font)
        self.button = QPushButton(self.tr("Got it"))
        self.button.setToolTip(self.tr("Hide this hint; it is not shown again"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space must not press it
        self.button.clicked.connect(self.dismiss)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(self.label, 1)
        row.addWidget(self.button)
        parent.installEventFilter(self)
        self.hide()

    def apply_theme(self) -> None:
        """The box in the theme's background, framed and written in its foreground."""
        colours = THEME.colours
        self.setStyleSheet(f"#firstLaunchHint {{ background: {colours.background}; "
                           f"color: {colours.foreground}; border: 2px solid {colours.foreground};"
                           f" border-radius: 6px; }}")

    def show_if_new(self) -> bool:
        """Show the hint unless it was dismissed on an earlier launch."""
        if self.settings.hint_seen():
            return False
        self.show_now()
        return True

    def show_now(self) -> None:
        self._place()
        self.show()
        self.raise_()

    def dismiss(self) -> None:
        """Hide it and remember that: it is never shown on its own again."""
        if self.isHidden() and self.settings.hint_seen():
            return
        self.hide()
        self.settings.set_hint_seen()
        self.dismissed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.parent() and event.type() == QEvent.Type.Resize and not self.isHidden():
            self._place()
        return False

    def _place(self) -> None:
        area = self.parentWidget().rect()
        width = min(area.width() - 24, round(720 * THEME.scale))
        self.setFixedWidth(max(width, 200))
        self.adjustSize()
        self.move(area.x() + (area.width() - self.width()) // 2, area.y() + 40)
