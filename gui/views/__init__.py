"""One widget per module: the panels and views of the main window."""
