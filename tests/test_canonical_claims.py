"""A page whose rel=canonical names another article of the same site keeps its own identity.

Real crawls against a 127.0.0.1 server: a template that prints one story's canonical on
others made each of them an "update" of that story, re-emitted every run, and `merge` kept
one text of three. The same text under another URL (an AMP copy) still counts as one.
"""

from __future__ import annotations

from tests.hostile import pages
from tests.hostile.crawl import assert_accounted, crawl
from tests.hostile.server import HostileWeb

STORIES = {
    "port": (
        "Crane operators at the container port will follow schedules drawn up by a model that"
        " predicts when each ship berths, the harbour authority said on Tuesday.",
        "Ships often arrive hours early or late, leaving cranes idle while lorries queue at the"
        " gates, and planners have so far reshuffled shifts by telephone.",
        "The model reads vessel positions, tide tables and customs holds, and proposes a crane"
        " plan every fifteen minutes that supervisors can accept or change.",
        "Unions asked for a guarantee that no shift would be cut because of the software, which"
        " the authority gave in writing before the trial began last month.",
    ),
    "bakery": (
        "A regional bakery chain now bakes to a forecast of each shop's sales, cutting the bread"
        " it throws away at closing time by about a fifth since spring.",
        "Managers used to guess from last week's numbers; the forecast also weighs the weather,"
        " school holidays and football matches near each of the forty shops.",
        "Bakers start the ovens at four in the morning, so the order for every loaf has to be"
        " settled the evening before, when the forecast is sent to each kitchen.",
        "Leftover loaves still go to food banks, the company said, though the vans now carry"
        " half as many crates as they did a year ago on a typical evening.",
    ),
    "ferry": (
        "The island ferry line is testing software that plans crossings around storms, fuel"
        " prices and the number of cars booked, its chief executive told councillors.",
        "Captains keep the final word on every departure, and the first trial weeks moved only"
        " a handful of sailings by more than ten minutes either way.",
        "Passengers will see timetables published a day ahead instead of a week, a change some"
        " commuters on the northern route have already criticised as too short.",
        "The line hopes to save on diesel by sailing slower on calm days, when the model finds"
        " that a later arrival costs no connection at the mainland rail station.",
    ),
}


def _page(title: str, topic: str, canonical: str | None) -> bytes:
    head = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return pages.article_html(title, STORIES[topic], head=head).encode()


def test_pages_claiming_another_articles_canonical_keep_their_own_and_a_copy_does_not(tmp_path):
    with HostileWeb() as web:
        home = web.url("/a/1")
        bodies = {
            "/a/1": _page("Port cranes get a scheduling model", "port", None),
            "/a/1/amp": _page("Port cranes get a scheduling model", "port", home),
            "/canon-bug/1": _page("Bakery chain forecasts bread demand", "bakery", home),
            "/canon-bug/2": _page("Ferry line tests route planning", "ferry", home),
        }
        for path, body in bodies.items():
            web.server.routes[path] = lambda handler, body=body: handler.send(200, body)
        article = crawl("urls", tmp_path, {"url": home})
        urls = ",".join(web.url(path) for path in bodies)
        runs = [crawl("urls", tmp_path, {"url": urls}) for _ in range(2)]
    for run in (article, *runs):
        assert_accounted(run)
    (original,) = article.lines("articles.jsonl")
    claimants = runs[0].lines("articles.jsonl")  # the AMP copy is the article, unchanged
    assert sorted(r["title"] for r in claimants) == [
        "Bakery chain forecasts bread demand",
        "Ferry line tests route planning",
    ]
    assert all(r["canonical_url"] == r["url"] for r in claimants), claimants
    assert not any("updated" in r["flags"] for r in claimants)
    assert original["id"] not in {r["id"] for r in claimants}
    assert runs[1].lines("articles.jsonl") == []  # nothing re-emitted as an update
