"""The rest of a story collapsed behind "Read more" (crawler.core.collapsed_text)."""

from __future__ import annotations

import pytest
from lxml import html as lxml_html

from crawler.core.collapsed_text import reveal_collapsed_text
from crawler.core.model import Hints
from crawler.core.pipeline import Options, process_page

SHOWN = (
    "<p>The city has begun using sensors and software to predict where its ageing sewer pipes"
    " are most likely to fail, officials said on Monday.</p>"
    "<p>Inspecting the pipes means sending camera robots into them, a slow and expensive job"
    " that covers only a small share of the network each year.</p>"
)
REST = (
    "<p>Crews now start at the top of the model's list, said the engineer who manages the"
    " program, and the list has usually been right so far.</p>"
    "<p>In the first year they found serious damage in 31 percent of the pipes flagged as high"
    " risk, against about 8 percent under the old approach.</p>"
)
BUTTON = "<button class='read-more-btn' aria-expanded='false'>Read the full article</button>"


def _text(body: str) -> str:
    html = (
        "<html><head><title>City uses AI to find failing sewer pipes</title></head><body>"
        "<article><h1>City uses AI to find failing sewer pipes</h1>"
        f"<div class='article__body'>{body}</div></article></body></html>"
    )
    options = Options(min_words=1)  # the shown part alone is a brief
    outcome = process_page(html.encode(), "https://news.example/pipes", Hints(), options=options)
    assert outcome.record is not None, outcome.reason
    return outcome.record.text


# `hidden` alone, or all three marks as a script sets them: our drop of `hidden` elements
# took the rest away for good (with only `aria-hidden` or `display:none`, trafilatura drops
# it and the recall run gives it back).
@pytest.mark.parametrize(
    "hidden", ["hidden", "hidden aria-hidden='true' style='display: none'"], ids=str
)
def test_the_collapsed_rest_of_a_story_beside_its_button_is_text(hidden):
    text = _text(f"{SHOWN}<div class='is-collapsed' {hidden}>{REST}</div>{BUTTON}")
    assert "In the first year they found serious damage" in text
    assert "Read the full article" not in text


def test_a_rest_collapsed_to_no_height_beside_a_tap_button_is_text():
    # A mobile site (audit 43): "max-height:0;overflow:hidden" and "Tap to read full story
    # ▾"; trafilatura drops an element styled "overflow:hidden".
    button = "<button class='m-expand'>Tap to read full story ▾</button>"
    rest = f"<div class='m-collapsed' style='max-height:0;overflow:hidden'>{REST}</div>"
    # A shown part long enough that no recall run looks again.
    shown = SHOWN + "".join(
        f"<p>Section {n} of the network, laid in the {1900 + 10 * n}s, was inspected by camera"
        " robots over the winter, and engineers logged every crack, root intrusion and sag"
        " they found so the model could learn which pipes fail first.</p>"
        for n in range(9)
    )
    text = _text(f"{shown}{rest}{button}")
    assert "In the first year they found serious damage" in text
    assert "Tap to read" not in text


def test_the_buttons_wrapper_and_a_fade_between_the_story_and_its_rest_are_passed_over():
    """Audit 27: the control sat between the last shown paragraph and the hidden rest, and
    two thirds of the story were lost."""
    wrap = f"<div class='read-more-wrap'><div class='fade'></div>{BUTTON}</div>"
    text = _text(f"{SHOWN}{wrap}<div class='article-rest' hidden>{REST}</div>")
    assert "In the first year they found serious damage" in text
    assert "Read the full article" not in text
    # A box with words of its own between them is no wrapper: the hidden prose stays hidden.
    aside = "<div class='promo'>Subscribe for unlimited access to every story.</div>"
    assert "In the first year" not in _text(f"{SHOWN}{aside}{BUTTON}<div hidden>{REST}</div>")


def test_hidden_prose_without_an_expand_control_or_away_from_the_body_stays_hidden():
    modal = f"<div class='modal' hidden>{REST}</div>"
    assert "In the first year" not in _text(f"{SHOWN}{modal}")
    # Beside a button, but not continuing the body: a box of its own before the story.
    boxed = f"<div hidden>{REST}</div>{BUTTON}{SHOWN}"
    assert "In the first year" not in _text(boxed)


def test_the_shown_container_loses_every_hiding_mark_and_keeps_its_other_styles():
    tree = lxml_html.fromstring(
        f"<div>{SHOWN}<div hidden aria-hidden='true' style='color: red; display: none"
        f" !important'>{REST}</div>{BUTTON}</div>"
    )
    assert reveal_collapsed_text(tree) == 1
    shown = tree.find("div")
    assert dict(shown.attrib) == {"style": "color: red"}
    assert tree.find("button") is None
