"""The foreign-line decision on lines of the kinds the dev set (bench/langset.py) holds,
written for this test: short interface strings, cookie-banner lines and sentences in
Latin-script languages, and the English lines around an article that must stay."""

import pytest

from crawler.core.foreign_lines import LineRules, foreign_kind, judge_lines, line_words

FOREIGN = (
    "(Avaktivera)",  # Swedish, one word English lacks
    "Informationer, som vi gemmer",  # Danish: "som", "vi" are also English-looking
    "Stare hasło",
    "Weet u het zeker?",
    "D'éirigh le scriosadh.",  # Irish: no word list, every word foreign to English
    "Passordet ditt er sett. Du kan logge inn.",
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit.",
    "Alle akzeptieren",
    "Tout accepter",
    "Nie ma takiej strony",
    "Ce site utilise des cookies pour améliorer votre expérience.",
    "Apple overvejer at købe et britisk startup for 1 milliard dollar.",
    "— ich bin hier und du",  # a dash before a sentence is no sign-off
)
ENGLISH = (
    "Add tags to documents",  # "tags" German, "to" Norwegian: no one language has them all
    "5 min read",
    "Leave a Reply",
    "Sam Altman",
    "Dan Petrovic",  # a name: "dan" is Dutch
    "By LAURAN NEERGAARD",
    "Jürgen Schmidhuber",
    "OpenAI and Nvidia announced a deal.",
    "ArrayBuffer",  # inner capitals: a product name
    "Backtesting",  # rare (Zipf 1.4), but English
    "See https://example.com/a-b for details",
    "Photo: Getty Images",
    "Hugging Face",
    "The model was fine-tuned with LoRA adapters on 8 GPUs.",
    "OK",
    "2026",
    "— Ben",  # a writer's sign-off: "ben" is Dutch and Norwegian
    "- Jo Li",
)


@pytest.mark.parametrize("line", FOREIGN)
def test_latin_script_fragments_are_foreign(line):
    assert foreign_kind(line) == "foreign_language"


@pytest.mark.parametrize("line", ENGLISH)
def test_english_lines_stay(line):
    assert foreign_kind(line) is None


def test_non_latin_lines_are_foreign_by_script():
    assert foreign_kind("Политика конфиденциальности") == "foreign_script"
    assert foreign_kind("プライバシー設定") == "foreign_script"


def test_addresses_code_and_digits_are_not_words():
    assert line_words("mail ops@example.org or see foo.bar_baz() and v8 prc5") == [
        ("mail", 1.0),
        ("or", 1.0),
        ("see", 1.0),
        ("and", 1.0),
    ]


def test_a_wider_margin_keeps_more():
    # The margin is the one threshold: a line just over it is foreign, and stays when
    # the margin is raised past its evidence.
    line = "Stare hasło"
    assert foreign_kind(line) == "foreign_language"
    assert foreign_kind(line, LineRules(margin=20.0)) is None


def test_the_documents_own_words_are_not_foreign_evidence():
    # A subheading or a line of names made of words the article's prose uses: alone, each
    # is a word no list holds (foreign); in the document, it is the document's vocabulary.
    # The foreign fragment's words are not in the prose, so it still goes.
    document = [
        "Every request the service sends is enqueued first, and a worker takes it from the "
        "queue when the storage layer has acknowledged the previous one.",
        "Enqueued",
        "Two volunteers, Michelle Goossens and Tim Nguyen, found the race condition in the "
        "retry logic that kept the queue from draining for hours.",
        "Idempotence",
        "Why idempotence matters: a retried request must have the same effect as the first "
        "one, or the queue would apply some changes twice.",
        "Alle akzeptieren",
        "Ce site utilise des cookies pour améliorer votre expérience.",
    ]
    alone = [foreign_kind(line) for line in document]
    assert alone[1] == alone[3] == "foreign_language"
    assert judge_lines(document) == [None, None, None, None, None, *["foreign_language"] * 2]


def test_an_english_sentence_that_quotes_another_language_stays():
    # News quotes people in their language; the reporting words around it are English.
    for line in (
        "“Wir schaffen das,” Merkel said at the time.",
        "“C’est la vie,” she said, shrugging.",
        "The minister told reporters: «Nous ne reculerons pas».",
    ):
        assert foreign_kind(line) is None, line
    # A quotation alone, or inside a foreign sentence, is still foreign.
    assert foreign_kind("„Wir schaffen das“") == "foreign_language"
    assert foreign_kind("Er sagte: „Wir schaffen das“ und ging.") == "foreign_language"


def test_a_line_of_names_and_figures_is_a_table_not_a_foreign_sentence():
    # A flattened table of contributors: names from many languages, counts and shares.
    row = (
        "Most active developers By changesets Caolán Ní Bhriain 4307 19.5% Tomaž Vrhovec "
        "658 3.0% Jürgen Schäfer 466 2.1% Zoltán Bérczi 362 1.6% Øystein Læland 301 1.4%"
    )
    assert foreign_kind(row) is None
    # Short title-case strings and sentences with their lower-case words are still judged.
    assert foreign_kind("Alle Cookies akzeptieren") == "foreign_language"
    sentence = "Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten."
    assert foreign_kind(sentence) == "foreign_language"


def test_a_persons_name_with_an_initial_is_not_foreign():
    for line in ("F. Kooman", "Michiel B. de Jong", "J. R. R. Tolkien"):
        assert foreign_kind(line) is None, line
    # Without an initial the words are judged as before.
    assert foreign_kind("Alle Cookies akzeptieren") == "foreign_language"


def test_a_coined_name_numbered_in_a_run_of_english_items_is_english():
    # Audit 37: a listicle's "4. Genmoji" between "3. Image Playground" and "5. Reduce
    # Interruptions Focus"; the name is no word of any list and alone read as foreign.
    lines = [
        "It is fun for about ten minutes, and the cartoon style has not improved since launch.",
        "3. Image Playground",
        "My friends stopped being impressed by custom emoji roughly a week after I started.",
        "4. Genmoji",
        "This mode tries to guess which notifications matter, and it often gets them wrong.",
        "5. Reduce Interruptions Focus",
    ]
    assert judge_lines(lines) == [None] * len(lines)
    # Alone, or in a run of no English neighbour, it is judged as before.
    assert judge_lines([lines[0], "4. Genmoji"])[1] == "foreign_language"
    assert judge_lines([lines[0], "(Avaktivera)", "2. Alle akzeptieren"])[1:] == [
        "foreign_language",
        "foreign_language",
    ]
    # A list's translation under the English one is judged line by line (the review).
    tips = [
        "1. Drink water often, even when you do not feel thirsty.",
        "2. Stay indoors during the hottest hours of the afternoon.",
        "1. Beba agua con frecuencia, aunque no tenga sed.",
        "2. Permanezca en casa durante las horas más calurosas.",
    ]
    assert judge_lines(tips)[2:] == ["foreign_language", "foreign_language"]
