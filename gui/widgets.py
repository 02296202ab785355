"""Small input widgets the control panel needs and Qt lacks."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDoubleSpinBox, QHBoxLayout, QLabel, QSlider, QWidget


class LogSlider(QWidget):
    """A value on a log scale (e.g. the learning rate): a slider over decades
    in tenths, with the value written beside it."""

    value_changed = Signal(float)
    STEPS_PER_DECADE = 10

    def __init__(self, low: float, high: float, value: float, parent: QWidget | None = None):
        super().__init__(parent)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(self._position(low), self._position(high))
        self.label = QLabel()
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance("0.00001 "))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.slider, 1)
        layout.addWidget(self.label)
        self._exact: float | None = None
        self.slider.valueChanged.connect(self._on_slider_moved)
        self.set_value(value)

    def _position(self, value: float) -> int:
        return round(math.log10(value) * self.STEPS_PER_DECADE)

    def value(self) -> float:
        """The value set, exactly, until the slider is moved off its position
        (a saved run's 0.03 must not become the grid's 0.0316); then the grid's."""
        if self._exact is not None:
            return self._exact
        return float(f"{10 ** (self.slider.value() / self.STEPS_PER_DECADE):.3g}")

    def set_value(self, value: float) -> None:
        self._exact = value
        self.slider.blockSignals(True)  # one value_changed below, with the exact value
        self.slider.setValue(self._position(value))
        self.slider.blockSignals(False)
        self._on_moved()

    def _on_slider_moved(self) -> None:
        self._exact = None  # the user chose a mark on the slider
        self._on_moved()

    def _on_moved(self) -> None:
        self.label.setText(f"{self.value():g}")
        self.value_changed.emit(self.value())


class OptionalNumber(QWidget):
    """A number that can be switched off (gradient clipping, forget-gate bias)."""

    value_changed = Signal(object)  # float or None

    def __init__(self, label: str, value: float | None, default: float, low: float, high: float,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.spin = QDoubleSpinBox()
        self.spin.setRange(low, high)
        self.spin.setDecimals(2)
        self.spin.setSingleStep(0.1)
        self.spin.setValue(default)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.spin, 1)
        self.check.toggled.connect(self._changed)
        self.spin.valueChanged.connect(self._changed)
        self.set_value(value)

    def value(self) -> float | None:
        return self.spin.value() if self.check.isChecked() else None

    def set_value(self, value: float | None) -> None:
        self.check.setChecked(value is not None)
        if value is not None:
            self.spin.setValue(value)
        self.spin.setEnabled(value is not None)

    def _changed(self) -> None:
        self.spin.setEnabled(self.check.isChecked())
        self.value_changed.emit(self.value())
