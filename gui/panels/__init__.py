"""The live plot panels; each draws one view of a ``RunRecorder``.

``PANELS`` in ``registry`` lists them with their places in the window."""

from .base import PlotPanel
from .gates import GatesPanel
from .gradient_history import GradientHistoryPanel
from .gradient_time import GradientTimePanel
from .loss import LossPanel
from .registry import BOTTOM, PANELS, TOP, PanelEntry, Place, plot_area

__all__ = ["PlotPanel", "GatesPanel", "GradientHistoryPanel", "GradientTimePanel", "LossPanel",
           "PANELS", "PanelEntry", "Place", "plot_area", "TOP", "BOTTOM"]
