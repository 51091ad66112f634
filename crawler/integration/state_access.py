"""One state store per crawl, shared by spiders and pipelines, closed when the spider closes."""

from __future__ import annotations

from pathlib import Path

from scrapy import signals

from crawler.state.recovery import recover
from crawler.state.store import StateStore, StoreTooNew, open_store

_ATTRIBUTE = "_ainews_state_store"
_checked: set[str] = set()  # stores whose integrity this process has checked


class StateUnavailable(RuntimeError):
    """The state store named by STATE_URI (or REDIS_URL) cannot be opened; one line."""


def _open(uri: str, check: bool = False) -> StateStore:
    try:
        store = open_store(uri)
        if check:
            try:
                store.check_integrity()
            except Exception:
                store.close()
                raise
        return store
    except StoreTooNew as error:
        raise StateUnavailable(str(error)) from None
    except Exception as error:  # sqlite3, OSError, redis: all mean the same to an operator
        raise StateUnavailable(
            f"cannot open the state store {uri}: {type(error).__name__}: {error} "
            "(set STATE_URI to another path, or STATE_URI= to crawl without state)"
        ) from None


def check_state(settings) -> None:
    """Open and close the crawl's state store, so a broken one stops the crawl before it
    starts rather than at its first page."""
    uri = state_uri(settings)
    if uri is not None:
        _open(uri, check=True).close()
        _checked.add(uri)


def state_uri(settings) -> str | None:
    """STATE_URI; by default REDIS_URL in distributed mode, else OUTPUT_DIR/state.sqlite3.
    An empty string turns state off, and so does RUN_OUTPUT off (the inspection commands)."""
    if not settings.getbool("RUN_OUTPUT", True):
        return None
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
        # Checked here too: scrapyd and `scrapy runspider` do not run our crawl command.
        store = _open(uri, check=uri not in _checked)
        _checked.add(uri)
        recover(store, Path(crawler.settings.get("OUTPUT_DIR", "output")))
        setattr(crawler, _ATTRIBUTE, store)
        crawler.signals.connect(lambda: store.close(), signal=signals.engine_stopped, weak=False)
    return store
