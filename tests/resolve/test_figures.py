"""Figures become a timeline; low / best / high follow the documented rule."""
from __future__ import annotations

import pytest

from claimwatch.resolve.figures import derive, timeline
from claimwatch.resolve.types import Member


def member(mention, published, killed=None, qualifier=None, role="main", others=(), low=None, high=None):
    record = {"role": role, "figures": []}
    if killed is not None or low is not None:
        record["killed"] = {"kind": "killed", "value": killed, "qualifier": qualifier, "low": low, "high": high,
                            "evidence": {"text": f"{killed} killed", "start": 0, "end": 9}}
        record["killed"] = {k: v for k, v in record["killed"].items() if v is not None}
    record["figures"] = [{"kind": "killed", "value": v, "evidence": {"text": str(v), "start": 20 + i, "end": 22 + i}}
                         for i, v in enumerate(others)]
    return Member(mention, f"report-{mention}", published, "Sample Wire", role, record)


@pytest.mark.parametrize("members,expected", [
    # a toll that rises (Mogadishu 2017): the latest is best, the first the low; the anniversary counts
    ([member(1, "2017-10-14", 20, "at least"), member(2, "2017-10-16", 276), member(3, "2017-10-21", 358),
      member(4, "2018-10-14", 512, role="background")], (20, 512, 512)),
    # a toll revised down (Peshawar 2023): best is the latest, high keeps the retracted 100
    ([member(1, "2023-01-30", 28), member(2, "2023-01-31", 100), member(3, "2023-02-02", 84)], (28, 84, 100)),
    # one day, two reports: an exact figure beats a lower bound
    ([member(1, "2021-08-26", 13, "at least"), member(2, "2021-08-26", 12)], (12, 12, 13)),
    # a range gives its low and high
    ([member(1, "2024-03-07", low=280, high=300)], (280, 280, 300)),
])
def test_figures_low_best_high(members, expected):
    killed = derive(timeline(members), "killed")
    assert (killed["low"], killed["best"], killed["high"]) == expected
    assert killed["value"] == killed["best"]


@pytest.mark.parametrize("others", [(13,)])
def test_figures_partial_counts_are_kept_but_not_derived(others):
    members = [member(1, "2021-08-27", 182, others=others)]
    entries = timeline(members)
    assert [(e["value"], e["headline"]) for e in entries] == [(182, True), (13, False)]
    assert derive(entries, "killed")["low"] == 182


@pytest.mark.parametrize("qualifier", ["dozens"])
def test_figures_vague_amount_has_no_derived_number(qualifier):
    vague = Member(1, "r", "2021-08-26", None, "main",
                   {"killed": {"qualifier": qualifier, "evidence": {"text": "dozens", "start": 0, "end": 6}}})
    assert derive(timeline([vague]), "killed") is None
    assert timeline([vague])[0]["qualifier"] == qualifier


@pytest.mark.parametrize("about", ["attackers"])
def test_figures_attackers_are_left_out(about):
    record = {"figures": [{"kind": "killed", "value": 3, "about": about, "evidence": {"text": "3", "start": 0, "end": 1}}]}
    assert timeline([Member(1, "r", "2021-08-26", None, "main", record)]) == []
