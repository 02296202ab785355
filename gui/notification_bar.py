"""``NotificationBar``: the newest notification, above the plots, until dismissed.

One line in plain words and where it came from; "View traceback" for the
details (napari's habit). It is hidden while there is nothing to say, so the
plots keep their room on a 1280×800 screen.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from plots.theme import THEME

from .actions import shortcut_action
from .notifications import ERROR, WARNING, Notification, NotificationCentre
from .traceback_dialog import TracebackDialog

MARKS = {ERROR: "✗", WARNING: "⚠"}
INFO_MARK = "ℹ"


def severity_colour(severity: str) -> str:
    """The theme's colour for a notification of ``severity``, read when drawn."""
    colours = THEME.colours
    return {ERROR: colours.error, WARNING: colours.warning}.get(severity, colours.foreground)


class NotificationBar(QFrame):
    """Shows ``centre``'s newest notification; dismissing it shows the one before."""

    def __init__(self, centre: NotificationCentre, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("notificationBar")
        self.centre = centre
        self.dialog: TracebackDialog | None = None
        self.mark = QLabel()
        font = QFont(self.mark.font())
        font.setPointSize(THEME.font_size(1.3))
        self.mark.setFont(font)
        self.text = QLabel(wordWrap=True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Ignored: a long message wraps instead of widening the window.
        self.text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.more = QLabel()
        self.traceback_action = shortcut_action(
            self, self.tr("View traceback"), "Ctrl+I",
            self.tr("Show the full details of this notification, e.g. the Python traceback"),
            self.show_traceback)
        self.dismiss_action = shortcut_action(
            self, self.tr("Dismiss"), "Ctrl+W", self.tr("Hide this notification; an earlier one shows next"),
            self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.mark)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.more)
        for action in (self.traceback_action, self.dismiss_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            layout.addWidget(button)
        centre.notified.connect(self.refresh)
        centre.dismissed.connect(self.refresh)
        self.refresh()

    @property
    def shown(self) -> Notification | None:
        return self.centre.newest

    def apply_theme(self) -> None:
        """Redraw in the theme in use (View ▸ Dark theme)."""
        self.refresh()

    def refresh(self) -> None:
        notification = self.shown
        self.setVisible(notification is not None)
        self.more.setStyleSheet(f"color: {THEME.colours.muted}")
        if notification is None:
            return
        mark = MARKS.get(notification.severity, INFO_MARK)
        colour = severity_colour(notification.severity)
        tint = QColor(colour)
        self.setStyleSheet(f"#notificationBar {{ background: rgba({tint.red()}, {tint.green()}, "
                           f"{tint.blue()}, 28); border-left: 4px solid {colour}; }}")
        self.mark.setText(mark)
        self.mark.setStyleSheet(f"color: {colour}")
        source = f"<b>{html.escape(notification.source)}</b>: " if notification.source else ""
        self.text.setText(f'<span style="color: {THEME.colours.foreground}">{source}'
                          f"{html.escape(notification.text)}</span>")
        self.text.setToolTip(notification.text)
        earlier = len(self.centre.notifications) - 1
        self.more.setText(self.tr("{0} earlier").format(earlier) if earlier else "")
        self.traceback_action.setEnabled(bool(notification.details))

    def show_traceback(self) -> TracebackDialog | None:
        """Open the details of the shown notification beside the window."""
        notification = self.shown
        if notification is None or not notification.details:
            return None
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = TracebackDialog(notification.source or self.tr("GateLab"),
                                      f"{notification.text}\n\n{notification.details}", self)
        self.dialog.show()
        return self.dialog

    def dismiss(self) -> None:
        if self.shown is not None:
            self.centre.dismiss(self.shown)
