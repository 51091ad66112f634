"""Decoding lying bytes (crawler.core.charset via extract.decode_html): golden words, no mojibake.

The same pages are crawled for real in test_hostile_pages.py; these check the decoder alone,
including cases a crawl does not need a server for.
"""

from __future__ import annotations

import gzip

import pytest

from crawler.core.extract import ExtractionFailed, decode_html
from tests.hostile import pages

RUSSIAN = "Исследователи представили новую языковую модель искусственного интеллекта. " * 8
GERMAN = "Die Forscher präsentierten ein größeres Modell für künstliche Intelligenz. " * 8
FRENCH = "Le modèle entraîné au café : une idée naïve, déjà vue, dit l'équipe à Paris. " * 8
RUSSIAN_NAMES = "Исследователи из OpenAI и Google представили GPT и Gemini в Москве. " * 8


def html(text: str) -> str:
    return f"<html><head><title>t</title></head><body><p>{text}</p></body></html>"


@pytest.mark.parametrize(
    ("body", "content_type", "expected"),
    [
        (pages.cp1252_labelled_utf8(), "text/html; charset=utf-8", pages.LATIN_WORDS),
        (pages.gb2312_unlabelled(), "text/html", ("人工智能 研究 人员",)),
        (pages.shift_jis_unlabelled(), None, ("人工知能 の 研究者", "ベンチマーク")),
        (pages.utf8_bom_latin1_header(), "text/html; charset=iso-8859-1", pages.LATIN_WORDS),
        (pages.utf16_bom_utf8_header(), "text/html; charset=utf-8", pages.LATIN_WORDS),
        (pages.utf8_with_invalid_bytes(), "text/html; charset=utf-8", ("reviewer\u2019s",)),
        # a header that lies the other way: UTF-8 bytes labelled Latin-1
        (html(GERMAN).encode(), "text/html; charset=iso-8859-1", ("präsentierten", "größeres")),
        (html(RUSSIAN).encode("cp1251"), "text/html", ("Исследователи", "интеллекта")),
        (html(RUSSIAN).encode("koi8-r"), None, ("Исследователи", "интеллекта")),
        (html(GERMAN).encode("cp1252"), None, ("präsentierten", "größeres")),
        # a correct non-UTF-8 label is honoured
        (html(RUSSIAN).encode("cp1251"), "text/html; charset=windows-1251", ("Исследователи",)),
        (pages.shift_jis_unlabelled(), "text/html; charset=Shift_JIS", ("人工知能",)),
        (html(RUSSIAN_NAMES).encode("cp1251"), "text/html; charset=windows-1251",
         ("Исследователи из OpenAI", "Gemini в Москве")),
        # A single-byte label decodes any bytes: these cp1252 words came out "cafй", "naпve"
        # (Cyrillic) and "cafι" (Greek), and were accepted as English text.
        (html(FRENCH).encode("cp1252"), "text/html; charset=windows-1251", ("café", "naïve")),
        (html(FRENCH).encode("cp1252"), "text/html; charset=iso-8859-7", ("entraîné", "déjà")),
    ],
    ids=[
        "cp1252-as-utf8", "gb2312", "shift-jis", "utf8-bom-vs-latin1", "utf16-bom-vs-utf8",
        "invalid-utf8", "utf8-as-latin1", "cp1251", "koi8-r", "cp1252-unlabelled",
        "cp1251-labelled", "shift-jis-labelled", "cp1251-with-latin-names",
        "cp1252-labelled-cp1251", "cp1252-labelled-greek",
    ],
)  # fmt: skip
def test_text_is_correct_unicode_when_the_bytes_allow(body, content_type, expected):
    text = decode_html(body, content_type)
    missing = [word for word in expected if word not in text]
    assert not missing, (missing, text[:300])
    assert not [m for m in ("\ufffd", "Ã", "â€", "Ð") if m in text]


def test_a_utf8_character_cut_in_half_is_dropped_not_turned_into_latin():
    body = html("The café in Zürich \u2014 yes").encode() + b" \xe2\x80 cut \x93quoted\x94"
    text = decode_html(body, "text/html; charset=utf-8")
    assert text.endswith("The café in Zürich \u2014 yes</p></body></html>  cut \u201cquoted\u201d")


@pytest.mark.parametrize(
    ("body", "reason"), [(b"", "empty"), (b" \n\t", "empty"), (pages.PDF, "not_html")]
)
def test_empty_and_binary_bodies_are_rejected(body, reason):
    with pytest.raises(ExtractionFailed) as failure:
        decode_html(body, "text/html")
    assert failure.value.reason == reason


# Short Western European pages in cp1252 labelled UTF-8: detection alone read the French one
# as the Baltic cp1257 ("modčle", "entraīné", "naļve"). One paragraph each, as in a brief.
WESTERN = {
    "fr": "Le modèle a été entraîné sur des données publiques ; une approche naïve, déjà vue, "
    "où l'équipe a créé un système à grande échelle. Ça marche très bien.",
    "de": "Das Modell wurde für die Übersetzung großer Texte trainiert. Die Ergebnisse sind "
    "überraschend gut, sagte der Forscher in München. Äpfel, Öl und Größe.",
    "es": "El modelo fue entrenado con datos públicos. La compañía dijo que el rendimiento es "
    "más rápido en español. ¿Qué opinas? ¡Increíble, según la señora Núñez!",
    "pt": "O modelo foi treinado com dados públicos. A situação é difícil, disse o pesquisador "
    "em São Paulo; as ações da empresa subiram após a decisão da comissão.",
}


@pytest.mark.parametrize("language", sorted(WESTERN))
def test_western_european_cp1252_labelled_utf8_reads_as_cp1252(language):
    text = WESTERN[language]
    body = html(text).encode("cp1252")
    assert decode_html(body, "text/html; charset=utf-8") == html(text)


def test_a_page_gzipped_without_saying_so_is_read_and_a_bomb_or_a_second_layer_is_not():
    page = html("A page a storage bucket served compressed, with no Content-Encoding.")
    assert "storage bucket" in decode_html(gzip.compress(page.encode()), "text/html")
    with pytest.raises(ExtractionFailed) as failure:
        decode_html(pages.gzip_bomb(), "text/html")
    assert failure.value.reason == "too_large"
    with pytest.raises(ExtractionFailed) as failure:
        decode_html(gzip.compress(page.encode() * 40)[:-30], "text/html")
    assert failure.value.reason == "truncated"
    for body in (gzip.compress(gzip.compress(page.encode())), b"\x1f\x8b" + b"not gzip" * 20):
        with pytest.raises(ExtractionFailed) as failure:
            decode_html(body, "text/html")
        assert failure.value.reason == "not_html"
