"""robots.txt answers as RFC 9309 reads them, and how long each is kept."""

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
