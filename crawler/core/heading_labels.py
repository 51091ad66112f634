"""Labels a newsroom sets in its headline by wording, with no class to mark them:
"EXCLUSIVE: Tech giant …", "Opinion: AI will not …", "… in Arizona UPDATED".

A label is a kind of piece or a state of the story, known by a short list of words at the
start of the heading (before a separator or not) or at its end. Its word alone does not
make it one: sites print "Breaking: …", "Photos: …", "Update: …" as part of the headline
they name the page by, and the same words begin sentences ("Opinion polls show …",
"Breaking Bad star …", "Watch makers bet on AI"). The page's <title>, the site's own name
for the page in tabs and search results, decides: a label is left out when the <title>
names the headline without it. og:title and JSON-LD do not: a social card adds a hook
("EXCLUSIVE: …" beside a <title> without it) or drops one ("The Small Towns …" beside
"Photos: The Small Towns …" in the <title> and the headline the reader sees).
"""

from __future__ import annotations

import re

LABEL_WORDS = (
    "analysis",
    "breaking",
    "developing",
    "exclusive",
    "explainer",
    "gallery",
    "just in",
    "listen",
    "live",
    "opinion",
    "photos",
    "podcast",
    "review",
    "sponsored",
    "updated",
    "update",
    "video",
    "watch",
)
_LABEL = "|".join(word.replace(" ", r"\s+") for word in LABEL_WORDS)
_SEPARATOR = "[:|–—]"
# "Opinion: …", "EXCLUSIVE | …", "LIVE …": the label, then a separator, or in capitals
# without one. Not a word of the headline: "Live Aid at 40", "Breaking News: storm …".
_CAPITAL_LABEL = "|".join(word.upper().replace(" ", r"\s+") for word in LABEL_WORDS)
_LEADING = re.compile(rf"(?:(?i:{_LABEL})\s*{_SEPARATOR}|(?:{_CAPITAL_LABEL}))\s+(?=\w)")
# "… in Arizona UPDATED", "… in Arizona | Updated": an update's badge. Other label words end
# headlines as words of them ("How to start a podcast", "Five stocks to watch").
_TRAILING = re.compile(rf"(?<=\w)\s+(?:{_SEPARATOR}\s*)?(?i:updated)$")
MIN_HEADLINE_WORDS = 3  # what is left must still read as a headline


def without_label(heading: str, title_tag: str | None) -> str:
    """`heading` less a label word at its start or end, when the <title> names the headline
    that is left ("Headline | Site", "Site - Headline") and not the label beside it."""
    if not title_tag:
        return heading
    title = _simple(title_tag)
    for rest, label, leading in _unlabelled(heading):
        if _named_alone(title, _simple(rest), _simple(label), leading):
            return rest
    return heading


def _unlabelled(heading: str):
    """(headline, label, whether the label led) for each way `heading` reads as labelled."""
    lead = _LEADING.match(heading)
    if lead and len(heading[lead.end() :].split()) >= MIN_HEADLINE_WORDS:
        yield heading[lead.end() :], lead.group(0), True
    trail = _TRAILING.search(heading)
    if trail and len(heading[: trail.start()].split()) >= MIN_HEADLINE_WORDS:
        yield heading[: trail.start()], trail.group(0), False


def _named_alone(title: str, rest: str, label: str, leading: bool) -> bool:
    """The title starts or ends with the headline, and the label is not on its side of it."""
    if rest not in title:
        return False
    at = title.find(rest)
    before, after = title[:at], title[at + len(rest) :]
    if before and after:
        return False
    return not (before.endswith(label) if leading else after.startswith(label))


def _simple(value: str) -> str:
    return re.sub(r"\W+", "", value).lower()
