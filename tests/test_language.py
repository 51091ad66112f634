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


def test_common_english_words_agree_with_wordfreq():
    # The set lookup for plain words must give wordfreq's own answer; other words are
    # asked of wordfreq. Words from both texts, plus ones its tokenizer normalizes.
    from wordfreq import zipf_frequency

    from crawler.core.language import _WORD, ENGLISH_WORDLIST, _common_in_english

    words = {w.lower() for w in _WORD.findall(ENGLISH + GERMAN)}
    words |= {"don't", "don’t", "state-of-the-art", "café", "naïve", "zzyzx", "openai", "the"}
    words |= {"The", "OpenAI", "WORLD"}  # callers lower-case; wordfreq would anyway
    for word in words:
        expected = zipf_frequency(word, "en", ENGLISH_WORDLIST) >= 3.0
        assert _common_in_english(word) is expected, word
