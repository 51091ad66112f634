"""What a crawl remembers between runs: the store protocol, SQLite and Redis backends, and
the recovery of runs that were killed before they finished."""
