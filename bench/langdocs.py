"""Whole non-English documents: does the pipeline reject them, and keep English ones?

    python bench/langdocs.py [--cache bench/results/langset-cache] [--half tune|check|both]
                             [--failures N]

Builds, in memory, about 830 news pages in about 100 languages and runs
crawler.core.pipeline.process_page on each, with the default Options (LANGUAGES=("en",))
and with Options(languages=()) (keep every language, flagged). bench/langset.py and
bench/language.py test a foreign fragment inside an English text; this set tests the
document decision: a page whose article is foreign must be rejected as non_english (README:
"the document is not in LANGUAGES (record included)"), an English one must be kept.

Every page has the same English chrome (lang="en", nav, search box, cookie banner, byline,
related stories, footer). Foreign text comes from the langset cache (bench/langset_sources.py
readers: spaCy's example sentences, mimesis' sentences and quotes, Debian's fortunes; GTK 3,
mkdocs-material, tarteaucitron and c15t strings of 7 words or more where a language has
fewer than 250 words of sentences; a language needs 60 words in all). Not used: Django's
and klaro's translations, the UDHR, the Leipzig lists (the unshared evaluation's sources)
and CLDR (day and month names do not make documents). English text is ours
(bench/langdocs_english.py). Shapes:

- long (3-8 foreign paragraphs, up to 3 a language), short (2 paragraphs, 60-120 words,
  2 a language), romanized (Cyrillic and Greek transliterated): expected non_english;
- en_title_summary (English headline and standfirst over a foreign body), en_lead_para (the
  English standfirst as the first paragraph), foreign_tech (English terms, 2 English quote
  sentences and a code block in foreign paragraphs), heavy_chrome_short (about 70 foreign
  words in heavy English chrome), for about 60 languages near English or hard for
  langdetect: expected non_english;
- en_quotes_foreign (5 English paragraphs quoting two foreign passages): expected English;
- half_half (2 English paragraphs, then 3 foreign ones): no contract, observed only;
- English controls (long, short, names_code, names_short, heavy_chrome_short with a
  foreign lang attribute): expected English.

The set is rebuilt the same from the same cache and seed. Pages are split into a tuning
half and a check half by a hash of the page id (bench/langset.py's half_of). Per half it
prints a table by shape, the totals, whether every foreign page kept under languages=()
carries the non_english flag, and the seconds a page; then up to N failures of the tuning
half, or of the check half only when --half check is asked for (it stays unseen while
tuning). About a minute on two cores. The cache is fetched by bench/langset.py.
"""

from __future__ import annotations

import argparse
import html
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "bench"
sys.path[:0] = [str(ROOT), str(HERE)]

import langdocs_english as english  # noqa: E402
import langset_sources as sources  # noqa: E402
from langset import half_of  # noqa: E402

from crawler.core.language import warm_up  # noqa: E402
from crawler.core.options import Options  # noqa: E402
from crawler.core.pipeline import process_page  # noqa: E402

SEED = 20261207
URL = "https://neural-ledger.example/story/"
KEEP_ALL = Options(languages=())
# Fortune files mix in English cookies and attributions; these words give them away.
ENGLISH_WORDS = re.compile(r"\b(the|and|you|is|of|with|that)\b", re.I)
# Languages near English, or that langdetect has no profile for: they get the mixed shapes.
# Some have no pool in the cache (nds, ht, tn, lij, dsb); kept so the draw order is the same.
HARD = ("nl", "da", "nb", "nn", "no", "sv", "de", "af", "lb", "li", "nds", "ga", "gd", "cy", "ms",
        "id", "ht", "eo", "la", "ia", "fr", "es", "it", "pt", "ca", "gl", "ast", "oc", "fur",
        "ro", "pl", "cs", "hr", "sq", "tr", "az", "vi", "eu", "is", "fi", "et", "lt", "lv", "kg",
        "lg", "nso", "tn", "xh", "yo", "kmr", "ku", "sr-latn", "wa", "io", "br", "lij", "dsb",
        "hsb", "sl", "sk", "hu", "ru", "zh")  # fmt: skip
ROMANIZED = ("ru", "uk", "bg", "el", "kk", "sr", "mk", "be")
REJECTED = ("non_english", "unwanted_language")


@dataclass(frozen=True)
class Page:
    id: str
    lang: str  # the foreign language in the page; "en" for the English controls
    shape: str
    expect: str  # "reject", "accept" or "observe"
    html: str

    @property
    def half(self) -> str:
        return half_of(self.id)


# --- sources ---------------------------------------------------------------------------------
def missing_sources(cache: Path) -> list[str]:
    """The cache folders the readers below open, those absent."""
    wanted = [cache / "pip" / f"{name}-{sources.PIP[name]}" for name in ("spacy", "mimesis")]
    wanted.append(cache / "pip" / f"mkdocs-material-{sources.PIP['mkdocs-material']}")
    wanted += [cache / "npm" / f"{name.replace('/', '_')}-{v}" for name, v in sources.NPM.items()]
    wanted += [cache / "apt" / name / "root" for name in sources.APT]
    return [str(path) for path in wanted if not path.exists()]


def code_of(locale: str, source: str) -> str:
    locale = locale.lower()
    if source == "fortunes" and locale == "br":
        return "pt"  # Debian's fortunes-br is Brazilian Portuguese, not Breton
    code = re.split(r"[-_@.]", locale)[0]
    return code + "-latn" if "@latin" in locale else code


def pools(cache: Path) -> dict[str, tuple[list[str], str]]:
    """Language -> (its strings, "sentences", "sentences+ui" or "ui"). Sentences first;
    interface and cookie strings only where a language has under 250 words of sentences:
    odd prose, but genuinely in that language."""
    sentences, ui = defaultdict(list), defaultdict(list)
    for reader in (sources.read_spacy_examples, sources.read_mimesis, sources.read_fortunes):
        for entry in reader(cache):
            text = " ".join(entry.lines[0].split())
            if entry.source == "fortunes" and _english_fortune(text):
                continue
            if len(text) >= 3:
                sentences[code_of(entry.locale, entry.source)].append(text)
    readers = (sources.read_gtk, sources.read_mkdocs_material, sources.read_tarteaucitron,
               sources.read_c15t)  # fmt: skip
    for reader in readers:
        for entry in reader(cache):
            for line in entry.lines:
                text = " ".join(line.replace("_", "").split())  # "_" marks a GTK accelerator
                # Placeholders and markup are not prose; an untranslated copy is English.
                prose = not re.search(r"[%{}<>&\\]", text)
                if len(text.split()) >= 7 and text != entry.english and prose:
                    ui[code_of(entry.locale, entry.source)].append(text)
    chosen = {}
    for code in sorted((set(sentences) | set(ui)) - {"en"}):
        own = list(dict.fromkeys(sentences.get(code, [])))
        extra = list(dict.fromkeys(ui.get(code, [])))
        if _words(own) >= 250:
            items, kind = own, "sentences"
        else:
            items, kind = own + extra, "sentences+ui" if own else "ui"
        if _words(items) >= 60:
            chosen[code] = (items, kind)
    return chosen


def _english_fortune(text: str) -> bool:
    attribution = text.startswith("--") or " -- " in text
    return attribution or len(text.split()) < 5 or bool(ENGLISH_WORDS.search(text))


def _words(items: list[str]) -> int:
    return sum(len(text.split()) for text in items)


# --- text ------------------------------------------------------------------------------------
class Drawer:
    """Draws a pool's strings in a shuffled order, reshuffling when it runs out, so small
    pools are reused across a language's pages but not within a paragraph while they last."""

    def __init__(self, items: list[str], rng: random.Random):
        self.items, self.rng, self.order = items, rng, []

    def next(self) -> str:
        if not self.order:
            self.order = self.items[:]
            self.rng.shuffle(self.order)
        return self.order.pop()


def nwords(text: str) -> int:
    # Scripts written without spaces (Chinese, Japanese, Thai): about two characters a word.
    count = len(text.split())
    return max(count, len(text) // 2) if count <= 2 and len(text) > 12 else count


def paragraph(drawer: Drawer, min_words: int) -> str:
    out = []
    while sum(nwords(text) for text in out) < min_words:
        text = drawer.next()
        if text and text[-1] not in ".!?。؟।":
            text += "."
        out.append(text)
    return " ".join(out)


def title_from(drawer: Drawer) -> str:
    return " ".join(drawer.next().rstrip(".").split()[:10])


CYRILLIC = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяєіїґ", (
    "a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
    "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "'", "y", "'", "e", "yu", "ya", "ye", "i",
    "yi", "g"), strict=True))  # fmt: skip
GREEK = dict(zip("αβγδεζηθικλμνξοπρστυφχψωάέήίόύώϊϋΐΰς", (
    "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s",
    "t", "y", "f", "ch", "ps", "o", "a", "e", "i", "i", "o", "y", "o", "i", "y", "i", "y",
    "s"), strict=True))  # fmt: skip


def romanize(text: str) -> str:
    """Cyrillic or Greek in Latin letters, as people type it without their keyboard."""
    out = []
    for ch in text:
        latin = CYRILLIC.get(ch.lower(), GREEK.get(ch.lower()))
        if latin is None:
            out.append(ch)
        else:
            out.append(latin.capitalize() if ch != ch.lower() else latin)
    return "".join(out)


# --- pages -----------------------------------------------------------------------------------
NAV = ("Home", "AI", "Research", "Policy", "Startups", "Podcasts", "Events", "Newsletter",
       "Subscribe")  # fmt: skip
RELATED = (
    "OpenAI rival unveils cheaper reasoning model",
    "How chip export rules are reshaping AI research",
    "The week in AI: agents, lawsuits and a new benchmark",
    "Why hospitals are slow to adopt AI scribes",
    "Inside the race to build smaller language models",
    "EU lawmakers clash over foundation model rules",
    "Robot startups bet on language interfaces",
    "Five things to know about AI chips this year",
    "Data centre boom strains local power grids",
    "Can open-source AI stay open?",
)
COOKIES = (
    '<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your '
    'experience, analyse traffic and personalise ads. By clicking "Accept all" you '
    "agree to our use of cookies. You can change your preferences at any time.</p>\n"
    '<button>Accept all</button><button>Reject all</button><a href="/privacy">Manage '
    "preferences</a></div>"
)
HEAVY = (
    '<div class="author-bio"><p>Maria Santos covers artificial intelligence, chips and '
    "technology policy for The Neural Ledger. She previously worked as a software engineer "
    "and has reported from Brussels, San Francisco and Singapore.</p></div>"
    '<div class="newsletter"><h3>Get the AI briefing</h3><p>Sign up for our free daily '
    "newsletter and get the most important artificial intelligence stories delivered to "
    'your inbox every morning. No spam, unsubscribe at any time.</p><form><input type="email" '
    'placeholder="Your email address"><button>Sign up</button></form></div>'
    '<div class="share"><a>Share on X</a> <a>Share on LinkedIn</a> <a>Copy link</a></div>'
)
FOOTER = (
    "<footer><p>&copy; 2026 The Neural Ledger. All rights reserved.</p>\n"
    '<ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy policy</a></li>'
    '<li><a href="/terms">Terms of use</a></li><li><a href="/contact">Contact</a></li></ul>'
    "</footer>"
)
BLOCK = {
    "p": "<p>{}</p>",
    "quote": "<blockquote><p>{}</p></blockquote>",
    "code": "<pre><code>{}</code></pre>",
}


def page_html(title, blocks, *, lang_attr="en", heavy_chrome=False, dek=None) -> str:
    """A news article page: `blocks` is a list of ("p" | "quote" | "code", text)."""
    esc = html.escape
    body = "\n".join(BLOCK[kind].format(esc(text)) for kind, text in blocks)
    related = "".join(
        f'<li><a href="/story/{i}">{esc(t)}</a></li>'
        for i, t in enumerate(RELATED if heavy_chrome else RELATED[:4])
    )
    nav = "".join(f'<li><a href="/{name.lower()}">{name}</a></li>' for name in NAV)
    dek_html = f'<p class="standfirst">{esc(dek)}</p>' if dek else ""
    time_tag = '<time datetime="2026-11-20T08:30:00Z">November 20, 2026</time>'
    return f"""<!DOCTYPE html>
<html lang="{lang_attr}"><head><meta charset="utf-8">
<title>{esc(title)} | The Neural Ledger</title>
<meta name="description" content="{esc(dek or title)}">
<meta property="og:site_name" content="The Neural Ledger">
<meta property="og:title" content="{esc(title)}">
<meta property="og:type" content="article">
<meta name="author" content="Maria Santos">
<meta property="article:published_time" content="2026-11-20T08:30:00Z">
</head><body>
<header><a class="logo" href="/">The Neural Ledger</a>
<nav><ul>{nav}</ul></nav>
<form class="search"><input type="search" placeholder="Search"><button>Search</button></form></header>
{COOKIES}
<main><article>
<h1>{esc(title)}</h1>
{dek_html}
<p class="byline">By <a href="/author/maria-santos" rel="author">Maria Santos</a> &middot; {time_tag} &middot; 6 min read</p>
<div class="entry-content">
{body}
</div>
{HEAVY if heavy_chrome else ""}
</article>
<aside class="related"><h2>Related stories</h2><ul>{related}</ul></aside>
</main>
{FOOTER}
</body></html>
"""  # noqa: E501 (the page as a browser gets it, one element a line)


def paragraphs(blocks: list[str]) -> list[tuple[str, str]]:
    return [("p", text) for text in blocks]


# The builders below draw from one seeded generator in a fixed order: the set is the same
# on every run only while that order is kept.
def plain_foreign(code: str, items: list[str], rng: random.Random) -> list[Page]:
    drawer = Drawer(items, rng)
    total = _words(items)
    pages = []
    for i in range(3 if total >= 600 else 2 if total >= 250 else 1):
        title = title_from(drawer)
        body = [paragraph(drawer, rng.randint(35, 70)) for _ in range(rng.randint(3, 8))]
        pages.append(Page(f"{code}__long{i}", code, "long", "reject",
                          page_html(title, paragraphs(body))))  # fmt: skip
    for i in range(2):
        title = title_from(drawer)
        target = rng.randint(60, 120)
        first = paragraph(drawer, target // 2)
        second = paragraph(drawer, max(10, target - nwords(first)))
        pages.append(Page(f"{code}__short{i}", code, "short", "reject",
                          page_html(title, paragraphs([first, second]))))  # fmt: skip
    return pages


def mixed(code: str, items: list[str], rng: random.Random) -> list[Page]:
    drawer = Drawer(items, rng)
    pages = []

    def add(shape, expect, *args, **kwargs):
        pages.append(Page(f"{code}__{shape}", code, shape, expect, page_html(*args, **kwargs)))

    body = [paragraph(drawer, rng.randint(40, 60)) for _ in range(rng.randint(3, 5))]
    title = rng.choice(english.TITLES)
    add("en_title_summary", "reject", title, paragraphs(body), dek=rng.choice(english.SUMMARIES))

    body = [paragraph(drawer, rng.randint(40, 60)) for _ in range(rng.randint(3, 4))]
    blocks = [("p", rng.choice(english.SUMMARIES)), *paragraphs(body)]
    add("en_lead_para", "reject", rng.choice(english.TITLES), blocks)

    add("foreign_tech", "reject", *_foreign_tech(drawer, rng))

    body = [paragraph(drawer, 35), paragraph(drawer, 35)]
    add("heavy_chrome_short", "reject", title_from(drawer), paragraphs(body), heavy_chrome=True)

    lead = rng.sample(english.PARAGRAPHS, 5)
    blocks = [("p", lead[0]), ("p", lead[1] + " In a statement, the ministry wrote:"),
              ("quote", paragraph(drawer, 60)), ("p", lead[2]),
              ("p", lead[3] + " Local press quoted her as saying:"),
              ("quote", paragraph(drawer, 40)), ("p", lead[4])]  # fmt: skip
    add("en_quotes_foreign", "accept", rng.choice(english.TITLES), blocks)

    lead = rng.sample(english.PARAGRAPHS, 2)
    body = lead + [paragraph(drawer, 50) for _ in range(3)]
    add("half_half", "observe", rng.choice(english.TITLES), paragraphs(body))
    return pages


def _foreign_tech(drawer: Drawer, rng: random.Random) -> tuple[str, list]:
    """A foreign article as tech sites write it: English terms in every paragraph, an English
    quote in two of them and a code block."""
    blocks = []
    for j in range(4):
        words = paragraph(drawer, 35).split()
        for term in rng.sample(english.TECH_TERMS, 3):
            words.insert(rng.randint(0, len(words)), term)
        if j in (1, 3):
            words.append(english.QUOTES[j % 3])
        blocks.append(("p", " ".join(words)))
        if j == 1:
            blocks.append(("code", english.CODE_BLOCK))
    return title_from(drawer), blocks


def romanized(code: str, items: list[str], rng: random.Random) -> list[Page]:
    drawer = Drawer([romanize(text) for text in items], rng)
    lang, pages = f"{code}-romanized", []
    for i in range(2):
        body = [paragraph(drawer, rng.randint(40, 60)) for _ in range(rng.randint(3, 5))]
        pages.append(Page(f"{lang}__long{i}", lang, "romanized", "reject",
                          page_html(title_from(drawer), paragraphs(body))))  # fmt: skip
    body = [paragraph(drawer, 40), paragraph(drawer, 40)]
    pages.append(Page(f"{lang}__short0", lang, "romanized", "reject",
                      page_html(title_from(drawer), paragraphs(body))))  # fmt: skip
    return pages


def english_controls(rng: random.Random) -> list[Page]:
    pages = []

    def add(name, shape, blocks, **kwargs):
        title = rng.choice(english.TITLES)
        pages.append(Page(f"en__{name}", "en", shape, "accept", page_html(title, blocks, **kwargs)))

    for i in range(12):
        add(f"long{i}", "long", paragraphs(rng.sample(english.PARAGRAPHS, rng.randint(3, 8))))
    for i in range(8):
        add(f"short{i}", "short", paragraphs(rng.sample(english.PARAGRAPHS, 2)))
    for i in range(6):
        blocks = paragraphs(rng.sample(english.NAMES_CODE, 3))
        blocks.insert(2, ("code", english.CODE_BLOCK))
        if i % 2:
            blocks.append(("p", rng.choice(english.PARAGRAPHS)))
        add(f"names_code{i}", "names_code", blocks)
    for i in range(3):
        add(f"names_only_short{i}", "names_short", paragraphs(english.NAMES_CODE[:2]))
    # English under a declared foreign language: the lang attribute must not decide.
    for i, lang_attr in enumerate(("de", "fr", "zh")):
        body = paragraphs(rng.sample(english.PARAGRAPHS, 2))
        add(f"heavy_chrome_short{i}", "heavy_chrome_short", body, heavy_chrome=True,
            lang_attr=lang_attr)  # fmt: skip
    return pages


def build(cache: Path) -> tuple[list[Page], int]:
    """Every page, in the fixed draw order, and the number of language pools."""
    rng = random.Random(SEED)
    chosen = pools(cache)
    pages = []
    for code, (items, _) in chosen.items():
        pages += plain_foreign(code, items, rng)
    for code in HARD:
        if code in chosen:
            pages += mixed(code, chosen[code][0], rng)
    for code in ROMANIZED:
        if code in chosen:
            pages += romanized(code, chosen[code][0], rng)
    return pages + english_controls(rng), len(chosen)


# --- running ---------------------------------------------------------------------------------
@dataclass
class Result:
    reason: str  # "ok" or the reject reason, default Options
    language: str  # the language the pipeline decided, "-" when it made no record
    kept_flags: tuple[str, ...] | None  # languages=(): the kept record's flags, None if not kept
    seconds: float  # the default run

    def outcome(self, page: Page) -> str:
        """ok / slip / wrong reason / false reject, or what an observed page did."""
        accepted_en = self.reason == "ok" and self.language == "en"
        if page.expect == "reject":
            if self.reason == "ok":
                return "slip"
            return "ok" if self.reason in REJECTED else "wrong reason"
        if page.expect == "accept":
            return "ok" if accepted_en else "false reject"
        return "accepted en" if accepted_en else self.reason


def run(page: Page) -> Result:
    body, url = page.html.encode(), URL + page.id
    start = time.perf_counter()
    outcome = process_page(body, url)
    seconds = time.perf_counter() - start
    language = _language(outcome)
    if outcome.reason == "too_short":
        # The record is dropped before the language verdict: ask again without the floor to
        # see which language the pipeline had decided (most often "en", then stripped).
        language = _language(process_page(body, url, options=Options(min_words=1)))
    kept = process_page(body, url, options=KEEP_ALL).record
    flags = tuple(kept.to_json_dict()["flags"]) if kept else None
    return Result(outcome.reason, language, flags, seconds)


def _language(outcome) -> str:
    record = outcome.record.to_json_dict() if outcome.record else outcome.rejected_record
    return (record or {}).get("language") or "-"


# --- report ----------------------------------------------------------------------------------
ROWS = (("long", "reject"), ("short", "reject"), ("romanized", "reject"),
        ("en_title_summary", "reject"), ("en_lead_para", "reject"), ("foreign_tech", "reject"),
        ("heavy_chrome_short", "reject"), ("en_quotes_foreign", "accept"),
        ("half_half", "observe"), ("long", "accept"), ("short", "accept"),
        ("names_code", "accept"), ("names_short", "accept"),
        ("heavy_chrome_short", "accept"))  # fmt: skip


def report(name: str, pairs: list[tuple[Page, Result]]) -> None:
    rows: dict[tuple, list] = defaultdict(list)
    for page, result in pairs:
        rows[(page.shape, page.expect)].append((page, result))
    languages = {page.lang for page, _ in pairs}
    print(f"\n## {name}: {len(pairs)} pages, {len(languages)} languages (romanized apart, en in)\n")
    print("| shape | expected | pages | ok | slip | wrong reason | false reject | outcomes |")
    print("|---|---|---|---|---|---|---|---|")
    for key in ROWS:
        if rows.get(key):
            print(_row(key, rows[key]))
    _totals(pairs)


def _row(key: tuple[str, str], pairs: list[tuple[Page, Result]]) -> str:
    outcomes = Counter(result.outcome(page) for page, result in pairs)
    # What each page got, with the language decided where the reason alone hides it.
    seen = Counter(
        "accepted " + result.language if result.reason == "ok"
        else result.reason + (f" ({result.language})" if result.reason == "too_short" else "")
        for _, result in pairs
    )  # fmt: skip
    detail = ", ".join(f"{what} {n}" for what, n in seen.most_common())
    if key[1] == "observe":
        return f"| {key[0]} | observe | {len(pairs)} | - | - | - | - | {detail} |"
    cells = " | ".join(str(outcomes[o]) for o in ("ok", "slip", "wrong reason", "false reject"))
    return f"| {key[0]} | {key[1]} | {len(pairs)} | {cells} | {detail} |"


def _totals(pairs: list[tuple[Page, Result]]) -> None:
    foreign = [(p, r) for p, r in pairs if p.expect == "reject"]
    ours = [(p, r) for p, r in pairs if p.expect == "accept"]
    rejects = Counter(r.outcome(p) for p, r in foreign)
    lost = sum(r.outcome(p) == "false reject" for p, r in ours)
    print(
        f"\nforeign pages {len(foreign)}: rejected non_english {rejects['ok']}, "
        f"slips (emitted as English) {rejects['slip']}, wrong reason {rejects['wrong reason']}"
        f"\nEnglish pages {len(ours)}: accepted as en {len(ours) - lost}, false rejects {lost}"
    )
    kept = [(p, r) for p, r in foreign if r.kept_flags is not None]
    unflagged = Counter(r.language for _, r in kept if "non_english" not in r.kept_flags)
    verdict = "yes" if not unflagged else f"no, {sum(unflagged.values())} without it"
    by_language = ", ".join(f"decided {lang}: {n}" for lang, n in unflagged.most_common())
    print(
        f"languages=(): every kept foreign page flagged non_english: {verdict} "
        f"({len(kept)} of {len(foreign)} kept{'; ' + by_language if by_language else ''})"
    )
    flagged = sum(r.kept_flags is not None and "non_english" in r.kept_flags for _, r in ours)
    print(f"languages=(): English pages flagged non_english: {flagged} of {len(ours)}")
    seconds = sum(r.seconds for _, r in pairs) / max(len(pairs), 1)
    print(f"process_page, default Options: {seconds:.3f} s a page (this process)")


def failures(pairs: list[tuple[Page, Result]], half: str, count: int) -> None:
    print(f"\n## up to {count} failures of the {half} half\n")
    print("| page | shape | language | outcome | decided |")
    print("|---|---|---|---|---|")
    shown = 0
    for page, result in pairs:
        outcome = result.outcome(page)
        wrong = outcome in ("slip", "wrong reason", "false reject")
        if page.half != half or not wrong or shown >= count:
            continue
        shown += 1
        got = "accepted" if result.reason == "ok" else result.reason
        print(f"| {page.id} | {page.shape} | {page.lang} | {outcome} ({got}) | "
              f"{result.language} |")  # fmt: skip


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=HERE / "results" / "langset-cache")
    parser.add_argument("--half", choices=("tune", "check", "both"), default="both")
    parser.add_argument("--failures", type=int, default=20, metavar="N")
    args = parser.parse_args(argv)
    missing = missing_sources(args.cache)
    if missing:
        print(f"the langset cache is incomplete ({len(missing)} missing, first {missing[0]}).\n"
              "Fetch it once with: .venv/bin/python bench/langset.py "
              "(pip, npm and apt-get download at pinned versions)")  # fmt: skip
        return 0
    start = time.perf_counter()
    pages, n_pools = build(args.cache)
    print(f"{len(pages)} pages, {n_pools} language pools (+ romanized), built in "
          f"{time.perf_counter() - start:.1f} s")  # fmt: skip
    warm_up()
    halves = ("tune", "check") if args.half == "both" else (args.half,)
    chosen = [page for page in pages if page.half in halves]
    pairs = [(page, run(page)) for page in chosen]
    for half in halves:
        report(f"{half} half", [(p, r) for p, r in pairs if p.half == half])
    if args.failures:
        # The check half's pages are read only when asked for by name: it stays unseen.
        failures(pairs, "check" if args.half == "check" else "tune", args.failures)
    print(f"\n{time.perf_counter() - start:.0f} s in all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
