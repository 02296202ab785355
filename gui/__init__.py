"""GateLab's Qt layer: the window, its panels and figures."""
