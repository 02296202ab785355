"""The main window: controls on the left, the plots (``PANELS``) and the
comparison table, the notification bar, run control, files. Its actions,
menus and toolbar are built in ``window_actions``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from plugin_host import CellRecord
from plugin_host.limits import DEFAULT_STEP_TIMEOUT
from training.recorder import RunRecorder
from training.run_archive import load_run
from training.run_files import is_sweep_folder
from training.spec import RunSpec

from .appearance import use_theme
from .controls import ControlPanel
from .file_dialogs import RunFileDialogs
from .first_hint import FirstLaunchHint
from .global_keys import GlobalKeys
from .notification_bar import NotificationBar
from .notification_feeds import PluginNotices, UncaughtExceptions
from .notifications import ERROR, NotificationCentre
from .panels import PANELS, PanelEntry, PlotPanel, plot_area
from .presets import Preset, load_presets
from .redraw import RedrawScheduler
from .run_progress import RunProgress
from .scenario_caption import ScenarioCaption
from .session import FINISHED, IDLE, LOADED, PAUSED, RUNNING, STARTING, TrainingSession
from .settings import Settings
from .table import ComparisonTable
from .task_words import task_text
from .timeline_actions import build_timeline_actions
from .timeline_bar import TimelineBar
from .window_actions import add_view_toggle, build_actions

LIVE_SETTINGS = ("lr", "clip")  # applied to a running comparison without Reset
# saveState's version (presentation mode saves with the default, 0): raise it
# when the docks change, and the layouts remembered before are ignored.
LAYOUT_VERSION = 0


class MainWindow(QMainWindow):
    """Train cells side by side and watch the gradient flow through time."""

    def __init__(self, spec: RunSpec, records: list[CellRecord],
                 step_timeout: float = DEFAULT_STEP_TIMEOUT, panels: Sequence[PanelEntry] = PANELS,
                 settings: Settings | None = None):
        """``panels``: the plots and their places (a test may add its own);
        ``settings``: what is remembered between launches (default: the user's)."""
        super().__init__()
        self.settings = settings if settings is not None else Settings()
        self.setWindowTitle(self.tr("GateLab"))
        self.session = TrainingSession(self, step_timeout=step_timeout)
        self.notifications = NotificationCentre(self)
        self.uncaught = UncaughtExceptions(self.notifications)
        self.plugin_notices = PluginNotices(self.notifications)
        self.task_notices = PluginNotices(self.notifications)  # task plugins: their own set of problems
        self.controls = ControlPanel(spec)
        self.panel_entries = tuple(panels)
        self.panels: list[PlotPanel] = []
        for entry in self.panel_entries:
            self.panels.append(entry.panel_class())
            setattr(self, entry.key, self.panels[-1])  # window.gates, window.loss, …
        self.table = ComparisonTable()
        self.set_cell_records(records)
        self.controls.set_spec(spec)  # after the records: it ticks the spec's cells
        self.file_dialogs = RunFileDialogs(self)
        self.presets = load_presets()  # keys 1–9 in file-name order
        self._build_layout()
        build_actions(self)
        build_timeline_actions(self, self.timeline)
        self._build_status_bar()
        self._settings_reset = False
        self._layout_restored = self._restore_layout()
        self.set_time_axis(self.settings.time_axis(), remember=False)
        self.set_theme(self.settings.theme(), remember=False)
        self.controls.spec_edited.connect(self._on_spec_edited)
        self.controls.lr_changed.connect(self.session.set_lr)
        self.controls.clip_changed.connect(self.session.set_clip)
        self._shown_once = False
        # The panels draw the step the timeline shows (the newest unless moved back).
        self.redraws = RedrawScheduler(self.views, self.timeline.shown,
                                       lambda: self.run_progress.show_run(self.session.recorder), self)
        self.timeline.moved.connect(self.redraws.news)
        self.redraws.view_failed.connect(self._on_view_failed)
        self.session.data_changed.connect(self._on_data_changed)
        self.session.state_changed.connect(self._on_state_changed)
        self.session.cell_failed.connect(self._on_cell_failed)
        self._on_state_changed(self.session.state)
        self.redraw()
        self.hint.show_if_new()
        self.global_keys = GlobalKeys(self)  # Space, →, R, F11 even in a number box
        self.global_keys.install()
        self.uncaught.install()  # last: a window that failed to build never holds the hook

    # ---- layout -----------------------------------------------------------------
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

    # ---- remembered layout ----------------------------------------------------------
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

    def set_time_axis(self, axis: str, remember: bool = True) -> None:
        """Loss and metric against "step" or "seconds" since Start (View ▸ Time axis, T)."""
        loss = getattr(self, "loss", None)  # a test's own panels may leave it out
        if loss is not None:
            loss.set_time_axis(axis)
        self.time_axis_action.setChecked(axis == "seconds")
        if remember:
            self.settings.set_time_axis(axis)

    def set_theme(self, theme: str, remember: bool = True) -> None:
        """The light or dark projector theme for widgets and plots (View ▸ Dark theme, Ctrl+D)."""
        use_theme(theme, self)
        self.dark_theme_action.setChecked(theme == "dark")
        if remember:
            self.settings.set_theme(theme)

    def restore_last_preset(self) -> bool:
        """Load the preset last run into the controls (without starting it),
        so that a lecture continues where it stopped. Returns whether one was."""
        name = self.settings.last_preset()
        preset = next((p for p in self.presets if name and p.file == name), None)
        if preset is None:
            return False
        self.apply_preset(preset)
        return True

    def _keep_table_compact(self) -> None:
        """The bottom docks take a header and three rows; the plots get the rest."""
        bar = self.fontMetrics().height() + 14  # a dock's title bar, or its tab
        tabs = bar if self.tabifiedDockWidgets(self.table_dock) else 0
        self.resizeDocks([self.table_dock], [self.table.compact_height() + bar + tabs],
                         Qt.Orientation.Vertical)

    def add_menu(self, title: str, actions: list[QAction]) -> None:
        """A menu for actions that a panel brings (e.g. New cell…, Reload plugins)."""
        menu = self.menuBar().addMenu(title)
        for action in actions:
            menu.addAction(action)

    def set_cell_records(self, records: list[CellRecord]) -> None:
        """Refresh the cell checklist, the panels that show cells' sources (the
        equations) and the plugin notices; a running comparison keeps its
        cells until Reset."""
        self.controls.set_cell_records(records)
        for panel in self.panels:
            panel.set_cell_records(records)
        self.plugin_notices.update(records)

    def set_task_records(self, records: list) -> None:
        """Offer the checked task plugins in the task list, and tell of the
        broken ones (file:line and reason) as of broken cell plugins."""
        self.controls.set_task_records(records)
        self.task_notices.update(records)

    def _build_status_bar(self) -> None:
        self.state_label = QLabel()
        self.run_progress = RunProgress()
        self.statusBar().addPermanentWidget(self.run_progress)
        self.statusBar().addPermanentWidget(self.state_label)

    # ---- run control ------------------------------------------------------------------
    def start_or_pause(self) -> None:
        state = self.session.state
        if state in (RUNNING, STARTING):
            self.session.pause()
        elif state == PAUSED:
            self.session.resume()
        elif state in (FINISHED, LOADED):
            self.timeline.toggle_playback()  # a recording: Space replays it; R then Space trains anew
        else:
            self._start(running=True)

    def step(self) -> None:
        """→: the next recorded step while the timeline is held back (paused,
        finished, opened); at the end of a live run one more trained step;
        at the end of a finished or opened run nothing (no new run by accident)."""
        state = self.session.state
        if state in (PAUSED, FINISHED, LOADED) and not self.timeline.at_end:
            self.timeline.step_by(1)
        elif state in (FINISHED, LOADED):
            return
        elif self.session.live:
            self.session.step_once()
        elif self._start(running=False):
            self.session.step_once()

    def reset(self) -> None:
        self.session.clear()
        self.caption.hide()
        self.controls.show_notice("")
        self.statusBar().clearMessage()

    def _start(self, running: bool) -> bool:
        try:
            spec = self.controls.spec()
            self.session.start(spec, self.controls.cells.sources(), running=running)
        except ValueError as error:  # e.g. an echo delay longer than the sequence
            self.statusBar().showMessage(self.tr("Cannot start: {0}").format(error))
            return False
        self.controls.show_notice("")
        self.caption.show_for(spec)
        self.setWindowTitle(self.tr("GateLab — {0}, T = {1}").format(task_text(spec.task), spec.length))
        return True

    def run_preset(self, preset: Preset) -> bool:
        """Load ``preset`` and start it at once, from any state (a running
        comparison is reset): one key takes a lecture to the next scenario.
        Returns whether it started."""
        self.reset()
        self.apply_preset(preset)
        if preset.file:
            self.settings.set_last_preset(preset.file)
        started = self._start(running=True)
        if started and self.caption.isVisibleTo(self):
            self.statusBar().clearMessage()  # the caption says it in full; the status bar cut it
        return started

    def apply_preset(self, preset: Preset) -> None:
        """Fill the controls; a running comparison keeps going until Reset."""
        spec = preset.spec.replace(plugins=self.controls.plugins)
        self.controls.set_spec(spec)
        self.caption.choose(preset, spec)
        self._on_spec_edited()
        self.statusBar().showMessage(preset.description, 15_000)

    def _on_spec_edited(self) -> None:
        """Say so when the controls no longer describe the comparison on screen."""
        recorder = self.session.recorder
        if recorder is None:
            return
        try:
            edited = self.controls.spec().to_dict()
        except ValueError as error:
            self.controls.show_notice(str(error))
            return
        shown = recorder.spec.to_dict()
        changed = [k for k in edited if k not in LIVE_SETTINGS and edited[k] != shown.get(k)]
        self.controls.show_notice(
            self.tr("Changed settings ({0}) apply after Reset (R).").format(", ".join(changed))
            if changed else "")

    def _on_state_changed(self, state: str) -> None:
        words = {IDLE: self.tr("Ready: press Space to start"), STARTING: self.tr("Starting workers…"),
                 RUNNING: self.tr("Training"), PAUSED: self.tr("Paused"),
                 FINISHED: self.tr("Finished"), LOADED: self.tr("Saved run")}
        self.state_label.setText(words.get(state, state))
        if state == RUNNING and not self.hint.isHidden():
            self.hint.dismiss()  # Space was found: the hint has done its work
        self.start_action.setText(self.tr("Pause") if state in (RUNNING, STARTING)
                                  else self.tr("Resume") if state == PAUSED else self.tr("Start"))
        for action in (self.save_action, self.save_file_action, self.export_data_action):
            action.setEnabled(self.session.recorder is not None)
        self.run_progress.show_run(self.session.recorder)

    def _on_cell_failed(self, cell: str, message: str) -> None:
        """The traceback is the one the comparison table shows in its tooltip."""
        history = self.session.recorder.cells.get(cell) if self.session.recorder else None
        self.notifications.notify(ERROR, self.tr("{0} stopped: {1}").format(cell, message),
                                  history.traceback if history else "", cell)

    def _on_view_failed(self, view: str, error: str, details: str) -> None:
        self.notifications.notify(ERROR, self.tr("This view stopped drawing: {0}").format(error),
                                  details, view)

    # ---- drawing ------------------------------------------------------------------
    @property
    def views(self) -> list:
        return [*self.panels, self.table]

    def redraw(self) -> None:
        """Update every view from the recorder now (opening, resetting, tests)."""
        self.redraws.draw_all()

    def _on_data_changed(self) -> None:
        if self.session.recorder is None or self.session.state == LOADED:
            self.redraws.draw_all()
        else:
            self.redraws.news()

    # ---- files ------------------------------------------------------------------
    def open_run(self, path: Path) -> None:
        """Show a saved comparison: a run folder or a ``.gatelab`` file, or a
        sweep's folder in a window of its own; raises ValueError if ``path``
        holds none (the window stays as it was)."""
        if is_sweep_folder(path):
            from cli.sweep_folder import read_sweep  # the sweep's code (and torch), only when one opens

            from .sweep_view import SweepView

            view = SweepView(path, read_sweep(path), self.show_saved_run, self)
            view.resize(self.size() * 0.8)
            view.show()
            return
        self.show_saved_run(load_run(path), path.name)

    def show_saved_run(self, recorder: RunRecorder, name: str) -> None:
        """Show a run already read from disk, titled ``name``, at its last step."""
        self.controls.set_spec(recorder.spec)
        self.session.load(recorder)
        self.caption.hide()
        self.setWindowTitle(self.tr("GateLab — {0}").format(name))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        """Docks get their sizes only once the window is laid out."""
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            if not self._layout_restored:
                QTimer.singleShot(0, self._keep_table_compact)

    # ---- closing ------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """Closing mid-run ends every worker: no orphan process keeps training."""
        self.session.close()
        self._remember_layout()
        self.global_keys.remove()
        self.uncaught.uninstall()
        super().closeEvent(event)
