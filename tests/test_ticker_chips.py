"""crawler.core.ticker_chips: a ticker link's live move goes, its symbol and prose stay."""

from lxml import html as lxml_html

from crawler.core.pipeline import process_page
from crawler.core.ticker_chips import drop_ticker_moves

PARAGRAPH = (
    "Software stocks have lagged the market for months as investors worry that AI agents "
    "will shrink the number of seats companies pay for, analysts said on Friday."
)

REASONS = (
    "Budgets for new software were flat in the fourth quarter.",
    "Several vendors cut their forecasts for the coming year.",
    "Hiring plans at large customers were revised down again.",
    "Some funds moved their money into chipmakers instead.",
)


def _chip(symbol: str, move: str) -> str:
    return (
        f'<a class="ticker-chip" href="/quote/{symbol}" data-symbol="{symbol}">{symbol}'
        f'<span class="ticker-chg">{move}</span></a>'
    )


def test_a_ticker_chips_move_goes_and_the_symbol_stays():
    paragraph = (
        f"<p>Salesforce ({_chip('CRM', '-0.84%')}) and Nvidia ({_chip('NVDA', '+1.84%')}) fell.</p>"
    )
    tree = lxml_html.fromstring(f"<html><body>{paragraph}</body></html>")
    assert drop_ticker_moves(tree) == 2
    assert tree.text_content() == "Salesforce (CRM) and Nvidia (NVDA) fell."


def test_a_percentage_the_writer_set_stays():
    kept = (
        "<p>Shares rose <a href='/data'><b>+12%</b></a> after the deal, and the index "
        "<a href='/quote/SPX'>S&amp;P 500 <b>gained 1.2%</b></a> on the day.</p>"
    )
    tree = lxml_html.fromstring(f"<html><body>{kept}</body></html>")
    assert drop_ticker_moves(tree) == 0


def test_a_finance_story_reads_without_the_moves():
    body = "".join(f"<p>{PARAGRAPH} {reason}</p>" for reason in REASONS)
    chips = f"<p>The iShares fund ({_chip('IGV', '-0.84%')}) is down 12% since September.</p>"
    html = (
        "<html><head><title>Software stocks lag</title></head><body><article>"
        f"<h1>Software stocks lag</h1>{body}{chips}</article></body></html>"
    )
    outcome = process_page(html.encode(), "https://news.example.com/markets/software-lag")
    assert "The iShares fund (IGV) is down 12% since September." in outcome.record.text
