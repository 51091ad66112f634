"""The `python -m crawler` commands: extract, schema, report, enqueue, merge."""
