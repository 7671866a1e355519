"""Readers for the original MUC-3/4 distribution: raw messages, their datelines, and the full keys.

The processed MUC-4 files (`{split}.jsonl`) hold the lower-cased message body without its dateline;
dates in the body are relative to that dateline ("yesterday"), so the evaluation reads it back from
the raw texts under `raw/muc34/CORPORA/`:

    TST1-MUC3-0001                                   <- header line (DEV-MUC3-0001 (NOSC) in dev/)

       GUATEMALA CITY, 4 FEB 90 (ACAN-EFE) -- [TEXT] THE GUATEMALA ARMY ...

A dateline is `PLACE, DATE {(SOURCE)} --` (docs/text-headers-info): PLACE is a city, a city with
its country in brackets when the city lies outside the nine countries of interest, "NO CITY
(COUNTRY)" or "CLANDESTINE"; DATE is `DD MMM {YY}` or "NO DATE". A date without a year takes the
year of the message before it in the same file (the files run in date order).

    messages(corpora, split)   -> {docid: raw message text}
    parse_dateline(message)    -> Dateline(text, place, country, date)
    datelines(corpora, split)  -> {docid: Dateline}
    dateline_country(dateline) -> "SV"                    (ISO alpha-2; the gazetteer places a bare city)
    country_code("EL SALVADOR") -> "SV"
    read_keys(path)            -> {docid: [relevant key template, ...]}   (raw/keys_full_{split}.jsonl)

A relevant key template is one whose INCIDENT: TYPE is not `*`; the i-th of a document corresponds
to the i-th template of the processed file (README, "Alignment").
"""
from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Which raw text files hold each split's messages (paths under raw/muc34/CORPORA).
SPLIT_FILES = {
    "train": ("dev/dev-muc3-*",),
    "dev": ("tst1/tst1-muc3", "tst2/tst2-muc4"),
    "test": ("tst3/tst3-muc4", "tst4/tst4-muc4"),
}
HEADER = re.compile(r"^((?:DEV|TST\d)-MUC\d-\d{4})\b.*$", re.M)
MONTHS = {m: i for i, m in enumerate(
    ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), start=1)}
DAY_MONTH = re.compile(r"\b(\d{1,2})\s+([A-Z]{3})[A-Z]*\.?(?:\s+(\d{2}))?\b")
MONTH_DAY = re.compile(r"\b([A-Z]{3})[A-Z]*\.?\s+(\d{1,2})\s+(\d{2})\b")
BRACKETED = re.compile(r"\(([^()]*)\)")
DATELINE_REACH = 300  # the dateline's "--" comes within this many characters of the body's start
NO_PLACE = {"NO CITY", "CLANDESTINE"}
# The nine countries of interest: a dateline names the country only for a city outside them.
COUNTRIES_OF_INTEREST = ("AR", "BO", "CL", "CO", "EC", "SV", "GT", "HN", "PE")
# Country names of the 1989-92 texts that ISO 3166-1 no longer lists, by the code of today's successor.
HISTORIC_COUNTRIES = {"WEST GERMANY": "DE", "EAST GERMANY": "DE", "FRG": "DE", "GDR": "DE", "USSR": "RU",
                      "SOVIET UNION": "RU", "CZECHOSLOVAKIA": "CZ", "YUGOSLAVIA": "RS", "PRC": "CN",
                      "BURMA": "MM", "ZAIRE": "CD"}


@dataclass(frozen=True)
class Dateline:
    """A message's dateline: where and when the report was filed."""

    text: str  # "GUATEMALA CITY, 4 FEB 90 (ACAN-EFE)"
    place: str | None = None  # "GUATEMALA CITY"; None for NO CITY / CLANDESTINE
    country: str | None = None  # "PANAMA" when the dateline names it, else None
    date: dt.date | None = None
    year_given: bool = True  # False when the year was taken from the message before


def split_messages(text: str) -> Iterator[tuple[str, str]]:
    """(docid, message body) for every message of one raw file."""
    heads = list(HEADER.finditer(text))
    for head, following in zip(heads, heads[1:] + [None]):
        yield head.group(1), text[head.end(): following.start() if following else len(text)]


def messages(corpora: Path, split: str) -> dict[str, str]:
    """Every raw message of a split, by docid, in file order."""
    out: dict[str, str] = {}
    for pattern in SPLIT_FILES[split]:
        for path in sorted(corpora.glob(pattern)):
            out.update(split_messages(path.read_text(encoding="latin-1")))
    return out


def dateline_text(message: str) -> str:
    """The text before the first "--" of the message, whitespace squeezed ("" when there is none)."""
    body = message.lstrip()
    cut = body.find("--", 0, DATELINE_REACH)
    return " ".join(body[:cut].split()) if cut != -1 else ""


def parse_date(text: str, year_hint: int | None = None) -> tuple[dt.date | None, bool]:
    """A dateline's DATE ("3 JAN 90", "JUNE 11 89", "7 FEB"): the date, and whether the year was given."""
    match = DAY_MONTH.search(text)
    if match:
        day, month, year = match.group(1), match.group(2), match.group(3)
    else:
        match = MONTH_DAY.search(text)
        if not match:
            return None, True
        month, day, year = match.groups()
    if month not in MONTHS or (year is None and year_hint is None):
        return None, year is not None
    full_year = 1900 + int(year) if year is not None else year_hint
    return _safe_date(full_year, MONTHS[month], int(day)), year is not None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_place(text: str) -> tuple[str | None, str | None]:
    """(place, country) of a dateline's PLACE part: "PANAMA CITY (PANAMA)" -> ("PANAMA CITY", "PANAMA")."""
    head = text.split(",", 1)[0].strip()
    country_match = BRACKETED.search(head)
    country = country_match.group(1).strip() if country_match else None
    place = BRACKETED.sub("", head).strip()
    return (None if place in NO_PLACE or not place else place), country


def parse_dateline(message: str, year_hint: int | None = None) -> Dateline:
    text = dateline_text(message)
    place, country = parse_place(text) if "," in text else (None, None)
    date, year_given = parse_date(text.split(",", 1)[-1], year_hint) if text else (None, True)
    return Dateline(text=text, place=place, country=country, date=date, year_given=year_given)


def datelines(corpora: Path, split: str) -> dict[str, Dateline]:
    """The dateline of every message of a split; a year-less date borrows the previous message's year."""
    out: dict[str, Dateline] = {}
    year: int | None = None
    for docid, message in messages(corpora, split).items():
        dateline = parse_dateline(message, year)
        if dateline.date is not None:
            year = dateline.date.year
        out[docid] = dateline
    return out


@lru_cache(maxsize=None)
def country_code(name: str) -> str | None:
    """ISO alpha-2 of a key's country name ("EL SALVADOR" -> "SV"), or None."""
    import pycountry

    if name.upper() in HISTORIC_COUNTRIES:
        return HISTORIC_COUNTRIES[name.upper()]
    country = pycountry.countries.get(name=name) or pycountry.countries.get(common_name=name)
    return country.alpha_2 if country else None


def dateline_country(dateline: Dateline) -> str | None:
    """ISO alpha-2 of where the message was filed: the named country, else the city's, among the nine if it can be."""
    if dateline.country:
        return country_code(dateline.country)
    if not dateline.place:
        return None
    from ..extract.gazetteer import geocode

    name = dateline.place.title()
    first = geocode(name, case_sensitive=False)
    if first and first.country_code in COUNTRIES_OF_INTEREST:
        return first.country_code
    for hint in COUNTRIES_OF_INTEREST:
        geo = geocode(name, hint, case_sensitive=False)
        if geo and geo.country_code == hint:
            return hint
    return first.country_code if first else None


def is_relevant(template: dict) -> bool:
    return template.get("INCIDENT: TYPE", ["*"]) != ["*"]


def read_keys(path: Path) -> dict[str, list[dict]]:
    """The relevant raw key templates of every document of a keys_full_*.jsonl file, in key order."""
    out: dict[str, list[dict]] = {}
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            doc = json.loads(line)
            out[doc["docid"]] = [t for t in doc["templates"] if is_relevant(t)]
    return out
