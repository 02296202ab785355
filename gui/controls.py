"""The control panel: everything that defines a comparison, as one ``RunSpec``.

The controls are built from the table in ``spec_fields``; this module adds
only what the table cannot say: the task (built-ins at once, task plugins
once discovery has checked them: ``set_task_records``) and its options, the cell
checklist, the fields carried through unseen, and how controls depend on
each other. Learning rate and clipping apply to a running comparison at
once; any other change needs new models, so the panel says "press Reset to
apply" instead of silently restarting a run a lecturer is talking over.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from plots.theme import THEME
from plugin_host import CellRecord
from plugin_host.task_messages import OptionMessage
from plugin_host.task_records import TaskRecord
from tasks import TASKS, make_task
from training.spec import RunSpec

from .cell_list import CellChecklist
from .field_editors import Editor, build_editor, clamp, translate
from .spec_fields import CARRIED, FIELDS, GROUPS, TASK, Kind, SpecField, task_option_field
from .task_words import task_text


class ControlPanel(QWidget):
    """Edits a ``RunSpec``; emits ``spec_edited`` when anything changes.

    Each table field's widget is also an attribute named after the field
    (``panel.lr``, ``panel.hidden``), for the window and for tests.
    """

    spec_edited = Signal()
    lr_changed = Signal(float)
    clip_changed = Signal(object)

    def __init__(self, spec: RunSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.cuda_available = False  # until ``show_gpu`` (``gpu_probe``: torch is not imported here)
        self.editors: dict[str, Editor] = {}
        self._option_editors: dict[str, Editor] = {}
        self._carried: dict[str, Any] = {}
        self._plugin_tasks: dict[str, TaskRecord] = {}  # usable task plugins, by name
        self._wanted_task: str | None = None  # a spec's plugin task, until discovery offers it
        self._wanted_options: dict[str, Any] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.apply_theme()
        self.notice.setVisible(False)
        layout.addWidget(self.notice)
        self.forms = {group: self._group(group, layout) for group in GROUPS}
        self.task_form = self.forms[TASK]
        self.task = self._task_combo()
        self.task_form.addRow(self.tr("Task"), self.task)
        cells_group = QGroupBox(self.tr("Cells"))
        self.cells = CellChecklist()
        QVBoxLayout(cells_group).addWidget(self.cells)
        layout.insertWidget(layout.indexOf(self.task_form.parentWidget()) + 1, cells_group, 1)
        for field in FIELDS:
            self._add_editor(field)
        self.set_spec(spec)
        self._connect()

    # ---- building ------------------------------------------------------------------
    def _group(self, title: str, layout: QVBoxLayout) -> QFormLayout:
        group = QGroupBox(translate(title))
        layout.addWidget(group)
        return QFormLayout(group)

    def _task_combo(self) -> QComboBox:
        combo = QComboBox()
        for name, task_class in TASKS.items():
            combo.addItem(task_text(name), name)  # shown translated, kept by its key
            combo.setItemData(combo.count() - 1, task_text(task_class.description),
                              Qt.ItemDataRole.ToolTipRole)
        combo.setToolTip(self.tr("The long-dependency problem the cells must solve"))
        return combo

    def _add_editor(self, field: SpecField) -> None:
        editor = build_editor(field)
        self.editors[field.name] = editor
        setattr(self, field.name, editor.widget)
        label = "" if field.kind is Kind.CHECK else translate(field.label)
        self.forms[field.group].addRow(label, editor.widget)

    def _connect(self) -> None:
        """Every control says the spec changed, except the two that apply live."""
        live = {"lr": self.lr_changed, "clip": self.clip_changed}
        for name, editor in self.editors.items():
            editor.changed.connect(live.get(name, self.spec_edited))
        self.task.currentIndexChanged.connect(self._on_task_changed)
        self.cells.selection_changed.connect(self.spec_edited)
        self.spec_edited.connect(self._update_sizes)
        self.spec_edited.connect(self._update_dependents)

    # ---- task options ----------------------------------------------------------------
    def _on_task_changed(self) -> None:
        self._build_task_options({})
        self.spec_edited.emit()

    def _build_task_options(self, values: dict) -> None:
        """One control per option of the chosen task (besides the length)."""
        for editor in self._option_editors.values():
            self.task_form.removeRow(editor.widget)
        self._option_editors = {}
        for option in self._task_options():
            if option.name != "length":
                field = task_option_field(option)
                field = dataclasses.replace(field, label=task_text(field.label),
                                            tooltip=task_text(field.tooltip))
                editor = build_editor(field)
                editor.set_value(clamp(field, values.get(option.name, option.default)))
                editor.changed.connect(self.spec_edited)
                self._option_editors[option.name] = editor
                self.task_form.addRow("" if field.kind is Kind.CHECK else field.label, editor.widget)

    def _task_options(self) -> list[OptionMessage]:
        """The chosen task's options: a built-in's from its class, a plugin's from its record."""
        name = self.task.currentData()
        if name in self._plugin_tasks:
            return list(self._plugin_tasks[name].options)
        return [OptionMessage.of(option) for option in TASKS[name].options()]

    def set_task_records(self, records: list[TaskRecord]) -> None:
        """Offer the usable task plugins after the built-ins (after discovery,
        and again when a plugin file changes), keeping the chosen task when it
        is still there; ``wanted`` (a spec's task shown before its plugin was
        checked) is chosen once it comes."""
        current = self._wanted_task or self.task.currentData()
        self._plugin_tasks = {record.name: record for record in records
                              if record.usable and record.spec_source and record.name not in TASKS}
        self.task.blockSignals(True)
        try:
            while self.task.count() > len(TASKS):
                self.task.removeItem(self.task.count() - 1)
            for name, record in self._plugin_tasks.items():
                self.task.addItem(name, name)  # a plugin's own words, shown as they are
                self.task.setItemData(self.task.count() - 1, record.description, Qt.ItemDataRole.ToolTipRole)
            index = self.task.findData(current)
            changed = index < 0 or index != self.task.currentIndex()
            self.task.setCurrentIndex(max(0, index))
        finally:
            self.task.blockSignals(False)
        if index >= 0:
            self._wanted_task = None
        if changed:
            self._build_task_options(self._wanted_options)
            self.spec_edited.emit()

    def _option_values(self) -> dict:
        """The task options that differ from their defaults (as the CLI writes them)."""
        values = {name: editor.value() for name, editor in self._option_editors.items()}
        return {name: value for name, value in values.items()
                if value != self._option_editors[name].field.default}

    # ---- how controls depend on each other ---------------------------------------------
    def _update_sizes(self) -> None:
        """Parameter counts depend on the task's input/output sizes and the model sizes."""
        values = self._values()
        plugin = self._plugin_tasks.get(self.task.currentData())
        try:  # a plugin's sizes at its defaults (its code never runs here): sizes rarely follow options
            task = plugin.facts if plugin else make_task(self.task.currentData(), values["length"],
                                                         **self._option_values())
        except ValueError:
            return
        if task is None:
            return
        self.cells.update_sizes((task.input_size, values["hidden"], task.output_size,
                                 values["layers"], values["bidirectional"]))

    def show_gpu(self, available: bool) -> None:
        """Whether torch sees a GPU: the device control is offered only then."""
        self.cuda_available = available
        self._update_dependents()

    def _update_dependents(self) -> None:
        """Dropout acts only between stacked layers. The device row shows when
        PyTorch finds a GPU, or when a spec asks for one this machine lacks,
        so that it can be seen and switched back to cpu."""
        values = self._values()
        self.editors["dropout"].widget.setEnabled(values["layers"] > 1)
        device = self.editors["device"].widget
        self.forms[self.editors["device"].field.group].setRowVisible(
            device, self.cuda_available or values["device"] != "cpu")

    # ---- the spec ----------------------------------------------------------------
    def _values(self) -> dict[str, Any]:
        return {name: editor.value() for name, editor in self.editors.items()}

    @property
    def plugins(self) -> tuple[str, ...]:
        """The plugin folders of the last spec shown (no control: carried through)."""
        return self._carried["plugins"]

    def set_cell_records(self, records: list[CellRecord]) -> None:
        """Refresh the cell checklist (e.g. after a plugin file changed)."""
        self.cells.set_cell_records(records)

    def spec(self) -> RunSpec:
        """The comparison the controls describe; raises ValueError if it is not valid."""
        plugin = self._plugin_tasks.get(self.task.currentData())
        return RunSpec(task=self.task.currentData(), task_options=self._option_values(),
                       task_source=plugin.spec_source if plugin else (),
                       cells=tuple(self.cells.checked_names()), **self._values(), **self._carried)

    def set_spec(self, spec: RunSpec) -> None:
        """Show ``spec`` in the controls (a preset, an opened run, the command line).

        A value beyond a control's range (a CLI run's seed 2**40, say) is shown
        clamped, with a notice naming it; the signals are unblocked whatever happens."""
        self._carried = {name: getattr(spec, name) for name in CARRIED}
        widgets = [self.task, self.cells, *(editor.widget for editor in self.editors.values())]
        clamped = []
        for widget in widgets:
            widget.blockSignals(True)
        try:
            found = self.task.findData(spec.task)
            waiting = found < 0  # a task plugin, not checked yet (or not there: the window says so)
            self._wanted_task = spec.task if waiting else None
            self._wanted_options = spec.task_options if waiting else {}
            self.task.setCurrentIndex(max(0, found))
            self._build_task_options(spec.task_options if found >= 0 else {})
            for name, editor in self.editors.items():
                value = getattr(spec, name)
                shown = clamp(editor.field, value)
                editor.set_value(shown)
                if shown != value:
                    clamped.append(f"{translate(editor.field.label)} {value} → {shown}")
        finally:
            for widget in widgets:
                widget.blockSignals(False)
        self.cells.set_checked(spec.cells)
        self._update_sizes()
        self._update_dependents()
        self.show_notice(self.tr("Beyond this window's range, shown as: {0}").format("; ".join(clamped))
                         if clamped else "")

    def apply_theme(self) -> None:
        """The notice in the warning colour of the theme in use."""
        self.notice.setStyleSheet(f"color: {THEME.colours.warning}; font-weight: bold;")

    def show_notice(self, text: str) -> None:
        """A one-line warning above the controls (empty: hide it)."""
        self.notice.setText(text)
        self.notice.setVisible(bool(text))
