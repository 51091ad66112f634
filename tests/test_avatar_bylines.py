"""Writers' avatar cards under the headline, with no "By" and no mark (audit 47)."""

from lxml import html as lxml_html

from crawler.core.avatar_bylines import avatar_byline
from crawler.core.pipeline import process_page

STORY = "".join(
    f"<p>Paragraph {n}: the queue worker drained the backlog overnight, and by the morning "
    "stand-up the retry counts had fallen back to where they sat before the migration.</p>"
    for n in range(6)
)


def _page(header: str, after: str = "", title: str = "How we drained the retry queue") -> str:
    return (
        f"<html><head><title>{title} | Corliss Engineering</title></head><body>"
        '<header><a href="/">Corliss</a><nav><a href="/blog">Blog</a></nav></header>'
        f"<main><article><h1>{title}</h1>{header}<div class='prose'>{STORY}</div></article>"
        f"{after}</main></body></html>"
    )


def _names(html: str) -> tuple[str, ...]:
    return avatar_byline(lxml_html.fromstring(html)).names


def _record(html: str):
    return process_page(html.encode(), "https://corliss.example/blog/retry-queue").record


def _tailwind_card(name: str, role: str, image: str = "") -> str:
    image = image or (
        '<img alt="" width="40" height="40" class="h-10 w-10 rounded-full bg-gray-50" '
        'src="/_next/image?url=%2Fteam%2Fx.jpg&amp;w=96&amp;q=75"/>'
    )
    return (
        f'<div class="flex items-center gap-x-3">{image}<div class="text-sm leading-6">'
        f'<p class="font-semibold text-gray-900">{name}</p><p class="text-gray-600">{role}</p>'
        "</div></div>"
    )


def test_tailwind_cards_under_the_headline_name_the_writers_and_leave_the_text():
    cards = (
        '<div class="mt-8 flex flex-wrap gap-6">'
        f"{_tailwind_card('Odile Marchetti', 'Platform Reliability')}"
        f"{_tailwind_card('Tendai Moyo', 'Developer Relations')}</div>"
    )
    html = _page(cards)
    assert _names(html) == ("Odile Marchetti", "Tendai Moyo")
    record = _record(html)
    assert record.authors == ["Odile Marchetti", "Tendai Moyo"]
    assert "Platform Reliability" not in record.text
    assert "Developer Relations" not in record.text
    assert record.text.startswith("Paragraph 0:")


def test_a_handle_over_the_name_and_an_avatar_alt_that_names_the_writer():
    # A model hub's card: the handle first, a badge after it, then the name.
    hub = (
        '<div class="not-prose mb-8 flex gap-2"><button class="btn">Upvote</button>'
        '<span class="font-semibold">41</span><a href="/quill" title="quill">'
        '<img class="h-5 w-5 rounded-full" src="/avatars/quill.png" alt=""></a></div>'
        '<div class="not-prose flex gap-x-6"><a href="/ebrandt" class="flex gap-2">'
        '<img alt="Elke Brandt\'s avatar" src="/uploads/ebrandt.png">'
        '<div><p class="font-semibold">ebrandt</p><p class="text-sm">Elke Brandt</p></div></a>'
        '<a href="/sam-okoro" class="flex gap-2"><img alt="" class="rounded-full" '
        'src="/uploads/so.png"><div><p class="font-semibold">sam-okoro <span>guest</span></p>'
        '<p class="text-sm">Samuel Okoro</p></div></a></div>'
    )
    assert _names(_page(hub)) == ("Elke Brandt", "Samuel Okoro")
    # A changelog's writers: the alt names the handle, the name run together.
    changelog = (
        '<div class="mt-6 flex gap-4"><a href="https://x.com/hanaeriksen" class="flex gap-2">'
        '<img alt="Avatar for hanaeriksen" width="24" height="24" src="/team/hana.jpg">'
        "<span>Hana Eriksen</span></a></div>"
    )
    assert _names(_page(changelog)) == ("Hana Eriksen",)
    photo_of = '<div><img alt="Photo of Rui Tavares" src="/p/rt.jpg"><span>Rui Tavares</span></div>'
    assert _names(_page(photo_of)) == ("Rui Tavares",)


def test_a_card_holding_the_date_names_its_writer_and_stays_in_the_page():
    card = (
        '<div class="flex gap-3"><img class="h-9 w-9 rounded-full" src="/u/avatar.png" '
        'alt="Author"><div><a class="font-semibold">Ilse Vandersloot</a>'
        '<div class="text-xs"><time datetime="2025-11-04">November 4, 2025</time></div>'
        "</div></div>"
    )
    found = avatar_byline(lxml_html.fromstring(_page(card)))
    assert found.names == ("Ilse Vandersloot",)
    assert found.avatar_cards == ()


def test_other_peoples_pictures_and_names_are_no_writers():
    # Near misses: each is a picture beside a person's name, none the writer's.
    commenters = (
        '<section class="discussion"><h2>3 comments</h2><div class="flex gap-3">'
        '<img class="rounded-full" width="32" height="32" src="/c/1.png" alt="">'
        "<p>Petra Lindholm</p></div></section>"
    )
    related = (
        "<section><h2>More from the blog</h2><article><h3>Sharding the ledger</h3>"
        f"{_tailwind_card('Jonas Weber', 'Storage')}</article></section>"
    )
    testimonial = (
        '<div class="testimonial"><img class="rounded-full" src="/t/ceo.jpg" alt="">'
        "<p>Lucia Ferraro</p><p>CTO, Brightwell</p></div>"
    )
    for after in (commenters, related):
        html = _page("", after=after)
        assert _names(html) == ()
        assert _record(html).authors == []
    # Below the story's first paragraph, a customer's quote card is not the byline.
    html = _page("").replace("</div></article>", f"</div>{testimonial}</article>")
    assert _names(html) == ()
    # A photo under the headline with its subject named in the caption.
    figure = (
        '<figure><img src="/p/oda.jpg" width="96" height="96" alt="Oda Nakamura">'
        "<figcaption>Oda Nakamura</figcaption></figure>"
    )
    assert _names(_page(figure)) == ()
    # A big picture that is no avatar beside a name (a hero image's credit line).
    hero = (
        '<div><img src="/hero/queue.jpg" width="1600" height="900" alt="A server rack">'
        "<span>Marta Kowalska</span></div>"
    )
    assert _names(_page(hero)) == ()
    # The team a story is about, a section of its own under a sub-heading.
    team = (
        "<h2>Who worked on it</h2>"
        f"{_tailwind_card('Beatriz Santos', 'Reliability')}"
        f"{_tailwind_card('Kwame Boateng', 'Reliability')}"
    )
    assert _names(_page(team)) == ()
    # A round button's label under the headline: a player, a reading time.
    player = (
        '<div class="flex gap-2"><img class="h-8 w-8 rounded-full" src="/icons/play.svg" '
        'alt=""><span>Listen</span><span>Eight minutes</span></div>'
    )
    assert _names(_page(player)) == ()


def test_a_marked_byline_is_read_before_any_card():
    cards = _tailwind_card("Odile Marchetti", "Platform Reliability")
    html = _page(f'<p class="byline">By Gideon Achterberg</p>{cards}')
    assert _record(html).authors == ["Gideon Achterberg"]


def test_the_stories_subject_beside_a_picture_is_no_writer():
    # An obituary's portrait card: the person the headline names.
    obituary = "Margaret Tembo, founder of the first lending library, dies at 83"
    card = _tailwind_card("Margaret Tembo", "Librarian and campaigner")
    record = _record(_page(card, title=obituary))
    assert record.authors == []
    assert "Librarian and campaigner" in record.text  # the card is the story's, kept
    # A podcast's guest and a customer story's customer: marked or labelled so.
    guest = (
        '<div class="guest"><img src="/g/lp.jpg" alt="Lena Pirelli" width="64" height="64">'
        "<span>Dr. Lena Pirelli</span><span>Guest</span></div>"
    )
    assert _names(_page(guest)) == ()
    labelled = _tailwind_card("Lena Pirelli", "Featured guest")
    assert _names(_page(labelled)) == ()
    customer = (
        '<div class="customer"><img class="rounded-full" src="/c/on.png" alt="profile photo">'
        "<div><span>Ola Nordvik</span><span>Head of Support, Northwind</span></div></div>"
    )
    assert _names(_page(customer)) == ()
    # Near miss: the writer's card with a role, the headline about something else.
    assert _names(_page(_tailwind_card("Maya Lindqvist", "Inference Engineering"))) == (
        "Maya Lindqvist",
    )
