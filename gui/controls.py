"""The control panel: everything that defines a comparison, as one ``RunSpec``.

Learning rate and clipping apply to a running comparison at once; any other
change needs new models, so the panel says "press Reset to apply" instead of
silently restarting a run a lecturer is talking over.
"""

from __future__ import annotations

from dataclasses import Field

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from cells.registry import CellRecord
from tasks import TASKS, make_task
from training.spec import DTYPES, INITS, OPTIMIZERS, RunSpec

from .cell_list import CellChecklist
from .theme import WARNING_COLOUR
from .widgets import LogSlider, OptionalNumber

MAX_LENGTH = 1000


def _spin(low: int, high: int, value: int, tip: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setToolTip(tip)
    return spin


class ControlPanel(QWidget):
    """Edits a ``RunSpec``; emits ``spec_edited`` when anything changes."""

    spec_edited = Signal()
    lr_changed = Signal(float)
    clip_changed = Signal(object)

    def __init__(self, spec: RunSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self._option_widgets: dict[str, QSpinBox | QDoubleSpinBox | QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(f"color: {WARNING_COLOUR}; font-weight: bold;")
        self.notice.setVisible(False)
        layout.addWidget(self.notice)
        layout.addWidget(self._task_group())
        layout.addWidget(self._cells_group(), 1)
        layout.addWidget(self._model_group())
        layout.addWidget(self._training_group())
        self.set_spec(spec)
        self._connect()

    # ---- building ------------------------------------------------------------------
    def _task_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Task"))
        self.task_form = QFormLayout(group)
        self.task = QComboBox()
        for name, task_class in TASKS.items():
            self.task.addItem(name, name)
            self.task.setItemData(self.task.count() - 1, task_class.description,
                                  Qt.ItemDataRole.ToolTipRole)
        self.task.setToolTip(self.tr("The long-dependency problem the cells must solve"))
        self.length = _spin(2, MAX_LENGTH, 100, self.tr("Sequence length T: how far back the "
                                                         "answer lies"))
        self.task_form.addRow(self.tr("Task"), self.task)
        self.task_form.addRow(self.tr("Length T"), self.length)
        return group

    def _cells_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Cells"))
        layout = QVBoxLayout(group)
        self.cells = CellChecklist()
        layout.addWidget(self.cells)
        return group

    def _model_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Model"))
        form = QFormLayout(group)
        self.hidden = _spin(1, 1024, 64, self.tr("Hidden units per layer"))
        self.layers = _spin(1, 4, 1, self.tr("Stacked recurrent layers"))
        self.bidirectional = QCheckBox(self.tr("bidirectional"))
        self.bidirectional.setToolTip(self.tr("Also run each layer backwards in time"))
        self.batch = _spin(1, 1024, 32, self.tr("Sequences per training step"))
        self.steps = _spin(0, 10_000_000, 2000, self.tr("Training steps; 0 trains until you stop"))
        self.steps.setSpecialValueText(self.tr("until stopped"))
        form.addRow(self.tr("Hidden size"), self.hidden)
        form.addRow(self.tr("Layers"), self.layers)
        form.addRow("", self.bidirectional)
        form.addRow(self.tr("Batch size"), self.batch)
        form.addRow(self.tr("Steps"), self.steps)
        return group

    def _training_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Training"))
        form = QFormLayout(group)
        self.optimizer = QComboBox()
        self.optimizer.addItems(OPTIMIZERS)
        self.optimizer.setToolTip(self.tr("The optimizer every cell uses"))
        self.lr = LogSlider(1e-5, 1.0, 0.01)
        self.lr.setToolTip(self.tr("Learning rate (log scale); applies at once"))
        self.clip = OptionalNumber(self.tr("clip at"), 1.0, 1.0, 0.01, 100.0)
        self.clip.setToolTip(self.tr("Global gradient-norm clipping; applies at once"))
        self.init = QComboBox()
        self.init.addItems(INITS)
        self.init.setToolTip(self.tr("Initialisation of the recurrent weights"))
        self.forget_bias = OptionalNumber(self.tr("bias"), 1.0, 1.0, -5.0, 5.0)
        self.forget_bias.setToolTip(self.tr("Summed forget-gate bias of cells that have one "
                                            "(off: torch's default initialisation)"))
        self.seed = _spin(0, 2**31 - 1, 0, self.tr("Same seed, same batches, same numbers"))
        self.dtype = QComboBox()
        self.dtype.addItems(DTYPES)
        self.dtype.setToolTip(self.tr("float32 flushes values below ~1e-38 to 0; float64 shows "
                                      "how far the gradient really falls (slower)"))
        form.addRow(self.tr("Optimizer"), self.optimizer)
        form.addRow(self.tr("Learning rate"), self.lr)
        form.addRow(self.tr("Clipping"), self.clip)
        form.addRow(self.tr("Init"), self.init)
        form.addRow(self.tr("Forget gate"), self.forget_bias)
        form.addRow(self.tr("Seed"), self.seed)
        form.addRow(self.tr("Precision"), self.dtype)
        return group

    def _connect(self) -> None:
        self.task.currentIndexChanged.connect(self._on_task_changed)
        self.spec_edited.connect(self._update_sizes)
        for spin in (self.length, self.hidden, self.layers, self.batch, self.steps, self.seed):
            spin.valueChanged.connect(self.spec_edited)
        for combo in (self.optimizer, self.init, self.dtype):
            combo.currentIndexChanged.connect(self.spec_edited)
        self.bidirectional.toggled.connect(self.spec_edited)
        self.forget_bias.value_changed.connect(self.spec_edited)
        self.cells.selection_changed.connect(self.spec_edited)
        self.lr.value_changed.connect(self.lr_changed)
        self.clip.value_changed.connect(self.clip_changed)

    # ---- task options ----------------------------------------------------------------
    def _on_task_changed(self) -> None:
        self._build_task_options({})
        self.spec_edited.emit()

    def _build_task_options(self, values: dict) -> None:
        """One input per option of the chosen task (besides the length)."""
        for widget in self._option_widgets.values():
            self.task_form.removeRow(widget)
        self._option_widgets = {}
        for option in TASKS[self.task.currentData()].options():
            if option.name != "length":
                widget = self._option_widget(option, values.get(option.name, option.default))
                self._option_widgets[option.name] = widget
                self.task_form.addRow(option.name.replace("_", " ").capitalize(), widget)

    def _option_widget(self, option: Field, value) -> QWidget:
        low, high = option.metadata.get("min"), option.metadata.get("max")
        if isinstance(option.default, bool):
            widget = QCheckBox()
            widget.setChecked(bool(value))
            widget.toggled.connect(self.spec_edited)
        elif isinstance(option.default, int):
            widget = _spin(int(low if low is not None else -10**9),
                           int(min(high, MAX_LENGTH) if high is not None else 10**9), int(value), "")
            widget.valueChanged.connect(self.spec_edited)
        else:
            widget = QDoubleSpinBox()
            widget.setDecimals(3)
            widget.setSingleStep(0.01)
            widget.setRange(low if low is not None else -1e9, high if high is not None else 1e9)
            widget.setValue(float(value))
            widget.valueChanged.connect(self.spec_edited)
        widget.setToolTip(option.metadata.get("help", ""))
        return widget

    def _option_values(self) -> dict:
        """The task options that differ from their defaults (as the CLI writes them)."""
        defaults = {f.name: f.default for f in TASKS[self.task.currentData()].options()}
        values = {}
        for name, widget in self._option_widgets.items():
            value = widget.isChecked() if isinstance(widget, QCheckBox) else widget.value()
            if value != defaults[name]:
                values[name] = value
        return values

    def _update_sizes(self) -> None:
        """Parameter counts depend on the task's input/output sizes and the model sizes."""
        try:
            task = make_task(self.task.currentData(), self.length.value(), **self._option_values())
        except ValueError:
            return
        self.cells.update_sizes((task.input_size, self.hidden.value(), task.output_size,
                                 self.layers.value(), self.bidirectional.isChecked()))

    # ---- the spec ----------------------------------------------------------------
    def set_cell_records(self, records: list[CellRecord]) -> None:
        """Refresh the cell checklist (e.g. after a plugin file changed)."""
        self.cells.set_cell_records(records)

    def spec(self) -> RunSpec:
        """The comparison the controls describe; raises ValueError if it is not valid."""
        return RunSpec(
            task=self.task.currentData(), length=self.length.value(),
            task_options=self._option_values(), cells=tuple(self.cells.checked_names()),
            steps=self.steps.value(), hidden=self.hidden.value(), layers=self.layers.value(),
            bidirectional=self.bidirectional.isChecked(), batch=self.batch.value(),
            optimizer=self.optimizer.currentText(), lr=self.lr.value(), clip=self.clip.value(),
            init=self.init.currentText(), forget_bias=self.forget_bias.value(),
            seed=self.seed.value(), dtype=self.dtype.currentText(), plugins=self.plugins)

    def set_spec(self, spec: RunSpec) -> None:
        """Show ``spec`` in the controls (a preset, an opened run, the command line)."""
        self.plugins = spec.plugins
        widgets = [self.task, self.length, self.hidden, self.layers, self.bidirectional, self.batch,
                   self.steps, self.optimizer, self.init, self.seed, self.dtype, self.lr,
                   self.clip, self.forget_bias, self.cells]
        for widget in widgets:
            widget.blockSignals(True)
        self.task.setCurrentIndex(max(0, self.task.findData(spec.task)))
        self._build_task_options(spec.task_options)
        self.length.setValue(min(spec.length, MAX_LENGTH))
        self.hidden.setValue(spec.hidden)
        self.layers.setValue(spec.layers)
        self.bidirectional.setChecked(spec.bidirectional)
        self.batch.setValue(spec.batch)
        self.steps.setValue(spec.steps)
        self.optimizer.setCurrentText(spec.optimizer)
        self.init.setCurrentText(spec.init)
        self.seed.setValue(spec.seed)
        self.dtype.setCurrentText(spec.dtype)
        self.lr.set_value(spec.lr)
        self.clip.set_value(spec.clip)
        self.forget_bias.set_value(spec.forget_bias)
        for widget in widgets:
            widget.blockSignals(False)
        self.cells.set_checked(spec.cells)
        self._update_sizes()

    def show_notice(self, text: str) -> None:
        """A one-line warning above the controls (empty: hide it)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
