"""Date expressions, found by rule and resolved against the article's publication date.

`resolve(phrase, anchor, future)` turns one phrase ("on Wednesday", "Sept. 18, 2016", "last month")
into an ISO value and a precision. The `dates` component finds every date phrase of an article with
compiled patterns (spaCy's DATE entities and tags only settle ambiguous words such as "May" or a
bare "2009"), resolves each against `article.published`, and adds anniversary dates ("the fourth
anniversary of X" beside "on Wednesday") counted back from the date next to them.
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from spacy.attrs import ENT_TYPE, IDX

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
    "the previous day": -1, "the previous morning": -1, "the previous afternoon": -1, "the previous evening": -1,
    "the previous night": -1, "today": 0, "tonight": 0, "overnight": 0, "this morning": 0,
    "this afternoon": 0, "this evening": 0, "tomorrow": 1,
}
CURRENCY = frozenset("$£€#")
HOLIDAYS = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1), "new year's eve": (12, 31),
    "christmas night": (12, 25), "christmas morning": (12, 25), "boxing day": (12, 26),
    "bastille day": (7, 14), "valentine's day": (2, 14), "halloween": (10, 31), "armistice day": (11, 11),
}
# Feasts that move with Easter (Western churches; dateutil's computus): days from Easter Sunday
MOVABLE_FEASTS = {"easter sunday": 0, "easter day": 0, "easter monday": 1, "good friday": -2, "palm sunday": -7}
# words before a weekday or a month that point strictly before / strictly after the anchor
BACKWARD = frozenset({"last", "past", "this past"})
FORWARD = frozenset({"next", "coming", "this coming"})
UNIT_PRECISION = {
    "day": "day", "week": "week", "weekend": "week", "month": "month", "year": "year", "decade": "year",
}
BOUND_QUALIFIERS = frozenset({"more than", "over", "less than", "under"})

# the word before a bare month or year that makes it a date ("in March", "since 2007")
DATE_CUES = frozenset({
    "in", "since", "until", "till", "by", "during", "from", "through", "between", "before", "after",
    "of", "on", "throughout", "around", "circa", "early", "late", "mid", "the", "year", "summer",
    "spring", "autumn", "fall", "winter",
})
# words that make a bare month or year a date only after another date: "March and April", "2006 or 2007"
LINK_WORDS = frozenset({"and", "or", "to", "-", "–", "/"})
STRONG_MONTH_CUES = DATE_CUES - {"the"}
# a four-digit number read as a time of day ("at 1830", "2030 GMT") or as a label ("Flight 2009")
TIME_BEFORE = frozenset({"at"})
LABELS_BEFORE = frozenset({
    "flight", "resolution", "resolutions", "route", "no", "number", "article", "room", "highway", "bus",
    "line", "unit", "code", "model", "version", "paragraph", "section", "chapter", "page", "km", "kilometre",
})
TIME_AFTER = frozenset({"gmt", "utc", "hours", "hrs", "local", "h"})
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
VERB_REACH = 10  # tokens searched for the verb that governs a date
CLAUSE_BREAKS = frozenset({";", ":", "–", "—", "--"})
VERB_GROUP_POS = frozenset({"AUX", "PART", "VERB", "ADV", "ADJ"})
VERB_TAGS = frozenset({"MD", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ"})


def _alt(words) -> str:
    """A regex matching any of the words, built as a trie (much faster to scan than a flat
    alternation) that prefers the longest; a space matches any whitespace, an apostrophe either kind."""
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie)


def _trie_pattern(node: dict) -> str:
    branches = [
        _CHAR_PATTERN.get(char, re.escape(char)) + _trie_pattern(child) for char, child in sorted(node.items()) if char
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


_CHAR_PATTERN = {" ": r"\s+", "'": "['’]"}


_WD = rf"(?P<wd>{_alt(WEEKDAYS)})"
_MONTH = rf"(?P<month>{_alt(MONTHS)})"
_FULL_MONTH = rf"(?P<month>{_alt(FULL_MONTHS)})"
_DAY = r"(?P<day>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_ON = r"(?:(?P<on>(?:late|early|overnight)(?:\s+on)?|on)\s+)?"
_LEAD_WD = rf"(?:{_WD},?\s+)?"
_MOD = r"(?:(?P<mod>early|late|mid)(?:-|\s+))?"
_COUNT = rf"(?P<n>\d{{1,3}}|{_alt([*NUMBER_WORDS, *VAGUE_COUNTS])})"


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
    accept: Callable[[re.Match, "_Context"], bool]
    tensed: bool  # whether the reading depends on the tense of the sentence


class _Context:
    """An article's text, lower-cased alike, and what spaCy tells about it (read lazily)."""

    def __init__(self, article: Article) -> None:
        self.text = article.text
        self.low = _lower(article.text)
        self.doc = article.doc

    @cached_property
    def starts(self) -> list[int]:
        """Each token's start offset (read as one array: building Token objects is slow)."""
        return self.doc.to_array(IDX).tolist() if self.doc is not None else []

    @cached_property
    def date_tokens(self) -> list[bool]:
        """Whether each token is inside a DATE entity (from an array: `doc.ents` builds slow Spans)."""
        if self.doc is None:
            return []
        date = self.doc.vocab.strings["DATE"]
        return [kind == date for kind in self.doc.to_array(ENT_TYPE).tolist()]

    def token_at(self, pos: int):
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.doc[i] if i >= 0 else None

    def in_date_entity(self, start: int, end: int) -> bool:
        first = bisect.bisect_right(self.starts, start) - 1
        tokens = self.date_tokens[max(first, 0):bisect.bisect_left(self.starts, end)]
        return bool(tokens) and all(tokens)


def _lower(text: str) -> str:
    """The text lower-cased, offsets kept (characters whose lower case is longer stay as they are)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in text)


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
    """The date, or None when there is no such day (30 February, 29 February of a common year)."""
    if not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)


def _years_back(iso: str, years: int) -> str:
    """The ISO date `years` earlier; 29 February falls back to the 28th."""
    day = dt.date.fromisoformat(iso)
    year = day.year - years
    return (_safe_date(year, day.month, day.day) or dt.date(year, day.month, 28)).isoformat()


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def month_start(year: int, month: int, shift: int = 0) -> dt.date:
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
    return WEEKDAYS[wd] if wd else None


def _read_iso(match, anchor, future):
    day = _safe_date(int(match["year"]), int(match["month"]), int(match["day"]))
    return Reading(day.isoformat(), "day", False) if day else None


def _read_full_date(match, anchor, future):
    day = _safe_date(int(match["year"]), MONTHS[match["month"]], int(match["day"]))
    return Reading(day.isoformat(), "day", False) if day else None


def _read_month_day(match, anchor, future):
    month, day = MONTHS[match["month"]], int(match["day"])
    if _safe_date(2000, month, day) is None:
        return None
    return _relative(anchor, "day", lambda a: _month_day_near(a, month, day, future, _weekday_of(match)))


def _accept_holiday(match, context):
    """ "the Good Friday Agreement" is a peace deal, not a day."""
    return not re.match(r"\s+(?:agreement|accord|deal|peace)\b", context.text[match.end():match.end() + 12], re.I)


def _read_holiday(match, anchor, future):
    name = _norm(match["holiday"])
    if name in MOVABLE_FEASTS:
        return _relative(anchor, "day", lambda a: _feast_near(a, MOVABLE_FEASTS[name], future))
    month, day = HOLIDAYS[name]
    return _relative(anchor, "day", lambda a: _month_day_near(a, month, day, future, None))


def _feast_near(anchor: dt.date, offset: int, future: bool) -> dt.date | None:
    """The nearest past (future) day `offset` days from Easter Sunday."""
    from dateutil.easter import easter

    options = [easter(year) + dt.timedelta(days=offset) for year in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if future:
        return min((d for d in options if d >= anchor), default=None)
    return max((d for d in options if d <= anchor), default=None)


def _read_month_year(match, anchor, future):
    return Reading(dt.date(int(match["year"]), MONTHS[match["month"]], 1).isoformat(), "month", False)


def _read_month(match, anchor, future):
    month, rel = FULL_MONTHS[match["month"]], _norm(match["rel"])
    return _relative(anchor, "month", lambda a: _month_near(a, month, rel, future))


def _read_weekday(match, anchor, future):
    rel = _norm(match["rel"])
    if rel in BACKWARD:
        direction = "before"
    elif rel in FORWARD:
        direction = "after"
    else:
        direction = "on_or_after" if future else "on_or_before"
    weekday = _weekday_of(match)
    if rel == "last":
        return _relative(anchor, "day", lambda a: _last_weekday(a, weekday))
    if not rel and weekday is not None and LAST_WEEK_AFTER.match(match.string, match.end()):
        # "on Wednesday last week": that weekday of the calendar week before the anchor's
        return _relative(anchor, "day", lambda a: a - dt.timedelta(days=a.weekday() + 7 - weekday))
    return _relative(anchor, "day", lambda a: _shift_weekday(a, weekday, direction))


LAST_WEEK_AFTER = re.compile(r",?\s+(?:of\s+)?last\s+week\b", re.IGNORECASE)


def _last_weekday(anchor: dt.date, weekday: int) -> dt.date:
    """ "last Tuesday" written on a Wednesday is not yesterday (that is "on Tuesday") but the week before."""
    day = _shift_weekday(anchor, weekday, "before")
    return day - dt.timedelta(days=7) if anchor - day == dt.timedelta(days=1) else day


def _read_day_word(match, anchor, future):
    offset = DAY_WORDS[_norm(match["word"])]
    return _relative(anchor, "day", lambda a: a + dt.timedelta(days=offset))


def _read_period(match, anchor, future):
    unit, rel = match["unit"], _norm(match["rel"])
    shift = -1 if rel == "last" else 1 if rel in FORWARD else 0
    return _relative(anchor, UNIT_PRECISION[unit], lambda a: _period_start(a, unit, shift))


def _read_weekend(match, anchor, future):
    """ "at the weekend", "over the weekend": the one just past (this one, told on a Saturday or Sunday)."""
    shift = 0 if anchor.weekday() >= 5 else -1
    return _relative(anchor, "week", lambda a: _period_start(a, "weekend", shift))


def _period_start(anchor: dt.date, unit: str, shift: int) -> dt.date:
    if unit == "weekend":  # its Saturday, the first of the days it may be
        return _monday(anchor) + dt.timedelta(days=5, weeks=shift)
    if unit == "week":
        return _monday(anchor) + dt.timedelta(weeks=shift)
    if unit == "month":
        return month_start(anchor.year, anchor.month, shift)
    return dt.date(anchor.year + shift, 1, 1)


def _read_ago(match, anchor, future):
    unit = "day" if match["unit"] == "night" else match["unit"]  # "two nights earlier"
    n = _exact_count(match)
    if n is None:
        return Reading(None, UNIT_PRECISION[unit], True)
    if _norm(match["q"]) == "exactly" and unit == "week":  # "exactly two weeks ago": to the day
        return _relative(anchor, "day", lambda a: a - dt.timedelta(weeks=n))
    return _relative(anchor, UNIT_PRECISION[unit], lambda a: _units_back(a, unit, n))


def _exact_count(match: re.Match) -> int | None:
    """The number of units in "two weeks ago"; None for vague or bounded counts and for decades."""
    count = _norm(match["n"])
    if count is None or match["unit"] == "decade" or _norm(match["q"]) in BOUND_QUALIFIERS:
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
        return month_start(anchor.year, anchor.month, -n)
    return dt.date(anchor.year - n, 1, 1)


def _read_year(match, anchor, future):
    return Reading(dt.date(int(match["year"]), 1, 1).isoformat(), "year", False)


def _read_decade(match, anchor, future):
    return Reading(None, None, False)


# ---- acceptance of found matches ------------------------------------------------------------

_PREV_WORD = re.compile(r"(\w+|[-–/])\s*$")
_NEXT_WORD = re.compile(r"\s+([\w'’-]+)")
_DATE_WORD = re.compile(rf"{_alt([*MONTHS, *WEEKDAYS])}|(?:1[89]|20)\d\d(?:['’]?s)?")
_TIME_PAREN = re.compile(r"\s*\(\d{4}\b")  # "1800 (0000 GMT)"
_NOUN_PHRASE_NEXT = re.compile(r"\s+(?:(?:the|a|an|his|her|their|its|our)\b|[A-Z])")


def _prev_word(context: _Context, pos: int) -> str:
    return _prev(context, pos)[0]


def _prev(context: _Context, pos: int) -> tuple[str, int]:
    """The word right before `pos` (only spaces between) and where it starts; ("", pos) when none."""
    found = _PREV_WORD.search(context.low, max(0, pos - 30), pos)
    return (found.group(1), found.start(1)) if found else ("", pos)


def _cue(context: _Context, pos: int, cues: frozenset) -> bool | None:
    """Whether the word before `pos` makes a bare month or year a date: True after a cue, False after a
    link word that follows no other date ("resolutions 1718 and 1874"), None when it does not tell."""
    word, start = _prev(context, pos)
    if word in LINK_WORDS:
        return _DATE_WORD.fullmatch(_prev_word(context, start)) is not None
    return True if word in cues else None


def _next_word(context: _Context, pos: int) -> str:
    found = _NEXT_WORD.match(context.low, pos)
    return found.group(1) if found else ""


def _tag_at(context: _Context, pos: int) -> str:
    token = context.token_at(pos)
    return token.tag_ if token is not None and token.idx == pos else ""


def _has_lead(match: re.Match, *groups: str) -> bool:
    return any(match.groupdict().get(group) for group in groups)


# "late that Friday evening", "on that Sunday": the day of a date told before, not the one before publication
# (not "police said that Wednesday's attack")
THAT_DAY_BEFORE = frozenset({"late", "early", "on", "of", "by", "until", "till", "since", "from", "before", "after",
                             "during"})


def _accept_weekday(match, context):
    before = "" if _has_lead(match, "on", "rel") else _prev_word(context, match.start())
    after = _next_word(context, match.end())
    if before == "that" and _prev_word(context, _prev(context, match.start())[1]) in THAT_DAY_BEFORE:
        return False
    if before in SERVICE_TIME_BEFORE and after in SERVICE_WORDS:
        return True  # "during Friday prayers": that Friday's
    return before not in WEEKDAY_BLOCK_BEFORE and after not in WEEKDAY_BLOCK_AFTER


SERVICE_TIME_BEFORE = frozenset({"during"})
SERVICE_WORDS = frozenset({"prayer", "prayers", "sermon", "sermons", "mass"})


def _accept_month_day(match, context):
    """ "25 may" is a date unless "may" is a modal verb ("the other 25 may be freed")."""
    if match["month"] != "may" or _has_lead(match, "on", "wd") or _tag_at(context, match.start("month")) != "MD":
        return True
    token = context.token_at(match.start("month"))
    following = token.nbor(1) if token.i + 1 < len(context.doc) else None
    return following is None or not (following.tag_ in VERB_TAGS or following.tag_ == "RB")


def _accept_month(match, context):
    """A bare month: after "in", "last", "early" and such, or a cue word; never the verb "march"."""
    if _has_lead(match, "pre", "rel", "mod"):
        return True
    if _tag_at(context, match.start("month")) in VERB_TAGS:
        return False
    if match["month"] in AMBIGUOUS_MONTHS:
        return bool(_cue(context, match.start(), STRONG_MONTH_CUES))
    return _cue_or_entity(match, context)


def _accept_year(match, context):
    if _reads_as_count_or_time(match, context):
        return False
    return _has_lead(match, "pre", "mod") or _cue_or_entity(match, context)


def _cue_or_entity(match, context) -> bool:
    cue = _cue(context, match.start(), DATE_CUES)
    return context.in_date_entity(match.start(), match.end()) if cue is None else cue


def _reads_as_count_or_time(match, context) -> bool:
    """ "2000 people", "$2009", "at 1830", "1800 (0000 GMT)", "Flight 2009" """
    start, after = match.start(), _next_word(context, match.end())
    if after in COUNT_NOUNS or after in TIME_AFTER or context.text[max(0, start - 1):start] in CURRENCY:
        return True
    before = _prev_word(context, start)
    return before in TIME_BEFORE or before in LABELS_BEFORE or _TIME_PAREN.match(context.low, match.end()) is not None


def _accept_day_word(match, context):
    word = _norm(match["word"])
    if word in ("the day before", "the previous day") and _NOUN_PHRASE_NEXT.match(context.text, match.end()):
        return False
    if word == "overnight" and _tag_at(context, match.start("word")) == "JJ":
        return False
    return _prev_word(context, match.start()) not in DAY_WORD_BLOCK_BEFORE


def _accept_period(match, context):
    return _prev_word(context, match.start()) != "the"


def _accept_any(match, context):
    return True


TENSED_READERS = frozenset({"weekday", "month_day", "day_month", "month", "holiday"})


def _rule(name, pattern, read, accept=_accept_any) -> Rule:
    return Rule(name, re.compile(pattern), read, accept, name in TENSED_READERS)


RULES: tuple[Rule, ...] = (
    _rule("iso", r"\b(?P<year>(?:1[89]|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b", _read_iso),
    _rule("month_day_year", rf"\b{_ON}{_LEAD_WD}{_MONTH}\.?\s+{_DAY},?\s+{_YEAR}\b", _read_full_date),
    _rule("day_month_year", rf"\b{_ON}{_LEAD_WD}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}\.?,?\s+{_YEAR}\b",
          _read_full_date),
    _rule("month_day", rf"\b{_ON}{_LEAD_WD}{_MONTH}\.?\s+{_DAY}\b(?![.,:]?\d)", _read_month_day, _accept_month_day),
    _rule("day_month", rf"\b{_ON}{_LEAD_WD}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MONTH}\b(?!['’]s)", _read_month_day,
          _accept_month_day),
    _rule("holiday", rf"\b(?:on\s+)?(?P<holiday>{_alt([*HOLIDAYS, *MOVABLE_FEASTS])})\b", _read_holiday,
          _accept_holiday),
    _rule("month_year", rf"\b(?:(?P<pre>in|during)\s+)?{_MOD}{_MONTH}\.?,?\s+{_YEAR}\b", _read_month_year),
    _rule("month", rf"\b(?:(?P<pre>in|during)\s+)?(?:(?P<rel>{_alt(BACKWARD | FORWARD | {'this'})})\s+)?{_MOD}"
          rf"{_FULL_MONTH}\b(?!\s*\d)", _read_month, _accept_month),
    _rule("weekday", rf"\b(?:(?P<rel>{_alt(BACKWARD | FORWARD | {'this'})})\s+|{_ON}){_WD}\b"
          r"(?:\s+(?:morning|afternoon|evening|night))?", _read_weekday, _accept_weekday),
    _rule("day_word", rf"\b(?:(?:earlier|later|early|late)\s+)?(?P<word>{_alt(DAY_WORDS)})\b"
          r"(?:\s+(?:morning|afternoon|evening|night)\b)?", _read_day_word, _accept_day_word),
    _rule("period", r"\b(?:(?:earlier|later|early|late)\s+)?(?P<rel>last|this|next|coming)\s+"
          r"(?P<unit>weekend|week|month|year)\b", _read_period, _accept_period),
    _rule("weekend", r"\b(?:at|over|during)\s+the\s+weekend\b", _read_weekend),
    _rule("ago", rf"\b(?:(?P<q>about|around|roughly|some|nearly|almost|just|only|exactly|more\s+than|over|less\s+than|under)"
          rf"\s+)?(?:{_COUNT}\s+)?(?P<unit>day|night|week|month|year|decade)s?\s+(?:ago|earlier)\b", _read_ago),
    _rule("year", rf"\b(?:(?P<pre>in|during)\s+)?{_MOD}{_YEAR}\b(?![.,]\d|\s*%)", _read_year, _accept_year),
    _rule("decade", rf"\b(?:(?P<pre>in|during)\s+)?(?:the\s+)?{_MOD}(?P<decade>(?:1[89]|20)\d0)['’]?s\b",
          _read_decade),
)


RULE_BY_NAME = {rule.name: rule for rule in RULES}


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
    reading = _reading(" ".join(phrase.split()).strip(",;:").lower(), anchor, future)
    return (reading.value, reading.precision) if reading else (None, None)


# ---- tense ----------------------------------------------------------------------------------


# "a first court appearance set for Monday", "talks scheduled for Friday": a plan, with no verb group
SET_FOR = re.compile(r"\b(?:set|scheduled|slated|planned|due)\s+(?:for|on)\s+(?:next\s+)?$", re.I)


def _is_future(context: _Context, start: int, end: int) -> bool:
    """Whether the verb group governing the date is future: the nearest verb before it in its sentence
    ("will meet on Monday"), else the first one after it ("On Monday, the council will vote")."""
    if context.doc is None:
        return False
    if SET_FOR.search(context.doc.text, max(0, start - 20), start):
        return True
    verb = _verb_before(context.doc, bisect.bisect_left(context.starts, start))
    if verb is not None:
        # "said investigators would arrive on Saturday": reported speech's future, where its verb governs the
        # date (not "the students taken early on Wednesday would soon be home")
        return verb >= 0 and _future_group(context.doc, verb, reported=True)
    verb = _verb_after(context.doc, bisect.bisect_left(context.starts, end))
    return verb is not None and _future_group(context.doc, verb)


def _verb_before(doc, first: int) -> int | None:
    """The nearest verb before token `first` in its sentence; -1 when an event noun comes first
    ("avenge the attack on Tuesday": the date is the attack's); None when there is none."""
    if first >= len(doc) or doc[first].is_sent_start:
        return None
    for i in range(first - 1, max(-1, first - VERB_REACH), -1):
        token = doc[i]
        if token.pos_ == "NOUN" and token.lower_ in EVENT_NOUNS:
            return -1
        if token.pos_ in ("VERB", "AUX"):
            return i
        if token.is_sent_start or token.text in CLAUSE_BREAKS:
            return None
    return None


def _verb_after(doc, after: int) -> int | None:
    for i in range(after, min(len(doc), after + VERB_REACH)):
        if doc[i].is_sent_start or doc[i].text in CLAUSE_BREAKS:
            return None
        if doc[i].pos_ in ("VERB", "AUX"):
            return i
    return None


def _future_group(doc, verb: int, reported: bool = False) -> bool:
    """Whether the verb group around token `verb` ("is due to be held") marks the future; with `reported`,
    the future in the past of reported speech too ("would arrive")."""
    words = [doc[verb].lower_]
    for step in (-1, 1):
        i = verb + step
        while 0 <= i < len(doc) and abs(i - verb) <= 5 and doc[i].pos_ in VERB_GROUP_POS:
            words.append(doc[i].lower_.replace("’", "'"))
            i += step
    if FUTURE_WORDS.intersection(words) or reported and "would" in words:
        return True
    return bool(PRESENT_AUX.intersection(words) and FUTURE_AFTER_PRESENT.intersection(words))


# ---- the component --------------------------------------------------------------------------


class _Found(NamedTuple):
    start: int
    end: int
    reading: Reading


# A cheap scan for the core word of each kind of phrase; the rules are then tried only from the few
# words before each core, which keeps the component fast on long texts.
_CORE = re.compile(
    rf"\b(?:(?P<period>(?:last|this|next|coming)\s+(?:weekend|week|month|year))"
    r"|(?P<weekend>(?<=the )weekend)"
    rf"|(?P<day_word>{_alt(DAY_WORDS)})|(?P<weekday>{_alt(WEEKDAYS)})|(?P<month>{_alt(MONTHS)})"
    r"|(?P<year>(?:1[89]|20)\d\d(?:['’]?s)?)|(?P<ago>ago|(?:(?<=day )|(?<=days )|(?<=night )|(?<=nights )|(?<=week )|(?<=weeks ))earlier)"
    rf"|(?P<holiday>{_alt([*HOLIDAYS, *MOVABLE_FEASTS])})|(?P<anniversary>anniversary|years?\s+(?:since|after)))\b"
)
_WORD_START = re.compile(r"\b\w")
# core kind -> (rules tried, how many words before the core a phrase may start)
CORE_RULES = {
    "period": (("period",), 1),
    "weekend": (("weekend",), 2),
    "day_word": (("day_word",), 1),
    "weekday": (("month_day_year", "day_month_year", "month_day", "day_month", "weekday"), 3),
    "month": (("month_day_year", "day_month_year", "month_day", "day_month", "month_year", "month"), 6),
    "year": (("iso", "year", "decade"), 3),
    "ago": (("ago",), 4),
    "holiday": (("holiday",), 1),
}


def _starts_before(context: _Context, pos: int, words: int) -> list[int]:
    """Where a phrase around the core at `pos` may start: up to `words` word starts back, earliest first."""
    starts = [found.start() for found in _WORD_START.finditer(context.low, max(0, pos - 12 * words), pos)]
    return [*starts[-words:], pos]


def _core_matches(context: _Context, cores: list[re.Match]) -> list[tuple[Rule, re.Match]]:
    """The longest match of each applicable rule around each core word."""
    out = []
    for core in cores:
        if core.lastgroup not in CORE_RULES:
            continue
        names, words = CORE_RULES[core.lastgroup]
        starts = _starts_before(context, core.start(), words)
        out.extend(_match_around(context, core, [RULE_BY_NAME[name] for name in names], starts))
    return out


def _match_around(context: _Context, core: re.Match, rules: list[Rule], starts: list[int]):
    for rule in rules:
        for start in starts:
            match = rule.pattern.match(context.low, start)
            if match and match.end() >= core.end():
                yield rule, match
                break


# "6th of October City", "the 26th of July Movement", "May Day Square": a date that opens a name
NAMED_AFTER = re.compile(r"\s+(?:City|Street|Square|Bridge|Avenue|Road|University|Stadium|District|Hospital|Airport|Park|"
                         r"Movement|Brigade|Front|Mosque|Church|School)\b")


def _candidates(article: Article, context: _Context, cores: list[re.Match]) -> list[_Found]:
    found = set()
    for rule, match in _core_matches(context, cores):
        if rule.accept(match, context) and not NAMED_AFTER.match(article.text, match.end()):
            future = rule.tensed and _is_future(context, match.start(), match.end())
            reading = rule.read(match, article.published, future)
            if reading is not None:
                found.add(_Found(match.start(), match.end(), reading))
    return list(found)


def _longest_first(found: list[_Found]) -> list[_Found]:
    """Non-overlapping matches, the longer winning, in text order."""
    kept: list[_Found] = []
    for item in sorted(found, key=lambda f: (f.start - f.end, f.start)):
        if all(item.end <= other.start or other.end <= item.start for other in kept):
            kept.append(item)
    return sorted(kept)


def find_dates(article: Article) -> list[DateValue]:
    """Every date phrase of the article, resolved, with anniversary dates, in text order."""
    context = _Context(article)
    cores = list(_CORE.finditer(context.low))
    values = [_date_value(article, item) for item in _longest_first(_candidates(article, context, cores))]
    extra = _anniversaries(article, context, cores, values)
    return sorted(values + extra, key=lambda value: value.evidence.start)


def _date_value(article: Article, item: _Found) -> DateValue:
    evidence = article.span(item.start, item.end)
    value, precision, relative = item.reading
    return DateValue(evidence.text, evidence, value, precision, relative)


# ---- anniversaries --------------------------------------------------------------------------

_NUMBER = rf"(?:\d{{1,3}}|{_alt(NUMBER_WORDS)})"
_ANNIVERSARY = re.compile(
    rf"\b(?:(?P<ordinal>{_alt(ORDINALS)}|\d{{1,3}}(?:st|nd|rd|th))\s+anniversary"
    rf"|(?P<count>{_NUMBER})[-\s]years?[-\s]anniversary"
    rf"|(?P<since>{_NUMBER})\s+years?\s+(?:since|after))\b"
)
# "the 71st anniversary of its independence": a nation's or a person's day, not an incident's; no date
# counted back from it, and no cue that the report recounts an older attack. (A group's founding is left
# out: "ETA reached the 50th anniversary of its founding with two bombings behind it" looks back.)
CIVIC_OCCASION = (r"\s+of\s+(?:(?:its|the|their|his|her|this|a|[\w'’-]+['’]s)\s+)*(?:[\w-]+\s+)?"
                  r"(?:independence|revolution|birth|birthday|constitution|republic|liberation|"
                  r"unification|reunification|accession|coronation|wedding)\b"
                  # "a festival celebrating the 650th anniversary of the western German city of Solingen": a
                  # place's own age
                  r"|\s+of\s+the\s+(?:[\w-]+\s+){0,3}(?:city|town|village|municipality|nation|country|kingdom)"
                  r"(?![\w'’-]|(?:\s+of)?(?:\s+[\w'’-]+){0,2}\s+(?:attacks?|bombings?|shootings?|massacres?|blasts?|"
                  r"raids?|killings?|siege|fire)\b)")
_CIVIC_OCCASION = re.compile(CIVIC_OCCASION, re.I)
_CLAUSE_END = re.compile(r"[,;:–—()]|\s-\s")
_OF_NEXT = re.compile(r"\s+of\b")


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


def _anniversaries(article: Article, context: _Context, cores: list[re.Match], values: list[DateValue]):
    """An anniversary date for each "fourth anniversary" with a date beside it."""
    out = []
    for core in cores:
        match = _anniversary_at(context, core) if core.lastgroup == "anniversary" else None
        if match and _CIVIC_OCCASION.match(context.low, match.end()):
            continue
        base = _anniversary_base(article, context, values, match) if match else None
        if base is not None and _years_of(match) > 0:
            out.append(_anniversary(article, match, base, _years_of(match)))
    return out


def _anniversary_at(context: _Context, core: re.Match) -> re.Match | None:
    for start in _starts_before(context, core.start(), 2):
        match = _ANNIVERSARY.match(context.low, start)
        if match and match.end() >= core.end():
            return match
    return None


def _anniversary_base(article: Article, context: _Context, values: list[DateValue], match: re.Match):
    """The date beside the anniversary in its sentence, outside the "of X" stretch that follows it."""
    start, end = _sentence_bounds(article, match.start())
    object_end = _object_end(context, match, end)
    near = [
        value for value in values
        if start <= value.evidence.start < end and value.precision is not None
        and not match.end() <= value.evidence.start < object_end
    ]
    return min(near, key=lambda value: _distance(value, match), default=None)


def _object_end(context: _Context, match: re.Match, end: int) -> int:
    """Where the stretch after an anniversary ("of the general's killing") ends: a clause mark or a verb."""
    pos = match.end()
    if not match["since"] and not _OF_NEXT.match(context.low, pos):
        return pos
    clause_end = _CLAUSE_END.search(context.text, pos, end)
    end = clause_end.start() if clause_end else end
    if context.doc is None:
        return end
    for i in range(bisect.bisect_left(context.starts, pos), len(context.starts)):
        if context.starts[i] >= end or context.doc[i].pos_ in ("VERB", "AUX"):
            return min(end, context.starts[i])
    return end


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
