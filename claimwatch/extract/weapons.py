"""Weapons and suicide cues.

`article.weapons`: every mention of a weapon, or of what only a weapon does ("blast", "gunfire",
"stabbed"), as `Weapon(category, detail, evidence)`; `detail` is the phrase as written. The vocabulary
is the table in `claimwatch/data/weapons.tsv`; a car bomb is explosives, vehicle is for ramming.

`article.suicide_cues`: text saying the attackers died by their own attack: "suicide bomber",
"blew himself up", "activated their explosive vests", "martyrdom operation". Left out are cues that
are denied or doubted ("unlike suicide bombings", "whether suicide bombers were involved"), cues
that speak of a habit, not an event ("has regularly attacked ... with suicide bombers"), and suicide
in other senses: a gunman who "killed himself" made no suicide attack.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files

from ..errors import ExtractError
from ..model import WEAPON_CATEGORIES, Article, Span, Weapon
from .pipeline import component

VOCABULARY = files("claimwatch").joinpath("data", "weapons.tsv")
# Where two categories match at one place, the first listed here wins ("petrol bomb" is incendiary).
CATEGORY_ORDER = ("incendiary", "chemical", "vehicle", "melee", "explosives", "firearms", "other")

_SELF = r"(?:himself|herself|themselves|itself)"
_THEIR = r"(?:his|her|their|its)"
_VEST = r"(?:explosives?|suicide|bomb)[- ]?(?:laden\s+)?(?:vests?|belts?|jackets?)"
SUICIDE_RE = re.compile(
    r"(?<![\w-])(?:suicide[- ]?(?:(?:car|truck|vehicle|motorcycle|motorbike|boat)[- ]?)?"
    r"(?:bomb(?:er|ers|ing|ings|s)?|attack(?:er|ers|s)?|blasts?|explosions?|vests?|belts?|jackets?"
    r"|missions?|operations?|squads?|assaults?|strikes?|commandos?|operatives?|drivers?)"
    rf"|(?:blew|blown|blowing|blow|blows)\s+{_SELF}\s+up"
    rf"|(?:detonat|activat|trigger|explod|set\s+off)\w*\s+{_THEIR}\s+(?:own\s+)?(?:{_VEST}|charges|explosives)"
    rf"|detonat\w*\s+(?:an?\s+)?{_VEST}"
    rf"|(?:wearing|wore|worn|donning|strapped\s+with)\s+(?:an?\s+|{_THEIR}\s+)?{_VEST}"
    rf"|explosives?\s+(?:strapped|attached)\s+to\s+{_THEIR}\s+(?:body|bodies|torsos?|chests?|waists?)"
    r"|martyrdom[- ](?:operations?|attacks?|seekers?|seeking)|istishhad\w*)(?![\w-])",
    re.IGNORECASE,
)
# Words just before a cue, in its clause, that deny or doubt it.
DOUBT = frozenset({
    "unlike", "whether", "not", "no", "never", "ruled", "rather", "instead", "without", "if", "denied",
    "deny", "denies", "nor",
})
# Words that make a sentence speak of a habit, not of one event.
HABIT_RE = re.compile(
    r"\b(?:regularly|often|frequently|usually|routinely|increasingly|typically|commonly|common|practice"
    r"|tactics?|rare|unusual|hallmark)\b",
    re.IGNORECASE,
)
DETERMINERS = frozenset({
    "a", "an", "the", "two", "three", "four", "five", "several", "his", "her", "their", "its", "this",
    "these", "those", "both", "twin", "second", "first", "another", "one",
})
PLURAL_CUE_RE = re.compile(r"(?:suicide|martyrdom)\S*(?:\s+\S+)*s", re.IGNORECASE)
CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s")


def _to_regex(pattern: str) -> str:
    """A table pattern whose spaces match any run of whitespace, line breaks too ("car ?bomb": none or more)."""
    return re.sub(r"\[[^\]]*\]| \?| ", _whitespace, pattern)


def _whitespace(match: re.Match) -> str:
    found = match.group(0)
    return {" ": r"\s+", " ?": r"\s*"}.get(found) or found.replace(" ", r"\s")


def read_vocabulary(text: str) -> dict[str, list[str]]:
    """Category -> phrase patterns, from the tab-separated table."""
    vocabulary: dict[str, list[str]] = {category: [] for category in WEAPON_CATEGORIES}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        category, _, pattern = line.partition("\t")
        if category not in vocabulary or not pattern.strip():
            raise ExtractError(f"weapons.tsv line {number}: expected 'category<TAB>pattern', got {line!r}")
        vocabulary[category].append(_to_regex(pattern.strip()))
    return vocabulary


class WeaponMatcher:
    """Finds weapon phrases; where several phrases start at one place the longest is taken."""

    def __init__(self, vocabulary: dict[str, list[str]]) -> None:
        self.phrases = {
            category: [re.compile(rf"(?:{pattern})(?![\w-])", re.IGNORECASE) for pattern in vocabulary[category]]
            for category in CATEGORY_ORDER if vocabulary.get(category)
        }
        groups = [f"(?P<{category}>{'|'.join(vocabulary[category])})" for category in self.phrases]
        self.any = re.compile(rf"(?<![\w-])(?:{'|'.join(groups)})(?![\w-])", re.IGNORECASE)

    def finditer(self, text: str):
        """(category, start, end) of each phrase, in text order."""
        match = self.any.search(text)
        while match is not None:
            end = self._longest_end(text, match)
            yield match.lastgroup, match.start(), end
            match = self.any.search(text, end)

    def _longest_end(self, text: str, match: re.Match) -> int:
        ends = (phrase.match(text, match.start()) for phrase in self.phrases[match.lastgroup])
        return max(found.end() for found in ends if found is not None)


@lru_cache(maxsize=1)
def weapon_matcher() -> WeaponMatcher:
    return WeaponMatcher(read_vocabulary(VOCABULARY.read_text(encoding="utf-8")))


def find_weapons(article: Article, matcher: WeaponMatcher | None = None) -> list[Weapon]:
    """Every weapon mention, in text order."""
    text = article.text
    return [
        Weapon(category=category, detail=" ".join(text[start:end].split()), evidence=article.span(start, end))
        for category, start, end in (matcher or weapon_matcher()).finditer(text)
    ]


def find_suicide_cues(article: Article) -> list[Span]:
    """Every statement that the attack was a suicide attack, less the doubted and the general ones."""
    return [
        article.span(match.start(), match.end())
        for match in SUICIDE_RE.finditer(article.text)
        if not _doubted(article, match) and not _general(article, match)
    ]


def _clause_before(article: Article, match: re.Match) -> list[str]:
    start = _sentence_start(article, match.start())
    before = CLAUSE_BREAK.split(article.text[start:match.start()])[-1]
    return before.lower().split()


def _sentence_start(article: Article, pos: int) -> int:
    index = article.sentence_of(pos)
    if index >= 0:
        return article.sentences[index].start
    return max(article.text.rfind(".", 0, pos), article.text.rfind("\n", 0, pos)) + 1


def _doubted(article: Article, match: re.Match) -> bool:
    """ "unlike suicide bombings", "whether suicide bombers were involved", "not a suicide attack"."""
    return bool(set(_clause_before(article, match)[-4:]) & DOUBT)


def _general(article: Article, match: re.Match) -> bool:
    """A bare plural in a sentence about habits: "has regularly attacked ... with suicide bombers"."""
    if not PLURAL_CUE_RE.fullmatch(match.group(0)):
        return False
    before = _clause_before(article, match)
    if before and before[-1] in DETERMINERS or before and before[-1].isdigit():
        return False
    index = article.sentence_of(match.start())
    sentence = article.sentences[index].text if index >= 0 else article.text[_sentence_start(article, match.start()):]
    return HABIT_RE.search(sentence) is not None


@component("weapons", requires=("doc", "sentences"), assigns=("weapons", "suicide_cues"))
def make_weapons():
    matcher = weapon_matcher()

    def set_weapons(article: Article) -> Article:
        article.weapons = find_weapons(article, matcher)
        article.suicide_cues = find_suicide_cues(article)
        return article

    return set_weapons
