"""``WindowLayout``: the main window's places: the plot area with the
caption, notification bar and timeline; the Controls and Comparison docks;
panels added as tabs; and the layout remembered between launches.

A mixin of ``MainWindow`` (its own module: where things sit changes apart
from what they do). It expects the window's ``settings``, ``controls``,
``panels``, ``panel_entries``, ``session``, ``table``, ``view_menu`` and
``presentation``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMessageBox, QScrollArea, QVBoxLayout, QWidget

from .first_hint import FirstLaunchHint
from .notification_bar import NotificationBar
from .panels import plot_area
from .scenario_caption import ScenarioCaption
from .timeline_bar import TimelineBar
from .window_actions import add_view_toggle

# saveState's version (presentation mode saves with the default, 0): raise it
# when the docks change, and the layouts remembered before are ignored.
LAYOUT_VERSION = 0


class WindowLayout(QMainWindow):
    """Builds and remembers the window's layout (see the module's docstring)."""

    def _build_layout(self) -> None:
        self.notification_bar = NotificationBar(self.notifications)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.notification_bar)
        self.caption = ScenarioCaption()
        column.addWidget(self.caption)
        places = (entry.place for entry in self.panel_entries)
        column.addWidget(plot_area(zip(places, self.panels, strict=True)), 1)
        self.timeline = TimelineBar(self.session)
        column.addWidget(self.timeline)
        self.setCentralWidget(central)
        self.hint = FirstLaunchHint(central, self.settings)

        scroll = QScrollArea()
        scroll.setWidget(self.controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(self.controls.sizeHint().width() + 24)
        self.controls_dock = self._dock(self.tr("Controls"), scroll, Qt.DockWidgetArea.LeftDockWidgetArea,
                                        "controls")
        self.table_dock = self._dock(self.tr("Comparison"), self.table,
                                     Qt.DockWidgetArea.BottomDockWidgetArea, "comparison")
        self._keep_table_compact()

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea, name: str) -> QDockWidget:
        """``name``: the dock's object name, which ``saveState`` stores; fixed,
        unlike the translated title, so a layout survives a change of language."""
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        return dock

    def add_panel_dock(self, title: str, widget: QWidget, name: str = "") -> QDockWidget:
        """Add a panel (e.g. the plugins panel) as a tab beside the comparison
        table, or where the remembered layout put it; it scrolls rather than
        making the bottom docks taller. ``name`` (default: the widget's class)
        identifies it in the remembered layout."""
        scroll = QScrollArea()
        scroll.setWidget(widget)
        scroll.setWidgetResizable(True)
        dock = self._dock(title, scroll, Qt.DockWidgetArea.BottomDockWidgetArea,
                          name or type(widget).__name__)
        if not (self._layout_restored and self.restoreDockWidget(dock)):
            self.tabifyDockWidget(self.table_dock, dock)
            self.table_dock.raise_()
        add_view_toggle(self.view_menu, dock)
        return dock

    def _restore_layout(self) -> bool:
        """The docks and toolbar as the last window left them (not its size:
        ``restore_geometry``, since the command line may ask for a size)."""
        state = self.settings.window_state()
        return state is not None and self.restoreState(state, LAYOUT_VERSION)

    def restore_geometry(self) -> bool:
        """Put the window where and as large as it was when last closed;
        call after any default ``resize``. Returns whether there was one."""
        geometry = self.settings.geometry()
        return geometry is not None and self.restoreGeometry(geometry)

    def _remember_layout(self) -> None:
        """Geometry and docks for the next launch; in presentation mode, the
        layout it will restore, not the bare full-screen one."""
        if self._settings_reset:
            return  # Reset settings means: the next launch starts as the first
        saved = self.presentation.saved_state
        self.settings.set_window_state(saved if saved is not None else self.saveState(LAYOUT_VERSION))
        self.settings.set_geometry(self.saveGeometry())

    def reset_settings(self) -> None:
        """Forget everything remembered, after asking; this window keeps its
        look until it closes, the next launch is like the first."""
        answer = QMessageBox.question(
            self, self.tr("Reset settings"),
            self.tr("Forget the language, scale, theme, window layout, last preset and last folder? "
                    "GateLab starts as on its first launch next time."))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.settings.reset()
        self._settings_reset = True
        self.statusBar().showMessage(self.tr("Settings reset: the next launch starts as the first"), 10_000)

    def _keep_table_compact(self) -> None:
        """The bottom docks take a header and three rows; the plots get the rest."""
        bar = self.fontMetrics().height() + 14  # a dock's title bar, or its tab
        tabs = bar if self.tabifiedDockWidgets(self.table_dock) else 0
        self.resizeDocks([self.table_dock], [self.table.compact_height() + bar + tabs],
                         Qt.Orientation.Vertical)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Docks get their sizes only once the window is laid out."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if not self._layout_restored:
                QTimer.singleShot(0, self._keep_table_compact)
