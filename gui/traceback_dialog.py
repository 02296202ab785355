"""A traceback in a window of its own: the "View traceback" of the plugins
panel and of the notification bar (napari's habit: plain words first, the
traceback on demand)."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPlainTextEdit, QVBoxLayout, QWidget


class TracebackDialog(QDialog):
    """Selectable, copyable text in a monospace font. Shown with ``show()``,
    not ``exec()``: training and the plots go on behind it."""

    def __init__(self, name: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Traceback: {name}").format(name=name))
        self.text = QPlainTextEdit(self, readOnly=True)
        self.text.setFont(QFont("monospace"))
        self.text.setPlainText(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(720, 420)
