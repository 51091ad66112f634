from crawler.core.model import Hints
from crawler.core.pipeline import Options, process_page
from crawler.core.relevance import ai_relevance

AI_TEXT = (
    "The lab released a large language model trained with reinforcement learning from human "
    "feedback. Researchers said the model beat earlier chatbots on reasoning benchmarks, and "
    "the weights will be published on Hugging Face next month. "
) * 4
SPORTS_TEXT = (
    "The rowing club won the regional final on Saturday after a strong finish on a windy "
    "course, and the coach said the juniors had trained hard all summer for the race. "
) * 6


def test_ai_story_scores_high_and_sports_story_zero():
    assert ai_relevance("Lab releases new LLM", ["AI"], AI_TEXT) >= 0.9
    assert ai_relevance("Rowing club wins title", ["Sports"], SPORTS_TEXT) == 0.0


def test_one_passing_mention_is_not_a_topic():
    text = SPORTS_TEXT + " The club now uses an AI app to plan training."
    assert ai_relevance("Rowing club wins title", [], text) < 0.2


def test_ambiguous_names_and_lower_case_ai_count_little():
    text = SPORTS_TEXT + " Claude, the club captain, was born under Gemini. Ai is a sloth."
    assert ai_relevance("Club captain honoured", [], text) < 0.2


def page(text: str) -> bytes:
    paragraphs = "".join(f"<p>{text}</p>" for _ in range(2))
    return (
        '<html lang="en"><head><title>Club news</title><meta property="og:type" content="article">'
        f"</head><body><article><h1>Club news</h1>{paragraphs}</article></body></html>"
    ).encode()


def test_off_topic_only_for_sources_that_are_not_ai_only():
    url = "https://mixed.test/2026/11/club-news/"
    mixed = process_page(page(SPORTS_TEXT), url, Hints(source="mixed"))
    assert mixed.reason == "off_topic" and "off_topic" in mixed.rejected_record["flags"]
    assert process_page(page(SPORTS_TEXT), url, Hints(source="ai", ai_only=True)).accepted
    assert process_page(page(SPORTS_TEXT), url).accepted  # ad-hoc URLs are not judged
    kept = process_page(page(SPORTS_TEXT), url, Hints(source="m"), Options(keep_off_topic=True))
    assert kept.accepted and "off_topic" in kept.record.flags
    on_topic = process_page(page(AI_TEXT), url, Hints(source="mixed"))
    assert on_topic.accepted and on_topic.record.ai_relevance >= 0.5


def test_terms_count_in_any_case():
    from crawler.core.relevance import _hits

    lower = "openai trained a large language model on gpus; chatgpt and llms use it."
    assert _hits(lower) == (4, 1)
    assert _hits(lower.upper()) == (4, 1)
    assert _hits("OpenAI trained a Large Language Model on GPUs; ChatGPT and LLMs use it.") == (
        4,
        1,
    )
