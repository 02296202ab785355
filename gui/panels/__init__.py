"""The live plot panels; each draws one view of a ``RunRecorder``."""

from .base import PlotPanel
from .gates import GatesPanel
from .gradient_history import GradientHistoryPanel
from .gradient_time import GradientTimePanel
from .loss import LossPanel

__all__ = ["PlotPanel", "GatesPanel", "GradientHistoryPanel", "GradientTimePanel", "LossPanel"]
