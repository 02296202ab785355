"""The main window: controls on the left, the plots (``PANELS``) and the
comparison table, the notification bar, run control, files. Its actions,
menus and toolbar are built in ``window_actions``; where things sit, and
the layout remembered, in ``window_layout``; what Space, →, R and the
presets do in each state, in ``run_control``."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
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
from .global_keys import GlobalKeys
from .notification_feeds import PluginNotices, UncaughtExceptions
from .notifications import ERROR, NotificationCentre
from .panels import PANELS, PanelEntry, PlotPanel
from .presets import load_presets
from .redraw import RedrawScheduler
from .run_control import RunControl
from .run_progress import RunProgress
from .session import FINISHED, IDLE, LOADED, PAUSED, RUNNING, STARTING, TrainingSession
from .settings import Settings
from .table import ComparisonTable
from .timeline_actions import build_timeline_actions
from .window_actions import build_actions
from .window_layout import WindowLayout


class MainWindow(WindowLayout, RunControl):
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

    # ---- closing ------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        """Closing mid-run ends every worker: no orphan process keeps training."""
        self.session.close()
        self._remember_layout()
        self.global_keys.remove()
        self.uncaught.uninstall()
        super().closeEvent(event)
