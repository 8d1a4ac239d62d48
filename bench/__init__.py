"""Benchmarks and evaluation helpers (not part of the installed package)."""
