"""The source catalogue: which AI-news sites we crawl, and how to recognise their articles.

The catalogue is a YAML file whose top level is a mapping with a single key ``sources``
holding a list of entries (see ``sources.yaml`` for the field reference). Everything is
validated up front so a typo in the catalogue fails loudly at start-up, with a message
that names the offending entry and field, instead of silently crawling nothing.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    HttpUrl,
    PrivateAttr,
    ValidationError,
    field_validator,
)

from crawler.core.operator_files import TooLarge, read_at_most

# crawler/sources.yaml, the same path as the SOURCES_FILE setting's default (settings.py).
DEFAULT_SOURCES_PATH = Path(__file__).parents[1] / "sources.yaml"

# Slugs end up in output file names, log lines and CLI arguments, so keep them boring.
SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")  # a source's name
Slug = Annotated[str, Field(pattern=rf"^{SLUG.pattern}$")]


class SourceCatalogueError(ValueError):
    """The catalogue file is missing, unparsable or holds an invalid entry."""


class Source(BaseModel):
    """One crawlable site. ``allow``/``deny`` are applied to candidate article URLs."""

    # extra="forbid" catches misspelt keys (e.g. "feed:" for "feeds:"); frozen because a
    # source is shared by concurrent spider callbacks and must not change under them.
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Slug
    title: Annotated[str, Field(min_length=1)]
    homepage: HttpUrl  # HttpUrl also accepts http:// and explicit ports (local demo site)
    feeds: list[HttpUrl] = []
    sitemaps: list[HttpUrl] = []
    allow: list[str] = []  # Python regexes, matched with re.search against the full URL
    deny: list[str] = []
    ai_only: bool = False  # True: every article is AI news; False: filter by relevance

    # Compiled once here so allows(), called for every discovered link, stays cheap.
    _allow_re: tuple[re.Pattern[str], ...] = PrivateAttr(default=())
    _deny_re: tuple[re.Pattern[str], ...] = PrivateAttr(default=())

    @field_validator("allow", "deny")
    @classmethod
    def _check_regexes(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            try:
                re.compile(pattern)
            except re.error as exc:
                raise ValueError(f"invalid regex {pattern!r}: {exc}") from None
        return patterns

    def model_post_init(self, context: Any, /) -> None:
        self._allow_re = tuple(re.compile(p) for p in self.allow)
        self._deny_re = tuple(re.compile(p) for p in self.deny)

    def allows(self, url: str) -> bool:
        """True if ``url`` may be crawled: no deny pattern matches (deny wins) and either
        there are no allow patterns or at least one matches."""
        if any(p.search(url) for p in self._deny_re):
            return False
        return not self._allow_re or any(p.search(url) for p in self._allow_re)


def _describe(err: Any) -> str:
    # Pydantic locs look like ("feeds", 0); render them as feeds[0] for humans.
    loc = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in err["loc"])
    return f"field '{loc.lstrip('.') or '<entry>'}': {err['msg']}"


# Far past any catalogue (the bundled 24 sources are 8 KB): a larger "catalogue" is a file
# named by mistake, or a device that never ends (/dev/zero was read until memory ran out).
MAX_CATALOGUE_BYTES = 16 * 1024**2
# A catalogue piped in (`-s SOURCES_FILE=<(…)`, a FIFO) can be read once, and a crawl reads
# its catalogue three times (the start check, the spider's check, the spider): the second
# found the pipe empty, a ConfigError traceback. Kept here after the first reading.
_piped: dict[str, bytes] = {}


def _read_catalogue(path: Path) -> str:
    # Deployed in a scrapyd egg (a zip), the bundled catalogue is a package resource, not a file.
    if path == DEFAULT_SOURCES_PATH and not path.exists():
        return resources.files("crawler").joinpath("sources.yaml").read_text("utf-8")
    if path.is_file():
        return read_at_most(path, MAX_CATALOGUE_BYTES).decode("utf-8")
    if str(path) not in _piped:
        _piped[str(path)] = read_at_most(path, MAX_CATALOGUE_BYTES)
    return _piped[str(path)].decode("utf-8")


class _UniqueKeyLoader(yaml.SafeLoader):
    """safe_load, but a key given twice in one mapping is an error: PyYAML keeps the last,
    so `feeds:` repeated in an entry (a merge slip) left a source without its feeds and the
    crawl ran nothing, exit 0 (audit 22)."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            # The entry's own keys, as written: a `<<: *defaults` merge may bring a key the
            # entry then sets, as YAML allows.
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag.endswith(":merge"):
                continue
            key = key_node.value
            if key in seen:
                line = key_node.start_mark.line + 1
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} given twice (line {line})", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def load_sources(path: str | Path = DEFAULT_SOURCES_PATH) -> list[Source]:
    """Load and validate a catalogue. Entry indices in errors are 0-based (``sources[i]``).

    Raises SourceCatalogueError for a missing/unreadable file, YAML syntax errors, a top
    level that is not ``{sources: [...]}``, an invalid entry or a duplicated name.
    """
    path = Path(path)
    where = str(path)
    try:
        text = _read_catalogue(path)
    except OSError as exc:
        reason = exc.strerror or exc  # a FIFO's silence has no errno
        raise SourceCatalogueError(f"{where}: cannot read catalogue: {reason}") from exc
    except TooLarge:
        raise SourceCatalogueError(
            f"{where}: over {MAX_CATALOGUE_BYTES // 1024**2} MiB: not a catalogue"
        ) from None
    except UnicodeDecodeError as exc:
        # Saved as Latin-1 or UTF-16 by an editor: a traceback was all the operator saw
        # (operator audit 42).
        raise SourceCatalogueError(
            f"{where}: not UTF-8 text (byte {exc.object[exc.start]:#04x} at offset "
            f"{exc.start}): save the catalogue as UTF-8"
        ) from None
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)  # a SafeLoader
    except yaml.YAMLError as exc:
        raise SourceCatalogueError(f"{where}: YAML syntax error: {exc}") from exc
    if not isinstance(data, dict) or set(data) != {"sources"}:
        got = sorted(map(str, data)) if isinstance(data, dict) else type(data).__name__
        raise SourceCatalogueError(
            f"{where}: top level must be a mapping with exactly one key 'sources', got {got}"
        )
    entries = data["sources"]
    if not isinstance(entries, list) or not entries:
        raise SourceCatalogueError(f"{where}: 'sources' must be a non-empty list")

    sources: list[Source] = []
    first_index: dict[str, int] = {}
    for index, entry in enumerate(entries):
        name = entry.get("name", "?") if isinstance(entry, dict) else "?"
        label = f"{where}: entry {index} ({name!r})"
        if not isinstance(entry, dict):
            raise SourceCatalogueError(f"{label}: expected a mapping, got {type(entry).__name__}")
        try:
            source = Source.model_validate(entry)
        except ValidationError as exc:
            details = "; ".join(_describe(err) for err in exc.errors(include_url=False))
            raise SourceCatalogueError(f"{label}: {details}") from None
        if source.name in first_index:
            raise SourceCatalogueError(
                f"{label}: field 'name': duplicate name, already used by entry "
                f"{first_index[source.name]}"
            )
        first_index[source.name] = index
        sources.append(source)
    return sources


def find_source(sources: list[Source], name: str) -> Source:
    """Return the source called ``name``; the error lists the known names."""
    for source in sources:
        if source.name == name:
            return source
    known = ", ".join(sorted(s.name for s in sources)) or "(none)"
    raise SourceCatalogueError(f"unknown source {name!r}; known sources: {known}")
