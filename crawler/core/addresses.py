"""Which addresses the crawler may connect to: public ones, and the hosts an operator allows.

The rule is trafilatura 2.3's (`downloads._vet_peer`): an address is allowed when
`ipaddress` calls it global, IPv4-mapped IPv6 being read as the IPv4 address it maps.
`ALLOWED_PRIVATE_HOSTS` lists host names or addresses that may be private anyway (the demo,
tests and benchmarks run on loopback): a listed name allows whatever it resolves to, a listed
address allows that address under any name, a listed network (`10.0.0.0/8`) every address in
it.

Pure, so the crawl (crawler.integration.ssrf, at connect time in Twisted) and the operator
commands (crawler.cli.fetch, at connect time in http.client) apply the same policy.
"""

from __future__ import annotations

import ipaddress
import re
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


# A host name as a URL carries it: letters, digits and hyphens between dots (after IDNA).
_HOST_NAME = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)(\.(?!-)[a-z0-9_-]{1,63}(?<!-))*$")


def allowed_entry(text: str) -> str | ipaddress.IPv4Network | ipaddress.IPv6Network:
    """One ALLOWED_PRIVATE_HOSTS entry: a network, else an address or a host name in the
    form requests carry; ValueError for anything else (`127.0.0.1/33`, `[not json`), which
    allowed nothing and made every page a `blocked_address` reject (audit 25)."""
    if "/" in text:
        try:
            return ipaddress.ip_network(text.strip().strip("[]"), strict=False)
        except ValueError:
            raise ValueError(f"{text!r} is no network such as 10.0.0.0/8") from None
    host = normal_host(text)
    if ip_or_none(host) is None and not _HOST_NAME.match(host):
        raise ValueError(f"{text!r} is no host name, address or network")
    return host


@dataclass(frozen=True)
class AddressPolicy:
    allowed: frozenset[str] = frozenset()  # normalized host names and addresses
    networks: tuple = ()  # ipaddress networks

    @classmethod
    def from_hosts(cls, entries: Iterable[str]) -> AddressPolicy:
        """The policy of the valid entries (the crawl refuses to start on an invalid one)."""
        names, networks = set(), []
        for entry in (entry for entry in entries if entry.strip()):
            try:
                parsed = allowed_entry(entry)
            except ValueError:
                continue
            if isinstance(parsed, str):
                names.add(parsed)
            else:
                networks.append(parsed)
        return cls(frozenset(names), tuple(networks))

    @classmethod
    def from_settings(cls, settings) -> AddressPolicy:
        return cls.from_hosts(settings.getlist("ALLOWED_PRIVATE_HOSTS"))

    def allows(self, host: str, address: str) -> bool:
        return (
            is_public(address)
            or normal_host(host) in self.allowed
            or normal_host(address) in self.allowed
            or self._in_networks(address)
        )

    def _in_networks(self, address: str) -> bool:
        ip = ip_or_none(address) if self.networks else None
        return ip is not None and any(ip in network for network in self.networks)
