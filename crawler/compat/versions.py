"""Version guards for the modules that reach into a dependency's internals.

Each compat module names the release range it was written and tested against. Outside it,
the reach may silently change our output, so the guard logs one warning per dependency and
the module falls back to the library's stock behaviour where one exists.
docs/upgrading.md is the checklist for widening a range.
"""

from __future__ import annotations

import logging
from functools import cache
from importlib.metadata import PackageNotFoundError, version

from packaging.version import Version

logger = logging.getLogger(__name__)


@cache
def supported(distribution: str, minimum: str, below: str) -> bool:
    """True when `minimum <= installed < below`; otherwise warns once and returns False."""
    try:
        installed = version(distribution)
    except PackageNotFoundError:
        return False
    if Version(minimum) <= Version(installed) < Version(below):
        return True
    logger.warning(
        "%s %s is outside the range crawler.compat was written for (>=%s, <%s): "
        "its private internals are not used; stock behaviour where it exists "
        "(see docs/upgrading.md)",
        distribution,
        installed,
        minimum,
        below,
    )
    return False
