"""Never request a private, loopback, link-local or reserved address (SSRF), unless allowed.

The address is checked where the connection is made: `SafeResolver` (installed as
TWISTED_DNS_RESOLVER) drops every address a host name resolves to that is not global, so a
public name pointing at 127.0.0.1 is caught, and the connection uses exactly the addresses
that were checked (no DNS-rebinding window). IP-literal URLs (`http://10.0.0.1/`,
`http://[::1]/`) are refused before any connection by `BlockPrivateAddresses`, which also
turns the DNS failure of a refused name into `BlockedAddress`: a reject `blocked_address`.

The rule (crawler.core.addresses, shared with the operator commands): an address is allowed
when it is global, or when `ALLOWED_PRIVATE_HOSTS` lists its host name or the address.
"""

from __future__ import annotations

from scrapy.exceptions import CannotResolveHostError, IgnoreRequest
from scrapy.resolver import CachingHostnameResolver
from scrapy.utils.datatypes import LocalCache
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.error import DNSLookupError
from twisted.internet.interfaces import IResolutionReceiver
from zope.interface import implementer

from crawler.compat.twisted_resolver import completing_resolver
from crawler.core.addresses import AddressPolicy, ip_or_none
from crawler.core.addresses import normal_host as _normal

# host name -> the refused address, for names whose every address was refused; read by the
# middleware to tell a refused name from one that does not exist. One process, one reactor.
_REFUSED: LocalCache[str, str] = LocalCache(10_000)


class BlockedAddress(IgnoreRequest):
    """The request's host is, or resolves to, an address the crawler must not reach."""

    def __init__(self, url: str, host: str, address: str):
        where = address if _normal(host) == address else f"{host} resolves to {address}"
        super().__init__(
            f"{where}: not a public address, not requested "
            f"(to crawl it, allow it with -s ALLOWED_PRIVATE_HOSTS={host})"
        )
        self.url, self.host, self.address = url, host, address


@implementer(IResolutionReceiver)
class _Guard:
    """Passes on only the resolved addresses the policy allows."""

    def __init__(self, receiver, host: str, policy: AddressPolicy):
        self.receiver, self.host, self.policy = receiver, host, policy
        self.passed, self.refused = 0, None

    def resolutionBegan(self, resolution) -> None:  # noqa: N802 (Twisted's interface)
        self.receiver.resolutionBegan(resolution)

    def addressResolved(self, address) -> None:  # noqa: N802
        if self.policy.allows(self.host, address.host):
            self.passed += 1
            self.receiver.addressResolved(address)
        else:
            self.refused = address.host

    def resolutionComplete(self) -> None:  # noqa: N802
        key = self.host.lower()
        if self.refused and not self.passed:
            _REFUSED[key] = self.refused
        else:
            _REFUSED.pop(key, None)
        self.receiver.resolutionComplete()


class SafeResolver(CachingHostnameResolver):
    """Scrapy's caching IPv4/IPv6 resolver, refusing non-public addresses at connect time."""

    def __init__(self, reactor, cache_size: int, policy: AddressPolicy):
        super().__init__(reactor, cache_size)
        self.policy = policy
        # Twisted's resolver left a name that getaddrinfo raised on (not gaierror) unanswered.
        self.original_resolver = completing_resolver(reactor, self.original_resolver)

    @classmethod
    def from_crawler(cls, crawler, reactor) -> SafeResolver:
        settings = crawler.settings
        cache_size = settings.getint("DNSCACHE_SIZE") if settings.getbool("DNSCACHE_ENABLED") else 0
        return cls(reactor, cache_size, AddressPolicy.from_settings(settings))

    def resolveHostName(self, resolutionReceiver, hostName: str, *args, **kwargs):  # noqa: N802, N803
        guard = _Guard(resolutionReceiver, hostName, self.policy)
        return super().resolveHostName(guard, hostName, *args, **kwargs)


class BlockPrivateAddresses:
    """Downloader middleware: IP literals before connecting, refused names after resolving."""

    def __init__(self, policy: AddressPolicy):
        self.policy = policy

    @classmethod
    def from_crawler(cls, crawler) -> BlockPrivateAddresses:
        return cls(AddressPolicy.from_settings(crawler.settings))

    def process_request(self, request):
        host = urlparse_cached(request).hostname or ""
        ip = ip_or_none(host)
        if ip is not None and not self.policy.allows(host, str(ip)):
            raise BlockedAddress(request.url, host, str(ip))
        return None

    def process_exception(self, request, exception):
        if isinstance(exception, CannotResolveHostError | DNSLookupError):
            host = (urlparse_cached(request).hostname or "").lower()
            refused = _REFUSED.get(host)
            if refused is not None:
                raise BlockedAddress(request.url, host, refused) from exception
        return None
