"""``RunControl``: Start/Pause, Step, Reset and presets, as the keys and
the toolbar drive them, for every state of the session (idle, training,
paused, finished, an opened run).

A mixin of ``MainWindow`` (its own module: what a key does in each state is
one decision table). It expects the window's ``session``, ``controls``,
``timeline``, ``caption``, ``settings`` and ``presets``.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from .presets import Preset
from .session import FINISHED, LOADED, PAUSED, RUNNING, STARTING
from .task_words import task_text

LIVE_SETTINGS = ("lr", "clip")  # applied to a running comparison without Reset


class RunControl(QMainWindow):
    """Run control of the main window (see the module's docstring)."""

    def start_or_pause(self) -> None:
        state = self.session.state
        if state in (RUNNING, STARTING):
            self.session.pause()
        elif state == PAUSED:
            self.session.resume()
        elif state in (FINISHED, LOADED):
            self.timeline.toggle_playback()  # a recording: Space replays it; R then Space trains anew
        else:
            self._start(running=True)

    def step(self) -> None:
        """→: the next recorded step while the timeline is held back (paused,
        finished, opened); at the end of a live run one more trained step;
        at the end of a finished or opened run nothing (no new run by accident)."""
        state = self.session.state
        if state in (PAUSED, FINISHED, LOADED) and not self.timeline.at_end:
            self.timeline.step_by(1)
        elif state in (FINISHED, LOADED):
            return
        elif self.session.live:
            self.session.step_once()
        elif self._start(running=False):
            self.session.step_once()

    def reset(self) -> None:
        self.session.clear()
        self.caption.hide()
        self.controls.show_notice("")
        self.statusBar().clearMessage()

    def _start(self, running: bool) -> bool:
        try:
            spec = self.controls.spec()
            self.session.start(spec, self.controls.cells.sources(), running=running)
        except ValueError as error:  # e.g. an echo delay longer than the sequence
            self.statusBar().showMessage(self.tr("Cannot start: {0}").format(error))
            return False
        self.controls.show_notice("")
        self.caption.show_for(spec)
        self.setWindowTitle(self.tr("GateLab — {0}, T = {1}").format(task_text(spec.task), spec.length))
        return True

    def run_preset(self, preset: Preset) -> bool:
        """Load ``preset`` and start it at once, from any state (a running
        comparison is reset): one key takes a lecture to the next scenario.
        Returns whether it started."""
        self.reset()
        self.apply_preset(preset)
        if preset.file:
            self.settings.set_last_preset(preset.file)
        started = self._start(running=True)
        if started and self.caption.isVisibleTo(self):
            self.statusBar().clearMessage()  # the caption says it in full; the status bar cut it
        return started

    def apply_preset(self, preset: Preset) -> None:
        """Fill the controls; a running comparison keeps going until Reset."""
        spec = preset.spec.replace(plugins=self.controls.plugins)
        self.controls.set_spec(spec)
        self.caption.choose(preset, spec)
        self._on_spec_edited()
        self.statusBar().showMessage(preset.description, 15_000)

    def _on_spec_edited(self) -> None:
        """Say so when the controls no longer describe the comparison on screen."""
        recorder = self.session.recorder
        if recorder is None:
            return
        try:
            edited = self.controls.spec().to_dict()
        except ValueError as error:
            self.controls.show_notice(str(error))
            return
        shown = recorder.spec.to_dict()
        changed = [k for k in edited if k not in LIVE_SETTINGS and edited[k] != shown.get(k)]
        self.controls.show_notice(
            self.tr("Changed settings ({0}) apply after Reset (R).").format(", ".join(changed))
            if changed else "")

    def restore_last_preset(self) -> bool:
        """Load the preset last run into the controls (without starting it),
        so that a lecture continues where it stopped. Returns whether one was."""
        name = self.settings.last_preset()
        preset = next((p for p in self.presets if name and p.file == name), None)
        if preset is None:
            return False
        self.apply_preset(preset)
        return True
