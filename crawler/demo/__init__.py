"""Bundled fake web of three AI-news sites, served on loopback for demos and tests."""
