"""The Qt application around the main window: splash, discovery, automation timers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QSplashScreen

from plots.theme import THEME

from .file_open_events import FileOpenEvents
from .flags import FlagError, initial_spec
from .gpu_probe import GpuProbe
from .i18n import install_translators
from .identity import APP_NAME, DESKTOP_FILE_NAME, ICON
from .run_opening import opened_run, show_opened
from .settings import Settings

DEFAULT_SCREENSHOT_DELAY = 5.0
START_LIMIT_MS = 180_000  # --start with --quit-after: the longest wait for the first report
DEFAULT_SIZE = (1280, 800)
WARM_WAIT = 20.0  # seconds --start waits for the warm workers, at most


def make_application() -> QApplication:
    """The one QApplication, named so that the launcher icon matches, its font
    sized for ``THEME.scale`` (set it first)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)  # Wayland finds the icon through it
    app.setWindowIcon(QIcon(str(ICON)))
    font = QFont(app.font())
    font.setPointSize(THEME.font_size())
    app.setFont(font)
    return app


def show_splash() -> QSplashScreen:
    splash = QSplashScreen(QPixmap(str(ICON)).scaled(
        256, 256, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))
    splash.showMessage(QCoreApplication.translate("Splash", "Loading PyTorch…"),
                       Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter)
    splash.show()
    QCoreApplication.processEvents()
    return splash


def unknown_cells(spec, records) -> list[str]:
    usable = {r.name for r in records if r.usable}
    return [name for name in spec.cells if name not in usable]


def save_screenshot(window, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(path)):
        print(f"main.py: error: could not write {path}", file=sys.stderr)


def save_on_quit(recorder, folder: Path) -> bool:
    """``--save-run``: write the run as Save run does (one ``.gatelab`` file
    when ``folder`` is named so); a run whose cells were still training is
    saved as not complete. False (after one line) if it failed."""
    if recorder is None:
        print(f"main.py: error: --save-run: no run to save into {folder}", file=sys.stderr)
        return False
    from training.report import RUNNING, STOPPED
    from training.run_archive import is_archive, save_archive

    complete = not any(history.status == RUNNING for history in recorder.cells.values())
    for history in recorder.cells.values():
        if history.status == RUNNING:
            history.status = STOPPED
    try:
        if is_archive(folder):
            save_archive(recorder, folder, complete=complete)
        else:
            recorder.save(folder, complete=complete)
    except OSError as error:
        print(f"main.py: error: --save-run: {error}", file=sys.stderr)
        return False
    return True


def run_window(args: argparse.Namespace) -> int:
    """Build the window from the flags and run the event loop."""
    settings = Settings()
    language, THEME.scale = settings.adopt_flags(getattr(args, "lang", None), args.scale)
    if getattr(args, "theme", None) is not None:
        settings.set_theme(args.theme)  # a flag given once wins from then on, as --lang
    THEME.use(settings.theme())  # before any widget: they are built in it
    app = make_application()
    install_translators(app, language)  # before any widget
    splash = show_splash()
    from .main_window import MainWindow
    from .plugin_panel import PluginPanel
    from .plugin_watcher import PluginWatcher

    try:
        spec = initial_spec(args)
        opened = opened_run(args)
    except FlagError as error:
        print(f"main.py: error: {error}", file=sys.stderr)
        return 2
    from plugin_host.checker import shared_checker

    # The process-wide checker: Start measures a task plugin's facts in it, warm from discovery.
    watcher = PluginWatcher(spec.plugins, checker=shared_checker())
    window = MainWindow(spec, [], step_timeout=args.step_timeout)
    panel = PluginPanel(watcher)
    window.add_panel_dock(QCoreApplication.translate("Window", "Plugins"), panel)
    window.add_menu(QCoreApplication.translate("Window", "&Plugins"),
                    [panel.new_cell_action, panel.open_folder_action, panel.reload_action,
                     panel.traceback_action])
    pending = {"ticks": True, "start": args.start, "task": spec.task}

    def records_changed(records: list) -> None:
        """Built-ins come at once, plugins when checked: tick the requested
        cells (once: later reloads keep the user's ticks) and start as soon as
        they are all there."""
        window.set_cell_records(records)
        if not unknown_cells(spec, records) and pending.pop("ticks", False):
            window.controls.cells.set_checked(spec.cells)
            if pending.pop("start", False):
                start_when_warm()

    def start_when_warm(waited: float = 0.0) -> None:
        """``--start``: press Start once the warm workers are ready (at most
        ``WARM_WAIT`` seconds), as a lecturer would, so that Start is quick."""
        pool = window.session.pool
        if pool is None or pool.warm_count() >= len(spec.cells) or waited >= WARM_WAIT:
            window.start_or_pause()
        else:
            QTimer.singleShot(50, lambda: start_when_warm(waited + 0.05))

    def discovery_finished(busy: bool) -> None:
        missing = unknown_cells(spec, watcher.records)
        tasks = [r.name for r in watcher.task_records if r.usable]
        if not busy and tasks and "task" in pending and pending.pop("task") not in tasks:  # checked once
            print(f"main.py: error: unknown task {spec.task!r}; choose from {', '.join(tasks)}",
                  file=sys.stderr)
            app.exit(2)
        elif not busy and missing:
            usable = ", ".join(r.name for r in watcher.records if r.usable)
            print(f"main.py: error: unknown cell {', '.join(missing)}; choose from {usable}",
                  file=sys.stderr)
            app.exit(2)

    watcher.recordsChanged.connect(records_changed)
    watcher.tasksChanged.connect(window.set_task_records)
    watcher.busyChanged.connect(discovery_finished)
    window.resize(*(args.size or DEFAULT_SIZE))
    if args.size is None:
        window.restore_geometry()
    if opened is not None:
        show_opened(window, opened)
    elif args.task is None and args.length is None and args.cells is None:
        window.restore_last_preset()
    if args.screenshot is not None:
        window.hint.hide()  # documentation shows the window, not the first-launch hint
    file_opener = FileOpenEvents(window)  # macOS hands double-clicked files over as events
    app.installEventFilter(file_opener)
    window.show()
    if args.presentation:
        window.presentation.set_active(True)
    splash.finish(window)
    # Workers with torch imported, started once the window is up: Start then costs a message.
    window.session.use_warm_workers(max(3, len(spec.cells)))
    watcher.start()
    gpu_probe = GpuProbe()
    gpu_probe.answered.connect(window.controls.show_gpu)
    gpu_probe.start()
    if args.screenshot is not None or args.quit_after is not None:
        delay = round(1000 * (args.quit_after if args.quit_after is not None else DEFAULT_SCREENSHOT_DELAY))
        done = []

        def finish() -> None:
            if done:
                return
            done.append(True)
            if args.screenshot is not None:
                save_screenshot(window, args.screenshot)
            window.close()
            app.quit()

        if args.start:
            # SECONDS of training, counted from the first report: on a busy machine
            # workers take long to start, and a recording must not come out empty.
            def arm() -> None:
                recorder = window.session.recorder
                if recorder is None or not any(h.steps for h in recorder.cells.values()):
                    return  # a new, empty run at Start: its first step is still to come
                window.session.data_changed.disconnect(arm)
                QTimer.singleShot(delay, finish)

            window.session.data_changed.connect(arm)
            QTimer.singleShot(START_LIMIT_MS + delay, finish)  # a start that never comes ends too
        else:
            QTimer.singleShot(delay, finish)
    code = app.exec()
    window.session.stop()
    if watcher.busy:
        watcher.checker.cancel()  # the shared checker: closing does not wait for the remaining plugins
    watcher.stop()
    gpu_probe.wait()
    if args.save_run is not None and not save_on_quit(window.session.recorder, args.save_run):
        code = code or 1
    # Delete the widgets now, while the application still exists: left to the
    # interpreter's teardown, their order is arbitrary.
    for widget in (panel, window):
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return code
