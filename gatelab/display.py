"""What Jupyter shows inline: a table (HTML) and a figure (PNG), no plotting
library beyond GateLab's own (the figures are the CLI's, drawn offscreen)."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Table:
    """Rows of one dict each; Jupyter renders ``_repr_html_``, a terminal ``repr``."""

    columns: tuple[str, ...]
    rows: tuple[dict, ...]

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(c)}</th>" for c in self.columns)
        body = "".join("<tr>" + "".join(f"<td>{html.escape(_text(row.get(c)))}</td>" for c in self.columns)
                       + "</tr>" for row in self.rows)
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def __repr__(self) -> str:
        cells = [list(self.columns)] + [[_text(row.get(c)) for c in self.columns] for row in self.rows]
        widths = [max(len(line[i]) for line in cells) for i in range(len(self.columns))]
        return "\n".join("  ".join(text.ljust(width) for text, width in zip(line, widths, strict=True))
                         for line in cells)


def _text(value) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Figure:
    """A PNG; Jupyter shows it inline through ``_repr_png_``."""

    png: bytes

    def _repr_png_(self) -> bytes:
        return self.png

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.write_bytes(self.png)
        return path
