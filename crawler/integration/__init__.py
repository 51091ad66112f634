"""Scrapy glue: middlewares, extensions, the distributed scheduler, the crawl command.

Spiders (spiders/) and pipelines (pipelines/) use these; the pure core never does.
"""
