"""Profiles as numpy columns, and `features` computed for many candidates at once.

The resolver keeps every placed profile as one row of growable arrays (dates, codes for type,
country, region and city, coordinates, deaths, and the bitmasks split into 64-bit words), so that a
new profile is scored against its hundreds of candidates in a busy week with a handful of vector
operations. `features_many` computes exactly what `features.features` computes for one pair
(the scalar version stays the reference; tests hold them equal); the only Python loops left are
the exact checks of shared actors and victims, run on the few candidates whose hashed masks say
they may share one.
"""
from __future__ import annotations

import math
import zlib

import numpy as np

from ..model import INCIDENT_TYPES
from .features import MAX_KM, NEAR_KM, WINDOW_DAYS, type_relation
from .profile import PARTY_BITS, SITE_BITS, TOKEN_BITS
from .types import Profile

TYPE_CODES = {t: i for i, t in enumerate(INCIDENT_TYPES)}  # None (and any unknown type) -> len(INCIDENT_TYPES)
_NONE = len(INCIDENT_TYPES)
RELATION = np.array([[type_relation(a, b) for b in (*INCIDENT_TYPES, None)] for a in (*INCIDENT_TYPES, None)],
                    dtype=np.int8)
NAME_BITS = 128
SCALARS = {"key": np.int64, "lo": np.int64, "hi": np.int64, "proxy": np.bool_, "article": np.int64, "type": np.int16,
           "country": np.int32, "region": np.int32, "city": np.int32, "lat": np.float64, "lon": np.float64,
           "killed": np.int64, "site_n": np.int16, "parties_n": np.int16, "tokens_n": np.int16}
MASKS = {"site": SITE_BITS, "parties": PARTY_BITS, "tokens": TOKEN_BITS, "actor_mask": NAME_BITS,
         "victim_mask": NAME_BITS}


def words(mask: int, bits: int) -> np.ndarray:
    """A bitmask as little-endian 64-bit words."""
    return np.frombuffer(mask.to_bytes(bits // 8, "little"), dtype="<u8")


def name_mask(names) -> int:
    out = 0
    for name in names:
        out |= 1 << (zlib.crc32(name.encode()) % NAME_BITS)
    return out


class Codes:
    """Strings to small ints (and None to -1), so that columns compare codes."""

    def __init__(self) -> None:
        self.codes: dict[str, int] = {}

    def __call__(self, value: str | None) -> int:
        if value is None:
            return -1
        return self.codes.setdefault(value, len(self.codes))


class Columns:
    """Growable columns, one row per placed profile."""

    def __init__(self, capacity: int = 1024) -> None:
        self.size = 0
        self.arrays = {name: np.zeros(capacity, dtype) for name, dtype in SCALARS.items()}
        self.arrays.update({name: np.zeros((capacity, bits // 64), np.uint64) for name, bits in MASKS.items()})
        self.actors: list[tuple] = []
        self.victims: list[tuple] = []
        self.codes = {"country": Codes(), "region": Codes(), "city": Codes()}

    def __getattr__(self, name: str) -> np.ndarray:
        arrays = self.__dict__.get("arrays", {})
        if name in arrays:
            return arrays[name]
        raise AttributeError(name)

    def _grow(self) -> None:
        for name, array in self.arrays.items():
            bigger = np.zeros((2 * len(array), *array.shape[1:]), array.dtype)
            bigger[: len(array)] = array
            self.arrays[name] = bigger

    def append(self, p: Profile) -> int:
        if self.size == len(self.arrays["lo"]):
            self._grow()
        row, a = self.size, self.arrays
        values = {"key": p.key, "lo": p.lo if p.lo is not None else 0, "hi": p.hi if p.hi is not None else 0, "proxy": p.proxy,
                  "article": p.article, "type": TYPE_CODES.get(p.type, _NONE), "country": self.codes["country"](p.country),
                  "region": self.codes["region"](p.region), "city": self.codes["city"](p.city),
                  "lat": p.lat if p.lat is not None and p.lon is not None else math.nan,
                  "lon": p.lon if p.lat is not None and p.lon is not None else math.nan,
                  "killed": p.killed if p.killed is not None else -1, "site_n": p.site.bit_count(),
                  "parties_n": p.parties.bit_count(), "tokens_n": p.tokens.bit_count()}
        for name, value in values.items():
            a[name][row] = value
        for name, bits in (("site", SITE_BITS), ("parties", PARTY_BITS), ("tokens", TOKEN_BITS)):
            a[name][row] = words(getattr(p, name), bits)
        a["actor_mask"][row] = words(name_mask(p.actors), NAME_BITS)
        a["victim_mask"][row] = words(name_mask(w for v in p.victims for w in v), NAME_BITS)
        self.actors.append(p.actors)
        self.victims.append(p.victims)
        self.size += 1
        return row

    def nbytes(self) -> int:
        return sum(array.nbytes for array in self.arrays.values())


# ---------------------------------------------------------------- many pairs at once

def _ochiai(mask: int, bits: int, count: int, rows_masks: np.ndarray, rows_counts: np.ndarray) -> np.ndarray:
    if not count:
        return np.zeros(len(rows_masks))
    inter = np.bitwise_count(rows_masks & words(mask, bits)).sum(axis=1)
    denom = np.sqrt(count * rows_counts.astype(np.float64))
    return np.where(rows_counts > 0, inter / np.where(denom > 0, denom, 1.0), 0.0)


def _km(p: Profile, lat: np.ndarray, lon: np.ndarray) -> np.ndarray:
    lat1, lat2 = math.radians(p.lat), np.radians(lat)
    dlat, dlon = lat2 - lat1, np.radians(lon - p.lon)
    h = np.sin(dlat / 2) ** 2 + math.cos(lat1) * np.cos(lat2) * np.sin(dlon / 2) ** 2
    return 12742.0 * np.arcsin(np.minimum(1.0, np.sqrt(h)))


class Probe:
    """One new profile, coded against the columns' dictionaries."""

    def __init__(self, p: Profile, c: Columns) -> None:
        self.p = p
        self.type = TYPE_CODES.get(p.type, _NONE)
        self.country = c.codes["country"].codes.get(p.country, -2) if p.country is not None else -1
        self.region = c.codes["region"].codes.get(p.region, -2) if p.region is not None else -1
        self.city = c.codes["city"].codes.get(p.city, -2) if p.city is not None else -1
        self.coords = p.lat is not None and p.lon is not None


def _place_ok(q: Probe, c: Columns, rows: np.ndarray, dist: np.ndarray) -> np.ndarray:
    """`features.place_compatible`, for many rows."""
    country, region, city = c.country[rows], c.region[rows], c.city[rows]
    conflict = (q.country != -1) & (country >= 0) & (country != q.country)
    same_region = (q.region != -1) & (region == q.region)
    both_coords = q.coords & ~np.isnan(c.lat[rows])
    both_city = (q.city != -1) & (city >= 0)
    both_region = (q.region != -1) & (region >= 0)
    rest = np.where(both_coords, dist <= MAX_KM, np.where(both_city, city == q.city, ~both_region))
    return ~conflict & (same_region | rest)


def compatible_rows(q: Probe, c: Columns, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(rows that pass `features.compatible`, their date gaps, their distances in km or nan)."""
    p = q.p
    lo, hi = c.lo[rows], c.hi[rows]
    gap = np.maximum(0, np.maximum(lo - p.hi, p.lo - hi))
    dist = _km(p, c.lat[rows], c.lon[rows]) if q.coords else np.full(len(rows), np.nan)
    ok = (c.article[rows] != p.article) & (gap <= WINDOW_DAYS) & (RELATION[q.type, c.type[rows]] > 0)
    ok &= _place_ok(q, c, rows, dist)
    return rows[ok], gap[ok], dist[ok]


def _exact(flags: np.ndarray, rows: np.ndarray, test) -> np.ndarray:
    out = np.zeros(len(rows), dtype=bool)
    for i in np.nonzero(flags)[0]:
        out[i] = test(int(rows[i]))
    return out


def _parties(q: Probe, c: Columns, rows: np.ndarray) -> list:
    p = q.p
    if p.actors:
        maybe = (c.actor_mask[rows] & words(name_mask(p.actors), NAME_BITS)).any(axis=1)
        shared = _exact(maybe, rows, lambda r: not set(p.actors).isdisjoint(c.actors[r]))
        differ = c.actor_mask[rows].any(axis=1) & ~shared
    else:
        shared = differ = 0.0
    if p.victims:
        from .features import _shared_victim

        maybe = (c.victim_mask[rows] & words(name_mask(w for v in p.victims for w in v), NAME_BITS)).any(axis=1)
        victim = _exact(maybe, rows, lambda r: _shared_victim(p, p._replace(victims=c.victims[r])))
    else:
        victim = 0.0
    party = _ochiai(p.parties, PARTY_BITS, p.parties.bit_count(), c.parties[rows], c.parties_n[rows]) if p.parties else 0.0
    return [shared, differ, victim, party]


def feature_columns(q: Probe, c: Columns, rows: np.ndarray, gap: np.ndarray, dist: np.ndarray) -> list:
    """The `FEATURES` of every compatible candidate (see `compatible_rows`), one entry per feature:
    an array over the rows, or a plain number when it is the same for all of them."""
    p = q.p
    lo, hi, proxy = c.lo[rows], c.hi[rows], c.proxy[rows]
    p_vague = (p.hi - p.lo > 0) and not p.proxy
    city, region = c.city[rows], c.region[rows]
    return [
        gap / WINDOW_DAYS,
        ((lo == p.lo) & (hi == lo) & ~proxy) if p.hi == p.lo and not p.proxy else 0.0,
        1.0 if p.proxy else proxy,
        1.0 if p_vague else ((hi - lo) > 0) & ~proxy,
        (city == q.city) if q.city != -1 else 0.0,
        (region == q.region) if q.region != -1 else 0.0,
        ~np.isnan(dist) & (dist <= NEAR_KM) if q.coords else 0.0,
        _ochiai(p.site, SITE_BITS, p.site.bit_count(), c.site[rows], c.site_n[rows]) if p.site else 0.0,
        1.0 if not (p.city or p.region) else (city < 0) & (region < 0),
        RELATION[q.type, c.type[rows]] == 2,
        *_parties(q, c, rows), *_killed(p.killed, c.killed[rows]),
        _ochiai(p.tokens, TOKEN_BITS, p.tokens.bit_count(), c.tokens[rows], c.tokens_n[rows]) if p.tokens else 0.0,
        1.0 if not p.tokens else c.tokens_n[rows] == 0,
    ]


def _killed(killed: int | None, others: np.ndarray) -> tuple:
    if killed is None:
        return 0.0, 0.0
    known = others >= 0
    same = known & (others == killed)
    return same, known & ~same & (np.minimum(others, killed) >= 0.5 * np.maximum(others, killed))


def logits(columns: list, coef: np.ndarray, bias: float, n: int) -> np.ndarray:
    out = np.full(n, bias)
    for weight, column in zip(coef, columns):
        if weight:
            out += weight * column
    return out


def feature_row(columns: list, i: int) -> tuple[float, ...]:
    return tuple(float(col[i]) if isinstance(col, np.ndarray) else float(col) for col in columns)


def features_many(q: Probe, c: Columns, rows: np.ndarray, gap: np.ndarray, dist: np.ndarray) -> np.ndarray:
    """The `FEATURES` matrix, one row per compatible candidate."""
    columns = feature_columns(q, c, rows, gap, dist)
    return np.column_stack([np.broadcast_to(np.asarray(col, dtype=np.float64), len(rows)) for col in columns]) \
        if len(rows) else np.zeros((0, len(columns)))
