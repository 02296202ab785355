"""GateLab: ``python main.py`` opens the window; ``python main.py run|cells|tasks``
is the headless command line."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    # Window flags all start with "-"; anything else is a CLI command (the CLI
    # reports unknown ones). Not importing cli here keeps torch's ~3 s import
    # off the window's path to its splash screen.
    if argv and not argv[0].startswith("-"):
        from cli import main as cli_main
        return cli_main(argv)
    from gui.app import main as gui_main
    return gui_main(argv)


def entry_point() -> int:
    """Console-script entry (``gatelab``)."""
    return main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(entry_point())
