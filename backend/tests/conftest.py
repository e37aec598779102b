"""Shared fixtures live in `tests/fixtures/`, loaded by the environment plugin."""
