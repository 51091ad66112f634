"""MathJax 2 formulas kept as their TeX source (crawler.core.formulas)."""

from __future__ import annotations

from lxml import html as lxml_html

from crawler.core.foreign_lines import strip_foreign_lines
from crawler.core.formulas import recover_formulas
from crawler.core.pipeline import Options, process_page

PROSE = (
    "<p>Attention lets each token weigh every other token in the sequence. The weights come"
    " from a softmax over scaled dot products, which keeps the gradients stable when the key"
    " dimension grows large.</p>"
)
# As MathJax 2 leaves a page once it has typeset it: a preview, the rendered frame of glyph
# spans (with MathML for screen readers), then the source script.
INLINE = (
    '<span class="MathJax_Preview" style="color: inherit;"></span>'
    '<span class="MathJax" id="MathJax-Element-1-Frame" role="presentation">'
    '<nobr aria-hidden="true"><span class="math"><span class="mi">d</span>'
    '<span class="mi">k</span></span></nobr><span class="MJX_Assistive_MathML">'
    "<math><msub><mi>d</mi><mi>k</mi></msub></math></span></span>"
    '<script type="math/tex" id="MathJax-Element-1">d_k</script>'
)
DISPLAY = (
    '<div class="MathJax_Display" style="text-align: center;"><span class="MathJax"'
    ' id="MathJax-Element-2-Frame" role="presentation"><nobr aria-hidden="true">'
    '<span class="math">softmax(QKT/√dk)V</span></nobr></span></div>'
    '<script type="math/tex; mode=display" id="MathJax-Element-2">'
    "\\mathrm{softmax}(QK^T/\\sqrt{d_k})V</script>"
)


def _page(body: str) -> bytes:
    return (
        "<html lang='en'><head><title>How attention scores are computed</title></head><body>"
        "<article><h1>How attention scores are computed</h1><div class='entry-content'>"
        f"{PROSE}{body}{PROSE.replace('Attention lets', 'In short, attention lets')}"
        "</div></article></body></html>"
    ).encode()


def _text(body: str) -> str:
    outcome = process_page(_page(body), "https://blog.example/attention", options=Options())
    assert outcome.record is not None, outcome.reason
    return outcome.record.text


def test_an_inline_formula_is_its_tex_in_the_sentence_not_its_glyphs():
    text = _text(
        f"<p>The scores are divided by the square root of {INLINE} before the softmax is"
        " taken over each row of the matrix.</p>"
    )
    assert "square root of \\(d_k\\) before the softmax" in text
    assert "dk" not in text.split()


def test_a_display_formula_is_a_line_of_its_own_and_not_judged_foreign():
    text = _text(f"<p>The whole mechanism fits in one line of mathematics:</p>{DISPLAY}")
    lines = text.split("\n")
    assert "\\[\\mathrm{softmax}(QK^T/\\sqrt{d_k})V\\]" in lines
    assert "softmax(QKT/√dk)V" not in text


def test_a_script_without_a_rendering_still_gives_its_source():
    tree = lxml_html.fromstring(
        '<div><p>Let <script type="math/tex">x^2</script> be positive.</p></div>'
    )
    scripts = tree.xpath("//script")
    assert recover_formulas(scripts) == 1
    assert tree.xpath("string(//p)") == "Let \\(x^2\\) be positive."


def test_a_mathjax_class_without_a_source_script_is_left_alone():
    text = _text(
        '<p>The team called the result <span class="MathJax">remarkably stable</span> across'
        " every seed they tried.</p><script>var mathjax = 1;</script>"
    )
    assert "called the result remarkably stable across every seed" in text


def test_a_formula_line_is_no_language_s():
    lines = [
        "The property can be written concisely in matrix form, as the authors show below.",
        "- \\[\\mathrm {softmax} (QK^{T})\\]",
        "$$\\sum_{i=1}^{n} a_{ij}$$",
    ]
    kept, removed = strip_foreign_lines(lines)
    assert kept == lines and removed == {}


def test_many_display_formulas_find_their_frames_by_one_lookup():
    # Each display script's frame sits inside the div before it: a search of the whole page
    # per script took 5 s for 4,000 formulas (review). Counted, not timed.
    blocks = "".join(
        f'<div class="MathJax_Display"><span class="MathJax" id="MathJax-Element-{n}-Frame">'
        f'x</span></div><script type="math/tex; mode=display" id="MathJax-Element-{n}">x_{n}'
        "</script>"
        for n in range(2000)
    )
    tree = lxml_html.fromstring(f"<div>{blocks}</div>")
    assert recover_formulas(tree.xpath("//script")) == 2000
    assert not tree.xpath("//*[@class='MathJax_Display']")
