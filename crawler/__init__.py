"""AI-news article ingestion and cleaning crawler: the Scrapy project package and its pure core."""
