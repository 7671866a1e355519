"""Blocking rule and pair features, on profiles built by hand."""
from __future__ import annotations

import datetime as dt

import pytest

from claimwatch.resolve.features import (FEATURES, compatible, date_gap, features, ochiai, place_compatible,
                                         place_possible, type_relation)
from claimwatch.resolve.profile import content_words, fold, mask, profile

DAY = dt.date(2021, 8, 26).toordinal()


def make(key=1, article=1, lo=DAY, hi=None, type="bombing", country="AF", region=None, city=None, lat=None,
         lon=None, **rest):
    record = {"role": "main", "type": type, "date": {"value": dt.date.fromordinal(lo).isoformat(), "precision": "day"},
              "location": {"country_code": country, "region": region, "city": city, "lat": lat, "lon": lon}, **rest}
    made = profile(record, key, article)
    return made._replace(hi=hi if hi is not None else made.hi)


@pytest.mark.parametrize("a,b,expected", [
    ("bombing", "bombing", 2), ("bombing", "armed_assault", 1), ("bombing", "kidnapping", 0),
    ("arson", "kidnapping", 0), ("kidnapping", "hostage_taking", 1), (None, "kidnapping", 1),
    ("other", "kidnapping", 1),
    # a siege is often one stage of a complex attack with guns and suicide bombs (Mumbai, the Bataclan)
    ("hostage_taking", "bombing", 1), ("hostage_taking", "armed_assault", 1),
])
def test_features_type_relation(a, b, expected):
    assert type_relation(a, b) == expected


@pytest.mark.parametrize("p,q,expected", [
    (dict(region="Kabul"), dict(region="Kabul", city="Other"), True),
    (dict(lat=55.75, lon=37.62), dict(lat=55.82, lon=37.33), True),  # Moscow and Krasnogorsk, ~20 km
    (dict(lat=34.5, lon=69.2), dict(lat=34.4, lon=70.45), False),  # Kabul and Jalalabad, ~115 km
    (dict(city="Kabul"), dict(city="Herat"), False),
    (dict(city="Kabul"), dict(), True),  # one side too vague to say
    (dict(region="Kabul"), dict(region="Nangarhar"), False),
    (dict(country="AF"), dict(country="PK"), False),
])
def test_features_place_compatible(p, q, expected):
    assert place_compatible(make(**p), make(key=2, article=2, **q)) is expected


@pytest.mark.parametrize("shift,expected", [(0, True), (1, True), (2, False), (3, False), (7, False)])
def test_features_two_exact_days_may_differ_by_one(shift, expected):
    """Two reports that both state the day may differ by one (midnight, a late count), not by two: the
    attacks on Seytenga's gendarmerie post and on the town two days later are two incidents."""
    assert compatible(make(), make(key=2, article=2, lo=DAY + shift)) is expected


@pytest.mark.parametrize("shift,expected", [(0, True), (7, True), (8, False)])
def test_features_date_window_blocks(shift, expected):
    """A vague date (a week here) is compared within the whole window."""
    vague = make(key=2, article=2, lo=DAY + shift)
    assert compatible(make(), vague._replace(hi=vague.lo + 6)) is expected


@pytest.mark.parametrize("p,q,gap", [((0, 0), (3, 3), 3), ((0, 30), (10, 10), 0), ((5, 5), (0, 2), 3)])
def test_features_date_gap_between_intervals(p, q, gap):
    assert date_gap(make(lo=DAY + p[0], hi=DAY + p[1]), make(key=2, lo=DAY + q[0], hi=DAY + q[1])) == gap


@pytest.mark.parametrize("article", [1])
def test_features_one_report_never_compared_with_itself(article):
    assert not compatible(make(article=article), make(key=2, article=article))


@pytest.mark.parametrize("victims_a,victims_b,shared", [
    (["Vinicio Cerezo"], ["Cerezo"], 1.0), (["Ana Flores"], ["Juan Perez"], 0.0), ([], ["Cerezo"], 0.0),
])
def test_features_shared_named_victim(victims_a, victims_b, shared):
    a = make(victims=[{"text": v, "named": True} for v in victims_a])
    b = make(key=2, article=2, victims=[{"text": v, "named": True} for v in victims_b])
    assert features(a, b)[FEATURES.index("victim_shared")] == shared


@pytest.mark.parametrize("text", ["Two explosions struck the crowds at Abbey Gate"])
def test_features_text_similarity_of_identical_summaries_is_one(text):
    words = content_words(text)
    assert ochiai(mask(words, 1024), mask(words, 1024)) == 1.0
    assert fold("Abbey  GATE's") == "abbey gate s"


@pytest.mark.parametrize("a_types,b_types,same", [
    (["hostage_taking", "armed_assault"], ["armed_assault"], True),  # a siege with gunfire, and an armed assault
    (["hostage_taking"], ["armed_assault"], False),
    ([], [], False),
])
def test_features_type_same_counts_every_type_the_triggers_name(a_types, b_types, same):
    from claimwatch.resolve.features import type_same

    a = make(1, 1, type=a_types[0] if a_types else "bombing", types=a_types)
    b = make(2, 2, type=b_types[0] if b_types else "kidnapping", types=b_types)
    assert type_same(a, b) is same


def test_a_country_named_alone_is_placed_by_country_not_by_its_centroid():
    # "attacked the Manda Bay airfield in Kenya" (the centroid, 450 km off) against "Lamu town"
    kenya = {"location": {"country_code": "KE", "precision": "country", "lat": -0.88, "lon": 36.89}}
    lamu = {"location": {"country_code": "KE", "region": "Lamu", "city": "Lamu", "precision": "city",
                         "lat": -2.27, "lon": 40.90}}
    p = profile({"role": "main", **kenya}, 1, 1)
    q = profile({"role": "main", **lamu}, 2, 2)
    assert (p.lat, p.lon) == (None, None) and (q.lat, q.lon) == (-2.27, 40.90)
    assert place_compatible(p, q)



def _placed(key, city, region, anchored, shift=0, vague=False):
    made = make(key=key, article=key, lo=DAY + shift, city=city, region=region, anchored=None)
    made = made._replace(anchored=anchored)
    return made._replace(hi=made.lo + 6) if vague else made


@pytest.mark.parametrize("a_anchored,b_anchored,shift,vague,expected", [
    (True, False, 0, False, True),  # "Gunmen stormed the Point Triple post" vs a report placed by its dateline
    (False, False, 1, False, True),  # a day apart, both stating the day
    (True, True, 0, False, False),  # "the bombing in Tanta" and "the blast in Alexandria": two incidents
    (False, False, 2, False, False),  # two days apart
    (False, False, 0, True, False),  # a vague date: no same-day rule
])
def test_features_same_day_same_country_meets_whatever_the_places(a_anchored, b_anchored, shift, vague, expected):
    a = _placed(1, "kandi", "alibori", a_anchored)
    b = _placed(2, "cotonou", "littoral", b_anchored, shift, vague)
    assert not place_compatible(a, b)
    assert compatible(a, b) is expected
    if expected:
        assert features(a, b)[FEATURES.index("place_conflict")] == 1.0


def test_features_same_day_rule_needs_one_country():
    a = _placed(1, "kandi", "alibori", False)
    b = _placed(2, "dosso", "dosso", False)._replace(country="NE")
    assert not compatible(a, b)


def test_features_agreeing_places_carry_no_conflict():
    a, b = _placed(1, "kandi", "alibori", False), _placed(2, "kandi", "alibori", True)
    assert features(a, b)[FEATURES.index("place_conflict")] == 0.0


def test_block_index_finds_same_day_profiles_of_other_regions():
    """The week keys file by place; the day key lets a same-day report placed elsewhere be found."""
    from claimwatch.resolve.block import BlockIndex, blocked_pairs

    a = _placed(1, "kandi", "alibori", True)
    b = _placed(2, "cotonou", "littoral", False)
    c = _placed(3, "parakou", "borgou", False, shift=3)  # three days on: not met
    index = BlockIndex()
    index.add(a)
    assert 1 in index.candidates(b).tolist()
    assert 1 not in index.candidates(c).tolist()
    assert [(p.key, q.key) for p, q in blocked_pairs([a, b, c])] == [(1, 2)]


@pytest.mark.parametrize("b_country,b_lat,b_lon,b_anchored,expected", [
    ("TR", 36.70, 38.95, False, True),  # Akcakale, across the border from Tal Abyad (about 10 km)
    ("TR", 36.70, 38.95, True, False),  # both anchored: two towns, two incidents
    ("TR", 39.93, 32.86, False, False),  # Ankara: far from the border town
])
def test_features_same_day_across_a_border(b_country, b_lat, b_lon, b_anchored, expected):
    a = make(key=1, article=1, country="SY", city="tall abyad", region="ar raqqah", lat=36.70, lon=38.95)
    a = a._replace(anchored=True, lat=36.60)
    b = make(key=2, article=2, country=b_country, city="other", region="other", lat=b_lat, lon=b_lon)
    b = b._replace(anchored=b_anchored)
    assert compatible(a, b) is expected


def test_block_index_finds_a_border_town_across_the_border():
    from claimwatch.resolve.block import blocked_pairs

    a = make(key=1, article=1, country="SY", city="tall abyad", region="ar raqqah", lat=36.60, lon=38.95)._replace(anchored=True)
    b = make(key=2, article=2, country="TR", city="akcakale", region="sanliurfa", lat=36.70, lon=38.95)
    assert [(p.key, q.key) for p, q in blocked_pairs([a, b])] == [(1, 2)]


@pytest.mark.parametrize("b,possible", [
    (dict(city="bagan"), True),  # a village the gazetteer does not know, beside Parachinar
    (dict(city="bagan", country="AF"), False),  # ... but not across a border
    (dict(city="bagan", region="paktia"), False),  # a name with a region is placed: it excludes
    (dict(city="sadda", lat=33.70, lon=70.33), True),  # a known town near by agrees anyway
])
def test_features_an_unknown_village_may_lie_near_a_known_town(b, possible):
    a = make(key=1, article=1, lo=DAY, country="PK", city="parachinar", region="khyber pakhtunkhwa",
             lat=33.90, lon=70.10, anchored=None)._replace(anchored=True)
    b = make(key=2, article=2, lo=DAY - 3, hi=DAY + 3, **{"country": "PK", **b})._replace(anchored=True)
    assert place_possible(a, b) is possible
    assert compatible(a, b) is possible  # both anchored, a vague date: only the place rule lets them meet
    if possible:
        values = features(a, b)
        unknown = not place_compatible(a, b)
        assert values[FEATURES.index("place_unknown")] == float(unknown)
        assert values[FEATURES.index("place_conflict")] == 0.0


def test_features_two_unknown_villages_are_two_places():
    a = make(key=1, article=1, country="PK", city="bagan")
    b = make(key=2, article=2, country="PK", city="ochat")
    assert not place_possible(a, b)
