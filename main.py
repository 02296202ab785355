"""GateLab: ``python main.py`` opens the window; ``python main.py run|cells|tasks``
is the headless command line."""

from __future__ import annotations

import sys


def main(argv: list[str]) -> int:
    from cli import COMMANDS

    if argv and argv[0] in COMMANDS:
        from cli import main as cli_main
        return cli_main(argv)
    from gui.app import main as gui_main
    return gui_main(argv)


def entry_point() -> int:
    """Console-script entry (``gatelab``)."""
    return main(sys.argv[1:])


if __name__ == "__main__":
    sys.exit(entry_point())
