"""A code listing's line numbers are the gutter, not the program (crawler.core.code_gutters)."""

from crawler.core.options import Options
from crawler.core.pipeline import process_page

PROSE = (
    "<p>The county library launched an AI tutoring service on Monday, and its developers "
    "published the short client below so that other libraries can try the same service.</p>"
)
CODE = ["import tutor", 'session = tutor.start(subject="math")', 'session.ask("What is 3/4?")']


def text_of(listing: str) -> str:
    html = f"<html><body><article><h1>Tutor</h1>{PROSE}{listing}{PROSE}</article></body></html>"
    outcome = process_page(html.encode(), "https://ledger.example/a", options=Options(min_words=1))
    return outcome.record.text


def test_a_gutter_table_beside_the_code_leaves_the_code():
    """Audit 21: Hexo's and Rouge's two-cell table lost the code's lines."""
    gutter = "<pre>1\n2\n3</pre>"
    table = (
        f'<table class="highlight"><tr><td class="gutter">{gutter}</td>'
        f'<td class="code"><pre><code>{chr(10).join(CODE)}</code></pre></td></tr></table>'
    )
    lines = text_of(table).split("\n")
    assert lines[1:-1] == CODE, lines  # between the two paragraphs, no numbers


def test_a_syntaxhighlighter_listing_keeps_its_lines_apart():
    """Audit 45: SyntaxHighlighter sets each line in a `<div class="line">`, no `<pre>`; the
    listing came out as one line ("import tutorsession = …")."""
    numbers = "".join(f'<div class="line number{n}">{n}</div>' for n in (1, 2, 3))
    code = "".join(
        f'<div class="line number{n}"><code class="python plain">{line}</code></div>'
        for n, line in enumerate(CODE, 1)
    )
    table = (
        '<div class="syntaxhighlighter python"><table><tbody><tr>'
        f'<td class="gutter">{numbers}</td><td class="code"><div class="container">{code}'
        "</div></td></tr></tbody></table></div>"
    )
    lines = text_of(table).split("\n")
    assert lines[1:-1] == CODE, lines


def test_numbers_before_each_line_and_a_table_row_per_line_go():
    spans = "".join(f'<span class="lineno">{n}</span>{line}\n' for n, line in enumerate(CODE, 1))
    rows = "".join(
        f'<tr><td class="hljs-ln-numbers">{n}</td><td class="hljs-ln-code">{line}</td></tr>'
        for n, line in enumerate(CODE, 1)
    )
    for listing in (
        f"<pre><code>{spans}</code></pre>",
        f'<pre><code class="hljs"><table class="hljs-ln">{rows}</table></code></pre>',
    ):
        lines = text_of(listing).split("\n")
        assert lines[1:-1] == CODE, lines  # between the two paragraphs


def test_a_ranking_with_names_in_code_stays_a_table():
    rows = "".join(f"<tr><td>{n}</td><td><code>model-{n}b</code></td></tr>" for n in (1, 2, 3))
    text = text_of(f"<table>{rows}</table>")
    assert "1" in text and "model-1b" in text


def test_a_table_of_codes_with_names_in_code_stays_a_table():
    rows = "".join(
        f"<tr><td>{status}</td><td><code>{name}</code></td></tr>"
        for status, name in ((401, "unauthorized"), (404, "not_found"), (429, "rate_limited"))
    )
    text = text_of(f'<table class="error-codes">{rows}</table>')
    assert "401" in text and "429" in text


def test_a_long_run_of_digits_in_a_gutter_is_read_at_once():
    """The review: the first numbers pattern backtracked exponentially on digits followed
    by anything else (24 digits took 1.5 s, each one more doubled it)."""
    from crawler.core.code_gutters import _NUMBERS

    assert _NUMBERS.match("1" * 60 + "x") is None and _NUMBERS.match("1\n2\n 3 ")


def test_a_listing_of_spans_and_brs_keeps_every_line_of_code():
    """Audit 34: Medium sets a listing as one span with a <br> after each line; read as one
    line, it was prose to the language filter, and its lines went as foreign."""
    listing = (
        '<pre class="code-block"><span class="hljs">from peft import LoraConfig<br><br>'
        'peft = LoraConfig(r=16, lora_alpha=32, target_modules="all-linear")<br>'
        "trainer = SFTTrainer(model=model, args=config, peft_config=peft)<br>"
        "trainer.train()</span></pre>"
    )
    text = text_of(listing)
    assert 'peft = LoraConfig(r=16, lora_alpha=32, target_modules="all-linear")' in text
    assert "trainer.train()" in text
