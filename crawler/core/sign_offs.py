"""How a newsletter or a blog post signs off, after its last paragraph: the valediction
("See you tomorrow,", "Until next time,", "Cheers,"), the writers' names under it ("Dana and
Rafi", "The Morning Inference team"), and the issue's closing line ("That's all for this
week. Hit reply and tell me which paper I got wrong.").

A letter's convention, the same on every platform, so its shape is the sign: a valediction
is a few words of its own, ending on a comma or nothing but a "!" or "."; the signature is
names alone, taken with the valediction over it. A name alone under the last paragraph
("- Rob") stays: the benchmarks' golds keep a blogger's signature, and a bare name may be a
quotation's attribution. Asked only of the text's last lines (crawler.core.clean's
trailing edge), where a story's own paragraph is never these words alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_VALEDICTION_WORDS = 8
MAX_CLOSING_WORDS = 40
MAX_SIGNATURE_NAMES = 3

_VALEDICTION = re.compile(
    r"^(?:see you (?:tomorrow|soon|then|next (?:week|time|month|issue|edition)"
    r"|(?:next |on )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"|in (?:two|a couple of) weeks|in the next (?:one|issue|edition))"
    r"|until (?:next time|tomorrow|next week|then)|talk (?:soon|tomorrow|next week)"
    r"|catch you (?:later|tomorrow|next week)|(?:that'?s|that’s) (?:all|it),? folks"
    r"|cheers|best|best wishes|(?:kind |warm |best )?regards|warmly|sincerely|yours(?: truly)?"
    r"|all the best|take care|stay (?:curious|safe|tuned|sharp)|onwards?|peace|xo+|with love"
    r"|(?:many )?thanks(?: again)?|thank you|thanks (?:so much )?for reading"
    r"|happy (?:building|hacking|coding|shipping|reading|prompting|friday|monday|weekend"
    r"|holidays)|have a (?:great|good|nice|lovely|wonderful) (?:weekend|week|day|one))"
    r"\s*(?:[,!.…]|—)?$",
    re.IGNORECASE,
)
# The issue's last words about itself: "That's all for this week.", "That's it for today!",
# then perhaps a sentence more ("Hit reply and tell me …").
_CLOSING = re.compile(
    r"^(?:and )?(?:that'?s|that’s|that is) (?:all|it|a wrap|everything) (?:for|from)"
    r" (?:today|tonight|now|this week|the week|this issue|this edition|this one|me)\b",
    re.IGNORECASE,
)
_DASH = re.compile(r"^[—–~-]+\s*")
_JOINERS = re.compile(r"\s*(?:,|&|\+|\band\b)\s*")
_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}$")
_TEAM = re.compile(r"^(?:[Tt]he\s+)?(?:[A-Z][\w'’&.-]*\s+){1,4}[Tt]eam$")


def sign_off_lines(lines: Sequence[str]) -> int:
    """How many of the last lines are the writer's sign-off (0 when none)."""
    if not lines:
        return 0
    last = lines[-1]
    over = lines[-2] if len(lines) > 1 else ""
    if is_valediction(last) or _closes_the_issue(last) or _signed_valediction(last):
        return 1
    if is_valediction(over) and _signature(last):
        return 2
    return 0


def is_valediction(line: str) -> bool:
    words = len(line.split())
    if words > MAX_VALEDICTION_WORDS or _VALEDICTION.match(line) is None:
        return False
    # One word needs its letter's comma or a mark: "Best" alone may be a list's last item.
    return words > 1 or line[-1] in ",!.…"


def _closes_the_issue(line: str) -> bool:
    return len(line.split()) <= MAX_CLOSING_WORDS and _CLOSING.match(line) is not None


def _signed_valediction(line: str) -> bool:
    """ "Cheers, Dana": the valediction and the signature on one line."""
    head, _, tail = line.rpartition(",")
    return bool(head) and is_valediction(head + ",") and _signature(tail.strip())


def _signature(line: str) -> bool:
    """Names alone: "Dana and Rafi", "— Marguerite", "The Lumen team"."""
    text = _DASH.sub("", line).strip().rstrip(".")
    if _TEAM.match(text):
        return True
    names = [name for name in _JOINERS.split(text) if name]
    return 0 < len(names) <= MAX_SIGNATURE_NAMES and all(map(_NAME.match, names))
