"""Panels that draw only while shown: a hidden row (View ▸ More timeline
views) then costs no drawing time, and draws what it missed when shown."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QShowEvent

from .base import PlotPanel


class OnDemandPanel(PlotPanel):
    """``show_run`` remembers the recorder always and draws it (``draw``)
    unless the panel is hidden within its window (a panel on its own draws)."""

    _recorder = None

    def show_run(self, recorder) -> None:
        self._recorder = recorder
        if self.window() is self or self.isVisibleTo(self.window()):  # alone, or in a row not hidden
            self.draw(recorder)

    def draw(self, recorder) -> None:
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        self.draw(self._recorder)

    def export_png(self, path: Path, width: int) -> Path:
        """Exported whether shown or not, so drawn first (a hidden row is not)."""
        self.draw(self._recorder)
        return super().export_png(path, width)
