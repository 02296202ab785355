"""``ScenarioCaption``: the running preset's title and what to look for,
above the plots.

A status-bar message fades after seconds and is easy to miss at the back of
a room; the caption stays as long as the comparison on screen is the
preset's, and disappears as soon as it is not (Reset, another start with
edited settings, an opened run), so it never describes something else.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from plots.theme import THEME
from training.spec import RunSpec

from .presets import Preset


class ScenarioCaption(QLabel):
    """Shows the chosen preset while a run of exactly its settings is on screen."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.preset: Preset | None = None
        self._spec: RunSpec | None = None
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setContentsMargins(6, 2, 6, 2)
        font = QFont(self.font())
        font.setPointSize(THEME.font_size(1.1))
        self.setFont(font)
        # Wrapped text must not widen the window; the caption takes the plots' width.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.hide()

    def choose(self, preset: Preset, spec: RunSpec) -> None:
        """Remember ``preset``, whose settings the controls now show as ``spec``."""
        self.preset, self._spec = preset, spec

    def show_for(self, spec: RunSpec) -> None:
        """A comparison of ``spec`` started: show the caption if it is the preset's."""
        if self.preset is None or spec != self._spec:
            self.hide()
            return
        title, description = escape(self.preset.title), escape(self.preset.description)
        self.setText(f"<b>{title}</b> — {description}" if description else f"<b>{title}</b>")
        self.setToolTip(self.preset.description)
        self.show()
