from crawler.clean import clean_lines

BODY = [
    "The lab released a new reasoning model on Tuesday, claiming large gains on math tasks.",
    "Researchers said the system was trained on a mix of public and licensed data.",
    "Critics noted that the benchmark results have not been independently reproduced yet.",
]


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
        BODY[2],
        "Leave a Reply Cancel reply",
        "Your email address will not be published. Required fields are marked *",
        "Schreibe einen Kommentar",
    ]
    result = clean_lines(lines)
    assert result.lines == BODY
    assert result.removed["share"] == 3


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


def test_loose_patterns_never_remove_prose_from_the_middle():
    middle = "The company said it would subscribe to a newsletter model for updates on safety."
    lines = [BODY[0], middle, BODY[1], BODY[2]]
    assert clean_lines(lines).lines == lines


def test_duplicate_title_at_top_is_removed():
    lines = ["New Model Tops Benchmarks", *BODY]
    result = clean_lines(lines, title="New model tops benchmarks")
    assert result.lines == BODY and result.removed["duplicate_title"] == 1
