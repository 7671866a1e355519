"""Actor mentions: armed groups, states, state agencies, official roles and named persons.

Four sources, in order of trust, and where two overlap the more trusted wins:

1. the registry's aliases anywhere in the text (this corrects spaCy, which tags "Islamic" alone as
   NORP in "The Islamic State" and some groups as PERSON); ambiguous aliases ("IS", "Washington")
   count only where the party acts or is acted upon ("IS claimed", "blamed Washington");
2. spaCy PERSON entities, as individuals; a bare surname takes the full name used elsewhere;
3. official-role phrases ("Iranian officials", "police", "the interior ministry", "Islamist militants");
4. spaCy ORG entities, country names (GPE) where the country acts rather than locates
   ("blamed the U.S.", not "in the U.S." nor "a U.S. drone"), and plural NORP ("Kurds").

Every `Actor` is one mention: its evidence is the exact surface span.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..model import Actor, Article
from .pipeline import component
from .registry import ActorEntry, AliasMatch, Registry, fold, load_registry

# Role nouns and the kind of party they name. Plural militant nouns count only with a modifier.
ROLE_KINDS = {
    "officials": "group", "official": "group", "authorities": "group", "leaders": "group",
    "spokesman": "group", "spokeswoman": "group", "spokesperson": "group", "sources": "group",
    "police": "state_agency", "police force": "state_agency", "army": "state_agency",
    "military": "state_agency", "government": "state_agency", "governments": "state_agency", "administration": "state_agency",
    "ministry": "state_agency", "security forces": "state_agency", "security services": "state_agency",
    "prosecutors": "state_agency", "investigators": "state_agency", "intelligence services": "state_agency",
    "intelligence agency": "state_agency", "troops": "state_agency", "regime": "state_agency",
    "interior ministry": "state_agency", "foreign ministry": "state_agency", "defence ministry": "state_agency",
    "defense ministry": "state_agency", "cabinet": "state_agency",
}
MILITANT_NOUNS = (
    "militants", "insurgents", "extremists", "rebels", "gunmen", "fighters", "jihadists", "separatists",
    "guerrillas", "guerrilas", "terrorists", "radicals", "militiamen",
)
# Lower-case words that may qualify a role noun ("senior security officials", "local police").
ROLE_MODIFIERS = (
    "senior", "local", "top", "federal", "state", "provincial", "district", "regional", "national", "security",
    "government", "intelligence", "military", "police", "foreign", "interior", "defence", "defense", "justice",
    "home", "counter-terrorism", "counterterrorism", "anti-terrorism", "law enforcement", "army", "islamist",
    "jihadist", "separatist", "maoist",
)
# The state a role phrase belongs to, by its first word: "Ukraine's foreign ministry", "Iranian officials".
DEMONYMS = {
    "american": "United States", "u.s.": "United States", "us": "United States", "british": "United Kingdom",
    "uk": "United Kingdom", "russian": "Russia", "ukrainian": "Ukraine", "iranian": "Iran", "israeli": "Israel",
    "chinese": "China", "turkish": "Turkey", "pakistani": "Pakistan", "indian": "India", "french": "France",
    "german": "Germany", "afghan": "Afghanistan", "iraqi": "Iraq", "syrian": "Syria", "saudi": "Saudi Arabia",
    "egyptian": "Egypt", "lebanese": "Lebanon", "somali": "Somalia", "nigerian": "Nigeria", "yemeni": "Yemen",
    "sudanese": "Sudan", "palestinian": "Palestine", "colombian": "Colombia", "peruvian": "Peru",
    "mexican": "Mexico", "belgian": "Belgium", "spanish": "Spain", "georgian": "Georgia", "libyan": "Libya",
    "malian": "Mali", "kenyan": "Kenya", "ethiopian": "Ethiopia", "mozambican": "Mozambique",
    "congolese": "DR Congo", "philippine": "Philippines", "filipino": "Philippines", "bangladeshi": "Bangladesh",
    "sri lankan": "Sri Lanka", "jordanian": "Jordan", "qatari": "Qatar", "emirati": "United Arab Emirates",
    "azerbaijani": "Azerbaijan", "armenian": "Armenia", "burkinabe": "Burkina Faso", "nigerien": "Niger",
    "chadian": "Chad", "cameroonian": "Cameroon", "burmese": "Myanmar", "indonesian": "Indonesia",
    "japanese": "Japan", "north korean": "North Korea", "south korean": "South Korea", "algerian": "Algeria",
    "tunisian": "Tunisia", "moroccan": "Morocco", "ugandan": "Uganda", "rwandan": "Rwanda", "swedish": "Sweden",
    "irish": "Ireland", "canadian": "Canada", "australian": "Australia", "nepalese": "Nepal", "thai": "Thailand",
    "italian": "Italy", "greek": "Greece", "belarusian": "Belarus", "eritrean": "Eritrea", "bahraini": "Bahrain",
    "tajik": "Tajikistan", "uzbek": "Uzbekistan", "kazakh": "Kazakhstan", "norwegian": "Norway",
    "danish": "Denmark", "dutch": "Netherlands", "austrian": "Austria", "swiss": "Switzerland",
}
AGENCY_WORDS = frozenset({"police", "army", "military", "government", "ministry", "security", "intelligence"})
# Platforms spaCy tags as ORG: channels of a statement, not parties to it.
PLATFORM_NAMES = frozenset({"telegram", "twitter", "facebook", "youtube", "whatsapp", "instagram", "tiktok", "x"})
# A country is not acting when it follows these ("in Iran", "of Lebanon").
LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|(?<!finger\s)at|near|from|into|across|throughout|of|outside|inside|within|around|over|via|through|"
    r"towards?|visit(?:ed|ing|s)?|across|entered|fled|left|returned)\s+(?:the\s+)?$",
    re.I,
)
POSSESSIVE_AFTER = re.compile(r"^['’]s?\b")
POSSESSIVE_TAIL = re.compile(r"['’]s?$")
# Context that lets an ambiguous alias ("IS", "Washington") count: it acts, or is acted upon.
ACTS_AFTER = re.compile(
    r"\s*(?:(?:has|have|had|was|were|is|also|later|then|quickly|swiftly|itself|which|who|[a-z]+ly|,)\s+)*"
    r"(?:claim|said|says|say|blame|accus|deni|deny|condemn|reject|warn|vow|threat|announc|insist|"
    r"admit|took|take|carr|launch|stag|attack|kill|behind|responsib|militant|fighter|group|jihadist|"
    r"member|supporter|affiliate|loyalist|spokes|leader|commander|gunm|operative|insurgent|cell)",
    re.I,
)
ACTED_UPON_BEFORE = re.compile(
    r"\b(?:by|blam\w*|accus\w*|against|on|finger\s+at)\s+(?:both\s+)?(?:the\s+)?$",
    re.I,
)
# spaCy tags headline fragments ("Iran Bombings") and photo credits as ORG.
NOT_A_PARTY = re.compile(
    r"\b(?:attacks?|bombings?|blasts?|explosions?|shootings?|killings?|massacre|photo|file)$|/", re.I
)
TITLE_AFTER = re.compile(
    r"\s+(?:Minister|Ministers|Secretary|Director|Chief|President|Spokesman|Spokeswoman|Commissioner)\b"
)
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "van", "von", "de", "da", "der"})

PRIORITY_REGISTRY, PRIORITY_PERSON, PRIORITY_ROLE, PRIORITY_ENTITY = 0, 1, 2, 3


@dataclass
class _Candidate:
    actor: Actor
    priority: int

    @property
    def length(self) -> int:
        return self.actor.evidence.end - self.actor.evidence.start


@lru_cache(maxsize=1)
def _role_pattern() -> re.Pattern:
    heads = sorted([*ROLE_KINDS, *MILITANT_NOUNS], key=len, reverse=True)
    modifiers = sorted(ROLE_MODIFIERS, key=len, reverse=True)
    return re.compile(
        r"(?<![\w-])(?P<det>(?:the|a|an|some|several|two|three|many|other)\s+)?"
        r"(?P<caps>(?-i:(?:[A-Z](?:[\w'’-]|\.(?=\w))*(?:(?<=\.\w)\.)?[ \t]+){0,3}))"
        r"(?P<low>(?:(?:%s)[ \t]+){0,3})"
        r"(?P<head>%s)\Z" % ("|".join(map(re.escape, modifiers)), "|".join(map(re.escape, heads))),
        re.I,
    )


@lru_cache(maxsize=1)
def _head_words() -> tuple[str, ...]:
    """The last word of every role head: where a role phrase can end."""
    return tuple(sorted({head.split()[-1] for head in (*ROLE_KINDS, *MILITANT_NOUNS)}))


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Folded country names (pycountry's name, common and official names) -> display name."""
    import pycountry

    names: dict[str, str] = {}
    for country in pycountry.countries:
        display = getattr(country, "common_name", None) or country.name
        for name in (country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)):
            if name:
                names.setdefault(fold(name), display)
    return names


class _Tokens:
    """Token lookups by character offset in a spaCy Doc."""

    def __init__(self, doc) -> None:
        from spacy.attrs import IDX

        self.doc = doc
        self.starts = doc.to_array([IDX]).ravel().tolist() if doc is not None and len(doc) else []

    def after(self, pos: int):
        i = bisect.bisect_left(self.starts, pos)
        return self.doc[i] if i < len(self.starts) else None

    def at(self, pos: int):
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.doc[i] if i >= 0 else None


def find_actors(article: Article, registry: Registry) -> list[Actor]:
    """Every actor mention in the article, in text order, without overlaps."""
    tokens = _Tokens(article.doc)
    candidates = [
        *_registry_candidates(article, registry, tokens),
        *_entity_candidates(article, registry, tokens),
        *_role_candidates(article, tokens),
        *_compound_candidates(article, registry),
    ]
    actors = _without_overlaps(candidates)
    return _complete_surnames(actors)


def _registry_candidates(article: Article, registry: Registry, tokens: _Tokens) -> Iterator[_Candidate]:
    text = article.text
    matches = list(registry.find_in_doc(article.doc, text) if article.doc is not None else registry.find(text))
    named = {match.entry.id for match in matches if not match.ambiguous}
    for match in matches:
        entry = _resolved(text, match, named)
        if entry is None or entry.kind == "state" and not _acts_as_state(text, match.start, match.end, tokens):
            continue
        parent = registry.get(entry.parent)
        actor = Actor(
            name=entry.name,
            evidence=article.span(match.start, match.end),
            kind=entry.kind,
            actor_id=entry.id,
            parent=parent.name if parent else None,
        )
        yield _Candidate(actor, PRIORITY_REGISTRY)


def _resolved(text: str, match: AliasMatch, named: set[str]) -> ActorEntry | None:
    """The entry an alias stands for; an ambiguous alias needs its full name elsewhere in the
    article ("Awami National Party (ANP)") or a role in its sentence ("IS claimed")."""
    if not match.ambiguous:
        return match.entry
    for entry in match.entries:
        if entry.id in named:
            return entry
    return match.entry if _in_role(text, match.start, match.end) else None


def _in_role(text: str, start: int, end: int) -> bool:
    """An ambiguous alias counts only as a speaker, agent or target: "IS claimed", "blamed Washington"."""
    if text[start:end].isupper() and _caps_context(text, start, end):
        return False
    return bool(ACTS_AFTER.match(text, end) or ACTED_UPON_BEFORE.search(text[max(0, start - 30):start]))


def _caps_context(text: str, start: int, end: int) -> bool:
    """True inside an all-capitals headline, where "IS" may be the verb."""
    words = re.findall(r"[A-Za-z]{2,}", text[max(0, start - 25):start] + " " + text[end:end + 25])
    return bool(words) and sum(word.isupper() for word in words) * 2 > len(words)


def _acts_as_state(text: str, start: int, end: int, tokens: _Tokens) -> bool:
    """A country acts ("Israel denied", "blamed the U.S.") unless it locates or modifies."""
    if LOCATIVE_BEFORE.search(text[max(0, start - 25):start]) or POSSESSIVE_AFTER.match(text[end:end + 3]):
        return False
    following = tokens.after(end)
    return following is None or following.idx > end + 1 or following.pos_ not in ("NOUN", "PROPN", "NUM")


def _entity_candidates(article: Article, registry: Registry, tokens: _Tokens) -> Iterator[_Candidate]:
    if article.doc is None:
        return
    for ent in article.doc.ents:
        start, end = _trim(article.text, ent.start_char, ent.end_char)
        if end <= start:
            continue
        candidate = _entity_candidate(article, registry, tokens, ent.label_, start, end)
        if candidate is not None:
            yield candidate


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a leading "the", a trailing possessive and surrounding spaces or punctuation."""
    surface = text[start:end]
    lead = re.match(r"^(?:\s|the\s+|The\s+|[(\"“])*", surface).end()
    tail = re.search(r"(?:['’]s?|[\s(),\"”])*$", surface[lead:]).start()
    return start + lead, start + lead + tail


def _entity_candidate(
    article: Article, registry: Registry, tokens: _Tokens, label: str, start: int, end: int
) -> _Candidate | None:
    surface = article.text[start:end]
    if "\n" in surface or not any(c.isupper() for c in surface):
        return None
    if label == "PERSON":
        return _Candidate(Actor(surface, article.span(start, end), kind="individual"), PRIORITY_PERSON)
    if label == "ORG" and _is_party_name(article.text, start, end):
        return _org_candidate(article, registry, start, end)
    if label == "GPE":
        return _country_candidate(article, tokens, start, end)
    if label == "NORP":
        return _norp_candidate(article, tokens, start, end)
    return None


def _org_candidate(article: Article, registry: Registry, start: int, end: int) -> _Candidate:
    surface = article.text[start:end]
    entry = registry.lookup(surface)
    if entry is None:
        return _Candidate(Actor(surface, article.span(start, end), kind="organization"), PRIORITY_ENTITY)
    actor = Actor(entry.name, article.span(start, end), kind=entry.kind, actor_id=entry.id)
    return _Candidate(actor, PRIORITY_ENTITY)


def _is_party_name(text: str, start: int, end: int) -> bool:
    """Not a platform ("Telegram"), a headline fragment ("Iran Bombings") nor a title ("Interior Minister")."""
    surface = text[start:end]
    return fold(surface) not in PLATFORM_NAMES and not NOT_A_PARTY.search(surface) and not TITLE_AFTER.match(text, end)


def _country_candidate(article: Article, tokens: _Tokens, start: int, end: int) -> _Candidate | None:
    name = _country_names().get(fold(article.text[start:end]))
    if name is None or not _acts_as_state(article.text, start, end, tokens):
        return None
    return _Candidate(Actor(name, article.span(start, end), kind="state"), PRIORITY_ENTITY)


def _norp_candidate(article: Article, tokens: _Tokens, start: int, end: int) -> _Candidate | None:
    """A plural NORP used as a noun ("the Kurds", "Houthis") is a party; "Iranian" alone is not."""
    token = tokens.at(end - 1)
    following = tokens.after(end)
    modifies = following is not None and following.pos_ in ("NOUN", "PROPN")
    if token is None or token.tag_ not in ("NNPS", "NNS") or modifies:
        return None
    surface = article.text[start:end]
    return _Candidate(Actor(surface, article.span(start, end), kind="group"), PRIORITY_ENTITY + 1)


# Group names built with a linking particle after a word for army, movement, party or front, as in Urdu
# and Arabic: "Jaish-e-Fursan-e-Muhammad", "Tehreek-i-Jihad Pakistan", "Harkat-ul-Mujahideen". spaCy splits them at the hyphens and its entity
# recogniser keeps a part ("Muhammad"); the whole name is one party, with a country name after it.
COMPOUND_NAME = re.compile(
    r"\b(?:Jaish|Jaysh|Lashkar|Tehreek|Tehrik|Tahreek|Tahrik|Harkat|Harakat|Hizb|Jamaat|Jamiat|Ansar|Sipah|Jund|"
    r"Tanzeem|Tanzim|Ittehad|Ittihad|Majlis|Jabhat|Kataib|Saraya|Liwa|Fidayeen|Jamaat|Markaz|Hezb|Junud)"
    r"(?:-(?:e|i|ul|al|ud|ut|ur|us|as|ad|ash|at|az|el|il|ush)-[A-Za-z][a-z]+)+"
    r"(?:\s+(?:Pakistan|Afghanistan|Kashmir|Hind|Islami|Islamia|Muhammadi)\b)?")


def _compound_candidates(article: Article, registry: Registry) -> Iterator[_Candidate]:
    for match in COMPOUND_NAME.finditer(article.text):
        if "\n" in match.group():
            continue
        entry = registry.lookup(match.group())
        actor = Actor(entry.name if entry else match.group(), article.span(match.start(), match.end()),
                      kind=entry.kind if entry else "organization", actor_id=entry.id if entry else None)
        yield _Candidate(actor, PRIORITY_REGISTRY)  # as sure as a registry name, and longer than its parts


def _role_candidates(article: Article, tokens: _Tokens) -> Iterator[_Candidate]:
    """Role phrases, found from their head word back: the lower-cased text is searched for heads first."""
    pattern = _role_pattern()
    for head_end in _head_ends(article.text):
        match = pattern.search(article.text, max(0, head_end - 120), head_end)
        candidate = _role_candidate(article, tokens, match) if match else None
        if candidate is not None:
            yield candidate


def _head_ends(text: str) -> list[int]:
    """Where a role head word ends, as a whole word."""
    lower = text.lower()
    ends = set()
    for word in _head_words():
        pos = lower.find(word)
        while pos != -1:
            end = pos + len(word)
            if _whole_word(lower, pos, end):
                ends.add(end)
            pos = lower.find(word, end)
    return sorted(ends)


def _whole_word(text: str, start: int, end: int) -> bool:
    before_ok = start == 0 or not text[start - 1].isalnum()
    return before_ok and (end == len(text) or not (text[end].isalnum() or text[end] == "-"))


def _role_candidate(article: Article, tokens: _Tokens, match: re.Match) -> _Candidate | None:
    head = match.group("head").lower()
    if match.group("head")[0].isupper() and re.match(r"\s+[A-Z]", article.text[match.end():match.end() + 3]):
        return None  # "Police Liaison Committee": part of a name
    start = _first_kept_modifier(article.text, tokens, match)
    if head in MILITANT_NOUNS and start == match.start("head"):
        return None  # "militants" alone names nobody
    if head in ("official", "spokesman", "spokeswoman", "spokesperson") and _names_follow(article.text, match.end()):
        return None  # "police spokesman Zafar Khan": the person is the actor
    surface = article.text[start:match.end()]
    words = set(re.findall(r"[a-z]+", surface.lower()))
    kind = "state_agency" if words & AGENCY_WORDS and head not in MILITANT_NOUNS else ROLE_KINDS.get(head, "group")
    parent = _state_of(surface) if head not in MILITANT_NOUNS else None
    return _Candidate(Actor(surface, article.span(start, match.end()), kind=kind, parent=parent), PRIORITY_ROLE)


def _state_of(surface: str) -> str | None:
    """The state a role phrase names as its own: "Ukraine's foreign ministry", "Iranian officials", "U.S. officials"."""
    words = surface.split()
    if len(words) < 2:
        return None
    for first in (" ".join(words[:2]), words[0]):
        bare = POSSESSIVE_TAIL.sub("", first)
        state = DEMONYMS.get(bare.lower()) if bare[:1].isupper() else None
        if state is None and bare != first and fold(bare) in _country_names():
            state = bare
        if state is not None:
            return state
    return None


def _first_kept_modifier(text: str, tokens: _Tokens, match: re.Match) -> int:
    """Start of the phrase: capitalised modifiers count only as adjectives or proper nouns."""
    start = match.start("low") if match.group("low") else match.start("head")
    for word in reversed(list(re.finditer(r"\S+", match.group("caps")))):
        token = tokens.at(match.start("caps") + word.start())
        if token is None or not (token.pos_ in ("PROPN", "ADJ") or token.ent_type_ in ("NORP", "GPE", "ORG")):
            break
        start = match.start("caps") + word.start()
    return start


def _names_follow(text: str, end: int) -> bool:
    return bool(re.match(r"^,?\s+(?:[A-Z][\w.'’-]+\s+){1,3}", text[end:end + 60]))


def _without_overlaps(candidates: list[_Candidate]) -> list[Actor]:
    """The most trusted, then longest, candidates that do not overlap one already chosen."""
    chosen: list[Actor] = []
    taken = bytearray(max((c.actor.evidence.end for c in candidates), default=0))
    for candidate in sorted(candidates, key=lambda c: (c.priority, -c.length, c.actor.evidence.start)):
        span = candidate.actor.evidence
        if taken.find(1, span.start, span.end) != -1:
            continue
        chosen.append(candidate.actor)
        taken[span.start:span.end] = b"\x01" * (span.end - span.start)
    return sorted(chosen, key=lambda actor: actor.evidence.start)


def _complete_surnames(actors: list[Actor]) -> list[Actor]:
    """A person named by one word ("Crusius") takes the full name used in the article ("Patrick Crusius"),
    also where spaCy took the surname for an organisation."""
    full_names: dict[str, str] = {}
    for actor in actors:
        words = actor.name.split()
        if actor.kind == "individual" and len(words) > 1:
            full_names.setdefault(words[-1].lower(), actor.name)
            if words[-2].lower() in NAME_PARTICLES or "-" in words[-1]:
                full_names.setdefault(words[-1].split("-", 1)[-1].lower(), actor.name)
    for actor in actors:
        unknown = actor.kind == "individual" or actor.kind == "organization" and actor.actor_id is None
        if unknown and " " not in actor.name and actor.name.lower() in full_names:
            actor.name, actor.kind = full_names[actor.name.lower()], "individual"
    return actors


class ActorsComponent:
    def __init__(self, registry: Registry | None = None) -> None:
        self.registry = registry if registry is not None else load_registry()

    def __call__(self, article: Article) -> Article:
        article.actors = find_actors(article, self.registry)
        return article


@component("actors", requires=("doc", "sentences"), assigns=("actors",))
def make_actors():
    return ActorsComponent()
