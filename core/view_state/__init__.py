"""What the window's views show, without Qt: the data they draw (view_data) and the chart's options
(chart_state). The window binds widgets to these; tests drive them headless."""
