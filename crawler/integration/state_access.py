"""One state store per crawl, shared by spiders and pipelines, closed when the spider closes."""

from __future__ import annotations

from pathlib import Path

from scrapy import signals

from crawler.state.recovery import recover
from crawler.state.store import StateStore, open_store

_ATTRIBUTE = "_ainews_state_store"


def state_uri(settings) -> str | None:
    """STATE_URI; by default REDIS_URL in distributed mode, else OUTPUT_DIR/state.sqlite3.
    An empty string turns state off."""
    uri = settings.get("STATE_URI")
    if uri is None:
        if settings.get("REDIS_URL"):
            return settings.get("REDIS_URL")
        return str(Path(settings.get("OUTPUT_DIR", "output")) / "state.sqlite3")
    return uri or None


def state_for(crawler) -> StateStore | None:
    store = getattr(crawler, _ATTRIBUTE, None)
    if store is None:
        uri = state_uri(crawler.settings)
        if uri is None:
            return None
        store = open_store(uri)
        recover(store, Path(crawler.settings.get("OUTPUT_DIR", "output")))
        setattr(crawler, _ATTRIBUTE, store)
        crawler.signals.connect(lambda: store.close(), signal=signals.engine_stopped, weak=False)
    return store
