import pytest

from crawler.core.clean import clean_lines
from crawler.core.reader_calls import is_reader_call
from tests.test_clean import BODY

# A site's call to its reader after the story, each worded as no pattern list had it (audit 44).
CALLS = [
    "Editor's Note: The regulators want to decide what you may build. Help us keep reporting. "
    "Join Ledger Plus and use promo code HARBOR to get 40% off your membership.",
    "Never miss a beat - get all the latest news straight to your phone by joining our "
    "Telegram community here",
    "Should the council pay for it? Write to letters@harbourpost.example with your full name "
    "and suburb; we may edit letters for length.",
    "Share your experiences, suggestions and any problems you have met on The Harbour Post.",
    "Rumours travel faster than corrections, and you can help. Become a Founding Member.",
    "Like The Ledger on Facebook. Follow us on Bluesky.",
    # A newsletter's call to advertisers, and a writer's own calls (audit 47).
    "Want to reach 85,000 robotics engineers? Advertise with us.",
    "Thanks for reading! If this helped, feel free to connect with me on LinkedIn.",
    "Questions about the benchmark? Hit reply and I will answer every one.",
]

# Lines of stories and of authors' own closing words, each near a call: kept.
STORY = [
    # The author's question to the reader, which the sets' golds keep as the article's.
    "Would you trust a phone that screens your calls? Let us know in the comments.",
    "Share your thoughts below.",
    # Reported: a quotation, or said.
    "“Join our community garden and use the code on the flyer,” the organiser said.",
    "Residents can become members of the co-op, which its board said would share your costs.",
    # A story about donations.
    "The foundation said it would make a donation of $2 million to the county's schools.",
    # A story's own "how to take part" paragraph, which speaks of others, not of the site
    # (the session review's cases).
    "Meetings are open to the public. Join the community meeting on Thursday at the library "
    "to share your views on the plan.",
    "How to help: Make a donation to the Red Cross or by calling the hotline. Your gift "
    "supports families displaced by the flood.",
    "Membership costs $100 a year, and by becoming a member you get a vote on the board.",
    "The study is still recruiting: you can help by sharing your experiences in a survey.",
    "Newcomers are welcome to join the rowing club's community group to find out more.",
    # A story about advertising, and a quoted call.
    "Retailers that advertise with us in print saw no drop in sales, the chain's survey found.",
    "“Connect with me on LinkedIn,” the recruiter wrote to 4,000 strangers in a single week.",
    "The bot was told to just reply with the refund code, which it did in nine cases of ten.",
]


@pytest.mark.parametrize("line", CALLS)
def test_a_sites_call_to_its_reader_is_one(line):
    assert is_reader_call(line)


@pytest.mark.parametrize("line", STORY)
def test_a_storys_line_is_no_call(line):
    assert not is_reader_call(line)


def test_a_call_after_the_story_goes_and_a_story_line_stays():
    assert clean_lines([*BODY, *CALLS[:2]]).lines == BODY
    kept = [*BODY, STORY[0]]
    assert clean_lines(kept).lines == kept


def test_a_call_inside_the_story_is_left_to_the_other_steps():
    """Only the trailing edge is asked: between paragraphs such a line may be a story's."""
    lines = [BODY[0], CALLS[4], *BODY[1:]]
    assert clean_lines(lines).lines == lines


# A call for the reader's news with where to send it, after the story (audit 48).
NEWS_CALLS = [
    "Got a story from your ward? Email desk@lakesidecourier.example or call 0733 410 220.",
    "Do you have a story idea for our business desk? Write to biz@harbourpost.example.",
    "Send us your stories and photos on WhatsApp: +254 711 000 321.",
    "If you have a news tip, call the newsroom on 020 7946 0123.",
]
# A story's own last lines with a number or an address, or a request with neither: kept.
NEWS_STORY = [
    "Anyone with information is asked to call Kisumu police on 0800 722 203.",
    "Farmers who have a story of a refused claim can call the insurer's helpline on 0800 721 111.",
    "Have a story to tell? The museum's oral history project records residents every Saturday.",
    "“If you have a story, send it to tips@lakesidecourier.example,” she told the students.",
    "Send your stories to the county, the petition says; its office is at 14 Kenyatta Avenue.",
    # A third party's request, not the site's: the story's own last paragraph.
    "If you have any tips about where Pepper might be, call the Elmfield dog shelter on "
    "01632 960 118.",
    "The library is asking former staff to come forward and share any stories or photos "
    "from the old branch; they can email history@elmfieldlib.example or call 01632 960 744.",
    "Residents who lost money can call 0300 123 2040. Do you have a story about a scam like "
    "this? The consumer line is 0808 223 1133.",
]


@pytest.mark.parametrize("line", NEWS_CALLS)
def test_a_call_for_the_readers_news_goes_after_the_story(line):
    assert is_reader_call(line)
    assert clean_lines([*BODY, line]).lines == BODY


@pytest.mark.parametrize("line", NEWS_STORY)
def test_a_storys_closing_line_with_a_number_stays(line):
    assert not is_reader_call(line)
    assert clean_lines([*BODY, line]).lines == [*BODY, line]
