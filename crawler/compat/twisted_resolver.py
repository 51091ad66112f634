"""A host name that makes the system resolver raise is a name that does not resolve.

Twisted's `GAIResolver` (`twisted.internet._resolver`, the reactor's default name resolver,
which Scrapy's CachingHostnameResolver and our SafeResolver wrap) catches only
`socket.gaierror` around `getaddrinfo`. Python's `getaddrinfo` encodes the name with the
"idna" codec first and raises `UnicodeError` for an empty or overlong label (`http://./x`),
and whatever else it raises: the exception ends Twisted's coroutine as
an "Unhandled error in Deferred", `resolutionComplete` is never called, and the connection
waits for DOWNLOAD_TIMEOUT (a robots.txt request three times over, then the page was a
`robots` skip). Here any exception of `getaddrinfo` is a `gaierror`, which Twisted reads as
no addresses: the endpoint fails with `DNSLookupError`, the reject `dns_error`
(crawler/integration/failures.py), with a warning naming the error. `url_problem`
(crawler.core.canonical) refuses such names before any request; this is the net under it.
"""

from __future__ import annotations

import logging
import socket

from crawler.compat.versions import supported

logger = logging.getLogger(__name__)


def check_version() -> bool:
    return supported("twisted", "25.0.0", "27")


def getaddrinfo_or_no_answer(host, port, family=0, socktype=0, proto=0, flags=0):
    """`socket.getaddrinfo` that raises nothing but `gaierror`."""
    try:
        return socket.getaddrinfo(host, port, family, socktype, proto, flags)
    except socket.gaierror:
        raise
    except Exception as error:  # noqa: BLE001 - whatever it is, the name has no address
        described = f"{type(error).__name__}: {error}"
        logger.warning("Host name %r not resolved: %s", str(host)[:200], described)
        raise socket.gaierror(socket.EAI_NONAME, described) from error


def completing_resolver(reactor, current):
    """A GAIResolver like `current` whose every resolution completes; `current` itself when
    it is not Twisted's stock GAIResolver (another resolver was installed) or Twisted is
    outside the known range."""
    from twisted.internet._resolver import GAIResolver

    if type(current) is not GAIResolver or not check_version():
        return current
    return GAIResolver(reactor, current._getThreadPool, getaddrinfo_or_no_answer)
