from crawler.core.clean import clean_lines
from crawler.core.extract import recall_recovers

BODY = [
    "The lab released a new reasoning model on Tuesday, claiming large gains on math tasks.",
    "Researchers said the system was trained on a mix of public and licensed data.",
    "Critics noted that the benchmark results have not been independently reproduced yet.",
]


def within_body(*lines: str) -> list[str]:
    """The lines between the story's first paragraph and the rest: where chrome and the
    story's own sentences alike stand."""
    return [BODY[0], *lines, *BODY[1:]]


def test_chinese_wordpress_comment_form_is_cut_from_the_tail():
    lines = [*BODY, "评论", "发表回复", "您的邮箱地址不会被公开。 必填项已用 * 标注", "姓名 *"]
    result = clean_lines(lines)
    assert result.lines == BODY
    assert result.removed["comment_form"] == 4


def test_english_and_german_comment_forms_and_share_lines():
    lines = [
        BODY[0],
        "Share this:",
        BODY[1],
        "Like this:",
        "Loading...",
        "Read More",  # an inline promo's label, its links dropped
        BODY[2],
        "Leave a Reply Cancel reply",
        "Your email address will not be published. Required fields are marked *",
        "Schreibe einen Kommentar",
    ]
    result = clean_lines(lines)
    assert result.lines == BODY
    assert result.removed["share"] == 4


def test_a_comment_box_with_its_notes_goes_but_a_sentence_about_moderation_stays():
    notes = [
        "Comments",
        "Comments not loading? We recommend using a recent browser with JavaScript turned on.",
        "Comments are moderated in line with our comments policy. Want to see your comment "
        "published? Make sure it abides by our comments policy.",
    ]
    result = clean_lines([*BODY, *notes])
    assert result.lines == BODY and result.removed["comment_form"] == 3
    story = "The forum said its comments are moderated by volunteers in six time zones."
    assert clean_lines([*BODY, story]).lines == [*BODY, story]


def test_a_newswires_republishing_terms_after_the_story_go():
    terms = (
        "All content created by the Ledger News Foundation, an independent newswire, is "
        "available without charge to any legitimate news publisher that can provide a large "
        "audience. All republished articles must include our logo and our reporter's byline."
    )
    result = clean_lines([*BODY, terms])
    assert result.lines == BODY and result.removed["copyright"] == 1
    # A story about a licence, not the site's notice: stays.
    story = "The archive said its photos are available free of charge to any school that asks."
    assert clean_lines([*BODY, story]).lines == [*BODY, story]


def test_a_source_credit_after_the_post_goes_but_not_a_sentence():
    for credit in ("Source: Vantra blog", "News Source: Vektor Silicon", "Via: The Register"):
        result = clean_lines([*BODY, credit])
        assert result.lines == BODY and result.removed["source_credit"] == 1, credit
    sentence = "Source: a person familiar with the plan said the launch would slip."
    assert clean_lines([*BODY, sentence]).lines == [*BODY, sentence]
    assert clean_lines(["Via: The Register", *BODY]).lines == ["Via: The Register", *BODY]


def test_captions_ending_in_a_photo_credit_and_live_page_stamps_go():
    caption = (
        "Parents hold photos of their children during a Senate hearing on chatbots, "
        "Tuesday, Sept. 16, 2025, in Washington. (AP Photo/Ann Lee)"
    )
    for line in (caption, "A drone over the field. (Photo by Ann Lee/Getty Images)"):
        result = clean_lines(within_body(line))
        assert result.lines == BODY and result.removed["caption"] == 1, line
    for line in ("4:14 PM EDTShare", "10:15 AM EDT Share", "7 updates"):
        assert clean_lines(within_body(line)).lines == BODY, line
    # A sentence naming a photo agency, or a time in prose, stays.
    kept = "The agency (AP) said photos of the site were taken on Tuesday."
    assert clean_lines(within_body(kept)).lines == within_body(kept)


def test_a_contributors_line_after_the_story_goes():
    result = clean_lines([*BODY, "Contributing: Ray Okonkwo, The Daily Ledger"])
    assert result.lines == BODY and result.removed["byline"] == 1


def test_a_partner_content_heading_left_alone_goes():
    result = clean_lines(within_body("Content from our partners"))
    assert result.lines == BODY and result.removed["related"] == 1


def test_a_subscription_offer_after_the_story_goes_and_a_read_label_over_a_link():
    offer = (
        "Subscribe to LEDGER PLUS to get access to The Daily Ledger & other 40+ titles, share "
        "up to 5 gadgets, listen to the news and download the paper as early as 4am."
    )
    result = clean_lines([*BODY, offer])
    assert result.lines == BODY and result.removed["newsletter"] == 1
    assert clean_lines(within_body(offer)).lines == within_body(offer)
    links = frozenset({"chip revenues seen growing despite the slowdown"})
    promo = "READ: Chip revenues seen growing despite the slowdown"
    result = clean_lines(within_body(promo), links=links)
    assert result.lines == BODY and result.removed["related"] == 1
    more = "MORE: Chip revenues seen growing despite the slowdown"
    assert clean_lines(within_body(more), links=links).lines == BODY
    glued = "Related Story Chip revenues seen growing despite the slowdown"
    assert clean_lines(within_body(glued), links=links).lines == BODY
    bracketed = "[See also: Chip revenues seen growing despite the slowdown]"
    result = clean_lines(within_body(bracketed), links=links)
    assert result.lines == BODY and result.removed["related"] == 1
    kept = "Read: the full statement is below"  # no link's text: the article's own line
    assert clean_lines(within_body(kept), links=links).lines == within_body(kept)


def test_affiliate_disclosures_go_and_prose_about_commissions_stays():
    disclosures = [
        "If you buy something from a Ledger link, Ledger Media may earn a commission.",
        "When you purchase through links on our site, we may earn an affiliate commission.",
        "FTC: We use income earning auto affiliate links. More.",
    ]
    result = clean_lines(
        [disclosures[0], BODY[0], disclosures[1], BODY[1], BODY[2], disclosures[2]]
    )
    assert result.lines == BODY and result.removed["affiliate"] == 3
    # A disclosure box runs past the length of a UI line.
    box = (
        "The Ledger independently tests and researches products to bring you our best"
        " recommendations and advice. When you buy through our links, we may earn an"
        " affiliate commission. Our process"
    )
    assert clean_lines([box, *BODY]).lines == BODY
    trust = (
        "We spend hours testing every product or service we review, so you can be sure"
        " you're buying the best. Find out more about how we test."
    )
    assert clean_lines(within_body(trust)).lines == BODY
    for prose in (
        "Brokers said the agency earns a commission on every model it places with a lab.",
        "“We get a commission on every sale,” the founder said of the marketplace.",
    ):
        assert clean_lines([BODY[0], prose, BODY[1]]).lines == [BODY[0], prose, BODY[1]]


def test_ad_slot_labels_between_paragraphs_are_removed():
    lines = [
        BODY[0],
        "Advertisement",
        BODY[1],
        "ADVERTISEMENT",
        "Story continues below advertisement",
        BODY[2],
        "- Ad -",
        "Ad Feedback",
    ]
    result = clean_lines(lines)
    assert result.lines == BODY
    assert result.removed["advertisement"] == 5
    # A sentence about advertising is prose.
    prose = "Advertisement revenue at the lab's partner fell for a third quarter in a row."
    assert clean_lines([*BODY, prose]).lines == [*BODY, prose]


def test_page_control_labels_go_anywhere_and_sentences_about_them_stay():
    controls = [
        "Listen to this article",
        "Listen · 4:12 min",
        "Audio is AI-generated.",
        "Gift this article",
        "Save article",
        "Hide caption",
        "Enlarge this image",
        "View 45 comments",
        "Open in app",
        "Follow topic",
        "Summarize this article",
        "This story has been shared 1,234 times.",
        "Read in app",
        "Pinned",
        "opens new tab",
        "Thank you for signing up!",
        "Please enable JavaScript to view the comments",
        "Your browser does not support the video tag.",
        "CLICK HERE TO GET THE LEDGER APP",
        "Newest firstOldest first Auto-refresh",  # a live page's buttons, run together
        "Oldest first",
    ]
    for control in controls:
        result = clean_lines([BODY[0], control, BODY[1], BODY[2]])
        assert result.lines == BODY and result.removed["ui_control"] == 1, control
    for line, kind in (
        (
            "The Ledger is a nonprofit newsroom that investigates abuses of power. Sign up to"
            " receive our biggest stories as soon as they're published.",
            "newsletter",
        ),
        ("Image source, Getty Images", "credit"),
        ("Jean-Luc Marchand/AP", "credit"),
        ("Hanna Berglund/AFP/Getty Images", "credit"),
        ("Tomas Reyes/Bloomberg via Getty Images", "credit"),
        ("AP Photo/Evan Whitlock", "credit"),
        ("Get the Morning Ledger newsletter", "newsletter"),
    ):
        result = clean_lines([BODY[0], line, BODY[1], BODY[2]])
        assert result.lines == BODY and result.removed[kind] == 1, line
    for prose in (
        "Listen to this: the lab's new model can clone a voice from three seconds of audio.",
        "Click here, the manual says, and the model downloads itself to the phone.",
        "Readers can now save articles and listen to them later, the company said.",
        "Input/Output",
        "Drivers can sign up to receive the update early, the company said on Monday.",
        "The lab's founder spoke to AP",
    ):
        assert clean_lines([BODY[0], prose, BODY[1]]).lines == [BODY[0], prose, BODY[1]]


def test_newsletter_sponsor_lines_go_and_prose_about_sponsors_stays():
    sponsors = [
        "Sponsored: This issue of The Ledger is brought to you by Northwind Compute. Rent"
        " training clusters by the hour in carbon-free data centers. Get started →",
        "Presented by Northwind Compute",
        "Today's edition is brought to you by Northwind, the GPU cloud for small labs.",
        "Paid partnership with Northwind Compute",
    ]
    result = clean_lines([sponsors[0], BODY[0], sponsors[1], BODY[1], sponsors[2], BODY[2]])
    assert result.lines == BODY and result.removed["sponsor"] == 3
    assert clean_lines([*BODY, sponsors[3]]).lines == BODY
    for prose in (
        "Sponsored research now makes up a third of the lab's budget, its filings show.",
        "The conference, presented by three universities, drew 4,000 researchers this year.",
        "This issue was raised by the regulator in a letter sent to the company in June.",
    ):
        assert clean_lines([BODY[0], prose, BODY[1]]).lines == [BODY[0], prose, BODY[1]]


def test_aggregator_chrome_is_removed_and_publisher_kept():
    lines = [
        "Best for: ML engineers, product leads",
        *BODY,
        "Related on AI Digest Hub",
        "Editorial summary, takeaway, and curation by AI Digest Hub. "
        "Original article published by The Neural Ledger.",
    ]
    result = clean_lines(lines)
    assert result.lines == BODY
    assert result.original_publisher == "The Neural Ledger"
    assert result.removed["aggregator"] >= 2


def test_related_block_and_trailing_newsletter_and_copyright():
    lines = [
        *BODY,
        "Related stories",
        "Chip makers race to build inference accelerators",
        "Why open weights matter for small labs",
        "Sign up for our newsletter to get the week in AI delivered to your inbox.",
        "© 2026 Example Media. All rights reserved.",
    ]
    result = clean_lines(lines)
    assert result.lines == BODY
    assert result.removed["related"] == 3
    lines = [*BODY, "More Great Ledger Stories", "Chip makers race to build accelerators"]
    assert clean_lines(lines).lines == BODY
    # Teasers with their blurbs, list items of any length, under a heading naming stories.
    blurb = (
        "- Regulators will accept applications next month, and makers say the rules could"
        " keep some models off the list."
    )
    assert clean_lines([*BODY, "More to Read", blurb, blurb]).lines == BODY
    # A bibliography under "Further reading" is the article's own.
    lines = [*BODY, "Further reading", blurb, blurb]
    assert clean_lines(lines, headings={"Further reading"}).lines == lines


def test_a_newsletter_box_after_the_article_goes():
    box = [
        "Get the Ledger AI newsletter",
        "Catch up on the week in AI with our twice-weekly briefing. Sign up for free.",
        "By subscribing, you agree to the Ledger's Terms of Use and Privacy Policy.",
        "By registering, you agree to our T&C and Privacy Policy",
    ]
    result = clean_lines([*BODY, *box])
    assert result.lines == BODY and result.removed["newsletter"] == 4


def test_a_follow_us_bar_after_the_article_goes():
    bar = ["End of Article", "FOLLOW US ON SOCIAL MEDIA", "Facebook", "X", "Instagram", "Telegram"]
    result = clean_lines([*BODY, *bar])
    # "X" alone is a close button's glyph anywhere (ui_control) before it is the bar's.
    assert result.lines == BODY and result.removed["social"] + result.removed["ui_control"] == 5
    # A network's name as a section heading in the middle of the text stays.
    lines = [BODY[0], "Instagram", BODY[1], BODY[2]]
    assert clean_lines(lines).lines == lines


def test_a_short_box_of_linked_items_after_the_article_goes():
    body = [line + " " + line for line in BODY] * 2  # an article's worth of prose
    items = ["Inside the race to build benchmarks", "Small models, big ambitions"]
    links = frozenset(item.lower() for item in items)
    box = ["Deep Dive", *(f"- {item}" for item in items)]
    result = clean_lines([*body, *box], links=links)
    assert result.lines == body and result.removed["related"] == 3
    # Items that are not whole links are the article's own list, and one link is no box.
    own = ["What changed", "- Inside the race to build benchmarks, and why it matters"]
    assert clean_lines([*body, *own], links=links).lines == [*body, *own]
    single = box[:2]
    assert clean_lines([*body, *single], links=links).lines == [*body, *single]


def test_an_inline_promo_line_goes_when_its_rest_is_a_link():
    promo = "Also Read: Centre Approves Fourth Chip Plant Under Semiconductor Mission"
    links = frozenset({"centre approves fourth chip plant under semiconductor mission"})
    result = clean_lines(within_body(promo), links=links)
    assert result.lines == BODY and result.removed["related"] == 1
    # Without the link (a script's, an anchor without href), a label that says "another
    # story" on its own still does, before a headline; not before a sentence, nor a weak
    # label ("Read:"), nor one Dragnet's gold keeps ("Related:") before no link's text.
    assert clean_lines(within_body(promo)).lines == BODY
    for line in (
        "Read more: the full statement from the ministry is published below.",
        "Read: Centre Approves Fourth Chip Plant Under Semiconductor Mission",
    ):
        assert clean_lines(within_body(line)).lines == within_body(line)
    related = "Related: Centre Approves Fourth Chip Plant Under Semiconductor Mission"
    lines = within_body(related)
    assert clean_lines(lines).lines == lines
    assert clean_lines(lines, links=links).lines == BODY  # before the link's whole text


def test_a_tabloids_tip_box_and_a_lone_dont_miss_go_between_paragraphs():
    for line in (
        "Got a story to share? Get in touch at money.tips@example.co.uk",
        "Have a news tip? Email us at tips@example.com",
        "Don't miss...",
    ):
        assert clean_lines(within_body(line)).lines == BODY, line
    # Over the links it names, the heading goes with them.
    links = ["- Energy bills to fall in April", "- How to claim the winter grant"]
    lines = within_body("Don't miss these insights from Money Pro", *links)
    assert clean_lines(lines).lines == BODY
    quoted = "Have a story to tell? Many readers did, the charity said, and wrote in by the dozen."
    assert clean_lines([*BODY, quoted]).lines == [*BODY, quoted]


def test_zdnets_also_promo_and_a_contributor_disclaimer_go():
    promo = "Also: The best AI chatbots of the year, tested"
    links = frozenset({"the best ai chatbots of the year, tested"})
    result = clean_lines(within_body(promo), links=links)
    assert result.lines == BODY
    disclaimer = "Opinions expressed by Forbes Contributors are their own."
    assert clean_lines([disclaimer, *BODY]).lines == BODY
    prose = "The opinions expressed by the panel are their own, the agency said in a statement."
    assert clean_lines([*BODY, prose]).lines == [*BODY, prose]


def test_a_promo_label_on_its_own_line_goes_with_the_links_under_it():
    # "<strong>Read more:</strong><br><a>headline</a>": the label and the link on two lines.
    links = frozenset({"regulator issues guidance on ai at work", "what the ai act means"})
    for box in (
        ["Read more:", "Regulator issues guidance on AI at work"],
        ["Also read:", "Regulator issues guidance on AI at work", "What the AI Act means"],
    ):
        result = clean_lines(within_body(*box), links=links)
        assert result.lines == BODY and result.removed["related"] == len(box)
    # Under the label, a line that is no link is the article's, and stays.
    own = "The regulator's guidance runs to forty pages"
    lines = clean_lines(within_body("Read more:", own), links=links).lines
    assert lines == within_body(own)


def test_a_closing_paragraph_of_site_calls_goes():
    appeal = (
        "Check out the Paper and the code. Feel free to check out our tutorials page, and "
        "follow us on Twitter and don't forget to join our 100k+ ML SubReddit and subscribe "
        "to our Newsletter. Are you on Telegram? Now you can join us there as well."
    )
    result = clean_lines([*BODY, appeal])
    assert result.lines == BODY and result.removed["social"] == 1
    plug = (
        "Our website is the place for the latest news, scoops and long reads. Please "
        "bookmark dailyledger.example and sign up for our morning newsletter, Ledger AM, here."
    )
    result = clean_lines([*BODY, plug])
    assert result.lines == BODY and result.removed["social"] == 1
    # One call is a sentence of the story; so is any paragraph that is not the last.
    one = (
        "The founders, who met at a hackathon in 2019, said they hoped other labs would "
        "join us in publishing the weights of every model they train from now on, openly."
    )
    assert clean_lines([*BODY, one]).lines == [*BODY, one]
    assert clean_lines(within_body(appeal)).lines == within_body(appeal)


def test_a_byline_after_the_article_goes_when_it_names_an_author():
    byline = "BY KIM JI-HYE, SHIN HA-NEUL [kim.jihye@example.com]"
    result = clean_lines([*BODY, byline], authors=["Kim Ji-hye", "Shin Ha-neul"])
    assert result.lines == BODY and result.removed["byline"] == 1
    # Naming nobody the record credits, it is a line of the story.
    credit = "By the numbers: 600 jobs and a 2027 start"
    assert clean_lines([*BODY, credit], authors=["Kim Ji-hye"]).lines == [*BODY, credit]


def test_a_counter_above_the_article_goes_but_not_a_date():
    for counter in ("- +80", "+1,200", "- 12.4K"):
        result = clean_lines([counter, *BODY])
        assert result.lines == BODY and result.removed["navigation"] == 1
    for kept in ("- 11.12.12", "2012"):
        assert clean_lines([kept, *BODY]).lines == [kept, *BODY]


def test_a_press_release_ends_at_its_end_mark():
    boilerplate = [
        "###",
        "About the Institute: the Institute supports research into the basic processes of "
        "life and trains the next generation of scientists in laboratories across the country.",
        "Reference: Feld M, et al. Sepsis alerts in the emergency department. JAMA. 2025.",
    ]
    result = clean_lines([*BODY, *boilerplate])
    assert result.lines == BODY and result.removed["end_marker"] == 3
    # A mark before most of the text is no end of the article.
    early = [BODY[0], "###", *BODY[1:], *BODY]
    assert clean_lines(early).lines == early


def test_a_reprint_said_above_the_story_keeps_only_the_story():
    intro = "Eleven labs agreed on shared safety tests this week; we reprint the story below."
    sponsor = "Ship evals, not vibes: our sponsor runs your red-team prompts on every checkpoint."
    wrapper_after = ["Why it matters", "- For builders: expect standard risk scores."]
    lines = [
        intro,
        sponsor,
        "The story",
        "By Ana Ruiz, Lakeshore Tech Review",
        "Originally published in Lakeshore Tech Review. Reprinted with permission.",
        *BODY,
        *wrapper_after,
    ]
    result = clean_lines(lines)
    assert result.lines == BODY and result.is_aggregator
    assert result.original_publisher == "Lakeshore Tech Review"
    # Credited below the story, as The Conversation's partners print it, nothing moves.
    below = [*BODY, "This article was originally published on The Conversation."]
    assert clean_lines(below).lines[: len(BODY)] == BODY


def test_an_app_promo_after_the_article_goes():
    promo = "Stay up to date with the latest news by downloading the WVLT News app."
    result = clean_lines([*BODY, promo])
    assert result.lines == BODY and result.removed["app_promo"] == 1
    # In the body it is a sentence of the story.
    lines = within_body("Users can download the Lumo app from Tuesday.")
    assert clean_lines(lines).lines == lines


def test_a_pull_quote_with_its_attribution_goes_but_a_quoted_subheading_stays():
    said = (
        "“Light doesn’t care much whether it travels two millimeters or ten centimeters,” "
        "said Anjali Deshpande, the company’s chief scientist, in an interview."
    )
    pull = ["“Light doesn’t care much whether it travels two millimeters or ten centimeters.”"]
    lines = within_body(said, *pull, "—Anjali Deshpande, Lumora Photonics")
    result = clean_lines(lines)
    assert result.lines == within_body(said) and result.removed["pull_quote"] == 2
    heading = ["‘Light doesn’t care much whether it travels two millimeters’"]
    lines = within_body(*heading, said)
    assert clean_lines(lines).lines == lines


def test_a_call_for_letters_after_the_article_goes():
    call = "We want to hear what you think about this article. Submit a letter to the editor."
    result = clean_lines([*BODY, call])
    assert result.lines == BODY and result.removed["feedback"] == 1


def test_a_newsletter_plug_and_a_polls_count_go_anywhere():
    plug = "Sign up for our free newsletter: Get business headlines in your inbox every weekday."
    result = clean_lines(within_body(plug, "1,284 votes so far"))
    assert result.lines == BODY and result.removed["newsletter"] == 2
    said = "Readers who sign up for the pilot will get a newsletter, the company said."
    assert clean_lines([said, *BODY]).lines == [said, *BODY]


def test_the_desks_credits_after_the_article_go():
    for credit in (
        "Editor: Wang Qingyun | Proofreader: Zhao Yusha",
        "Edited by Nandini Yadav",
        "[Edited by Owen Ferrante]",
    ):
        result = clean_lines([*BODY, credit])
        assert result.lines == BODY and result.removed["byline"] == 1


def test_a_shows_production_credits_go_wherever_they_stand():
    for credit in (
        "Night Count is produced by Lior Bednarz. Music by Femke Aalders.",
        "This episode was produced by Ann Okafor and edited by Jon Pike. Our theme music is by"
        " Kai Moss.",
        "Produced by Ann Okafor. Mixed and mastered by Jon Pike. Artwork by Eli Sand.",
    ):
        result = clean_lines(within_body(credit))
        assert result.lines == BODY and result.removed["credit"] == 1, credit
    for prose in (
        # one sentence naming roles: a review's
        "The album was produced by Ann Okafor and mixed by Jon Pike.",
        # a credit and a sentence that says more
        "The film was produced by Ann Okafor. It was shot in Lagos over nine weeks.",
        "It was produced by Ann Okafor. Music by Jon Pike, who also sings on two tracks.",
        # another work's credits, in a review
        "The film was edited by Thelma Okafor. The music is by Joe Park.",
        "It was edited by Thelma Okafor. The music is by Joe Park.",
        # credited to no one by name
        "The report was produced by the agency. Research by students at the university.",
    ):
        assert clean_lines(within_body(prose)).lines == within_body(prose), prose


def test_a_video_players_title_bar_goes():
    for label in (
        "Related video: What is an AI chip and why does everyone want one?",
        "Watch this: We Tested the New AI Photo Badges on 5 Phones",
        "WATCH | Robot dog patrols a Toronto construction site",
    ):
        result = clean_lines(within_body(label))
        assert result.lines == BODY and result.removed["video"] == 1
    # A sentence that starts with the verb is the story's.
    said = "Watch the skies this week, the agency said, as the satellite's orbit decays."
    assert clean_lines([said, *BODY]).lines == [said, *BODY]


def test_a_time_stamp_line_after_the_article_goes():
    for stamp in (
        "Published - March 04, 2025 06:45 pm IST",
        "Updated 3:14 PM EST, Tue March 5, 2024",
        "Last updated on 5 March 2024",
        "This story was originally published March 10, 2025 at 6:00 PM.",
    ):
        result = clean_lines([*BODY, stamp])
        assert result.lines == BODY and result.removed["time_stamp"] == 1
    # An update note says more than the time.
    note = "Update, March 5th, 3:12PM UTC: Added pricing details."
    assert clean_lines([*BODY, note]).lines == [*BODY, note]


def test_a_press_releases_contact_block_at_the_end_goes():
    block = ["Media Contact:", "Leah Marchetti", "Corvanta Systems", "+1 408-555-0187"]
    result = clean_lines([*BODY, *block])
    assert result.lines == BODY and result.removed["contact"] == 4
    one_line = ["Investor Relations Contact: Omar Haddad", "ir@example.com"]
    assert clean_lines([*BODY, *one_line]).lines == BODY
    # A "Contact" heading over prose, or in the middle of the text, stays.
    prose = [*BODY, "Contact", "Readers can reach the newsroom by phone on weekdays."]
    assert clean_lines(prose).lines == prose
    middle = [BODY[0], *block, BODY[1], BODY[2]]
    assert clean_lines(middle).lines == middle
    # Before the newsroom's legal paragraph, the block goes and the paragraph stays.
    legal = "This release contains forward-looking statements that involve risks."
    assert clean_lines([*BODY, *block, legal]).lines == [*BODY, legal]


def test_a_widget_heading_left_alone_between_paragraphs_goes():
    # trafilatura drops a "Recommended stories" box's links and keeps its heading.
    for heading in ("Recommended stories", "You may also like", "More from The Ledger"):
        lines = [BODY[0], heading, BODY[1], BODY[2]]
        result = clean_lines(lines, headings={heading})
        assert result.lines == BODY and result.removed["related"] == 1
    # An article's own section headings that start the same way stay.
    for heading in ("Related work", "Further reading", "Popular culture"):
        lines = [BODY[0], heading, BODY[1], BODY[2]]
        assert clean_lines(lines, headings={heading}).lines == lines


def test_loose_patterns_never_remove_prose_from_the_middle():
    middle = "The company said it would subscribe to a newsletter model for updates on safety."
    lines = [BODY[0], middle, BODY[1], BODY[2]]
    assert clean_lines(lines).lines == lines


def test_duplicate_title_at_top_is_removed():
    lines = ["New Model Tops Benchmarks", *BODY]
    result = clean_lines(lines, title="New model tops benchmarks")
    assert result.lines == BODY and result.removed["duplicate_title"] == 1


def test_a_long_headline_repeated_at_the_top_is_removed():
    # A tabloid's headline runs past the sixteen words a leading-edge line may have.
    title = (
        "Robot lawnmower maker accused of quietly using garden photos taken by its machines "
        "to train its AI - as privacy watchdog opens inquiry"
    )
    result = clean_lines([title, *BODY], title=title)
    assert result.lines == BODY and result.removed["duplicate_title"] == 1


# --- Comment threads, trailing link lists, the leading edge ----------------------------------
def test_comment_thread_is_cut_from_the_post_signature():
    lines = [
        *BODY,
        "Posted by Ada Quinn at November 18, 2026 09:12 AM",
        "Comments",
        "Great write-up, we saw the same drift with our own evaluations last spring.",
        "Posted by: Marcus at November 18, 2026 10:02 AM",
        "How do you keep the private questions from leaking?",
        "Posted by: Lena at November 18, 2026 11:40 AM",
        "We never publish them.",
        "Posted by: Ada Quinn at November 18, 2026 12:15 PM",
    ]
    result = clean_lines(lines)
    assert result.lines == BODY
    assert result.removed["comments"] == 7 and result.removed["byline"] == 1


def test_two_signature_lines_are_not_a_thread():
    lines = [*BODY, "Posted by: Marcus at November 18, 2026 10:02 AM", "Posted by: Lena at 11:40"]
    assert clean_lines(lines).lines[: len(BODY)] == BODY
    assert not clean_lines(lines).removed["comments"]


LINKS = frozenset(
    t.lower()
    for t in (
        "Fine-tuning on a budget, part two",
        "Building an evaluation harness in a weekend",
        "What our GPU bill taught us about batch sizes",
        "Paying annotators fairly without going broke",
        "A short guide to tokenizer surprises",
        "Quantization for people who hate math",
    )
)
LONG_BODY = [" ".join([line] * 4) for line in BODY]  # an article of its own: over 150 words


def test_trailing_list_of_links_after_the_body_is_removed():
    teasers = ["Recent Posts", *(t.title() for t in LINKS)]
    result = clean_lines([*LONG_BODY, *teasers], links=LINKS)
    assert result.lines == LONG_BODY
    assert result.removed["related"] == len(teasers)


def test_a_roundup_that_is_mostly_links_keeps_them():
    lines = [BODY[0], *(t.title() for t in LINKS)]
    assert clean_lines(lines, links=LINKS).lines == lines


def test_dated_list_items_are_teasers_even_without_link_texts():
    teasers = [f"- Story number {n} about chips By Jo Park on October {n}, 2026" for n in range(6)]
    assert clean_lines([*LONG_BODY, *teasers]).lines == LONG_BODY


def test_cards_with_long_blurbs_a_read_more_and_a_date_are_teasers():
    blurb = " ".join(["The lab's new console ships with a dozen launch titles and a demo."] * 4)
    cards = [
        f"- Story number {n} about consoles {blurb} Read more... 2026-11-0{n}" for n in range(6)
    ]
    assert len(cards[0].split()) > 40
    assert clean_lines([*LONG_BODY, *cards]).lines == LONG_BODY
    # Without its "Read more" or its date, a long list item is the article's own.
    for strip in ("Read more... ", " 2026-11-0"):
        items = [card.replace(strip, "") for card in cards]
        assert clean_lines([*LONG_BODY, *items]).lines == [*LONG_BODY, *items], strip


def test_article_list_at_the_end_is_kept():
    points = [f"{n}. Tour stop {n}, Main Hall" for n in range(1, 8)]
    lines = [*LONG_BODY, *points]
    assert clean_lines(lines, links=LINKS).lines == lines


def test_leading_navigation_title_and_byline_are_removed():
    lines = ["« Older post | Main", "New Model Tops Benchmarks", "By Ada Quinn", *BODY]
    result = clean_lines(lines, title="New model tops benchmarks", authors=["Ada Quinn"])
    assert result.lines == BODY
    assert result.removed["navigation"] == 1 and result.removed["byline"] == 1


def test_byline_of_someone_else_and_lines_after_the_body_stay():
    quote = "By Friday, the lab had shipped the update to every customer."  # prose, not a byline
    # A line ending in "»" goes over the text only (a breadcrumb); a pager's label, "Next
    # article »", goes anywhere (test_a_pagers_labels_and_the_titles_they_point_to_go).
    lines = [BODY[0], "By Other Person", BODY[1], "Council minutes, March 2026 »"]
    result = clean_lines(lines, authors=["Ada Quinn"])
    assert "By Other Person" in result.lines and "Council minutes, March 2026 »" in result.lines
    assert clean_lines([quote, *BODY], authors=["Ada Quinn"]).lines == [quote, *BODY]


# --- Recall fallback decision (crawler.core.extract) ------------------------------------------
def test_recall_text_is_used_only_when_it_recovers_most_of_the_prose():
    precise = LONG_BODY[2]
    recall = "\n".join(["Menu", *LONG_BODY])
    assert recall_recovers(precise, recall)
    assert not recall_recovers("\n".join(BODY), "\n".join([*BODY, BODY[0] + " extra words"]))


def test_recall_text_made_of_short_lines_is_refused():
    links = "\n".join(f"Link number {n}" for n in range(40))
    assert not recall_recovers(BODY[2], "\n".join([links, BODY[0], BODY[1]]))


def test_one_added_block_is_not_enough():
    bio = " ".join(["The author has written about machine learning for many years."] * 4)
    assert not recall_recovers(BODY[0], "\n".join([BODY[0], bio]))


def test_a_newsroom_tagline_at_the_end_is_the_authors_bio():
    taglines = [
        "Mara Ekwueme covers chips and AI infrastructure for the Ledger.",
        "Questions or tips? Contact her at mara@ledger.example or on Signal.",
        "Follow them on Bluesky for more coverage of the model wars.",
    ]
    result = clean_lines([*BODY, *taglines])
    assert result.lines == BODY
    assert result.removed["author_bio"] == 3
    # Reporting in the middle of the story is prose: only the edge is a bio.
    quote = "Regulators said they would reach them at a later stage of the inquiry."
    kept = [BODY[0], taglines[0], quote, BODY[1], BODY[2]]
    assert clean_lines(kept).lines == kept


def test_a_stay_up_to_date_plug_after_the_article_goes():
    plug = "Stay up to date with recent funding rounds and more with the Crunchbase Daily."
    result = clean_lines([*BODY, plug])
    assert result.lines == BODY and result.removed["newsletter"] == 1
    # In the body it is a sentence of the story.
    lines = within_body("Stay up to date, the minister told the board, or fall behind.")
    assert clean_lines(lines).lines == lines


def test_live_page_controls_and_copy_link_toasts_are_removed():
    lines = [BODY[0], "7 PostsSort by: Newest", BODY[1], "Link Copied!", BODY[2]]
    result = clean_lines(lines)
    assert result.lines == BODY and result.removed["share"] == 2
    prose = "Sort by newest first, the app's designers argued, and readers stay longer."
    assert clean_lines([*BODY, prose]).lines == [*BODY, prose]


def test_an_access_note_above_the_article_goes():
    note = (
        "This article is free to read. Create a free account to get our daily newsletter "
        "and unlock one free subscriber article every month."
    )
    for line in (note, "Already a subscriber? Sign in", "Premium", "Subscriber only"):
        result = clean_lines([line, *BODY])
        assert result.lines == BODY and result.removed["paywall"] == 1
    # Prose about a paywall, in the body, stays.
    prose = "The site's note, that the story is free to read, drew complaints from subscribers."
    assert clean_lines(within_body(prose)).lines == within_body(prose)


def test_site_notices_that_run_to_a_paragraph_go_at_the_trailing_edge():
    appeal = (
        "Stay informed and ahead of the curve! Follow The Daily Ledger on WhatsApp for "
        "real-time updates, breaking news, and exclusive content. Don't miss a headline, join now!"
    )
    rights = (
        "All rights reserved. This material, and other digital content on this website, may "
        "not be reproduced, published, broadcast, rewritten or redistributed in whole or in "
        "part without prior express written permission from the Daily Ledger."
    )
    tips = (
        "Got a tip? Send it our way. You can reach the news desk at news@example.com, and we "
        "can keep you anonymous if you prefer. Tips, leaked builds and screenshots are welcome."
    )
    partner = (
        "The Daily Ledger is a partner of the Northern Wire Service and publishes more than 80 "
        "articles a day in English and Korean. (c) Daily Ledger Media. All rights reserved."
    )
    contact = "Contact: editor@example.com"
    lines = [*BODY, tips, appeal, "Copyright Daily Ledger.", rights, partner, contact]
    result = clean_lines(lines)
    assert result.lines == BODY
    assert result.removed["copyright"] == 3 and result.removed["feedback"] == 1
    # Inside the article, each is a sentence of the story.
    for line in (tips, rights):
        lines = within_body(line)
        assert clean_lines(lines).lines == lines


def test_an_authors_bio_after_the_article_goes_at_paragraph_length():
    bio = (
        "Ellen Kowalski is a freelance science journalist based in Gdansk. She writes about"
        " sound, animals and machine learning, and is working on a book about nightingales."
    )
    result = clean_lines([*BODY, bio], authors=["Ellen Kowalski"])
    assert result.lines == BODY and result.removed["author_bio"] == 1
    german = (  # 30 words, past the 25 of an unnamed bio; casefold makes "ß" two letters
        "Jonas Strauß has spent ten years in Vienna following the chip industry, from the"
        " first fabs in Dresden to the export rules that now decide where the machines go."
    )
    assert clean_lines([*BODY, german], authors=["Jonas Strauß"]).lines == BODY
    # Naming someone the record does not credit, or in the middle, it is the story's.
    assert clean_lines([*BODY, bio], authors=["Jo Li"]).lines == [*BODY, bio]
    middle = within_body(bio)
    assert clean_lines(middle, authors=["Ellen Kowalski"]).lines == middle


def test_a_bare_byline_over_the_article_goes_when_it_is_the_authors_names():
    for byline in ("Kwame Asante", "Kwame Asante and Jo Li", "KWAME ASANTE"):
        result = clean_lines([byline, *BODY], authors=["Kwame Asante", "Jo Li"])
        assert result.lines == BODY and result.removed["byline"] == 1, byline
    # A line with more than the names in it (a dateline, a subject) stays.
    for kept in ("Kwame Asante, Accra", "Asante", "Kwame Asante on the market in March"):
        assert clean_lines([kept, *BODY], authors=["Kwame Asante"]).lines == [kept, *BODY]


def test_a_byline_row_with_a_status_badge_and_a_time_goes_with_the_names():
    rows = (
        "LIVE Tessa Moreno and Luis Arriaga · Last updated 10:42 PT",
        "Tessa Moreno | 04/03/2026 | 5 hours ago",
        "Tessa Moreno · Tuesday, March 3rd 2026 · 4 min read",
    )
    for row in rows:
        result = clean_lines([row, *BODY], authors=["Tessa Moreno", "Luis Arriaga"])
        assert result.lines == BODY and result.removed["byline"] == 1, row


def test_a_byline_row_with_a_job_title_goes_and_a_sentence_naming_one_stays():
    for row in (
        "Posted February 24, 2026 by Tessa Moreno, club secretary",
        "By Tessa Moreno, Staff Writer",
        "Tessa Moreno, Senior Reporter | March 3, 2026",
    ):
        result = clean_lines([row, *BODY], authors=["Tessa Moreno"])
        assert result.lines == BODY and result.removed["byline"] == 1, row
    sentence = "Tessa Moreno visited the club secretary"
    assert clean_lines([sentence, *BODY], authors=["Tessa Moreno"]).lines == [sentence, *BODY]


def test_a_walls_prompt_between_paragraphs_goes_and_a_sentence_about_one_stays():
    prompt = "Subscribers get unlimited access to our reporting. Subscribe now or log in."
    result = clean_lines(within_body(prompt))
    assert result.lines == BODY and result.removed["paywall"] == 1
    prose = "Readers can subscribe now or log in later, the company said."
    assert clean_lines(within_body(prose)).lines == within_body(prose)


def test_an_old_sites_page_links_and_footer_go():
    chrome = [
        "<< Back to News",
        "Back to top",
        "This page best viewed at 800x600.",
        "Pine Ridge Observatory · 4410 County Road 9 · Webmaster: web@pineridge.example",
    ]
    result = clean_lines([*BODY, *chrome])
    assert result.lines == BODY
    prose = "Go back to the news of last week, when the board first met."
    assert clean_lines([*BODY, prose]).lines == [*BODY, prose]


def test_a_close_buttons_glyph_or_word_goes_and_a_line_naming_x_stays():
    # A video embed's or a dialog's close button, left as a line of its own (audit 35).
    for button in ("×", "✕", "Close ×", "Close video"):
        assert clean_lines(within_body(button)).lines == BODY, button
    # A lone "X" or "Close" goes at the edges only: inside, an essay's numeral or heading.
    inside = [f"{BODY[0]} {BODY[1]}", "{}", BODY[2]]  # past the leading edge's short lines
    for button in ("X", "Close", "Dismiss"):
        assert clean_lines([*BODY, button]).lines == BODY, button
        lines = [line.format(button) for line in inside]
        assert clean_lines(lines).lines == lines, button
    for line in ("X Corp", "Close the gap", "XAI"):
        assert clean_lines(within_body(line)).lines == within_body(line)


def test_callouts_between_paragraphs_go_wherever_they_sit():
    callouts = [
        "Sign up here for our weekly autonomy newsletter.",
        "Subscribe to the Morning Brief newsletter",
        "Continue reading below",
        "Read also",
        "1.2K Followers",
    ]
    for callout in callouts:  # each alone between paragraphs, as pages set them
        result = clean_lines(within_body(callout))
        assert result.lines == BODY, callout
    # Prose about them stays.
    prose = "Readers can subscribe to the newsletter, which the lab says has 40,000 followers."
    assert clean_lines(within_body(prose)).lines == within_body(prose)


def test_a_live_badge_and_a_time_stamp_over_the_story_go():
    # Over the story too (Dragnet's 2012 gold keeps "Published: July 24, 2012" there; a
    # record is the article, not its page's time stamps).
    top = ["LIVE", "Last updated: March 12, 2026, 1:45 p.m. ET", "Breaking news"]
    result = clean_lines([*top, *BODY])
    assert result.lines == BODY
    assert result.removed["ui_control"] == 2 and result.removed["time_stamp"] == 1
    # A line that says more than the label and the time stays: it is an editor's note.
    note = "Updated March 12, 2026: This story has been updated with the company's response."
    assert clean_lines([note, *BODY]).lines == [note, *BODY]


def test_a_bare_date_and_a_release_label_over_the_story_go():
    # A press release's date under its headline, no "Published" label; a wire's
    # "NEWS RELEASE" over it.
    for top in (["March 3, 2026"], ["NEWS RELEASE", "14-Jan-2026"], ["Tue, 10 Jun 2025"]):
        result = clean_lines([*top, *BODY])
        assert result.lines == BODY, top
    # Lower down, a date alone is a timeline's heading and stays.
    lead = "The lab kept a log of the model's training, and the entries below are its own words."
    timeline = [lead, "March 3, 2026", *BODY]
    assert clean_lines(timeline).lines == timeline


def test_a_tables_header_rule_is_no_line_of_the_text():
    table = ["| Model | Score |", "|---|---|", "| Alpha | 71 |", "| :--- | ---: |"]
    result = clean_lines([*BODY, *table])
    assert result.lines == [*BODY, "| Model | Score |", "| Alpha | 71 |"]
    assert result.removed["table_rule"] == 2
    # A line of dashes between paragraphs is not a table's.
    assert clean_lines(within_body("---")).lines == within_body("---")


def test_a_split_storys_pointer_to_its_next_page_goes_from_the_end():
    for pointer in (
        "Continue reading on the next page",
        "Continued on page 2",
        "Story continues on next page »",
    ):
        result = clean_lines([*BODY, pointer])
        assert result.lines == BODY and result.removed["read_more"] == 1, pointer
    said = "Continued on page two, the report says, the numbers get worse for the lab."
    assert clean_lines([*BODY, said]).lines == [*BODY, said]


def test_the_labels_a_byline_rows_times_leave_behind_go_at_the_edges():
    for left in ("Posted , updated", "on", "Published on | Updated"):
        assert clean_lines([left, *BODY]).lines == BODY, left
        assert clean_lines([*BODY, left]).lines == BODY, left
    # Between paragraphs, a lone label is left as it is (below the leading edge's lines).
    lead = "The lab kept a log of the model's training, and the entries below are its own words."
    assert clean_lines([lead, "on", *BODY]).lines == [lead, "on", *BODY]


def test_a_storys_own_history_names_no_original_publisher():
    for note in (
        "Originally published in the Spring 2020 print edition of the Harbor Quarterly.",
        "This post was originally published on March 3, 2019 and has been updated.",
        "Originally published on our blog in 2018.",
    ):
        assert clean_lines([*BODY, note]).original_publisher is None, note
    credit = "This article was originally published on The Conversation."
    assert clean_lines([*BODY, credit]).original_publisher == "The Conversation"


def test_a_contact_block_without_its_label_and_a_releases_header_lines_go():
    # The label was a heading trafilatura dropped: a name, an office, an address, a phone.
    block = ["Alicia Moreno", "University Communications", "amoreno@example.edu", "555-0199"]
    result = clean_lines([*BODY, *block])
    assert result.lines == BODY and result.removed["contact"] == 4
    # Short lines without an address or a number are no contact block.
    names = ["Alicia Moreno", "University Communications"]
    assert clean_lines([*BODY, *names]).lines[-2:] == names
    # A government release's header lines over its story.
    top = ["Release Date: April 22, 2019", "Contact: Mark Sutton, 555-0123, sutton@example.gov"]
    assert clean_lines([*top, *BODY]).lines == BODY


LONG = [
    "The team used a model to search thousands of additive mixtures, then made the best ones "
    "in the lab and left them in the sun for a thousand hours to see which lasted longest.",
]


def test_a_releases_details_its_disclaimer_and_a_standards_box_go_from_the_end():
    details = [
        "Journal",
        "Nature Energy",
        "Method of Research",
        "Experimental study",
        "Article Publication Date",
        "14-Jan-2026",
    ]
    disclaimer = (
        "Disclaimer: The news service is not responsible for the accuracy of releases posted "
        "by contributing institutions or for the use of any information through the system."
    )
    result = clean_lines([*LONG_BODY, *LONG, *details, disclaimer])
    assert result.lines == [*LONG_BODY, *LONG]
    assert result.removed["details"] == 6 and result.removed["disclaimer"] == 1
    # Five short lines, or six after a paragraph short of an article, are no details block.
    assert clean_lines([*LONG_BODY, *LONG, *details[:5]]).lines[-5:] == details[:5]
    assert clean_lines([*LONG, *details]).lines == [*LONG, *details]
    # A code listing ending the article is its text (audit 27: a BibTeX entry was cut).
    bibtex = [
        "@inproceedings{hale2019sparse,",
        "title = {Sparse Attention for Long Clinical Notes},",
        "author = {Hale, Rosalind and Ortiz, Ben},",
        "booktitle = {Proceedings of the Workshop},",
        "year = {2019}",
        "}",
    ]
    listed = clean_lines([*LONG_BODY, *LONG, *bibtex], code=frozenset(bibtex))
    assert listed.lines == [*LONG_BODY, *LONG, *bibtex]
    standards = [
        "Get the morning's top stories in your inbox each day with our Tech Today newsletter.",
        "Ledger's editorial standards",
        "Our goal is to deliver the most accurate information and the most useful advice.",
    ]
    assert clean_lines([*BODY, *LONG, *standards]).lines == [*BODY, *LONG]


def test_a_read_more_label_without_a_colon_and_an_editors_picks_heading_go():
    headline = "Google says it has cracked a decades-old physics problem"
    promo = f"Read more {headline}"
    result = clean_lines(within_body(promo), links=frozenset({headline.lower()}))
    assert result.lines == BODY
    # Without the link, the words may be a sentence's: "Read more about it in the report".
    assert clean_lines(within_body(promo)).lines == within_body(promo)
    lead = "The lab kept a log of the model's training, and the entries below are its own words."
    lines = [lead, "Recommended by Our Editors", *BODY]
    assert clean_lines(lines).lines == [lead, *BODY]


def test_a_series_newsletter_note_and_a_preferred_source_plug_go_between_paragraphs():
    for plug in (
        [
            "This story is part of Model Notes, the Ledger's weekly newsletter on what the labs "
            "shipped and why it matters. You can sign up to get it every Friday here."
        ],
        [
            "Don't want to miss the best from The Ledger?",
            "- Add us as a preferred source on Google to support our reporting and make sure you "
            "never miss our newest analysis and explainers.",
        ],
    ):
        result = clean_lines(within_body(*plug))
        assert result.lines == BODY and result.removed["newsletter"] == len(plug), plug
    # The story's own words about a newsletter or a series stay.
    told = [
        "This story is part of a lawsuit the newsletter's former editor filed in March.",
        "Readers can set the app as their preferred source of alerts, the company said.",
    ]
    assert clean_lines(within_body(*told)).lines == within_body(*told)


def test_a_stay_connected_box_after_the_article_goes():
    box = [
        "Stay connected",
        "Get the latest updates from The Ledger",
        "Discover special offers, top stories, upcoming events, and more.",
    ]
    result = clean_lines([*BODY, *box])
    assert result.lines == BODY and result.removed["newsletter"] == 3


def test_a_sites_appeal_for_support_goes_and_a_story_about_support_stays():
    appeal = [
        "Your continued support matters to us and lets us keep our journalism free for all.",
        "A single click below supports the newsroom's independent reporting.",
        "Short on time? Sign up for our Friday newsletters to get the week's model releases in "
        "five minutes. Subscribe Now",
    ]
    for line in appeal:
        result = clean_lines(within_body(line))
        assert result.lines == BODY, line
    told = [
        "Lawmakers said their support for the bill would keep the program free for students.",
        "The foundation said its grant supports our mission, the museum's director told staff.",
    ]
    assert clean_lines(within_body(*told)).lines == within_body(*told)


def test_stamp_lines_with_two_stamps_seconds_or_issued_and_labels_left_go():
    for line in (
        "Published 5:04 a.m. ET June 10, 2025 Updated 10:51 a.m. ET June 10, 2025",
        "Published 5:04 a.m. ET June 10, 2025 | Updated 10:51 a.m. ET June 10, 2025",
        "Published : June 5, 2025 - 08:12:33",
        "Issued on: 04/06/2025 - 11:35",
        # A zone after a 24-hour clock (the Guardian's live pages): the atomic parts kept
        # the space before it for an "am" that never came, and the line stayed.
        "First published on Mon 17 Mar 2025 07.45 GMT",
        "Published March 17, 2025 at 07:45 GMT",
    ):
        result = clean_lines([line, *BODY])
        assert result.lines == BODY and result.removed["time_stamp"] == 1, line
    # Two labels whose times were elements dropped: below a standfirst too, not only first.
    result = clean_lines(within_body("Issued on: Modified:"))
    assert result.lines == BODY and result.removed["time_stamp"] == 1
    said = "Published on Monday, the report was updated twice:"
    assert clean_lines(within_body(said)).lines == within_body(said)


def test_a_promo_label_after_an_emoji_in_brackets_and_a_related_link_go():
    headline = "Meet Tessel: an open 7B model trained on public data"
    links = frozenset({headline.lower(), "boston's chip startups are raising money again"})
    for line in (
        f"🚨 [Recommended Read] {headline}",
        "RELATED: Boston's chip startups are raising money again",
    ):
        result = clean_lines(within_body(line), links=links)
        assert result.lines == BODY, line
    # A closing appeal shielded by such a promo under it goes too, once the promo has gone.
    outro = (
        "Check out the Paper and the code. All credit for this research goes to its authors. "
        "Also, feel free to follow us on Twitter and join our 90k+ ML SubReddit."
    )
    lines = [*BODY, outro, f"🚨 [Recommended Read] {headline}"]
    assert clean_lines(lines, links=links).lines == BODY
    # "Related:" before words that are not one link's text is the story's.
    prose = "Related: the firm's earlier filings show a similar pattern of losses."
    assert clean_lines(within_body(prose), links=links).lines == within_body(prose)


def test_an_app_push_alert_promo_and_a_donation_appeals_lines_go():
    for line in (
        "Get breaking news straight to your phone: turn on Ledger push alerts in the app. "
        "Download it here",
        "If you can, please consider helping keep The Ledger free for everyone with a "
        "one-time or monthly contribution.",
        "Readers like you make that possible. Will you help keep it free today?",
        "Already contributed? Log in to hide these messages.",
        "You've read 3 articles in the last month",
    ):
        assert clean_lines(within_body(line)).lines == BODY, line
    told = [
        "Users can turn on push alerts for each team, the company said on Tuesday.",
        "The city said it would help keep the buses free for students through June.",
    ]
    assert clean_lines(within_body(*told)).lines == within_body(*told)


def test_a_newsrooms_tip_lines_go_anywhere():
    for line in (
        "Do you have a story for The Ledger Tech team? Email us at tech@ledger.example",
        "Get in touch with our news team by emailing us at news@ledger.example.",
        "For more stories like this, check our news page.",
    ):
        assert clean_lines(within_body(line)).lines == BODY, line
    told = "Get in touch with the team at the front desk, the clinic's manager told visitors."
    assert clean_lines(within_body(told)).lines == within_body(told)


def test_closing_self_promotion_citations_and_rights_lines_go():
    """Audit 21: each leaked from a publisher's template, after the story (the first two
    over it too)."""
    closing = {
        "ui_control": [
            "This Article is available as a video essay on YouTube. Subscribers to Ledger Plus "
            "can also listen to it as a podcast in their podcast player.",
            "Listen to this story and more on the Ledger Daily podcast, available wherever you "
            "get your podcasts.",
        ],
        "appeal": [
            "If you enjoyed this article consider joining Ledger Premium to view this site "
            "ad-free, multi-page articles on a single page, and other benefits.",
            "IF YOU ENJOYED THIS ARTICLE, you might also like our special edition on chips.",
        ],
        "social": [
            "Found this article interesting? Follow us on Google News, Twitter and LinkedIn to "
            "read more exclusive content we post.",
            "Follow us on Twitter and Facebook for the latest news.",
        ],
        "copyright": [
            "Citation: Library adds AI tutoring (2025, June 9) retrieved 10 June 2025 from "
            "https://ledger.example/news/2025-06-library.html",
            "This document is subject to copyright. Apart from any fair dealing for the "
            "purpose of private study or research, no part may be reproduced without the "
            "written permission. The content is provided for information purposes only.",
            "This article may not be reproduced, distributed or republished without the prior "
            "written permission of The Ledger.",
            "How to cite this article: Lee, A. (2025, June 9). Library adds AI tutoring. The "
            "Ledger.",
        ],
        "feedback": [
            "Feedback to editors",
            "Use this form if you have come across a typo, inaccuracy or would like to send an "
            "edit request for the content on this page.",
        ],
        "credit": ["Featured Image: Ann Lee/Shutterstock"],
    }
    for kind, lines in closing.items():
        for line in lines:
            result = clean_lines([*BODY, line])
            assert result.lines == BODY and result.removed[kind] == 1, line
    for line in closing["ui_control"]:
        assert clean_lines([line, *BODY]).lines == BODY, line
    # Prose that says the same words about something else stays.
    for sentence in (
        "If you enjoyed this article's subject, the museum's exhibition runs until May.",
        "The lawsuit says the images may not be reproduced without a licence from the agency.",
        "Listen to this story's lesson, the chief executive told staff: ship smaller models.",
    ):
        assert clean_lines([*BODY, sentence]).lines == [*BODY, sentence], sentence


def test_previously_and_related_coverage_labels_over_a_link_go():
    links = frozenset({"library board weighs ai tutoring contract"})
    for label in ("Previously", "Related coverage"):
        line = f"{label}: Library board weighs AI tutoring contract"
        assert clean_lines(within_body(line), links=links).lines == BODY, line
        # Not before prose: "Previously: the company sold chips" is a sentence of the story.
    prose = "Previously: the company sold its chips only to cloud providers."
    assert clean_lines(within_body(prose), links=links).lines == within_body(prose)


def test_a_blogs_keep_reading_cards_after_the_post_go():
    """Audit 21: under a post whose wrapper trafilatura does not know, the cards of other
    posts ("Keep reading", "Other posts of interest") came through as text."""
    cards = [
        "May 28, 2025",
        "Library opens maker space with 3D printers",
        "Community · Technology",
        "May 12, 2025",
        "Summer reading challenge returns with new prizes",
        "Events · Youth",
    ]
    for heading in ("Keep reading", "Other posts of interest"):
        result = clean_lines([*BODY, heading, *cards], headings={heading})
        assert result.lines == BODY, heading
    sentence = "Keep reading to see how the county plans to pay for the program."
    assert clean_lines([*BODY, sentence]).lines == [*BODY, sentence]


def test_header_rows_and_plugs_left_by_an_unknown_body_container_go():
    """Audit 23: with a body container trafilatura does not know, the whole <article> is
    the text, and its header's lines came with it."""
    lines = {
        "time_stamp": [
            "Updated / Thursday, 12 Jun 2025 12:40",
            "Published Oct 23, 2025 • Last updated 2 hours ago • 2 minute read",
        ],
        "ui_control": ["Listen to this articleThis audio is generated by an AI tool."],
        "app_promo": ["Get WhatsApp alerts from CNA: Follow our channel for the latest updates."],
        "share": ["Thanks for sharing!"],
    }
    for kind, found in lines.items():
        for line in found:
            for placed in ([line, *BODY], within_body(line), [*BODY, line]):
                result = clean_lines(placed)
                assert result.lines == BODY and result.removed[kind] == 1, (line, placed)
    for stamp in ("07:31, Fri, Feb 21, 2025 | UPDATED: 09:54, Fri, Feb 21, 2025",
                  "16:00 JST, September 1, 2025"):  # fmt: skip
        assert clean_lines([stamp, *BODY]).lines == BODY, stamp
    policy = (
        "Postmedia is committed to maintaining a lively but civil forum for discussion. "
        "Please keep comments relevant and respectful."
    )
    assert clean_lines([*BODY, policy]).lines == BODY
    sentence = "The audio was generated by an AI tool, the broadcaster admitted on Friday."
    assert clean_lines([*BODY, sentence]).lines == [*BODY, sentence]


def test_a_section_label_over_the_repeated_headline_goes_with_it():
    """Audit 23: an <article> taken whole left its category paragraph first."""
    title = "Japan weighs new rules for AI chip exports"
    result = clean_lines(["Politics & Government", title, *BODY], title=title)
    assert result.lines == BODY and result.removed["navigation"] == 1
    # Without the headline under it, or a sentence or a figure over it, nothing goes.
    assert (
        clean_lines(["Politics & Government", *BODY], title=title).lines[0]
        == "Politics & Government"
    )
    for above in ("The minister spoke on Monday.", "Coordinates: 42°S 174°E"):
        assert clean_lines([above, title, *BODY], title=title).lines == [above, *BODY]


def test_sentences_about_forums_and_copyright_are_not_notices():
    """The review of the audit 21 and 23 patterns: a company's quote and a ruling on
    copyright read like a comment policy and a rights notice to an unanchored pattern."""
    for sentence in (
        "Anthropic said it is committed to fostering an open and honest conversation about AI.",
        "The company is committed to providing a safe forum for researchers, she said.",
        "Under the amendment, copyrighted works may not be reproduced to train AI models "
        "without the rights holder's explicit permission.",
        "Material that is subject to copyright can only be used for training with permission "
        "from the authors, the court ruled.",
    ):
        for placed in (within_body(sentence), [*BODY, sentence]):
            assert clean_lines(placed).lines == placed, sentence


def test_a_line_of_many_stamps_that_is_no_stamp_line_is_read_at_once():
    """A stamp line's parts are atomic: "Published 12:40, " twelve times and a word
    backtracked through every way of splitting them (100 ms at 25 words, four times more
    each two stamps); twenty of them would have taken a minute."""
    from crawler.core.chrome_patterns import TIME_STAMP

    line = "Published 12:40, " * 20 + "zz"
    assert not any(p.search(line) for p in TIME_STAMP)
    assert clean_lines([*BODY, "Published 12:40, Updated 13:05"]).lines == BODY


def test_notes_labels_and_plugs_of_audit_24_go_where_they_sit():
    """Audit 24 (modern regional, trade and wire pages): each line was left in the text."""
    anywhere = {
        "ui_control": [
            "(Except for the headline, this story has not been edited by Daybreak staff and "
            "is published from a syndicated feed.)",
            "(Only the headline of this report may have been reworked by Daybreak India staff;"
            " the rest is published as received from a syndicated feed.)",
            "The views expressed in this column are the author’s own and do not necessarily "
            "reflect those of The Valley Sentinel.",
            "Please turn on JavaScript to use this feature",
            "Podcast: Play in new window | Download (Duration: 48:12 — 44.1MB)",
            "Subscribe: Apple Podcasts | Spotify | RSS | More",
        ],
        "advertisement": ["Article content"],
        "time_stamp": ["• Last updated 3 hours ago • 3 minute read"],
        "newsletter": [
            "Want analysis like this in your inbox? Sign up for Policy Weights, free every "
            "Thursday."
        ],
        "appeal": [
            "Support our mission to keep content open and free by engaging with our community."
        ],
    }
    for kind, found in anywhere.items():
        for line in found:
            for placed in (within_body(line), [*BODY, line]):
                result = clean_lines(placed)
                assert result.lines == BODY and result.removed[kind] == 1, (line, placed)
    republish = (
        "Civic Signal is a nonprofit newsroom. Republish our stories for free under a "
        "Creative Commons licence."
    )  # audit 26
    assert clean_lines([*BODY, republish]).removed["copyright"] == 1
    contact = "Contact Greg Tan at gtan@coastbusiness.example or 555-0148."  # audit 27
    assert clean_lines([*BODY, contact]).removed["author_bio"] == 1
    clerk = "Contact the county clerk at clerk@county.example for details."  # the review
    assert clean_lines([*BODY, clerk]).lines == [*BODY, clerk]
    question = "Got a science question? Email ask@curious.example and we may answer it."
    for placed in (within_body(question), [*BODY, question]):
        assert clean_lines(placed).lines == BODY, placed
    # At the end only: the desk's initials, the author's name over a bio that went, a
    # station's pointer to its site.
    station = "For the latest news, weather, sports, and streaming video, head to WKRX 7 News."
    for line, kind in (
        ("/cb", "byline"),
        ("/ra/dl", "byline"),
        ("Hannah Lin", "byline"),
        (station, "feedback"),
    ):
        result = clean_lines([*BODY, line], authors=["Hannah Lin"])
        assert result.lines == BODY and result.removed[kind] == 1, line
    # Sentences that say the same words stay.
    for sentence in (
        "The feed was edited by hand before the syndicated feed went out, the agency said.",
        "The agency said it had changed its policy on the syndicated feed.",  # the review
        "For the latest news on the chip, the company said, customers should head to its blog.",
        "The views expressed in the survey are their own, the researchers said of the panel.",
    ):
        for placed in (within_body(sentence), [*BODY, sentence]):
            assert clean_lines(placed).lines == placed, sentence
    # Between paragraphs, a story's pointer is its own sentence (the review).
    pointer = "For the latest updates, go to the county's website."
    assert clean_lines(within_body(pointer)).lines == within_body(pointer)
    # A widget's heading over its list of links.
    cards = ["Agentic AI governance checklist for CIOs By: Esther Adeyemi"] * 2
    heading = "Dig Deeper on AI business strategies"
    assert clean_lines([*BODY, heading, *cards], headings={heading}).lines == BODY
    # A timeline under "Key events" is the story's (the review).
    timeline = ["Key events", "March 3: Students occupy the main square",
                "March 9: Police clear the camp at dawn"]  # fmt: skip
    assert clean_lines([*BODY, *timeline], headings={"Key events"}).lines == [*BODY, *timeline]


def test_notes_labels_and_plugs_of_audit_28_go_where_they_sit():
    """Audit 28 (major publishers' 2024-26 templates): each line was left in the text."""
    anywhere = {
        "ui_control": [
            "Skip next section Explore more",
            "Explore more",
            "Show key events only",
            "Send us your feedback",
        ],
        "app_promo": ["Join ST's WhatsApp Channel and get the latest news and must-reads."],
        "newsletter": [
            "Editor’s Note: A version of this story appeared in CNN Business’ Nightcap "
            "newsletter. To get it in your inbox, sign up for free here.",
            "Do you have questions about the biggest topics and trends from around the world? "
            "Get the answers with Harbour Knowledge, our new platform of curated content.",
        ],
    }
    for kind, found in anywhere.items():
        for line in found:
            for placed in (within_body(line), [*BODY, line]):
                result = clean_lines(placed)
                assert result.lines == BODY and result.removed[kind] == 1, (line, placed)
    # After the article: a sign-up box's consent, then the copyright line above it goes too;
    # a broadcaster's note under its transcript, then the rights notice above it.
    consent = ["©2025 Meridian L.P.", "Meridian may send me offers and promotions."]
    assert clean_lines([*BODY, *consent]).lines == BODY
    note = (
        "Harbor Radio transcripts are created on a rush deadline by a contractor. This text "
        "may not be in its final form and may be updated or revised in the future."
    )
    rights = "Copyright © 2025 Harbor Radio. All rights reserved. Visit our terms of use page."
    result = clean_lines([*BODY, rights, note])
    assert result.lines == BODY and result.removed["disclaimer"] == 1
    # Prose that mentions them stays.
    told = [
        "The firm said it may send offers to customers who opted in, a spokesperson said.",
        "Explore more of the data in the interactive chart below, the authors wrote.",
    ]
    assert clean_lines(within_body(*told)).lines == within_body(*told)


def test_notes_plugs_and_rewards_of_audit_32_go_where_they_sit():
    """Audit 32 (tabloids, regional and Asian publishers): each line was left in the text."""
    anywhere = {
        "app_promo": [
            "Sign up to push alerts and have the best news, analysis and comment delivered "
            "directly to your phone",
            "Find The Harbour Times on WhatsApp and stay up to date",
        ],
        "newsletter": ["Listen to our Inside Politics podcast for the best political chat"],
        "feedback": [
            "Do you have a story for The Daily Lamp Tech & Science team?",
            "Email us at tech@daily-lamp.example",
        ],
        "disclaimer": [
            "Lamp AI is in beta. Translations may contain inaccuracies—please refer to the "
            "original content.",
        ],
        "appeal": ["Read 3 articles and stand to win rewards", "Spin the wheel now"],
    }
    for kind, found in anywhere.items():
        for line in found:
            for placed in ([line, *BODY], within_body(line), [*BODY, line]):
                result = clean_lines(placed)
                assert result.lines == BODY and result.removed[kind] == 1, (line, placed)
    # After the article: the copyright line, then the topics to follow and their list.
    ft = [
        "Copyright The Lamp Limited 2025. All rights reserved.",
        "Follow the topics in this article",
        "- Mistral AI",
    ]
    assert clean_lines([*BODY, *ft]).lines == BODY
    # Prose that mentions them stays.
    told = [
        "Users can find the bot on Telegram, where it answers questions, the researchers said.",
        "Translations may contain errors, the company's engineers warned in a statement.",
        "Listen to our conversation with the author, she joked, and you will hear the doubt.",
    ]
    assert clean_lines(within_body(*told)).lines == within_body(*told)


def test_a_wires_contact_card_and_legal_disclaimer_after_a_release_go():
    # EIN Presswire's end of a release (audit 34): the contact card, its social links, then
    # the wire's disclaimer. The issuer's "About" paragraph stays, as the release's own.
    about = ["About BrightLane", "BrightLane builds learning tools for students in Texas."]
    tail = [
        "Tom Reilly",
        "BrightLane",
        "+1 512-555-0199",
        "email us here",
        "Visit us on social media:",
        "LinkedIn",
        "X",
        "Legal Disclaimer:",
        'Lamp Wire provides this news content "as is" without warranty of any kind. We do not '
        "accept any responsibility or liability for the accuracy of this content.",
    ]
    assert clean_lines([*BODY, *about, *tail]).lines == [*BODY, *about]
    # A story about a warranty keeps its sentence.
    told = "The seller provides this laptop without warranty of any kind, the court heard today."
    assert clean_lines([*BODY, told]).lines == [*BODY, told]


def test_plugs_counts_and_disclaimers_of_audit_34_go_where_they_sit():
    """Audit 34 (AI-lab blogs, trade press, gadget sites)."""
    anywhere = {
        "app_promo": [
            "Add Lamp Daily to your Google News feed.",
            "Check out Lamp Daily on YouTube for more news:",
        ],
        "ui_control": [
            "The opinions expressed here by Lamp.com columnists are their own, not those of "
            "Lamp.com.",
        ],
    }
    for kind, found in anywhere.items():
        for line in found:
            for placed in (within_body(line), [*BODY, line]):
                result = clean_lines(placed)
                assert result.lines == BODY and result.removed[kind] == 1, (line, placed)
    # Medium's claps and responses over the story; a newsletter form's leftovers. Under it,
    # a figure the story ends on stays (the review).
    assert clean_lines(["1.2K", "14", *BODY]).lines == BODY
    tally = [*BODY, "The final tally was:", "1,204"]
    assert clean_lines(tally).lines == tally
    assert clean_lines([*BODY, "Read our Privacy Policy", "An error occured."]).lines == BODY
    # A count inside the story (past its first long paragraph), and prose that mentions
    # the words, stay.
    lead = (
        "The lab released a new reasoning model on Tuesday, claiming large gains on math "
        "and coding tasks."
    )
    inside = [lead, "14", *BODY[1:]]
    assert clean_lines(inside).lines == inside
    told = [
        "Readers can check out the lab on YouTube, where it posts its demos every week.",
        "The views expressed in the filing differ from those of the board, the judge said.",
    ]
    assert clean_lines(within_body(*told)).lines == within_body(*told)


def test_a_trade_sites_event_promo_after_the_story_goes():
    promo = [
        "Want to learn more about AI and big data from industry leaders? Check out the Lamp "
        "AI Expo taking place in Amsterdam, California, and London.",
        "Lamp News is powered by Lamp Media. Explore other upcoming enterprise technology "
        "events and webinars here.",
    ]
    assert clean_lines([*BODY, *promo]).lines == BODY
    told = "Want to learn more about the model? The lab said a paper would follow in January."
    assert clean_lines([*BODY, told]).lines == [*BODY, told]


def test_the_review_prose_that_audit_32_and_34s_patterns_must_not_take():
    """Sentences of ordinary stories, each close to one of the new patterns (the review of
    session 47 found each removed)."""
    prose = [
        "But doctors warn that AI translations can contain errors that could put patients at"
        " risk, the study found.",
        "Machine translations may contain mistakes, the study's authors concluded in the paper.",
        "Residents can explore other upcoming community events and concerts on the city's site.",
        "Want to learn more about the proposal? Attend the public hearing on Jan. 5 at City Hall.",
        "The company says it provides this information without warranty of any kind, a "
        "standard clause, lawyers said.",
        "Listen to our conversation with the mayor on the podcast, where she explains the plan.",
    ]
    for line in prose:
        for placed in (within_body(line), [*BODY, line]):
            assert clean_lines(placed).lines == placed, line
    # A tips box's question goes after the story (TIP_CALL), not between paragraphs.
    inside = within_body("Have a tip?")
    assert clean_lines(inside).lines == inside


def test_appeals_pitches_notes_and_credits_of_audit_35_go_where_they_sit():
    """Audit 35 (US local news, finance news, English editions abroad)."""
    anywhere = {
        "appeal": [
            "Support our nonprofit journalism. Lamp Matters is a nonprofit newsroom. We rely on "
            "readers like you. Donate today, and your gift will be matched.",
        ],
        "event_promo": [
            "Lamp Brainstorm AI returns to San Francisco Dec. 8–9 to convene technologists, "
            "investors and policymakers. Apply to attend today!",
            "Join us for conversations that matter at the 2026 Lamp Festival in downtown "
            "Austin. Buy tickets today!",
        ],
        "sponsor": [
            "Disclosure: Google and the Data Center Coalition have been financial supporters "
            "of The Lamp Tribune, a nonprofit news organization. Financial supporters play no "
            "role in the Tribune's journalism.",
        ],
        "newsletter": [
            "Should you invest $1,000 in Micron Technology right now?",
            "Before you buy stock in Micron Technology, consider this:",
            "Consider when Netflix made this list on December 17, 2004... if you invested "
            "$1,000 at the time of our recommendation, you'd have $612,345!*",
            "*Stock Advisor returns as of December 5, 2025",
        ],
        "aggregator": ["This story was originally featured on Lamp.com"],
        "disclaimer": [
            "This news story has been written and fact-checked by an external editorial team. "
            "We select the most relevant news and use automatic translation tools such as "
            "DeepL to translate it into English.",
        ],
        "ui_control": ["Your feedback", "External Content"],
    }
    for kind, found in anywhere.items():
        for line in found:
            for placed in (within_body(line), [*BODY, line]):
                result = clean_lines(placed)
                assert result.lines == BODY and result.removed[kind] == 1, (line, placed)
    # At the end: a commentary desk's credits, a follow line with the handle, a note on how
    # the site works, a reaction poll with its moods, and a widget's label left alone.
    tail = [
        "Follow @liamward on X",
        "Please follow Harrison Miller on X/Twitter @IBD_HMiller for more stock news.",
        "Editing by Peter Thal Larsen; Production by Maya Nandhini",
        "If you want to know more about how we work, have a look here, and if you have "
        "feedback on this news story please write to us.",
    ]
    for line in tail:
        assert clean_lines([*BODY, line]).lines == BODY, line
    poll = ["How does this make you feel?", "- Happy", "- Sad", "- Angry"]
    assert clean_lines([*BODY, *poll]).lines == BODY
    assert clean_lines([*BODY[:2], "Read Next:", "Photo: Lamp", BODY[2]]).lines == BODY


def test_the_prose_that_audit_35s_patterns_must_not_take():
    prose = [
        "Residents who want to speak at the public forum must register.",
        "The summit returns to Geneva next year, and 2,000 delegates have registered.",
        "Donors have no role in choosing the winners, the foundation said.",
        "Google has been a financial supporter of the museum since 2019, records show.",
        "Should you invest in index funds? Most advisers say yes, with caveats.",
        "Readers like you are rare, the editor joked at the conference.",
        "Follow the money on X and you find the same three investors.",
    ]
    for line in prose:
        for placed in (within_body(line), [*BODY, line]):
            assert clean_lines(placed).lines == placed, line
    # A wire's bracketed credit and a follow line without a handle stay (Dragnet's gold).
    for line in ("(Editing by Clare Fallon)", "Follow Grace on Twitter."):
        assert clean_lines([*BODY, line]).lines == [*BODY, line], line


def test_counters_that_change_on_every_fetch_go_where_they_sit():
    # Audit 36: each changed the text's hash, and every hourly run emitted the article
    # again as `updated`.
    counters = [
        "9.9K Shares",
        "718 shares · 34 comments",
        "Views: 80,300",
        "Share this: 316 likes",
        "This article has been viewed 60183 times.",
        "6 min read",
        "Reading time: 4 minutes",
    ]
    for line in counters:
        for placed in ([line, *BODY], within_body(line), [*BODY, line]):
            assert clean_lines(placed).lines == BODY, (line, placed)
    told = [
        "The video drew 9.9K views in its first hour, the company said.",
        "Views: mixed among analysts",
        "12 minutes",
    ]
    for line in told:
        assert clean_lines(within_body(line)).lines == within_body(line), line


def test_players_plugs_and_appeals_of_audit_37_go_where_they_sit():
    """Audit 37 (magazine and tech-publisher networks)."""
    lines = [
        "Listen to more stories on hear.example/lamp",
        "Produced by ElevenLabs and News Over Audio (Noa) using AI narration.",
        "Listen to this article.",
        "Audio: Listen to this article. To hear more, download the Noa app.",
        "Never miss a story — sign up for LAMP's free daily newsletter to stay up-to-date on "
        "the best of what LAMP has to offer, from celebrity news to human interest stories.",
        "On supporting science journalism",
        "If you're enjoying this article, consider supporting our award-winning journalism by "
        "subscribing. By purchasing a subscription you are helping to ensure the future of "
        "impactful stories about the discoveries and ideas shaping our world today.",
        "Join our Lamp Forums to keep talking space on the latest missions, night sky and "
        "more! And if you have a news tip, correction or comment, let us know.",
        "Want to catch up with Europe's top founders? Join us at Lamp Conference in Amsterdam "
        "next June. Use code LAMPXMAS for 30% off.",
        "Follow Lamp's Guide on Google News to get our up-to-date news, how-tos, and reviews in "
        "your feeds. Make sure to click the Follow button.",
    ]
    for line in lines:
        for placed in (within_body(line), [*BODY, line]):
            assert clean_lines(placed).lines == BODY, (line, placed)
    # A trust box's heading over the story, its rest gone; under it, with its statement.
    assert clean_lines(["Why You Can Trust Lamp", *BODY]).lines == BODY
    trust = ["Why Trust Us", "Lamp articles are written by experts and reviewed by editors."]
    assert clean_lines([*BODY, *trust]).lines == BODY
    prose = [
        "Listen to more stories like this one, the host urged callers.",
        "Join our community of 5,000 makers, the founder wrote in a post, if you want a kit.",
        "If you're enjoying this weather, the forecaster said, make the most of it.",
        "Why trust a model that cannot explain itself? Regulators asked the same question.",
    ]
    for line in prose:
        for placed in (within_body(line), [*BODY, line]):
            assert clean_lines(placed).lines == placed, line


def test_the_prose_that_the_review_found_audit_35_to_37s_patterns_took():
    """Sentences and lines of ordinary stories, each removed by a pattern of sessions 48's
    first draft (the review)."""
    prose = [
        '"We rely on people like you to keep these shelves full every week," said Maria Lopez, '
        "the food bank's director.",
        '"Our donors have no role in our reporting decisions," said editor Dana Ruiz.',
        '"We use machine translation software to translate discharge papers into Spanish, but '
        'nothing exists for Mam," said Dr. Ana Ruiz.',
        "Why trust matters",
        "What's your reaction?",
        "Supporting local journalism",
        "12,500 shares",
        "Shares: 4.5M",
    ]
    for line in prose:
        for placed in (within_body(line), [*BODY, line]):
            assert clean_lines(placed).lines == placed, line
    for line in (
        "Production by the plant is expected to resume in early March.",
        "Editing by the committee staff is expected to take another week.",
    ):
        assert clean_lines([*BODY, line]).lines == [*BODY, line], line


def test_labels_notes_and_a_story_that_mentions_subscribing_of_audit_38():
    """Audit 38 (WordPress news themes)."""
    for line in (
        "Sponsored",
        "Promoted",
        "(This story has not been edited by Daily Lamp staff and is auto-generated from a "
        "syndicated feed.)",
    ):
        for placed in (within_body(line), [*BODY, line]):
            assert clean_lines(placed).lines == BODY, (line, placed)
    risk = (
        "Crypto assets are highly volatile and unregulated in some jurisdictions. You could "
        "lose all of the money you invest."
    )
    assert clean_lines([*BODY, risk]).lines == BODY
    # A story's last sentence about subscribing is no call to subscribe; the calls still go.
    told = (
        "The CBN said it would consider shared-service arrangements in which smaller "
        "institutions subscribe to a common monitoring platform."
    )
    assert clean_lines([*BODY, told]).lines == [*BODY, told]
    for call in ("Subscribe to our newsletter", "Don't forget to subscribe for more."):
        assert clean_lines([*BODY, call]).lines == BODY, call


def test_a_regional_papers_lines_between_paragraphs_go_and_prose_like_them_stays():
    # Audit 39: Postmedia's empty ad slot, Reach's sign-up consent, The Spectator's wall
    # prompt inside the story, a narration widget's text run together, a video's pointer.
    chrome = [
        "This advertisement has not loaded yet, but your article continues below.",
        "We use your sign-up to provide content in ways you've consented to and to improve "
        "our understanding of you. This may include adverts from us and 3rd parties based "
        "on our understanding. You can unsubscribe at any time. Read our Privacy Policy",
        "Already a subscriber? Log in",
        "Try a month of The Harbour Review for free, then just £1 a week.",
        "Only have a minute? Listen insteadPowered by Trinity AudioAudio Player Image00:00",
        "Watch the latest edition of Market Hour below:",
        "Kindly share this story:",
    ]
    for line in chrome:
        assert clean_lines(within_body(line)).lines == BODY, line
    prose = [
        "Listen instead of talking, the mediator told both sides on Monday.",
        "The tool, powered by Trinity Audio, reads every story aloud to subscribers.",
        "Try the new model for free, then decide whether the team plan is worth it.",
        "Please share this story with anyone who lost a job, the union wrote.",
    ]
    for line in prose:
        assert clean_lines(within_body(line)).lines == within_body(line)


def test_a_regional_papers_tail_goes_and_a_last_sentence_like_it_stays():
    # Audit 39: Punch's, Hindustan Times', Inquirer's, the Boston Globe's, The Intercept's.
    tails = [
        [
            "Kindly share this story:",
            "DOWNLOAD THE PUNCH NEWS APP NOW: Be the first to get latest updates",
            "Join The PUNCH Telegram channel for the latest news and updates",
        ],
        [
            "Get Latest Updates on India News along with Latest News and Top Headlines from "
            "India and around the world.",
            "Subscribe Now",
            "Get the HT Premium experience.",
        ],
        ["/cb", "FULL STORY"],
        ["Tessa Moreno can be reached at tessa.moreno@globe.example. Follow her @tmoreno."],
        [
            "Contact the author:",
            "Tessa Moreno tessa.moreno@news.example @tmoreno on X Signal: tmoreno.12",
        ],
    ]
    for tail in tails:
        assert clean_lines([*BODY, *tail]).lines == BODY, tail
    for last in (
        "Members who join the union's Telegram channel get alerts, the organiser said.",
        "The reporter can be reached at the desk most evenings, her editor said.",
    ):
        assert clean_lines([*BODY, last]).lines == [*BODY, last], last


def test_a_pagers_labels_and_the_titles_they_point_to_go():
    # Audit 40: Eleventy's prev/next list after an essay, WordPress' "Page 1 of 3 Next page »".
    titles = ["Counting what counts", "Notes on algorithmic audits"]
    pager = ["- ← Previous", titles[0], "- Next →", titles[1]]
    links = frozenset(title.lower() for title in titles)
    result = clean_lines([*BODY, *pager], links=links)
    assert result.lines == BODY and result.removed["navigation"] == 4
    assert clean_lines(within_body("Page 1 of 3 Next page »")).lines == BODY
    # A line after the label that is no link is the text's; "Next" alone may be a heading.
    after = within_body("Next →", "What the panel decided next")
    assert clean_lines(after).lines == [BODY[0], *after[2:]]
    assert clean_lines(within_body("Next")).lines == within_body("Next")


def test_a_citation_box_at_the_end_goes():
    # Audit 40: a research institute's "Cite this" and its reference after the report.
    box = ["Cite this", "Reid, H. and Bose, S. (2025) How councils use algorithms. PolicyLab."]
    result = clean_lines([*BODY, *box])
    assert result.lines == BODY and result.removed["citation"] == 2
    # The heading inside the text, with the article going on after it, stays.
    body = [BODY[0], "Cite this", *BODY[1:] * 20]
    assert clean_lines(body).lines == body


def test_article_types_chrome_goes_and_prose_like_it_stays():
    # Audit 41: a chart's credit, a video player's note and a radio story's show between
    # paragraphs; Bloomberg's contacts, ProPublica's callout and republishing box, NPR's
    # transcript note at the end.
    between = [
        "Source: company filings · Graphic: Ann Lee",
        "Please use Chrome browser for a more accessible video player",
        "Heard on All Things Considered",
        "View full site",  # an AMP page's link to the full one (audit 43)
    ]
    for line in between:
        assert clean_lines(within_body(line)).lines == BODY, line
    tails = [
        [
            "To contact the reporter on this story:",
            "Dana Hale in San Francisco at dh@news.example",
            "To contact the editor responsible for this story:",
            "Craig Tell at ct@news.example",
        ],
        [
            "Do You Work for a State Benefits Agency?",
            "We want to hear from you. Tell us about your experience.",
            "Share your story",
            "Republish This Story for Free",
            "Creative Commons License (CC BY-NC-ND 3.0)",
        ],
        [
            "Copyright © 2026 Public Radio. All rights reserved. Visit our website terms of use "
            "and permissions pages for further information. Our transcripts are created on a rush "
            "deadline by a contractor. This text may not be in its final form and may be updated "
            "or revised in the future. Accuracy and availability may vary. The authoritative "
            "record of our programming is the audio record."
        ],
    ]
    for tail in tails:
        assert clean_lines([*BODY, *tail]).lines == BODY, tail
    prose = [
        "Heard on the street, the rumour was that the deal would close by Friday.",
        "Creative Commons licenses let artists share their work freely, she said.",
        "Source: company filings. The data covers every quarter from 2020 to 2025.",
    ]
    for line in prose:
        assert clean_lines([*BODY, line]).lines == [*BODY, line], line


def test_story_lines_like_this_sessions_chrome_stay():
    # The review of the audit 39 and 41 patterns: each line a story's own.
    between = [
        "Try Fubo for free, then $84.99 a month.",
        "Heard on Capitol Hill",
        "Please use the Chrome browser to access this site while we fix the problem.",
    ]
    for line in between:
        lines = [f"{BODY[0]} {BODY[1]}", line, BODY[2]]  # past the leading edge
        assert clean_lines(lines).lines == lines, line
    for last in (
        "The county's housing office can be reached at housing@county.example.gov.",
        "Fans can follow her @mayawanders.",
    ):
        assert clean_lines([*BODY, last]).lines == [*BODY, last], last
    # A story's closing question stays over a tip line, which goes.
    question = "Would you still buy a home at these prices?"
    tip = "Have a tip about housing? Email reporter Sam Lee at slee@example.com."
    assert clean_lines([*BODY, question, tip]).lines == [*BODY, question]
    # "Heard on …" over a transcript goes.
    assert clean_lines(["Heard on All Things Considered", *BODY]).lines == BODY


def test_a_sites_creative_commons_notice_goes_wherever_its_box_sits():
    """A donation box's heading between paragraphs and the notice under the story (audit 44)."""
    notice = (
        "Our work is licensed under Creative Commons (CC BY-NC-ND 3.0). Feel free to republish "
        "and share widely."
    )
    assert clean_lines(within_body(notice)).lines == BODY
    assert clean_lines([*BODY, notice]).lines == BODY
    reported = "The photos are licensed under Creative Commons, the agency said on Tuesday."
    assert clean_lines(within_body(reported)).lines == within_body(reported)


def test_a_house_ad_set_as_text_goes():
    ad = "TEXT AD: Call Ledger Motors on +1 555 0100 for the best deals in town"
    assert clean_lines(within_body(ad)).lines == BODY
    assert clean_lines([*BODY, ad]).lines == BODY


def test_a_caption_ending_in_an_unbracketed_photo_credit_goes():
    caption = "Left: A nurse tries an AI scribe app in Denver. Photo by Ann Lee/Getty Images"
    assert clean_lines(within_body(caption)).lines == BODY
    assert clean_lines([*BODY, caption]).lines == BODY
    # A sentence about a photo's credit, and a fraction, are a story's.
    story = [
        "The museum credited the image by Ann Lee to the archive, its director said.",
        "Shares rose on news of the photo by Ann Lee, a 3/4 stake changing hands.",
    ]
    assert clean_lines(within_body(*story)).lines == within_body(*story)


def test_the_story_lines_the_session_50_review_found_removed_stay():
    """Lines of ordinary stories, each close to a pattern of session 50 (its review found
    each removed): kept wherever they stand."""
    middle = [
        "The prize for breaking news photography went to a single frame: a photo by Ann Lee/AP.",
        "Few images defined the decade like the picture by Nick Ut / Associated Press.",
        "All of its articles are licensed under Creative Commons, so anyone may adapt them.",
        "Text ad: an old form of advertising, still used by some newspapers.",
    ]
    for line in middle:
        assert clean_lines(within_body(line)).lines == within_body(line), line
    for last in (
        ["Cheerios is a General Mills brand."],
        ["Anyone with information is asked to call Crime Stoppers.", "Crime Stoppers, 555-0199"],
    ):
        assert clean_lines([*BODY, *last]).lines == [*BODY, *last], last
    for first in ("Kyiv · 24 February 2022", "Monday · 5 October 2021"):
        assert clean_lines([first, *BODY]).lines == [first, *BODY], first


def test_a_writers_job_title_under_a_byline_that_goes_goes_with_it():
    """ "By MARIA SANTOS" over "Correspondent": the body's own byline paragraph, its role on
    the line under the name (audit 48)."""
    for role in ("Correspondent", "Senior Reporter, Cebu", "Technology correspondent"):
        result = clean_lines(["By TESSA MORENO", role, *BODY], authors=["Tessa Moreno"])
        assert result.lines == BODY and result.removed["byline"] == 2, role


def test_a_line_under_a_byline_that_is_no_job_title_stays_and_so_does_one_under_another():
    for kept in ("Chief executives pay the price", "Editor's note: corrected", "Meet the editor"):
        result = clean_lines(["By Tessa Moreno", kept, *BODY], authors=["Tessa Moreno"])
        assert result.lines == [kept, *BODY], kept
    # Under a byline naming someone else, which stays, nothing goes.
    lines = ["By Luis Arriaga", "Correspondent", *BODY]
    assert clean_lines(lines, authors=["Tessa Moreno"]).lines == lines


def test_unlabelled_closing_disclosures_go_from_the_end_only():
    """Audit 49: a column's "Views are personal." and a partner post's sponsored-content and
    informational-purposes notice, without a "Disclaimer:" label, were kept as text."""
    closing = [
        ["Views are personal."],
        ["(Views expressed are personal.)"],
        [
            "This post contains sponsored content.",
            "This content is for informational purposes only and is not intended to be "
            "investing advice.",
        ],
        [
            "This post contains sponsored content. This content is for informational purposes "
            "only and is not intended to be investing advice."
        ],
        ["This article does not constitute investment or tax advice."],
        ["The information on this site is for informational purposes only."],
        # The page's notice in the other words it comes in (the second review).
        ["The information provided is for general informational purposes only."],
        ["The content herein is not intended to be financial advice."],
        ["The article is for informational purposes only and is not financial advice."],
        ["This report is for informational purposes only."],
        ["Not financial advice."],
    ]
    for notice in closing:
        result = clean_lines([*BODY, *notice])
        assert result.lines == BODY, notice
        assert result.removed["disclaimer"] == len(notice), notice
        # Within the story, the same words are no closing notice: left alone.
        assert clean_lines(within_body(*notice)).lines == within_body(*notice), notice
    # A story about such notices ends in its own sentences, and keeps them; an opinion
    # page's "views … are the writer's own" is the templates' gold text.
    told = [
        "The views expressed here are the writer's own.",
        "The regulator said the phrase this content is for informational purposes only does "
        "not shield a promoter who is paid to tout a stock.",
        "Views are personal, the minister told reporters, but the cabinet's decision is not.",
        '"This is not financial advice," the influencer said at the end of each video.',
        "This article is the third in a series on sponsored content and the rules that the "
        "commission says influencers break.",
        "Most of the posts the researchers read carried a line saying they were not "
        "investment advice, and few readers noticed it.",
        # The story's own subject, not the page (the review).
        "The report was intended for educational purposes, the utility's spokesperson said, "
        "and was never meant to set rates.",
        "The analysis is not intended to be investment advice, its authors wrote, but traders "
        "have already begun to cite it.",
        "The information is for general informational purposes, according to the filing, and "
        "carries no legal weight.",
        "The report is not financial advice, the regulator warned investors on Tuesday.",
        "The material was provided for educational purposes to the board, which will vote on "
        "the pilot in March.",
    ]
    for line in told:
        assert clean_lines([*BODY, line]).lines == [*BODY, line], line
