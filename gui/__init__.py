"""GateLab's Qt layer: the window and everything a lecturer sees.

The window (``main_window``) is assembled from tables rather than by hand:
the controls from one table of ``RunSpec`` fields (``spec_fields``,
``field_editors``, ``controls``), the plots from one registry of panels
(``panels.registry``). Training runs in worker processes driven by
``session``; ``redraw`` draws the newest reports on a timer and never computes
gradients. Every error (an uncaught exception, a view that fails to draw, a
failed cell, a broken plugin) goes to one notification bar
(``notifications``, ``notification_feeds``, ``notification_bar``). ``flags``,
``identity`` and ``i18n`` start the application; ``identity`` holds the names
and paths and imports no Qt."""
