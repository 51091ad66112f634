"""A wire story whose byline names only the wire credits its reporters at the end."""

from crawler.core.pipeline import process_page

PARAGRAPHS = [
    "South Korea's largest memory makers are preparing for tighter U.S. export curbs on "
    "advanced chips used in artificial intelligence servers, industry officials said.",
    "The officials said the rules could cover high-bandwidth memory shipped to data centre "
    "operators in several countries, and that talks with Washington were continuing.",
    "Shares of both companies fell in morning trade in Seoul as investors weighed the risk "
    "of lost sales in one of the fastest-growing parts of the chip market this year.",
]


def _page(credit: str, author: str = '{"@type": "Organization", "name": "Reuters"}') -> bytes:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + f"<p>{credit}</p>"
    return (
        '<html><head><title>Chipmakers brace for curbs</title><script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "headline": "Chipmakers brace for curbs", "author": {author}}}'
        f"</script></head><body><article><h1>Chipmakers brace for curbs</h1>{body}"
        "</article></body></html>"
    ).encode()


def test_the_reporters_of_a_wire_credit_line_are_the_authors():
    credit = "(Reporting by Ji-won Seo and Hyunwoo Cha in Seoul; Editing by Miral Fahmy)"
    outcome = process_page(_page(credit), "https://news.example/chips")
    assert outcome.record is not None and outcome.record.authors == ["Ji-won Seo", "Hyunwoo Cha"]


def test_a_named_byline_or_additional_reporting_keeps_the_byline():
    credit = "(Reporting by Ji-won Seo; Editing by Miral Fahmy)"
    person = '{"@type": "Person", "name": "Dana Whitfield"}'
    outcome = process_page(_page(credit, person), "https://news.example/chips")
    assert outcome.record.authors == ["Dana Whitfield"]
    outcome = process_page(_page("Additional reporting by Ji-won Seo"), "https://news.example/c")
    assert outcome.record.authors == ["Reuters"]
