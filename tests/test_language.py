import math

from crawler.core.language import (
    detect_document,
    foreign_kind,
    primary_tag,
    strip_foreign_lines,
)

ENGLISH = (
    "The startup said its new model can summarize long legal documents in seconds, and that "
    "early customers include several large law firms. Analysts were cautious about the claims. "
)
GERMAN = (
    "Das Unternehmen stellte am Dienstag ein neues Sprachmodell vor, das deutlich schneller "
    "arbeiten soll als die Vorgängerversion. Kritiker bemängeln fehlende Transparenz. "
)


def test_document_language_and_confidence():
    assert detect_document(ENGLISH * 3).language == "en"
    assert detect_document(GERMAN * 3).language == "de"
    guess = detect_document(ENGLISH * 3)
    assert 0.5 < guess.confidence <= 1.0


def test_short_text_is_undetermined():
    assert detect_document("Hello world").language == "und"


def test_all_caps_english_is_still_english():
    assert detect_document(ENGLISH.upper() * 3).language == "en"


def test_detection_is_deterministic():
    text = "Ja nein vielleicht oui non peut-être yes no maybe " * 5
    assert len({detect_document(text) for _ in range(5)}) == 1


def test_foreign_lines_by_script_and_by_words():
    assert foreign_kind("您的邮箱地址不会被公开。 必填项已用 * 标注") == "foreign_script"
    assert foreign_kind("Deine E-Mail-Adresse wird nicht veröffentlicht.") == "foreign_language"
    assert foreign_kind("Laisser un commentaire") == "foreign_language"


def test_short_english_lines_and_names_are_kept():
    for line in (
        "OK",
        "Sam Altman",
        "OpenAI and Nvidia announced a deal.",
        "Leave a Reply",
        "2026",
    ):
        assert foreign_kind(line) is None, line


def test_strip_foreign_lines_counts_by_kind():
    kept, removed = strip_foreign_lines([ENGLISH, "发表回复", ENGLISH])
    assert kept == [ENGLISH, ENGLISH]
    assert removed == {"foreign_script": 1}


def test_primary_tag():
    assert primary_tag("zh-CN") == "zh"
    assert primary_tag("en_US") == "en"
    assert primary_tag("") is None
    assert primary_tag("!!") is None


def test_word_tables_give_wordfreqs_frequencies():
    # The compact tables must answer what wordfreq's own lists say, to 0.1 Zipf: English
    # from the large list, other languages from their small lists from Zipf 4 up.
    from wordfreq import get_frequency_dict

    from crawler.core.wordtables import COMMON_ZIPF, common_foreign_table, english_table

    def zipf(frequency):
        return round(math.log10(frequency) + 9, 1)

    english = get_frequency_dict("en", "large")
    for word in ("the", "model", "backtesting", "don't", "café", "openai", "summarize"):
        assert abs(english_table().zipf(word) - zipf(english[word])) < 0.051, word
    assert english_table().zipf("avaktivera") == 0.0
    german = get_frequency_dict("de", "small")
    for word in ("und", "die", "nicht", "wird", "alle"):
        found = dict(common_foreign_table().lookup(word))
        assert zipf(german[word]) >= COMMON_ZIPF and abs(found["de"] - zipf(german[word])) < 0.051
    rare = next(w for w, f in german.items() if zipf(f) < COMMON_ZIPF - 0.5 and w.isalpha())
    assert "de" not in dict(common_foreign_table().lookup(rare)), rare


def test_building_the_tables_leaves_no_word_list_loaded():
    from crawler.compat.wordfreq import loaded_lists
    from crawler.core.wordtables import ZipfTable

    table = ZipfTable.from_wordfreq(["nl", "sv"], "small", 5.0)
    assert len(table) > 100 and loaded_lists() == 0
    assert table.keys.itemsize == 8  # one integer a word-language pair


def test_lines_of_code_are_no_foreign_fragment():
    from crawler.core.model import Hints
    from crawler.core.pipeline import process_page

    program = (
        'import requests\n\nresp = requests.post(\n    "http://localhost:11500/api/chat",\n'
        '    json={"model": "m"},\n)\nprint(resp.json())'
    )
    page = (
        "<html lang='en'><head><title>How to ask a local model a question</title></head><body>"
        f"<article><h1>How to ask a local model a question</h1><p>{ENGLISH}</p>"
        f"<pre><code>{program}</code></pre><p>{ENGLISH.replace('startup', 'company')}</p>"
        f"<p>{ENGLISH.replace('startup', 'lab')}</p></article></body></html>"
    ).encode()
    outcome = process_page(page, "https://news.example/2026/local-model", Hints())
    assert outcome.record is not None, outcome.reason
    lines = outcome.record.text.split("\n")
    assert "resp = requests.post(" in lines and "print(resp.json())" in lines
    assert "foreign_fragments_removed" not in outcome.record.flags
    # Judged alone, the line is a foreign fragment: only its being code keeps it.
    assert strip_foreign_lines([ENGLISH, "resp = requests.post(", ENGLISH])[0] == [ENGLISH] * 2
    code = frozenset({"resp = requests.post("})
    assert strip_foreign_lines([ENGLISH, "resp = requests.post(", ENGLISH], code)[1] == {}
