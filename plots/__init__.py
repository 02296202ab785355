"""GateLab's plots: the look (theme: colours, fonts, line widths), the pyqtgraph
styling shared by the live panels, and the static PNG figures of a recorded run.

The window's panels (``gui.panels``) and the CLI's figures (``cli``) both draw
through this package, so a figure looks the same wherever it is made. It uses
Qt and pyqtgraph (offscreen is enough) but no window: the CLI imports it
lazily, only when it writes figures, and the core (cells, tasks, training, the
plugin host) never does.
"""
