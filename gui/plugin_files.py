"""The files a plugin author works in: the commented "New cell…" template,
written under a fresh name, and opening files and the plugin folder in the
desktop's own editor and file manager.

Kept apart from the panel so that writing a template needs no widget, and
apart from the watcher, which only reads these files.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from plugin_host import user_plugin_dir

TEMPLATE = '''"""{title}: a leaky unit to start from. Save, and GateLab reloads it within a second."""
import torch
from cells import Cell


class {class_name}(Cell):
    name = "{title}"                     # the unique name shown in the cell list

    def __init__(self, input_size, hidden_size):
        super().__init__(input_size, hidden_size)
        self.inp = torch.nn.Linear(input_size, hidden_size)                # W x + b
        self.rec = torch.nn.Linear(hidden_size, hidden_size, bias=False)   # U h

    def forward(self, x, state):         # x: [batch, input]; state: ([batch, hidden],)
        (h,) = state
        keep = torch.sigmoid(self.inp(x))                    # a gate: how much of h to keep
        h = keep * h + (1 - keep) * torch.tanh(self.rec(h) + self.inp(x))
        self.record("keep", keep)        # shown in the gate plot
        return h, (h,)                   # output, new state
'''


def new_cell_file(folder: Path | None = None) -> Path:
    """Write the commented template into ``folder`` (default: the user plugin
    folder) under a fresh file and cell name; return the new file."""
    folder = Path(folder) if folder is not None else user_plugin_dir(create=True)
    folder.mkdir(parents=True, exist_ok=True)
    number = 1
    while (folder / f"my_cell{'' if number == 1 else f'_{number}'}.py").exists():
        number += 1
    suffix = "" if number == 1 else f" {number}"
    path = folder / f"my_cell{'' if number == 1 else f'_{number}'}.py"
    class_name = f"MyCell{number if number > 1 else ''}"
    path.write_text(TEMPLATE.format(title=f"My cell{suffix}", class_name=class_name), encoding="utf-8")
    return path


def open_path(path: Path) -> bool:
    """Open a file in the system's editor, or a folder in the file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


def open_plugin_folder() -> Path:
    """Create (if needed) and open the user plugin folder; return it."""
    folder = user_plugin_dir(create=True)
    open_path(folder)
    return folder
