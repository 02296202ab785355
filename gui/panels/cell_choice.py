"""The "whose" selector of panels that show one cell at a time (gates, gate history)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox


def sync_cell_choice(selector: QComboBox, names: list[str]) -> bool:
    """Offer ``names``; keep the chosen cell while it is there, else choose
    the first gated one (the plain RNN has no gates to show). Returns True
    when the offer changed; emits no signal either way."""
    current = [selector.itemText(i) for i in range(selector.count())]
    if current == names:
        return False
    chosen = selector.currentText()
    selector.blockSignals(True)
    selector.clear()
    selector.addItems(names)
    gated = [n for n in names if n != "RNN"]
    preferred = chosen if chosen in names else (gated[0] if gated else (names[0] if names else ""))
    selector.setCurrentText(preferred)
    selector.blockSignals(False)
    return True
