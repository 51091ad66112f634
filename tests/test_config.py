"""Settings read by their default's type, where they have no check of their own."""

import pytest
from scrapy.settings import Settings

from crawler import settings as project_settings
from crawler.core.config import ConfigError, check_settings, parser_for


def project(**given) -> Settings:
    settings = Settings()
    settings.setmodule(project_settings)
    settings.setdict(given, priority="cmdline")
    return settings


def test_each_kind_of_default_reads_its_kind_of_string():
    assert parser_for("X", True)("on") is True
    assert parser_for("X", 3)("12") == 12
    assert parser_for("X", 1.5)("0.25") == 0.25
    assert parser_for("DNS_TIMEOUT", 60)("2.5") == 2.5  # Scrapy reads it with getfloat
    assert parser_for("X", {})('{"a": 1}') == {"a": 1}
    assert parser_for("RETRY_HTTP_CODES", [500])("500, 503") == [500, 503]
    assert parser_for("X", "text") is None and parser_for("X", None) is None
    for default, bad in ((True, "abc"), (3, "2.5"), (1.5, "nan"), ({}, "[1]")):
        with pytest.raises(ValueError):
            parser_for("X", default)(bad)


def test_a_negative_count_size_or_time_is_refused_and_a_negative_priority_is_not():
    for name, default in (("CLOSESPIDER_TIMEOUT", 0), ("CLOSESPIDER_ITEMCOUNT", 0), ("X", 1.5)):
        with pytest.raises(ValueError, match=">= 0"):
            parser_for(name, default)("-5")
    assert parser_for("DEPTH_PRIORITY", 0)("-1") == -1  # breadth-first
    assert parser_for("RETRY_PRIORITY_ADJUST", -1)("-2") == -2


def test_a_given_setting_is_checked_by_its_default_and_typed_ones_are_not():
    defaults = {"REDIRECT_MAX_TIMES": 20}
    with pytest.raises(ConfigError, match="REDIRECT_MAX_TIMES='x': must be a whole number"):
        check_settings(project(REDIRECT_MAX_TIMES="x"), defaults)
    assert check_settings(project(REDIRECT_MAX_TIMES="5"), defaults)["REDIRECT_MAX_TIMES"] == 5
    assert "REDIRECT_MAX_TIMES" not in check_settings(project(REDIRECT_MAX_TIMES=7), defaults)


@pytest.mark.parametrize(
    "name, value",
    [("EXTRACT_TIMEOUT", "inf"), ("DOWNLOAD_DELAY", "Infinity"), ("DOWNLOAD_DELAY", "1e9"),
     ("EXTRACT_MEMORY_LIMIT", str(10**14)), ("RETRY_AFTER_MAX", "-inf")],
)  # fmt: skip
def test_infinite_and_absurd_values_are_refused(name, value):
    """Audit 22: `inf` and 10^14 MB reached setrlimit and the worker pool's timers, and
    every page was extract_crashed with exit 0; a delay of 1e9 s left the crawl deaf to
    SIGTERM."""
    with pytest.raises(ConfigError, match=f"{name}='{value}': must be"):
        check_settings(project(**{name: value}), {})
    with pytest.raises(ValueError, match="finite"):
        parser_for("CLOSESPIDER_TIMEOUT", 0)("inf")  # read by its default's type
    assert check_settings(project(DOWNLOAD_DELAY="3600"), {})["DOWNLOAD_DELAY"] == 3600


def test_allowed_private_hosts_that_name_no_host_address_or_network_are_refused():
    for value in ("127.0.0.1/33", "[not json", "localhost, a b"):
        with pytest.raises(ConfigError, match="ALLOWED_PRIVATE_HOSTS"):
            check_settings(project(ALLOWED_PRIVATE_HOSTS=value), {})
    allowed = "127.0.0.1/8, localhost, ::1, bücher.test"
    assert check_settings(project(ALLOWED_PRIVATE_HOSTS=allowed), {})["ALLOWED_PRIVATE_HOSTS"]
