"""The Qt application around the main window: splash, discovery, automation timers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QSplashScreen

from .app import APP_NAME, DESKTOP_FILE_NAME, ICON, FlagError, initial_spec
from .theme import THEME

DEFAULT_SCREENSHOT_DELAY = 5.0
DEFAULT_SIZE = (1280, 800)


def make_application() -> QApplication:
    """The one QApplication, named so that settings and the launcher icon match."""
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


def run_window(args: argparse.Namespace) -> int:
    """Build the window from the flags and run the event loop."""
    THEME.scale = args.scale
    app = make_application()
    splash = show_splash()
    from cells import discover_cells

    from .main_window import MainWindow

    try:
        spec = initial_spec(args)
    except FlagError as error:
        print(f"main.py: error: {error}", file=sys.stderr)
        return 2
    records = discover_cells([Path(d) for d in spec.plugins])
    missing = unknown_cells(spec, records)
    if missing:
        usable = ", ".join(r.name for r in records if r.usable)
        print(f"main.py: error: unknown cell {', '.join(missing)}; choose from {usable}", file=sys.stderr)
        return 2
    window = MainWindow(spec, records)
    window.resize(*(args.size or DEFAULT_SIZE))
    window.show()
    splash.finish(window)
    if args.start:
        QTimer.singleShot(0, window.start_or_pause)
    if args.screenshot is not None or args.quit_after is not None:
        delay = args.quit_after if args.quit_after is not None else DEFAULT_SCREENSHOT_DELAY

        def finish() -> None:
            if args.screenshot is not None:
                save_screenshot(window, args.screenshot)
            window.close()
            app.quit()

        QTimer.singleShot(round(delay * 1000), finish)
    code = app.exec()
    window.session.stop()
    return code
