"""Benchmarks and the deterministic synthetic news corpus they (and tests) use."""
