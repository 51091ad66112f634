"""Thin spiders: they route requests and attach hints; the core does the rest."""
