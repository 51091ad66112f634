"""Site-learned boilerplate: the pure model, and the pipeline as Scrapy builds it."""

from __future__ import annotations

from scrapy.utils.test import get_crawler

from crawler.core.boilerplate import MemoryBoilerplateStore, SiteBoilerplate, line_key, site_of
from crawler.core.items import ProcessedPage
from crawler.core.model import Outcome
from crawler.core.pipeline import process_page
from pipelines.boilerplate import SiteBoilerplatePipeline

PITCH = "The Lab Ledger is an independent publication about research laboratories."
BIO = (
    "Ada Quinn covers model evaluation and AI policy for the site. Before that she spent six "
    "years building speech recognition systems at a hardware company in Lisbon."
)


WORDS = [
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "kilo",
    "lima",
    "mike",
]


def story(n: int) -> str:
    """Four paragraphs that differ from every other story's by words, not only digits."""
    return "\n".join(
        f"Paragraph {WORDS[k]} of story {WORDS[n % 13]}: the {WORDS[(n + k) % 13]} lab shipped "
        f"a {WORDS[(n * 3 + k) % 13]} update to its {WORDS[(n * 5 + k) % 13]} model today."
        for k in range(4)
    )


def test_line_key_ignores_case_spacing_punctuation_and_digits():
    assert line_key("© 2025 Example Media.") == line_key("©  2026 example media")
    assert line_key("Sign up now") != line_key("Sign out now")
    assert site_of("https://www.Example.com/a") == "example.com"


def test_a_line_becomes_template_on_the_nth_distinct_page():
    model = SiteBoilerplate(MemoryBoilerplateStore(), min_pages=3)
    outcomes = [
        model.learn_and_strip(f"https://site.test/a{n}", f"p{n}", f"{story(n)}\n{PITCH}")
        for n in range(4)
    ]
    assert [o.removed for o in outcomes] == [0, 0, 1, 1]
    assert outcomes[3].text == story(3)


def test_the_same_page_twice_counts_once_and_sites_are_separate():
    model = SiteBoilerplate(MemoryBoilerplateStore(), min_pages=2)
    text = f"{story(1)}\n{PITCH}"
    assert model.learn_and_strip("https://a.test/1", "same", text).removed == 0
    assert model.learn_and_strip("https://a.test/1?x", "same", text).removed == 0
    assert model.learn_and_strip("https://b.test/2", "other", f"{story(2)}\n{PITCH}").removed == 0


def test_long_template_lines_go_only_from_the_edges():
    model = SiteBoilerplate(MemoryBoilerplateStore(), min_pages=2)
    for n in range(2):
        middle = f"{story(n)}\n{BIO}\n{story(n + 7)}"
        result = model.learn_and_strip(f"https://s.test/{n}", f"m{n}", middle)
    assert BIO in result.text  # a long line in the middle may be a quote: never removed
    result = model.learn_and_strip("https://s.test/9", "e9", f"{story(9)}\n{BIO}")
    assert BIO not in result.text and result.removed == 1


def test_a_page_that_is_mostly_template_is_a_copy_and_is_left_alone():
    model = SiteBoilerplate(MemoryBoilerplateStore(), min_pages=2)
    shared = story(0)
    model.learn_and_strip("https://c.test/1", "c1", shared + "\nA first ending.")
    result = model.learn_and_strip("https://c.test/2", "c2", shared + "\nA second ending.")
    assert result.removed == 0


ARTICLE = """<html lang="en"><head><title>{title}</title>
<meta property="og:type" content="article"></head><body><article><h1>{title}</h1>
{paragraphs}<p>{pitch}</p></article></body></html>"""


def page_item(n: int) -> ProcessedPage:
    paragraphs = "".join(
        f"<p>{line} Outside researchers have not checked it yet.</p>"
        for line in story(n).split("\n")
    )
    body = ARTICLE.format(title=f"Lab {n} ships model {n}", paragraphs=paragraphs, pitch=PITCH)
    outcome = process_page(body.encode(), f"https://news.test/2026/11/story-{n}/")
    assert outcome.accepted, outcome.detail
    return ProcessedPage(url=f"https://news.test/2026/11/story-{n}/", outcome=outcome, spider="t")


def test_pipeline_rebuilds_the_record_and_counts_removals(tmp_path):
    settings = {"BOILERPLATE_MIN_PAGES": 2, "OUTPUT_DIR": str(tmp_path)}  # its own state store
    crawler = get_crawler(settings_dict=settings)
    crawler.stats.open_spider()
    pipeline = SiteBoilerplatePipeline.from_crawler(crawler)
    first = pipeline.process_item(page_item(1))
    second = pipeline.process_item(page_item(2))
    assert PITCH in first.outcome.record.text
    record = second.outcome.record
    assert PITCH not in record.text
    assert record.cleaning["site_boilerplate"] == 1
    assert record.word_count == len(record.text.split())
    assert crawler.stats.get_value("cleaning/removed/site_boilerplate") == 1
    rejected = ProcessedPage(url="https://x.test/", outcome=Outcome(None, "too_short"), spider="t")
    assert pipeline.process_item(rejected) is rejected


def test_counts_persist_across_runs_in_the_state_store(tmp_path):
    from crawler.state.sqlite import SqliteStateStore

    path = tmp_path / "state.sqlite3"
    first_run = SqliteStateStore(path)
    model = SiteBoilerplate(first_run, min_pages=3)
    for n in range(2):
        assert (
            PITCH
            in model.learn_and_strip(
                f"https://site.test/a{n}", f"p{n}", f"{story(n)}\n{PITCH}"
            ).text
        )
    first_run.close()
    second_run = SqliteStateStore(path)  # a new crawl, a new process
    model = SiteBoilerplate(second_run, min_pages=3)
    third = model.learn_and_strip("https://site.test/a2", "p2", f"{story(2)}\n{PITCH}")
    assert PITCH not in third.text
    assert second_run.pages_with(site_of("https://site.test/a2"), [line_key(PITCH)]) == {
        line_key(PITCH): 3
    }
    second_run.close()
