"""Helpers shared by the test suite and the benchmarks (not shipped with the app)."""
