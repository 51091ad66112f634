"""Word counts in scripts written without spaces: a Chinese, Japanese or Thai article is
judged by its language with its record, not rejected as one long "word"."""

from pathlib import Path

import pytest

from crawler.core.model import count_words
from crawler.core.options import Options
from crawler.core.pipeline import process_page

PAGES = Path(__file__).parent / "pages"
ARTICLES = {"zh": "zh_article.html", "ja": "ja_article.html", "th": "th_article.html"}


def _process(language: str, options: Options):
    body = (PAGES / ARTICLES[language]).read_bytes()
    return process_page(body, f"https://news.test/{language}/article.html", options=options)


@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_cjk_and_thai_articles_are_non_english_with_their_record(language):
    outcome = _process(language, Options())
    assert outcome.reason == "non_english"
    record = outcome.rejected_record
    assert record["language"] == language
    assert record["word_count"] == count_words(record["text"]) >= Options().min_words


@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_keeping_every_language_keeps_them(language):
    outcome = _process(language, Options(languages=()))
    assert outcome.accepted, outcome
    assert outcome.record.language == language
    assert "non_english" in outcome.record.flags


def test_min_words_applies_to_the_same_count():
    short = "<html><head><title>短讯</title></head><body><article><p>{}</p></article></body></html>"
    body = short.format("研究团队发布了一个新的模型。").encode()
    outcome = process_page(body, "https://news.test/zh/short.html", options=Options(languages=()))
    assert outcome.reason == "too_short"
    assert outcome.detail == "13 words after cleaning"


def test_count_words():
    assert count_words("The model, released today, is small.") == 6
    assert count_words("新模型 GPT-5") == 4  # three characters and a word
    assert count_words("GPT-5模型，发布。") == 5  # punctuation is not a word
    assert count_words("ทีมวิจัย") == 5  # Thai vowel and tone marks do not count
    assert count_words("연구소는 모델을 공개했다") == 3  # Korean is written with spaces
    assert count_words("—") == 1 and count_words("") == 0
