"""MathJax 2 formulas as their TeX source, in the sentence they belong to.

A research post writes "divided by the square root of d_k" with the formula typeset by
MathJax 2, which keeps the source in `<script type="math/tex">` (scripts are dropped) beside
a rendered frame of glyph spans (`<span class="MathJax">`): an inline formula came out as its
glyphs run together ("dk"), and a display formula not at all (trafilatura drops its wrapper,
`div.MathJax_Display`). Each script gives way to its TeX between the delimiters trafilatura
writes for the MathML it salvages (a TeX annotation or alttext): `\\(…\\)` in a sentence,
`\\[…\\]` on a line of its own; the rendered frame goes.

MathML without TeX (MathJax 3's `<mjx-container>`, MediaWiki's hidden MathML, plain
`<math>`) is left to trafilatura, which drops it: a reading of its tokens was tried and
lowered text F1 on the readability set's pages with formulas, whose gold leaves formulas
out (bench/README.md, round 27).
"""

from __future__ import annotations

# Parents in which a display formula stays in the running text; elsewhere it is a paragraph.
_BLOCK_PARENTS = {"p", "li", "dd", "dt", "td", "th", "blockquote", "figcaption"}


def recover_formulas(scripts: list) -> int:
    """Replace MathJax 2's renderings with their TeX source, from its `math/tex` (or
    `math/asciimath`) scripts; how many there were."""
    frames: dict[str, object] | None = None  # the rendered frames by id, read once a page
    for script in scripts:
        ident = script.get("id")
        frame = script.getprevious()
        if ident and (frame is None or frame.get("id") != f"{ident}-Frame"):
            if frames is None:
                root = script.getroottree().getroot()
                frames = {e.get("id"): e for e in root.iterfind(".//*[@id]")}
            frame = frames.get(f"{ident}-Frame", frame)
        _drop_rendering(frame)
        display = "mode=display" in (script.get("type") or "")
        _put_formula(script, " ".join((script.text or "").split()), display)
    return len(scripts)


def _drop_rendering(frame) -> None:
    """The rendered frame MathJax 2 puts before its source script, and its preview."""
    if frame is None or "MathJax" not in (frame.get("class") or "") + (frame.get("id") or ""):
        return
    parent = frame.getparent()
    if parent is not None and "Display" in (parent.get("class") or "") and len(parent) == 1:
        frame = parent  # a display formula's centring div holds the frame alone
    preview = frame.getprevious()
    if preview is not None and "MathJax_Preview" in (preview.get("class") or ""):
        preview.drop_tree()
    frame.drop_tree()


def _put_formula(element, tex: str, display: bool) -> None:
    """`element` gives way to the formula's text; its tail stays."""
    parent = element.getparent()
    if parent is None:
        return
    element.attrib.clear()
    element.text = (f"\\[{tex}\\]" if display else f"\\({tex}\\)") if tex else ""
    if tex and display and parent.tag not in _BLOCK_PARENTS:
        element.tag = "p"  # a formula between paragraphs is a line of its own
    else:
        element.drop_tag()  # its text joins the sentence around it
