"""From a mention record (the dict stored in mentions.record) to a `Profile`.

Words are folded (case, accents, punctuation) and, for the fuzzy comparisons (summary, targets,
place names), hashed into fixed-width bitmasks with a stable hash (crc32), so that a comparison is
one `&` and a popcount and a million profiles stay small. Actor names go through the actor
registry (`claimwatch.extract.registry.lookup`) when it is installed, so "Daesh" and "IS
militants" give one key; otherwise the folded name is the key.
"""
from __future__ import annotations

import datetime as dt
import re
import sys
import unicodedata
import zlib
from collections.abc import Iterable
from functools import lru_cache

from ..errors import ClaimwatchError
from ..model import INCIDENT_TYPES
from .types import EMPTY, Profile

TOKEN_BITS = 1024
PARTY_BITS = 512
SITE_BITS = 256
PROXY_DAYS = 7  # an undated mention happened in the week before its report
SPAN_DAYS = {"day": 0, "week": 6, "month": 30, "year": 365}
STOPWORDS = frozenset("""
a about after against all also an and any are as at be been before being between both but by can could did do
does during each few for from had has have he her here him his how if in into is it its just least more most
near no nor not now of off on once only or other our out over own said same says she should since so some such
than that the their them then there these they this those through to too under until up very was we were what
when where which while who whom why will with would you yesterday today monday tuesday wednesday thursday friday
saturday sunday morning afternoon evening night people reported report reports according told official officials
""".split())
_WORD = re.compile(r"[^\W_]+")


def fold(text: str) -> str:
    """Lower case, no accents, words separated by single spaces."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(_WORD.findall(text.casefold()))


def content_words(text: str) -> list[str]:
    return [sys.intern(w) for w in fold(text).split() if len(w) > 2 and w not in STOPWORDS]


def mask(words: Iterable[str], bits: int) -> int:
    out = 0
    for word in words:
        out |= 1 << (zlib.crc32(word.encode()) % bits)
    return out


# ---------------------------------------------------------------- actors

@lru_cache(maxsize=1)
def registry_lookup():
    """The registry's `lookup`, when the module and its data are installed; else None."""
    try:
        from ..extract import registry
    except ImportError:
        return None
    if not hasattr(registry, "lookup"):
        return None
    try:
        registry.lookup("probe")
    except ClaimwatchError:  # the registry file is not there (yet): fall back to folded names
        return None
    return registry.lookup


@lru_cache(maxsize=65536)
def actor_key(name: str, actor_id: str | None = None) -> tuple[str, str]:
    """(key, display name): the registry id and name when the registry knows the actor."""
    if actor_id:
        return actor_id, name
    lookup = registry_lookup()
    entry = lookup(name) if lookup else None
    if entry is not None:
        return entry.id, entry.name
    return sys.intern("~" + fold(name)), name


def actor_keys(record: dict) -> tuple[str, ...]:
    """Perpetrators, claimants and the accused of a record, as canonical keys."""
    names = [(p.get("name"), p.get("actor_id")) for p in record.get("perpetrators") or ()]
    for statement in record.get("statements") or ():
        if statement.get("kind") == "claim":
            names.append((statement.get("by"), statement.get("by_id")))
        elif statement.get("kind") == "accusation":
            ids = statement.get("against_ids") or []
            names += [(name, ids[i] if i < len(ids) else None) for i, name in enumerate(statement.get("against") or ())]
    keys = {actor_key(name, actor_id)[0] for name, actor_id in names if name}
    keys.discard("~")
    return tuple(sorted(keys)) or EMPTY


# ---------------------------------------------------------------- dates and places

def date_interval(record: dict, published: dt.date | None) -> tuple[int | None, int | None, bool]:
    """(lo, hi, proxy): the days the incident can fall on; an undated main mention takes its report's week."""
    date = record.get("date") or {}
    if date.get("value"):
        start = dt.date.fromisoformat(date["value"][:10]).toordinal()
        return start, start + SPAN_DAYS.get(date.get("precision") or "day", 0), False
    if published is None or record.get("role") == "background":
        return None, None, False
    end = published.toordinal()
    return end - PROXY_DAYS, end, True


def _place(record: dict) -> dict:
    return record.get("location") or {}


def site_words(location: dict) -> list[str]:
    """Words of the place name that say more than the city, region or country ("Abbey Gate")."""
    coarse = set(content_words(" ".join(str(location.get(k) or "") for k in ("city", "region", "country"))))
    return [w for w in content_words(location.get("name") or "") if w not in coarse]


def _folded(value: str | None) -> str | None:
    return sys.intern(fold(value)) if value else None


# ---------------------------------------------------------------- parties, figures, text

def victim_names(record: dict) -> tuple[tuple[str, ...], ...]:
    names = {tuple(fold(v.get("text") or "").split()) for v in record.get("victims") or () if v.get("named")}
    names.discard(())
    return tuple(sorted(names)) or EMPTY


def party_words(record: dict) -> list[str]:
    texts = [p.get("text") or "" for p in (record.get("targets") or []) + (record.get("victims") or [])]
    return content_words(" ".join(texts))


def killed(record: dict) -> int | None:
    figure = record.get("killed") or {}
    value = figure.get("value")
    return value if isinstance(value, int) and value > 0 else None


def profile(record: dict, key: int, article: int, published: dt.date | None = None, title: str = "") -> Profile:
    """The profile of one mention record."""
    lo, hi, proxy = date_interval(record, published)
    location = _place(record)
    # a country named alone puts a point at its centroid, which is no place of the incident: such a
    # mention is placed by country only ("attacked the Manda Bay airfield in Kenya" against "Lamu")
    point = (location.get("lat"), location.get("lon")) if location.get("precision") != "country" else (None, None)
    background = record.get("role") == "background"
    title = "" if background else title  # a report's title is about its main incident
    return Profile(
        key=key, article=article, background=background, lo=lo, hi=hi, proxy=proxy,
        type=record.get("type"), country=(location.get("country_code") or None),
        region=_folded(location.get("region")), city=_folded(location.get("geoname") or location.get("city")),
        lat=point[0], lon=point[1], site=mask(site_words(location), SITE_BITS),
        actors=actor_keys(record), victims=victim_names(record), parties=mask(party_words(record), PARTY_BITS),
        killed=killed(record), tokens=mask(content_words(f"{title} {record.get('summary') or ''}"), TOKEN_BITS),
        published=published.toordinal() if published else None, types=type_bits(record),
        anchored=bool(location.get("anchored")),
    )


TYPE_BIT = {t: 1 << i for i, t in enumerate(INCIDENT_TYPES)}


def type_bits(record: dict) -> int:
    """The types a mention's triggers name ("bombing" and "armed_assault" for a gun and bomb attack)."""
    out = 0
    for kind in [record.get("type"), *(record.get("types") or ())]:
        out |= TYPE_BIT.get(kind, 0)
    return out
