"""Content a page prints once per screen size: one copy is kept.

Site builders render a section once for each breakpoint and let CSS show the one that
fits the screen: Framer's `<div class="ssr-variant hidden-72rtr7">` siblings, each hidden
by an `@media` rule of the page's own `<style>`; Webflow's `w-hidden-main` beside
`w-hidden-small`, Bootstrap's `d-none d-md-block` beside `d-md-none`, Elementor's
`elementor-hidden-mobile`, a theme's `hidden-mobile` and `hidden-desktop`. A crawler sees
every copy: the article's body, its meta line and headline came out two or three times
(audit 47: precision 0.41).

A copy goes only when it is marked so and a sibling holds (nearly) all of its words: a
story that repeats a paragraph on purpose carries no such mark, and a mobile summary that
says something else than the desktop text is not a copy.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

# Class names that show or hide an element at some screen sizes, as frameworks and
# builders name them: "hidden-xs", "visible-lg", "hide-on-mobile", "show-for-small-only",
# "w-hidden-main", "elementor-hidden-tablet", "is-hidden-touch", "mobile-only",
# "desktop-hide", Bootstrap's "d-md-none", Tailwind's "md:hidden", Framer's "ssr-variant".
_SIZE = r"(?:xs|sm|md|lg|xl|xxl|mobile|desktop|tablet|phone|touch|small|medium|large|main|tiny)"
_RESPONSIVE_CLASS = re.compile(
    rf"(?:^|[-_])(?:hidden|hide|visible|show)(?:-on|-for)?-{_SIZE}(?![a-z])"
    r"|(?:^|[-_])(?:mobile|desktop|tablet|phone)-(?:only|hidden|hide|visible|show)$"
    r"|^d-(?:sm|md|lg|xl|xxl)-(?:none|block|flex|grid|inline|inline-block)$"
    r"|^(?:sm|md|lg|xl|2xl):(?:hidden|block|flex|grid|inline|inline-block)$"
    r"|^ssr-variant$"
)
# The cheap part of that test: a class attribute that may hold such a name. Each element's
# class is tested in Python: an XPath testing them for these words took 60 ms on a page of
# 10,000 elements, this 12.
_MAYBE_RESPONSIVE = re.compile(r"hid|visib|show|only|d-|:|variant")

# `@media (max-width: 809px) { .hidden-vc9kxa { display: none !important } }`: a class
# the page's own stylesheet hides at some screen sizes.
_MEDIA = re.compile(r"@media[^{]*\{")
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_DISPLAY_NONE = re.compile(r"display\s*:\s*none", re.IGNORECASE)
_ONE_CLASS = re.compile(r"^\.((?:[\w-]|\\.)+)$")
# A copy whose word pairs are all but this share in a sibling's says nothing the sibling does
# not: a phone's copy may leave out an avatar or a separator dot.
MIN_SHARED_WORDS = 0.9


# Children a reader never sees: a script's JSON holding the story's text is no copy of it
# and not "the copy" either (both screen sizes' bodies went beside one, audit review).
_UNSEEN = frozenset({"script", "style", "template", "noscript"})
_SHOWN_TEXT = etree.XPath(
    ".//text()[not(ancestor::script or ancestor::style or ancestor::template"
    " or ancestor::noscript)]"
)
# Screen-size copies come in twos and threes: a parent with more marked children is a list
# whose items a framework lays out per breakpoint (Tailwind's `<li class="md:flex">`), and
# comparing each with all its siblings took minutes on a list of 2,000.
MAX_MARKED_SIBLINGS = 20


# A line this long said twice in the text: the page may print its body once per screen size.
MIN_REPEATED_CHARS = 60


def repeats_a_line(text: str) -> bool:
    lines = [line for line in text.split("\n") if len(line) >= MIN_REPEATED_CHARS]
    return len(set(lines)) < len(lines)


def drop_responsive_copies(tree) -> int:
    """Remove the responsive copies that a sibling holds in full; how many."""
    media_hidden = _media_hidden_classes(tree)
    body = tree.find("body")
    marked = [
        element
        for element in (tree if body is None else body).iter(etree.Element)
        if (classes := element.get("class")) and _responsive(classes, media_hidden)
    ]
    dropped, marks = 0, set(marked)
    for parent in dict.fromkeys(element.getparent() for element in marked):
        if parent is not None:
            dropped += _drop_copies_among(parent, marks)
    return dropped


def _responsive(classes: str, media_hidden: set[str]) -> bool:
    names = classes.split()
    if media_hidden and not media_hidden.isdisjoint(names):
        return True
    return bool(_MAYBE_RESPONSIVE.search(classes)) and any(
        _RESPONSIVE_CLASS.search(name) for name in names
    )


def _drop_copies_among(parent, marked: set) -> int:
    """Drop each marked child of `parent` whose words another child (kept so far, at least
    as long) holds; of two equal marked copies the later goes."""
    children = [
        (position, child, words, sum(words.values()))
        for position, child in enumerate(
            child for child in parent if isinstance(child.tag, str) and child.tag not in _UNSEEN
        )
        if (words := _word_pairs(child))
    ]
    if sum(child in marked for _, child, _, _ in children) > MAX_MARKED_SIBLINGS:
        return 0
    dropped = set()
    for position, child, words, size in children:
        if child not in marked:
            continue
        for other_position, other, other_words, other_size in children:
            if other is child or other in dropped or other_size < size:
                continue
            if other_size == size and other in marked and other_position > position:
                continue
            shared = sum((words & other_words).values())
            if shared >= MIN_SHARED_WORDS * size:
                dropped.add(child)
                break
    for child in dropped:
        child.drop_tree()
    return len(dropped)


def _word_pairs(element) -> Counter:
    """The element's word pairs (its one word, if that is all): a sentence's pairs are in a
    long sibling only when the sibling says it too, where its single words are in any."""
    words = " ".join(_SHOWN_TEXT(element)).lower().split()
    return Counter(zip(words, words[1:], strict=False) if len(words) > 1 else words)


def _media_hidden_classes(tree) -> set[str]:
    """Classes a rule inside an `@media` block of the page's `<style>`s sets to
    `display: none`, alone in their selector."""
    found: set[str] = set()
    for style in tree.iter("style"):
        css = style.text or ""
        if "@media" not in css:
            continue
        for block in _media_blocks(css):
            for selectors, declarations in _RULE.findall(block):
                if not _DISPLAY_NONE.search(declarations):
                    continue
                for selector in selectors.split(","):
                    one = _ONE_CLASS.match(selector.strip())
                    if one:
                        found.add(re.sub(r"\\(.)", r"\1", one.group(1)))
    return found


def _media_blocks(css: str):
    """The text inside each `@media { … }` block, its own braces matched."""
    for start in _MEDIA.finditer(css):
        depth = 1
        for brace in _BRACE.finditer(css, start.end()):
            depth += 1 if brace.group() == "{" else -1
            if not depth:
                yield css[start.end() : brace.start()]
                break


_BRACE = re.compile(r"[{}]")
