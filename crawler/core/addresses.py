"""Which addresses the crawler may connect to: public ones, and the hosts an operator allows.

The rule is trafilatura 2.3's (`downloads._vet_peer`): an address is allowed when
`ipaddress` calls it global, IPv4-mapped IPv6 being read as the IPv4 address it maps.
`ALLOWED_PRIVATE_HOSTS` lists host names or addresses that may be private anyway (the demo,
tests and benchmarks run on loopback): a listed name allows whatever it resolves to, a listed
address allows that address under any name.

Pure, so the crawl (crawler.integration.ssrf, at connect time in Twisted) and the operator
commands (crawler.cli.fetch, at connect time in http.client) apply the same policy.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass


def ip_or_none(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        ip = ipaddress.ip_address(text.strip().strip("[]").split("%", 1)[0])
    except ValueError:
        return None
    return getattr(ip, "ipv4_mapped", None) or ip


def is_public(address: str) -> bool:
    ip = ip_or_none(address)
    return ip is not None and ip.is_global and not ip.is_multicast


def normal_host(host: str) -> str:
    """An address as `ipaddress` writes it; a name lowercased, in its ASCII (punycode)
    form, as a request's URL carries it: an operator may list `bücher.test`."""
    ip = ip_or_none(host)
    if ip is not None:
        return str(ip)
    name = host.strip().lower().rstrip(".")
    if name.isascii():
        return name
    try:
        return name.encode("idna").decode("ascii")
    except UnicodeError:  # not a name IDNA can spell: it matches no request's host
        return name


@dataclass(frozen=True)
class AddressPolicy:
    allowed: frozenset[str] = frozenset()  # normalized host names and addresses

    @classmethod
    def from_hosts(cls, entries: Iterable[str]) -> AddressPolicy:
        return cls(frozenset(normal_host(entry) for entry in entries if entry.strip()))

    @classmethod
    def from_settings(cls, settings) -> AddressPolicy:
        return cls.from_hosts(settings.getlist("ALLOWED_PRIVATE_HOSTS"))

    def allows(self, host: str, address: str) -> bool:
        return (
            is_public(address)
            or normal_host(host) in self.allowed
            or normal_host(address) in self.allowed
        )
