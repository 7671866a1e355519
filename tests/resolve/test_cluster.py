"""The in-memory core: joining, opening, bridging, constraints; weights set by hand for the test."""
from __future__ import annotations

import datetime as dt

import pytest

from claimwatch.resolve.block import blocked_pairs
from claimwatch.resolve.cluster import Resolver, cluster_profiles
from claimwatch.resolve.features import FEATURES
from claimwatch.resolve.profile import profile
from claimwatch.resolve.scoring import Weights

DAY = dt.date(2024, 3, 22)


def weights(threshold: float = 0.5) -> Weights:
    chosen = {"date_exact": 2.0, "same_city": 2.0, "type_same": 1.0, "victim_shared": 6.0, "text_sim": 4.0}
    return Weights(FEATURES, tuple(chosen.get(f, 0.0) for f in FEATURES), -6.0, threshold)


def mention(key, article, summary="gunmen attacked the Crocus City Hall concert venue", days=0, city="Krasnogorsk",
            country="RU", type="armed_assault", victims=(), region=None, lat=None, lon=None, anchored=True):
    record = {"role": "main", "type": type, "summary": summary,
              "date": {"value": (DAY + dt.timedelta(days=days)).isoformat(), "precision": "day"},
              "location": {"country_code": country, "city": city, "region": region, "lat": lat, "lon": lon,
                           "anchored": anchored},
              "victims": [{"text": v, "named": True} for v in victims]}
    return profile(record, key, article)


@pytest.mark.parametrize("second,joined", [
    (mention(2, 2), True),
    (mention(2, 2, summary="a bus fell into a ravine near the river", city="Moscow"), False),
    (mention(2, 2, type="kidnapping"), True),  # compatible types may join
    (mention(2, 2, type="bombing", summary="gunmen kidnapped pupils"), False),
    (mention(2, 2, country="UA"), False),
    (mention(2, 2, days=9), False),
])
def test_cluster_joins_only_above_threshold(second, joined):
    clusters = cluster_profiles([mention(1, 1), second], weights())
    assert (clusters[1] == clusters[2]) is joined


@pytest.mark.parametrize("article", [1])
def test_cluster_two_mentions_of_one_report_stay_apart(article):
    clusters = cluster_profiles([mention(1, article), mention(2, article)], weights())
    assert clusters[1] != clusters[2]


@pytest.mark.parametrize("threshold", [0.5])
def test_cluster_bridges_two_clusters_a_report_joins(threshold):
    resolver = Resolver(weights(threshold))
    first = resolver.add(mention(1, 1, summary="concert hall attack", victims=["Ivan Petrov"]))
    second = resolver.add(mention(2, 2, summary="gunfire reported downtown", victims=["Anna Sidorova"]))
    assert first.cluster != second.cluster
    third = resolver.add(mention(3, 3, summary="concert hall attack", victims=["Ivan Petrov", "Anna Sidorova"]))
    assert not third.opened and third.bridged
    assert len(set(resolver.clusters().values())) == 1


@pytest.mark.parametrize("pinned", [True])
def test_cluster_pinned_clusters_are_not_bridged(pinned):
    resolver = Resolver(weights())
    resolver.seed(mention(1, 1, victims=["Ivan Petrov"]), 10, pinned=pinned)
    resolver.seed(mention(2, 2, summary="gunfire reported downtown", victims=["Anna Sidorova"]), 20)
    decision = resolver.add(mention(3, 3, victims=["Ivan Petrov", "Anna Sidorova"]))
    assert decision.cluster == 10 and decision.bridged == ()
    assert resolver.cluster(2) == 20


@pytest.mark.parametrize("split_key", [1])
def test_cluster_split_mention_is_kept_apart(split_key):
    resolver = Resolver(weights())
    resolver.seed(mention(split_key, 1), 10, pinned=True)
    resolver.keep_apart(3, split_key)
    decision = resolver.add(mention(3, 3))
    assert decision.opened


@pytest.mark.parametrize("country", [None])
def test_cluster_unknown_country_is_compared_with_every_country(country):
    clusters = cluster_profiles([mention(1, 1), mention(2, 2, country=country)], weights())
    assert clusters[1] == clusters[2]


@pytest.mark.parametrize("a,b,meet", [
    (dict(city="Krasnogorsk", region="Moscow Oblast", lat=55.82, lon=37.33),
     dict(city="Moscow", region="Moscow", lat=55.75, lon=37.62), True),  # another region, 20 km away
    (dict(city="Kabul", region="Kabul", lat=34.5, lon=69.2), dict(city="Herat", region="Herat", lat=34.3, lon=62.2), False),
    (dict(city="Medellin", lat=6.25, lon=-75.57), dict(city=None, region="Antioquia"), True),  # region-only vs city-only
    (dict(city=None, region="Antioquia"), dict(city=None, region="Cauca"), False),
    (dict(city=None), dict(city="Bogota", region="Bogota", lat=4.6, lon=-74.1), True),  # country only
    # the same day, one place not named where the report tells of the incident (a dateline): they meet
    (dict(city="Kabul", region="Kabul", lat=34.5, lon=69.2),
     dict(city="Herat", region="Herat", lat=34.3, lon=62.2, anchored=False), True),
])
def test_cluster_blocking_meets_what_may_be_near(a, b, meet):
    profiles = [mention(1, 1, country="CO", **a), mention(2, 2, country="CO", **b)]
    assert (len(list(blocked_pairs(profiles))) == 1) is meet


@pytest.mark.parametrize("n", [5])
def test_cluster_blocked_pairs_lists_each_pair_once(n):
    profiles = [mention(i, i) for i in range(n)]
    pairs = [(p.key, q.key) for p, q in blocked_pairs(profiles)]
    assert len(pairs) == len(set(pairs)) == n * (n - 1) // 2


@pytest.mark.parametrize("role", ["background"])
def test_cluster_undated_background_mention_opens_its_own(role):
    record = {"role": role, "type": "bombing", "summary": "the 2017 Zobe bombing"}
    decision = Resolver(weights()).add(profile(record, 1, 1, published=DAY))
    assert decision.opened and decision.best is None


@pytest.mark.parametrize("seed", [1, 2])
def test_cluster_blocking_finds_every_compatible_pair(seed):
    import random

    from claimwatch.resolve.features import compatible

    rng = random.Random(seed)
    places = [dict(city="Medellin", region="Antioquia", lat=6.25, lon=-75.57), dict(city="Itagui", lat=6.17, lon=-75.6),
              dict(city=None, region="Antioquia"), dict(city=None, region="Cauca"), dict(city=None),
              dict(city="Bogota", region="Bogota", lat=4.6, lon=-74.1), dict(city="Soacha", region="Cundinamarca",
                                                                            lat=4.58, lon=-74.22)]
    profiles = [mention(k, k, country=rng.choice(["CO", "CO", None]), days=rng.randint(0, 20),
                        type=rng.choice(["bombing", "armed_assault", "kidnapping"]), **rng.choice(places))
                for k in range(80)]
    found = {(p.key, q.key) for p, q in blocked_pairs(profiles)}
    brute = {(p.key, q.key) for i, q in enumerate(profiles) for p in profiles[:i] if compatible(p, q)}
    assert found == brute


def background(key, article, days=0, type="bombing"):
    record = {"role": "background", "type": type, "summary": "a bomber struck the station",
              "date": {"value": (DAY + dt.timedelta(days=days)).isoformat(), "precision": "day"}, "location": {}}
    return profile(record, key, article)


@pytest.mark.parametrize("recounted_day,recounted_type,joined", [
    (0, "bombing", False),  # "a day after the station bombing, a bomber struck a trolleybus": two incidents
    (5, "bombing", True),  # the report recounts another day's bombing: no bearing on this cluster
    (0, "kidnapping", True),  # ... or another kind of incident on that day
])
def test_cluster_a_report_that_recounts_the_clusters_incident_dates_its_own_apart(recounted_day, recounted_type,
                                                                                  joined):
    chosen = {"same_city": 3.0, "type_same": 3.0, "text_sim": 2.0}
    loose = Weights(FEATURES, tuple(chosen.get(f, 0.0) for f in FEATURES), -5.0, 0.5)  # a day apart still joins
    station = mention(1, 1, summary="suicide bomber station blast", type="bombing")
    trolleybus = mention(2, 2, summary="suicide bomber trolleybus blast", type="bombing", days=1)
    clusters = cluster_profiles([station, trolleybus, background(3, 2, recounted_day, recounted_type)], loose)
    assert (clusters[1] == clusters[2]) is joined


def test_cluster_report_order_puts_backgrounds_dated_apart_first():
    from claimwatch.resolve.cluster import report_order

    items = [mention(1, 1), mention(2, 2, days=1), background(3, 2, 0), background(4, 2, 1), mention(5, 3)]
    assert [p.key for p in report_order(items)] == [1, 3, 2, 4, 5]


def test_cluster_a_report_that_fits_two_incidents_alike_opens_its_own():
    # a busy city: two bombings the same day, told apart by their words; a third report that names only the
    # city, the day and the type fits both alike and is evidence for neither
    resolver = Resolver(weights(0.7))
    market = resolver.add(mention(1, 1, summary="market bombing", type="bombing"))
    checkpoint = resolver.add(mention(2, 2, summary="checkpoint bombing police", type="bombing"))
    assert market.cluster != checkpoint.cluster
    vague = resolver.add(mention(3, 3, summary="bombing", type="bombing"))
    assert vague.opened and len(set(resolver.clusters().values())) == 3


def test_cluster_of_two_alike_the_one_that_shares_a_victim_takes_the_report():
    # a busy city again, and the third report fits both alike on words (the victim weighs little here), but it
    # names a victim of the market bombing: that tells them apart
    light = {"date_exact": 2.0, "same_city": 2.0, "type_same": 1.0, "victim_shared": 0.2, "text_sim": 4.0}
    resolver = Resolver(Weights(FEATURES, tuple(light.get(f, 0.0) for f in FEATURES), -6.0, 0.7))
    market = resolver.add(mention(1, 1, summary="market bombing", type="bombing", victims=["Amina Idriss"]))
    checkpoint = resolver.add(mention(2, 2, summary="checkpoint bombing police", type="bombing"))
    named = resolver.add(mention(3, 3, summary="bombing", type="bombing", victims=["Amina Idriss"]))
    assert not named.opened and named.cluster == market.cluster != checkpoint.cluster


def test_cluster_bridges_only_clusters_of_one_story():
    # the third report names a victim of the first and fits the second on words alone: it joins the first
    # and does not bridge the second into it
    resolver = Resolver(weights(0.5))
    resolver.add(mention(1, 1, summary="concert venue attack", victims=["Ivan Petrov"]))
    resolver.add(mention(2, 2, summary="gunfire downtown market hall square"))
    third = resolver.add(mention(3, 3, summary="gunfire downtown theatre", victims=["Ivan Petrov"]))
    clusters = resolver.clusters()
    assert not third.opened and not third.bridged and clusters[3] == clusters[1] != clusters[2]


@pytest.mark.parametrize("days, joined", [(1, True), (2, False)])
def test_cluster_members_share_a_day_give_or_take_one(days, joined):
    # the week-long date of the second report lets it meet both; the cluster then holds day-dated reports
    # only as far apart as two reports that state the day may be
    first = mention(1, 1)
    week = profile({"role": "main", "type": "armed_assault", "summary": "gunmen attacked the Crocus City Hall concert venue",
                    "date": {"value": DAY.isoformat(), "precision": "week"},
                    "location": {"country_code": "RU", "city": "Krasnogorsk"}}, 2, 2)
    later = mention(3, 3, days=days)
    clusters = cluster_profiles([first, week, later], weights(0.5))
    assert (clusters[3] == clusters[1]) is joined


def test_cluster_of_two_alike_the_news_of_the_report_that_told_both_takes_the_report():
    # one report tells the bombing as its news and again, in a later paragraph, as background of the same city
    # and day; a second report fits both clusters alike. The report that told both says which is news: no
    # busy city here, and the second report joins the news
    resolver = Resolver(weights(0.7))
    news = resolver.add(mention(1, 1, summary="market bombing", type="bombing"))
    record = {"role": "background", "type": "bombing", "summary": "market bombing",
              "date": {"value": DAY.isoformat(), "precision": "day"},
              "location": {"country_code": "RU", "city": "Krasnogorsk", "anchored": True}}
    retold = resolver.add(profile(record, 2, 1))
    assert retold.cluster != news.cluster  # one report's two mentions are never one incident
    second = resolver.add(mention(3, 2, summary="market bombing", type="bombing"))
    assert not second.opened and second.cluster == news.cluster



def _background(key, article, summary, days=0, city="Krasnogorsk"):
    record = {"role": "background", "type": "armed_assault", "summary": summary,
              "date": {"value": (DAY + dt.timedelta(days=days)).isoformat(), "precision": "day"},
              "location": {"country_code": "RU", "city": city, "anchored": True}}
    return profile(record, key, article)


@pytest.mark.parametrize("main_summary,displaced", [
    ("gunmen attacked the Crocus City Hall concert venue", True),
    # guard: a main mention that fits the cluster no better than its background did leaves it in place
    ("a shooting was reported near a market", False),
])
def test_cluster_a_reports_main_mention_displaces_its_background_that_joined_its_incident(main_summary, displaced):
    # the report's background mention (a raid of the day before) came first and joined the incident
    # just above the threshold; the report's own news fits that incident far better and takes its place
    resolver = Resolver(weights(0.5))
    first = resolver.add(mention(1, 1))
    told = resolver.add(_background(2, 2, "gunmen attacked the concert venue hall", days=-1))
    assert not told.opened and told.cluster == first.cluster
    news = resolver.add(mention(3, 2, summary=main_summary))
    clusters = resolver.clusters()
    assert (clusters[3] == clusters[1]) is displaced
    assert (clusters[2] != clusters[1]) is displaced
    assert (2 in resolver.displaced) is displaced
    assert clusters[2] != clusters[3]  # one report's two mentions are never one incident
