"""Benchmarks of transdesk: alignment quality and speed (not tests; figures to report)."""
