"""The language dev set's builder (bench/langset.py): what it keeps of a catalogue, and its
own .mo reader, which Babel's cannot replace (the upstream behaviour, docs/upstream.md)."""

import struct
import sys
from io import BytesIO
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import langset  # noqa: E402
import langset_sources  # noqa: E402

HEADER = "Content-Type: text/plain; charset=UTF-8\nPO-Revision-Date: 2009-03-02 14:29+EDT\n"


def _mo(pairs: list[tuple[str, str]]) -> bytes:
    """A GNU .mo file: header, table of originals, table of translations, strings."""
    pairs = sorted(pairs)
    sources = [s.encode() for s, _ in pairs]
    targets = [t.encode() for _, t in pairs]
    start = 28 + 16 * len(pairs)
    tables, blob = [b"", b""], b""
    for index, strings in enumerate((sources, targets)):
        for string in strings:
            tables[index] += struct.pack("<II", len(string), start + len(blob))
            blob += string + b"\0"
    head = struct.pack("<7I", 0x950412DE, 0, len(pairs), 28, 28 + 8 * len(pairs), 0, 0)
    return head + tables[0] + tables[1] + blob


def test_babel_cannot_read_a_catalogue_dated_with_a_zone_name():
    from babel.messages.mofile import read_mo

    with pytest.raises(ValueError, match="unconverted data remains"):
        read_mo(BytesIO(_mo([("", HEADER), ("Save", "Speichern")])))


def test_our_reader_gives_the_pairs():
    data = _mo([("", HEADER), ("Save", "Speichern"), ("ctx\x04Open", "Öffnen")])
    assert sorted(langset_sources._mo_pairs(data)) == [("Open", "Öffnen"), ("Save", "Speichern")]


def test_untranslated_strings_are_not_fragments():
    assert langset.usable("Speichern", "Save")
    assert not langset.usable("Dashboard", "Dashboard")
    assert not langset.usable("i-Sans 12", "Sans 12")  # only the English words translated
    assert langset.clean_string("Seite „%(title)s“ _öffnen") == "Seite „ “ öffnen"


def test_pages_are_split_by_id_and_rebuilt_the_same():
    pool = {
        ("ui", True): {"de": [("x", "de", ("Speichern",))], "nl": [("x", "nl", ("Opslaan",))]},
        ("ui", False): {"de": [("x", "de", ("Die Seite wurde gelöscht.",))]},
    }
    build = lambda: langset.build_pages(pool, ["An English paragraph."] * 8, ["Share"] * 4, 20, 3)  # noqa: E731
    first = build()
    assert first == build()
    assert {page["half"] for page in first} == {"tune", "check"}
    assert sum(page["fragment"]["short"] for page in first) == 10
