"""A run directory: its output files and ledger, per-source health, and the report."""
