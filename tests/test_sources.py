"""Tests for the source catalogue loader (crawler/core/sources.py) and the bundled catalogue."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from pydantic import ValidationError

from crawler.core.sources import (
    DEFAULT_SOURCES_PATH,
    Source,
    SourceCatalogueError,
    find_source,
    load_sources,
)

GOOD_ENTRY = """\
  - name: good
    title: Good Source
    homepage: https://example.com/
    feeds: [https://example.com/feed.xml]
"""


def write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def catalogue(tmp_path: Path, bad_entry: str) -> Path:
    """A catalogue whose entry 0 is valid and entry 1 is ``bad_entry``."""
    return write(tmp_path, "sources:\n" + GOOD_ENTRY + textwrap.indent(bad_entry, "  "))


# --- the bundled catalogue ---------------------------------------------------------------


def test_bundled_catalogue_loads() -> None:
    sources = load_sources(DEFAULT_SOURCES_PATH)
    assert len(sources) >= 15
    names = [s.name for s in sources]
    assert len(names) == len(set(names))
    for source in sources:
        assert source.feeds or source.sitemaps, f"{source.name} has neither feed nor sitemap"


def test_default_path_is_used_without_argument() -> None:
    assert [s.name for s in load_sources()] == [s.name for s in load_sources(DEFAULT_SOURCES_PATH)]


def test_the_settings_default_is_the_bundled_catalogue() -> None:
    """In a scrapyd egg (a zip) the bundled catalogue is read as a package resource; that
    needs the SOURCES_FILE default to be the path the loader knows as its own."""
    from crawler import settings

    assert DEFAULT_SOURCES_PATH.is_file()
    assert Path(settings.SOURCES_FILE) == DEFAULT_SOURCES_PATH


@pytest.mark.parametrize(
    "name",
    [
        "mit-tech-review-ai",
        "venturebeat-ai",
        "the-decoder",
        "ars-technica-ai",
        "techcrunch-ai",
        "verge-ai",
        "huggingface-blog",
        "google-deepmind-blog",
        "google-research-blog",
        "openai-news",
        "import-ai",
        "marktechpost",
        "wired-ai",
        "anthropic-news",
        "ai-news",
        "simon-willison-ai",
    ],
)
def test_bundled_catalogue_has_required_sources(name: str) -> None:
    assert find_source(load_sources(), name).name == name


def test_bundled_patterns_behave_on_sample_urls() -> None:
    sources = load_sources()
    tc = find_source(sources, "techcrunch-ai")
    assert tc.allows("https://techcrunch.com/2024/05/14/openai-launches-gpt-4o/")
    assert not tc.allows("https://techcrunch.com/video/2024/05/14/some-clip/")
    assert not tc.allows("https://techcrunch.com/category/artificial-intelligence/")
    anthropic = find_source(sources, "anthropic-news")
    assert anthropic.allows("https://www.anthropic.com/news/claude-3-family")
    assert not anthropic.allows("https://www.anthropic.com/careers/jobs")
    keyword = find_source(sources, "google-ai-blog")
    assert keyword.allows("https://blog.google/technology/ai/google-gemini-ai/")
    assert not keyword.allows("https://blog.google/technology/ai/")


# --- loader errors -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad_entry", "field", "detail"),
    [
        (
            "- name: bad-url\n  title: Bad\n  homepage: not a url\n",
            "homepage",
            "URL",
        ),
        (
            "- name: bad-feed\n  title: Bad\n  homepage: https://x.org/\n  feeds: [ftp://x.org/f]\n",
            "feeds[0]",
            "URL scheme",
        ),
        (
            "- name: typo\n  title: Bad\n  homepage: https://x.org/\n  feed: [https://x.org/f]\n",
            "feed",
            "Extra inputs are not permitted",
        ),
        (
            "- name: bad-re\n  title: Bad\n  homepage: https://x.org/\n"
            "  allow: ['/ok/', '(unclosed']\n",
            "allow",
            "'(unclosed'",
        ),
        (
            "- name: Bad_Slug\n  title: Bad\n  homepage: https://x.org/\n",
            "name",
            "pattern",
        ),
        (
            "- name: no-title\n  homepage: https://x.org/\n",
            "title",
            "Field required",
        ),
        (
            "- name: good\n  title: Again\n  homepage: https://x.org/\n",
            "name",
            "duplicate name, already used by entry 0",
        ),
    ],
)
def test_invalid_entry_names_entry_and_field(
    tmp_path: Path, bad_entry: str, field: str, detail: str
) -> None:
    path = catalogue(tmp_path, bad_entry)
    name = bad_entry.split("name: ", 1)[1].split("\n", 1)[0]
    with pytest.raises(SourceCatalogueError) as info:
        load_sources(path)
    message = str(info.value)
    assert message.startswith(f"{path}: entry 1 ('{name}'): ")
    assert f"field '{field}'" in message
    assert detail in message


def test_entry_that_is_not_a_mapping(tmp_path: Path) -> None:
    path = catalogue(tmp_path, "- just-a-string\n")
    with pytest.raises(SourceCatalogueError, match=r"entry 1 \('\?'\): expected a mapping"):
        load_sources(path)


@pytest.mark.parametrize(
    "body",
    [
        GOOD_ENTRY,  # a bare list: the format requires the `sources:` key
        "sources: {name: x}\n",
        "sources: []\n",
        "",
        "sources:\n" + GOOD_ENTRY + "extra: 1\n",
    ],
    ids=["bare-list", "sources-not-list", "empty-list", "empty-file", "extra-top-key"],
)
def test_bad_top_level(tmp_path: Path, body: str) -> None:
    with pytest.raises(SourceCatalogueError, match="sources"):
        load_sources(write(tmp_path, body))


def test_yaml_syntax_error(tmp_path: Path) -> None:
    path = write(tmp_path, "sources:\n  - name: [unclosed\n")
    with pytest.raises(SourceCatalogueError, match="YAML syntax error"):
        load_sources(path)


def test_a_key_given_twice_in_an_entry_is_an_error(tmp_path: Path) -> None:
    """Audit 22: PyYAML kept the last `feeds:`, an empty list, and the crawl ran nothing."""
    body = (
        "sources:\n  - name: loop\n    homepage: https://loop.example/\n"
        "    feeds: [https://loop.example/feed.xml]\n    feeds: []\n"
    )
    with pytest.raises(SourceCatalogueError, match="key 'feeds' given twice \\(line 5\\)"):
        load_sources(write(tmp_path, body))


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    with pytest.raises(SourceCatalogueError, match="nope.yaml: cannot read catalogue"):
        load_sources(path)


def test_a_catalogue_not_in_utf8_is_a_clear_error(tmp_path: Path) -> None:
    # Operator audit 42: saved as Latin-1 ("Café") or UTF-16 by an editor, a traceback.
    body = "sources:\n  - name: cafe\n    homepage: https://cafe.example/\n  # Café\n"
    for encoding in ("latin-1", "utf-16"):
        path = tmp_path / f"sources-{encoding}.yaml"
        path.write_bytes(body.encode(encoding))
        with pytest.raises(SourceCatalogueError, match="not UTF-8 text"):
            load_sources(path)


def test_catalogue_error_is_a_value_error() -> None:
    assert issubclass(SourceCatalogueError, ValueError)


# --- Source -----------------------------------------------------------------------------


def test_local_http_urls_with_port_are_accepted(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
        sources:
          - name: demo
            title: Demo site
            homepage: http://127.0.0.1:8765/
            feeds: [http://127.0.0.1:8765/feed.xml]
            sitemaps: [http://localhost:8765/sitemap.xml]
        """,
    )
    (demo,) = load_sources(path)
    assert demo.homepage.port == 8765
    assert str(demo.feeds[0]) == "http://127.0.0.1:8765/feed.xml"
    assert demo.ai_only is False
    assert demo.allows("http://127.0.0.1:8765/anything")


def test_allows_deny_wins_and_empty_allow_allows_all() -> None:
    source = Source(
        name="s",
        title="S",
        homepage="https://example.com/",
        allow=[r"/\d{4}/\d{2}/\d{2}/"],
        deny=["/video/"],
    )
    assert source.allows("https://example.com/2024/05/14/story/")
    assert not source.allows("https://example.com/about/")
    assert not source.allows("https://example.com/video/2024/05/14/clip/")

    open_source = Source(name="o", title="O", homepage="https://example.com/", deny=["/tag/"])
    assert open_source.allows("https://example.com/anything")
    assert not open_source.allows("https://example.com/tag/ai")


def test_source_is_frozen() -> None:
    source = Source(name="s", title="S", homepage="https://example.com/")
    with pytest.raises(ValidationError):
        source.name = "other"  # type: ignore[misc]


def test_find_source_unknown_lists_known_names() -> None:
    sources = [
        Source(name="beta", title="B", homepage="https://b.example/"),
        Source(name="alpha", title="A", homepage="https://a.example/"),
    ]
    assert find_source(sources, "beta").title == "B"
    with pytest.raises(SourceCatalogueError, match="'gamma'; known sources: alpha, beta"):
        find_source(sources, "gamma")


def test_a_merge_key_may_bring_a_key_the_entry_sets() -> None:
    """YAML's `<<: *defaults` then an override is one key given once (the review: the first
    duplicate check refused every catalogue with a merge key)."""
    import yaml

    from crawler.core.sources import _UniqueKeyLoader

    text = "d: &d {a: 1, b: 2}\nx:\n  <<: *d\n  a: 3\n"
    assert yaml.load(text, Loader=_UniqueKeyLoader)["x"] == {"a": 3, "b": 2}
