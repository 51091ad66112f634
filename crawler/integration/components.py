"""Component settings (`ITEM_PIPELINES`, middlewares, extensions) load before the crawl starts.

Scrapy imports each component's class while it builds the crawler, after its start-up lines:
a module or class that does not exist (`-s ITEM_PIPELINES='{"pipelines.wirte.X": 300}'`)
was an ImportError or NameError traceback. Each class path is loaded here the way Scrapy
loads it, and one that does not load is a start error naming the setting and the path.
"""

from __future__ import annotations

from scrapy.utils.misc import load_object

from crawler.core.config import ConfigError

COMPONENT_SETTINGS = (
    "ITEM_PIPELINES",
    "DOWNLOADER_MIDDLEWARES",
    "SPIDER_MIDDLEWARES",
    "EXTENSIONS",
)


def check_components(settings) -> None:
    """ConfigError for the first enabled component whose class path does not load."""
    for name in COMPONENT_SETTINGS:
        for path, order in settings.getwithbase(name).items():
            if order is None or not isinstance(path, str):  # switched off, or a class given
                continue
            try:
                load_object(path)
            except (ImportError, NameError, ValueError) as error:
                raise ConfigError(f"setting {name}: cannot load {path!r}: {error}") from None
