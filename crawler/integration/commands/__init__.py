"""Project commands (COMMANDS_MODULE): `scrapy crawl` with an exit status that tells, and
Scrapy's inspection commands without the crawl's side effects.

`scrapy fetch`, `shell`, `parse`, `view` and `check` build a crawler with the project's
pipelines and extensions: each opened a run directory under OUTPUT_DIR, moved `<spider>/latest`
(which scheduled consumers read) to it, and wrote the state store, so a page looked at with
`scrapy parse --pipelines` was `unchanged` to the next real crawl and never emitted. Here
they run with RUN_OUTPUT off: no run directory, no state store.
"""

from __future__ import annotations

from scrapy.commands import ScrapyCommand

from crawler.compat import scrapy_log_file

# Scrapy imports its commands before it makes the crawler process, which opens LOG_FILE:
# its handler is ours from here (a full disk is one line, not a traceback per record).
scrapy_log_file.install()


def inspecting(command: type[ScrapyCommand], module: str) -> type[ScrapyCommand]:
    """`command` with RUN_OUTPUT off, as the class Scrapy finds in `module` (one a command)."""
    settings = {**command.default_settings, "RUN_OUTPUT": False}
    return type("Command", (command,), {"__module__": module, "default_settings": settings})
