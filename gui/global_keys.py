"""``GlobalKeys``: the lecture keys work whatever has focus.

Qt gives a focused widget the first say over a key through a
``ShortcutOverride`` event: a spin box claims Space, → and R for its text
(where they are useless or merely move the cursor), so after typing T into a
number box Space did nothing. This filter answers that event for the
window's widgets before they do, so the window's shortcuts win; only a text
field being typed in (a QLineEdit of its own, a text editor, an editable
combo box) keeps every key. Digits are left to number boxes: they are how a
number is typed, and Enter hands focus back, after which 1–9 run presets.

Enter in a number box commits the value and gives focus back to the window,
so the next Space starts the run instead of landing in the box.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QKeySequenceEdit,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

# Keys the window's actions own even in a number box (no modifier): start or
# pause, step, reset, presentation mode, the loss plot's time axis, and the
# timeline's ← (with →, one recorded step each way), Home and End. The digits
# are not among them: see above. (With no run on screen the timeline's actions
# are disabled, and ←, Home and End move the cursor in a number box as usual.)
WINDOW_KEYS = frozenset({Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_R, Qt.Key.Key_F11, Qt.Key.Key_T,
                         Qt.Key.Key_Left, Qt.Key.Key_Home, Qt.Key.Key_End})
ENTER_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter})


def is_text_field(widget: QWidget) -> bool:
    """Whether ``widget`` is a place where text is typed (it keeps its keys).
    A spin box's own line edit is a number box, not a text field."""
    if isinstance(widget, QLineEdit):
        return not widget.isReadOnly() and not isinstance(widget.parent(), QAbstractSpinBox)
    if isinstance(widget, QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return isinstance(widget, QKeySequenceEdit)


class GlobalKeys(QObject):
    """An application event filter for one window; ``install`` and ``remove``
    it with the window (it only looks at that window's widgets)."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.window = window

    def install(self) -> None:
        QApplication.instance().installEventFilter(self)

    def remove(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False  # the common case, cheaply: this filter sees every event
        if not isinstance(watched, QWidget) or watched.window() is not self.window:
            return False
        if not isinstance(event, QKeyEvent):
            return False
        key = event.key()  # an int: any key code, media keys included, compares safely
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if kind == QEvent.Type.ShortcutOverride:
            if plain and key in WINDOW_KEYS and not is_text_field(watched):
                event.ignore()  # not claimed: the window's shortcut gets the key
                return True
        elif plain and key in ENTER_KEYS and (spin_box := number_box(watched)) is not None:
            spin_box.interpretText()  # commit what was typed (emits valueChanged)
            self.window.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False


def number_box(widget: QObject) -> QAbstractSpinBox | None:
    """The spin box ``widget`` is, or whose line edit it is."""
    if isinstance(widget, QAbstractSpinBox):
        return widget
    parent = widget.parent()
    return parent if isinstance(widget, QLineEdit) and isinstance(parent, QAbstractSpinBox) else None
