"""The actor registry: armed groups, states and state agencies, with their aliases.

`claimwatch/data/actors.json` is read once per process (`load_registry`). A name is looked up after
normalisation: case is ignored for names ("al-shabaab" finds al-Shabaab) but kept for short all-caps
acronyms ("IS" is Islamic State, "is" is nothing); a leading "the", a possessive "'s" and a trailing
descriptor ("group", "militants", "rebels", ...) are dropped when the full form is unknown.
`Registry.find_in_doc(doc)` finds every alias in a spaCy Doc at once with two PhraseMatchers (one
case-insensitive for names, one exact for acronyms); `Registry.find(text)` does the same on a plain
string with one compiled pattern, for callers without a Doc.

    {"version": 1, "sources": {...},
     "actors": [{"id", "name", "kind": "organization" | "state" | "state_agency", "aliases": [...],
                 "parent", "wikidata", "country", "ambiguous": [aliases needing context], "sources": [...]}]}
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import ExtractError

REGISTRY_PATH = Path(__file__).resolve().parent.parent / "data" / "actors.json"
REGISTRY_VERSION = 1

# Words that may trail a group's name without changing who it is ("the al-Shabaab group").
DESCRIPTORS = (
    "group", "groups", "militants", "militant group", "militant", "fighters", "militia", "militias", "rebels",
    "rebel group", "movement", "organization", "organisation", "network", "faction", "insurgents",
)
_DESCRIPTOR_TAIL = re.compile(
    r"\s+(?:%s)$" % "|".join(sorted(map(re.escape, DESCRIPTORS), key=len, reverse=True)), re.I
)
_LEADING_THE = re.compile(r"^the\s+", re.I)
_POSSESSIVE = re.compile(r"['’]s?$")
_ACRONYM = re.compile(r"^(?=.*[A-Z])[A-Z0-9.&\-]{1,6}$")  # "IS", "ADF", "U.S.", "AQAP": matched in exact case
_SEPARATOR = re.compile(r"[\s\-‐‑–]+")


@dataclass(frozen=True)
class ActorEntry:
    id: str
    name: str
    kind: str  # organization | state | state_agency
    aliases: tuple[str, ...] = ()
    parent: str | None = None  # registry id
    wikidata: str | None = None
    country: str | None = None
    ambiguous: tuple[str, ...] = ()


@dataclass(frozen=True)
class AliasMatch:
    """One alias found in a text; `ambiguous` ones ("IS", "Washington") need context to count.

    `entries` lists every entry the alias may stand for ("ADF"), the registry's first choice first."""

    start: int
    end: int
    entry: ActorEntry
    ambiguous: bool
    entries: tuple[ActorEntry, ...] = ()


def fold(name: str) -> str:
    """Case-, accent- and punctuation-insensitive key: "Al-Qa’ida" and "al qaida" fold alike."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in name if not unicodedata.combining(c))
    name = name.casefold()
    name = re.sub(r"[’'`]", "", name)
    return " ".join(re.sub(r"[^\w]+", " ", name).split())


def is_acronym(name: str) -> bool:
    return bool(_ACRONYM.match(name))


def _variants(name: str) -> Iterator[str]:
    """The name, then the name stripped of possessive, leading "the" and a trailing descriptor."""
    name = name.strip()
    yield name
    bare = _POSSESSIVE.sub("", _LEADING_THE.sub("", name)).strip()
    yield bare
    yield _DESCRIPTOR_TAIL.sub("", bare).strip()


class Registry:
    def __init__(self, entries: list[ActorEntry]) -> None:
        self.entries: dict[str, ActorEntry] = {}
        self._exact: dict[str, list[str]] = {}  # acronym -> ids
        self._folded: dict[str, list[str]] = {}  # folded name -> ids
        self._alias_of: dict[str, str] = {}  # folded or exact key -> the alias as written in the registry
        self._ambiguous: set[str] = set()
        self._matchers: dict[int, tuple] = {}  # id(vocab) -> (names matcher, acronyms matcher)
        self._pattern: re.Pattern | None = None  # built on the first plain-text `find`
        for entry in entries:
            self._add(entry)

    def _add(self, entry: ActorEntry) -> None:
        self.entries.setdefault(entry.id, entry)
        for alias in (entry.name, *entry.aliases):
            key = self._key(alias)
            if not key:
                continue
            table = self._exact if is_acronym(alias.strip()) else self._folded
            ids = table.setdefault(key, [])
            if entry.id not in ids:
                ids.append(entry.id)
            self._alias_of.setdefault(key, alias)
        self._ambiguous.update(self._key(alias) for alias in entry.ambiguous)

    @staticmethod
    def _key(alias: str) -> str:
        return alias.strip() if is_acronym(alias.strip()) else fold(alias)

    def lookup(self, name: str) -> ActorEntry | None:
        """The entry a name stands for, or None; see the module docstring for the normalisation."""
        for variant in _variants(name):
            ids = self._ids(variant)
            if ids:
                return self.entries[ids[0]]
        return None

    def _ids(self, alias: str) -> list[str]:
        return self._exact.get(alias, []) if is_acronym(alias) else self._folded.get(fold(alias), [])

    def canonical(self, name: str) -> str:
        entry = self.lookup(name)
        return entry.name if entry else name

    def get(self, actor_id: str | None) -> ActorEntry | None:
        return self.entries.get(actor_id) if actor_id else None

    def parents(self, actor_id: str) -> list[ActorEntry]:
        """The chain of parents, nearest first; stops at a cycle or an unknown id."""
        chain: list[ActorEntry] = []
        seen = {actor_id}
        entry = self.get(self.entries[actor_id].parent) if actor_id in self.entries else None
        while entry is not None and entry.id not in seen:
            chain.append(entry)
            seen.add(entry.id)
            entry = self.get(entry.parent)
        return chain

    def is_ambiguous(self, surface: str) -> bool:
        return self._key(surface) in self._ambiguous

    def find(self, text: str) -> Iterator[AliasMatch]:
        """Every alias in `text`, longest first at each position; names must keep their capitals."""
        if self._pattern is None:
            self._pattern = self._compile()
        pattern = self._pattern
        if pattern is None:
            return
        for match in pattern.finditer(text):
            found = self._match(text, match.start(), match.end(), exact=match.lastgroup == "exact")
            if found is not None:
                yield found

    def find_in_doc(self, doc, text: str | None = None) -> Iterator[AliasMatch]:
        """Every alias in a spaCy Doc (whose `text` the caller may pass, to spare rebuilding it),
        overlapping ones included: the caller keeps the longest."""
        names, acronyms = self._phrase_matchers(doc.vocab)
        text = doc.text if text is None else text
        for matcher, exact in ((names, False), (acronyms, True)):
            for _key, start, end in matcher(doc):
                span = doc[start:end]
                if _glued(text, span.start_char, span.end_char):
                    continue
                found = self._match(text, span.start_char, span.end_char, exact)
                if found is not None:
                    yield found

    def _match(self, text: str, start: int, end: int, exact: bool) -> AliasMatch | None:
        surface = text[start:end]
        key = surface if exact else fold(surface)
        ids = (self._exact if exact else self._folded).get(key)
        if not ids or not _case_ok(surface, self._alias_of.get(key, surface)):
            return None
        entries = tuple(self.entries[i] for i in ids)
        return AliasMatch(start, end, entries[0], key in self._ambiguous or len(entries) > 1, entries)

    def _phrase_matchers(self, vocab) -> tuple:
        """Built once per vocabulary: names on lower case, acronyms on exact text."""
        if id(vocab) not in self._matchers:
            from spacy.lang.en import English
            from spacy.matcher import PhraseMatcher

            make_doc = English(vocab=vocab).make_doc
            names, acronyms = PhraseMatcher(vocab, attr="LOWER"), PhraseMatcher(vocab, attr="ORTH")
            names.add("name", [make_doc(v) for key in self._folded for v in _spellings(self._alias_of[key])])
            acronyms.add("acronym", [make_doc(key) for key in self._exact])
            self._matchers[id(vocab)] = (names, acronyms)
        return self._matchers[id(vocab)]

    def _compile(self) -> re.Pattern | None:
        names = sorted(self._alias_of[key] for key in self._folded)
        acronyms = sorted(self._exact)
        if not names and not acronyms:
            return None
        parts = []
        if names:
            parts.append("(?P<name>(?i:%s))" % _alternation(names))
        if acronyms:
            parts.append("(?P<exact>%s)" % _alternation(acronyms, exact=True))
        return re.compile(r"(?<![\w\-])(?:%s)(?![\w\-]|\.\w)" % "|".join(parts))


def _spellings(alias: str) -> set[str]:
    """An alias as reports write it: hyphens or spaces, straight, curly or no apostrophes ("Jamaatul")."""
    forms = {alias, alias.replace("-", " "), alias.replace("’", "'"), alias.replace("'", "’"), re.sub(r"['’]", "", alias)}
    return {form for form in forms if form.strip()}


def _glued(text: str, start: int, end: int) -> bool:
    """True for a name inside a longer word: "pro-Taliban", "anti-ISIS"."""
    glued_before = start > 0 and text[start - 1] in "-‐"
    return glued_before or bool(re.match(r"[-‐][^\W\d_]", text[end:end + 2]))


def _alternation(aliases: list[str], exact: bool = False) -> str:
    """Longest first, so that "al-Qaeda in Iraq" wins over "al-Qaeda"; spaces and hyphens interchange."""
    ordered = sorted(set(aliases), key=len, reverse=True)
    if exact:
        return "|".join(re.escape(alias) for alias in ordered)
    return "|".join(_alias_pattern(alias) for alias in ordered)


def _alias_pattern(alias: str) -> str:
    """Words joined by spaces or hyphens; either apostrophe, or none, will do."""
    words = [re.sub(r"['’]", "['’]?", re.escape(word)) for word in _SEPARATOR.split(alias.strip())]
    return r"[\s\-‐‑]+".join(words)


def _case_ok(surface: str, alias: str) -> bool:
    """Each word the registry capitalises is capitalised in the text ("an Islamic state" is no group)."""
    written = _SEPARATOR.split(surface)
    registered = _SEPARATOR.split(alias)
    if len(written) != len(registered):
        return True
    return all(not r[:1].isupper() or w[:1].isupper() for w, r in zip(written, registered))


def _entry(record: dict) -> ActorEntry:
    return ActorEntry(
        id=str(record["id"]),
        name=record["name"],
        kind=record.get("kind") or "organization",
        aliases=tuple(record.get("aliases") or ()),
        parent=record.get("parent"),
        wikidata=record.get("wikidata"),
        country=record.get("country"),
        ambiguous=tuple(record.get("ambiguous") or ()),
    )


def parse_registry(data: dict) -> Registry:
    """A registry from the decoded JSON document."""
    if data.get("version") != REGISTRY_VERSION:
        raise ExtractError(f"actor registry version {data.get('version')!r} is not {REGISTRY_VERSION}")
    return Registry([_entry(record) for record in data.get("actors") or ()])


@lru_cache(maxsize=4)
def load_registry(path: str | None = None) -> Registry:
    """The registry at `path` (default: the packaged one), read once."""
    source = Path(path) if path else REGISTRY_PATH
    if not source.is_file():
        raise ExtractError(f"actor registry not found at {source}")
    return parse_registry(json.loads(source.read_text(encoding="utf-8")))


def lookup(name: str) -> ActorEntry | None:
    return load_registry().lookup(name)


def canonical(name: str) -> str:
    """The registry's name for `name`, or `name` itself when the registry does not know it."""
    return load_registry().canonical(name)


def parents(actor_id: str) -> list[ActorEntry]:
    return load_registry().parents(actor_id)
