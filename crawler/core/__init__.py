"""The pure core: bytes and a URL in, an Outcome (a record, or a reason) out.

Nothing here imports Scrapy, Twisted or Redis (tests/test_layout.py checks it), so every
module runs in a plain interpreter, in an extract worker, and in `python -m crawler extract`.
Reaches into a dependency's private internals live in crawler.compat, never here.
"""
