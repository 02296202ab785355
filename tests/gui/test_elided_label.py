"""Panel titles on one line: whole where they fit, else without their closing
remark in parentheses, else cut with "…"; the whole text is the tooltip."""

from __future__ import annotations

from gui.elided_label import ElidedLabel

TITLE = "Loss and accuracy (dashed: chance)"


def label_at(qtbot, text: str, room: int) -> ElidedLabel:
    label = ElidedLabel(text)
    qtbot.addWidget(label)
    label.setContentsMargins(0, 0, 0, 0)
    label.resize(room, label.fontMetrics().height() * 2)
    label.show()
    qtbot.waitExposed(label)  # the tooltip follows the width a resize event brings
    return label


def test_a_title_that_fits_is_shown_whole(qtbot):
    label = label_at(qtbot, TITLE, 2000)
    assert label.shown_text() == TITLE and not label.elided() and label.toolTip() == ""


def test_a_closing_remark_goes_before_the_title_is_cut(qtbot):
    head = "Loss and accuracy"
    room = label_at(qtbot, head, 10).fontMetrics().horizontalAdvance(head) + 4
    label = label_at(qtbot, TITLE, room)
    assert label.shown_text() == head  # not "Loss and accuracy (dash…"
    assert label.elided() and label.toolTip() == TITLE


def test_a_title_too_long_even_without_its_remark_is_cut_with_an_ellipsis(qtbot):
    label = label_at(qtbot, TITLE, 60)
    shown = label.shown_text()
    assert shown.endswith("…") and "Loss and accuracy".startswith(shown[:-1])
    assert label.toolTip() == TITLE
    plain = label_at(qtbot, "Gradient through time and more words", 60)  # no remark: cut as it is
    assert plain.shown_text().endswith("…") and plain.shown_text()[:-1] in plain.text()
