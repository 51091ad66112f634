"""URL canonicalization: one spelling per page, so ids and dedup are stable.

`www.` and bare hosts, tracking parameters, AMP variants, default ports and
fragments all name the same article; newspaper's URL memo treats them as
different pages, which is the failure this module exists to avoid.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from pydantic import HttpUrl, TypeAdapter, ValidationError
from w3lib.url import safe_url_string

TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
        "igshid", "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok",
        "ocid", "cmpid", "spm", "s_kwcid", "ref_src", "ref_url", "sr_share", "amp",
        "outputtype", "guccounter", "guce_referrer", "guce_referrer_sig", "ncid", "ref",
    }
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "vero_", "oly_")
DEFAULT_PORTS = {"http": 80, "https": 443}
_AMP_PATH = re.compile(r"(/amp(?=/|$)|\.amp(?=\.html?$)|\.amp$)", re.IGNORECASE)
_HOST_CHARACTERS = re.compile(rb"[a-zA-Z0-9._\-]+")
# C0 and C1 controls, DEL, and U+FFFD, which a feed's or sitemap's NUL or raw control byte
# became (crawler.core.xmlsafe): a URL holding one names no page its document meant.
_CONTROL_CHARACTER = re.compile("[\x00-\x1f\x7f-\x9f\ufffd]")
_SESSION_PARAMS = frozenset(
    {"phpsessid", "jsessionid", "sid", "sessionid", "session_id", "session"}
)


def canonicalize(url: str) -> str:
    """Return the canonical spelling of an absolute http(s) URL.

    Never raises: a string that is not an http(s) URL is returned stripped, so
    callers can canonicalize untrusted input before deciding whether to use it.
    """
    try:
        parts = urlsplit(url.strip())
        scheme = parts.scheme.lower()
        host = (parts.hostname or "").lower().rstrip(".")
        port = parts.port
    except ValueError:
        return url.strip()
    if scheme not in DEFAULT_PORTS or not host:
        return url.strip()
    host = host.removeprefix("www.")
    if ":" in host:  # IPv6 literal needs its brackets back
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    # rstrip: a path can end in spaces once its fragment is gone ("/amp #top")
    path = _strip_amp(parts.path.split(";")[0].rstrip())
    return urlunsplit((scheme, netloc, path, _clean_query(parts.query), ""))


def _strip_amp(path: str) -> str:
    # Repeat until stable so that canonicalize() is idempotent ("/amp/amp/").
    while True:
        stripped = _AMP_PATH.sub("", path)
        if stripped == path:
            return path or "/"
        path = stripped


def _clean_query(query: str) -> str:
    pairs = [
        (key, value)
        for key, value in parse_qsl(query, keep_blank_values=True)
        if not _is_tracking(key.lower())
    ]
    return urlencode(sorted(pairs))


def _is_tracking(key: str) -> bool:
    return key in TRACKING_PARAMS or key in _SESSION_PARAMS or key.startswith(TRACKING_PREFIXES)


def site_key(url: str) -> str:
    """Host without `www.` plus a non-default port: what "the same site" means here."""
    canonical = canonicalize(url)
    try:
        return urlsplit(canonical).netloc
    except ValueError:
        return ""


def same_site(a: str, b: str) -> bool:
    """True when both URLs are on one site, counting subdomains (amp.x.com is x.com)."""
    key_a, key_b = site_key(a), site_key(b)
    if not key_a or not key_b:
        return False
    return key_a == key_b or key_a.endswith("." + key_b) or key_b.endswith("." + key_a)


# The longest URL a record holds (Pydantic's HttpUrl, and Scrapy's URLLENGTH_LIMIT default).
MAX_URL_LENGTH = 2083


def choose_canonical(fetched_url: str, *declared: str | None, base: str | None = None) -> str:
    """The page's declared canonical (rel=canonical, og:url) when it stays on the same site.

    A cross-site canonical is ignored: syndication partners point it at the
    original, and trusting it would give two different pages one id. So is one that
    names a page above this one (the site's home, the story's section): CMS templates
    print the section's URL as every story's canonical, and the stories then shared one
    id, each emitted as an update of the last. A print or index view of a page may
    still name the page, and a story's id its slugged URL (`/news/1234567`). A relative
    one resolves against `base`, the page's `<base href>`, as a browser resolves it.
    """
    own = canonicalize(fetched_url)
    for candidate in declared:
        if not candidate:
            continue
        try:
            absolute = urljoin(base or fetched_url, candidate.strip())
            scheme = urlsplit(absolute).scheme
        except ValueError:  # unparseable ("http://[::1"): no canonical at all
            continue
        if len(absolute) > MAX_URL_LENGTH:
            continue  # the record's URL fields could not hold it: no canonical, not no record
        if scheme in DEFAULT_PORTS and same_site(absolute, fetched_url):
            chosen = canonicalize(absolute)
            if not _names_a_page_above(chosen, own):
                return chosen
    return own


_VIEWS_OF_A_PAGE = frozenset({"print", "index.html", "index.htm", "index.php", "index.shtml"})


def _names_a_page_above(canonical: str, own: str) -> bool:
    """The canonical's path is a proper ancestor of the page's own (both canonicalized),
    beyond a view of the same page (`/story/print`)."""
    above = [part for part in urlsplit(canonical).path.split("/") if part]
    below = [part for part in urlsplit(own).path.split("/") if part]
    if len(above) >= len(below) or below[: len(above)] != above:
        return False
    if above and _AN_ID.search(above[-1]):
        return False  # "/news/1234567" for "/news/1234567/the-slug": the story by its id
    return not all(part.lower() in _VIEWS_OF_A_PAGE for part in below[len(above) :])


_AN_ID = re.compile(r"\d{5}")  # a story's number; not a year, a month or a page number


def join_url(base: str, reference: str) -> str:
    """`reference` resolved against `base`; the reference as written when it cannot be.

    urljoin raises ValueError on a broken authority ("http://[::1/"). One such link in a feed,
    sitemap or page must cost only itself: returned unjoined, `url_problem` files it as a
    `bad_url` reject and `is_fetchable` refuses it, so the links after it are still read.
    """
    reference = reference.strip()
    try:
        return urljoin(base, reference)
    except ValueError:
        return reference


_USERINFO_PASSWORD = re.compile(r"(?<=://)([^/@\s:]*):[^/@\s]*@")


def without_password(text: str) -> str:
    """`text` with each URL's password masked (`user:***@host`): a listed URL with
    credentials is refused, and its reject line, the log and run.json must not keep them."""
    return _USERINFO_PASSWORD.sub(r"\1:***@", text)


def url_problem(url: str) -> tuple[str, str] | None:
    """Why `url` cannot be requested, or None: ("unfetchable", ...) for a scheme we never
    fetch (javascript:, mailto:, data:, file:), ("bad_url", ...) for a broken http(s) URL
    (a port out of range, a control character, no host, spaces in the host)."""
    try:
        parts = urlsplit(url)
        if parts.scheme.lower() not in DEFAULT_PORTS:
            return "unfetchable", f"not an http(s) URL: {url[:200]!r}"
        host = parts.hostname
        parts.port  # noqa: B018  (raises for a port out of range or not a number)
    except ValueError as error:
        return "bad_url", f"{error}: {url[:200]!r}"
    if control := _CONTROL_CHARACTER.search(url):
        # Scrapy requested it with the character escaped (%00, %01, %EF%BF%BD): a URL the
        # site never printed, fetched and filed as if it were.
        return "bad_url", f"a control character (U+{ord(control[0]):04X}) in {url[:200]!r}"
    if not host or any(ch.isspace() for ch in host):
        return "bad_url", f"no valid host: {url[:200]!r}"
    if not _is_valid_host(host):
        # Twisted's resolver raises inside a Deferred that never fires (an empty label: the
        # request hung for minutes), or its endpoint refuses the name (fetch_error).
        return (
            "bad_url",
            "a host name no resolver takes (an empty or over-63-character label, a name "
            f"over 253 characters, or a character such as '%'): {url[:200]!r}",
        )
    if "@" in parts.netloc:
        # Twisted connects to "user:pass@host" as a host name and fails; and a listed URL
        # must not make us send credentials anywhere.
        shown = without_password(url)[:200]
        return "bad_url", f"credentials in the URL (user:password@): {shown!r}"
    return None


def length_problem(url: str, limit: int) -> tuple[str, str] | None:
    """("bad_url", ...) when `url` is longer than `limit` (URLLENGTH_LIMIT; 0: no limit) as
    Scrapy's UrlLengthMiddleware measures it, escaped: "é" is six characters ("%C3%A9").
    That middleware would drop the request with an INFO line and no outcome."""
    escaped = url if url.isascii() else safe_url_string(url)
    if limit and len(escaped) > limit:
        return "bad_url", f"longer than URLLENGTH_LIMIT={limit}: {url[:200]!r}"
    return None


def _is_valid_host(host: str) -> bool:
    """What Twisted will connect to: a name whose IDNA 2003 form (Scrapy's fallback too) is
    letters, digits, "-", "_" and dots, in labels of 1 to 63 characters."""
    if ":" in host:  # an IPv6 literal
        return True
    # No shortcut for digits and dots: "." and ".." (http://./x) are made of them too, and
    # IDNA refuses their empty labels; "127.0.0.1" passes the label rules below anyway.
    try:
        # Every link of a page passes here: an ASCII name needs no IDNA pass.
        encoded = host.encode("ascii") if host.isascii() else host.encode("idna")
    except UnicodeError:  # an empty or overlong label, a character IDNA refuses
        return False
    labels = encoded.removesuffix(b".").split(b".")  # "example.com." is the same name
    return (
        len(encoded) <= 253
        and _HOST_CHARACTERS.fullmatch(encoded) is not None
        and all(0 < len(label) <= 63 for label in labels)
    )


def unescape_surrogates(text: str) -> str:
    """Bytes that were not UTF-8 (kept as surrogates by Python's argv and surrogateescape
    decoding) as %XX escapes: the URL asks for those bytes, and no encoder can write a
    surrogate (the state store and run.json failed on one)."""
    if text.isascii() or not any("\udc80" <= ch <= "\udcff" for ch in text):
        return text
    return "".join(f"%{ord(ch) - 0xDC00:02X}" if "\udc80" <= ch <= "\udcff" else ch for ch in text)


def is_fetchable(url: str) -> bool:
    """Only http(s) links are ever requested: never javascript:, data:, file:, mailto:."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme.lower() in DEFAULT_PORTS and bool(parts.hostname)


def absolute_http_url(base: str, reference: str | None) -> str | None:
    """`reference` resolved against `base` when the result is a usable http(s) URL, else None.

    Page metadata (og:image, "Read the original" links) is untrusted: a malformed value
    costs the field, never the record.
    """
    if not reference or len(reference) > 2000:
        return None
    try:
        absolute = urljoin(base, reference.strip())
        parts = urlsplit(absolute)
        parts.port  # noqa: B018 - raises ValueError on a port out of range
    except ValueError:
        return None
    if len(absolute) > MAX_URL_LENGTH or parts.scheme.lower() not in DEFAULT_PORTS:
        return None
    if not parts.hostname:
        return None
    try:  # the record's field is an HttpUrl: a host it refuses ("999.1.1.1", "cdn .x") is none
        _HTTP_URL.validate_python(absolute)
    except ValidationError:
        return None
    return absolute


_HTTP_URL = TypeAdapter(HttpUrl)
