"""`python -m crawler`: the operator commands (crawler.cli.main)."""

import sys

from crawler.cli.main import main

if __name__ == "__main__":
    sys.exit(main())
