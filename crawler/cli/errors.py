"""The one error the commands raise for what the operator asked and cannot be done."""


class CommandError(Exception):
    """`python -m crawler` prints "error: <message>" and exits 1: no traceback."""
