"""Profiles as numpy columns, and `features` computed for many candidates at once.

The resolver keeps every placed profile as one row of three growable matrices — integers (dates,
codes for type, country, region and city, deaths, popcounts), coordinates, and the bitmasks split
into 64-bit words — so that a new profile is scored against the hundreds of candidates of a busy
week with one gather and a few dozen vector operations. `feature_columns` computes exactly what
`features.features` computes for one pair (the scalar version stays the reference; tests hold
them equal); the only Python loops left are the exact checks of shared actors and victims, run on
the few candidates whose hashed masks say they may share one.
"""
from __future__ import annotations

import math
import zlib
from dataclasses import dataclass

import numpy as np

from ..model import INCIDENT_TYPES
from .features import EXACT_DAYS, MAX_KM, NEAR_KM, WINDOW_DAYS, _shared_victim, type_relation
from .profile import PARTY_BITS, SITE_BITS, TOKEN_BITS
from .types import Profile

TYPE_CODES = {t: i for i, t in enumerate(INCIDENT_TYPES)}  # None (and any unknown type) -> len(INCIDENT_TYPES)
_NONE = len(INCIDENT_TYPES)
RELATION = np.array([[type_relation(a, b) for b in (*INCIDENT_TYPES, None)] for a in (*INCIDENT_TYPES, None)],
                    dtype=np.int8)
NAME_BITS = 128
INTS = ("key", "lo", "hi", "proxy", "article", "type", "country", "region", "city", "killed", "site_n", "parties_n",
        "tokens_n", "types", "anchored", "background")
I = {name: i for i, name in enumerate(INTS)}
MASKS = (("site", SITE_BITS), ("parties", PARTY_BITS), ("tokens", TOKEN_BITS), ("actors", NAME_BITS),
         ("victims", NAME_BITS))
SLICES, _at = {}, 0
for _name, _bits in MASKS:
    SLICES[_name] = slice(_at, _at + _bits // 64)
    _at += _bits // 64
WORDS = _at


def words(mask: int, bits: int) -> np.ndarray:
    """A bitmask as little-endian 64-bit words."""
    return np.frombuffer(mask.to_bytes(bits // 8, "little"), dtype="<u8")


def name_mask(names) -> int:
    out = 0
    for name in names:
        out |= 1 << (zlib.crc32(name.encode()) % NAME_BITS)
    return out


def victim_words(p: Profile) -> list[str]:
    return [w for v in p.victims for w in v]


class Codes(dict):
    """Strings to small ints (None to -1), so that columns compare codes."""

    def code(self, value: str | None) -> int:
        return -1 if value is None else self.setdefault(value, len(self))

    def probe(self, value: str | None) -> int:
        """A known string's code; -2 (equal to nothing stored) for an unknown one; -1 for None."""
        return -1 if value is None else self.get(value, -2)


class Columns:
    """Growable matrices, one row per placed profile."""

    def __init__(self, capacity: int = 1024) -> None:
        self.size = 0
        self.ints = np.zeros((capacity, len(INTS)), np.int64)
        self.geo = np.full((capacity, 2), np.nan)
        self.bits = np.zeros((capacity, WORDS), np.uint64)
        self.actors: list[tuple] = []
        self.victims: list[tuple] = []
        self.codes = {"country": Codes(), "region": Codes(), "city": Codes()}

    def _grow(self) -> None:
        for name in ("ints", "geo", "bits"):
            old = getattr(self, name)
            bigger = np.full((2 * len(old), old.shape[1]), np.nan if name == "geo" else 0, old.dtype)
            bigger[: len(old)] = old
            setattr(self, name, bigger)

    def _ints(self, p: Profile) -> list[int]:
        return [p.key, p.lo or 0, p.hi or 0, int(p.proxy), p.article, TYPE_CODES.get(p.type, _NONE),
                self.codes["country"].code(p.country), self.codes["region"].code(p.region),
                self.codes["city"].code(p.city), p.killed if p.killed is not None else -1,
                p.site.bit_count(), p.parties.bit_count(), p.tokens.bit_count(), p.types, int(p.anchored),
                int(p.background)]

    def append(self, p: Profile) -> int:
        if self.size == len(self.ints):
            self._grow()
        row = self.size
        self.ints[row] = self._ints(p)
        if p.lat is not None and p.lon is not None:
            self.geo[row] = (p.lat, p.lon)
        masks = {"site": p.site, "parties": p.parties, "tokens": p.tokens, "actors": name_mask(p.actors),
                 "victims": name_mask(victim_words(p))}
        self.bits[row] = np.concatenate([words(masks[name], bits) for name, bits in MASKS])
        self.actors.append(p.actors)
        self.victims.append(p.victims)
        self.size += 1
        return row

    def gather(self, rows: np.ndarray) -> "Batch":
        return Batch(self, rows, self.ints[rows], self.geo[rows])


@dataclass
class Batch:
    """Candidate rows: their integers and coordinates gathered at once, their bitmasks when first needed."""

    columns: Columns
    rows: np.ndarray
    ints: np.ndarray
    geo: np.ndarray
    bits: np.ndarray | None = None

    def col(self, name: str) -> np.ndarray:
        return self.ints[:, I[name]]

    def mask(self, name: str) -> np.ndarray:
        return self.mask_range(SLICES[name].stop)[:, SLICES[name]]

    def mask_range(self, stop: int) -> np.ndarray:
        """The first `stop` words of the masks (all of them are gathered on first use)."""
        if self.bits is None:
            self.bits = self.columns.bits[self.rows]
        return self.bits[:, :stop]

    def take(self, keep: np.ndarray) -> "Batch":
        bits = None if self.bits is None else self.bits[keep]
        return Batch(self.columns, self.rows[keep], self.ints[keep], self.geo[keep], bits)


class Probe:
    """One new profile, coded against the columns' dictionaries."""

    def __init__(self, p: Profile, c: Columns) -> None:
        self.p = p
        self.type = TYPE_CODES.get(p.type, _NONE)
        self.country = c.codes["country"].probe(p.country)
        self.region = c.codes["region"].probe(p.region)
        self.city = c.codes["city"].probe(p.city)
        self.coords = p.lat is not None and p.lon is not None
        self.text_words = np.concatenate([words(p.site, SITE_BITS), words(p.parties, PARTY_BITS),
                                          words(p.tokens, TOKEN_BITS)])


# ---------------------------------------------------------------- compatibility

def _km(p: Profile, geo: np.ndarray) -> np.ndarray:
    lat1, lat2 = math.radians(p.lat), np.radians(geo[:, 0])
    dlat, dlon = lat2 - lat1, np.radians(geo[:, 1] - p.lon)
    h = np.sin(dlat / 2) ** 2 + math.cos(lat1) * np.cos(lat2) * np.sin(dlon / 2) ** 2
    return 12742.0 * np.arcsin(np.minimum(1.0, np.sqrt(h)))


def _place_ok(q: Probe, b: Batch, dist: np.ndarray) -> np.ndarray:
    """(`features.place_compatible`, `features.place_possible`), for many rows."""
    country, region, city = b.col("country"), b.col("region"), b.col("city")
    conflict = (q.country != -1) & (country >= 0) & (country != q.country)
    same_region = (q.region != -1) & (region == q.region)
    both_coords = ~np.isnan(dist)
    both_city = (q.city != -1) & (city >= 0)
    both_region = (q.region != -1) & (region >= 0)
    rest = np.where(both_coords, dist <= MAX_KM, np.where(both_city, city == q.city, ~both_region))
    placed = ~conflict & (same_region | rest)
    # `features.place_possible`: a name the gazetteer does not know beside a known town
    unplaced = np.isnan(b.geo[:, 0]) & (region < 0)
    return placed, placed | (~conflict & both_city & (unplaced != (not q.coords and q.region == -1)))


def compatible(q: Probe, b: Batch) -> tuple[Batch, np.ndarray, np.ndarray, np.ndarray]:
    """(the candidates that pass `features.compatible`, their date gaps, their distances in km or nan,
    and how their places relate: `AGREE`, `CONFLICT` (the same-day rules let them through) or `UNKNOWN`
    (only a name the gazetteer does not know lets them through, `features.place_possible`))."""
    p = q.p
    gap = np.maximum(0, np.maximum(b.col("lo") - p.hi, p.lo - b.col("hi")))
    dist = _km(p, b.geo) if q.coords else np.full(len(gap), np.nan)
    lo, hi, proxy = b.col("lo"), b.col("hi"), b.col("proxy").astype(bool)
    exact = (hi == lo) & ~proxy & (p.hi == p.lo) & (not p.proxy)
    limit = np.where(exact, EXACT_DAYS, WINDOW_DAYS)
    ok = (b.col("article") != p.article) & (gap <= limit) & (RELATION[q.type, b.col("type")] > 0)
    placed, possible = _place_ok(q, b, dist)
    country = b.col("country")
    same_country = (q.country >= 0) & (country == q.country)  # an unknown country probes as -2
    border = (p.country is not None) & (country >= 0) & (country != q.country) & ~np.isnan(dist) & (dist <= MAX_KM)
    unanchored = b.col("anchored") == 0 if p.anchored else True
    same_day = exact & unanchored & (same_country | border)
    ok &= possible | same_day
    place = np.where(placed, AGREE, np.where(same_day, CONFLICT, UNKNOWN)).astype(np.int8)
    return b.take(ok), gap[ok], dist[ok], place[ok]


AGREE, CONFLICT, UNKNOWN = 0, 1, 2  # how a compatible pair's places relate (`features.place_compatible` ...)


# ---------------------------------------------------------------- features

TEXT_MASKS = ("site", "parties", "tokens")  # adjacent in `bits`: one AND and one popcount for the three
_TEXT_END = SLICES["tokens"].stop
_TEXT_STARTS = [SLICES[name].start for name in TEXT_MASKS]


def _ochiai_all(q: Probe, b: Batch) -> dict[str, np.ndarray | float]:
    """Ochiai similarity of the site, parties and tokens masks, for every candidate at once."""
    p = q.p
    counts = {"site": p.site.bit_count(), "parties": p.parties.bit_count(), "tokens": p.tokens.bit_count()}
    if not any(counts.values()):
        return dict.fromkeys(TEXT_MASKS, 0.0)
    shared = np.bitwise_count(b.mask_range(_TEXT_END) & q.text_words)
    inter = np.add.reduceat(shared, _TEXT_STARTS, axis=1, dtype=np.int64)
    out = {}
    for i, name in enumerate(TEXT_MASKS):
        theirs = b.col(f"{name}_n")
        out[name] = np.where(theirs > 0, inter[:, i] / np.sqrt(counts[name] * np.maximum(theirs, 1)), 0.0) \
            if counts[name] else 0.0
    return out


def _exact(flags: np.ndarray, rows: np.ndarray, test) -> np.ndarray:
    out = np.zeros(len(rows), dtype=bool)
    for i in np.nonzero(flags)[0]:
        out[i] = test(int(rows[i]))
    return out


def _parties(q: Probe, c: Columns, b: Batch, party: np.ndarray | float) -> list:
    p = q.p
    if p.actors:
        maybe = (b.mask("actors") & words(name_mask(p.actors), NAME_BITS)).any(axis=1)
        shared = _exact(maybe, b.rows, lambda r: not set(p.actors).isdisjoint(c.actors[r]))
        differ = b.mask("actors").any(axis=1) & ~shared
    else:
        shared = differ = 0.0
    if p.victims:
        maybe = (b.mask("victims") & words(name_mask(victim_words(p)), NAME_BITS)).any(axis=1)
        victim = _exact(maybe, b.rows, lambda r: _shared_victim(p, p._replace(victims=c.victims[r])))
    else:
        victim = 0.0
    return [shared, differ, victim, party]


def _killed(killed: int | None, others: np.ndarray) -> tuple:
    if killed is None:
        return 0.0, 0.0
    known = others >= 0
    same = known & (others == killed)
    return same, known & ~same & (np.minimum(others, killed) >= 0.5 * np.maximum(others, killed))


def feature_columns(q: Probe, c: Columns, b: Batch, gap: np.ndarray, dist: np.ndarray, place: np.ndarray) -> list:
    """The `FEATURES` of every compatible candidate, one entry per feature: an array over the
    candidates, or a plain number when it is the same for all of them."""
    p = q.p
    lo, hi, proxy = b.col("lo"), b.col("hi"), b.col("proxy").astype(bool)
    city, region = b.col("city"), b.col("region")
    text = _ochiai_all(q, b)
    return [
        gap / WINDOW_DAYS,
        ((lo == p.lo) & (hi == lo) & ~proxy) if p.hi == p.lo and not p.proxy else 0.0,
        1.0 if p.proxy else proxy,
        1.0 if (p.hi - p.lo > 0) and not p.proxy else ((hi - lo) > 0) & ~proxy,
        (city == q.city) if q.city != -1 else 0.0,
        (region == q.region) if q.region != -1 else 0.0,
        ~np.isnan(dist) & (dist <= NEAR_KM) if q.coords else 0.0,
        text["site"],
        1.0 if not (p.city or p.region) else (city < 0) & (region < 0),
        place == CONFLICT,
        place == UNKNOWN,
        (RELATION[q.type, b.col("type")] == 2) | ((b.col("types") & p.types) != 0),
        *_parties(q, c, b, text["parties"]), *_killed(p.killed, b.col("killed")),
        text["tokens"],
        1.0 if not p.tokens else b.col("tokens_n") == 0,
    ]


def logits(columns: list, coef: np.ndarray, bias: float, n: int) -> np.ndarray:
    """bias + coef · features, with one matrix product over the features that vary."""
    varying = [i for i, col in enumerate(columns) if isinstance(col, np.ndarray)]
    constant = bias + sum(coef[i] * col for i, col in enumerate(columns) if not isinstance(col, np.ndarray))
    if not varying:
        return np.full(n, constant)
    return coef[varying] @ np.stack([columns[i] for i in varying]).astype(np.float64) + constant


def feature_row(columns: list, i: int) -> tuple[float, ...]:
    return tuple(float(col[i]) if isinstance(col, np.ndarray) else float(col) for col in columns)


def feature_matrix(columns: list, n: int) -> np.ndarray:
    return np.column_stack([np.broadcast_to(np.asarray(col, dtype=np.float64), n) for col in columns]) if n \
        else np.zeros((0, len(columns)))
