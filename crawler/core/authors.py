"""Names in a byline: split, cleaned, and told apart from the junk that sits beside them.

A byline string as pages carry it ("By Jane O’Neil and Sam Roe | Senior Editor · 5 min
read", "Rachel Brazil0", "… Jeff Tollefson", "Twitter Facebook") becomes the names it
holds. What is never a name: dates and times, counters, social and sharing labels, image
credits, comment-form labels, places (a dateline), job titles, and words like "admin". An
organization ("Associated Press", "BBC News", "Gear Team") is a name; `is_organization`
tells it from a person, so callers can prefer people and fall back to organizations.
"""

from __future__ import annotations

import re

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?"
# From a date or a time on, the rest of a part is not the name.
_DATE_TAIL = re.compile(
    rf"(?:^|\s+)(?:{_MONTH}\s+\d{{1,2}}\b|\d{{1,2}}\s+{_MONTH}(?:\s|$)|{_WEEKDAY},?\s+{_MONTH}"
    rf"|\d{{1,4}}[/.-]\d{{1,2}}[/.-]\d{{1,4}}|\d{{1,2}}:\d{{2}}|\d+\s*(?:min|minute|hour|day)s?\b"
    r"|(?:today|yesterday|updated|published|posted|last updated)\b).*$",
    re.IGNORECASE,
)
# A weekday and its date after the names, a line's break lost ("by Tom Ferreira<br>Tuesday,
# March 3, 2026", audit 43): the comma split the weekday from its date, and it stayed glued
# to the name ("Tom Ferreira Tuesday").
_WEEKDAY_DATE = re.compile(
    rf"\s+{_WEEKDAY},?\s+(?:{_MONTH}\s+\d{{1,2}}\b|\d{{1,2}}\s+{_MONTH}(?:\s|$)).*$",
    re.IGNORECASE,
)
# "/" separates "Jane Doe/Reuters", but not a forum handle's prefix ("u/janedoe"). The
# separator is kept: a conjunction joins co-authors, anything else may attach an outlet.
# A comma before a company's legal form ("Corvanta Systems, Inc.") is inside the name.
_LEGAL_FORM = (
    r"(?:inc|llc|llp|ltd|corp|plc|gmbh|ag|s\.a|n\.v|l\.p|pty ltd)\b\.?"
    r"(?=\s*(?:$|[,;&|\n]|\band\b))"
)
_SPLIT = re.compile(
    rf"\s*((?:,(?!\s*{_LEGAL_FORM})|[;&|•·\n])|(?<!\b[ur])/|\s[-–—]\s|\band\b"
    # German, French and Spanish "and" in lower case only: "ET Bureau" (the Economic
    # Times' desk) and "Y Combinator" are names.
    r"|(?-i:\bund\b|\bet\b|\by\b)|\bwith\b)\s*",
    re.IGNORECASE,
)
_CONJUNCTIONS = frozenset({"and", "&", "und", "et", "y", "with"})
# A job title in lower case between "By" and the name: "national science reporter".
ROLE_BEFORE_NAME = (
    r"(?-i:(?:[a-z]+\s+){0,3}(?:reporter|correspondent|editor|writer|producer|journalist)s?)\s+"
)
# "By", "Written by", "Opinion by", "Authors:": the label before the names.
_PREFIX = re.compile(
    r"^(?:(?:(?:written|writing|posted|reported|reporting|story|text|words|published|compiled|opinion"
    r"|analysis|commentary|review|column|essay|perspective|interview|guest\s+post|guest\s+"
    r"column|guest\s+contributions?)\s+)?(?:by|von|par|por)\b[:\s]*"
    # The writer's beat before the name, ABC's house style: "By science reporter Kate Lindsay".
    rf"(?:{ROLE_BEFORE_NAME})?"
    r"|(?:authors?|contributors?|writers?|reporters?|byline|words|text|interview)\s*:\s*"
    # The label without its colon, in an element of its own before the name: "Author OpenAI".
    r"|(?:authors?|author\(s\))\s+(?=(?-i:[A-Z])))+",
    re.IGNORECASE,
)
_TAIL = re.compile(
    r"\s+(?:on|at|in|posted|updated|published)\s+|\s+(?-i:on|at)$",  # "Rob Allard on <time>"
    re.IGNORECASE,
)
_TITLE_WORDS = frozenset(
    {
        "senior", "managing", "executive", "contributing", "deputy", "chief", "associate",
        "special", "assistant", "staff", "editor", "editors", "writer", "reporter",
        "correspondent", "columnist", "contributor", "producer", "analyst", "photographer",
        "director", "intern", "critic",
    }
)  # fmt: skip
_ASIDE = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_EDGES = " \t.,:;-–—|*•·…'\"“”‘’()[]"
# Labels of share buttons, profile links and comment forms, in the languages of
# crawler.core.chrome_patterns' comment forms; a name never holds one as a word.
_UI_WORDS = frozenset(
    {
        "twitter", "facebook", "linkedin", "instagram", "youtube", "tiktok", "pinterest",
        "reddit", "whatsapp", "telegram", "mastodon", "bluesky", "threads", "rss", "email",
        "e-mail", "mail", "share", "follow", "followers", "copied", "copy", "link", "profile",
        "bio", "contact", "subscribe", "more", "view", "all", "posts", "articles", "stories",
        "comments", "comment", "reply", "website", "required", "name", "see", "read", "about",
        "meet", "click", "archive",
    }
)  # fmt: skip
_UI_PHRASE = re.compile(
    r"^(?:姓名|名前|이름|nom|nome|nombre|name|e-?mail|website|url|(?:sign|log)\s?(?:in|up|out))\s*\*?$",
    re.IGNORECASE,
)
_CREDIT = re.compile(r"^(?:image|images|photo|photos|photograph|picture|illustration|credit|"
                     r"source|video|getty|shutterstock|afp photo)\b", re.IGNORECASE)  # fmt: skip
_NOT_A_NAME = re.compile(
    r"^(?:staff|team|admin|administrator|guest|anonymous|unknown|editor|editors|the editors|"
    # A WordPress account shared by outside writers, no one's name (audit 48).
    r"guest\s+(?:author|writer|contributor|post|poster|blogger|columnist)s?|"
    r"user|webmaster|author|authors|contributor|contributors|"
    r"((staff|wire|news|agency|local)\s+)?reports?|(news\s+)?agencies|wires|bureau|desk|online|"
    r"((senior|managing|executive|contributing|staff|deputy|chief|associate|special|"
    r"assistant|political|legal|science|tech|technology|business|sports|culture|news)\s+)*"
    r"(editor|writer|reporter|correspondent|columnist|contributor|producer|analyst|"
    r"photographer|director|intern|critic|bureau chief)s?(\s+in\s+chief|\s+at\s+large)?)$",
    re.IGNORECASE,
)
_ROLE = re.compile(
    r"\b(editor|writer|reporter|correspondent|columnist|producer|analyst|photographer|"
    r"director|intern|professor|founder|ceo|manager|specialist|strategist|officer|secretary|"
    r"president|chair|chairman|chairwoman|spokesperson|spokesman|spokeswoman|coordinator|"
    r"volunteer|lecturer|researcher|scientist|advisor|adviser|cto|cfo|cmo|cpo|svp|evp)s?\b"
    # "Head of Technology and Science", "Global Lead of Research": never "Jane Head".
    r"|^((deputy|global|associate|acting) )?(head|lead) of\b",
    re.IGNORECASE,
)
# An organization, not a person: "NBC News", "Reuters Staff", "Gear Team", "Acme Inc."
_ORGANIZATION = re.compile(
    r"\b(news|staff|team|desk|press|media|newsroom|reporters|editors|editorial|wire|service|"
    r"services|inc|llc|ltd|gmbh|corp|corporation|group|agency|magazine|network|times|post|"
    r"journal|daily|weekly|tribune|herald|radio|tv|television|online|submissions|university|"
    r"institute|sciences|foundation|association|council|committee|company|studio|studios|"
    r"center|centre|society|coalition|alliance|organization|organisation|project|bureau|"
    r"quarterly|monthly|review|gazette|chronicle|digest|observer|bulletin|courier|monitor|"
    r"associated press|reuters|bloomberg"
    # A university's or agency's office: "University Communications", "Media Relations".
    r"|communications|relations|public affairs)\.?$",
    re.IGNORECASE,
)
# Datelines: a place named beside or instead of the writer ("By Jane Doe, London", "UK").
_PLACES = frozenset(
    {
        "uk", "us", "usa", "u.s.", "u.k.", "eu", "uae", "nyc", "london", "paris", "berlin",
        "washington", "brussels", "beijing", "tokyo", "moscow", "new york", "san francisco",
        "los angeles", "chicago", "boston", "seattle", "hong kong", "singapore", "sydney",
        "toronto", "mumbai", "delhi", "new delhi", "dubai", "geneva", "rome", "madrid",
        "frankfurt", "seoul", "england", "scotland", "wales", "ireland", "britain", "europe",
        "asia", "africa", "america", "china", "japan", "india", "germany", "france", "canada",
        "australia", "russia", "ukraine", "israel", "brazil", "mexico",
    }
)  # fmt: skip
# Degrees and post-nominal letters after a name ("Brenda Goodman, MA", "Jane Roe, MD, MPH"):
# split off at the comma, they are not a name of their own.
_CREDENTIALS = frozenset(
    {
        "ma", "mba", "md", "mph", "phd", "msc", "bsc", "ms", "rn", "np", "pa-c", "rd", "rdn",
        "dds", "dmd", "do", "jd", "esq", "cfa", "cpa", "facp", "facs", "lcsw", "mft", "psyd",
        "dvm", "pharmd", "mfa", "edd", "frcp",
    }
)  # fmt: skip


# The beat or desk a job title names before its role word ("Technology reporter", "Health
# and science correspondent", "Washington bureau chief"): not part of the name before it.
_BEATS = frozenset(
    {
        "technology", "tech", "political", "politics", "business", "health", "science",
        "climate", "environment", "environmental", "economics", "economy", "education",
        "sport", "sports", "culture", "arts", "entertainment", "music", "film", "travel",
        "food", "fashion", "legal", "security", "defence", "defense", "diplomatic", "foreign",
        "international", "world", "national", "local", "regional", "investigations",
        "investigative", "data", "digital", "media", "crime", "courts", "weather", "energy",
        "transport", "parliamentary", "royal", "showbiz", "markets", "finance", "financial",
        "property", "motoring", "medical", "global", "religion", "ai", "cyber", "video",
        "audience", "social", "affairs", "home", "community", "bureau", "and", "&",
        "opinion",  # The Hill's "…, opinion contributor" on every op-ed (audit 31)
    }
)  # fmt: skip


_ROLE_PHRASE_WORDS = _BEATS | _TITLE_WORDS | _PLACES


def _is_role_phrase(text: str) -> bool:
    """A job title alone: beat, rank and role words, with a role word among them."""
    words = [word.strip(_EDGES).lower() for word in text.split()]
    words = [word for word in words if word]
    return (
        bool(words)
        and all(word in _ROLE_PHRASE_WORDS or _ROLE.fullmatch(word) for word in words)
        and any(word in _TITLE_WORDS or _ROLE.fullmatch(word) for word in words)
    )


MAX_ROLE_WORDS = 4


def names_a_role(text: str) -> bool:
    """A few words naming a job beside a byline's name: "club secretary", "Staff Writer"."""
    words = [word.strip(_EDGES).lower() for word in text.split()]
    words = [word for word in words if word]
    return 0 < len(words) <= MAX_ROLE_WORDS and any(
        word in _TITLE_WORDS or _ROLE.fullmatch(word) for word in words
    )


def _drop_beat(words: list[str]) -> list[str]:
    """`words` without the beat words at its end, leaving at least a two-word name."""
    while len(words) > 2 and (words[-1].lower() in _BEATS or words[-1].lower() in _PLACES):
        words.pop()
    return words


def _credential_and_more(name: str) -> bool:
    """A degree and words after it ("MBA for Profit Confidential"); a degree alone ("MD")
    is junk and skipped, so a name after it ("Jane Roe, MD, and John Doe") is still read."""
    words = name.split()
    return len(words) > 1 and _is_credential(words[0])


def _is_credential(word: str) -> bool:
    """A degree written as one ("MBA", "Ph.D.", "PharmD"), not a name that spells like one
    ("Ma", "Do")."""
    key = word.replace(".", "")
    return key.lower() in _CREDENTIALS and (key.isupper() or key[-1] == "D")


MAX_NAME_WORDS = 5
MAX_NAME_CHARS = 60


# Credits for work other than the writing, inside a byline block: from the label on, the
# names are a photographer's, an editor's or a fact-checker's ("By Jane Roe. Photographs by
# Lionel Abara", "Medically reviewed by Amy Lin, MD"), or a helper's: "Contributions from
# Tara Lin", "With contributions by …", "Additional contributions: …" credit people who
# added to the story, not its writers (audit 50). Plural or "additional" only: "A guest
# contribution by Jane Roe" names the writer.
_CREDIT_LABEL_WORDS = (
    r"(?:^|(?<=[\s.,;|•·]))(?:(?:(?:additional|further)\s+reporting|(?:medically\s+|fact[-\s]?)?"
    r"(?:reviewed|checked)|fact[-\s]?checked|edited|photos?|photographs?|photography|"
    r"photographed|illustrations?|illustrated|graphics?|design(?:ed)?|video|produced|"
    r"translated|curated|animation|animated|art(?:work)?|images?|visuals?|filmed|directed|"
    r"narrated|modell?ed|styled|styling|hair|make-?up|grooming|nails|set\s+design|props"
    r"|casting|editing|updated)\s+by"
    # Not "Guest contributions by Jane Roe": a guest post's writer (the review).
    r"|(?:with\s+)?(?:additional\s+contributions?|(?<!guest )contributions)"
    r"(?:\s+(?:by|from)\b|\s*:))"
)
_OTHER_CREDIT = re.compile(_CREDIT_LABEL_WORDS + r"(?!\w).*$", re.IGNORECASE)
# A magazine's credit labels, a noun and a colon, and what follows: "Words: Ella Quinn
# Photography: Tomás Ybarra".
_CREDIT_LABEL = re.compile(
    r"(?:^|(?<=[\s.,;|•·/]))(?:photography|photos?|illustrations?|styling|video)\s*:.*$",
    re.IGNORECASE,
)
# A sentence ends a byline part ("By Jane Roe. Photographs by …"), an initial does not
# ("Jane Q. Roe").
_SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.\s+(?=[A-Z])")


# Each credit for other work in a line ("Photographed by Sharokh Mirzai; Styled by Bethie
# Girmai"): the names run to the next credit, sentence or ";".
_CREDITED = re.compile(
    _CREDIT_LABEL_WORDS + r"(?!\w)\s*(?P<names>[^;]+?)(?=\s*(?:;|$))", re.IGNORECASE
)


# An editor's credit by a label in the post's header: "Author: Oleksandr Kolomiets Editor:
# Teah Pelechaty" (a Ghost template's, audit 35), "Copy editor: Ann Lee".
EDITOR_LABEL = re.compile(
    r"(?:^|(?<=[\s.,;|•·]))(?:(?:managing|copy|senior|deputy|news|section)\s+)?editors?\s*:",
    re.IGNORECASE,
)
_EDITOR_CREDIT = re.compile(EDITOR_LABEL.pattern + r".*$", re.IGNORECASE)
_EDITOR_CREDITED = re.compile(
    EDITOR_LABEL.pattern + r"\s*(?P<names>[^;|:]+?)(?=\s*(?:[;|]|\b\w+:|$))", re.IGNORECASE
)


# A credit's label alone, as a template sets it in its own element before the linked name:
# "<span>Reviewed by </span><a>Anand Mehta</a>", "<span>Editor:</span> <a>…</a>".
_CREDIT_LABEL_ONLY = re.compile(
    _CREDIT_LABEL_WORDS + "|" + EDITOR_LABEL.pattern,
    re.IGNORECASE,
)


def is_credit_label(line: str) -> bool:
    """`line` is only a label for other work than the writing, its names elsewhere."""
    return _CREDIT_LABEL_ONLY.fullmatch(" ".join(line.split())) is not None


def credited_names(line: str) -> list[str]:
    """The names `line` credits for work other than the writing."""
    text = _SENTENCE_END.sub("; ", " ".join(line.split()))
    names: list[str] = []
    for match in (*_CREDITED.finditer(text), *_EDITOR_CREDITED.finditer(text)):
        names += names_in(_OTHER_CREDIT.sub("", match.group("names")))
    return names


def other_credit(text: str) -> str:
    """The part of a byline that credits other work ("Photographs by Tobias Lund", "Editor:
    Teah Pelechaty"), or ""."""
    line = " ".join(text.split())
    match = _OTHER_CREDIT.search(line) or _EDITOR_CREDIT.search(line)
    return match.group(0) if match else ""


# A generational suffix after a comma is the name's, not a name of its own: "Lamar Hughes,
# Jr. and J.R. Whitaker" lost the "Jr." (audit 31).
_COMMA_SUFFIX = re.compile(r",\s*((?:Jr|Sr|JR|SR)\.?|II|III|IV)(?=\s*(?:[,;&]|and\b|$))")


# A courtesy title before a name and at least two more words ("Mr Daniel Ruiz", "Dr. Ana
# Weiss", a school's or a university's byline): not part of the name, and "Mrs." and
# "Prof." read as a sentence's end. Before a surname alone ("Mr. Ruiz") it stays.
_HONORIFIC = re.compile(
    r"(?:^|(?<=[\s,;&|/:]))(?:Mr|Mrs|Ms|Mx|Dr|Prof|Professor|MR|MRS|DR|PROF)\b\.?\s+"
    r"(?=[A-Z][\w'’.-]*\s+[A-Z])"
)


def names_in(byline: str) -> list[str]:
    """The candidate names of one byline string, cleaned, in order, junk left out."""
    text = _ASIDE.sub(" ", byline)
    text = _after_inner_by(" ".join(text.split()))
    text = _HONORIFIC.sub("", _without_paired_outlet(text))
    if _is_role_phrase(text):
        return []  # "Health and science reporter": the job title printed under a name
    text = _SENTENCE_END.sub("; ", _CREDIT_LABEL.sub("", _OTHER_CREDIT.sub("", text)))
    text = _COMMA_SUFFIX.sub(r" \1", text)
    text = _WEEKDAY_DATE.sub("", text)
    names: list[str] = []
    affiliation = False  # inside the job title and affiliation after a name
    for part, joined in _parts(text):
        name = clean_name(part)
        if names and _credential_and_more(name):
            break  # "Michael Lombardi, MBA for Profit Confidential": degree and outlet
        if not names and _is_role_phrase(name):
            continue  # "Staff Writer, Jane Doe": the name comes after
        # "Sam Jeffrey, Consumer Tech Reporter": after a comma, words ending in a role are
        # the job title whatever its beat, which no list holds ("Consumer Tech" was a name).
        after_comma_role = names and not joined and ends_in_role(part)
        # "Daniel Ruiz, club advisor": lower-case words after a capitalized name describe
        # the person; a name is capitalized (a list of lower-case handles stays a list).
        described = names and not joined and _lower_case(name) and names[-1][:1].isupper()
        if is_title_line(name) or (names and _is_job_title(name)) or after_comma_role or described:
            if names and joined and _is_person(names[-1]):  # "Jane Doe Health and science
                names[-1] = " ".join(_drop_beat(names[-1].split()))  # reporter"
            # "Jane Doe, Senior Technologist, Speech and Privacy Project"; the job title
            # printed under the name: "Staff Software Engineer, ML Platform" (audit 24).
            affiliation = True
            continue
        if affiliation:
            # Only a person joined by "and" ends it: "Jane Doe, Chief Economics
            # Correspondent, and Sam Roe"; "Privacy Project" is the affiliation's.
            if not (joined and name[:1].isupper() and person_shaped(name) and not is_junk(name)):
                continue
            affiliation = False
        if name and not joined and is_organization(name) and any(map(_is_person, names)):
            continue  # "Jane Doe, CNN", "Jane Doe/Reuters": where the person works
        if name and not is_junk(name) and name not in names:
            names.append(name)
    return names


def _lower_case(name: str) -> bool:
    """Words, none of them capitalized: a description ("club advisor"), not a name."""
    return any(c.isalpha() for c in name) and name == name.lower()


# The words of a company's job titles before the role ("Staff Software Engineer",
# "Principal Machine Learning Engineer", "Developer Relations Lead").
_FIELD_WORDS = frozenset(
    {"software", "engineering", "research", "product", "marketing", "communications",
     "program", "programme", "principal", "vice", "general", "group", "distinguished",
     "machine", "learning", "ml", "platform", "infrastructure", "developer", "relations",
     "solutions", "technical", "applied", "systems", "lead", "head"}
)  # fmt: skip
# The roles such titles end in, beside _ROLE's; only there, since "Developer" and
# "Designer" are words of headings and product names too ("Firefox Developer Edition").
_COMPANY_ROLES = frozenset(
    {"engineer", "engineers", "developer", "developers", "designer", "designers",
     "architect", "consultant"}
)  # fmt: skip


def ends_in_role(text: str) -> bool:
    """Words that end in a newsroom's or a company's role: "Local Democracy Reporter"."""
    words = text.split()
    return bool(words) and _ends_in_role(words)


def _ends_in_role(words: list[str]) -> bool:
    last = words[-1].strip(_EDGES).lower()
    return last in _TITLE_WORDS or last in _COMPANY_ROLES or bool(_ROLE.fullmatch(last))


def is_title_line(text: str) -> bool:
    """A job title alone, ending in its role ("Staff Software Engineer", "Engineering
    Manager"), not a name before or after one ("Jane Roe Software Engineer")."""
    words = [word.strip(_EDGES).lower() for word in text.split()]
    last = words[-1] if words else ""
    if not (last in _TITLE_WORDS or last in _COMPANY_ROLES or _ROLE.fullmatch(last)):
        return False
    return all(
        word in _ROLE_PHRASE_WORDS or word in _FIELD_WORDS or _ROLE.fullmatch(word)
        for word in words[:-1]
    )


def _parts(text: str):
    """(part, joined) for each part of a byline: joined when a conjunction put it in the
    list ("Jane Doe and Gear Team"), so an organization there is a co-author; after a
    comma, a slash or run into the name ("JANE DOE Associated Press") it is the outlet
    the person writes for, which is not an author when a person is named (issue 13:
    people, or the organization when no person is named)."""
    pieces = _SPLIT.split(text)
    for index in range(0, len(pieces), 2):
        separator = pieces[index - 1].strip().lower() if index else "and"
        for position, piece in enumerate(_name_and_outlet(pieces[index])):
            # "Lena Krause with Reuters": an organization after "with" is the source.
            yield piece, separator in _CONJUNCTIONS and separator != "with" and not position


def _is_person(name: str) -> bool:
    return not is_organization(name)


# News agencies by the names their credits print.
WIRE_AGENCIES = (
    "AP", "Reuters", "AFP", "Bloomberg", "UPI", "PTI", "ANI", "IANS", "Xinhua", "Yonhap",
    "Kyodo", "Bernama", "PA", "dpa", "EFE", "ANSA", "AAP", "CP", "CNA", "Anadolu", "TASS",
)  # fmt: skip
# The same agencies by their full names, as a JSON-LD author list spells them.
_WIRE_NAMES = frozenset(
    {name.lower() for name in WIRE_AGENCIES} | {
        "associated press", "agence france-presse", "agence france presse", "thomson reuters",
        "bloomberg news", "united press international", "press trust of india", "kyodo news",
        "press association", "pa media", "australian associated press", "canadian press",
        "anadolu agency", "xinhua news agency", "yonhap news agency",
    }
)  # fmt: skip


def is_wire_agency(name: str) -> bool:
    """ "AP", "The Associated Press", "Agence France-Presse": a news agency, by name."""
    key = " ".join(name.lower().replace(".", "").split())
    return key.removeprefix("the ") in _WIRE_NAMES


# Not "Bloomberg", a surname too ("Mary Ellen Bloomberg").
_GLUED_AGENCIES = frozenset(WIRE_AGENCIES) - {"Bloomberg"}
# "JANE DOE Associated Press": an all-caps name run into its outlet, as wire copy prints it.
_CAPS_THEN_WORDS = re.compile(r"((?:[A-Z][A-Z.'’-]+\s+)+[A-Z][A-Z.'’-]+)\s+([A-Z][a-z].*)")
# "Jane Doe For Dailymail.com", "Ana Ruiz for The Guardian": a writer for an outlet.
_FOR_OUTLET = re.compile(r"(.+?)\s+for\s+\S.*", re.IGNORECASE)


def _name_and_outlet(part: str) -> list[str]:
    """A byline part split into the person and the outlet run into it, when it is one:
    the person first, then the outlet when a comma would have separated it (an all-caps
    name before it), none after "for". Otherwise the part itself."""
    part = _PREFIX.sub("", part.strip())
    caps = _CAPS_THEN_WORDS.fullmatch(part)
    person = clean_name(caps.group(1)) if caps else ""
    if caps and is_organization(caps.group(2)) and person_shaped(person) and not is_junk(person):
        return [caps.group(1), caps.group(2)]
    outlet = _FOR_OUTLET.fullmatch(part)
    if outlet and person_shaped(outlet.group(1)):
        return [outlet.group(1)]
    # "Nguyễn Thị Hoa AFP": the reporter's and the agency's spans with a space between
    # them (audit 26).
    *name, last = part.split() or [""]
    if len(name) >= 2 and last in _GLUED_AGENCIES and person_shaped(" ".join(name)):
        return [" ".join(name), last]
    return [part]


def person_shaped(name: str) -> bool:
    """Two to four words, each capitalized but for particles ("Ana de la Cruz"), not an
    organization."""
    words = name.split()
    return (
        2 <= len(words) <= 4
        and all(word[0].isupper() or word in PARTICLES for word in words)
        and not is_organization(name)
    )


def _is_job_title(name: str) -> bool:
    words = name.lower().split()
    return bool(words) and (words[0] in _TITLE_WORDS or bool(_ROLE.search(name)))


def _after_inner_by(text: str) -> str:
    """ "January 17, 2017 at 6:08 PM by Kori Schulman": the byline is after the "by"."""
    match = re.search(r"\s(?:by|von|par|por)\s+(?=\S)", text, re.IGNORECASE)
    if match and not _PREFIX.match(text) and re.search(r"\d", text[: match.start()]):
        return text[match.end() :]
    return text


def clean_name(part: str) -> str:
    raw = part.strip()
    part = _PREFIX.sub("", part.strip(_EDGES))
    part = _DATE_TAIL.sub("", _TAIL.split(part)[0])
    abbreviated = _ABBREVIATED_END.search(part.rstrip()) or _ABBREVIATED_END.search(raw)
    words: list[str] = []
    split = part.split()
    for index, word in enumerate(split):
        if _is_channel_number(word, index, split):
            words.append(word)
            continue
        word = re.sub(r"(?<=[^\W\d_])\d+$", "", word)  # a counter glued on: "Brazil0"
        key = word.lower().strip(_EDGES)
        if key in _UI_WORDS or "@" in word:
            break  # "Sarah Lazare Twitter", "Steven Shepard Link Copied", an e-mail, a handle
        if key == "staff" and index == len(split) - 1 and _newsroom_account(words):
            # A newsroom's account, "Nation Web Staff", "KTLA Digital Staff": the whole
            # name, an organization. Cut to "Nation Web", a person's shape, it was the
            # author over the byline the page prints (audit 23).
            words.append(word)
            break
        if key in _TITLE_WORDS and len(words) >= 2:
            _drop_beat(words)  # "Jane Doe Technology reporter": the beat is the title's
            break  # "Sam Stein Senior Politics Editor": the job title after the name
        if re.search(r"\d", word):
            continue
        words.append(word)
    # A title in _TITLE_WORDS was cut above ("Staff" ends a newsroom's account); a name
    # longer than a name and its title is junk, not searched.
    glued_title = 2 <= len(words) <= MAX_NAME_WORDS + 4 and words[-1].lower() not in _TITLE_WORDS
    if glued_title and _ends_in_role(words) and not is_title_line(" ".join(words)):
        for start in range(1, len(words)):  # the longest title: "Laura Vice President"
            title = words[start:]
            if (start > 1 or len(title) > 1) and is_title_line(" ".join(title)):
                del words[start:]  # "Jane Roe Software Engineer"
                break
    name = " ".join(words).strip(_EDGES)
    if abbreviated and name.endswith(abbreviated[1]):
        name += "."  # "Dave R.", "Martin Luther King Jr.": the stop is the name's
    return _uncapitalized(_undoubled(name))


# The words a newsroom's account puts before "Staff": "Nation Web Staff", "KTLA Digital
# Staff", "Sun Times Staff"; "Jane Doe Staff" is a person and her job.
_ACCOUNT_WORDS = frozenset(
    {"web", "digital", "online", "news", "newsroom", "editorial", "sports", "metro", "local",
     "wire", "times", "post", "herald", "tribune", "journal", "daily", "press", "media", "tv",
     "radio", "desk"}
)  # fmt: skip


def _newsroom_account(words: list[str]) -> bool:
    return len(words) >= 2 and any(
        word.lower() in _ACCOUNT_WORDS or (word.isupper() and len(word) >= 3) for word in words
    )


# A stop that is the name's: an initial, "Jr.", and a company's legal form ("Verity
# Compute, Inc." is how the release names its issuer; audit 34).
_ABBREVIATED_END = re.compile(r"[\s,]([A-Z]|Jr|Sr|JR|SR|Inc|Corp|Co|Ltd|Bros)\.$")


_CLOCK_WORDS = frozenset({
    "am", "pm", "a.m", "p.m", "et", "est", "edt", "pt", "pst", "pdt", "ct", "cst", "cdt", "mt",
    "gmt", "utc", "bst", "ist", "cet", "cest", "aest", "jst", "kst", "sgt", "hkt", "hours",
    "hrs", "mins", "minutes", "days",
})  # fmt: skip


def _is_channel_number(word: str, index: int, words: list[str]) -> bool:
    """A number that is part of a newsroom's name: "Channel 4 News", "NBC 7 San Diego"
    (before a capitalised word), "France 24" (after one word). Not a count after a name
    ("Jane Doe 12"), nor a date's or a time's digits."""
    if not (word.isdigit() and len(word) <= 3) or index == 0:
        return False
    if not words[index - 1][:1].isupper() or not words[index - 1].isalpha():
        return False  # "2025 10 AM", "June 5, 12 comments"
    if index + 1 < len(words):
        after = words[index + 1]
        return after[:1].isupper() and after.lower().strip(".,") not in _CLOCK_WORDS
    return index == 1


# Surname first, as Dublin Core and Highwire's citation tags write a person ("Kooman, F.",
# "Jong, Michiel de"): one word (or a particle and one word) before the only comma, given
# names or initials after it. "Jane Doe, John Roe" is two names and stays two.
_UPPER = "A-ZÀ-ÖØ-Þ"
_SURNAME = rf"(?:[a-z]{{1,3}}\s+)?[{_UPPER}][\w'’-]+"
_GIVEN = rf"[{_UPPER}](?:\.|\b|[^\W\d_{_UPPER}][\w'’-]*\.?)(?:\s*\b[\w'’.-]+){{0,3}}"
_INVERTED = re.compile(rf"({_SURNAME}),\s*({_GIVEN})")


def uninverted(value: str) -> str:
    """ "Kooman, F." as "F. Kooman" and "Jong, Michiel de" as "Michiel de Jong": a name
    from a field that puts the surname first; anything else as it is."""
    match = _INVERTED.fullmatch(" ".join(value.split()).strip(" ;"))
    if not match or _is_job_title(match.group(2)) or _ROLE.search(match.group(2)):
        return value  # "Roe, Senior Editor": a name and a job title
    return f"{match.group(2).strip()} {match.group(1)}"


def _uncapitalized(name: str) -> str:
    """ "JANE O'NEIL" as "Jane O'Neil": an all-caps byline's person, not an acronym ("AFP",
    "BBC News" stay as written), nor a newsroom with a number ("FRANCE 24")."""
    if len(name.split()) < 2 or not name.isupper() or is_organization(name):
        return name
    if any(word.isdigit() for word in name.split()):
        return name
    return name.title()


def _undoubled(name: str) -> str:
    """ "Confreaks Confreaks": a name printed twice (visible and screen-reader text)."""
    words = name.split()
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    return name


# Lower-case words a person's or an organization's name may hold ("Ana de la Cruz",
# "Friends of the Earth").
PARTICLES = frozenset(
    {
        "de", "del", "della", "van", "von", "der", "den", "ter", "da", "das", "dos", "di", "du",
        "la", "le", "el", "bin", "bint", "ibn", "zu", "af", "y", "e", "of", "the", "for", "and",
        "on", "in", "at", "&",
    }
)  # fmt: skip


def is_phrase(name: str) -> bool:
    """Capitalized and lower-case words mixed: a phrase ("Verizon hooking up", "Create new
    account"), not a name, when it comes from the page's text. A name the page declares
    in its metadata may be one ("Contributors to Wikimedia projects"); all lower case is a
    chosen spelling or a handle."""
    words = name.split()
    capitalized = [word[0].isupper() for word in words if word not in PARTICLES]
    return len(words) > 1 and any(capitalized) and not all(capitalized)


# The generic words of a newspaper's name. One alone is no one's name ("Press" left from
# "Courier & Press"); a brand ("Reuters", "Bloomberg") is not among them.
_OUTLET_WORDS = frozenset(
    {
        "press", "news", "media", "times", "post", "journal", "daily", "weekly", "courier",
        "herald", "tribune", "gazette", "chronicle", "observer", "bulletin", "monitor",
        "democrat", "republican", "sentinel", "examiner", "register", "star", "ledger",
        "dispatch", "record", "telegraph", "independent", "standard", "mirror", "express",
    }
)  # fmt: skip
# A paper named "X & Y" after the byline's names: "By Marisol Vega and Derek Lund Courier &
# Press", "Jane Doe, Post & Courier". Its "&" read as a list: "Press" became an author.
_PAIRED_OUTLET = re.compile(r"(?:,\s*|\s+)(?P<first>[A-Z][a-z]+) & (?P<second>[A-Z][a-z]+)\s*$")


def _without_paired_outlet(text: str) -> str:
    paired = _PAIRED_OUTLET.search(text)
    if paired and {paired["first"].lower(), paired["second"].lower()} & _OUTLET_WORDS:
        return text[: paired.start()]
    return text


def is_junk(name: str) -> bool:
    if not re.search(r"[^\W\d_]", name) or "@" in name or "://" in name or "*" in name:
        return True
    if len(name) > MAX_NAME_CHARS or len(name.split()) > MAX_NAME_WORDS:
        return True
    if name.lower() in _OUTLET_WORDS:
        return True
    if _NOT_A_NAME.match(name) or _UI_PHRASE.match(name) or _CREDIT.match(name):
        return True
    if name.split()[0].lower() in _TITLE_WORDS:
        return True
    if _DESCRIPTION.match(name):
        return True
    if name.split()[-1] in _TRAILING_FUNCTION_WORDS:
        return True  # "Letters to the", left of "Letters to the Editor" (audit 26)
    if all(word.replace(".", "").lower() in _CREDENTIALS for word in name.split()):
        return True
    if name.lower() in _PLACES or _looks_like_domain(name):
        return True
    return bool(_ROLE.search(name)) and not _ORGANIZATION.search(name)


# A description after the name, an article and a common noun: "Leo Marchetti, a freelance
# developer in Bristol" (audit 40). Not a team's name, "the Verge Team".
_DESCRIPTION = re.compile(r"(a|an|the) [a-z]")
_TRAILING_FUNCTION_WORDS = frozenset({"the", "to", "of", "for", "and", "a", "an", "by", "from"})


def is_organization(name: str) -> bool:
    """A newsroom, wire service or company rather than a person: an organization word at
    the end, a single word ("Reuters", "AFP"), "The" first ("The Ledger"), or an
    institution's word that starts it or is followed by "of" ("University of Colorado
    Boulder", "Georgia Institute of Technology")."""
    words = name.split()
    return (
        bool(_ORGANIZATION.search(name))
        or len(words) == 1
        or words[0] in ("The", "THE")
        or _ACRONYM_FIRST.match(name) is not None
        or _INSTITUTION.search(name) is not None
    )


# An institution's word, capitalised, first in a longer name or before "of"/"for" ("School
# of Medicine"), or last. As a person's first name these words do not occur, and "Jane
# College" or "Ana Hospital" as a surname is rare enough next to the universities and
# hospitals that bylines name after their writers.
_INSTITUTION_WORD = (
    r"(University|College|Institute|Laboratory|School|Hospital|Foundation|Center|Centre|"
    r"Department|Ministry|Agency|Council|Association|Society)"
)
_INSTITUTION = re.compile(
    rf"^{_INSTITUTION_WORD}\s+\S|\b{_INSTITUTION_WORD}\s+(of|for)\s+[A-Z]|\s{_INSTITUTION_WORD}$"
)


# "CNN Business", "BBC Sport", "NPR Politics": an acronym and a word in lower case after it.
# Two capitals may be a person's initials ("AJ Jacobs"); an all-caps name is all caps.
_ACRONYM_FIRST = re.compile(r"[A-Z]{3,5}\s+[A-Z][a-z]")


def _looks_like_domain(value: str) -> bool:
    return bool(re.fullmatch(r"(www\.)?[\w-]+(\.[\w-]+)*\.[a-z]{2,6}", value.strip(), re.I))
