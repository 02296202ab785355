"""Where GateLab's shipped files lie: ``assets/`` (icon, launcher templates,
translations, presets) and ``plugins/`` (the shelf of example cells).

The repository keeps them as top-level folders; the wheel carries them as
package data of this package (``pyproject.toml`` maps ``assets/`` to
``gatelab_resources/assets`` and ``plugins/`` to ``gatelab_resources/plugins``).
``importlib.resources`` finds the packaged copy; in a checkout, which has none,
the folder beside the packages is the one. So ``python main.py``, an editable
install and ``pip install .`` all find the same files without a path written
anywhere else. Standard library only and usable by every layer, it sits below
them all.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

# The folder that holds GateLab's packages and main.py: the repository in a
# checkout, site-packages once installed.
PACKAGES_ROOT = Path(__file__).resolve().parent.parent


def shipped(folder: str) -> Path:
    """The shipped ``folder`` ("assets" or "plugins") as a real path: Qt loads
    catalogues and icons by path, and plugins are imported by path in other
    processes (pip and pipx always install as files, so the packaged copy is one)."""
    packaged = files(__name__) / folder
    if isinstance(packaged, Path) and packaged.is_dir():
        return packaged
    return PACKAGES_ROOT / folder


ASSETS = shipped("assets")
PLUGINS = shipped("plugins")
MAIN_SCRIPT = PACKAGES_ROOT / "main.py"  # beside the packages in a checkout and in site-packages
