"""The GTD, ACLED, UCDP GED and PLOVER shapes, on records built by hand; and `export` writing each of them."""
import csv
import io
import json

import pytest
from click.testing import CliRunner

from claimwatch.resolve import resolve
from claimwatch.serve.cli import cli
from claimwatch.store import shapes
from claimwatch.store.db import Database
from claimwatch.store.export import FORMATS
from tests.store.test_db import article

BOMBING = {
    "id": 7, "report_ids": ["r1", "r2"], "type": "bombing", "types": ["bombing"],
    "date": {"value": "2024-01-03", "precision": "day", "phrase": "on Wednesday"},
    "location": {"city": "Kerman", "region": "Kerman", "country": "Iran", "country_code": "IR",
                 "lat": 30.28, "lon": 57.08, "precision": "city"},
    "killed": {"best": 95, "low": 84, "high": 103, "qualifier": None}, "wounded": {"best": 284},
    "weapons": ["explosives"], "suicide": True, "compclaim": False,
    "perpetrators": [{"name": "Israel", "basis": "accused", "named": True, "denied": False},
                     {"name": "Islamic State", "basis": "claimed", "named": True, "denied": False},
                     {"name": "bombers", "basis": "official", "named": False, "denied": False}],
    "attribution": [{"kind": "claim", "by": "Islamic State", "channel": "Telegram", "source": "Wire A"},
                    {"kind": "condemnation", "by": "UN", "channel": None, "source": "Wire B"}],
    "summary": "Two suicide bombers struck a memorial procession in Kerman.",
}
KIDNAPPING = {
    "id": 12, "report_ids": ["k1"], "type": "kidnapping", "types": ["kidnapping"],
    "date": {"value": "2021-02-01", "precision": "month", "phrase": "in February"},
    "location": {"region": "Zamfara", "country": "Nigeria", "country_code": "NG", "precision": "region"},
    "weapons": ["firearms"], "suicide": None,
    "perpetrators": [{"name": "bandits", "basis": "suspected", "named": True, "denied": False}],
    "attribution": [], "summary": "Gunmen abducted pupils from a school in Zamfara.",
}
UNCLAIMED = {"id": 3, "report_ids": ["u1"], "type": "armed_assault", "types": ["armed_assault"], "date": None,
             "location": None, "weapons": [], "perpetrators": [], "attribution": []}


@pytest.mark.parametrize("record,expected", [
    (BOMBING, {"eventid": "202401030007", "iyear": 2024, "imonth": 1, "iday": 3, "approxdate": None,
               "specificity": 1, "attacktype1": 3, "attacktype1_txt": "Bombing/Explosion", "suicide": 1,
               "weaptype1": 6, "weaptype2": None, "gname": "Islamic State", "gname2": "Israel", "guncertain1": 0,
               "guncertain2": 1, "claimed": 1, "claimmode": 7, "claimmode_txt": "Posted to website, blog, etc.",
               "compclaim": 0, "nkill": 95, "nwound": 284, "scite1": "r1; r2", "targtype1": None}),
    (KIDNAPPING, {"eventid": "202102000012", "imonth": 2, "iday": 0, "approxdate": "in February", "specificity": 4,
                  "latitude": None, "attacktype1": 6, "gname": "bandits", "guncertain1": 1, "claimed": 0,
                  "claimmode_txt": None, "suicide": 0, "nkill": None}),
    (UNCLAIMED, {"eventid": "000000000003", "iyear": 0, "specificity": 5, "gname": "Unknown", "guncertain1": None,
                 "weaptype1": 13, "weaptype1_txt": "Unknown", "attacktype1": 2, "dbsource": "claimwatch"}),
])
def test_shapes_gtd(record, expected):
    row = shapes.gtd(record)
    assert {key: row[key] for key in expected} == expected and list(row) == shapes.COLUMNS["gtd"]


@pytest.mark.parametrize("record,expected", [
    (BOMBING, {"event_id_cnty": "IRN7", "event_date": "2024-01-03", "time_precision": 1,
               "disorder_type": "Political violence", "event_type": "Explosions/Remote violence",
               "sub_event_type": "Suicide bomb", "actor1": "Islamic State", "actor2": None, "iso": 364,
               "geo_precision": 1, "location": "Kerman", "source": "Wire A; Wire B", "fatalities": 95,
               "tags": "claimed by Islamic State"}),
    (KIDNAPPING, {"time_precision": 3, "event_type": "Violence against civilians",
                  "sub_event_type": "Abduction/forced disappearance", "location": "Zamfara", "geo_precision": 3,
                  "latitude": None, "fatalities": 0, "tags": ""}),
    (UNCLAIMED, {"actor1": "Unidentified Armed Group", "event_type": "Violence against civilians",
                 "sub_event_type": "Attack", "event_date": None, "year": None}),
])
def test_shapes_acled(record, expected):
    row = shapes.acled(record)
    assert {key: row[key] for key in expected} == expected and list(row) == shapes.COLUMNS["acled"]


@pytest.mark.parametrize("record,expected", [
    (BOMBING, {"id": 7, "type_of_violence": 3, "side_a": "Islamic State", "side_b": "Civilians", "where_prec": 1,
               "date_prec": 1, "date_start": "2024-01-03", "date_end": "2024-01-03", "best": 95, "low": 84,
               "high": 103, "number_of_sources": 2, "geom_wkt": "POINT (57.08 30.28)"}),
    (KIDNAPPING, {"where_prec": 4, "date_prec": 4, "date_start": "2021-02-01", "date_end": "2021-02-28",
                  "best": None, "geom_wkt": None, "side_a": "bandits"}),
    (UNCLAIMED, {"side_a": "Unknown", "where_prec": None, "date_start": None, "conflict_new_id": None}),
])
def test_shapes_ucdp(record, expected):
    row = shapes.ucdp(record)
    assert {key: row[key] for key in expected} == expected and list(row) == shapes.COLUMNS["ucdp"]


@pytest.mark.parametrize("record,expected", [
    (BOMBING, {"event_type": "ASSAULT", "mode": "suicide-bomb", "actor": "Islamic State", "recipient": None,
               "location": {"name": "Kerman", "country": "IRN", "admin1": "Kerman", "lat": 30.28, "lon": 57.08},
               "killed": 95, "sources": ["r1", "r2"]}),
    (KIDNAPPING, {"mode": "abduct", "date": "2021-02-01", "killed": None}),
    (UNCLAIMED, {"actor": None, "mode": None, "date": None}),
])
def test_shapes_plover(record, expected):
    row = shapes.plover(record)
    assert {key: row[key] for key in expected} == expected and json.loads(json.dumps(row)) == row


@pytest.mark.parametrize("fmt,first", [("gtd", "eventid"), ("acled", "event_id_cnty"), ("ucdp", "id"),
                                       ("plover", "id")])
def test_shapes_export_writes_each_format(tmp_path, fmt, first):
    db = Database(tmp_path / "t.db")
    db.add_article(article())
    resolve(db)
    result = CliRunner().invoke(cli, ["export", "--db", str(tmp_path / "t.db"), "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "plover":
        row = json.loads(result.stdout.splitlines()[0])
        assert (row["location"]["country"], row["killed"], row["sources"]) == ("AFG", 12, ["a1"])
        return
    header, *rows = list(csv.reader(io.StringIO(result.stdout)))
    assert header == shapes.COLUMNS[fmt] and header[0] == first and len(rows) == 1


@pytest.mark.parametrize("option", ["fmt"])
def test_shapes_cli_offers_every_export_format(option):
    (param,) = [p for p in cli.commands["export"].params if p.name == option]
    assert tuple(param.type.choices) == FORMATS


@pytest.mark.parametrize("fmt", ["jsonl"])
def test_shapes_jsonl_export_lists_report_ids_and_their_count(tmp_path, fmt):
    db = Database(tmp_path / "t.db")
    db.add_article(article())
    resolve(db)
    result = CliRunner().invoke(cli, ["export", "--db", str(tmp_path / "t.db"), "--format", fmt])
    row = json.loads(result.stdout.splitlines()[0])
    assert (row["reports"], row["report_count"]) == (["a1"], 1)
