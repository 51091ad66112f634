"""One catalogue entry as YAML: printed as a catalogue of its own, or appended to one.

Appending keeps the file as it is (its comments too) and adds the entry's text at the end
of its `sources:` list, indented like the entries already there; the result is loaded with
crawler.core.sources.load_sources before it replaces the file, so a catalogue never ends up
invalid, and a name already in it is refused.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Any

import yaml

from crawler.core.sources import Source, SourceCatalogueError, load_sources

_ITEM = re.compile(r"^(?P<indent>[ \t]*)- ", re.MULTILINE)


def checked_entry(entry: dict[str, Any]) -> dict[str, Any]:
    """The entry, or SourceCatalogueError saying which field the catalogue would refuse."""
    try:
        Source.model_validate(entry)
    except ValueError as error:
        raise SourceCatalogueError(f"entry {entry.get('name')!r}: {error}") from None
    return entry


def _comments(notes: list[str], indent: str = "") -> str:
    return "".join(f"{indent}# {note}\n" for note in notes)


def render_catalogue(entry: dict[str, Any], notes: list[str]) -> str:
    """A whole catalogue (valid as SOURCES_FILE) holding `entry`, `notes` as comments."""
    body = yaml.safe_dump({"sources": [entry]}, sort_keys=False, allow_unicode=True, width=100)
    return _comments(notes) + body


def append_entry(path: Path, entry: dict[str, Any], notes: list[str]) -> None:
    """Add `entry` to the catalogue at `path`; SourceCatalogueError when it cannot be."""
    existing = load_sources(path)
    if any(source.name == entry["name"] for source in existing):
        raise SourceCatalogueError(
            f"{path}: a source named {entry['name']!r} is already in it (choose --name)"
        )
    text = path.read_text("utf-8")
    # The entries are the least indented list items (their feeds and patterns are deeper).
    indents = [item.group("indent") for item in _ITEM.finditer(text)]
    indent = min(indents, key=len) if indents else "  "
    block = yaml.safe_dump([entry], sort_keys=False, allow_unicode=True, width=100)
    indented = "".join(indent + line for line in block.splitlines(keepends=True))
    updated = text.rstrip("\n") + "\n\n" + _comments(notes, indent) + indented
    _replace_checked(path, updated, len(existing) + 1, entry["name"])


def _replace_checked(path: Path, text: str, count: int, name: str) -> None:
    handle, scratch = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".yaml")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.chmod(scratch, path.stat().st_mode & 0o777)
        sources = load_sources(scratch)
        if len(sources) != count or sources[-1].name != name:
            raise SourceCatalogueError("its `sources:` list is not the last block of the file")
        os.replace(scratch, path)
    except SourceCatalogueError as error:
        raise SourceCatalogueError(f"{path}: cannot append the entry: {error}") from None
    finally:
        if os.path.exists(scratch):
            os.unlink(scratch)
