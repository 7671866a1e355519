"""Blocking: which placed profiles a new profile is compared with, found by key, never by scanning.

Time is cut into week buckets; a profile is filed under every week within `WINDOW_DAYS` of its
date interval and looked up under the weeks of its own interval, so two profiles meet when their
intervals are at most `WINDOW_DAYS` apart. Within a week, by place:

    filed under                                  looked up by a profile that has
    ("g", week, country, lat cell, lon cell)     coordinates: its cell and the cells around it
    ("r", week, country, admin-1 region)         a region: its region
    ("nc", week, country)  no coordinates,       coordinates: always
                           no region
    ("ncr", week, country) no coordinates,       coordinates and no region: always (with a region,
                           a region              the region key finds the only ones it may match)
    ("nr", week, country)  no region             a region: always
    ("?", week)            no country            a country and a place: always
    ("c", week, country)   every profile         a country and no place: the latest `MAX_WILDCARD`
    ("*", week)            every profile         no country: the latest `MAX_WILDCARD`

So two profiles meet when they may be near (cells), share a region, or one of them is too vague
to tell (`features.place_compatible` says the same). Besides the weeks, a profile that states its
day is filed under ("d", day, country) and looks under the days within `EXACT_DAYS` of it: two
reports of one day in one country meet whatever places they name (`features.compatible`); one that
also has coordinates is filed under ("dx", day, cell), for two towns either side of a border.
Cells are 1° of latitude by 1° of longitude and the lookup spans ±1 cell of latitude and ±2 of
longitude, which covers `features.MAX_KM` (100 km) up to 60° of latitude. Two profiles in
different regions without coordinates never meet (`features.place_compatible` would refuse them);
a profile with no date at all is never filed nor compared.
"""
from __future__ import annotations

import math
from array import array
from collections.abc import Iterator

import numpy as np

from .features import EXACT_DAYS, WINDOW_DAYS, compatible
from .types import Profile

BUCKET_DAYS = 7
MAX_WILDCARD = 256
LAT_CELLS, LON_CELLS = 1, 2  # cells looked up on each side
NOTHING = np.zeros(0, np.int64)


def buckets(lo: int, hi: int) -> range:
    return range(lo // BUCKET_DAYS, hi // BUCKET_DAYS + 1)


def _cell(profile: Profile) -> tuple[int, int] | None:
    return (math.floor(profile.lat), math.floor(profile.lon)) if profile.lat is not None and profile.lon is not None \
        else None


def file_keys(profile: Profile, week: int) -> Iterator[tuple]:
    """The keys a profile is filed under for one week."""
    yield "*", week
    if profile.country is None:
        yield "?", week
        return
    yield "c", week, profile.country
    cell = _cell(profile)
    if cell:
        yield "g", week, profile.country, *cell
    else:
        yield ("ncr" if profile.region else "nc"), week, profile.country
    yield ("r", week, profile.country, profile.region) if profile.region else ("nr", week, profile.country)


def look_keys(profile: Profile, week: int) -> Iterator[tuple]:
    """The exact keys a profile with a country and a place looks under for one week."""
    cell = _cell(profile)
    if cell:
        for dlat in range(-LAT_CELLS, LAT_CELLS + 1):
            for dlon in range(-LON_CELLS, LON_CELLS + 1):
                yield "g", week, profile.country, cell[0] + dlat, cell[1] + dlon
        yield "nc", week, profile.country
        if not profile.region:  # a region-only profile may be anywhere in the country
            yield "ncr", week, profile.country
    if profile.region:
        yield "r", week, profile.country, profile.region
        yield "nr", week, profile.country
    yield "?", week


class BlockIndex:
    """Values (rows or keys) by blocking key (see the module docstring), in compact int64 arrays."""

    def __init__(self) -> None:
        self.index: dict[tuple, array] = {}

    def add(self, profile: Profile, value: int | None = None) -> None:
        """File `value` (default: the profile's key) under the profile's keys."""
        if profile.lo is None:
            return
        value = profile.key if value is None else value
        keys = [key for week in buckets(profile.lo - WINDOW_DAYS, profile.hi + WINDOW_DAYS)
                for key in file_keys(profile, week)]
        if _day_stated(profile):
            keys.append(("d", profile.lo, profile.country))
            cell = _cell(profile)
            if cell:
                keys.append(("dx", profile.lo, *cell))
        for key in keys:
            found = self.index.get(key)
            if found is None:
                found = self.index[key] = array("q")
            found.append(value)

    def candidates(self, profile: Profile) -> np.ndarray:
        """The distinct values filed under the keys this profile looks under."""
        if profile.lo is None:
            return NOTHING
        parts = [np.frombuffer(found, np.int64)[-limit:] if limit else np.frombuffer(found, np.int64)
                 for key, limit in self._lookups(profile) if (found := self.index.get(key))]
        return _distinct(np.concatenate(parts)) if parts else NOTHING

    def _lookups(self, profile: Profile) -> Iterator[tuple[tuple, int]]:
        """(key, how many of its latest values to take, 0 for all)."""
        specific = profile.country is not None and (profile.region or _cell(profile))
        for week in buckets(profile.lo, profile.hi):
            if specific:
                yield from ((key, 0) for key in look_keys(profile, week))
            elif profile.country:
                yield ("c", week, profile.country), MAX_WILDCARD
                yield ("?", week), 0
            else:
                yield ("*", week), MAX_WILDCARD
        if _day_stated(profile):
            cell = _cell(profile)
            for day in range(profile.lo - EXACT_DAYS, profile.lo + EXACT_DAYS + 1):
                yield ("d", day, profile.country), 0
                if cell:  # across a border: the same cells the week keys look under, in every country
                    for dlat in range(-LAT_CELLS, LAT_CELLS + 1):
                        for dlon in range(-LON_CELLS, LON_CELLS + 1):
                            yield ("dx", day, cell[0] + dlat, cell[1] + dlon), 0


def _day_stated(profile: Profile) -> bool:
    """The report states the day (no publication-week stand-in) and a country."""
    return profile.country is not None and profile.lo == profile.hi and not profile.proxy


def _distinct(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values (a sort and a mask: faster than np.unique on small arrays)."""
    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))]


def blocked_pairs(profiles: list[Profile]) -> Iterator[tuple[Profile, Profile]]:
    """Every pair the resolver would compare (each once, the earlier profile first)."""
    index, by_key = BlockIndex(), {}
    for profile in profiles:
        for key in index.candidates(profile).tolist():
            if compatible(profile, by_key[key]):
                yield by_key[key], profile
        index.add(profile)
        by_key[profile.key] = profile
