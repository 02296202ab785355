"""Help on every view: what it shows, how to read it, what to look for.

A student who joins a lecture late sees four plots and a table and no one
to ask. Each plot panel's "?" button and the Help menu open the same text,
kept here in one table so that the button, the menu and the catalogue
(lupdate reads the ``QT_TRANSLATE_NOOP`` marks in the "PlotHelp" context)
cannot drift apart. The texts are plain sentences, without markup, so that a
translator never has to keep tags in step; the dialog adds the headings.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QToolButton, QVBoxLayout, QWidget

from plots.theme import THEME

CONTEXT = "PlotHelp"


def translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@dataclass(frozen=True)
class HelpTopic:
    """One view's help, as English source strings (translated when shown)."""

    key: str
    title: str
    shows: str
    read: str
    look: str

    def html(self) -> str:
        """The help as rich text in the interface's language."""
        parts = [f"<h3>{escape(translate(self.title))}</h3>"]
        for heading, text in ((HEADINGS[0], self.shows), (HEADINGS[1], self.read), (HEADINGS[2], self.look)):
            parts.append(f"<p><b>{escape(translate(heading))}</b> {escape(translate(text))}</p>")
        return "".join(parts)


HEADINGS = (QT_TRANSLATE_NOOP("PlotHelp", "What it shows."),
            QT_TRANSLATE_NOOP("PlotHelp", "How to read it."),
            QT_TRANSLATE_NOOP("PlotHelp", "What to look for."))

TOPICS: dict[str, HelpTopic] = {topic.key: topic for topic in (
    HelpTopic(
        "gradient_time",
        QT_TRANSLATE_NOOP("PlotHelp", "Gradient through time"),
        QT_TRANSLATE_NOOP("PlotHelp",
                          "For every cell, how large the gradient of the loss is with respect to the "
                          "state at each time step, ‖∂ℓ/∂h_t‖: how much of the error signal "
                          "backpropagation through time (BPTT) carries back to step t. The selector "
                          "switches to the second state c_t (LSTM), to the input x_t, or to the final "
                          "state's sensitivity ‖∂h_T/∂h_t‖: how much the last state h_T still changes "
                          "when the state at step t changes (the Frobenius norm of the Jacobian, root mean "
                          "square over examples; exact for a hidden size up to 16, else estimated from 4 "
                          "random probe vectors per example, within about 12 per cent at a batch of 32: a "
                          "small fraction of one step of the log scale)."),
        QT_TRANSLATE_NOOP("PlotHelp",
                          "Time step t runs along the bottom, from the first input (t = 1) to the last "
                          "(t = T), where the loss is. The y axis is logarithmic: each labelled step is a "
                          "factor of 10. The faint curve is training step 1, the strong one the newest "
                          "step. A dashed line at the bottom marks exact zeros (below float precision)."),
        QT_TRANSLATE_NOOP("PlotHelp",
                          "The vanishing gradient: the RNN's curve falls by orders of magnitude towards "
                          "t = 1, so its early inputs hardly change its weights and it cannot learn the "
                          "long-term dependency. The LSTM's and GRU's curves stay much flatter and rise "
                          "as they learn. A curve that climbs towards t = 1 instead is an exploding "
                          "gradient (presets 7 and 8). ‖∂h_T/∂h_t‖ does not involve the loss: it is the "
                          "memory of the dynamics alone. ‖∂ℓ/∂h_t‖ also depends on where the task reads "
                          "the outputs and on how well the cell is trained (a solved task sends back "
                          "little error), so a small ‖∂ℓ/∂h_t‖ may mean a well-trained cell, while a "
                          "small ‖∂h_T/∂h_t‖ always means that the final state has forgotten step t."),
    ),
    HelpTopic(
        "gradient_history",
        QT_TRANSLATE_NOOP("PlotHelp", "Gradient history"),
        QT_TRANSLATE_NOOP("PlotHelp",
                          "The same gradient norm ‖∂ℓ/∂h_t‖ over the whole training: one heatmap per "
                          "cell, one row per recorded training step, one column per time step t."),
        QT_TRANSLATE_NOOP("PlotHelp",
                          "The colour is log₁₀ of the norm on one scale for all cells (the bar on the "
                          "right): bright is large, dark is small. Time step t runs from left to right; "
                          "the vertical axis counts training steps."),
        QT_TRANSLATE_NOOP("PlotHelp",
                          "A dark left side of the RNN's map that stays dark: its gradient never reaches "
                          "the early time steps. A gated cell's map brightens on the left as it learns to "
                          "carry the gradient back. A sudden change from one row to the next marks a jump "
                          "in training, such as a divergence."),
    ),
    HelpTopic(
        "loss",
        QT_TRANSLATE_NOOP("PlotHelp", "Loss and metric"),
        QT_TRANSLATE_NOOP("PlotHelp",
                          "The training loss of every cell (top) and the task's metric, mostly accuracy "
                          "(bottom), on the same batches. The dashed lines are the chance level: what an "
                          "answer that remembers nothing scores."),
        QT_TRANSLATE_NOOP("PlotHelp",
                          "The x axis counts training steps, or seconds since Start (View menu, Time "
                          "axis, key T): seconds compare cells that train at different speeds fairly. "
                          "Lower loss is better, higher accuracy is better."),
        QT_TRANSLATE_NOOP("PlotHelp",
                          "A cell that stays on the dashed line has learned nothing of the long-term "
                          "dependency, like the RNN at T = 100. A cell far below it remembers: the "
                          "comparison table counts a cell as solved once its mean loss over 25 recorded "
                          "steps is below half the chance level. Watch when each cell leaves the line, "
                          "not only where it ends."),
    ),
    HelpTopic(
        "gates",
        QT_TRANSLATE_NOOP("PlotHelp", "Gates"),
        QT_TRANSLATE_NOOP("PlotHelp",
                          "The mean activation of each gate of one cell (chosen above the plot) along the "
                          "sequence, at the newest captured training step, and the cell's update "
                          "equations beneath."),
        QT_TRANSLATE_NOOP("PlotHelp",
                          "Time step t runs along the bottom; a gate's value lies between 0 (closed) and "
                          "1 (open), averaged over the batch and the hidden units. The plain RNN has no "
                          "gates."),
        QT_TRANSLATE_NOOP("PlotHelp",
                          "The LSTM's forget gate near 1 keeps its cell state, and with it the memory, "
                          "across many steps. Careful with the GRU's update gate z: GateLab, like torch, "
                          "writes h_t = (1 − z_t) ⊙ n_t + z_t ⊙ h_(t−1), so z near 1 keeps the old state; "
                          "many lecture notes use the complement, 1 − z."),
    ),
    HelpTopic(
        "gate_history",
        QT_TRANSLATE_NOOP("PlotHelp", "Gate history"),
        QT_TRANSLATE_NOOP("PlotHelp",
                          "The gates of one cell (chosen above the plot) over the whole training: one "
                          "heatmap per gate, one row per recorded training step, one column per time "
                          "step t; the colour is the gate's mean activation over the batch and the units."),
        QT_TRANSLATE_NOOP("PlotHelp",
                          "Dark is closed (0), bright is open (1), on one scale for every gate. The "
                          "vertical axis counts training steps; the dashed line is the timeline's step, "
                          "whose curves the Gates panel shows."),
        QT_TRANSLATE_NOOP("PlotHelp",
                          "Watch the LSTM's forget gate brighten as it learns to keep its cell state "
                          "across the sequence, and the rows change where the loss leaves the chance "
                          "level. A map that never changes belongs to a cell that learns nothing."),
    ),
    HelpTopic(
        "state_magnitude",
        QT_TRANSLATE_NOOP("PlotHelp", "State magnitude"),
        QT_TRANSLATE_NOOP("PlotHelp",
                          "How large each cell's state is along the sequence: the norm ‖s_t‖ of every "
                          "example's state vector, averaged over the batch, for the state chosen above "
                          "the plot (the hidden state h_t, the LSTM's cell state c_t, or any state a "
                          "plugin cell declares)."),
        QT_TRANSLATE_NOOP("PlotHelp",
                          "Time step t runs along the bottom. The faint curve is training step 1, the "
                          "strong one the newest step (or the timeline's). The axes stay fixed while the "
                          "timeline moves. Runs saved before GateLab recorded it say so."),
        QT_TRANSLATE_NOOP("PlotHelp",
                          "The tanh RNN's and GRU's ‖h_t‖ cannot exceed √H. The LSTM's ‖c_t‖ has no "
                          "such bound: while its forget gate stays near 1 it adds up what it is told to "
                          "keep, so a growing ‖c_t‖ is its memory at work."),
    ),
    HelpTopic(
        "table",
        QT_TRANSLATE_NOOP("PlotHelp", "Comparison table"),
        QT_TRANSLATE_NOOP("PlotHelp",
                          "One row per cell: parameters, training steps, speed, the newest loss and "
                          "metric, the time spent training, the time to solve the task, and the status."),
        QT_TRANSLATE_NOOP("PlotHelp",
                          "Training time is the time the cell's own steps took. A cell has solved the "
                          "task at the first step at which its mean loss over the last 25 recorded steps "
                          "is below half the chance level; the table gives the seconds since Start and "
                          "that step. Hover over a status to read why a cell failed."),
        QT_TRANSLATE_NOOP("PlotHelp",
                          "Parameters and speed are what a cell costs, solving is what it buys: the GRU "
                          "has about three quarters of the LSTM's parameters; does it solve the task as "
                          "soon?"),
    ),
)}


class HelpDialog(QDialog):
    """A non-modal window with one or more topics: it can stay open beside
    the plots while the run goes on."""

    def __init__(self, topics: list[HelpTopic], parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(translate(topics[0].title) if len(topics) == 1
                            else QCoreApplication.translate("PlotHelp", "Help on the plots"))
        self.browser = QTextBrowser()
        font = QFont(self.browser.font())
        font.setPointSize(THEME.font_size())
        self.browser.setFont(font)
        self.browser.setHtml("".join(topic.html() for topic in topics))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(round(560 * THEME.scale), round(420 * THEME.scale))


def show_help(parent: QWidget, keys: list[str] | None = None) -> HelpDialog:
    """Open the help on ``keys`` (default: every view) beside ``parent``."""
    topics = [TOPICS[key] for key in keys] if keys else list(TOPICS.values())
    dialog = HelpDialog(topics, parent.window())
    dialog.show()
    return dialog


def help_button(parent: QWidget, key: str) -> QToolButton:
    """The "?" in a panel's header. It takes no keyboard focus, so that Space
    keeps starting and pausing training instead of pressing it."""
    button = QToolButton(parent)
    button.setText("?")
    button.setAccessibleName(QCoreApplication.translate("PlotHelp", "Help on this plot"))
    button.setToolTip(QCoreApplication.translate(
        "PlotHelp", "What this plot shows, how to read it and what to look for"))
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setAutoRaise(True)
    font = QFont(button.font())
    font.setPointSize(THEME.font_size(1.1))
    font.setBold(True)
    button.setFont(font)
    button.clicked.connect(lambda: show_help(parent, [key]))
    return button
