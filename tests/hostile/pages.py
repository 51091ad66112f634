"""Bodies the hostile server sends. Each builder returns bytes; text ones carry known words.

The English article is long enough to pass MIN_WORDS, so a page that becomes a record shows
that the hostile wrapping (encoding, markup, transport) did not cost the text.
"""

from __future__ import annotations

import gzip
import random
import zlib
from collections.abc import Callable
from functools import cache

LATIN_WORDS = ("café", "naïve", "résumé", "façade", "Zürich", "Señor")
PARAGRAPHS = (
    "Researchers at the Zürich laboratory released a naïve baseline for protein folding "
    "that matches far larger models on three public benchmarks, the team said on Monday.",
    "The group met in a small café near the campus to write the résumé of the results; "
    "the façade of the old building hides a cluster of forty accelerator cards.",
    "Señor Alvarez, who leads the evaluation work, said the model was trained for eleven "
    "days and that every number in the paper can be reproduced from the released code.",
    "Critics noted that the benchmarks are saturated and that a simple baseline scoring "
    "well says as much about the tests as about the model, a point the authors accept.",
    "The next release will add a held-out test set collected after the training cut-off, "
    "which should tell whether the gains survive contact with genuinely new proteins.",
)
SMART = "\u201cIt is a baseline, not a breakthrough,\u201d she said \u2014 twice."


def article_html(title: str, paragraphs: tuple[str, ...] = PARAGRAPHS, head: str = "") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="en"><head>{head}<title>{title}</title>'
        '<meta property="og:type" content="article">'
        '<meta property="article:published_time" content="2026-11-20T09:00:00Z">'
        f"</head><body><article><h1>{title}</h1>\n{body}\n<p>{SMART}</p></article>"
        "</body></html>"
    )


def article(title: str = "A naive baseline folds proteins") -> bytes:
    return article_html(title).encode("utf-8")


# --- Content ---------------------------------------------------------------------------------
def malformed() -> bytes:
    html = article_html("Malformed markup still holds an article")
    return html.replace("</p>", "").replace("</article>", "<div><span><b>").encode() + b"</i><<>"


def truncated() -> bytes:
    return article("Truncated markup still holds an article")[:-40] + b'<p class="unfin'


PDF = b"%PDF-1.7\n" + b"1 0 obj << /Type /Catalog >> endobj\n" * 200 + b"%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 20


def tiny_elements(count: int = 700_000) -> bytes:
    """8.4 MB of one-letter elements after an article: under DOWNLOAD_MAXSIZE, and a tree
    of 700,000 nodes that grew one extract worker past a gigabyte."""
    html = article_html("Tiny elements")
    return html.replace("</article>", "</article>" + "<div>x</div>" * count).encode()


def deep_nesting(depth: int = 100_000) -> bytes:
    return (
        b"<html><head><title>Deep</title></head><body>"
        + b"<div>" * depth
        + article_html("Deep nesting").encode()
        + b"</div>" * depth
        + b"</body></html>"
    )


def many_links(count: int = 100_000) -> bytes:
    links = "".join(f'<a href="/trap/links/{i}">item {i}</a> ' for i in range(count))
    return (
        article_html("A page of links", head="")
        .replace("<article>", f"<nav>{links}</nav><article>")
        .encode()
    )


def link_list(count: int = 100_000) -> bytes:
    """An index page (not an article) with `count` links: for the site spider's page limit."""
    links = "".join(f'<a href="/trap/links/{i}">item {i}</a>\n' for i in range(count))
    return f"<html><head><title>Index</title></head><body>{links}</body></html>".encode()


def one_long_line(size: int = 5 * 1024 * 1024) -> bytes:
    prose = " ".join(PARAGRAPHS) + " "
    line = prose * (size // len(prose))
    return f"<html><head><title>One line</title></head><body><p>{line}</p></body></html>".encode()


@cache
def gzip_bomb(size: int = 64 * 1024 * 1024) -> bytes:
    """A few hundred kilobytes that expand past DOWNLOAD_MAXSIZE (10 MiB)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b" " * (1024 * 1024)
    return (
        b"".join(compressor.compress(chunk) for _ in range(size // len(chunk))) + compressor.flush()
    )


# --- Encoding ---------------------------------------------------------------------------------
def cp1252_labelled_utf8() -> bytes:
    return article_html("Windows bytes under a UTF-8 label").encode("cp1252")


# A French brief (our own text) in Windows-1252 bytes under a UTF-8 label: charset detection
# alone read it as the Baltic cp1257 ("modčle", "entraīné").
FRENCH = (
    "Le laboratoire a présenté jeudi un modèle de langue entraîné sur des données publiques. "
    "Selon l'équipe, une approche naïve suffit à réduire le coût de l'inférence de moitié. "
    "Les chercheurs ont comparé le système à trois modèles concurrents sur des tâches réelles. "
    "Ça reste à vérifier, préviennent des spécialistes qui n'ont pas participé à l'étude."
)
FRENCH_WORDS = ("modèle", "entraîné", "naïve", "Ça reste à vérifier")


def french_cp1252_labelled_utf8() -> bytes:
    paragraphs = "".join(f"<p>{FRENCH}</p>" for _ in range(2))
    return (
        '<html lang="fr"><head><meta charset="utf-8"><title>Un modèle entraîné</title></head>'
        f"<body><article><h1>Un modèle entraîné sur des données publiques</h1>{paragraphs}"
        "</article></body></html>"
    ).encode("cp1252")


def utf8_with_invalid_bytes() -> bytes:
    """UTF-8 with a pasted Windows-1252 quote and a UTF-8 character cut in half."""
    html = article_html("Stray bytes in a UTF-8 page").encode("utf-8")
    pasted = "\u201cBenchmarks age fast,\u201d the reviewer\u2019s note said.".encode("cp1252")
    html = html.replace(b"Critics noted", pasted + b" Critics \xe2\x80noted")
    return html


CHINESE = (
    "人工智能 研究 人员 发布 了 新 的 语言 模型 。 该 模型 在 多个 基准 测试 中 表现 良好 ，"
    " 研究 团队 表示 将 公开 全部 代码 和 数据 。"
)
JAPANESE = (
    "人工知能 の 研究者 たち は 新しい 言語 モデル を 発表 した 。"
    " この モデル は 多く の ベンチマーク で 良い 結果 を 示し 、"
    " 研究 チーム は すべて の コード を 公開 する と 述べた 。"
)


def cjk_page(title: str, sentence: str, lang: str, encoding: str) -> bytes:
    paragraphs = "".join(f"<p>{n} {sentence} {n}</p>" for n in range(1, 9))
    html = (
        f'<!DOCTYPE html><html lang="{lang}"><head><title>{title}</title></head>'
        f"<body><article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )
    return html.encode(encoding)


def gb2312_unlabelled() -> bytes:
    return cjk_page("人工智能 新闻", CHINESE, "zh", "gb2312")


def shift_jis_unlabelled() -> bytes:
    return cjk_page("人工知能 ニュース", JAPANESE, "ja", "shift_jis")


def utf16_cjk_without_bom() -> bytes:
    """Chinese text has no zero bytes in UTF-16: only the markup's ASCII has them."""
    return cjk_page("人工智能 新闻", CHINESE, "zh", "utf-16-le")


def utf8_bom_latin1_header() -> bytes:
    return b"\xef\xbb\xbf" + article("A BOM against the header")


def utf16_bom_utf8_header() -> bytes:
    return article_html("A UTF-16 BOM against the header").encode("utf-16")  # BOM included


def utf16_without_bom(byte_order: str) -> Callable[[], bytes]:
    return lambda: article_html(f"UTF-16 {byte_order} without a BOM").encode(f"utf-16-{byte_order}")


def stray_nul_bytes() -> bytes:
    """A UTF-8 page with a few NUL bytes pasted in: libxml2 stops the document at the first."""
    html = article_html("Stray zero bytes").encode()
    return html.replace(b"<article>", b"<article>\x00\x00").replace(b"Critics", b"\x00Critics")


def random_bytes() -> bytes:
    """Bytes with no signature, served as HTML: compressed or encrypted data looks like this."""
    return random.Random(7).randbytes(8000)


def gzipped(body: bytes) -> bytes:
    return gzip.compress(body)


def crashing_metadata() -> bytes:
    """An og:image no URL parser accepts: crawler.core.fields raises on it (found by this suite)."""
    return article_html(
        "Metadata that crashes", head='<meta property="og:image" content="http://[::1">'
    ).encode()


def odd_jsonld_values(headline: str) -> bytes:
    """A JSON-LD headline that is no string (`headline` is its JSON) and a word count of
    5,000 digits: a comparison with the headline and int() raised (audit 29)."""
    head = (
        f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": {headline},'
        f' "wordCount": "{"9" * 5000}"}}</script>'
    )
    return article_html("A headline no JSON-LD spells right", head=head).encode()


def broken_own_address() -> bytes:
    """An og:url with a broken authority beside a promotion card whose heading links out:
    the teaser rule's address split raised on it (audit 29)."""
    card = '<div class="promo"><h3><a href="/other-story">Another story entirely</a></h3></div>'
    html = article_html(
        "The page names itself badly", head='<meta property="og:url" content="http://[">'
    )
    return html.replace("</article>", f"{card}</article>").encode()


def overflowing_dates() -> bytes:
    """Dates past datetime.max once moved to UTC (astimezone raised OverflowError), and a
    zone offset of 99 hours (ValueError)."""
    date = "9999-12-31T23:59:59-14:00"
    head = (
        f'<meta name="date" content="{date}">'
        '<meta property="article:modified_time" content="2026-11-21T10:00:00+99:00">'
        f'<script type="application/ld+json">{{"@type": "NewsArticle", "datePublished": '
        f'"{date}", "dateModified": "0001-01-01T00:00:00+14:00"}}</script>'
    )
    return article_html("Dates from the end of time", head=head).encode()


def deep_jsonld(depth: int = 100_000) -> bytes:
    """A JSON-LD block of 100,000 open brackets: json.loads raised RecursionError."""
    head = f'<script type="application/ld+json">{"[" * depth}</script>'
    return article_html("Brackets all the way down", head=head).encode()


@cache
def long_article_body(words: int) -> bytes:
    """A JSON-LD articleBody of `words` words over the short visible article: 58,000 made
    the page `too_long`, 1.8 million (9 MB) took 1.3 GB in trafilatura's JSON-LD reader,
    `extract_out_of_memory` (audit 36)."""
    jsonld = '{"@type": "NewsArticle", "headline": "Long body", "articleBody": "%s"}' % (
        "word " * words
    )
    head = f'<script type="application/ld+json">{jsonld}</script>'
    return article_html("A body only the JSON-LD holds", head=head).encode()


def control_references() -> bytes:
    """References to characters no XML tree holds: lxml refused every string with one."""
    paragraphs = (*PARAGRAPHS[:2], f"A sentence with &#1;a control and &#xFFFE;{PARAGRAPHS[2]}",
                  *PARAGRAPHS[3:])  # fmt: skip
    html = article_html("A headline with&#11;a vertical tab &#0;", paragraphs)
    return html.replace("<title>", "<title>&#xFFFF;").encode()


def long_canonical() -> bytes:
    """A same-site canonical longer than a record's URL fields hold (2,083 characters)."""
    href = "/content/long-canonical?q=" + "x" * 2100
    return article_html("A canonical too long to keep", head=f'<link rel="canonical" href="{href}">'
                        ).encode()  # fmt: skip


def slow_article(n: int) -> bytes:
    return article_html(f"Slow story number {n}").encode()
