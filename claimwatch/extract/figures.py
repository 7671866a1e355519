"""Casualty figures: one `Figure` per statement of how many were killed, wounded or kidnapped.

Statements, tried in this order (a number phrase is used by the first statement that takes it):

    toll          "the death toll rose to 130", "bringing the death toll to 49", "the number of victims is 59"
    verb first    "killed almost a hundred people", "kidnapped 287 pupils", "killing six",
                  "the murder of the six jesuits",
                  "killed seven CIA employees and a Jordanian officer" (one figure: 8)
    number first  "95 deaths", "hundreds of injuries", "three policemen were killed", "25 others injured",
                  "forty people with shrapnel wounds", "17 guerrillas and 2 soldiers dead" (19), "30 hostages"
    one person    "killed a military contractor", "a security guard was killed", "the gunman was killed"
    nobody        "no one was hurt" (value 0), "no casualties were reported" (0 killed and 0 wounded)

Evidence is the number phrase with its qualifier ("almost a hundred"), reaching on to the casualty
word when that word follows ("95 deaths", "three policemen were killed"); `phrase` is the whole
statement ("killed almost a hundred people", "95 deaths so far"). Not counts: ages, dates, clock
times, measures and sums ("a 21-year-old", "10 minutes", "$500"), things ("two explosions"), threats
("threatened to kill 10"), and counts of both kinds at once ("killed or wounded 30"). Figures in
captions and background passages are kept: the incidents component decides what they belong to.

Amounts, as (value, low, high):

    exact            "95"                                        95, 95, 95
    lower bound      "at least", "more than", "over", "or more"  95, 95, None
    upper bound      "nearly", "almost", "up to", "fewer than"   95, None, 95
    approximate      "about", "around", "some", "an estimated"   95, None, None (no bound is stated)
    running count    "so far", "to date", "as of", "rose to"     95, 95, None
    vague            "dozens", "scores", "hundreds", ...         None, VAGUE[...] ("hundreds": 200, 999)
    range            "two or three", "between 10 and 15"         None, 2, 3

`about` is "attackers" when the people counted are attackers ("three militants were killed",
"two suicide bombers were among the dead"), "all" when the count says it includes them
("15 people, including the bomber"), else "victims".
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..model import Article, Figure
from .pipeline import component

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
DOZENS = {"half a": 6, "a": 12, "an": 12}
# Vague amounts: (low, high). "hundreds" reads as 200 to 999, "dozens" as 24 or more.
VAGUE = {
    "dozens": (24, None), "scores": (40, None), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "tens of thousands": (20_000, 99_999), "hundreds of thousands": (200_000, 999_999),
    "several dozen": (24, None), "a few dozen": (24, None), "many dozens": (24, None),
    "several hundred": (200, 999), "a few hundred": (200, 999), "many hundreds": (200, 999),
    "several thousand": (2_000, 9_999), "a few thousand": (2_000, 9_999),
}
LOWER_BOUND = (
    "at least", "more than", "over", "upwards of", "in excess of", "no fewer than", "no less than",
    "well over", "just over", "a minimum of",
)
UPPER_BOUND = (
    "nearly", "almost", "up to", "fewer than", "less than", "at most", "just under", "close to",
    "as many as", "no more than", "a maximum of",
)
APPROXIMATE = ("about", "around", "some", "approximately", "roughly", "an estimated", "estimated")
RUNNING = ("so far", "to date", "as of", "rose to", "or more", "and counting")

ATTACKERS = frozenset({
    "attacker", "attackers", "assailant", "assailants", "gunman", "gunmen", "bomber", "bombers",
    "militant", "militants", "insurgent", "insurgents", "terrorist", "terrorists", "hijacker",
    "hijackers", "kidnapper", "kidnappers", "perpetrator", "perpetrators", "shooter", "shooters",
    "rebel", "rebels", "guerrilla", "guerrillas", "guerilla", "guerillas", "jihadist", "jihadists",
    "hostage-takers", "hostage-taker", "suspect", "suspects",
})
# Nouns that a number counts when it is not a count of people.
NOT_PEOPLE = frozenset({
    "explosions", "explosion", "blasts", "blast", "bombs", "bomb", "attacks", "attack", "bombings",
    "shots", "rounds", "rockets", "mortars", "grenades", "missiles", "vehicles", "cars", "trucks",
    "buses", "buildings", "houses", "homes", "shops", "seats", "votes", "times", "incidents",
})
# Words after a number that make it a measure, a time or a sum of money, not a head count.
MEASURES = (
    "seconds?", "minutes?", "hours?", "days?", "weeks?", "months?", "years?", "decades?",
    "centuries", "am", "pm", r"a\.m\.", r"p\.m\.", "gmt", "utc", "local", "o'clock",
    "km", "kms", "kilomet(?:er|re)s?", "met(?:er|re)s?", "miles?", "feet", "foot", "yards?", "inch(?:es)?",
    "kg", "kilo(?:gram)?s?", "grams?", "pounds?", "lbs?", "tons?", "tonnes?", "litres?", "liters?",
    "dollars?", "euros?", "pounds sterling", "rupees?", "percent", "per cent", "%",
)
# The tagger's DATE and TIME are too often wrong on bare counts ("the number of victims is 59");
# dates are told by their month names and year shapes instead.
NON_COUNT_ENTITIES = frozenset({"MONEY", "PERCENT", "QUANTITY", "ORDINAL", "LAW", "PRODUCT", "FAC", "WORK_OF_ART"})
MONTHS = (
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
)
# "killed a large number of youths" counts more than one.
AMOUNT_NOUNS = frozenset({
    "dozen", "hundred", "thousand", "number", "total", "handful", "couple", "few", "lot", "series", "group",
    "crowd", "score", "host", "string", "wave", "spate",
})
GROUP_POS = frozenset({"NOUN", "PROPN", "ADJ", "DET"})
GROUP_WORDS = frozenset({"of", "from", "more", "other", "others", "them", "those", "'s", "’s", "-"})
BASE_VERBS = frozenset({
    "kill", "injure", "wound", "hurt", "maim", "kidnap", "abduct", "murder", "execute", "assassinate",
    "massacre", "behead", "slaughter", "shoot",
})
MODALS = frozenset({"to", "could", "would", "may", "might", "will", "can", "should", "must"})

_KINDS = ("killed", "wounded", "kidnapped")


def _words(options) -> str:
    """An alternation of phrases, longest first, spaces matching any whitespace."""
    ordered = sorted(options, key=len, reverse=True)
    return "|".join(re.escape(option).replace(r"\ ", r"\s+") for option in ordered)


_SMALL_WORDS = _words([word for word in UNITS if word not in ("a", "an")])
_DIGIT_WORDS = _words(word for word in UNITS if UNITS[word] in range(1, 10) and word not in ("a", "an"))
_BELOW_100 = rf"(?:(?:{_words(TENS)})(?:[\s-]+(?:{_DIGIT_WORDS}))?|{_SMALL_WORDS})"
_SPELLED = (
    rf"(?:(?:an?|{_BELOW_100})[\s-]+(?:{_words(SCALES)})(?:\s+(?:and\s+)?{_BELOW_100})?|{_BELOW_100})"
)
_DOZEN = rf"(?:half\s+a|an?|{_BELOW_100})\s+dozen"
_DIGITS = r"(?:\d+(?:\.\d+)?\s+(?:million|thousand)|\d{1,3}(?:,\d{3})+|\d+)"
_NUMBER = rf"(?:{_words(VAGUE)}|{_DOZEN}|{_SPELLED}|{_DIGITS})"
_PRE = _words(LOWER_BOUND + UPPER_BOUND + APPROXIMATE + ("a total of", "exactly"))
_AMOUNT = (
    r"(?<![\w$€£.,:/-])"
    rf"(?:(?P<pre>{_PRE})\s+)?"
    rf"(?:between\s+(?P<low>{_NUMBER})\s+and\s+(?P<high>{_NUMBER})"
    rf"|(?P<num>{_NUMBER})(?:\s*(?:-|–|to|or)\s*(?P<num2>{_NUMBER}))?)"
    r"(?![\w-]|\s*(?:%|percent|per\s+cent))"
)
AMOUNT_RE = re.compile(_AMOUNT, re.IGNORECASE)
YEAR_RE = re.compile(r"1[89]\d\d|20\d\d")
CLOCK_RE = re.compile(r"0\d+")  # "between 0630 and 0700"
MONTH_AFTER_RE = re.compile(rf"\s*(?:{_words(MONTHS)})\.?(?!\w)", re.IGNORECASE)
# "two troopers, aged 48 and 40, died": ages, not counts
AGE_APPOSITION_BEFORE = re.compile(r"\b[A-Z][\w'’.-]*,\s*$")
AGED_BEFORE_RE = re.compile(r"(?<![\w-])aged\s+(?:\d{1,3}\s*(?:,|and|or|to)\s*){0,3}$", re.IGNORECASE)
MONTH_BEFORE_RE = re.compile(rf"(?<![\w-])(?:{_words(MONTHS)})\.?\s+$", re.IGNORECASE)
MEASURE_RE = re.compile(rf"\s*(?:{'|'.join(MEASURES)})(?!\w)", re.IGNORECASE)

_CASUALTY = (
    r"(?P<killed>killed|dead|died|deaths|fatalities|bodies|corpses|slain|perished|murdered|executed|assassinated"
    r"|massacred|beheaded|shot\s+dead|gunned\s+down|lost\s+their\s+lives)"
    r"|(?P<wounded>injured|wounded|hurt|injuries|hospitali[sz]ed"
    r"|(?:with|treated\s+for)\s+(?:[\w-]+\s+){0,2}?(?:wounds|injuries))"
    r"|(?P<kidnapped>kidnapped|abducted|(?:taken|held)\s+(?:hostage|captive)|hostage(?![\s-]+tak)|captive)"
)
CASUALTY_WORD_RE = re.compile(rf"(?:{_CASUALTY})$", re.IGNORECASE)
_AUX = (
    r"were|was|have|has|had|are|is|be|been|being|who|that|also|all|reportedly|later|subsequently|now"
    r"|still|so\s+far|confirmed|reported|believed|feared|presumed|found|left|among\s+the|treated\s+for"
    r"|listed\s+as|(?:said|thought|reported|believed|feared|known|confirmed)\s+to\s+(?:have\s+been|have|be)|\w+ly"
)
_ASIDE = (
    # "Five members of the Nasa people, among them the reservation's governor, Cristina Bautista, were shot dead"
    r"\s*,\s*(?:(?:including|among\s+them)\s[^.;]{0,100}?,(?=\s+(?:were|have\s+been|had\s+been)\s)"
    r"|(?:according\s+to|as\s+per|including|among\s+them|(?:[\w-]+\s+){1,2}of\s+(?:whom|them)"
    r"|(?:\w+\s+){0,2}said|say"
    # "One civilian contractor, not an American, was killed": an apposition that says who they were not
    r"|not\s+(?:an?|the)\s)[^,.;]{0,60},)"
)
# What follows the counted people: an aside, auxiliaries, then the casualty word.
AFTER_GROUP_RE = re.compile(
    rf"(?P<aside>{_ASIDE})?(?P<aux>\s*,|(?:\s+(?:{_AUX}))*)\s+(?:of\s+)?(?:{_CASUALTY})(?![\w-])", re.IGNORECASE
)
_VERBS = (
    r"(?P<killed>kill(?:s|ed|ing)?|murder(?:s|ed|ing)?|massacr(?:e|es|ed|ing)|execut(?:e|es|ed|ing)"
    r"|assassinat(?:e|es|ed|ing)|behead(?:s|ed|ing)?|slaughter(?:s|ed|ing)?|(?:shot|shoots?|shooting)\s+dead"
    r"|gunn(?:ed|ing)\s+down|claim(?:s|ed|ing)?\s+the\s+lives?\s+of"
    # "hacked seven displaced people to death", "stabbed two guards to death"
    r"|(?:hack|stabb|beat|burn|club|bludgeon)(?:ed|ing)(?=\s+(?:[\w-]+\s+){1,4}?to\s+death\b)"
    r"|(?:murders?|killings?|deaths?|massacre|assassinations?|executions?)\s+of(?:\s+the)?"
    r"|(?:bodies|corpses)\s+of(?:\s+the)?)"  # "dug up the bodies of 28 villagers": a count of the dead
    r"|(?P<wounded>wound(?:s|ed|ing)?|injur(?:e|es|ed|ing)|hurt(?:s|ing)?|maim(?:s|ed|ing)?|crippl(?:e|es|ed|ing)"
    r"|wounding\s+of(?:\s+the)?)"
    r"|(?P<kidnapped>kidnap(?:s|ped|ping)?|abduct(?:s|ed|ing)?|(?:kidnappings?|abductions?)\s+of(?:\s+the)?)"
)
# "killing the two young officers who had just climbed in": a definite count
_MORE = r"(?:\s+(?:another|an\s+additional|a\s+further|further|the))?"
VERB_FIRST_RE = re.compile(rf"(?<![\w-])(?:{_VERBS}){_MORE}\s+(?={_AMOUNT})", re.IGNORECASE)
VERB_ONE_RE = re.compile(rf"(?<![\w-])(?:{_VERBS})\s+(?P<det>an?)\s+", re.IGNORECASE)
_TOLL = (
    r"(?P<killed>(?:death|fatality|casualty)\s+toll|toll|number\s+of\s+(?:the\s+)?(?:dead|deaths|fatalities"
    r"|people\s+killed|victims)|number\s+(?:killed|dead))"  # "brought the number killed in the attack to 20"
    r"|(?P<wounded>injury\s+toll|number\s+of\s+(?:the\s+)?(?:injured|wounded|injuries|people\s+(?:injured|wounded))"
    r"|number\s+(?:injured|wounded))"
    r"|(?P<kidnapped>number\s+of\s+(?:the\s+)?(?:hostages|people\s+kidnapped|abductees))"
)
_TOLL_LINK = (
    r"has|have|had|now|officially|reportedly|further|already|risen|rose|rising|climbed|climbing|increased"
    r"|jumped|soared|reached|reaching|hit|stood|stands|standing|is|was|of|to|at|been|put"
    r"|(?:in|from)\s+(?:the\s+)?[\w'’-]+"
)
TOLL_RE = re.compile(rf"(?<![\w-])(?:{_TOLL})(?P<link>(?:\s+(?:{_TOLL_LINK})){{1,4}}?)\s+(?={_AMOUNT})", re.IGNORECASE)
_RISE_VERB = r"rose|risen|rising|climbed|climbing|increased|jumped|soared|reached|reaching|doubled|tripled|hit|stood|stands|put"
# "the number of people killed in Thursday's bombing rose to at least 182": a longer gap, but a rise verb
TOLL_RISE_RE = re.compile(
    rf"(?<![\w-])(?:{_TOLL})(?P<link>,?(?:\s+[\w'’,-]+){{0,20}}?\s+(?:{_RISE_VERB})"
    # "rose overnight to four", "climbed again on Sunday to 43"
    r"(?:\s+(?:overnight|again|further|later|sharply|steadily|today|yesterday|on\s+\w+day))?"
    rf"(?:\s+(?:to|at))?)\s+(?={_AMOUNT})",
    re.IGNORECASE,
)
_RISE = re.compile(r"ris|rose|climb|increas|jump|soar|reach|doubl|tripl", re.IGNORECASE)
# "the ministry raised the number of wounded in the attack on the mosque ... to 101", "her death brought the
# number killed in the attack to 20": the verb before the toll
# "local authorities put the overall toll in Mukondi and the neighbouring village of Mausa at 46": a count
TOLL_RAISED_RE = re.compile(
    rf"(?<![\w-])(?:(?P<raised>raised|revised|brought|brings|bringing|took|takes|taking)|put|puts|putting|placed)\s+(?:the|its|their)\s+(?:official\s+|overall\s+|total\s+)?"
    rf"(?:{_TOLL})(?P<link>(?:\s+[\w'’,-]+){{0,20}}?\s+(?:to|at))\s+(?={_AMOUNT})",
    re.IGNORECASE,
)
ONE_CASUALTY_RE = re.compile(
    r"(?<![\w-])(?:(?:was|has\s+been|had\s+been|is)\s+(?:also\s+|reportedly\s+|later\s+|\w+ly\s+)?"
    rf"(?:{_CASUALTY})|(?P<died>died))(?![\w-])",
    re.IGNORECASE,
)
NOBODY_RE = re.compile(
    r"(?<![\w-])(?:no\s+one|nobody|no\s+(?:other\s+)?(?:people|persons?|civilians|one\s+else))"
    r"\s+(?:(?:was|were|has\s+been|have\s+been|had\s+been|is|are|had|has|have)\s+)?(?:\w+ly\s+)?"
    r"(?:(?P<killed>killed|dead|died|lost\s+(?:their|his|her|a)\s+li(?:fe|ves))|(?P<wounded>injured|hurt|wounded|harmed))(?![\w-])"
    r"|(?<![\w-])no\s+(?:(?P<deaths>deaths|fatalities)|(?P<injuries>injuries)|(?P<casualties>casualties|victims))"
    r"\s+(?:were|was|have\s+been|has\s+been|had\s+been)\s+(?:immediately\s+)?reported"
    # "there were no casualties", "caused heavy damage but no fatalities", "without causing any casualties"
    r"|(?:(?<![\w-])there\s+(?:were|was|have\s+been|had\s+been)\s+|(?<![\w-])but\s+(?:caused\s+|causing\s+)?"
    r"|(?<![\w-])(?:caused|causing|left|leaving)\s+)no\s+"
    r"(?:(?P<deaths2>deaths|fatalities)|(?P<injuries2>injuries)|(?P<casualties2>casualties|victims))(?![\w-])"
    r"|(?<![\w-])without\s+(?:causing\s+)?(?:any\s+)?(?P<casualties3>casualties)(?![\w-])",
    re.IGNORECASE,
)
SUFFIX_RE = re.compile(
    r"\s*,?\s*(?P<suffix>so\s+far|to\s+date|as\s+of|or\s+more|and\s+counting)(?![\w-])", re.IGNORECASE
)
BOTH_KINDS_RE = re.compile(r"\s+(?:or|and|and/or)\s+(?:killed|wounded|injured|dead|hurt|kidnapped)\b", re.IGNORECASE)
_ATTACKER_WORDS = _words(ATTACKERS)
INCLUDING_ATTACKERS_RE = re.compile(
    rf"\s*[,(]?\s*(?<!not\s)(?:including|among\s+them|among\s+whom|counting)\s+(?:[\w'’-]+\s+){{0,3}}?"
    rf"(?:{_ATTACKER_WORDS})(?![\w-])",
    re.IGNORECASE,
)
AND_RE = re.compile(r"\s+and\s+(?=\S)", re.IGNORECASE)
# Casualty words that could also be an active verb with an object: "gunmen killed three police".
PARTICIPLE_RE = re.compile(r"(?!died\b)[a-z]+ed\b|hurt\b", re.IGNORECASE)


@dataclass(frozen=True)
class Amount:
    """A number phrase and what it says: "almost a hundred" is value 100, high 100, qualifier "almost"."""

    start: int
    end: int
    value: int | None
    low: int | None
    high: int | None
    qualifier: str | None


def parse_number(text: str) -> tuple[int | None, int | None, int | None]:
    """(value, low, high) of one number phrase without qualifier: "twenty-five", "hundreds", "1,200"."""
    norm = " ".join(text.lower().replace("-", " ").split())
    if norm in VAGUE:
        low, high = VAGUE[norm]
        return None, low, high
    value = _count(norm)
    return value, value, value


def _count(norm: str) -> int:
    if norm[0].isdigit():
        return _digits(norm)
    if norm.endswith(" dozen"):
        head = norm[: -len(" dozen")]
        return DOZENS.get(head) or _spelled(head) * 12
    return _spelled(norm)


def _digits(norm: str) -> int:
    number, _, scale = norm.partition(" ")
    return round(float(number.replace(",", "")) * SCALES.get(scale, 1))


def _spelled(norm: str) -> int:
    total, current = 0, 0
    for word in norm.split():
        if word in SCALES:
            current = max(current, 1) * SCALES[word]
            if SCALES[word] >= 1_000:
                total, current = total + current, 0
        elif word != "and":
            current += UNITS.get(word) or TENS.get(word, 0)
    return total + current


def amount_of(match: re.Match) -> Amount:
    """The `Amount` of an `AMOUNT_RE` match."""
    if match.group("low"):
        return _range(match, match.group("low"), match.group("high"))
    if match.group("num2"):
        return _range(match, match.group("num"), match.group("num2"))
    value, low, high = parse_number(match.group("num"))
    pre = _norm(match.group("pre"))
    if value is None:
        return Amount(match.start(), match.end(), None, low, high, pre or _norm(match.group("num")))
    return _bounded(match.start(), match.end(), value, pre)


def _range(match: re.Match, first: str, second: str) -> Amount:
    low, high = parse_number(first)[1], parse_number(second)[2]
    return Amount(match.start(), match.end(), None, low, high, _norm(match.group("pre")))


def _bounded(start: int, end: int, value: int, qualifier: str | None) -> Amount:
    low = None if qualifier in UPPER_BOUND + APPROXIMATE else value
    high = None if qualifier in LOWER_BOUND + APPROXIMATE + RUNNING else value
    return Amount(start, end, value, low, high, qualifier)


def with_suffix(amount: Amount, suffix: str | None) -> Amount:
    """The amount with a running-count qualifier ("so far", "rose to") added."""
    if not suffix:
        return amount
    qualifier = f"{amount.qualifier}, {suffix}" if amount.qualifier else suffix
    if amount.value is None:
        return Amount(amount.start, amount.end, None, amount.low, amount.high, qualifier)
    low = amount.low if amount.qualifier in UPPER_BOUND + APPROXIMATE else amount.value
    return Amount(amount.start, amount.end, amount.value, low, None, qualifier)


def _norm(text: str | None) -> str | None:
    return " ".join(text.lower().split()) if text else None


def _kind(match: re.Match) -> str:
    return next(kind for kind in _KINDS if match.group(kind))


class _Reader:
    """One article's text, tokens and sentences, with the look-ups the patterns need."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.doc = article.doc
        self.sentence_starts = [sent.start for sent in article.sentences]
        self.taken: set[int] = set()

    def same_sentence(self, start: int, end: int) -> bool:
        if not self.sentence_starts:
            return "\n\n" not in self.text[start:end]
        return bisect_right(self.sentence_starts, start) == bisect_right(self.sentence_starts, max(start, end - 1))

    def token(self, pos: int):
        span = self.doc.char_span(pos, pos + 1, alignment_mode="expand") if self.doc is not None else None
        return span[0] if span is not None and len(span) else None

    def is_count(self, amount: Amount, number_start: int) -> bool:
        """False for ages, dates, times, sums and measures ("10 minutes", "a 21-year-old")."""
        text = self.text
        if MEASURE_RE.match(text, amount.end) or MONTH_AFTER_RE.match(text, amount.end):
            return False
        number = text[number_start:amount.end]
        month_before = MONTH_BEFORE_RE.search(text, max(0, number_start - 12), number_start)
        if YEAR_RE.fullmatch(number) or CLOCK_RE.match(number) or month_before \
                or AGED_BEFORE_RE.search(text, max(0, number_start - 24), number_start):
            return False
        if text.startswith(",", amount.end) and AGE_APPOSITION_BEFORE.search(text, max(0, number_start - 30), number_start):
            return False  # "Barakat, 64, died of his wounds": an age set off by commas after a name
        token = self.token(number_start)
        return token is None or token.ent_type_ not in NON_COUNT_ENTITIES

    def group_end(self, pos: int, limit: int = 7, wide: bool = False) -> int:
        """End of the words naming the counted people ("Israeli Arabs", "of the hostages").

        A `wide` group also takes participles and prepositions ("passengers traveling on the bus").
        """
        end = last = pos
        token = self.token(_skip_space(self.text, pos))
        while token is not None and limit and (_in_group(token, wide) or wide and _joins_nouns(token)) and \
                "\n" not in self.text[last:token.idx]:
            last, limit = token.idx + len(token.text), limit - 1
            end = last if token.pos_ not in ("ADP", "DET") else end
            token = token.nbor() if token.i + 1 < len(token.doc) else None
        return end

    def group_start(self, pos: int, limit: int = 8) -> int:
        """Start of the words naming one person, read backwards from `pos`."""
        start = pos
        token = self.token(_skip_back(self.text, pos))
        while token is not None and limit and _in_group(token) and "\n" not in self.text[token.idx:start]:
            start, limit = token.idx, limit - 1
            token = token.nbor(-1) if token.i > 0 else None
        return start

    def next_token(self, pos: int):
        return self.token(_skip_space(self.text, pos)) if pos < len(self.text) else None

    def previous_word(self, pos: int) -> str:
        words = self.text[max(0, pos - 30):pos].split()
        return words[-1].lower() if words else ""


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) - 1 and text[pos].isspace():
        pos += 1
    return pos


def _skip_back(text: str, pos: int) -> int:
    pos -= 1
    while pos > 0 and text[pos].isspace():
        pos -= 1
    return max(pos, 0)


def _in_group(token, wide: bool = False) -> bool:
    if token.like_num:
        return _an_age(token)
    if CASUALTY_WORD_RE.match(token.text):
        return False
    if wide and (token.pos_ == "ADP" and token.lower_ != "with" or token.tag_ in ("VBG", "VBN")):
        return True
    return token.pos_ in GROUP_POS or token.lower_ in GROUP_WORDS


def _joins_nouns(token) -> bool:
    """ "six soldiers and police officers were killed": one count of people of two kinds (not "and a
    civilian", not "and 2 soldiers", which are counts of their own)."""
    if token.lower_ != "and" or token.i + 1 >= len(token.doc):
        return False
    following = token.doc[token.i + 1]
    return following.pos_ in ("NOUN", "ADJ") and not following.like_num and not CASUALTY_WORD_RE.match(following.text)


def _an_age(token) -> bool:
    """ "a 32-year-old woman": the number is part of the words naming the person."""
    doc = token.doc
    return token.i + 2 < len(doc) and doc[token.i + 1].text == "-" and doc[token.i + 2].lower_ in ("year", "years")


def _about(reader: _Reader, groups: tuple[str, ...], phrase: tuple[int, int]) -> str:
    """ "attackers" when the people counted are attackers, "all" when the count includes them."""
    attackers = {_head(group) in ATTACKERS for group in groups if group.strip()}
    text = reader.text
    including = INCLUDING_ATTACKERS_RE.search(text, *phrase) or INCLUDING_ATTACKERS_RE.match(text, phrase[1])
    if including or len(attackers) == 2:
        return "all"
    return "attackers" if attackers == {True} else "victims"


def _head(group: str) -> str:
    """The noun counted: "members" in "two members of the guerrilla group", "attackers" in "two of the attackers"."""
    before, _, after = group.lower().partition(" of ")
    words = before.split() or after.split()
    return words[-1] if words else ""


def _figure(reader: _Reader, kind: str, amount: Amount, evidence_end: int, phrase: tuple[int, int],
            *groups: str) -> Figure:
    text = reader.text
    return Figure(
        kind=kind, evidence=reader.article.span(amount.start, evidence_end), value=amount.value,
        low=amount.low, high=amount.high, qualifier=amount.qualifier,
        phrase=" ".join(text[phrase[0]:phrase[1]].split()), about=_about(reader, groups, phrase),
    )


def _amount_at(reader: _Reader, pos: int) -> Amount | None:
    """The amount that starts at `pos`, unless a statement took it or it is no head count."""
    match = AMOUNT_RE.match(reader.text, pos)
    if match is None or match.start() in reader.taken:
        return None
    amount = amount_of(match)
    number_start = match.start("num") if match.group("num") else match.start("low")
    return amount if reader.is_count(amount, number_start) else None


def _suffix(reader: _Reader, pos: int) -> tuple[str | None, int]:
    match = SUFFIX_RE.match(reader.text, pos)
    return (_norm(match.group("suffix")), match.end()) if match else (None, pos)


# --- toll: "the death toll rose to 130" ---------------------------------------------------------


def _toll_matches(text: str) -> list[re.Match]:
    """Short tolls ("the death toll rose to 130"), long ones with a rise verb, and raised ones, each place once."""
    raised = list(TOLL_RAISED_RE.finditer(text))  # "raised the death toll to 101": one toll, a rise
    inside = lambda m: any(r.start() <= m.start() < r.end() for r in raised)  # noqa: E731
    short = [m for m in TOLL_RE.finditer(text) if not inside(m)]
    starts = {m.start() for m in short}
    long = [m for m in TOLL_RISE_RE.finditer(text) if m.start() not in starts and not inside(m)]
    return raised + short + long


# "put the number killed nationwide since mid-December at 179": a count of many incidents, not of one
AGGREGATE_RE = re.compile(r"\b(?:nationwide|countrywide|since|this\s+year|so\s+far\s+this)\b", re.IGNORECASE)


def _toll_figures(reader: _Reader) -> list[Figure]:
    figures = []
    for match in _toll_matches(reader.text):
        found = _amount_at(reader, match.end())
        if found is None or not reader.same_sentence(match.start(), found.end) or AGGREGATE_RE.search(match.group("link")):
            continue
        raised = _RISE.search(match.group("link")) or match.groupdict().get("raised")  # "raised the toll to"
        amount = with_suffix(found, "rose to" if raised else None)
        figures.append(_taken(reader, _figure(reader, _kind(match), amount, amount.end,
                                              (match.start(), amount.end), "")))
    return figures


def _taken(reader: _Reader, figure: Figure) -> Figure:
    reader.taken.add(figure.evidence.start)
    return figure


# --- verb first: "killed almost a hundred people", "killed seven CIA employees and a Jordanian officer"


def _verb_first_figures(reader: _Reader) -> list[Figure]:
    figures = []
    for match in VERB_FIRST_RE.finditer(reader.text):
        if _hypothetical(reader, match) or _both_kinds_before(reader, match.start()):
            continue
        found = _amount_at(reader, match.end())
        if found is not None and reader.same_sentence(match.start(), found.end):
            figure = _verb_first(reader, match, found)
            if figure is not None:
                figures.append(_taken(reader, figure))
    return figures


def _verb_first(reader: _Reader, match: re.Match, amount: Amount) -> Figure | None:
    group_end = reader.group_end(amount.end)
    group = reader.text[amount.end:group_end]
    if _not_people(group):
        return None
    total, end, second = _with_second_part(reader, amount, group_end)
    suffix, phrase_end = _suffix(reader, end)
    evidence_end = end if second else amount.end
    return _figure(reader, _kind(match), with_suffix(total, suffix), evidence_end,
                   (match.start(), max(end, phrase_end)), group, second)


def _with_second_part(reader: _Reader, amount: Amount, group_end: int) -> tuple[Amount, int, str]:
    """ "seven CIA employees and a Jordanian officer": one count, 8, when both parts are exact."""
    second = _second_part(reader, amount, group_end, wide=False)
    if second is None or AFTER_GROUP_RE.match(reader.text, second[1]):
        return amount, group_end, ""
    reader.taken.add(second[2])
    return _plus(amount, second[0]), second[1], reader.text[second[2]:second[1]]


def _second_part(reader: _Reader, amount: Amount, pos: int, wide: bool) -> tuple[int, int, int] | None:
    """(value, end, start) of the people after "and": "and a Jordanian officer", "and 2 soldiers"."""
    text = reader.text
    joint = AND_RE.match(text, pos)
    if joint is None or amount.value is None or amount.low != amount.high:
        return None
    single = re.match(r"(?:an?|one)\s+", text[joint.end():joint.end() + 4], re.IGNORECASE)
    match = None if single else AMOUNT_RE.match(text, joint.end())
    if single is None and (match is None or amount_of(match).value is None):
        return None
    start = joint.end() + single.end() if single else match.end()
    end = reader.group_end(start, wide=wide)
    if end == start or _not_people(text[start:end]):
        return None
    return (1 if single else amount_of(match).value), end, joint.end()


def _plus(amount: Amount, value: int) -> Amount:
    """The first part's amount with the second's added; an approximate one ("about 80") keeps no bounds."""
    def shifted(bound: int | None) -> int | None:
        return None if bound is None else bound + value

    return Amount(amount.start, amount.end, amount.value + value, shifted(amount.low), shifted(amount.high),
                  amount.qualifier)


def _hypothetical(reader: _Reader, match: re.Match) -> bool:
    """ "threatened to kill 100", "could injure dozens": no one was hurt yet."""
    verb = match.group(0).split()[0].lower()
    return verb in BASE_VERBS and reader.previous_word(match.start()) in MODALS


def _both_kinds_before(reader: _Reader, pos: int) -> bool:
    """ "killed or wounded 30": a count of both kinds together, not of either."""
    before = reader.text[max(0, pos - 20):pos].lower().split()
    return len(before) >= 2 and before[-1] in ("or", "and", "and/or") and re.match(
        r"kill|wound|injur|hurt", before[-2]) is not None


def _not_people(group: str) -> bool:
    words = group.lower().split()
    return bool(words) and words[-1] in NOT_PEOPLE


# --- number first: "95 deaths", "three policemen were killed", "hundreds of injuries" --------------


def _number_first_figures(reader: _Reader) -> list[Figure]:
    figures = []
    for match in AMOUNT_RE.finditer(reader.text):
        found = _amount_at(reader, match.start())
        if found is None or _after_no(reader, match.start()):
            continue
        figure = _number_first(reader, found)
        if figure is not None:
            figures.append(_taken(reader, figure))
    return figures


def _after_no(reader: _Reader, pos: int) -> bool:
    return reader.previous_word(pos) in ("no", "any", "every", "each")


def _number_first(reader: _Reader, amount: Amount) -> Figure | None:
    text = reader.text
    group_end = reader.group_end(amount.end, limit=8, wide=True)
    group = text[amount.end:group_end]
    amount, after, second = _casualty_after(reader, amount, group_end)
    if after is None or _not_people(group) or not reader.same_sentence(amount.start, after.end()):
        return _hostages(reader, amount, group_end)
    if BOTH_KINDS_RE.match(text, after.end()) or not _passive(reader, after, group):
        return None
    suffix, phrase_end = _suffix(reader, after.end())
    if suffix is None and re.search(r"so\s+far", after.group("aux"), re.IGNORECASE):
        suffix = "so far"
    if second is not None:
        reader.taken.add(second)
    return _figure(reader, _kind(after), with_suffix(amount, suffix), after.end(), (amount.start, phrase_end),
                   group, text[second:after.start()] if second is not None else "")


def _casualty_after(reader: _Reader, amount: Amount, group_end: int) -> tuple[Amount, re.Match | None, int | None]:
    """The casualty word after the counted people, also after a second count.

    "17 guerrillas and 2 soldiers dead" is one count, 19; the start of the second part is returned.
    """
    after = AFTER_GROUP_RE.match(reader.text, group_end)
    joined = None if after else _second_part(reader, amount, group_end, wide=True)
    after = AFTER_GROUP_RE.match(reader.text, joined[1]) if joined else after
    if joined is None or after is None:
        return amount, after, None
    return _plus(amount, joined[0]), after, joined[2]


def _passive(reader: _Reader, after: re.Match, group: str) -> bool:
    """Without an auxiliary, "two gunmen killed three police" is no count of the dead; nor, after a bare
    relative pronoun, is "the two men who killed a priest"."""
    aux = after.group("aux").strip(" ,").lower()
    if aux and aux not in ("who", "that") or not PARTICIPLE_RE.match(after.group(0).split()[-1]):
        return True
    following = reader.next_token(after.end())
    if following is None:
        return True
    objects = {"DET", "NUM", "PRON", "AUX", "VERB"} | ({"NOUN", "PROPN"} if group.strip() else set())
    return following.pos_ not in objects and not following.like_num


def _hostages(reader: _Reader, amount: Amount, group_end: int) -> Figure | None:
    """ "30 hostages", "287 captives": a count of people held."""
    words = reader.text[amount.end:group_end].lower().split()
    if not words or words[-1] not in ("hostages", "captives", "abductees"):
        return None
    group = reader.text[amount.end:group_end]
    return _figure(reader, "kidnapped", amount, group_end, (amount.start, group_end), group)


# --- one person: "killed a military contractor", "a security guard was killed" ---------------------


def _one_person_figures(reader: _Reader) -> list[Figure]:
    figures = [_one_after_verb(reader, match) for match in VERB_ONE_RE.finditer(reader.text)]
    figures += [_one_before_verb(reader, match) for match in ONE_CASUALTY_RE.finditer(reader.text)]
    figures += [_one_named(reader, match) for match in KILLED_NAME_RE.finditer(reader.text)]
    figures += [_one_named_subject(reader, match) for match in NAME_THEN_KILLED_RE.finditer(reader.text)]
    return [_taken(reader, figure) for figure in figures if figure is not None]


# "Gunmen shot dead Sidhu Moose Wala", "a man who murdered Samuel Paty", "killed radio reporter David Meza",
# "the killing of Jeno Koka": one named person killed
KILLED_NAME_RE = re.compile(r"(?<![\w-])(?:shot\s+dead|gunned\s+down|murdered|assassinated|beheaded|stabbed\s+to\s+death|"
                            r"hacked\s+to\s+death|killed|(?P<noun>(?:killing|murder|assassination|slaying)\s+of))\s+(?=[^\W\d_])")
# a name spaCy did not tag a person ("Sidhu Moose Wala"): proper nouns that no other entity type claims
NOT_A_PERSON = frozenset({"GPE", "LOC", "ORG", "NORP", "FAC", "DATE", "TIME", "EVENT", "PRODUCT", "WORK_OF_ART"})
# the words of one person's title before a name: "Italian businessman", "radio reporter", "opposition leader"
TITLE_WORD_POS = frozenset({"ADJ", "NOUN", "PROPN"})


def _one_named(reader: _Reader, match: re.Match) -> Figure | None:
    """One killed when the verb's object is a single person's name (not "X and Y", not a group)."""
    token = reader.token(match.end())
    if token is None or match.end() in reader.taken or (
            not match.group("noun") and reader.previous_word(match.start()) in ("the", "of", "an", "a")):
        return None  # "the widower of assassinated former prime minister Benazir Bhutto": an adjective
    token = _after_title(token)
    if token.ent_type_ == "PERSON" and token.ent_iob_ == "B":
        end = token.i
        while end + 1 < len(token.doc) and token.doc[end + 1].ent_iob_ == "I":
            end += 1
    elif token.pos_ == "PROPN" and token.ent_type_ not in NOT_A_PERSON and token.text[:1].isupper():
        end = token.i  # the run of proper nouns, up to the apposition's comma
        while end + 1 < len(token.doc) and token.doc[end + 1].pos_ == "PROPN" and \
                token.doc[end + 1].ent_type_ not in NOT_A_PERSON:
            end += 1
    else:
        return None
    name_end = token.doc[end].idx + len(token.doc[end].text)
    more = MORE_THAN_ONE_RE.match(reader.text, name_end)
    if more is None:
        amount = Amount(match.end(), name_end, 1, 1, 1, None)
        return _figure(reader, "killed", amount, name_end, (match.start(), name_end), "")
    # "killed Giovanni Falcone, Italy's best-known magistrate, and three of his police bodyguards": the name and a count
    others = _amount_at(reader, more.start("more")) if more.group("more") else None
    if others is None or others.value is None or _not_people(reader.text[others.end:reader.group_end(others.end)]):
        return None  # "shot dead X and Y", "killed X and his wife": more than one, uncounted
    reader.taken.add(others.start)
    amount = _plus(Amount(match.end(), others.end, others.value, others.low, others.high, others.qualifier), 1)
    return _figure(reader, "killed", amount, others.end, (match.start(), reader.group_end(others.end)), "")


# after the name (and its apposition), more people: "and Y", "and three of his police bodyguards", "and his wife"
MORE_THAN_ONE_RE = re.compile(r"\s*(?:,[^,.;]{1,80},\s*|,\s*)?(?:and|&)\s+(?:[A-Z]|(?:his|her|their)\b|"
                              r"(?P<more>(?:two|three|four|five|six|seven|eight|nine|ten|several|\d+)\b))")


def _after_title(token):
    """The first word of the name after up to three words of one person's title ("Italian businessman Fabio
    di Celmo"); the token itself where no name follows such a title. A plural ("soldiers") or a word of a
    place or organisation is no one person's title."""
    for step in range(4):
        if token.i + step >= len(token.doc):
            break
        word = token.doc[token.i + step]
        if word.ent_type_ == "PERSON" and word.ent_iob_ == "B":
            return word
        if word.pos_ not in TITLE_WORD_POS or word.tag_ in ("NNS", "NNPS") or word.ent_type_ not in ("", "NORP"):
            break
    return token


# "Fernando Villavicencio, a presidential candidate who ..., was shot dead": a sentence that opens with
# one person's name and an apposition, whose verb kills
NAME_THEN_KILLED_RE = re.compile(r"(?:,\s+|\s+)(?:(?:was|has\s+been)\s+(?:shot\s+dead|killed|murdered|assassinated|gunned\s+down|"
                                 r"beheaded|stabbed\s+to\s+death|hacked\s+to\s+death)"
                                 # "Officer Sedat Gezer, 48, died of his wounds", "Palacios, 36, died at the scene"
                                 r"|(?:later\s+)?died\s+(?:(?:of|from)\s+(?:his|her)\s+(?:wounds|injuries)|"
                                 r"(?:in|at)\s+(?:the\s+)?(?:hospital|scene)|on\s+the\s+way\s+to\s+(?:the\s+)?hospital))(?![\w-])")
# the words a name may carry before it at the opening: "Singer Sidhu Moose Wala", "The journalist Avijit Roy"
TITLE_POS = frozenset({"DET", "NOUN", "PROPN", "ADJ", "PUNCT"})
OPENING_DASH_RE = re.compile(r"[—–]\s*$|--\s*$")


def _one_named_subject(reader: _Reader, match: re.Match) -> Figure | None:
    token = reader.token(_skip_space(reader.text, match.start()))
    if token is None or match.start() in reader.taken:
        return None
    # the report's own sentence: spaCy's may run on across a paragraph break
    opening = reader.token(_skip_space(reader.text, reader.sentence_starts[bisect_right(reader.sentence_starts, match.start()) - 1]))
    sentence = token.doc[max(token.sent.start, opening.i if opening is not None else 0):token.sent.end]
    first = sentence[0]
    for candidate in sentence:  # the name opens the sentence, or the text after a dateline's dash
        if candidate.idx >= match.start():
            return None
        if candidate.ent_type_ == "PERSON" and candidate.ent_iob_ == "B" and (
                candidate.i == first.i or OPENING_DASH_RE.search(reader.text[first.idx:candidate.idx])
                or _titled(sentence, first, candidate) or _titled_after_dash(reader, sentence, candidate)
                or _after_subordinator(sentence, candidate)):
            break
        if candidate.i - first.i > 25:
            return None
    else:
        return None
    end = candidate.i
    while end + 1 < len(candidate.doc) and candidate.doc[end + 1].ent_iob_ == "I":
        end += 1
    name_end = candidate.doc[end].idx + len(candidate.doc[end].text)
    between = reader.text[name_end:match.start()]
    if between.strip() and (not between.startswith(",") or len(between) > 200 or re.match(r",\s*(?:and|&)\s", between)):
        return None  # "X and Y were killed"; an apposition runs from the comma to the verb
    amount = Amount(candidate.idx, name_end, 1, 1, 1, None)
    return _figure(reader, "killed", amount, match.end(), (candidate.idx, match.end()), "")


def _titled_after_dash(reader: _Reader, sentence, candidate) -> bool:
    """ "BUJUMBURA, Aug 15 (Wire) — Colonel Jean Bikomagu, ...": the title words open the text after a dateline's dash."""
    dash = next((t for t in reversed(sentence) if t.i < candidate.i and OPENING_DASH_RE.search(t.text)), None)
    return dash is not None and dash.i + 1 < candidate.i and _titled(sentence, dash.nbor(1), candidate)


def _titled(sentence, first, candidate) -> bool:
    """Up to three words of title before the name open the sentence: "Singer X", "The journalist X"; or a
    title set off by a comma, the name its apposition: "Egypt's prosecutor-general, Hisham Barakat, died"."""
    before = [t for t in sentence if first.i <= t.i < candidate.i]
    if 0 < len(before) <= 3 and all(t.pos_ in TITLE_POS and t.text != "," for t in before):
        return True
    return 2 < len(before) <= 7 and before[-1].text == "," and all(
        t.pos_ in TITLE_POS or t.tag_ == "POS" or t.text == "-" for t in before[:-1]) and all(
        t.text not in (",", "(", ")") for t in before[:-1])


# "three months after Inspector Herman Gooding was shot dead": a clause of its own opens at the name
SUBORDINATORS = frozenset({"after", "when", "since", "before", "until"})


def _after_subordinator(sentence, candidate) -> bool:
    """The name opens a clause after a subordinating word, with up to two words of title between."""
    before = [t for t in sentence if t.i < candidate.i][-3:]
    for index, token in enumerate(before):
        if token.lower_ in SUBORDINATORS:
            return all(t.pos_ in TITLE_POS and t.text != "," for t in before[index + 1:])
    return False


def _one_after_verb(reader: _Reader, match: re.Match) -> Figure | None:
    start = match.start("det")
    group_end = reader.group_end(match.end())
    group = reader.text[match.end():group_end]
    if start in reader.taken or group_end == match.end() or _not_people(group) or _hypothetical(reader, match):
        return None
    if _group_is_amount(group):
        return None
    amount = Amount(start, group_end, 1, 1, 1, None)
    return _figure(reader, _kind(match), amount, group_end, (match.start(), group_end), group)


def _group_is_amount(group: str) -> bool:
    """ "a dozen", "a hundred", "a large number of": counts that are not one person."""
    words = group.lower().partition(" of ")[0].split()
    return bool(set(words) & AMOUNT_NOUNS)


def _one_before_verb(reader: _Reader, match: re.Match) -> Figure | None:
    start = reader.group_start(match.start())
    group = reader.text[start:match.start()]
    words = group.lower().split()
    if not words or start in reader.taken or _not_people(group) or BOTH_KINDS_RE.match(reader.text, match.end()):
        return None
    if words[0] not in ("a", "an", "another") and not (words[0] == "the" and _head(group) in ATTACKERS):
        return None
    kind = "killed" if match.group("died") else _kind(match)
    amount = Amount(start, match.end(), 1, 1, 1, None)
    return _figure(reader, kind, amount, match.end(), (start, match.end()), group)


# --- nobody: "no one was hurt" ----------------------------------------------------------------------


def _nobody_figures(reader: _Reader) -> list[Figure]:
    figures = []
    for match in NOBODY_RE.finditer(reader.text):
        if match.group("casualties") or match.group("casualties2") or match.group("casualties3"):
            kinds = ("killed", "wounded")  # "no casualties": nobody killed, nobody hurt
        elif match.group("killed") or match.group("deaths") or match.group("deaths2"):
            kinds = ("killed",)
        elif match.group("wounded") and not re.search(r"\b(?:else|other)\b", match.group(), re.I):
            kinds = ("killed", "wounded")  # "no one was hurt": nobody was killed either
        else:
            kinds = ("wounded",)  # "no one else was hurt": the others may have died
        amount = Amount(match.start(), match.end(), 0, 0, 0, None)
        figures.extend(_figure(reader, kind, amount, match.end(), (match.start(), match.end()), "") for kind in kinds)
    return figures


STATEMENTS = (_toll_figures, _verb_first_figures, _number_first_figures, _one_person_figures, _nobody_figures)


# A running total of a conflict, not one incident's toll: "more than 7,000 people have been killed in the
# conflict since then", "over the past decade", "so far this year"
CUMULATIVE_RE = re.compile(
    r"\b(?:since (?:then|the (?:start|beginning|outbreak)|(?:19|20)\d\d)|"
    # "... have been killed since the fighting resumed", "since the truce collapsed in July 2015"
    r"since (?:the )?(?:[\w-]+ )?(?:fighting|violence|conflict|insurgency|war|hostilities|unrest|uprising|ceasefire|"
    r"cease-fire|truce|peace process)\b|"
    r"since (?:January|February|March|April|May|June|July|August|September|October|November|December),? (?:19|20)\d\d|"
    r"in the (?:conflict|insurgency|war|civil war|violence|unrest|uprising)\b(?! (?:on|last|this) )|"
    r"over the (?:past|last) (?:[\w-]+ )?(?:years|decades?)|(?:so far )?this year(?: alone)?\b(?! in)|"
    r"(?:in|during) (?:the )?(?:last|past) (?:[\w-]+ )?years)",
    re.I,
)

CLAUSE_MARK = re.compile(r"[,;:]")
# "killing 71 soldiers in the deadliest assault on the army since jihadist violence spilled over": a comparison
COMPARISON_BEFORE = re.compile(r"\b(?:deadliest|worst|bloodiest|biggest|largest|heaviest|highest|first|most \w+)\b", re.I)


def find_figures(article: Article) -> list[Figure]:
    """Every casualty figure the article states, in text order, less conflicts' running totals and the
    early accounts a "nobody was killed" beside them corrects."""
    reader = _Reader(article)
    figures = [figure for statement in STATEMENTS for figure in statement(reader) if not _cumulative(article, figure)]
    figures = [f for f in figures if not _corrected_rumour(article, f, figures)]
    return sorted(figures, key=lambda figure: figure.evidence.start)


# "no one had lost their life, after early accounts on social media spoke of one dead"
RUMOUR_BEFORE = re.compile(r"\b(?:early|initial|first|unconfirmed)\s+(?:accounts|reports|rumou?rs|claims)\b[^.;]{0,40}?"
                           r"\b(?:spoke\s+of|mentioned|said|put\s+the\s+toll\s+at|gave)\s+$", re.I)


def _corrected_rumour(article: Article, figure: Figure, figures: list[Figure]) -> bool:
    if not figure.value or not RUMOUR_BEFORE.search(article.text, max(0, figure.evidence.start - 90), figure.evidence.start):
        return False
    index = article.sentence_of(figure.evidence.start)
    return any(f.kind == figure.kind and f.value == 0 and article.sentence_of(f.evidence.start) == index for f in figures)


# "the conflict of the 1990s, in which an estimated 200,000 people died": the war's dead, counted before the figure
CUMULATIVE_BEFORE = re.compile(r"\b(?:conflict|war|insurgency|uprising|violence|fighting)\b(?:\s+of\s+the\s+(?:19|20)\d0s)?,?\s+"
                               r"(?:in|during)\s+which\s+(?:[\w-]+\s+){0,3}$", re.I)


def _cumulative(article: Article, figure: Figure) -> bool:
    """The figure's clause, from the number to the next comma or the sentence's end, counts a conflict's
    dead over time ("... killing 56, in the deadliest attack since 2018" compares, and is cut at the comma)."""
    index = article.sentence_of(figure.evidence.start)
    end = article.sentences[index].end if index >= 0 else figure.evidence.end + 120
    stop = CLAUSE_MARK.search(article.text, figure.evidence.end, end)
    if CUMULATIVE_BEFORE.search(article.text, max(0, figure.evidence.start - 80), figure.evidence.start):
        return True
    running = CUMULATIVE_RE.search(article.text, figure.evidence.start, stop.start() if stop else end)
    if running and not COMPARISON_BEFORE.search(article.text, figure.evidence.end, running.start()):
        return True
    # or a sentence that opens with the span of time: "Over the past decade, 4,000 soldiers have been killed"
    return index >= 0 and CUMULATIVE_RE.match(article.sentences[index].text) is not None


@component("figures", requires=("doc", "sentences"), assigns=("figures",))
def make_figures():
    def set_figures(article: Article) -> Article:
        article.figures = find_figures(article)
        return article

    return set_figures
