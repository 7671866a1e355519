"""Zones that are not report text: photo captions, credits, bylines, datelines, subheads.

Events, dates and figures inside these zones never become incident values.
"""
from __future__ import annotations

import re

from ..model import Article, Span
from .pipeline import component

CAPTION = re.compile(
    r"\b(?:file photo|in this (?:\w+ )*photo|photo(?:graph)? (?:taken|released|provided|shows)|"
    r"(?:AP|AFP|Reuters|Getty|EPA|Anadolu)(?: Images)? ?(?:Photo|/)|Photo ?(?:/|:|by)|Image:|"
    r"pictured|is seen (?:here|in)|poses? for a photo)",
    re.IGNORECASE,
)
CREDIT = re.compile(r"\((?:[^()]*\b(?:Photo|via AP|AP|Reuters|AFP|Getty|File)\b[^()]*)\)\.?\s*$")
BYLINE = re.compile(
    r"^\s*(?:By [A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,3}(?:,| and |$)|Reporting by|Writing by|Editing by|"
    r"Additional reporting|Copyright|All rights reserved|\(c\)|©|Click here|Follow (?:us|him|her)|"
    r"Read more|Related:|Sign up|Share this|Advertisement)",
    re.IGNORECASE,
)
WEEKDAY_DATELINE = re.compile(
    r"^\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? +"
    r"(?:[A-Z][a-z]+\.? +\d{1,2}|\d{1,2} +[A-Z][a-z]+),? +\d{4}\s*$"
)
# Latin letters beyond ASCII, for "AKÇAKALE", "POPAYÁN", "ŞANLIURFA, Türkiye"
_LATIN = [chr(c) for c in range(0xC0, 0x250) if chr(c).isalpha()]
UPPER = "A-Z" + "".join(ch for ch in _LATIN if ch.isupper())
LETTER = "A-Za-z" + "".join(_LATIN)
# "KABUL, Aug. 27 (Sample Wire) —", "BAGHDAD (Reuters) -": where and when the report was filed.
DATELINE_PREFIX = re.compile(
    rf"\s*[{UPPER}][{UPPER}.'’ -]{{1,40}}(?:,\s*[{UPPER}][{LETTER}.'’ ]{{1,30}})?"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,\s*\d{4})?)?"
    r"\s*(?:\([^()]{1,40}\))?\s*[—–-]{1,2}\s"
)
TERMINAL = re.compile(r"[.!?\"”’:]\s*$")


def line_spans(text: str):
    """(start, end) of every non-blank line."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            yield start, end
        start = end + 1


def classify_line(line: str, first: bool) -> str | None:
    """Why a line is not report text, or None when it is."""
    if WEEKDAY_DATELINE.match(line):
        return "dateline"
    if BYLINE.match(line):
        return "byline"
    if CAPTION.search(line) or CREDIT.search(line):
        return "caption"
    if not first and len(line.split()) <= 8 and not TERMINAL.search(line):
        return "subhead"
    return None


def find_zones(article: Article) -> list[Span]:
    zones = []
    for i, (start, end) in enumerate(line_spans(article.text)):
        kind = classify_line(article.text[start:end], first=i == 0)
        prefix = DATELINE_PREFIX.match(article.text, start, end) if kind is None else None
        if prefix:
            kind, end = "dateline", prefix.end()
        if kind:
            zones.append(article.span(start, end))
            article.trace.setdefault("zones", []).append((kind, start, end))
            if kind == "dateline" and article.dateline is None:
                article.dateline = zones[-1]
    return zones


@component("zones", requires=("text",), assigns=("excluded", "dateline"))
def make_zones():
    def mark(article: Article) -> Article:
        article.excluded = find_zones(article)
        return article

    return mark
