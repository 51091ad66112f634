"""AI-topic relevance: a transparent lexicon score in 0..1 over title, tags and text.

No model, no training: every point of the score can be traced to a term below.

- STRONG terms name the field or its products ("machine learning", "LLM", "ChatGPT",
  "OpenAI", a standalone upper-case "AI"): weight 3.
- SUPPORTING terms are common in AI stories but also elsewhere ("algorithm", "GPU",
  "robot", "dataset", "benchmark"): weight 1.

score = 0.35 * title + 0.15 * tags + 0.5 * text, where

- title = 1 when the title has a strong term, 0.5 for a supporting term only, else 0;
- tags = the same over the tags joined;
- text = weighted hits per 100 words of text (at least MIN_TEXT_WORDS counted, so one
  stray hit in a short text is not a topic), divided by TEXT_SATURATION and capped at 1
  (a story that names the field about once every 100 words scores 1 here).

Names that are also ordinary words or people ("Claude", "Gemini", "Llama", "Copilot")
are supporting terms only.

A general tech story that mentions "AI" once in 800 words scores about 0.06; an AI story
scores above 0.5. Records under AI_RELEVANCE_THRESHOLD (0.2) from sources not marked
`ai_only` are `off_topic` (crawler.core.pipeline).
"""

from __future__ import annotations

import re

STRONG = (
    r"artificial intelligence", r"machine[- ]learning", r"deep[- ]learning",
    r"neural (net|network)s?", r"large language models?", r"language models?", r"llms?",
    r"generative (ai|models?)", r"gen ?ai", r"foundation models?", r"diffusion models?",
    r"transformer models?", r"reinforcement learning", r"computer vision",
    r"natural language processing", r"ai (models?|systems?|agents?|safety|research|lab)",
    r"chatbots?", r"chatgpt", r"gpt-?\d\w*", r"openai", r"anthropic", r"deepmind",
    r"hugging ?face", r"mistral ai",
    r"stable diffusion", r"midjourney", r"agi", r"multimodal", r"fine-?tun(e|ed|ing)",
    r"(reward|chat|judge|frontier|reasoning|tuned|base|open[- ]weights?) models?",
    r"model weights", r"open weights", r"rlhf", r"preference (data|optimization)",
    r"context windows?", r"(pre|post)-?training", r"hallucinat\w*", r"ai[- ]powered",
)  # fmt: skip
SUPPORTING = (
    r"algorithms?", r"robots?", r"robotics", r"automation", r"datasets?", r"training data",
    r"inference", r"gpus?", r"nvidia", r"benchmarks?", r"prompts?", r"embeddings?",
    r"autonomous", r"predictive", r"speech recognition", r"data scien(ce|tists?)",
    r"claude", r"gemini", r"llama", r"copilot",  # also a name, a sign, an animal
    r"synthetic data", r"annotat\w+", r"parameters", r"tokens?", r"alignment",
    r"training (runs?|compute)", r"accelerators?", r"data cent(er|re)s?", r"semiconductors?",
)  # fmt: skip

# Matched against lower-cased text: re.IGNORECASE folds case at every step of these long
# alternations, about 2.5x slower (same counts over the corpus' 300 gold texts).
_STRONG = re.compile(r"\b(" + "|".join(STRONG) + r")\b")
_SUPPORTING = re.compile(r"\b(" + "|".join(SUPPORTING) + r")\b")
_AI = re.compile(r"\bA\.?I\b")  # upper case only: "ai" is a word in other languages
STRONG_WEIGHT, SUPPORTING_WEIGHT = 3, 1
MIN_TEXT_WORDS = 300  # shorter texts are scored as this long: one stray hit is not a topic
TEXT_SATURATION = 3.0  # weighted hits per 100 words that count as fully on topic
WEIGHTS = {"title": 0.35, "tags": 0.15, "text": 0.5}


def _hits(text: str) -> tuple[int, int]:
    lowered = text.lower()
    strong = len(_STRONG.findall(lowered)) + len(_AI.findall(text))
    return strong, len(_SUPPORTING.findall(lowered))


def _field_score(text: str) -> float:
    strong, supporting = _hits(text)
    return 1.0 if strong else 0.5 if supporting else 0.0


def _text_score(text: str) -> float:
    if not text.strip():
        return 0.0
    words = max(len(text.split()), MIN_TEXT_WORDS)
    strong, supporting = _hits(text)
    per_100 = 100 * (STRONG_WEIGHT * strong + SUPPORTING_WEIGHT * supporting) / words
    return min(1.0, per_100 / TEXT_SATURATION)


def ai_relevance(title: str, tags: list[str] | tuple[str, ...], text: str) -> float:
    """0..1: how much the record is about AI, from the lexicon above."""
    score = (
        WEIGHTS["title"] * _field_score(title)
        + WEIGHTS["tags"] * _field_score(" ; ".join(tags))
        + WEIGHTS["text"] * _text_score(text)
    )
    return round(min(1.0, score), 3)
