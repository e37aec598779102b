"""Demo data for `reloop run --demo`."""
