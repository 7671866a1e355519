"""Reading the extra MUC-4 slots from raw keys, and the rules that match our fills against them."""
from __future__ import annotations

import datetime as dt

import pytest

from claimwatch.evaluate.muc4_map import (
    ACCUSED, ACCUSED_BY_AUTHORITIES, CLAIMED, REPORTED, LocationFill, PredictedTemplate,
)
from claimwatch.evaluate.muc4_slots import (
    DateKey, KeySlots, LocationKey, SetFill, SlotCounts, best_1992_systems, confidence_credit, date_credit,
    document_counts, effect_credit, effect_fills, key_slots, location_credit, pair_templates,
    parse_date_alternative, parse_dates, parse_location_alternative, parse_locations, parse_set_fill, split_top,
    unwrap,
)

D = dt.date


@pytest.mark.parametrize(
    "value,expected",
    [
        ("(A) / (B / C) / D", ["(A)", "(B / C)", "D"]),
        ("EL SALVADOR: X (CITY / TOWN)", ["EL SALVADOR: X (CITY / TOWN)"]),
    ],
)
def test_muc4_slots_split_top(value, expected):
    assert split_top(value) == expected


@pytest.mark.parametrize(
    "value,expected",
    [("(COLOMBIA: MEDELLIN (CITY))", "COLOMBIA: MEDELLIN (CITY)"), ("? (X) - (Y)", "(X) - (Y)"), ("((X))", "X")],
)
def test_muc4_slots_unwrap(value, expected):
    assert unwrap(value) == expected


@pytest.mark.parametrize(
    "text,year,expected",
    [
        ("03 JAN 90", None, DateKey(D(1990, 1, 3), D(1990, 1, 3))),
        ("26 AUG 89 - 27 AUG 89", None, DateKey(D(1989, 8, 26), D(1989, 8, 27))),
        ("- 03 JAN 90", None, DateKey(None, D(1990, 1, 3))),
        ("-03 JAN 90", None, DateKey(None, D(1990, 1, 3))),
        ("(- 9 DEC 89)", None, DateKey(None, D(1989, 12, 9))),
        ("? 12 MARCH 90", None, DateKey(D(1990, 3, 12), D(1990, 3, 12))),
        ("12 Feb 90", None, DateKey(D(1990, 2, 12), D(1990, 2, 12))),
        ("12 FEB", 1989, DateKey(D(1989, 2, 12), D(1989, 2, 12))),
        ("12 FEB", None, None),
        ("31 FEB 90", None, None),
        ("NOV 89", None, None),
    ],
)
def test_muc4_slots_parse_date_alternative(text, year, expected):
    assert parse_date_alternative(text, year) == expected


@pytest.mark.parametrize(
    "lines,expected",
    [
        (["(25 MAY 89 - 26 MAY 89) / (25 MAY 89)"],
         ((DateKey(D(1989, 5, 25), D(1989, 5, 26)), DateKey(D(1989, 5, 25), D(1989, 5, 25))), True)),
        (["-"], ((), False)),
        (["*"], ((), False)),
        (["SOMETIME"], ((), True)),
    ],
)
def test_muc4_slots_parse_dates(lines, expected):
    assert parse_dates(lines) == expected


@pytest.mark.parametrize(
    "ours,key,credit",
    [
        ((D(1990, 1, 3), D(1990, 1, 3)), DateKey(D(1990, 1, 3), D(1990, 1, 3)), 1.0),
        ((D(1990, 1, 2), D(1990, 1, 2)), DateKey(D(1990, 1, 3), D(1990, 1, 3)), 0.0),
        ((D(1989, 8, 27), D(1989, 8, 27)), DateKey(D(1989, 8, 26), D(1989, 8, 27)), 1.0),
        ((D(1989, 12, 28), D(1989, 12, 28)), DateKey(None, D(1990, 1, 3)), 1.0),  # on or before
        ((D(1989, 10, 1), D(1989, 10, 1)), DateKey(None, D(1990, 1, 3)), 0.0),  # more than a month before
        ((D(1990, 1, 4), D(1990, 1, 4)), DateKey(None, D(1990, 1, 3)), 0.0),  # after
        ((D(1990, 1, 1), D(1990, 1, 31)), DateKey(D(1990, 1, 3), D(1990, 1, 3)), 0.5),  # a month holding the day
        ((D(1989, 12, 1), D(1989, 12, 31)), DateKey(D(1990, 1, 3), D(1990, 1, 3)), 0.0),
    ],
)
def test_muc4_slots_date_credit(ours, key, credit):
    assert date_credit(ours, key) == credit


@pytest.mark.parametrize(
    "text,expected",
    [
        ("COLOMBIA", LocationKey("COLOMBIA")),
        ("COLOMBIA: MEDELLIN (CITY)", LocationKey("COLOMBIA", ("MEDELLIN",))),
        ("PERU: ANCASH (DEPARTMENT): CHAVIN (TOWN) - HUARI (TOWN)", LocationKey("PERU", ("ANCASH", "CHAVIN", "HUARI"))),
        ("URUGUAY: X (CITY / TOWN)", LocationKey("URUGUAY", ("X",))),
        ("UNITED STATES: WASHINGTON D.C. (CITY)", LocationKey("UNITED STATES", ("WASHINGTON D.C.",))),
    ],
)
def test_muc4_slots_parse_location_alternative(text, expected):
    assert parse_location_alternative(text) == expected


@pytest.mark.parametrize(
    "lines,expected",
    [
        (["(HONDURAS: TEGUCIGALPA (CITY)) / (HONDURAS)"],
         (LocationKey("HONDURAS", ("TEGUCIGALPA",)), LocationKey("HONDURAS"))),
        (["-"], ()),
    ],
)
def test_muc4_slots_parse_locations(lines, expected):
    assert parse_locations(lines) == expected


SV_CITY = LocationFill("SV", "El Salvador", ("San Salvador", "san salvador"))


@pytest.mark.parametrize(
    "ours,key,credit",
    [
        (SV_CITY, LocationKey("EL SALVADOR", ("SAN SALVADOR",)), 1.0),
        (SV_CITY, LocationKey("EL SALVADOR"), 1.0),  # the key names only the country
        (LocationFill("SV", "El Salvador"), LocationKey("EL SALVADOR", ("SAN MIGUEL",)), 1.0),  # we do
        (SV_CITY, LocationKey("EL SALVADOR", ("ZACAMIL",)), 0.5),  # both name places, none agrees
        (SV_CITY, LocationKey("HONDURAS", ("SAN SALVADOR",)), 0.0),
        (LocationFill(None, "Bogotá"), LocationKey("COLOMBIA"), 0.0),
        (LocationFill("CO", "Colombia", ("Bogotá",)), LocationKey("COLOMBIA", ("CUNDINAMARCA", "BOGOTA")), 1.0),
        (LocationFill(None, "El Salvador"), LocationKey("EL SALVADOR"), 1.0),  # by name when we lack a code
        (LocationFill("DE", "Germany"), LocationKey("WEST GERMANY"), 1.0),
    ],
)
def test_muc4_slots_location_credit(ours, key, credit):
    assert location_credit(ours, key) == credit


@pytest.mark.parametrize(
    "line,expected",
    [
        ('REPORTED AS FACT: "FMLN"', SetFill(frozenset({REPORTED}), False, ("FMLN",))),
        ('? REPORTED AS FACT / POSSIBLE: "ELN" / "POPULAR LIBERATION ARMY"',
         SetFill(frozenset({REPORTED, "POSSIBLE"}), True, ("ELN", "POPULAR LIBERATION ARMY"))),
        ('(POSSIBLE / ACQUITTED): "X"', SetFill(frozenset({"POSSIBLE", "ACQUITTED"}), False, ("X",))),
        ('POSSIBLE / REPORTED AS FACT: "\\"THE EXTRADITABLES\\"" / "THE EXTRADITABLES"',
         SetFill(frozenset({"POSSIBLE", REPORTED}), False, ('"THE EXTRADITABLES"', "THE EXTRADITABLES"))),
        ('?NO DEATH: "-"', SetFill(frozenset({"NO DEATH"}), True, ("-",))),
        ("-", None),
        ("*", None),
    ],
)
def test_muc4_slots_parse_set_fill(line, expected):
    assert parse_set_fill(line) == expected


@pytest.mark.parametrize(
    "lines,expected",
    [
        (['DEATH: "A"', 'DEATH: "B"', 'INJURY: "C"'],
         (SetFill(frozenset({"DEATH"})), SetFill(frozenset({"INJURY"})))),
        (['? NO INJURY: "BODYGUARDS"', 'INJURY / DEATH: "X"'],
         (SetFill(frozenset({"NO INJURY"}), True), SetFill(frozenset({"INJURY", "DEATH"})))),
        (['? DEATH: "A"', 'DEATH: "B"'], (SetFill(frozenset({"DEATH"}), False),)),
        (["-"], ()),
    ],
)
def test_muc4_slots_effect_fills(lines, expected):
    assert effect_fills(lines) == expected


@pytest.mark.parametrize(
    "label,labels,credit",
    [
        ("DEATH", {"DEATH"}, 1.0),
        ("DEATH", {"INJURY", "DEATH"}, 1.0),
        ("NO INJURY", {"NO INJURY OR DEATH"}, 0.5),
        ("NO DEATH", {"NO INJURY OR DEATH"}, 0.5),
        ("NO INJURY OR DEATH", {"NO INJURY"}, 0.0),
        ("INJURY", {"DEATH"}, 0.0),
    ],
)
def test_muc4_slots_effect_label_credit(label, labels, credit):
    assert effect_credit(label, SetFill(frozenset(labels))) == credit


FMLN_FILL = SetFill(frozenset({ACCUSED_BY_AUTHORITIES}), False, ("FMLN", "FARABUNDO MARTI NATIONAL LIBERATION FRONT"))


@pytest.mark.parametrize(
    "ours,fill,credit",
    [
        (("fmln", ACCUSED_BY_AUTHORITIES), FMLN_FILL, 1.0),
        (("the FMLN", ACCUSED_BY_AUTHORITIES), FMLN_FILL, 1.0),
        (("farabundo marti national liberation front", ACCUSED), FMLN_FILL, 0.5),
        (("fmln", CLAIMED), FMLN_FILL, 0.0),
        (("eln", ACCUSED_BY_AUTHORITIES), FMLN_FILL, 0.0),
        (("fmln", ACCUSED_BY_AUTHORITIES), SetFill(frozenset({ACCUSED}), False, ("FMLN",)), 0.0),
    ],
)
def test_muc4_slots_confidence_credit(ours, fill, credit):
    assert confidence_credit(ours, fill) == credit


@pytest.mark.parametrize(
    "counts,expected",
    [
        (SlotCounts(pos=10, act=8, cor=4, par=2), {"r": 0.5, "p": 0.625, "f1": 2 * 0.5 * 0.625 / 1.125}),
        (SlotCounts(pos=0, act=3), {"r": 0.0, "p": 0.0, "f1": 0.0}),
    ],
)
def test_muc4_slots_counts_measures(counts, expected):
    measures = counts.measures()
    assert {k: measures[k] for k in expected} == pytest.approx(expected)


def predicted(incident_type="attack", date=None, location=None, effects=(), confidence=(), **roles):
    return PredictedTemplate(incident_type, {role: [[m] for m in ms] for role, ms in roles.items()}, date,
                             location, frozenset(effects), list(confidence))


def gold(incident_type="attack", **roles):
    return {"incident_type": incident_type, **{role: [[[m, 0]] for m in ms] for role, ms in roles.items()}}


@pytest.mark.parametrize(
    "ours,theirs,pairs",
    [
        # the template sharing a filler wins over order
        ([predicted(Target=["bus"])], [gold(Target=["car"]), gold(Target=["bus"])], [(0, 1)]),
        # incident types must be compatible; "attack" fits "bombing / attack"
        ([predicted("bombing"), predicted("attack")], [gold("kidnapping"), gold("bombing / attack")], [(0, 1)]),
        # ties: order
        ([predicted(), predicted()], [gold(), gold()], [(0, 0), (1, 1)]),
        ([], [gold()], []),
    ],
)
def test_muc4_slots_pair_templates(ours, theirs, pairs):
    assert pair_templates(ours, theirs) == pairs


KEY = {
    "INCIDENT: DATE": ["- 03 JAN 90"],
    "INCIDENT: LOCATION": ["EL SALVADOR: SAN SALVADOR (CITY)"],
    "HUM TGT: EFFECT OF INCIDENT": ['DEATH: "PEASANT"', 'INJURY: "SOLDIERS"', '? NO INJURY: "DRIVER"'],
    "PERP: ORGANIZATION CONFIDENCE": ['CLAIMED OR ADMITTED: "FMLN"'],
}


@pytest.mark.parametrize(
    "ours,expected",
    [
        # one template, every slot right except the effect, which only half matches the key's two fills
        ([predicted(date=(D(1990, 1, 2), D(1990, 1, 2)), location=SV_CITY, effects=["DEATH"],
                    confidence=[("fmln", CLAIMED)])],
         {"date": (1, 1, 1, 0), "location": (1, 1, 1, 0), "effect": (2, 1, 1, 0), "confidence": (1, 1, 1, 0)}),
        # the optional NO INJURY is matched, so it joins POS
        ([predicted(effects=["NO INJURY", "DEATH"])],
         {"date": (1, 0, 0, 0), "location": (1, 0, 0, 0), "effect": (3, 2, 2, 0), "confidence": (1, 0, 0, 0)}),
        # a second, unpaired template of ours adds its fills to ACT only
        ([predicted(date=(D(1990, 1, 3), D(1990, 1, 3))), predicted(date=(D(1990, 1, 3), D(1990, 1, 3)),
                                                                    effects=["DEATH"])],
         {"date": (1, 2, 1, 0), "location": (1, 0, 0, 0), "effect": (2, 1, 0, 0), "confidence": (1, 0, 0, 0)}),
        # no prediction: the key's fills are all missed
        ([], {"date": (1, 0, 0, 0), "location": (1, 0, 0, 0), "effect": (2, 0, 0, 0), "confidence": (1, 0, 0, 0)}),
    ],
)
def test_muc4_slots_document_counts(ours, expected):
    counts = document_counts(ours, [gold()], [key_slots(KEY)])
    assert {slot: (c.pos, c.act, c.cor, c.par) for slot, c in counts.items()} == expected


@pytest.mark.parametrize(
    "ours,expected",
    [([predicted(location=SV_CITY, confidence=[("fmln", REPORTED)])],
      {"date": (0, 0), "location": (0, 1), "effect": (0, 0), "confidence": (0, 1)})],
)
def test_muc4_slots_document_counts_irrelevant_document(ours, expected):
    counts = document_counts(ours, [], [])
    assert {slot: (c.pos, c.act) for slot, c in counts.items()} == expected


@pytest.mark.parametrize(
    "template,expected",
    [({"INCIDENT: DATE": ["12 FEB"], "INCIDENT: LOCATION": ["PERU"]},
      KeySlots(date=(DateKey(D(1990, 2, 12), D(1990, 2, 12)),), has_date=True, location=(LocationKey("PERU"),)))],
)
def test_muc4_slots_key_slots_year_from_dateline(template, expected):
    assert key_slots(template, 1990) == expected


@pytest.mark.parametrize(
    "rows,expected",
    [(["A\tTST3\t50.0", "B\tTST3\t55.9", "A\tTST4\t57.1", "B\tTST4\t20.0"], {"TST3": "B", "TST4": "A"})],
)
def test_muc4_slots_best_1992_systems(tmp_path, rows, expected):
    path = tmp_path / "all.tsv"
    path.write_text("\n".join(["system\ttestset\tF_P&R", *rows]) + "\n")
    assert best_1992_systems(path) == expected
