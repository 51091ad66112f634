"""URL lists an operator gives as a file (`-a urls_file=PATH`): opened once, read line by line.

The list may be a pipe (`-a urls_file=<(grep … urls.txt)`) or a named FIFO. The crawl reads
its arguments more than once (the crawl command checks them before the spider is built),
and a pipe can be read only once: such a list is copied to a temporary file the first time,
and every later reading in the process gets the copy. A FIFO whose writer does not start
within WRITER_WAIT seconds is an error, instead of blocking the crawl forever
(crawler.core.operator_files).

Lines are streamed with a length cap, so a list of millions of URLs, or a gigabyte "line" of
NUL bytes, costs a line's worth of memory, not the file's.
"""

from __future__ import annotations

import atexit
import codecs
import contextlib
import io
import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from crawler.core.canonical import unescape_surrogates
from crawler.core.operator_files import NoWriter, open_for_reading
from crawler.core.values import address_list

# Far past any URL a server accepts (URLLENGTH_LIMIT is 2,083): a longer line is not a URL.
MAX_LINE_CHARS = 16 * 1024
# What a pipe may send before the copy is refused; a regular file has no limit.
MAX_PIPED_BYTES = 256 * 1024**2  # about 2.5 million URLs
_COPY_CHUNK = 1024 * 1024
_copies: dict[str, Path] = {}


class UrlListError(ValueError):
    """The list cannot be read; the message follows "urls_file=PATH: "."""


@dataclass(frozen=True)
class ListedLine:
    """One entry: the URL as listed, or for an overlong line its start and its length."""

    number: int
    text: str
    length: int

    @property
    def too_long(self) -> bool:
        return self.length > MAX_LINE_CHARS

    @property
    def urls(self) -> list[str]:
        """The line's URLs, split as `-a url=` splits them (a comma or a space before the
        next `http(s)://`), and without a note after a tab (`URL<TAB>note`, a spreadsheet's
        export): both were requested as one URL (audit 25)."""
        return address_list(self.text.split("\t", 1)[0])


def url_list_file(value) -> Path:
    """The argument parser: a readable regular file's path, or the copy of a pipe's content."""
    name = str(value)
    if name in _copies:
        return _copies[name]
    path = Path(name).expanduser()
    try:
        kind = path.stat().st_mode
        if stat.S_ISDIR(kind):
            raise UrlListError("cannot read it (it is a directory)")
        if stat.S_ISREG(kind):
            with path.open("rb") as handle:
                handle.read(1)
            return path
        _copies[name] = _copy_of_stream(path)
        return _copies[name]
    except OSError as error:
        raise UrlListError(f"cannot read it ({error.strerror or error})") from None


def listed_lines(path: Path) -> Iterator[ListedLine]:
    """Each non-blank entry, with `#` comments removed, in file order."""
    with path.open("rb") as raw:
        encoding = _encoding(raw.peek(4)[:4])
        # surrogateescape keeps a byte that is not UTF-8 as itself, to be %-escaped, not
        # replaced by U+FFFD (which would name another page). It cannot escape UTF-16's
        # code units: a broken one there is U+FFFD, and only its line suffers.
        errors = "replace" if encoding == "utf-16" else "surrogateescape"
        text = io.TextIOWrapper(raw, encoding=encoding, errors=errors, newline=None)
        number = 0
        while line := text.readline(MAX_LINE_CHARS + 1):
            number += 1
            entry, comment = line.split("#", 1)[0], "#" in line
            length = len(line.rstrip("\n"))
            if length > MAX_LINE_CHARS:
                length += _skip_rest_of_line(text)
                if not comment:  # not a URL, nor a URL and a long comment
                    yield ListedLine(number, unescape_surrogates(line[:200]), length)
                    continue
            entry = entry.strip()
            if entry:
                yield ListedLine(number, unescape_surrogates(entry), len(entry))


def _encoding(start: bytes) -> str:
    # A list saved by Windows Notepad starts with a BOM: UTF-8's would be glued to the first
    # URL, and UTF-16 would read as no URL at all.
    if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and not start.startswith(
        codecs.BOM_UTF32_LE
    ):
        return "utf-16"
    return "utf-8-sig"


def _skip_rest_of_line(text: io.TextIOWrapper) -> int:
    skipped = 0
    while chunk := text.readline(_COPY_CHUNK):
        if chunk.endswith("\n"):
            return skipped + len(chunk) - 1
        skipped += len(chunk)
    return skipped


def _copy_of_stream(path: Path) -> Path:
    """A pipe's or FIFO's content in a temporary file, removed when the process ends."""
    try:
        source = open_for_reading(path)
    except NoWriter as error:
        raise UrlListError(str(error)) from None
    handle, copy_name = tempfile.mkstemp(prefix="urls-", suffix=".txt")
    atexit.register(_remove, copy_name)
    with source, os.fdopen(handle, "wb") as copy:
        copied = 0
        while chunk := source.read(_COPY_CHUNK):
            copied += len(chunk)
            if copied > MAX_PIPED_BYTES:
                raise UrlListError(
                    f"a pipe that sent over {MAX_PIPED_BYTES // 1024**2} MiB; save the list to "
                    "a file"
                )
            copy.write(chunk)
    return Path(copy_name)


def _remove(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)
