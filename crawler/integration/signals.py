"""Signals of our own (Scrapy signals are plain objects)."""

# Sent by a spider callback or errback when it has produced all its output:
# handlers receive `request` and `items` (how many items it yielded). Distributed mode
# releases the request's lease once those items are written too.
request_finished = object()

# Sent by crawler.integration.stop_promptly when a crawl stops early, before the engine
# waits for its downloader: no handler arguments. The robots.txt gate sends nothing more.
crawl_stopping = object()
