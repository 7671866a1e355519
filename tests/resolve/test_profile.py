"""Profiles: dates, actors through the registry, what counts as a report's own words."""
from __future__ import annotations

import datetime as dt

import pytest

from claimwatch.resolve.profile import actor_key, date_interval, profile, registry_lookup


@pytest.mark.parametrize("names", [("Daesh", "IS militants", "Islamic State")])
def test_profile_registry_makes_aliases_one_actor(names):
    if registry_lookup() is None:
        pytest.skip("the actor registry (claimwatch/data/actors.json) is not installed")
    assert len({actor_key(name)[0] for name in names}) == 1


@pytest.mark.parametrize("names", [("Northern  Brigade", "northern brigade")])
def test_profile_unknown_actors_fold_to_one_key(names):
    assert len({actor_key(name)[0] for name in names}) == 1


@pytest.mark.parametrize("record,published,expected", [
    ({"date": {"value": "2017-10-14", "precision": "day"}}, None, ("2017-10-14", "2017-10-14", False)),
    ({"date": {"value": "2017-10-01", "precision": "month"}}, None, ("2017-10-01", "2017-10-31", False)),
    ({"role": "main"}, dt.date(2017, 10, 16), ("2017-10-09", "2017-10-16", True)),  # the report's week
    ({"role": "background"}, dt.date(2018, 10, 14), (None, None, False)),  # an old event: no guess
])
def test_profile_date_interval(record, published, expected):
    lo, hi, proxy = date_interval(record, published)
    as_iso = lambda d: dt.date.fromordinal(d).isoformat() if d else None  # noqa: E731
    assert (as_iso(lo), as_iso(hi), proxy) == expected


@pytest.mark.parametrize("role,title_counts", [("main", True), ("background", False)])
def test_profile_title_speaks_for_the_main_incident_only(role, title_counts):
    record = {"role": role, "summary": "a bombing"}
    with_title = profile(record, 1, 1, title="Zobe junction truck bomb")
    assert (with_title.tokens != profile(record, 1, 1).tokens) is title_counts
