"""The stage types of resolution, named once: profiles → pairs → scores → decisions → clusters.

    mention record (dict) ──profile()──> Profile        a compact, hashable view of one mention
    Profile × Profile ──features()────> tuple[float]   what two mentions share
    features ──Weights.score()────────> Scored         a probability with its reasons
    Profile ──Resolver.add()──────────> Decision       join, open or bridge, with the reasons
    members ──record.incident_record──> dict           the incident's record

Profiles are plain tuples of ints and strings; the resolver stores them as numpy rows (`columns`).
"""
from __future__ import annotations

from typing import NamedTuple

EMPTY: tuple = ()


class Profile(NamedTuple):
    """What resolution needs of one incident mention; dates are proleptic ordinals (date.toordinal())."""

    key: int  # the mention id (or any unique int)
    article: int  # the report it comes from; two mentions of one report are never one incident
    background: bool  # the report recounts it; it is not news of it
    lo: int | None  # the earliest day the incident can have happened
    hi: int | None  # the latest day
    proxy: bool  # the date is the report's publication date, not a reported date
    type: str | None
    country: str | None
    region: str | None  # admin-1, folded
    city: str | None  # folded
    lat: float | None
    lon: float | None
    site: int  # bitmask of place-name words finer than the city ("abbey gate")
    actors: tuple[str, ...]  # canonical perpetrator keys (registry id or folded name)
    victims: tuple[tuple[str, ...], ...]  # named victims, each as its folded words
    parties: int  # bitmask of the words describing targets and victims
    killed: int | None
    tokens: int  # bitmask of the content words of the summary sentence (and title)
    published: int | None
    types: int = 0  # bitmask of the types its triggers name (`profile.TYPE_BIT`), its own type included
    anchored: bool = False  # the place is named by the incident's own words (`model.Place.anchored`)


class Scored(NamedTuple):
    """One candidate pair, scored."""

    other: int  # the profile key of the member it was compared with
    score: float
    features: tuple[float, ...]


class Decision(NamedTuple):
    """What `Resolver.add` did with one profile."""

    key: int
    cluster: int  # the cluster (incident) it now belongs to
    opened: bool  # True when it opened a new cluster
    best: Scored | None  # the pair that decided the join; when it opened, the nearest candidate (if any)
    bridged: tuple[int, ...] = EMPTY  # clusters merged into `cluster` because this profile joined them
    alike: tuple[int, ...] = EMPTY  # when it opened because two clusters fitted it alike: their best pairs' members


class Member(NamedTuple):
    """One mention of an incident as the record builder sees it: the report's facts and the mention's record."""

    mention: int
    article: str  # the id the report was given at input
    published: str | None  # ISO date
    source: str | None  # the outlet
    role: str  # main | background
    record: dict
