"""A writer's sign-off under the last paragraph (crawler.core.sign_offs, asked by
crawler.core.clean's trailing edge): the valediction goes, with the names under it and the
issue's closing line; a blogger's name alone, a story's last sentence in the same words and
a sign-off between paragraphs stay."""

from __future__ import annotations

import pytest

from crawler.core.clean import clean_lines
from crawler.core.sign_offs import is_valediction, sign_off_lines
from tests.test_clean import BODY


@pytest.mark.parametrize(
    "ending",
    [
        ["See you tomorrow,", "Priya and Tom"],
        ["Until next time,", "— Okonkwo"],
        ["Talk soon,", "The Ferncastle Weekly team"],
        ["Have a great weekend!", "Jun & Mireille"],
        ["Cheers, Lena"],
        ["Happy building!"],
        ["That's all for today. Hit reply and tell me which launch I should have covered."],
        ["That’s it for this week — see you on Friday."],
    ],
)
def test_a_sign_off_after_the_last_paragraph_goes(ending):
    assert sign_off_lines([*BODY, *ending]) == len(ending)
    assert clean_lines([*BODY, *ending]).lines == BODY


def test_the_closing_line_and_valediction_over_the_names_all_go():
    ending = ["That's all for this week.", "See you next Thursday,", "Marta, Idris and Bo"]
    result = clean_lines([*BODY, *ending])
    assert result.lines == BODY
    assert result.removed["sign_off"] == 3


@pytest.mark.parametrize(
    "last",
    [
        # A blogger's name alone under the post: the benchmarks' golds keep it.
        "- Rob",
        "— Marguerite Osei",
        # A story's last sentences in the same words.
        "“See you tomorrow,” she told the crew before the shift ended.",
        "Thanks to the new rules, tenants can now see who owns their building.",
        "That's all for the company's plans this year, a spokesperson said on Monday.",
        "Best",
        # Names alone under a paragraph that is no valediction: a list's last item.
        "Harbor and Finch",
    ],
)
def test_a_storys_last_line_or_a_bare_signature_stays(last):
    assert sign_off_lines([*BODY, last]) == 0
    assert clean_lines([*BODY, last]).lines == [*BODY, last]


def test_a_valediction_inside_the_text_is_left_alone():
    lines = [BODY[0], "See you tomorrow,", "Priya and Tom", *BODY[1:]]
    assert clean_lines(lines).lines == lines


@pytest.mark.parametrize("line", ["Until next time,", "Cheers,", "Thanks for reading!"])
def test_valedictions(line):
    assert is_valediction(line)


@pytest.mark.parametrize(
    "line", ["Until next time, the council will meet in the old hall.", "Cheers", "Regards to"]
)
def test_no_valedictions(line):
    assert not is_valediction(line)
