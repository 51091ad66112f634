"""Twisted's GAIResolver leaves a name unanswered when getaddrinfo raises anything but
gaierror (crawler.compat.twisted_resolver): the upstream behaviour and ours."""

from __future__ import annotations

import socket

import pytest
from scrapy.resolver import dnscache
from twisted.internet._resolver import GAIResolver
from twisted.internet.test.test_resolver import (
    JustEnoughReactor,
    deterministicPool,
    deterministicReactorThreads,
)

from crawler.compat import twisted_resolver
from crawler.core.addresses import AddressPolicy
from crawler.integration.ssrf import SafeResolver


class Receiver:
    def __init__(self):
        self.began, self.addresses, self.completed = False, [], False

    def resolutionBegan(self, resolution):  # noqa: N802 (Twisted's interface)
        self.began = True

    def addressResolved(self, address):  # noqa: N802
        self.addresses.append(address)

    def resolutionComplete(self):  # noqa: N802
        self.completed = True


def resolve(resolver_for, host: str) -> Receiver:
    reactor, run_reactor = deterministicReactorThreads()
    pool, run_thread = deterministicPool()
    receiver = Receiver()
    resolver_for(reactor, pool).resolveHostName(receiver, host)
    run_thread()
    run_reactor()
    return receiver


def stock(reactor, pool):
    return GAIResolver(reactor, lambda: pool, socket.getaddrinfo)


def ours(reactor, pool):
    return twisted_resolver.completing_resolver(reactor, stock(reactor, pool))


def test_upstream_a_name_idna_refuses_is_never_answered():
    with pytest.raises(UnicodeError):
        socket.getaddrinfo(".", 80)
    receiver = resolve(stock, ".")
    assert receiver.began and not receiver.completed  # the connection waits for its timeout


@pytest.mark.parametrize("host", [".", "..", "a..b", "n" * 64 + ".example"])
def test_a_name_getaddrinfo_raises_on_resolves_to_nothing(host, caplog):
    receiver = resolve(ours, host)
    assert receiver.completed and receiver.addresses == []  # DNSLookupError: dns_error
    assert "not resolved" in caplog.text


def test_a_name_that_resolves_is_untouched():
    receiver = resolve(ours, "127.0.0.1")
    assert receiver.completed and receiver.addresses


def test_another_installed_resolver_is_kept():
    other = object()
    assert twisted_resolver.completing_resolver(None, other) is other


def test_the_crawl_resolver_resolves_through_ours():
    # Scrapy's CachingHostnameResolver sets the limit of its module-wide `dnscache` as it is
    # built: a size of 0 here emptied the cache of every later test (test_politeness's).
    limit = dnscache.limit
    try:
        resolver = SafeResolver(JustEnoughReactor(), limit, AddressPolicy.from_hosts([]))
    finally:
        dnscache.limit = limit
    assert resolver.original_resolver._getaddrinfo is twisted_resolver.getaddrinfo_or_no_answer
