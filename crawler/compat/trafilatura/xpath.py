"""Rewrite trafilatura's XPath expressions into equivalent ones that libxml2 runs faster.

A page's extraction spends about two fifths of its time evaluating trafilatura's XPath
expressions. Two things in them cost more than they need to:

- `re:test(@class, '...')` calls back into Python for every element it is asked about,
  whether or not the element has the attribute. Where the pattern cannot match the empty
  string, an element without the attribute can never match, so `(@class and re:test(...))`
  gives the same answer and skips the call for it.
- `//x` means `/descendant-or-self::node()/child::x`: libxml2 builds and merges a node set
  per descendant. Where no predicate of the step could be a number (which would select by
  position among siblings), `/descendant::x` selects the same nodes (returned, like every
  node set, in document order) in one walk.
- `./descendant::*[self::div or self::p][...]` tests every element of the tree against
  each name in a predicate, where libxml2 has no fast path. At the start of an expression,
  the union `(./descendant::div | ./descendant::p)[...]` (alike from the root, for
  `/descendant::*[…]`) selects the same nodes in the same (document) order, and libxml2
  matches each name in its walk: about half the time of trafilatura's costliest
  expressions.

The rewrites are exact, not heuristics: an expression they cannot prove safe is left as
it is. `tests/test_xpath_rewrite.py` checks that every rewritten expression selects the
same nodes as trafilatura's own on the test pages and, when present, the corpus.
"""

from __future__ import annotations

import re
import sys

from lxml.etree import XPath

from crawler.compat.trafilatura import in_range

REGEXP_NS = "http://exslt.org/regular-expressions"

# re:test(<attribute or union of attributes>, '<pattern>'[, '<flags>'])
_RE_TEST_CALL = re.compile(
    r"re:test\(\s*(?P<attrs>@[\w-]+(?:\s*\|\s*@[\w-]+)*)\s*,"
    r"\s*'(?P<pattern>[^']*)'\s*(?:,\s*'(?P<flags>[^']*)'\s*)?\)",
    re.S,
)
# A predicate that could be a number selects by position. Anything that might make one
# (numbers, variables, arithmetic, numeric functions) keeps the step as it is; trafilatura's
# predicates are tests of names and attributes.
_MAYBE_NUMERIC = re.compile(
    r"(?<![\w.])\d|(?<!\w)\.\d|\$|\+|(?<![:/\w-])(?:div|mod)\b|(?<!\w)-|-(?!\w)|(?<![/:\[(])\*"
    r"|\b(?:position|last|count|sum|number|string-length|floor|ceiling|round)\s*\("
    r"|(?<![\w-])(?!re:test\b)[\w-]+:[\w-]+\s*\("  # extension functions but re:test
)
_STRING_LITERAL = re.compile(r"'[^']*'|\"[^\"]*\"")


def faster_xpath(path: str) -> str:
    """The same expression, with guarded regex tests, single-walk descendant steps, and
    unions of name steps for a descendant step that only tests names."""
    return _name_unions(_descendant_steps(_guard_regex_tests(path)))


def _guard_regex_tests(path: str) -> str:
    out, position = [], 0
    for start, end in _calls(path, "re:test("):
        call = _RE_TEST_CALL.fullmatch(path, start, end)
        out.append(path[position:start])
        if call and _guardable(call, already=path[:start]):
            out.append(f"(({call['attrs']}) and {path[start:end]})")
        else:
            out.append(path[start:end])
        position = end
    out.append(path[position:])
    return "".join(out)


def _guardable(call: re.Match, already: str) -> bool:
    """Not guarded yet, and a missing attribute (tested as '') cannot match the pattern."""
    if already.endswith(f"(({call['attrs']}) and "):
        return False
    flags = re.I if "i" in (call["flags"] or "") else 0
    try:
        return re.search(call["pattern"], "", flags) is None
    except re.error:
        return False  # unknown to Python's re: leave the call alone


def _calls(path: str, name: str):
    """(start, end) of each call to `name`, its closing parenthesis matched outside quotes."""
    index = 0
    while (start := _find_unquoted(path, name, index)) >= 0:
        end = _closing(path, start + len(name), "(", ")")
        if end < 0:
            return
        yield start, end
        index = end


def _descendant_steps(path: str) -> str:
    out, position = [], 0
    while (start := _find_unquoted(path, "//", position)) >= 0:
        out.append(path[position:start])
        predicates = _step_predicates(path, start + 2)
        plain = predicates is not None and not any(map(_maybe_numeric, predicates))
        out.append("/descendant::" if plain else "//")
        position = start + 2
    out.append(path[position:])
    return "".join(out)


_ANY_DESCENDANT = "/descendant::*["
# A predicate of nothing but element names: "self::div or self::p".
_SELF_NAMES = re.compile(r"\s*self::[\w-]+(?:\s+or\s+self::[\w-]+)*\s*")
_SELF_NAME = re.compile(r"self::([\w-]+)")


def _name_unions(path: str) -> str:
    """`./descendant::*[self::a or self::b]` as `(./descendant::a | ./descendant::b)`, and
    alike from the root (`/descendant::*[…]`), where it opens an expression (after its
    start, a "(" or a "|"): the step's other predicates then filter the union, as they
    filtered the step. _descendant_steps only wrote the step where none of them could be a
    position; with one context node, a position would mean the same in both (document
    order), all the same."""
    out, position = [], 0
    while (start := _find_unquoted(path, _ANY_DESCENDANT, position)) >= 0:
        end = _closing(path, start + len(_ANY_DESCENDANT), "[", "]")
        names = path[start + len(_ANY_DESCENDANT) : end - 1] if end > 0 else ""
        step = _opening_step(path, start)
        if step is None or not _SELF_NAMES.fullmatch(names):
            end = start + len(_ANY_DESCENDANT)
            out.append(path[position:end])
        else:
            steps = " | ".join(f"{step}{name}" for name in _SELF_NAME.findall(names))
            begin = start - 1 if step.startswith(".") else start  # the step's first character
            out.append(f"{path[position:begin]}({steps})")
        position = end
    out.append(path[position:])
    return "".join(out)


def _opening_step(path: str, start: int) -> str | None:
    """The step's axis, relative (`./descendant::`) or from the root (`/descendant::`), for
    the step whose "/" is at `start`, when the step opens an expression; else None (a step
    after another, or after "..")."""
    relative = path[start - 1 : start] == "."
    before = path[: start - 1 if relative else start].rstrip()[-1:]
    if before not in ("", "(", "|"):
        return None
    return "./descendant::" if relative else "/descendant::"


# A name (maybe prefixed), `*`, or a node type test such as text() or node()
_NODE_TEST = re.compile(r"\s*(?:\*|[\w-]+(?::[\w-]+)?(?:\(\s*\))?)")
_SPACE = re.compile(r"\s*")


def _step_predicates(path: str, index: int) -> list[str] | None:
    """The predicates of the location step at index; None unless it is a plain node test
    and predicates (an axis, an attribute, `.`, a function call keep their `//`)."""
    node_test = _NODE_TEST.match(path, index)
    if node_test is None:
        return None
    end, predicates = node_test.end(), []
    while (after := _SPACE.match(path, end).end()) < len(path) and path[after] == "[":
        end = _closing(path, after + 1, "[", "]")
        if end < 0:
            return None
        predicates.append(path[after + 1 : end - 1])
    if after < len(path) and path[after] in "(:.@":
        return None  # processing-instruction('x'), descendant::p, n:*, a.b ...
    return predicates


def _maybe_numeric(predicate: str) -> bool:
    return _MAYBE_NUMERIC.search(_STRING_LITERAL.sub("''", predicate)) is not None


def _unquoted(path: str, index: int):
    """(position, character) of each character from index on that is not inside a string."""
    quote = None
    for position in range(index, len(path)):
        char = path[position]
        if quote:
            quote = None if char == quote else quote
        elif char in "'\"":
            quote = char
        else:
            yield position, char


def _find_unquoted(path: str, needle: str, index: int) -> int:
    return next((at for at, _ in _unquoted(path, index) if path.startswith(needle, at)), -1)


def _closing(path: str, index: int, opening: str, closing: str) -> int:
    """Index just past the bracket that closes one already opened before index, or -1."""
    depth = 1
    for position, char in _unquoted(path, index):
        depth += (char == opening) - (char == closing)
        if depth == 0:
            return position + 1
    return -1


def trafilatura_xpaths() -> list[tuple[object, str, int | None, XPath]]:
    """Every compiled XPath constant of trafilatura's loaded modules: (module, name, list
    index, XPath). Only loaded ones: importing the rest has side effects (its command
    line's module seeds the global random generator)."""
    import trafilatura  # noqa: F401  (loads the extraction modules)

    modules = [m for n, m in list(sys.modules.items()) if n.partition(".")[0] == "trafilatura"]
    found = []
    for module in modules:
        for name, value in vars(module).items():
            if isinstance(value, XPath):
                found.append((module, name, None, value))
            elif isinstance(value, list):
                found += [(module, name, i, x) for i, x in enumerate(value) if isinstance(x, XPath)]
    return found


# original expression text -> its rewritten XPath, for everything swapped so far
REWRITTEN: dict[str, XPath] = {}


def speed_up_trafilatura() -> int:
    """Swap trafilatura's XPath constants for their faster equivalents; how many changed.

    Lists are changed in place, so every module that imported a list sees the new
    expressions; a single XPath is rebound in each module that holds that same object.
    Running it again changes nothing: a rewritten expression rewrites to itself. Outside
    the trafilatura releases this was checked on, nothing is rewritten.
    """
    if not in_range():
        return 0
    faster_of: dict[int, XPath] = {}
    for module, name, index, xpath in trafilatura_xpaths():
        if id(xpath) not in faster_of:
            path = faster_xpath(xpath.path)
            if path != xpath.path:
                REWRITTEN[xpath.path] = XPath(path, namespaces={"re": REGEXP_NS})
            faster_of[id(xpath)] = REWRITTEN.get(xpath.path, xpath)
        if index is None:
            setattr(module, name, faster_of[id(xpath)])
        else:
            getattr(module, name)[index] = faster_of[id(xpath)]
    return sum(1 for old, new in faster_of.items() if id(new) != old)
