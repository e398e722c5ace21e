"""pyqtgraph widgets: they draw what core computed, they never compute."""
