"""URL lists from files and the command line: read once, streamed, capped, never lossy."""

from __future__ import annotations

import os
import threading

import pytest

from crawler.core import url_lists
from crawler.core.canonical import unescape_surrogates, url_problem
from crawler.core.url_lists import MAX_LINE_CHARS, UrlListError, listed_lines, url_list_file
from crawler.core.values import address_list


def test_comments_blanks_and_a_bom_are_not_entries(tmp_path):
    path = tmp_path / "urls.txt"
    path.write_bytes(b"\xef\xbb\xbfhttps://a.example/1\n\n# all\r\nhttps://a.example/2 # two\n")
    assert [(line.number, line.text) for line in listed_lines(path)] == [
        (1, "https://a.example/1"),
        (4, "https://a.example/2"),
    ]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_list_with_a_bom_is_read(tmp_path, encoding):
    path = tmp_path / "urls.txt"
    text = "https://a.example/é\nhttps://a.example/2\n"
    bom = "\ufeff" if encoding != "utf-16" else ""
    path.write_bytes((bom + text).encode(encoding))
    assert [line.text for line in listed_lines(path)] == [
        "https://a.example/é",
        "https://a.example/2",
    ]


def test_an_overlong_line_is_reported_cut_and_the_next_line_is_read(tmp_path):
    path = tmp_path / "urls.txt"
    path.write_bytes(b"x" * (MAX_LINE_CHARS * 5) + b"\nhttps://a.example/next\n")
    long, following = listed_lines(path)
    assert long.too_long and long.length == MAX_LINE_CHARS * 5 and len(long.text) == 200
    assert (following.text, following.too_long) == ("https://a.example/next", False)


def test_a_byte_that_is_not_utf8_becomes_a_percent_escape(tmp_path):
    path = tmp_path / "urls.txt"
    path.write_bytes(b"https://a.example/caf\xe9\n")  # Latin-1 in a UTF-8 list
    assert [line.text for line in listed_lines(path)] == ["https://a.example/caf%E9"]
    assert unescape_surrogates("https://a.example/s\udcff-é") == "https://a.example/s%FF-é"
    assert address_list("https://a.example/\udcfe") == ["https://a.example/%FE"]


def test_a_pipe_is_copied_once_and_read_again_from_the_copy(tmp_path):
    read_end, write_end = os.pipe()

    def write() -> None:
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(b"https://a.example/1\nhttps://a.example/2\n")

    threading.Thread(target=write, daemon=True).start()
    name = f"/dev/fd/{read_end}"
    first, second = url_list_file(name), url_list_file(name)
    os.close(read_end)
    assert first == second and first.is_file()
    assert [line.text for line in listed_lines(second)] == [
        "https://a.example/1",
        "https://a.example/2",
    ]


def test_a_directory_or_a_missing_file_is_refused(tmp_path):
    with pytest.raises(UrlListError, match="directory"):
        url_list_file(tmp_path)
    with pytest.raises(UrlListError, match="No such file"):
        url_list_file(tmp_path / "nope.txt")


def test_commas_split_addresses_only_before_a_scheme_and_slashes():
    assert address_list("https://a.example/?q=a,b:c,https://b.example/") == [
        "https://a.example/?q=a,b:c",
        "https://b.example/",
    ]


def test_a_space_between_urls_and_a_trailing_comma_are_separators():
    """`-a "url=U1 U2"` was one URL with `%20http://` in it, and `-a url=U,` a URL ending
    in a comma."""
    assert address_list("https://a.example/x https://b.example/y,") == [
        "https://a.example/x",
        "https://b.example/y",
    ]
    assert address_list("https://a.example/?q=a b") == ["https://a.example/?q=a b"]


def test_a_lines_urls_split_as_the_command_lines_and_a_note_after_a_tab_is_no_part(tmp_path):
    """Audit 25: "URL1 URL2" on a line was requested as one URL, `/a/x%20http://…`, and
    "URL<TAB>note" as `/a/xnote`."""
    path = tmp_path / "urls.txt"
    path.write_text(
        "https://a.example/x https://b.example/y\n"
        "https://a.example/z\tfrom the spreadsheet\n"
        "https://a.example/?q=a b\n"
    )
    assert [url for line in listed_lines(path) for url in line.urls] == [
        "https://a.example/x",
        "https://b.example/y",
        "https://a.example/z",
        "https://a.example/?q=a b",
    ]


@pytest.mark.parametrize(
    "url",
    [
        "http://a..b/x",
        "http://.a.example/",
        f"http://{'n' * 64}.example/",
        f"http://{'a.' * 130}x/",
        # Digits and dots, taken for IPv4 literals: IDNA refuses their empty labels (audit 36)
        "http://./x",
        "http://../x",
        "http://.:81/x",
        "http://1..2/x",
    ],
)
def test_host_names_no_resolver_takes_are_bad_urls(url):
    assert url_problem(url)[0] == "bad_url"


@pytest.mark.parametrize(
    "url", ["http://example.com./x", "http://bücher.example/", f"http://{'n' * 63}.example/",
            "http://127.0.0.1:8080/", "http://[::1]/", "http://under_score.example/",
            "http://xn--bcher-kva.example/", "http://127.0.0.1./x", "http://0x7f.1/x"],
)  # fmt: skip
def test_ordinary_host_names_are_fine(url):
    assert url_problem(url) is None


def test_an_endless_stream_is_refused_past_the_pipe_limit(monkeypatch):
    monkeypatch.setattr(url_lists, "MAX_PIPED_BYTES", 4 * 1024 * 1024)
    with pytest.raises(UrlListError, match="save the list to a file"):
        url_list_file("/dev/zero")


def test_a_broken_utf16_code_unit_costs_only_its_line(tmp_path):
    path = tmp_path / "urls.txt"
    good = "https://a.example/1\n".encode("utf-16-le")
    broken = "https://a.example/".encode("utf-16-le") + b"\x00\xd8" + "\n".encode("utf-16-le")
    last = "https://a.example/3\n".encode("utf-16-le") + b"\x00"  # and an odd last byte
    path.write_bytes(b"\xff\xfe" + good + broken + last)
    texts = [line.text for line in listed_lines(path)]
    assert texts[0] == "https://a.example/1" and texts[2] == "https://a.example/3"
    assert texts[1] == "https://a.example/\ufffd"  # a reject or a miss, not a crash
    assert texts[3:] == ["\ufffd"]  # the odd byte: counted unfetchable, not lost


def test_a_url_with_a_long_comment_is_still_a_url(tmp_path):
    path = tmp_path / "urls.txt"
    path.write_text(f"https://a.example/1 # {'x' * (MAX_LINE_CHARS * 2)}\nhttps://a.example/2\n")
    lines = list(listed_lines(path))
    assert [(line.text, line.too_long) for line in lines] == [
        ("https://a.example/1", False),
        ("https://a.example/2", False),
    ]
