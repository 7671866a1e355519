"""The MUC-4 cross-document gold: reading key slots, the same-incident rule, and the scorers."""
from __future__ import annotations

import datetime as dt

import pytest

from claimwatch.evaluate.muc4_xdoc import (
    Template, b_cubed, date_interval, location, prf, report_pairs, same_incident,
)


def day(text: str) -> int:
    return dt.date.fromisoformat(text).toordinal()


@pytest.mark.parametrize("slot,expected", [
    ("02 FEB 90", (day("1990-02-02"), day("1990-02-02"), False)),
    ("- 10 JAN 90", (day("1989-12-11"), day("1990-01-10"), True)),
    ("15 JAN 89 - 21 JAN 89", (day("1989-01-15"), day("1989-01-21"), False)),
    ("(25 MAR 90) / (- 25 MAR 90)", (day("1990-03-25"), day("1990-03-25"), False)),
    ("31 NOV 89", (day("1989-11-30"), day("1989-11-30"), False)),
    ("-", (None, None, False)),
])
def test_muc4_xdoc_date_interval(slot, expected):
    assert date_interval(slot) == expected


@pytest.mark.parametrize("slot,expected", [
    ("EL SALVADOR: SAN SALVADOR (CITY): ESCALON (NEIGHBORHOOD)",
     ("EL SALVADOR", [("SAN SALVADOR", "CITY"), ("ESCALON", "NEIGHBORHOOD")])),
    ("(COLOMBIA: MEDELLIN (CITY)) / (COLOMBIA: ANTIOQUIA (DEPARTMENT))", ("COLOMBIA", [("MEDELLIN", "CITY")])),
    ("COLOMBIA: CUCUTA (CITY) - CAMPANARIO (REGION)", ("COLOMBIA", [("CUCUTA", "CITY")])),
])
def test_muc4_xdoc_location(slot, expected):
    assert location(slot) == expected


def template(key, docid, type="ATTACK", date="1989-11-16", places=(), victims=(), targets=(), before=False):
    lo = day(date)
    return Template(key, docid, "1", type, lo - (30 if before else 0), lo, before, "EL SALVADOR", list(places), [],
                    [[t] for t in targets], [[v] for v in victims], None)


RARE = {"pilmaiquen", "steel"}


@pytest.mark.parametrize("a,b,same", [
    (template(1, "A", victims=["IGNACIO ELLACURIA"]), template(2, "B", victims=["ELLACURIA"]), True),
    (template(1, "A", victims=["IGNACIO ELLACURIA"]), template(2, "A", victims=["ELLACURIA"]), False),  # one message
    (template(1, "A", victims=["IGNACIO ELLACURIA"]), template(2, "B", "KIDNAPPING", victims=["ELLACURIA"]), False),
    (template(1, "A", victims=["IGNACIO ELLACURIA"]), template(2, "B", "BOMBING", victims=["ELLACURIA"]), True),
    (template(1, "A", victims=["ANA FLORES"]), template(2, "B", date="1989-11-19", victims=["ANA FLORES"]), False),
    (template(1, "A", date="1989-11-20", before=True, victims=["ANA FLORES"]), template(2, "B", victims=["ANA FLORES"]), True),
    (template(1, "A", places=[("SAN SALVADOR", "CITY")], victims=["ANA FLORES"]),
     template(2, "B", places=[("SAN MIGUEL", "CITY")], victims=["ANA FLORES"]), False),
    (template(1, "A", places=[("LA AURORA AIRPORT", "AIRPORT")], victims=["ANA FLORES"]),
     template(2, "B", places=[("GUATEMALA CITY", "CITY")], victims=["ANA FLORES"]), True),
    (template(1, "A", targets=["STEEL FACTORY"]), template(2, "B", targets=["STEEL FACTORY"]), True),
    (template(1, "A", targets=["BUSES"]), template(2, "B", targets=["BUSES"]), False),  # not specific
    (template(1, "A", targets=["POWER TOWERS"]), template(2, "B", targets=["POWER TOWERS"]), False),
])
def test_muc4_xdoc_same_incident_rule(a, b, same):
    assert bool(same_incident(a, b, RARE)) is same


@pytest.mark.parametrize("gold,predicted,f1", [
    ({1: 1, 2: 1, 3: 3}, {1: 1, 2: 2, 3: 3}, 0.0),  # do nothing
    ({1: 1, 2: 1, 3: 3}, {1: 1, 2: 1, 3: 3}, 1.0),
    ({1: 1, 2: 1, 3: 3}, {1: 1, 2: 1, 3: 1}, 0.5),
])
def test_muc4_xdoc_pairwise_over_reports(gold, predicted, f1):
    reports = {1: "a", 2: "b", 3: "c"}
    assert prf(report_pairs(gold, reports), report_pairs(predicted, reports))["f1"] == pytest.approx(f1)


@pytest.mark.parametrize("gold,predicted,expected", [
    ({1: 1, 2: 1, 3: 3}, {1: 1, 2: 2, 3: 3}, (1.0, 2 / 3)),
    ({1: 1, 2: 1, 3: 3}, {1: 1, 2: 1, 3: 1}, (5 / 9, 1.0)),
])
def test_muc4_xdoc_b_cubed(gold, predicted, expected):
    score = b_cubed(gold, predicted)
    assert (score["p"], score["r"]) == pytest.approx(expected)
