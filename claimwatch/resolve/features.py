"""Which pairs of mentions are compared (blocking), and what a pair shares (features).

Blocking (`compatible`) is a fixed rule, not a learned one: two mentions are compared only when
their date intervals are at most `WINDOW_DAYS` apart, their countries do not differ, their places
do not exclude each other (same admin-1 region, or within `MAX_KM`, or one side too vague to say)
and their types are compatible (`TYPE_FAMILIES`, `RELATED_FAMILIES`: a bombing and a kidnapping
never are; a bombing and a shooting may be the two halves of one complex attack).

One exception to the place rule: two reports that both state the same day (give or take
`EXACT_DAYS`) in the same country are compared even when their places exclude each other, unless
both places are anchored (named by a trigger's own locative phrase: "the bombing in Tanta" and
"the blast in Alexandria" the same morning are two incidents). A report often gives a place that is
not the scene (its dateline, a capital that speaks, a witness's town, a village the gazetteer
spells otherwise), and those pairs were lost at blocking, whatever else they shared. So are two
reports of one day placed in two countries at towns within `MAX_KM` of each other, at most one
anchored (a border town's attack told from the town across the border). And so, on any dates the
rule allows, are a known town and a name the gazetteer does not know at all (no coordinates, no
region: "the village of Bagan" beside Parachinar), which may lie anywhere near it (`place_possible`).
A pair the same-day rules let through carries `place_conflict`, one that only an unknown name lets
through `place_unknown`; their weights are fitted apart (`calibrate`).

Features (`FEATURES`) are numbers in [0, 1]; their weights and the merge threshold are fitted on
data (`claimwatch.resolve.calibrate`), never set by hand.
"""
from __future__ import annotations

import math

from ..geo import km
from .types import Profile

WINDOW_DAYS = 7
MAX_KM = 100.0
NEAR_KM = 25.0

# A hostage siege is its own family: it is often one stage of a complex attack (gunmen and suicide
# bombers who then hold a concert hall or a hotel), which a kidnapping off the street is not.
TYPE_FAMILIES = {
    "bombing": "explosive", "armed_assault": "armed", "assassination": "armed", "unarmed_assault": "armed",
    "facility_attack": "armed", "arson": "fire", "kidnapping": "abduction", "hostage_taking": "siege",
    "other": "other",
}
RELATED_FAMILIES = frozenset(frozenset(pair) for pair in [
    ("explosive", "armed"), ("explosive", "fire"), ("armed", "fire"), ("armed", "abduction"),
    ("siege", "armed"), ("siege", "explosive"), ("siege", "fire"), ("siege", "abduction"),
    ("other", "explosive"), ("other", "armed"), ("other", "fire"), ("other", "abduction"), ("other", "siege"),
])

FEATURES = (
    "date_gap", "date_exact", "date_proxy", "date_vague",
    "same_city", "same_region", "near", "site_overlap", "place_missing", "place_conflict", "place_unknown",
    "type_same",
    "perp_shared", "perp_differ", "victim_shared", "party_overlap",
    "killed_same", "killed_close",
    "text_sim", "text_missing",
)


# ---------------------------------------------------------------- blocking

def date_gap(p: Profile, q: Profile) -> int:
    """Days between the two date intervals (0 when they overlap)."""
    return max(0, q.lo - p.hi, p.lo - q.hi)


def type_relation(a: str | None, b: str | None) -> int:
    """2 same type, 1 compatible (or unknown), 0 incompatible."""
    if a == b:
        return 2
    if a is None or b is None:
        return 1
    fa, fb = TYPE_FAMILIES.get(a, "other"), TYPE_FAMILIES.get(b, "other")
    return 1 if fa == fb or frozenset((fa, fb)) in RELATED_FAMILIES else 0


def place_compatible(p: Profile, q: Profile) -> bool:
    if p.country and q.country and p.country != q.country:
        return False
    if p.region and p.region == q.region:
        return True
    if p.lat is not None and q.lat is not None:
        return km(p, q) <= MAX_KM
    if p.city and q.city:
        return p.city == q.city
    return not (p.region and q.region)


def place_possible(p: Profile, q: Profile) -> bool:
    """The places agree (`place_compatible`), or one is a name the gazetteer does not know (no
    coordinates, no region: a village, a hamlet) that may lie anywhere near the other, a known town of
    the same country. Two unknown names are two places. Such pairs are compared with `place_unknown` set."""
    return place_compatible(p, q) or (
        not (p.country and q.country and p.country != q.country) and bool(p.city) and bool(q.city)
        and unplaced(p) != unplaced(q))


def unplaced(p: Profile) -> bool:
    """A place name with neither coordinates nor a region."""
    return p.lat is None and not p.region


EXACT_DAYS = 1  # two reports that both date the incident to the day disagree by at most this much (midnight, a late count)


def compatible(p: Profile, q: Profile) -> bool:
    """May p and q be one incident at all? (cheap tests first)"""
    if p.article == q.article or p.lo is None or q.lo is None or type_relation(p.type, q.type) == 0:
        return False
    exact = _both_exact(p, q)
    if date_gap(p, q) > (EXACT_DAYS if exact else WINDOW_DAYS):
        return False
    return place_possible(p, q) or same_day_rule(p, q)


def same_day_rule(p: Profile, q: Profile) -> bool:
    """The same-day rules (one country, or a border) would let the pair through, whatever its places."""
    return _both_exact(p, q) and date_gap(p, q) <= EXACT_DAYS and (same_day_country(p, q) or across_a_border(p, q))


def across_a_border(p: Profile, q: Profile) -> bool:
    """Two countries, two towns within `MAX_KM` of each other, at most one anchored: a border town's
    attack told from the town across the border ("Tal Abyad" and the Turkish hospital town)."""
    return (p.country is not None and q.country is not None and p.country != q.country
            and p.lat is not None and q.lat is not None and not (p.anchored and q.anchored)
            and km(p, q) <= MAX_KM)


def same_day_country(p: Profile, q: Profile) -> bool:
    """Both state the day (within `EXACT_DAYS`, checked by the caller) and name the same country, and
    at most one of their places is anchored."""
    return p.country is not None and p.country == q.country and not (p.anchored and q.anchored)


def _both_exact(p: Profile, q: Profile) -> bool:
    """Both reports state the day themselves (not a publication-date stand-in)."""
    return p.lo == p.hi and q.lo == q.hi and not p.proxy and not q.proxy


# ---------------------------------------------------------------- features

def ochiai(a: int, b: int) -> float:
    """|A ∩ B| / sqrt(|A| |B|) over bitmasks; 0 when either is empty."""
    if not a or not b:
        return 0.0
    return (a & b).bit_count() / math.sqrt(a.bit_count() * b.bit_count())


def _shared_victim(p: Profile, q: Profile) -> bool:
    """A named victim in both: the same words, or one name's words inside the other's ("Cerezo")."""
    return any(set(a) <= set(b) or set(b) <= set(a) for a in p.victims for b in q.victims)


def _date_features(p: Profile, q: Profile) -> tuple[float, float, float, float]:
    vague = (p.hi - p.lo > 0 and not p.proxy) or (q.hi - q.lo > 0 and not q.proxy)
    exact = not (p.proxy or q.proxy) and p.lo == q.lo and p.hi == p.lo and q.hi == q.lo
    return date_gap(p, q) / WINDOW_DAYS, float(exact), float(p.proxy or q.proxy), float(vague)


def _place_features(p: Profile, q: Profile) -> tuple[float, ...]:
    near = p.lat is not None and q.lat is not None and km(p, q) <= NEAR_KM
    missing = not (p.city or p.region) or not (q.city or q.region)
    agree = place_compatible(p, q)
    # a pair the same-day rules let through carries `place_conflict`, even where an unknown name let it
    # through as well; `place_unknown` marks the pairs only an unknown name lets through
    unknown = not agree and not same_day_rule(p, q) and place_possible(p, q)
    return (float(bool(p.city) and p.city == q.city), float(bool(p.region) and p.region == q.region), float(near),
            ochiai(p.site, q.site), float(missing), float(not agree and not unknown), float(unknown))


def _party_features(p: Profile, q: Profile) -> tuple[float, float, float, float]:
    shared = bool(p.actors) and not set(p.actors).isdisjoint(q.actors)
    differ = bool(p.actors) and bool(q.actors) and not shared
    return float(shared), float(differ), float(_shared_victim(p, q)), ochiai(p.parties, q.parties)


def _figure_features(p: Profile, q: Profile) -> tuple[float, float]:
    if p.killed is None or q.killed is None:
        return 0.0, 0.0
    same = p.killed == q.killed
    return float(same), float(not same and min(p.killed, q.killed) >= 0.5 * max(p.killed, q.killed))


def type_same(p: Profile, q: Profile) -> bool:
    """The same type, or one the triggers of both name: a siege with gunfire and an armed assault."""
    return type_relation(p.type, q.type) == 2 or bool(p.types & q.types)


def features(p: Profile, q: Profile) -> tuple[float, ...]:
    """The pair's feature vector, in the order of `FEATURES`."""
    return (*_date_features(p, q), *_place_features(p, q), float(type_same(p, q)),
            *_party_features(p, q), *_figure_features(p, q),
            ochiai(p.tokens, q.tokens), float(not p.tokens or not q.tokens))
