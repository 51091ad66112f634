"""crawler.core.signup_boxes: the pitch around an e-mail form goes before extraction."""

from lxml import html as lxml_html

from crawler.core.signup_boxes import drop_signup_boxes

PARAGRAPH = (
    "Labs that trained models on their own output found the gains faded after a few rounds, "
    "researchers said on Tuesday."
)
FORM = '<form action="/subscribe"><input type="email" name="email"><button>Sign up</button></form>'


def _page(body: str):
    return lxml_html.fromstring(f"<html><body>{body}</body></html>")


def test_a_newsletter_box_in_the_article_goes_and_the_article_stays():
    box = (
        '<div class="stayConnected"><h3>Stay connected</h3><p>Get the latest updates from '
        f"The Circuit</p><p>Discover special offers and more.</p>{FORM}"
        '<p class="privacy">Privacy Policy</p></div>'
    )
    page = _page(f"<article><h1>Headline</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>{box}</article>")
    assert drop_signup_boxes(page) == 1
    text = page.text_content()
    assert "Stay connected" not in text and "Privacy Policy" not in text
    assert text.count(PARAGRAPH) == 2


def test_a_brief_beside_a_form_and_a_page_wide_form_stay():
    brief = _page(f'<div class="story"><p>{PARAGRAPH}</p>{FORM}</div>')
    assert drop_signup_boxes(brief) == 1  # the form alone, not the story around it
    assert PARAGRAPH in brief.text_content()
    body = "".join(f"<p>{PARAGRAPH}</p>" for _ in range(5))
    aspnet = _page(f'<form id="aspnetForm">{body}<input type="text" name="footerEmail"></form>')
    assert drop_signup_boxes(aspnet) == 0
    assert aspnet.text_content().count(PARAGRAPH) == 5


def test_a_header_with_a_follow_by_email_field_keeps_its_byline_and_time():
    header = (
        '<div class="post-meta"><span class="byline">By Ann Lee</span>'
        f'<time datetime="2024-03-05">March 5, 2024</time>{FORM}</div>'
    )
    page = _page(f"<article>{header}<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>")
    drop_signup_boxes(page)
    assert page.find(".//time") is not None and "Ann Lee" in page.text_content()


def test_an_appeal_box_with_a_call_button_goes_and_a_link_in_a_sentence_stays():
    appeal = (
        '<div class="support-box"><p class="title">Support truly independent journalism</p>'
        "<p>Whether $5 or $50, every contribution counts.</p>"
        '<a class="btn" href="/donations">Support Now</a></div>'
    )
    page = _page(f"<article>{appeal}<p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article>")
    assert drop_signup_boxes(page) == 1
    assert "contribution" not in page.text_content()
    sentence = f'<p>{PARAGRAPH} Readers who want more can <a href="/s">subscribe here</a>.</p>'
    page = _page(f"<article><p>{PARAGRAPH}</p>{sentence}</article>")
    assert drop_signup_boxes(page) == 0
    menu = _page('<nav><ul><li><a href="/s">Subscribe</a></li></ul></nav>')
    assert drop_signup_boxes(menu) == 1  # a menu's box of one link: chrome either way


def test_an_appeal_that_asks_for_a_gift_goes():
    pitch = (
        "Our reporters spent months talking to nurses and doctors for this story. Independent "
        "reporting like this depends on readers like you. Make a gift today and keep it free."
    )
    appeal = (
        f'<div class="donate-appeal"><h3>Back this work</h3><p>{pitch}</p>'
        '<a class="btn" href="/donate">Donate now</a></div>'
    )
    page = _page(f"<article><p>{PARAGRAPH}</p>{appeal}<p>{PARAGRAPH}</p></article>")
    assert drop_signup_boxes(page) == 1
    assert "Make a gift" not in page.text_content()


def test_a_box_the_template_names_a_newsletter_goes_whatever_its_blurb():
    blurb = (
        "Science news and long reads from expert journalists, covering developments in "
        "science, technology, health and the environment on the website and the magazine."
    )
    box = (
        f'<div class="NewsletterSignUp"><p>Sign up to our daily briefing</p>{FORM}'
        f'<p class="NewsletterSignUp__Disclaimer">{blurb}</p></div>'
    )
    page = _page(f"<article><p>{PARAGRAPH}</p>{box}<p>{PARAGRAPH}</p></article>")
    assert drop_signup_boxes(page) == 1
    assert "expert journalists" not in page.text_content()
    # Unnamed, a box with a long paragraph that pitches nothing keeps it.
    page = _page(f"<article><p>{PARAGRAPH}</p><div>{FORM}<p>{blurb}</p></div></article>")
    drop_signup_boxes(page)
    assert "expert journalists" in page.text_content()


def test_a_donation_box_its_template_names_goes_at_up_to_150_words():
    pitch = " ".join(["Stories like this take months of reporting and cost real money."] * 6)
    box = (
        f'<div class="donate-midslot"><h4>We cannot do this without you.</h4><p>{pitch}</p>'
        '<p>In solidarity, the editors</p><a class="btn" href="/donate">Donate Now</a></div>'
    )
    page = _page(f"<article><p>{PARAGRAPH}</p>{box}<p>{PARAGRAPH}</p></article>")
    assert drop_signup_boxes(page) == 1
    assert "In solidarity" not in page.text_content()
    assert page.text_content().count(PARAGRAPH) == 2


def test_a_poll_box_goes_with_its_question_and_a_single_radio_stays():
    choices = "".join(
        f'<label><input type="radio" name="vote" value="{n}"> {label}</label>'
        for n, label in enumerate(["Yes, if it saves a pass", "Maybe", "No"])
    )
    poll = (
        '<div class="inline-poll"><h4>Poll</h4><p class="poll-question">Would you pay for '
        f'AI-powered crop scouting?</p><form action="/poll/vote">{choices}<button>Vote</button>'
        '</form><p class="poll-total">1,284 votes so far</p></div>'
    )
    page = _page(f"<article><p>{PARAGRAPH}</p>{poll}<p>{PARAGRAPH}</p></article>")
    assert drop_signup_boxes(page) == 1
    text = page.text_content()
    assert "Would you pay" not in text and "votes so far" not in text
    assert text.count(PARAGRAPH) == 2
    # One radio button is a settings toggle, not a poll.
    toggle = _page(
        f'<article><p>{PARAGRAPH}</p><div><p>Dark mode</p><form><input type="radio" '
        'name="theme"></form></div></article>'
    )
    assert drop_signup_boxes(toggle) == 0


def test_a_company_blogs_demo_box_goes_between_paragraphs():
    cta = (
        '<div class="cta-box"><h3>See Suggested Answers in action</h3><p>Book a 20-minute demo '
        'with our team and bring your own tickets.</p><a class="button" href="/demo">Book a demo'
        "</a></div>"
    )
    page = _page(f"<article><p>{PARAGRAPH}</p>{cta}<p>{PARAGRAPH}</p></article>")
    assert drop_signup_boxes(page) == 1
    assert "demo" not in page.text_content() and page.text_content().count(PARAGRAPH) == 2
    # The words in a sentence are the article's.
    sentence = f'<p>{PARAGRAPH} Teams can <a href="/demo">book a demo</a> from the site.</p>'
    page = _page(f"<article><p>{PARAGRAPH}</p>{sentence}</article>")
    assert drop_signup_boxes(page) == 0


def test_a_form_box_pitching_in_the_readers_voice_goes_and_a_quoting_brief_stays():
    """A box around an e-mail form whose blurb names no newsletter but speaks to the reader
    ("If you want …, we have you covered"), over the 60 words of a box around a call."""
    blurb = (
        "If you want to walk into Monday's meeting knowing more than your manager, The Brief "
        "has you covered. We give you the inside story on what teams are shipping, from new "
        "rules to real deployments, so you can act first and share what you learn with the "
        "rest of your team."
    )
    box = (
        f'<div class="after-body"><h4>Weekday intelligence with The Brief</h4><p>{blurb}</p>'
        f"{FORM}<p>Read our Privacy Policy</p><p>Thanks for joining. See more briefings here.</p>"
        "<p>Something went wrong.</p></div>"
    )
    assert 60 < len(lxml_html.fromstring(box).text_content().split()) <= 80
    page = _page(f"<article><h1>Headline</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>{box}</article>")
    assert drop_signup_boxes(page) == 1
    assert "inside story" not in page.text_content()
    assert page.text_content().count(PARAGRAPH) == 2
    quote = (
        '<p>"If you want to run these models at home, you will need a very large graphics '
        "card,\" the lab's chief engineer said on Tuesday at the launch.</p>"
    )
    brief = _page(f'<div class="story">{quote}<p>{PARAGRAPH}</p>{FORM}</div>')
    drop_signup_boxes(brief)
    assert "graphics card" in brief.text_content() and PARAGRAPH in brief.text_content()


def test_a_donation_box_with_amounts_goes_and_an_event_box_with_a_ticket_call():
    appeal = (
        "<div class='contribution-ask'><h3>Support The Ledger</h3><div><p>Free and independent"
        " reporting matters more than ever. Our reporters keep digging so that you do not have"
        " to pay to know what is going on in your town.</p><p>Every reader who chips in keeps"
        " the next story open to everyone, whatever they can afford.</p></div>"
        "<div class='ctas'><a href='/give?a=2'>$2</a><a href='/give?a=5'>$5</a>"
        "<a href='/give?a=120'>$120/year</a><a href='/give'>Other</a></div></div>"
    )
    event = (
        "<div class='event-promo'><div>Ledger Summit 2026</div><p>Join us in Lisbon on May 19-20"
        " for two days of talks</p><a class='cta' href='/tickets'>Get your tickets now</a></div>"
    )
    for box, gone in ((appeal, "independent"), (event, "Lisbon")):
        page = _page(
            f"<article><h1>Headline</h1><p>{PARAGRAPH}</p>{box}<p>{PARAGRAPH}</p></article>"
        )
        assert drop_signup_boxes(page) == 1
        assert gone not in page.text_content() and page.text_content().count(PARAGRAPH) == 2


def test_a_story_quoting_prices_beside_price_links_stays():
    story = (
        "<div class='story'><p>\"Most buyers pick the middle tier because it has the memory they"
        " need,\" the shop's owner said on Friday, pointing to the price list.</p>"
        "<ul><li><a href='/m1'>$999</a></li></ul><p><a href='/m2'>$1,199</a> <a href='/m3'>"
        "$1,499</a></p></div>"
    )
    page = _page(f"<article><h1>Headline</h1>{story}</article>")
    drop_signup_boxes(page)
    assert "middle tier" in page.text_content()


def test_a_box_its_template_names_for_support_goes_with_its_donate_button():
    pitch = (
        "<p>Good reporting costs a lot of money. Yet only good reporting can keep a town's"
        " council honest and its schools accountable, and we want every reader in every part of"
        " the county to have it, whatever they can pay.</p>"
        "<p>By contributing to The Ledger, you are helping to sustain reporting that matters"
        " and keeping it free and available to all of our readers in every district.</p>"
    )
    box = (
        f'<div class="support-journalism"><h3>Support The Ledger</h3>{pitch}'
        '<a href="/give">Donate</a></div>'
    )
    assert len(lxml_html.fromstring(box).text_content().split()) > 60
    page = _page(f"<article><h1>Headline</h1><p>{PARAGRAPH}</p>{box}<p>{PARAGRAPH}</p></article>")
    assert drop_signup_boxes(page) == 1
    assert "sustain" not in page.text_content() and page.text_content().count(PARAGRAPH) == 2


def test_an_events_box_with_its_ticket_pitch_and_register_button_goes():
    # TechCrunch's inline event box: the pitch names tickets, not a newsletter (audit 28).
    box = (
        '<div class="inline-cta"><p>Techcrunch event</p><h3>Join us at Sessions: AI</h3>'
        "<p>Secure your spot for our leading AI industry event with speakers from three labs."
        " For a limited time, tickets are just $292 for an entire day of talks and"
        " workshops.</p><p>Berkeley, CA | June 5</p><a class='button'>REGISTER NOW</a></div>"
    )
    page = _page(f"<article><h1>Headline</h1><p>{PARAGRAPH}</p>{box}<p>{PARAGRAPH}</p></article>")
    assert drop_signup_boxes(page) == 1
    text = page.text_content()
    assert "tickets" not in text and "REGISTER" not in text and text.count(PARAGRAPH) == 2
    # VentureBeat's, naming no ticket: "… Secure your spot now - space is limited" (audit 34).
    series = (
        '<div class="boilerplate-before"><hr><p><strong>The AI Impact Series Returns to San '
        "Francisco - August 5</strong></p><p>The next phase of AI is here - are you ready? Join"
        " leaders from three banks for an exclusive look at how autonomous agents are reshaping"
        " enterprise workflows. <a>Secure your spot now</a> - space is limited.</p><hr></div>"
    )
    page = _page(
        f"<article><h1>Headline</h1><p>{PARAGRAPH}</p>{series}<p>{PARAGRAPH}</p></article>"
    )
    assert drop_signup_boxes(page) == 1
    assert "Impact Series" not in page.text_content()


def test_a_membership_appeal_between_paragraphs_goes_with_its_button_naming_the_site():
    # Audit 32: HuffPost's "contribution-prompt" before the body (its button "Support
    # HuffPost"), Vox's "contribution-ask" of 90 words between two sections ("Join now").
    pitch = (
        "<p>At Metro Ledger, we believe everyone needs high-quality journalism, but not "
        "everyone can afford to pay for expensive news subscriptions, which is why we keep "
        "our reporting free to read.</p><p>Would you join us to keep it that way? Your "
        "contribution of as little as $2 goes a long way, and readers like you make our "
        "work possible every single day of the year.</p>"
    )
    for box in (
        f'<div class="contribution-prompt"><h3>Support Metro Ledger</h3>{pitch}'
        "<a>Support Metro Ledger</a></div>",
        f'<div class="ask"><h3>You have read 3 articles this month</h3>{pitch}'
        "<a>Support The Metro Ledger</a></div>",
    ):
        page = _page(
            f"<article><h1>Headline</h1><p>{PARAGRAPH}</p>{box}<p>{PARAGRAPH}</p></article>"
        )
        assert drop_signup_boxes(page) == 1, box[:40]
        assert "Would you join us" not in page.text_content()
        assert page.text_content().count(PARAGRAPH) == 2
    # A link naming a cause inside the story's own paragraph is not a call.
    story = f"<p>{PARAGRAPH} Supporters held signs. <a>Support Ukraine</a> was one.</p>"
    page = _page(f"<article><h1>Headline</h1>{story}<p>{PARAGRAPH}</p></article>")
    assert drop_signup_boxes(page) == 0


def test_an_appeal_whose_story_paragraph_names_no_pitch_goes_with_the_rest():
    # Audit 35: "You're a dedicated reader" over three paragraphs in the site's voice, only
    # the last asking for support ("Join Our Community"). A section of the story told in
    # "we", with a quote, stays whatever its button.
    box = (
        '<div class="community-box"><h3>You are a dedicated reader</h3><p>We are really '
        "pleased that you have read 5 Metro Ledger articles in the past month.</p><p>That is "
        "why we started the Metro Ledger ten years ago, to provide discerning readers like "
        "you with must-read coverage of the city and the region around it.</p><p>So now we "
        "have a request. We have not put up a paywall, but our journalism is costly, so we "
        "invite readers to help support our work by joining the Metro Ledger Community.</p>"
        "<a>Join Our Community</a></div>"
    )
    page = _page(f"<article><h1>Headline</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>{box}</article>")
    assert drop_signup_boxes(page) == 1
    assert "dedicated reader" not in page.text_content()
    told = (
        "<div><p>We started the lab ten years ago to give researchers like you a place to "
        "test models on real data, the founder said in a statement on Tuesday.</p><p>We now "
        "support 40 universities and hope to double that, she said, adding that membership "
        "stays free for students.</p><a>Join Our Community</a></div>"
    )
    page = _page(f"<article><h1>Headline</h1><p>{PARAGRAPH}</p>{told}</article>")
    assert drop_signup_boxes(page) == 0


def test_a_story_paragraph_that_ends_on_a_call_stays():
    # The review: a local story's service paragraph, "… Space is limited. Register here".
    told = (
        "<p>Volunteers certified by the IRS will help residents file their returns for free on "
        "Saturdays in February at the Eastside branch. Space is limited. <a>Register here</a></p>"
    )
    page = _page(f"<article><h1>Headline</h1><p>{PARAGRAPH}</p>{told}<p>{PARAGRAPH}</p></article>")
    assert drop_signup_boxes(page) == 0


def test_a_donation_box_whose_button_says_make_a_donation_goes():
    """A named support box whose only call is "Make a Donation" (audit 44): the call was not
    one, and the box's pitch came out as the story's last lines."""
    appeal = (
        '<div class="support-box"><h4>Support the Harbour Post’s independent journalism</h4>'
        "<p>At the Harbour Post, we believe good reporting should not sit behind costly "
        "subscriptions, so every story we publish stays free to read for everyone.</p>"
        "<p>For any assistance, please contact us.</p><a>Make a Donation</a></div>"
    )
    page = _page(f"<article><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>{appeal}</article>")
    assert drop_signup_boxes(page) == 1
    assert "subscriptions" not in page.text_content()


def test_a_call_back_form_goes_with_its_pitch():
    """A form asking for a name and a phone number (Tilda's lead form, audit 45): a sign-up box
    as an e-mail form is."""
    box = (
        '<div class="t-section"><div class="t-title">Have a question?</div><div class="t-descr">'
        "Leave your phone number and we will call you back within one working day.</div>"
        '<form class="t-form"><input type="text" name="Name"><input type="text" name="Phone">'
        '<button type="submit">Call me back</button></form></div>'
    )
    page = _page(f"<article><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p>{box}</article>")
    assert drop_signup_boxes(page) == 1
    assert "call you back" not in page.text_content()


def test_a_calculators_form_is_no_call_back_form():
    """The session review's case: "automobile-value" and "mobile_bill" hold "mobile"."""
    box = (
        "<div><h3>What is your car worth?</h3><p>Enter the current value of your vehicle.</p>"
        "<form><input id='automobile-value'><input name='mobile_bill'></form></div>"
    )
    page = _page(f"<article><p>{PARAGRAPH}</p>{box}<p>{PARAGRAPH}</p></article>")
    assert drop_signup_boxes(page) == 0


def test_a_platform_card_that_pitches_membership_goes_and_one_to_a_dataset_stays():
    # Ghost's CTA card whose call sits inside its sentence: no form, no call standing alone.
    pitch = (
        '<div class="kg-card kg-cta-card"><p>The Ledger Letter is reader-supported. '
        '<a href="#/portal/signup">Become a paid member</a> for the Sunday long read.</p></div>'
    )
    upgrade = (
        '<div class="upgrade-widget"><p>Enjoying these notes? <a href="/upgrade">Upgrade</a>'
        " and get the archive.</p></div>"
    )
    dataset = (
        '<div class="kg-card kg-cta-card"><div class="kg-cta-text"><p>The county posted every '
        'outage hour, one row per site.</p></div><a class="kg-cta-button" href="/hours.csv">'
        "Download the table</a></div>"
    )
    page = _page(
        f"<article><p>{PARAGRAPH}</p>{pitch}{dataset}<p>{PARAGRAPH}</p>{upgrade}</article>"
    )
    assert drop_signup_boxes(page) == 2
    text = page.text_content()
    assert "paid member" not in text and "Upgrade" not in text
    assert "every outage hour" in text and text.count(PARAGRAPH) == 2
    # A card calling the reader to another site, the story's subject, stays (the review).
    council = (
        "<div class='kg-card kg-cta-card'><p>The council's seven members take public comment "
        "on Thursday. <a href='https://county.example/comment'>Register</a> to speak.</p></div>"
    )
    page = _page(f"<article><p>{PARAGRAPH}</p>{council}<p>{PARAGRAPH}</p></article>")
    assert drop_signup_boxes(page) == 0
