"""The text's edges on long-tail sites (audit 45): date rows over the story, a wire release's
tail, a writer's sign-off and a contact squeezed onto one line under it."""

from crawler.core.clean import clean_lines

BODY = [
    "The council approved funding for a shared computing centre on Tuesday evening.",
    "Local companies will be able to book capacity by the hour through a web portal.",
    "Construction is due to begin in the spring, and the centre should open next year.",
]


def test_a_dotted_day_first_date_over_the_story_goes():
    for line in ("14.10.2020", "3.7.2021", "12.03.2019 14:20", "Published: 14.10.2020"):
        result = clean_lines([line, *BODY])
        assert result.lines == BODY and result.removed["time_stamp"] == 1, line
    # Under the story, a labelled one goes too; a bare one may be a diary's heading.
    result = clean_lines([*BODY, "Updated 15.10.2020 09:12"])
    assert result.lines == BODY and result.removed["time_stamp"] == 1
    assert clean_lines([*BODY, "14.10.2020"]).lines == [*BODY, "14.10.2020"]


def test_a_date_row_with_a_section_label_or_byline_parts_over_the_story_goes():
    for line in (
        "Press release · 5 October 2021",
        "News · 7 July 2021",
        "Company news | 14.10.2020",
        "12.03.2019 14:20 | Written by: Sigrid Halvorsen | Read: 2211 times",
        "5 October 2021 | By Ann Lee | Hits: 2211",
        "News • March 3, 2026 • 4 min read",
    ):
        result = clean_lines([line, *BODY])
        assert result.lines == BODY and result.removed["time_stamp"] == 1, line


def test_a_row_that_says_more_than_its_date_stays():
    for line in (
        "The council met in closed session · 5 October 2021",  # more than a label
        "5 October 2021 | Council backs the computing centre",  # a headline after it
        "Results | 12.03 | 14.10",  # no date
        "| Founded | 5 October 2021 |",  # a table's row
    ):
        assert clean_lines([line, *BODY]).lines == [line, *BODY], line
    # Below the story's first paragraph, a label and a date may be a timeline's entry.
    lead = (
        "The regional technology council has approved funding for a shared computing centre "
        "that local companies and the two universities will rent by the hour."
    )
    middle = [lead, "Phase one · 5 October 2021", *BODY]
    assert clean_lines(middle).lines == middle


ABOUT = [
    "About Larchmont Resources Ltd.",
    "Larchmont is an exploration company focused on nickel projects in northern Ontario.",
    "Forward-Looking Statements",
    "This news release contains forward-looking statements about the timing of the survey. "
    "Actual results may differ materially from those expressed or implied.",
]


def test_a_wire_releases_tail_goes_with_the_contact_block_above_it():
    # Accesswire's end of a release: the contact block, the exchange's line, the issuer and
    # the link to the original, under the issuer's "About" and its forward-looking statements,
    # which the release keeps.
    tail = [
        "For further information, please contact:",
        "Helena Vasquez",
        "Chief Executive Officer",
        "Tel: 705-555-0164",
        "Email: ir@larchmontresources.example",
        "Neither the TSX Venture Exchange nor its Regulation Services Provider (as that term is "
        "defined in the policies of the TSX Venture Exchange) accepts responsibility for the "
        "adequacy or accuracy of this release.",
        "SOURCE: Larchmont Resources Ltd.",
        "View source version on accesswire.com:",
        "https://www.accesswire.com/700001/Larchmont-Starts-Survey",
    ]
    result = clean_lines([*BODY, *ABOUT, *tail])
    assert result.lines == [*BODY, *ABOUT]
    assert result.removed["contact"] == 5 and result.removed["source_credit"] == 3


def test_other_wires_issuer_link_and_exchange_lines_go_from_the_end():
    for line in (
        "View source version on businesswire.com: https://www.businesswire.com/news/home/1/en/",
        "View original content to download multimedia: https://www.prnewswire.com/news/x.html",
        "SOURCE Larchmont Robotics",
        "Source: Larchmont Robotics Inc.",
        "The Canadian Securities Exchange has not reviewed, approved or disapproved the contents "
        "of this news release.",
    ):
        result = clean_lines([*BODY, *ABOUT, line])
        assert result.lines == [*BODY, *ABOUT], line


def test_a_story_that_ends_on_a_link_or_a_sourced_sentence_keeps_it():
    for tail in (
        ["The team has published its code on GitHub:", "https://github.com/example/survey"],
        ["https://github.com/example/survey"],
        ["Source: the company said the survey would finish by June."],
        ["SOURCE of the delay, the company said, was a shortage of drill crews."],
    ):
        assert clean_lines([*BODY, *tail]).lines == [*BODY, *tail], tail


def test_a_writers_sign_off_and_the_sites_owner_line_go_from_the_end():
    sign_off = [
        "Twitter: @rmolina_news",
        "Email the writer: rosa.molina@example-media.com",
        "Clinic Tech Weekly is a Lantern Media publication.",
    ]
    result = clean_lines([*BODY, *sign_off])
    assert result.lines == BODY
    assert result.removed["author_bio"] == 2 and result.removed["copyright"] == 1
    for line in (
        "Follow the writer on X: @rmolina_news",
        "Contact the reporter: rosa.molina@example-media.com",
        "Clinic Tech Weekly is a publication of Lantern Media Group.",
    ):
        assert clean_lines([*BODY, line]).lines == BODY, line


def test_a_story_that_ends_on_a_handle_or_an_owner_in_a_sentence_keeps_it():
    for line in (
        "The clinic's account on Twitter: @ridgeclinic posts the waiting times each morning.",
        "The Gazette is a weekly publication.",
        "Email the writer a question and she will answer it in next week's column.",
    ):
        assert clean_lines([*BODY, line]).lines == [*BODY, line], line
    # In the middle, the owner's line stays: a story about a magazine may say it.
    owner = "Clinic Tech Weekly is a Lantern Media publication."
    assert clean_lines([BODY[0], owner, *BODY[1:]]).lines == [BODY[0], owner, *BODY[1:]]


def test_a_contact_squeezed_onto_the_last_line_goes():
    for line in (
        "Marta Lindqvist, 555-0142, mlindqvist@example.edu",
        "Marta Lindqvist, University Communications, 555-0142",
        "Marta Lindqvist | Media Relations | Email: mlindqvist@example.edu",
    ):
        result = clean_lines([*BODY, line])
        assert result.lines == BODY and result.removed["contact"] == 1, line


def test_a_last_line_with_a_name_that_says_more_stays():
    for line in (
        "Marta Lindqvist, who led the study, can be reached at 555-0142.",
        "Marta Lindqvist, 2019",
        "Marta Lindqvist, University Communications",
        "For tickets, call 555-0142 or write to box@example.org",
    ):
        assert clean_lines([*BODY, line]).lines == [*BODY, line], line
