"""Guard against PySide6 6.12.0's lost reference to None per void call (FACTS.md):
it aborts a live-plotting window within minutes."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QGraphicsRectItem


def test_void_qt_calls_do_not_lose_references_to_none(qtbot):
    item = QGraphicsRectItem(0, 0, 10, 10)
    before = sys.getrefcount(None)
    for i in range(5000):
        item.setPos(i, i)
        item.update()
    assert sys.getrefcount(None) >= before - 10
