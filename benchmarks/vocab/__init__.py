"""Word lists and sentence templates of the synthetic news corpus (all invented)."""
