"""The extraction process pool: plain subprocesses that alone import the extraction stack."""
