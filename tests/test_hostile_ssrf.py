"""SSRF: private, loopback, link-local and reserved addresses are never requested by default.

Checked on the resolved address at connect time (crawler.ssrf.SafeResolver) and on IP
literals before connecting (crawler.ssrf.BlockPrivateAddresses); a blocked URL is a reject
`blocked_address`. The hostile server counts every request, so "never requested" is checked.
"""

from __future__ import annotations

import pytest
from scrapy.settings import Settings

from crawler.core.addresses import AddressPolicy, is_public
from crawler.integration.failures import classify_failure
from crawler.integration.ssrf import BlockedAddress
from tests.hostile.crawl import assert_accounted, crawl, places
from tests.hostile.server import HostileWeb

METADATA = "http://169.254.169.254/latest/meta-data/"


@pytest.fixture(scope="module")
def web():
    with HostileWeb() as hostile:
        yield hostile


def never(web: HostileWeb, host: str, name: str) -> str:
    """A URL on the live server that must never be reached."""
    return f"http://{host}:{web.port}/ssrf/never/{name}"


def blocked_urls(web: HostileWeb) -> list[str]:
    return [
        never(web, "127.0.0.1", "literal"),
        never(web, "[::1]", "ipv6-loopback"),
        never(web, "[::ffff:127.0.0.1]", "ipv4-mapped"),
        # IPv6 forms carrying 127.0.0.1 that ipaddress calls global (audit 36)
        never(web, "[::7f00:1]", "ipv4-compatible"),
        never(web, "[64:ff9b::7f00:1]", "nat64"),
        never(web, "[2002:7f00:1::]", "6to4"),
        never(web, "2130706433", "decimal"),  # resolves to 127.0.0.1
        never(web, "127.1", "short-form"),
        never(web, "0.0.0.0", "unspecified"),
        METADATA,
        "http://10.0.0.1/",
        "http://192.168.1.1/",
        "http://[fe80::1]/",
    ]


@pytest.fixture(scope="module")
def only_localhost_allowed(web, tmp_path_factory):
    urls = [
        web.url("/ssrf/article", "localhost"),
        web.url("/ssrf/redirect-to-literal", "localhost"),  # -> 127.0.0.1, not allowed here
        *blocked_urls(web),
    ]
    settings = {"ALLOWED_PRIVATE_HOSTS": "localhost"}
    return crawl("urls", tmp_path_factory.mktemp("ssrf-allowed"), {"url": ",".join(urls)}, settings)


@pytest.fixture(scope="module")
def default_policy(web, tmp_path_factory):
    urls = [web.url("/ssrf/article", "localhost"), web.url("/ssrf/article")]
    settings = {"ALLOWED_PRIVATE_HOSTS": ""}  # the runner allows loopback; the default does not
    out = tmp_path_factory.mktemp("ssrf-default")
    # every request is blocked, so the crawl reports that all of them failed (exit code 2)
    return crawl("urls", out, {"url": ",".join(urls)}, settings, exit_code=2)


def reason(result, url: str) -> str:
    ((kind, line),) = places(result, url)
    return line["reason"] if kind == "reject" else kind


def test_a_name_resolving_to_loopback_is_blocked_by_default(default_policy, web):
    assert reason(default_policy, web.url("/ssrf/article", "localhost")) == "blocked_address"
    assert reason(default_policy, web.url("/ssrf/article")) == "blocked_address"
    ((_, line),) = places(default_policy, web.url("/ssrf/article", "localhost"))
    assert "localhost resolves to" in line["detail"]
    assert_accounted(default_policy)


def test_allowed_host_is_fetched(only_localhost_allowed, web):
    assert reason(only_localhost_allowed, web.url("/ssrf/article", "localhost")) == "record"


@pytest.mark.parametrize("index", range(13))
def test_private_literals_and_names_are_blocked(only_localhost_allowed, web, index):
    url = blocked_urls(web)[index]
    assert reason(only_localhost_allowed, url) == "blocked_address"


def test_redirect_from_allowed_host_to_blocked_address_is_blocked(only_localhost_allowed, web):
    target = web.url("/ssrf/never/redirected")
    assert reason(only_localhost_allowed, target) == "blocked_address"
    assert web.hits["/ssrf/redirect-to-literal"] >= 1


def test_blocked_addresses_are_never_requested(only_localhost_allowed, default_policy, web):
    assert not [path for path in web.hits if path.startswith("/ssrf/never/")]
    assert_accounted(only_localhost_allowed)


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.215.14", True),
        ("2606:4700:4700::1111", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.0.1", False),
        ("169.254.169.254", False),
        ("100.64.0.1", False),  # carrier-grade NAT
        ("0.0.0.0", False),
        ("224.0.0.1", False),  # multicast
        ("240.0.0.1", False),  # reserved
        ("::1", False),
        ("fe80::1%eth0", False),
        ("fc00::1", False),
        ("::ffff:10.0.0.1", False),
        ("::ffff:8.8.8.8", True),
        # An IPv4 address carried in IPv6 is that address (ipaddress calls these global).
        ("::7f00:1", False),  # IPv4-compatible ::127.0.0.1
        ("::a00:1", False),
        ("::808:808", True),
        ("64:ff9b::7f00:1", False),  # NAT64
        ("64:ff9b::a9fe:a9fe", False),  # NAT64 169.254.169.254
        ("64:ff9b::808:808", True),
        ("2002:7f00:1::", False),  # 6to4, 127.0.0.1 in bits 16 to 48
        ("2002:c0a8:101::1", False),  # 6to4 192.168.1.1
        ("2002:808:808::1", True),
        ("64:ff9b:1::808:808", False),  # local-use NAT64: never globally reachable
        ("::", False),
        ("not an address", False),
    ],
)
def test_public_address_rule_matches_trafilatura(address, public):
    assert is_public(address) is public


def test_allowed_private_hosts_accepts_a_list_or_a_comma_separated_string():
    for value in (["localhost", "10.0.0.5"], "localhost, 10.0.0.5"):
        policy = AddressPolicy.from_settings(Settings({"ALLOWED_PRIVATE_HOSTS": value}))
        assert policy.allows("LOCALHOST.", "127.0.0.1")  # by name, whatever it resolves to
        assert policy.allows("intranet.example", "10.0.0.5")  # by address, under any name
        assert not policy.allows("intranet.example", "10.0.0.6")
    assert not AddressPolicy.from_settings(Settings({})).allows("localhost", "127.0.0.1")


def test_an_allowed_host_may_be_listed_in_unicode_or_in_punycode():
    """Audit 19: `bücher.test` did not match the request's host, `xn--bcher-kva.test`."""
    for listed in ("Bücher.test", "xn--bcher-kva.test"):
        policy = AddressPolicy.from_hosts([listed])
        assert policy.allows("xn--bcher-kva.test", "10.0.0.5")
        assert policy.allows("bücher.test", "10.0.0.5")
        assert not policy.allows("buecher.test", "10.0.0.5")
    assert not AddressPolicy.from_hosts(["a..bé"]).allows("10.0.0.5.test", "10.0.0.5")


def test_an_allowed_address_allows_the_ipv6_forms_carrying_it():
    policy = AddressPolicy.from_hosts(["127.0.0.1"])
    assert policy.allows("[2002:7f00:1::]", "2002:7f00:1::")
    assert policy.allows("a.test", "64:ff9b::7f00:1")
    assert not policy.allows("a.test", "64:ff9b::7f00:2")


def test_an_allowed_network_allows_every_address_in_it():
    """Audit 25: `127.0.0.1/8` was taken for a host name, allowed nothing, and every page
    was a blocked_address reject."""
    policy = AddressPolicy.from_hosts(["127.0.0.1/8", "fd00::/8"])
    assert policy.allows("a.test", "127.5.5.5") and policy.allows("b.test", "fd12::1")
    assert not policy.allows("c.test", "10.0.0.5")


def test_blocked_address_is_a_reject_not_a_skip():
    verdict = classify_failure(BlockedAddress("http://10.0.0.1/", "10.0.0.1", "10.0.0.1"))
    assert (verdict.skip, verdict.reason) == (False, "blocked_address")
