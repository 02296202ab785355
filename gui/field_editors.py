"""A widget for each ``SpecField``, read and written the same way whatever its kind.

Qt's spin boxes, combo boxes and check boxes each name their getter, setter
and change signal differently; an ``Editor`` gives the control panel one
name for each, so it can walk its table instead of handling every kind.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from .spec_fields import Kind, SpecField
from .widgets import LogSlider, OptionalNumber

CONTEXT = "ControlPanel"  # the translation context the table's strings are marked in


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text) if text else ""


@dataclass(frozen=True)
class Editor:
    """One field's widget with a uniform face: value(), set_value(v), changed."""

    field: SpecField
    widget: QWidget
    value: Callable[[], Any]
    set_value: Callable[[Any], None]
    changed: SignalInstance


def build_editor(field: SpecField) -> Editor:
    """The widget ``field.kind`` asks for, translated, showing the field's default."""
    editor = _EDITORS[field.kind](field)
    editor.widget.setToolTip(translate(field.tooltip))
    editor.set_value(field.default)
    return editor


def clamp(field: SpecField, value: Any) -> Any:
    """The nearest value ``field``'s widget can show. A spec from a file may
    hold any number, and Qt's spin boxes raise on one beyond 32 bits (and
    would leave the panel's signals blocked), so the panel clamps first."""
    numeric = field.kind in (Kind.INT, Kind.FLOAT, Kind.LOG, Kind.OPTIONAL)
    if numeric and isinstance(value, int | float) and not isinstance(value, bool):
        return type(value)(min(max(value, field.low), field.high))
    return value


def _int(field: SpecField) -> Editor:
    spin = QSpinBox()
    spin.setRange(int(field.low), int(field.high))
    spin.setSpecialValueText(translate(field.special))
    return Editor(field, spin, spin.value, spin.setValue, spin.valueChanged)


def _float(field: SpecField) -> Editor:
    spin = QDoubleSpinBox()
    spin.setDecimals(field.decimals)
    spin.setSingleStep(field.step)
    spin.setRange(field.low, field.high)
    return Editor(field, spin, spin.value, spin.setValue, spin.valueChanged)


def _log(field: SpecField) -> Editor:
    slider = LogSlider(field.low, field.high, field.default)
    return Editor(field, slider, slider.value, slider.set_value, slider.value_changed)


def _optional(field: SpecField) -> Editor:
    number = OptionalNumber(translate(field.switch), field.default, field.default, field.low, field.high)
    return Editor(field, number, number.value, number.set_value, number.value_changed)


def _choice(field: SpecField) -> Editor:
    """Each choice shown in the interface's language (``spec_fields.CHOICE_WORDS``;
    names such as adam or float32 stay as they are), kept by its spec value."""
    combo = QComboBox()
    for choice in field.choices:
        combo.addItem(translate(choice), choice)
    return Editor(field, combo, combo.currentData,
                  lambda value: combo.setCurrentIndex(max(0, combo.findData(value))),
                  combo.currentIndexChanged)


def _check(field: SpecField) -> Editor:
    box = QCheckBox(translate(field.label))
    return Editor(field, box, box.isChecked, box.setChecked, box.toggled)


def _text(field: SpecField) -> Editor:
    """A line of text (a task's own words: shown as typed)."""
    line = QLineEdit()
    line.setClearButtonEnabled(True)
    line.setPlaceholderText(translate(field.tooltip))
    return Editor(field, line, lambda: line.text().strip(), line.setText, line.textChanged)


def _file(field: SpecField) -> Editor:
    """A path: the line of ``_text`` and a button that chooses the file (the csv task's data)."""
    text = _text(field)
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(text.widget, 1)
    choose = QToolButton()
    choose.setText("…")
    choose.setToolTip(QCoreApplication.translate("ControlPanel", "Choose the file"))

    def chosen() -> None:
        path, _ = QFileDialog.getOpenFileName(
            box, QCoreApplication.translate("ControlPanel", "Choose the file"), text.value(),
            QCoreApplication.translate("ControlPanel", "CSV files (*.csv);;All files (*)"))
        if path:
            text.set_value(path)

    choose.clicked.connect(chosen)
    row.addWidget(choose)
    return Editor(field, box, text.value, text.set_value, text.changed)


_EDITORS: dict[Kind, Callable[[SpecField], Editor]] = {
    Kind.INT: _int, Kind.FLOAT: _float, Kind.LOG: _log, Kind.OPTIONAL: _optional,
    Kind.CHOICE: _choice, Kind.CHECK: _check, Kind.TEXT: _text, Kind.FILE: _file,
}
