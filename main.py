"""GateLab: ``python main.py`` opens the window (``python main.py FILE.gatelab``
opens it on a saved run); ``python main.py run|cells|tasks|…`` is the headless
command line."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    # Window flags all start with "-"; anything else is a CLI command (the CLI
    # reports unknown ones). Not importing cli here keeps torch's ~3 s import
    # off the window's path to its splash screen.
    if argv and not argv[0].startswith("-") and not is_run_file(argv[0]):
        from cli import main as cli_main
        return cli_main(argv, scenes={"plots": plot_area_scene})
    from gui.app import main as gui_main
    return gui_main(argv)


def is_run_file(argument: str) -> bool:
    """``main.py lecture.gatelab`` opens the window on it (a double-click on
    the file passes its path as the only argument)."""
    from pathlib import Path

    from training.run_archive import is_archive

    return is_archive(Path(argument))


def plot_area_scene(recorder, size: tuple[int, int]):
    """``animate --what plots``: the window's panels drawn offscreen (imported only then)."""
    from gui.plot_area_animation import PlotAreaAnimation

    return PlotAreaAnimation(recorder, size)


def entry_point() -> int:
    """Console-script entry (``gatelab``)."""
    return main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(entry_point())
