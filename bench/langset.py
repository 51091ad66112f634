"""Build the foreign-fragment dev set: English article texts, each with one real foreign
fragment, from translations that ship in packages (bench/langset_sources.py).

    python bench/langset.py [--cache bench/results/langset-cache]
                            [--out bench/results/langset.jsonl] [--pages 2000] [--seed 14]

A page is the text the language step sees (one paragraph a line, as after cleaning): 4-7
English paragraphs, 2-4 short English interface lines, and one foreign fragment (an
interface string, a cookie banner or a sentence; one line, or a banner's few lines) at a
random place. Half the fragments are short (one line under 30 characters). The language is
drawn first, uniformly over the languages the sources cover, so small languages count as
much as large ones. Pages are split by id into a tuning half and a check half.

Nothing here is committed: the packages are fetched at pinned versions into the cache and
the set is rebuilt the same from the same packages and seed. Catalogue strings that are
left untranslated (the same as, or made only of the words of, their English source) are
dropped: they are English, not foreign.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import langset_sources as sources  # noqa: E402
from langset_english import PARAGRAPHS, UI_LINES  # noqa: E402

HERE = Path(__file__).resolve().parent
SHORT = 30  # characters: a short fragment is one line under this
KIND_WEIGHTS = {"ui": 0.4, "cookie": 0.25, "sentence": 0.35}
# Locale codes the sources use for something else than ISO 639-1.
LOCALE_FIXES = {"se": "sv", "cn": "zh", "br": "pt", "no": "nb", "iw": "he", "jp": "ja"}
_PLACEHOLDER = re.compile(
    r"%\([^)]*\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|%[-#0 +]*\d*(?:\.\d+)?[sdifgxrc]|\{[^{}]*\}"
    r"|\{\{.*?\}\}|\{%.*?%\}|<[^>]+>|&[a-z]+;|&#\d+;|\$\w+|#"
)


def language_of(source: str, locale: str) -> str:
    """`pt_BR` -> `pt`, `sr@latin` -> `sr-Latn`, `zh_Hans` -> `zh`; the fortunes' `br` is
    Brazilian Portuguese, tarteaucitron's `se` Swedish."""
    base = re.split(r"[-_@.]", locale.lower())[0]
    if source in ("fortunes", "tarteaucitron") or base in ("cn", "iw", "jp", "no"):
        base = LOCALE_FIXES.get(base, base)
    return f"{base}-Latn" if "latin" in locale.lower() or "latn" in locale.lower() else base


def clean_string(text: str) -> str:
    text = _PLACEHOLDER.sub(" ", text)
    text = re.sub(r"(?<!\w)_(?=\w)|\(_\w\)|&(?=\w)", "", text)  # accelerators: _Open, (_O)
    return " ".join(text.split()).strip(" :-–—,;")


def _words(text: str) -> set[str]:
    return set(re.findall(r"[^\W\d_]+", text.lower()))


def usable(text: str, english: str | None) -> bool:
    if sum(ch.isalpha() for ch in text) < 3 or re.search(r"[\\|=_/%{}<>@]", text):
        return False
    if english is None:
        return True
    # Untranslated, or translated only around the English words ("i-Sans 12" for "Sans 12").
    english_words = _words(clean_string(english))
    own = [w for w in re.findall(r"[^\W\d_]+", text.lower()) if w not in english_words]
    return sum(map(len, own)) >= 3


def _sentence(text: str) -> bool:
    """A sentence, not a fortune's attribution ("Lord Illingworth"): a lower-case word."""
    lower = any(word[:1].islower() for word in text.split())
    return 8 <= len(text) <= 250 and len(text.split()) >= 2 and lower and text[0] != "-"


def collect_fragments(cache: Path) -> dict[tuple[str, bool], dict[str, list]]:
    """(kind, short) -> language -> list of (source, locale, lines), each string once."""
    readers = [
        sources.read_wheel_catalogues(cache, "sphinx"),
        sources.read_wheel_catalogues(cache, "wagtail"),
        sources.read_wheel_catalogues(cache, "humanize"),
        sources.read_wheel_catalogues(cache, "django-cookie-consent", kind="cookie"),
        sources.read_mkdocs_material(cache),
        sources.read_gtk(cache),
        sources.read_cldr(),
        sources.read_tarteaucitron(cache),
        sources.read_c15t(cache),
        sources.read_spacy_examples(cache),
        sources.read_mimesis(cache),
        sources.read_fortunes(cache),
    ]
    pool = defaultdict(lambda: defaultdict(list))
    seen = set()
    for reader in readers:
        for entry in reader:
            lines = tuple(clean_string(line) for line in entry.lines)
            language = language_of(entry.source, entry.locale)
            if language == "en" or language.startswith("en-"):
                continue
            single_english = entry.english if len(lines) == 1 else None
            if not all(usable(line, single_english) for line in lines):
                continue
            if entry.kind == "sentence" and not _sentence(lines[0]):
                continue
            key = (language, lines)
            if key in seen:
                continue
            seen.add(key)
            short = len(lines) == 1 and len(lines[0]) < SHORT
            pool[(entry.kind, short)][language].append((entry.source, entry.locale, lines))
    return _covered_twice(pool)


def _covered_twice(pool):
    """Only languages that at least two packages translate: CLDR alone has hundreds of
    locales, many of them a few inherited English strings."""
    sources_of = defaultdict(set)
    for by_language in pool.values():
        for language, options in by_language.items():
            sources_of[language].update(source for source, _, _ in options)
    keep = {language for language, names in sources_of.items() if len(names) >= 2}
    return {key: {lang: opts for lang, opts in by_language.items() if lang in keep}
            for key, by_language in pool.items()}  # fmt: skip


def english_pools(cache: Path) -> tuple[list[str], list[str]]:
    """English paragraphs (ours, catalogue help texts, stdlib docstrings) and interface
    lines (ours and catalogue source strings under 30 characters)."""
    paragraphs, ui = list(PARAGRAPHS), list(UI_LINES)
    catalogue_english = set()
    # GTK's short source strings are mostly key, font, paper and script names, not lines
    # a page shows; its long ones are help texts like the others.
    for reader, short_too in (
        (sources.read_wheel_catalogues(cache, "sphinx"), True),
        (sources.read_wheel_catalogues(cache, "wagtail"), True),
        (sources.read_mkdocs_material(cache), True),
        (sources.read_gtk(cache), False),
    ):
        for entry in reader:
            if entry.english:
                catalogue_english.add((clean_string(entry.english), short_too))
    for text, short_too in sorted(catalogue_english):
        if len(text) >= 120 and usable(text, None) and text not in paragraphs:
            paragraphs.append(text)
        elif short_too and 3 <= len(text) < SHORT and usable(text, None):
            ui.append(text)
    paragraphs += sources.stdlib_paragraphs()
    return paragraphs, ui


def half_of(page_id: str) -> str:
    return "check" if hashlib.sha256(page_id.encode()).digest()[0] % 2 else "tune"


def build_pages(pool, paragraphs, ui_lines, n_pages: int, seed: int) -> list[dict]:
    rng = random.Random(seed)
    used: dict[tuple, set] = defaultdict(set)
    pages = []
    kinds, weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
    for number in range(n_pages):
        short = number % 2 == 0
        kind = rng.choices(kinds, weights)[0]
        if not pool.get((kind, short)):
            kind = next(k for k in kinds if pool.get((k, short)))
        by_language = pool[(kind, short)]
        language = rng.choice(sorted(by_language))
        options = by_language[language]
        fresh = [i for i in range(len(options)) if i not in used[(kind, short, language)]]
        index = rng.choice(fresh or range(len(options)))
        used[(kind, short, language)].add(index)
        source, locale, fragment = options[index]
        page_id = f"p{number:05d}"
        chosen = rng.sample(paragraphs, rng.randint(4, 7))
        lines = [{"text": text, "role": "paragraph"} for text in chosen]
        for text in rng.sample(ui_lines, rng.randint(2, 4)):
            lines.insert(rng.randint(0, len(lines)), {"text": text, "role": "ui"})
        at = rng.randint(0, len(lines))
        lines[at:at] = [{"text": text, "role": "fragment"} for text in fragment]
        pages.append(
            {
                "id": page_id,
                "half": half_of(page_id),
                "fragment": {
                    "language": language,
                    "locale": locale,
                    "source": source,
                    "kind": kind,
                    "short": short,
                },  # fmt: skip
                "lines": lines,
            }
        )
    return pages


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, default=HERE / "results" / "langset-cache")
    parser.add_argument("--out", type=Path, default=HERE / "results" / "langset.jsonl")
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=14)
    args = parser.parse_args(argv)
    fetched = sources.fetch_all(args.cache)
    pool = collect_fragments(args.cache)
    paragraphs, ui_lines = english_pools(args.cache)
    pages = build_pages(pool, paragraphs, ui_lines, args.pages, args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("w", encoding="utf-8") as out:
        for page in pages:
            out.write(json.dumps(page, ensure_ascii=False) + "\n")
    languages = {page["fragment"]["language"] for page in pages}
    manifest = {"packages": fetched, "seed": args.seed, "pages": len(pages),
                "languages": len(languages), "english_paragraphs": len(paragraphs),
                "ui_lines": len(ui_lines),
                "fragments": {f"{k}/{'short' if s else 'long'}": sum(map(len, v.values()))
                              for (k, s), v in sorted(pool.items())}}  # fmt: skip
    args.out.with_suffix(".manifest.json").write_text(json.dumps(manifest, indent=1) + "\n")
    print(json.dumps(manifest, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
