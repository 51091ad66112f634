"""Item pipelines: small classes with one job each, built in from_crawler."""
