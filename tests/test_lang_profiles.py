"""The compact profiles give langdetect's own answers, and the crawl's main process stays
free of the extraction stack (its memory is counted once per crawl, workers' once each)."""

from __future__ import annotations

import subprocess
import sys

from langdetect import DetectorFactory
from langdetect import detect_langs as stock_detect_langs
from langdetect.lang_detect_exception import LangDetectException

from crawler.compat.langdetect import CompactProfiles, load_factory
from crawler.core.language import detect_langs

SAMPLES = [
    "The lab released a smaller model that runs on a laptop and answers in under a second.",
    "Das Labor hat ein kleineres Modell veröffentlicht, das auf einem Laptop läuft.",
    "Le laboratoire a publié un modèle plus petit qui fonctionne sur un ordinateur portable.",
    "El laboratorio publicó un modelo más pequeño que funciona en un portátil.",
    "O laboratório lançou um modelo menor que roda em um notebook comum.",
    "Het lab heeft een kleiner model uitgebracht dat op een laptop draait.",
    "Лаборатория выпустила небольшую модель, которая работает на ноутбуке.",
    "实验室发布了一个可以在笔记本电脑上运行的小模型。",
    "研究所はノートパソコンで動く小さなモデルを公開した。",
    "연구소는 노트북에서 실행되는 작은 모델을 공개했다.",
    "Laboratorium wydało mniejszy model, który działa na laptopie.",
    "OpenAI GPT-5 API SDK v2.1",  # names and versions: a short, mixed case
    "ok",
    # short lines, where langdetect runs longest (the foreign-line check sends it these)
    "Namaste!",
    "Innovating modern mapmaking",
    "— Jane Doe (@jdoe)",
    "Wir Sitzen Alle Im Marketing!",
    "Photo: Getty Images",
    "12345 !!! ...",  # no letters: langdetect raises
]


def _answer(detect, text):
    DetectorFactory.seed = 0
    try:
        return [(guess.lang, guess.prob) for guess in detect(text)]
    except LangDetectException as error:
        return repr(error)


def test_compact_profiles_give_langdetects_own_answers():
    ours = [_answer(detect_langs, text) for text in SAMPLES]
    stock = [_answer(stock_detect_langs, text) for text in SAMPLES]
    assert ours == stock
    assert ours[1][0][0] == "de" and ours[6][0][0] == "ru"


def test_compact_table_holds_every_ngram_and_the_dense_vector():
    factory = load_factory()
    table = factory.word_lang_prob_map
    assert isinstance(table, CompactProfiles) and len(factory.langlist) == 55
    assert len(table) > 80_000
    vector = table["the"]
    assert len(vector) == 55 and vector[factory.langlist.index("en")] > 0
    assert all(0.0 <= p < 1.0 for p in vector)
    assert "zzzq" not in table and 42 not in table
    assert table.nbytes() < 6_000_000  # the point of it: 57 MB as langdetect holds them


def test_crawl_main_process_does_not_import_the_extraction_stack():
    # Everything the project's settings load in a crawl, plus the spiders and the command.
    code = (
        "import sys\n"
        "from scrapy.utils.misc import load_object, walk_modules\n"
        "import crawler.settings as s, crawler.integration.commands.crawl\n"
        "walk_modules('spiders')\n"
        "for table in (s.ITEM_PIPELINES, s.EXTENSIONS, s.DOWNLOADER_MIDDLEWARES, s.ADDONS):\n"
        "    for path in table:\n"
        "        load_object(path) if isinstance(path, str) else None\n"
        "heavy = ['trafilatura', 'langdetect', 'wordfreq', 'htmldate', 'justext']\n"
        "print([name for name in heavy if name in sys.modules])\n"
    )
    assert _python(code).strip() == "[]"


def test_a_prepared_worker_has_its_models_frozen_and_still_detects():
    # prepare_worker is the pool's initializer: the loaded models leave the collector's
    # sight (gc.freeze), and detection still gives langdetect's answers afterwards.
    code = (
        "import gc\n"
        "from crawler.workers.memory import prepare_worker, release_memory\n"
        "prepare_worker()\n"
        "frozen = gc.get_freeze_count()\n"
        "release_memory()\n"
        "from crawler.core.language import detect_document\n"
        "text = 'Das Unternehmen stellte am Dienstag ein neues Sprachmodell vor. ' * 5\n"
        "print(frozen, detect_document(text).language)\n"
    )
    frozen, language = _python(code).split()
    assert int(frozen) > 10_000 and language == "de"


def _python(code: str) -> str:
    """What `code` prints, run in a fresh interpreter."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return result.stdout
