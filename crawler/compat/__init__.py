"""Every use of a dependency's private internals, one module (or package) per dependency.

Each module states the version range it was written against and checks it when imported
(crawler.compat.versions): outside the range it warns once and, where a stock behaviour
exists, falls back to it. Code outside this package uses only public API.
"""
