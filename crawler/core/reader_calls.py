"""The site asking its reader to act, after the story: "Join Townhall VIP and use promo
code FIGHT …", "Let us know by writing to letters@…", "… you can help. Become a Founding
Member.", "Share your experiences … on The Jakarta Post."

Each site words its own call, so a list of phrases is always one site behind (audit 44: five
publishers, five wordings). What they share is the shape: a clause that opens with a call to
act on the site (join, become a member, share your …, let us know, donate, subscribe, use a
promo code, advertise with us), said by the site ("us", "our", "we") or naming it or its
programme in capitals, or by the writer of a blog post or an issue in their own voice ("connect
with me on LinkedIn", "Hit reply and tell me …"), and nothing a story reports (no quotation,
no "said"). Or a call for the reader's own news with the desk's address or number: "Have a
story from your county? Email news@… or WhatsApp 0722 555 010.", "Send us your stories and
photos at …" (audit 48). Asked only of the lines at the end of the text (crawler.core.clean's
trailing edge), where a story's own last paragraph rarely calls the reader to anything, and
then never in these words.
"""

from __future__ import annotations

import re

# Longer than this is a story's paragraph that mentions such words.
MAX_CALL_WORDS = 60

# Where a clause starts: the line's start, a sentence's end, a dash, or "by"/"and" before a
# verb ("… by joining our WhatsApp community", "… and use promo code FIGHT").
_CLAUSE = (
    r"(?:^|[.!?:;]\s+|\s[-–—]\s+|\bby\s+|\band\s+|\bplease\s+|\bfeel\s+free\s+to\s+"
    r"|\bdon['’]?t\s+hesitate\s+to\s+)"
)
# Calls said in the site's voice ("us", "our", "we" in the line): a story's own "how to take
# part" paragraph ("Make a donation to the Red Cross …", "by becoming a member you get a
# vote", "join the community meeting") speaks of others, not of the site.
_VOICED_CALL = re.compile(
    _CLAUSE
    + r"(?:becom(?:e|ing)\s+an?\s+(?:[\w-]+\s+){0,2}(?:member|subscriber|supporter|patron|insider)"
    r"|use\s+(?:promo|coupon|discount)\s+code\b"
    r"|join(?:ing)?\s+our\s+(?:[\w-]+\s+){0,2}(?:community|channel|group)\b"
    r"|writ(?:e|ing)\s+to\s+\S+@"
    r"|make\s+a\s+(?:donation|contribution|gift)\b|donat(?:e|ing)\s+(?:today|now|to\s+us)\b"
    r"|follow(?:ing)?\s+us\s+on\s+(?:twitter|x|facebook|instagram|linkedin|threads|bluesky|tiktok"
    r"|youtube|whatsapp|telegram)\b"
    r"|download(?:ing)?\s+our\s+(?:[\w-]+\s+)?app\b"
    r"|get\s+all\s+the\s+latest\b"
    # A newsletter's call to advertisers under the issue: "Want to reach 210,000 AI
    # professionals? Advertise with us."
    r"|advertis(?:e|ing)\s+with\s+us\b|sponsor\s+(?:this|our)\s+(?:newsletter|podcast|issue)\b)",
    re.IGNORECASE,
)
# Calls the writer makes in their own voice, under a blog post or an issue: "feel free to
# connect with me on LinkedIn", "Hit reply and tell me …", "subscribe to my newsletter".
_WRITER_CALL = re.compile(
    _CLAUSE + r"(?:(?:connect|follow|find)(?:ing)?\s+(?:with\s+)?me\s+(?:on|at|over\s+on)\s+"
    r"(?:linkedin|x|twitter|medium|substack|github|bluesky|threads|mastodon|instagram|youtube)\b"
    r"|subscribe\s+to\s+my\s+(?:newsletter|substack|channel|blog)\b"
    r"|(?:hit|just|simply)\s+reply\b|reply\s+to\s+this\s+(?:email|e-mail|newsletter|issue)\b)",
    re.IGNORECASE,
)
_SITE_VOICE = re.compile(r"\b(?:us|our|we)\b", re.IGNORECASE)
# Calls that name the site or its programme instead: "Become a Founding Member", "Join
# Townhall VIP", "Share your experiences … on The Jakarta Post" (a name in capitals).
_NAMED_CALL = re.compile(
    _CLAUSE
    + r"(?:(?i:becom(?:e|ing)\s+an?)\s+(?:[A-Z][\w-]*\s+){0,2}(?:Member|Subscriber|Supporter"
    r"|Patron|Insider)\b"
    r"|(?i:join(?:ing)?)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}\s+(?:VIP|Plus|Premium|PRO|Insider)\b"
    r"|(?i:shar(?:e|ing)\s+your\s+(?:experiences?|feedback|suggestions)\b).{0,80}"
    r"\b(?:(?i:with\s+us)|on\s+(?:The\s+)?[A-Z][\w-]*))"
)
# A call for the reader's news: the site asks for stories or tips, and says where to send them
# (an e-mail address or a phone number in the line). A story's appeal for witnesses ("Anyone
# with information is asked to call police on …") asks for no story or tip.
_NEWS_REQUEST = re.compile(
    _CLAUSE + r"(?:(?:do you have|have you got|got|have|if you have|know of)\s+(?:a|an|any)\s+"
    r"(?:[\w-]+\s+){0,2}(?:story|stories|tips?|scoops?|story ideas?)\b"
    r"|(?:send|share|submit|e-?mail|whatsapp|text)\s+(?:us\s+)?(?:your|any)\s+(?:[\w-]+\s+){0,2}"
    r"(?:stories|story|news|tips?|story ideas?|photos?|pictures?|videos?)\b)",
    re.IGNORECASE,
)
# Whose request it is: the site's own voice ("us", "our", "we", its newsroom or desk), or a line
# that opens as the site's question ("Have a story from your county?", "Got a tip?"). A story's
# closing line passes on a third party's request ("If you have any tips about where the dog
# might be, call the animal shelter on …", "The museum is asking former workers to share any
# stories …; they can email …"), which is the story's news, not the site's call.
_NEWSROOM_VOICE = re.compile(
    r"\b(?:us|our|we|the\s+(?:newsroom|news\s*desk|desk|editors?))\b", re.IGNORECASE
)
_OPENING_QUESTION = re.compile(
    r"^\W*(?:do\s+you\s+have|have\s+you\s+got|got|have)\s+(?:a|an|any)\s+(?:[\w-]+\s+){0,2}"
    r"(?:story|stories|tips?|scoops?|story\s+ideas?)\b[^.?!]*\?",
    re.IGNORECASE,
)
_ADDRESS_OR_NUMBER = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|\+?\(?\d[\d\s().-]{6,}\d")
# What a story reports: a quotation (three words or more between quotation marks; a word in
# scare quotes, "an “infodemic”", is no quotation) or its verb.
_REPORTED = re.compile(
    r"[“\"«](?:[^”\"»]*\s){2}[^”\"»]*[”\"»]"
    r"|\b(?:said|says|told|wrote|writes|added|asked|urged|according to)\b",
    re.IGNORECASE,
)


def is_reader_call(line: str) -> bool:
    """`line` is the site's call to its reader (see the module's docstring)."""
    return (
        len(line.split()) <= MAX_CALL_WORDS
        and _REPORTED.search(line) is None
        and (
            _NAMED_CALL.search(line) is not None
            or _WRITER_CALL.search(line) is not None
            or (_VOICED_CALL.search(line) is not None and _SITE_VOICE.search(line) is not None)
            or (
                _NEWS_REQUEST.search(line) is not None
                and _ADDRESS_OR_NUMBER.search(line) is not None
                and (
                    _NEWSROOM_VOICE.search(line) is not None
                    or _OPENING_QUESTION.search(line) is not None
                )
            )
        )
    )
