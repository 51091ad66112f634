"""Whether a name is the one a site's domain spells: "The Harbour Post" on harbourpost.com,
"Los Angeles Times" on latimes.com, "New York Times" on nytimes.com.

A page that names its site nowhere (no og:site_name, publisher or logo heading) often has
only its site's name in `<title>` (a theme's home-page title reused on every article).
Matched against the domain, that `<title>` is known for the site's name and not taken for
the headline. Pure string work: extraction workers do not load the suffix list for it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# Words a domain leaves out of the name it spells ("The Harbour Post": harbourpost).
_SKIPPED = frozenset({"the", "a", "an", "of", "and"})
# A domain label is spelled by at most this many words: a longer `<title>` is a headline
# whatever its initials spell.
MAX_NAME_WORDS = 5


def spells_domain(name: str, host: str) -> bool:
    """Each word of `name` in order, whole or by its initial (a leading "the", "of" may be
    left out), spells the host's first label below "www", and at least one word is whole
    or the name is a single word: "LA Times" and "Los Angeles Times" spell latimes,
    "Tech Ledger" does not spell techledgerdaily."""
    words = re.findall(r"[^\W_]+", name.casefold())
    label = _label(host)
    if not words or not label or len(words) > MAX_NAME_WORDS:
        return False
    return _spells(tuple(words), label, whole_used=len(words) == 1)


def _label(host: str) -> str:
    labels = [part for part in host.casefold().strip(".").split(".") if part]
    if labels and labels[0] == "www":
        labels = labels[1:]
    return re.sub(r"[^a-z0-9]", "", labels[0]) if len(labels) >= 2 else ""


@lru_cache(maxsize=1024)
def _spells(words: tuple[str, ...], label: str, whole_used: bool) -> bool:
    if not words:
        return not label and whole_used
    word, rest = words[0], words[1:]
    if word in _SKIPPED and _spells(rest, label, whole_used):
        return True
    if label.startswith(word) and _spells(rest, label[len(word) :], True):
        return True
    return label.startswith(word[0]) and _spells(rest, label[1:], whole_used)


# Publishing platforms that print their own name as the publisher of every site they host:
# Blogger's JSON-LD says `"publisher": {"name": "Blogger"}` on each blogspot blog (audit
# 48), and trafilatura reads its site name from there. Each is the site's name only on the
# platform's own domains (a post on medium.com is Medium's).
_PLATFORM_DOMAINS = {
    "blogger": ("blogger.com",),
    "blogspot": ("blogspot.com",),
    "wordpress": ("wordpress.com", "wordpress.org"),
    "wordpress.com": ("wordpress.com",),
    "medium": ("medium.com",),
    "substack": ("substack.com",),
    "wix": ("wix.com",),
    "wix.com": ("wix.com",),
    "squarespace": ("squarespace.com",),
    "tumblr": ("tumblr.com",),
    "weebly": ("weebly.com",),
    "webflow": ("webflow.com",),
    "ghost": ("ghost.org",),
    "hashnode": ("hashnode.com",),
    "typepad": ("typepad.com",),
    "livejournal": ("livejournal.com",),
    "jimdo": ("jimdo.com",),
}


def names_hosting_platform(name: str, hosts: Iterable[str | None]) -> bool:
    """`name` is a publishing platform's ("Blogger", "WordPress.com") and none of the page's
    `hosts` (its URL's, its canonical's) is the platform's own domain: the platform hosts
    the site, it is not the site's name. A page whose host is unknown is taken for a hosted
    one."""
    domains = _PLATFORM_DOMAINS.get(" ".join(name.casefold().split()))
    if domains is None:
        return False
    return not any(
        (host or "").casefold().strip(".").removeprefix("www.") in domains for host in hosts
    )
