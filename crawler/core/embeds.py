"""Posts embedded from social networks: `<blockquote class="twitter-tweet">` and the like.

A site embeds a post as a blockquote of the post's text, its author's name and handle and
its date, which the network's script turns into a card. Without the script, trafilatura
reads the blockquote as a quotation of the article's ("The DPC has today announced …
https://t.co/…", "— Data Protection Commission (@DPCIreland) September 15, 2025"). The
post is a source the article cites, not the article's text: the article says what it
says in its own paragraphs. Dragnet's gold leaves embedded tweets out (a page of nine);
one Readability page keeps its one.
"""

from __future__ import annotations

import re

# The classes the networks' embed codes give the blockquote.
EMBED_CLASS = re.compile(
    r"\b(twitter-tweet|twitter-video|instagram-media|tiktok-embed|bluesky-embed"
    r"|mastodon-embed|threads-post|text-post-media)\b"
)


def drop_social_embeds(tree) -> int:
    """Remove embedded social posts (their tails stay); how many there were."""
    found = [
        quote for quote in tree.iter("blockquote") if EMBED_CLASS.search(quote.get("class") or "")
    ]
    for quote in found:
        if quote.getparent() is not None:
            quote.drop_tree()
    return len(found)
