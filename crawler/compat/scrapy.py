"""Scrapy's downloader slots, written below its public API.

Scrapy reads robots.txt but ignores its Crawl-delay (scrapy/scrapy#892), and has no
public call to set one domain's delay while a crawl runs. The downloader keeps its slots
in `Downloader.slots` and per-slot overrides in `Downloader.per_slot_settings` (the
DOWNLOAD_SLOTS setting, read when a slot is created); both were read for Scrapy 2.19.
Outside the checked range the delay is not set: Scrapy's stock behaviour.
"""

from __future__ import annotations

from crawler.compat.versions import supported


def check_version() -> bool:
    return supported("scrapy", "2.19.0", "2.20")


def slot_key(downloader, request) -> str:
    return downloader.get_slot_key(request)


def set_delay_floor(downloader, key: str, floor: float) -> None:
    """The slot's delay is at least `floor`, without jitter, now and for slots made later."""
    if not check_version():
        return
    # No jitter: Scrapy's ±50% would put half the requests under the floor.
    downloader.per_slot_settings.setdefault(key, {}).update(delay=floor, jitter=0.0)
    keep_delay_floor(downloader, key, floor)


def keep_delay_floor(downloader, key: str, floor: float) -> None:
    """Put the floor back after AutoThrottle has adjusted the slot's delay."""
    slot = downloader.slots.get(key) if check_version() else None
    if slot is not None:
        slot.jitter = 0.0
        slot.delay = max(slot.delay, floor)
