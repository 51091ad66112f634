"""Which addresses the crawler may connect to: public ones, and the hosts an operator allows.

The rule is trafilatura 2.3's (`downloads._vet_peer`): an address is allowed when
`ipaddress` calls it global, IPv4-mapped IPv6 being read as the IPv4 address it maps; so
are the other IPv6 forms that carry an IPv4 address (IPv4-compatible, NAT64, 6to4), which
trafilatura and `ipaddress` take for global.
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
    """The address `text` spells; an IPv6 address that carries an IPv4 one, that IPv4."""
    try:
        ip = ipaddress.ip_address(text.strip().strip("[]").split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(ip, ipaddress.IPv6Address):
        return _embedded_ipv4(ip) or ip
    return ip


# IPv6 forms that reach an IPv4 address; `ipaddress` calls all but the mapped one global,
# so `[::7f00:1]` and `[64:ff9b::7f00:1]` were connected to as public (audit 36).
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")  # deprecated (RFC 4291 2.5.5.1)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # the well-known NAT64 prefix (RFC 6052)
# Local-use NAT64 (RFC 8215): not globally reachable, as the IANA registry and newer
# Pythons say; 3.11's ipaddress calls it global. Its embedding depends on the prefix chosen.
_LOCAL_NAT64 = ipaddress.ip_network("64:ff9b:1::/48")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one reaches: IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible
    (::a.b.c.d, but not :: and ::1, which are IPv6's own), NAT64 (64:ff9b::a.b.c.d), 6to4
    (2002:AABB:CCDD::, bits 16 to 48)."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip in _IPV4_COMPATIBLE and int(ip) > 1 or ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return ip.sixtofour


def is_public(address: str) -> bool:
    ip = ip_or_none(address)
    return ip is not None and ip.is_global and not ip.is_multicast and ip not in _LOCAL_NAT64


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
