"""robots.txt answers as RFC 9309 reads them, and how long each is kept."""

import gzip

import pytest
from protego import Protego

from crawler.core.robots_policy import DISALLOW_ALL, MAX_CACHE, cache_seconds, robots_answer

RULES = b"User-agent: *\nDisallow: /private/\n"


def test_a_fetched_file_is_the_rules_for_the_default_time():
    answer = robots_answer(200, RULES, None, 3600)
    assert (answer.body, answer.cache_for, answer.kind) == (RULES, 3600, "rules")


def test_a_missing_file_allows_everything_and_is_cached():
    for status in (401, 403, 404, 410):
        answer = robots_answer(status, b"<html>Not found</html>", None, 3600)
        assert (answer.body, answer.cache_for, answer.kind) == (b"", 3600, "unavailable")


def test_a_server_error_disallows_everything_for_this_run_only():
    for status in (429, 500, 503):
        answer = robots_answer(status, RULES, "max-age=600", 3600)
        assert (answer.body, answer.cache_for, answer.kind) == (DISALLOW_ALL, 0, "unreachable")


def test_cache_control_sets_the_time_within_a_day():
    assert cache_seconds("public, max-age=600", 3600) == 600
    assert cache_seconds('s-maxage="120"', 3600) == 120
    assert cache_seconds("max-age=31536000", 3600) == MAX_CACHE
    assert cache_seconds("no-store", 3600) == 0
    assert cache_seconds("private, no-cache", 3600) == 0
    assert cache_seconds(None, 10 * MAX_CACHE) == MAX_CACHE
    assert cache_seconds("max-age=abc", 900) == 900


@pytest.mark.parametrize("value", ["inf", "Infinity", "nan", "1e400", "INF # forever"])
def test_an_endless_crawl_delay_gets_the_cap_as_an_absurd_one_does(value):
    """Protego drops `Crawl-delay: inf`, and the host was crawled at our own delay, while
    `99999` was capped to CRAWL_DELAY_MAX: an endless pause asks for the slowest crawl."""
    body = f"User-agent: *\nCrawl-delay: {value}\nDisallow: /private/\n".encode()
    rules = Protego.parse(robots_answer(200, body, None, 3600).body.decode())
    assert rules.crawl_delay("ainews-crawler") >= 86400  # capped where it is applied
    assert not rules.can_fetch("https://x.example/private/a", "ainews-crawler")


@pytest.mark.parametrize("value", ["5", "-inf", "soon"])
def test_other_crawl_delays_are_read_as_the_parser_reads_them(value):
    body = f"User-agent: *\nCrawl-delay: {value}\n".encode()
    obeyed = Protego.parse(robots_answer(200, body, None, 3600).body.decode())
    assert obeyed.crawl_delay("a") == Protego.parse(body.decode()).crawl_delay("a")


def test_a_gzipped_file_is_inflated_within_bounds_and_read_as_far_as_it_goes():
    rules = b"User-agent: *\nDisallow: /private/\n"
    for body in (gzip.compress(rules), gzip.compress(rules + b"#" * 4_000_000)[:5000]):
        answer = robots_answer(200, body, None, 3600.0)
        assert answer.body.startswith(rules) and len(answer.body) <= 512 * 1024
    bomb = gzip.compress(rules + b" " * (64 * 1024 * 1024))
    assert len(robots_answer(200, bomb, None, 3600.0).body) == 512 * 1024
    not_gzip = b"\x1f\x8bUser-agent: *\nDisallow: /\n"  # the magic, then text: kept as it is
    assert robots_answer(200, not_gzip, None, 3600.0).body == not_gzip
