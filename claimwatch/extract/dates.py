"""Date expressions, found by rule and resolved against the article's publication date.

`resolve(phrase, anchor, future)` turns one phrase ("on Wednesday", "Sept. 18, 2016", "last month")
into an ISO value and a precision. The `dates` component finds every date phrase of an article with
compiled patterns (spaCy's DATE entities and tags only settle ambiguous words such as "May" or a
bare "2009"), resolves each against `article.published`, and adds anniversary dates ("the fourth
anniversary of X" beside "on Wednesday") counted back from the date next to them.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from ..model import Article, DateValue
from .pipeline import component

WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
FULL_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
MONTHS = {**FULL_MONTHS, **MONTH_ABBREVIATIONS}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}
VAGUE_COUNTS = ("a few", "few", "several", "many", "some", "a couple of", "couple of", "a number of")
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "fifteenth": 15,
    "twentieth": 20, "twenty-fifth": 25, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "seventy-fifth": 75, "hundredth": 100,
}
# phrase -> days from the anchor
DAY_WORDS = {
    "the day before yesterday": -2, "yesterday": -1, "last night": -1, "the day before": -1,
    "the previous day": -1, "today": 0, "tonight": 0, "overnight": 0, "this morning": 0,
    "this afternoon": 0, "this evening": 0, "tomorrow": 1,
}
HOLIDAYS = {"christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1), "new year's eve": (12, 31)}
# words before a weekday or a month that point strictly before / strictly after the anchor
BACKWARD = frozenset({"last", "past", "this past"})
FORWARD = frozenset({"next", "coming", "this coming"})
UNIT_PRECISION = {"day": "day", "week": "week", "weekend": "week", "month": "month", "year": "year", "decade": "year"}
BOUND_QUALIFIERS = frozenset({"more than", "over", "less than", "under"})

# the word before a bare month or year that makes it a date ("in March", "since 2007")
DATE_CUES = frozenset({
    "in", "since", "until", "till", "by", "during", "from", "through", "to", "between", "and", "or",
    "before", "after", "of", "on", "throughout", "around", "circa", "early", "late", "mid", "the",
    "year", "summer", "spring", "autumn", "fall", "winter", "-", "–",
})
STRONG_MONTH_CUES = DATE_CUES - {"and", "or", "the", "to", "-", "–"}
AMBIGUOUS_MONTHS = frozenset({"may", "march"})
# words around a weekday that make it a name, not a date: "Good Friday", "Friday prayers"
WEEKDAY_BLOCK_BEFORE = frozenset({
    "good", "black", "bloody", "ash", "holy", "maundy", "palm", "easter", "super", "cyber", "a",
    "every", "each", "any", "some",
})
WEEKDAY_BLOCK_AFTER = frozenset({
    "prayer", "prayers", "sermon", "sermons", "times", "telegraph", "mail", "express", "mirror",
    "herald", "post", "school", "schools", "market", "markets", "mass",
})
DAY_WORD_BLOCK_BEFORE = frozenset({"usa", "russia"})
# a number in the year range followed by one of these is a count, not a year
COUNT_NOUNS = frozenset({
    "people", "persons", "men", "women", "children", "civilians", "soldiers", "troops", "police",
    "policemen", "residents", "families", "houses", "homes", "dollars", "euros", "pounds", "km",
    "kilometres", "kilometers", "miles", "metres", "meters", "feet", "tons", "tonnes", "rounds",
    "votes", "members", "fighters", "militants", "refugees", "prisoners", "hours", "days",
})
# a future marker in the verb group governing a date turns "on Monday" forward
FUTURE_WORDS = frozenset({"will", "shall", "'ll", "wo", "scheduled", "slated", "due"})
FUTURE_AFTER_PRESENT = frozenset({"set", "expected", "going", "planning", "planned", "poised"})
PRESENT_AUX = frozenset({"is", "are", "am", "'s", "'re"})
# an event noun between the verb and the date means the date belongs to the event, not the verb
EVENT_NOUNS = frozenset({
    "attack", "attacks", "bombing", "bombings", "blast", "blasts", "explosion", "explosions",
    "shooting", "shootings", "killing", "killings", "assault", "raid", "raids", "strike", "strikes",
    "ambush", "massacre", "kidnapping", "abduction", "incident", "fighting", "clashes", "violence",
})
VERB_GROUP_POS = frozenset({"AUX", "PART", "VERB", "ADV", "ADJ"})
VERB_TAGS = frozenset({"MD", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})


def _alt(words) -> str:
    """A regex alternation of the words, longest first, spaces matching any whitespace."""
    escaped = (re.escape(word).replace(r"\ ", r"\s+").replace("'", "['’]") for word in words)
    return "|".join(sorted(escaped, key=len, reverse=True))


_WD = rf"(?P<wd>{_alt(WEEKDAYS)})"
_MONTH = rf"(?P<month>{_alt(MONTHS)})"
_FULL_MONTH = rf"(?P<month>{_alt(FULL_MONTHS)})"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_ON = r"(?:(?P<on>(?:late|early|overnight)(?:\s+on)?|on)\s+)?"
_LEAD_WD = rf"(?:{_WD},?\s+)?"
_MOD = r"(?:(?P<mod>early|late|mid)(?:-|\s+))?"
_COUNT = rf"(?P<n>\d{{1,3}}|{_alt([*NUMBER_WORDS, *VAGUE_COUNTS])})"
_FLAGS = re.IGNORECASE


class Reading(NamedTuple):
    """What a phrase resolves to."""

    value: str | None
    precision: str | None
    relative: bool


@dataclass(frozen=True)
class Rule:
    """One kind of date phrase: its pattern, how to read a match, and when a found match counts."""

    name: str
    pattern: re.Pattern
    read: Callable[[re.Match, dt.date | None, bool], Reading | None]
    accept: Callable[[str, re.Match, "_Context"], bool]


@dataclass
class _Context:
    """What spaCy tells about an article: tokens by offset and DATE entities."""

    doc: Any
    starts: list[int]
    date_ents: list[tuple[int, int]]

    @classmethod
    def of(cls, article: Article) -> "_Context":
        doc = article.doc
        if doc is None:
            return cls(None, [], [])
        ents = [(ent.start_char, ent.end_char) for ent in doc.ents if ent.label_ == "DATE"]
        return cls(doc, [token.idx for token in doc], ents)

    def token_at(self, pos: int):
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.doc[i] if i >= 0 and self.doc is not None else None

    def in_date_entity(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.date_ents)


# ---- arithmetic -----------------------------------------------------------------------------


def _shift_weekday(anchor: dt.date, weekday: int, direction: str) -> dt.date:
    """The `weekday` nearest the anchor in a direction: before, on_or_before, on_or_after, after."""
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if direction == "before":
        return anchor - dt.timedelta(days=back or 7)
    if direction == "after":
        return anchor + dt.timedelta(days=ahead or 7)
    if direction == "on_or_after":
        return anchor + dt.timedelta(days=ahead)
    return anchor - dt.timedelta(days=back)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    if month == 2 and day == 29 and not _is_leap(year):
        return None
    return dt.date(year, month, day) if 1 <= day <= _month_length(month) else None


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _month_length(month: int) -> int:
    return 29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31


def _years_back(iso: str, years: int) -> str:
    """The ISO date `years` earlier; 29 February falls back to the 28th."""
    day = dt.date.fromisoformat(iso)
    year = day.year - years
    return (_safe_date(year, day.month, day.day) or dt.date(year, day.month, 28)).isoformat()


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _month_start(year: int, month: int, shift: int = 0) -> dt.date:
    index = year * 12 + month - 1 + shift
    return dt.date(index // 12, index % 12 + 1, 1)


def _month_day_near(anchor: dt.date, month: int, day: int, future: bool, weekday: int | None) -> dt.date | None:
    """The month-day without a year: the occurrence matching the weekday, else the nearest past (future) one."""
    options = [d for y in range(anchor.year - 4, anchor.year + 5) if (d := _safe_date(y, month, day))]
    if weekday is not None:
        fitting = [d for d in options if d.weekday() == weekday and abs((d - anchor).days) < 366]
        if fitting:
            return min(fitting, key=lambda d: abs((d - anchor).days))
    if future:
        return min((d for d in options if d >= anchor), default=None)
    return max((d for d in options if d <= anchor), default=None)


def _month_near(anchor: dt.date, month: int, rel: str | None, future: bool) -> dt.date:
    """The month without a year: last/next are strict, otherwise the nearest past (future) one."""
    if rel == "this":
        return dt.date(anchor.year, month, 1)
    if rel in FORWARD or (future and rel is None):
        ahead = month > anchor.month or (month == anchor.month and rel is None)
        return dt.date(anchor.year if ahead else anchor.year + 1, month, 1)
    behind = month < anchor.month or (month == anchor.month and rel is None)
    return dt.date(anchor.year if behind else anchor.year - 1, month, 1)


# ---- readers: (match, anchor, future) -> Reading --------------------------------------------


def _norm(text: str | None) -> str | None:
    return " ".join(text.lower().replace("’", "'").split()) if text else None


def _relative(anchor: dt.date | None, precision: str, compute: Callable[[dt.date], dt.date | None]) -> Reading:
    value = compute(anchor) if anchor is not None else None
    return Reading(value.isoformat() if value else None, precision, True)


def _weekday_of(match: re.Match) -> int | None:
    wd = match.group("wd")
    return WEEKDAYS[wd.lower()] if wd else None


def _read_iso(match, anchor, future):
    day = _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
    return Reading(day.isoformat(), "day", False) if day else None


def _read_full_date(match, anchor, future):
    day = _safe_date(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
    return Reading(day.isoformat(), "day", False) if day else None


def _read_month_day(match, anchor, future):
    month, day = MONTHS[match["month"].lower()], int(match["day"])
    if _safe_date(2000, month, day) is None:
        return None
    return _relative(anchor, "day", lambda a: _month_day_near(a, month, day, future, _weekday_of(match)))


def _read_holiday(match, anchor, future):
    month, day = HOLIDAYS[_norm(match["holiday"])]
    return _relative(anchor, "day", lambda a: _month_day_near(a, month, day, future, None))


def _read_month_year(match, anchor, future):
    return Reading(dt.date(int(match["year"]), MONTHS[match["month"].lower()], 1).isoformat(), "month", False)


def _read_month(match, anchor, future):
    month, rel = FULL_MONTHS[match["month"].lower()], _norm(match["rel"])
    return _relative(anchor, "month", lambda a: _month_near(a, month, rel, future))


def _read_weekday(match, anchor, future):
    rel = _norm(match["rel"])
    if rel in BACKWARD:
        direction = "before"
    elif rel in FORWARD:
        direction = "after"
    else:
        direction = "on_or_after" if future else "on_or_before"
    return _relative(anchor, "day", lambda a: _shift_weekday(a, _weekday_of(match), direction))


def _read_day_word(match, anchor, future):
    offset = DAY_WORDS[_norm(match["word"])]
    return _relative(anchor, "day", lambda a: a + dt.timedelta(days=offset))


def _read_period(match, anchor, future):
    unit, rel = match["unit"].lower(), _norm(match["rel"])
    shift = -1 if rel == "last" else 1 if rel in FORWARD else 0
    return _relative(anchor, UNIT_PRECISION[unit], lambda a: _period_start(a, unit, shift))


def _period_start(anchor: dt.date, unit: str, shift: int) -> dt.date:
    if unit in ("week", "weekend"):
        return _monday(anchor) + dt.timedelta(weeks=shift)
    if unit == "month":
        return _month_start(anchor.year, anchor.month, shift)
    return dt.date(anchor.year + shift, 1, 1)


def _read_ago(match, anchor, future):
    unit = match["unit"].lower()
    n = _exact_count(match)
    if n is None:
        return Reading(None, UNIT_PRECISION[unit], True)
    return _relative(anchor, UNIT_PRECISION[unit], lambda a: _units_back(a, unit, n))


def _exact_count(match: re.Match) -> int | None:
    """The number of units in "two weeks ago"; None for vague or bounded counts and for decades."""
    count = _norm(match["n"])
    if count is None or match["unit"].lower() == "decade" or _norm(match["q"]) in BOUND_QUALIFIERS:
        return None
    if count.isdigit():
        return int(count)
    return NUMBER_WORDS.get(count)


def _units_back(anchor: dt.date, unit: str, n: int) -> dt.date:
    if unit == "day":
        return anchor - dt.timedelta(days=n)
    if unit == "week":
        return _monday(anchor - dt.timedelta(weeks=n))
    if unit == "month":
        return _month_start(anchor.year, anchor.month, -n)
    return dt.date(anchor.year - n, 1, 1)


def _read_year(match, anchor, future):
    return Reading(dt.date(int(match["year"]), 1, 1).isoformat(), "year", False)


def _read_decade(match, anchor, future):
    return Reading(None, None, False)


# ---- acceptance of found matches ------------------------------------------------------------

_PREV_WORD = re.compile(r"(\w+|[-–/])\s*$")
_NEXT_WORD = re.compile(r"\s+([\w'’-]+)")
_NOUN_PHRASE_NEXT = re.compile(r"\s+(?:the|a|an|his|her|their|its|our|[A-Z])")


def _prev_word(text: str, pos: int) -> str:
    found = _PREV_WORD.search(text, max(0, pos - 30), pos)
    return found.group(1).lower() if found else ""


def _next_word(text: str, pos: int) -> str:
    found = _NEXT_WORD.match(text, pos)
    return found.group(1).lower() if found else ""


def _tag_at(context: _Context, pos: int) -> str:
    token = context.token_at(pos)
    return token.tag_ if token is not None and token.idx == pos else ""


def _has_lead(match: re.Match, *groups: str) -> bool:
    return any(match.groupdict().get(group) for group in groups)


def _accept_weekday(text, match, context):
    before = _prev_word(text, match.start()) if not _has_lead(match, "on", "rel") else ""
    return before not in WEEKDAY_BLOCK_BEFORE and _next_word(text, match.end()) not in WEEKDAY_BLOCK_AFTER


def _accept_month_day(text, match, context):
    return match["month"].lower() != "may" or _tag_at(context, match.start("month")) != "MD"


def _accept_month(text, match, context):
    if _tag_at(context, match.start("month")) in VERB_TAGS:
        return False
    if _has_lead(match, "pre", "rel", "mod"):
        return True
    before = _prev_word(text, match.start())
    if match["month"].lower() in AMBIGUOUS_MONTHS:
        return before in STRONG_MONTH_CUES
    return before in DATE_CUES or context.in_date_entity(match.start(), match.end())


def _accept_year(text, match, context):
    if _next_word(text, match.end()) in COUNT_NOUNS or text[max(0, match.start() - 1):match.start()] in "$£€#":
        return False
    if _has_lead(match, "pre", "mod"):
        return True
    return _prev_word(text, match.start()) in DATE_CUES or context.in_date_entity(match.start(), match.end())


def _accept_day_word(text, match, context):
    word = _norm(match["word"])
    if word in ("the day before", "the previous day") and _NOUN_PHRASE_NEXT.match(text, match.end()):
        return False
    if word == "overnight" and _tag_at(context, match.start("word")) == "JJ":
        return False
    return _prev_word(text, match.start()) not in DAY_WORD_BLOCK_BEFORE


def _accept_period(text, match, context):
    return _prev_word(text, match.start()) != "the"


def _accept_any(text, match, context):
    return True


def _rule(name, pattern, read, accept=_accept_any) -> Rule:
    return Rule(name, re.compile(pattern, _FLAGS), read, accept)


RULES: tuple[Rule, ...] = (
    _rule("iso", r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b", _read_iso),
    _rule("month_day_year", rf"\b{_ON}{_LEAD_WD}{_MONTH}\.?\s+{_DAY},?\s+{_YEAR}\b", _read_full_date),
    _rule("day_month_year", rf"\b{_ON}{_LEAD_WD}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}\.?,?\s+{_YEAR}\b",
          _read_full_date),
    _rule("month_day", rf"\b{_ON}{_LEAD_WD}{_MONTH}\.?\s+{_DAY}\b(?![.,:]?\d)", _read_month_day, _accept_month_day),
    _rule("day_month", rf"\b{_ON}{_LEAD_WD}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}\b(?!['’]s)", _read_month_day,
          _accept_month_day),
    _rule("holiday", rf"\b(?:on\s+)?(?P<holiday>{_alt(HOLIDAYS)})\b", _read_holiday),
    _rule("month_year", rf"\b(?:(?P<pre>in|during)\s+)?{_MOD}{_MONTH}\.?,?\s+{_YEAR}\b", _read_month_year),
    _rule("month", rf"\b(?:(?P<pre>in|during)\s+)?(?:(?P<rel>{_alt(BACKWARD | FORWARD | {'this'})})\s+)?{_MOD}"
          rf"{_FULL_MONTH}\b(?!\s*\d)", _read_month, _accept_month),
    _rule("weekday", rf"\b(?:(?P<rel>{_alt(BACKWARD | FORWARD | {'this'})})\s+|{_ON}){_WD}\b"
          r"(?:\s+(?:morning|afternoon|evening|night))?", _read_weekday, _accept_weekday),
    _rule("day_word", rf"\b(?:(?:earlier|later|early|late)\s+)?(?P<word>{_alt(DAY_WORDS)})\b"
          r"(?:\s+(?:morning|afternoon|evening|night)\b)?", _read_day_word, _accept_day_word),
    _rule("period", r"\b(?:(?:earlier|later|early|late)\s+)?(?P<rel>last|this|next|coming)\s+"
          r"(?P<unit>weekend|week|month|year)\b", _read_period, _accept_period),
    _rule("ago", rf"\b(?:(?P<q>about|around|roughly|some|nearly|almost|just|only|more\s+than|over|less\s+than|under)"
          rf"\s+)?(?:{_COUNT}\s+)?(?P<unit>day|week|month|year|decade)s?\s+ago\b", _read_ago),
    _rule("year", rf"\b(?:(?P<pre>in|during)\s+)?{_MOD}{_YEAR}\b(?![.,]\d|\s*%)", _read_year, _accept_year),
    _rule("decade", rf"\b(?:(?P<pre>in|during)\s+)?(?:the\s+)?{_MOD}(?P<decade>(?:1[89]|20)\d0)['’]?s\b",
          _read_decade),
)


def _reading(phrase: str, anchor: dt.date | None, future: bool) -> Reading | None:
    for rule in RULES:
        match = rule.pattern.fullmatch(phrase)
        if match:
            reading = rule.read(match, anchor, future)
            if reading is not None:
                return reading
    return None


def resolve(phrase: str, anchor: dt.date | None, future: bool = False) -> tuple[str | None, str | None]:
    """The ISO value and precision of a date phrase, against the anchor date (None when unknown)."""
    reading = _reading(" ".join(phrase.split()), anchor, future)
    return (reading.value, reading.precision) if reading else (None, None)


# ---- tense ----------------------------------------------------------------------------------


def _is_future(context: _Context, pos: int) -> bool:
    """Whether the verb group governing the date at `pos` is future ("will meet on Monday")."""
    if context.doc is None:
        return False
    i = bisect.bisect_left(context.starts, pos)
    for token in reversed(context.doc[max(0, i - 10):i]):
        if token.pos_ == "NOUN" and token.lower_ in EVENT_NOUNS:
            return False
        if token.pos_ in ("VERB", "AUX"):
            return _future_group(context.doc, token.i)
        if token.is_sent_start:
            return False
    return False


def _future_group(doc, i: int) -> bool:
    words = []
    for token in reversed(doc[max(0, i - 5):i + 1]):
        if token.pos_ not in VERB_GROUP_POS and token.i != i:
            break
        words.append(token.lower_.replace("’", "'"))
    if FUTURE_WORDS.intersection(words):
        return True
    return bool(PRESENT_AUX.intersection(words) and FUTURE_AFTER_PRESENT.intersection(words))


# ---- the component --------------------------------------------------------------------------


class _Found(NamedTuple):
    start: int
    end: int
    reading: Reading


def _candidates(article: Article, context: _Context) -> list[_Found]:
    found = []
    for rule in RULES:
        for match in rule.pattern.finditer(article.text):
            if rule.accept(article.text, match, context):
                reading = rule.read(match, article.published, _is_future(context, match.start()))
                if reading is not None:
                    found.append(_Found(match.start(), match.end(), reading))
    return found


def _longest_first(found: list[_Found]) -> list[_Found]:
    """Non-overlapping matches, the longer winning, in text order."""
    kept: list[_Found] = []
    for item in sorted(found, key=lambda f: (f.start - f.end, f.start)):
        if all(item.end <= other.start or other.end <= item.start for other in kept):
            kept.append(item)
    return sorted(kept)


def find_dates(article: Article) -> list[DateValue]:
    """Every date phrase of the article, resolved, with anniversary dates, in text order."""
    context = _Context.of(article)
    values = [_date_value(article, item) for item in _longest_first(_candidates(article, context))]
    return sorted(values + _anniversaries(article, values), key=lambda value: value.evidence.start)


def _date_value(article: Article, item: _Found) -> DateValue:
    evidence = article.span(item.start, item.end)
    value, precision, relative = item.reading
    return DateValue(evidence.text, evidence, value, precision, relative)


# ---- anniversaries --------------------------------------------------------------------------

_NUMBER = rf"(?:\d{{1,3}}|{_alt(NUMBER_WORDS)})"
_ANNIVERSARY = re.compile(
    rf"\b(?:(?P<ordinal>{_alt(ORDINALS)}|\d{{1,3}}(?:st|nd|rd|th))\s+anniversary"
    rf"|(?P<count>{_NUMBER})[-\s]years?[-\s]anniversary"
    rf"|(?P<since>{_NUMBER})\s+years?\s+(?:since|after))\b",
    _FLAGS,
)
_CLAUSE_END = re.compile(r"[,;:–—()]|\s-\s")


def _years_of(match: re.Match) -> int:
    word = _norm(match["ordinal"] or match["count"] or match["since"])
    if word in ORDINALS:
        return ORDINALS[word]
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    return int(re.sub(r"\D", "", word))


def _sentence_bounds(article: Article, pos: int) -> tuple[int, int]:
    starts = [sentence.start for sentence in article.sentences]
    i = bisect.bisect_right(starts, pos) - 1
    if i < 0 or article.sentences[i].end <= pos:
        return 0, len(article.text)
    return article.sentences[i].start, article.sentences[i].end


def _anniversaries(article: Article, values: list[DateValue]) -> list[DateValue]:
    out = []
    for match in _ANNIVERSARY.finditer(article.text):
        years = _years_of(match)
        base = _anniversary_base(article, values, match)
        if base is not None and years > 0:
            out.append(_anniversary(article, match, base, years))
    return out


def _anniversary_base(article: Article, values: list[DateValue], match: re.Match) -> DateValue | None:
    """The date beside the anniversary in its sentence, outside the "of X" clause that follows it."""
    start, end = _sentence_bounds(article, match.start())
    clause_end = _CLAUSE_END.search(article.text, match.end(), end)
    object_end = clause_end.start() if clause_end else end
    near = [
        value for value in values
        if start <= value.evidence.start < end and value.precision is not None
        and not match.end() <= value.evidence.start < object_end
        and not value.evidence.overlaps(article.span(match.start(), match.end()))
    ]
    return min(near, key=lambda value: _distance(value, match), default=None)


def _distance(value: DateValue, match: re.Match) -> int:
    return max(value.evidence.start - match.end(), match.start() - value.evidence.end)


def _anniversary(article: Article, match: re.Match, base: DateValue, years: int) -> DateValue:
    evidence = article.span(match.start(), match.end())
    value = _years_back(base.value, years) if base.value else None
    return DateValue(evidence.text, evidence, value, base.precision, True, base.value)


@component("dates", requires=("doc", "sentences"), assigns=("dates",))
def make_dates():
    def dates(article: Article) -> Article:
        article.dates = find_dates(article)
        return article

    return dates
