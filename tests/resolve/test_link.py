"""Resolution against SQLite: merge, background, split, join, as-of and history; records built by hand."""
from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner

from claimwatch import queries
from claimwatch.model import Article, DateValue, Figure, Incident, Place, Span, Statement
from claimwatch.resolve import join, resolve, split
from claimwatch.resolve.features import FEATURES
from claimwatch.resolve.scoring import Weights
from claimwatch.serve.cli import cli
from claimwatch.store.db import Database

WEIGHTS = Weights(FEATURES, tuple({"date_exact": 2.0, "same_city": 2.0, "type_same": 1.0, "text_sim": 4.0}.get(f, 0.0)
                                  for f in FEATURES), -6.0, 0.5)
KABUL = "A suicide bomber struck crowds at Abbey Gate of Kabul airport, killing {n} people."


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


def report(id: str, published: str, text: str, killed: int | None = None, role: str = "main", date: str = "2021-08-26",
           city: str = "Kabul", claim: str | None = None) -> Article:
    incident = Incident(
        role=role, type="bombing", evidence=[span(text, "bomber")], summary=text,
        date=DateValue(date, span(text, text.split()[0]), value=date, precision="day"),
        location=Place(city, span(text, city), city=city, country_code="AF", precision="city", anchored=True),
        killed=Figure("killed", span(text, str(killed)), value=killed) if killed else None,
        statements=[Statement("claim", claim, span(text, "suicide"), channel="Amaq")] if claim else [])
    return Article(id=id, text=text, published=dt.date.fromisoformat(published), incidents=[incident])


def store(db: Database, *articles: Article) -> int:
    for article in articles:
        db.add_article(article)
    return resolve(db, WEIGHTS)


@pytest.fixture
def db(tmp_path):
    return Database(tmp_path / "cw.db")


@pytest.mark.parametrize("distractor", [report("rockets", "2021-08-30", "Rockets hit Herat airport on Monday, bomber said.",
                                               date="2021-08-30", city="Herat")])
def test_link_reports_of_one_incident_merge(db, distractor):
    store(db, report("k1", "2021-08-26", KABUL.format(n=13), 13), report("k2", "2021-08-27", KABUL.format(n=170), 170),
          distractor)
    rows = queries.list_incidents(db.engine.url.database)
    assert sorted(row["reports"] for row in rows) == [["k1", "k2"], ["rockets"]]
    joined = next(r for r in queries.get_incident(db.engine.url.database, rows[0]["id"])["reports"] if r["article"] == "k2")
    assert joined["link_reason"]["rule"] == "scored" and "text_sim" in joined["link_reason"]["features"]
    assert joined["link_reason"]["score"] >= joined["link_reason"]["threshold"]


@pytest.mark.parametrize("batches", [1, 2])
def test_link_resolve_is_incremental(db, batches):
    first = [report("k1", "2021-08-26", KABUL.format(n=13), 13)]
    second = [report("k2", "2021-08-27", KABUL.format(n=170), 170)]
    if batches == 1:
        assert store(db, *first, *second) == 2
    else:
        assert store(db, *first) == 1 and store(db, *second) == 1
    assert resolve(db, WEIGHTS) == 0
    assert [row["reports"] for row in queries.list_incidents(db.engine.url.database)] == [["k1", "k2"]]


@pytest.mark.parametrize("role", ["background"])
def test_link_background_mention_joins_without_counting(db, role):
    store(db, report("k1", "2021-08-26", KABUL.format(n=13), 13),
          report("anniversary", "2022-08-26", KABUL.format(n=183), 183, role=role))
    rows = queries.list_incidents(db.engine.url.database)
    assert len(rows) == 1 and rows[0]["reports"] == ["k1"] and rows[0]["background_reports"] == ["anniversary"]
    record = queries.get_incident(db.engine.url.database, rows[0]["id"])["record"]
    assert record["reports"] == 1 and record["background_reports"] == 1
    assert record["killed"]["best"] == 183  # the later toll still counts


@pytest.mark.parametrize("role", ["background"])
def test_link_background_only_incident_is_listed_with_all(db, role):
    store(db, report("anniversary", "2022-08-26", KABUL.format(n=183), 183, role=role))
    path = db.engine.url.database
    assert queries.list_incidents(path) == []
    assert [row["background_reports"] for row in queries.list_incidents(path, include_background=True)] == [["anniversary"]]


@pytest.mark.parametrize("later", [report("k3", "2021-08-28", KABUL.format(n=182), 182)])
def test_link_split_is_respected_by_later_resolve(db, later):
    store(db, report("k1", "2021-08-26", KABUL.format(n=13), 13), report("k2", "2021-08-27", KABUL.format(n=170), 170))
    path = db.engine.url.database
    mention = next(r["mention"] for r in queries.get_incident(path, 1)["reports"] if r["article"] == "k2")
    new = split(db, mention)
    assert sorted(row["reports"] for row in queries.list_incidents(path)) == [["k1"], ["k2"]]
    store(db, later)  # matches both: must not bridge them back
    reports = sorted(row["reports"] for row in queries.list_incidents(path))
    assert ["k2"] in reports or ["k2", "k3"] in reports
    assert queries.get_incident(path, new)["reports"][0]["pinned"] is True


@pytest.mark.parametrize("far_city", ["Herat"])
def test_link_join_by_hand_leaves_a_tombstone(db, far_city):
    store(db, report("k1", "2021-08-26", KABUL.format(n=13), 13),
          report("h1", "2021-08-26", KABUL.replace("Kabul", far_city).format(n=5), 5, city=far_city))
    path = db.engine.url.database
    assert len(queries.list_incidents(path)) == 2
    join(db, 1, 2)
    rows = queries.list_incidents(path)
    assert [row["reports"] for row in rows] == [["k1", "h1"]]
    assert queries.get_incident(path, 2)["merged_into"] == 1
    assert "join" in [e["action"] for e in queries.incident_history(path, 1)]


@pytest.mark.parametrize("as_of,killed,reports", [("2021-08-26", 13, ["k1"]), ("2021-08-27", 170, ["k1", "k2"]),
                                                  ("2021-08-25", None, None)])
def test_link_as_of_shows_the_database_as_it_stood(db, as_of, killed, reports):
    store(db, report("k1", "2021-08-26", KABUL.format(n=13), 13), report("k2", "2021-08-27", KABUL.format(n=170), 170))
    rows = queries.list_incidents(db.engine.url.database, as_of=as_of)
    assert [(row["killed"], row["reports"]) for row in rows] == ([(killed, reports)] if reports else [])


@pytest.mark.parametrize("claimant", ["Northern Brigade"])
def test_link_history_says_which_report_changed_what(db, claimant):
    store(db, report("k1", "2021-08-26", KABUL.format(n=13), 13),
          report("k2", "2021-08-27", KABUL.format(n=170), 170, claim=claimant))
    history = queries.incident_history(db.engine.url.database, 1)
    figure = [e for e in history if e["action"] == "figure"]
    assert [(e["report"], e["detail"]["to"]["best"]) for e in figure] == [("k1", 13), ("k2", 170)]
    attribution = next(e for e in history if e["action"] == "attribution")
    assert attribution["report"] == "k2" and attribution["detail"]["to"] == {"name": claimant, "basis": "claimed"}


@pytest.mark.parametrize("args", [["incidents", "--json"], ["incidents", "--as-of", "2021-08-26", "--json"]])
def test_link_cli_lists_reports_by_input_id(tmp_path, args):
    database = Database(tmp_path / "cw.db")
    store(database, report("k1", "2021-08-26", KABUL.format(n=13), 13))
    result = CliRunner().invoke(cli, [*args, "--db", str(tmp_path / "cw.db")])
    assert result.exit_code == 0 and json.loads(result.output)[0]["reports"] == ["k1"]


@pytest.mark.parametrize("command", [["show", "1", "--history"], ["split", "1"], ["join", "1", "2"]])
def test_link_cli_history_split_and_join(tmp_path, command):
    database = Database(tmp_path / "cw.db")
    store(database, report("k1", "2021-08-26", KABUL.format(n=13), 13), report("k2", "2021-08-27", KABUL.format(n=170), 170),
          report("h1", "2021-08-26", KABUL.replace("Kabul", "Herat").format(n=5), 5, city="Herat"))
    result = CliRunner().invoke(cli, [*command, "--db", str(tmp_path / "cw.db")])
    assert result.exit_code == 0, result.output
    assert ("opened" in result.output) if command[0] == "show" else result.output.strip().isdigit()


@pytest.mark.parametrize("command", [["split", "99"], ["join", "1", "1"], ["incidents", "--as-of", "yesterday"]])
def test_link_cli_refuses_with_one_line(tmp_path, command):
    store(Database(tmp_path / "cw.db"), report("k1", "2021-08-26", KABUL.format(n=13), 13))
    result = CliRunner().invoke(cli, [*command, "--db", str(tmp_path / "cw.db")])
    assert result.exit_code == 1 and result.output.startswith("error: [E")


@pytest.mark.parametrize("cities", [("Kabul", "Herat")])
def test_link_parts_one_report_tells_together_are_linked(db, cities):
    text = f"Bombs went off in {cities[0]} and in {cities[1]} on Thursday morning, a bomber said."
    article = report("both", "2021-08-26", text, city=cities[0])
    second = report("both", "2021-08-26", text, city=cities[1]).incidents[0]
    article.incidents.append(second)
    store(db, article)
    rows = queries.list_incidents(db.engine.url.database)
    assert len(rows) == 2
    related = queries.get_incident(db.engine.url.database, rows[0]["id"])["related"]
    assert related == [{"incident": rows[1]["id"], "kind": "coordinated"}]


@pytest.mark.parametrize("chunk", [1, 2, 100])
def test_link_chunks_give_the_same_incidents(db, chunk):
    for article in (report("k1", "2021-08-26", KABUL.format(n=13), 13), report("k2", "2021-08-27", KABUL.format(n=170), 170),
                    report("h1", "2021-08-26", KABUL.replace("Kabul", "Herat").format(n=5), 5, city="Herat")):
        db.add_article(article)
    assert resolve(db, WEIGHTS, chunk=chunk) == 3
    assert sorted(row["reports"] for row in queries.list_incidents(db.engine.url.database)) == [["h1"], ["k1", "k2"]]


def test_link_a_report_that_fits_two_incidents_alike_says_so(db):
    # two bombings in one city on one day, told apart by their words; a third report fits both alike
    for article in (report("market", "2021-08-26", "Market bomber blast killed traders in Kabul."),
                    report("checkpoint", "2021-08-26", "Checkpoint bomber attack on police in Kabul."),
                    report("vague", "2021-08-26", "A bomber struck in Kabul.")):
        db.add_article(article)
    resolve(db, Weights(WEIGHTS.features, WEIGHTS.weights, WEIGHTS.bias, 0.7))
    rows = queries.list_incidents(db.engine.url.database)
    assert sorted(row["reports"] for row in rows) == [["checkpoint"], ["market"], ["vague"]]
    vague = next(r for row in rows for r in queries.get_incident(db.engine.url.database, row["id"])["reports"]
                 if r["article"] == "vague")
    assert vague["link_reason"]["rule"] == "ambiguous" and len(vague["link_reason"]["fits_alike"]) == 2


def test_link_a_reports_main_mention_displaces_its_background_and_says_so(db):
    # the follow-up recounts, dated the day before, an incident worded like Kabul's; that background mention is
    # placed first and joins Kabul's incident just above the threshold; the report's own main mention fits
    # Kabul's far better and takes its place, and the background mention's link says why it stands alone
    store(db, report("k1", "2021-08-26", KABUL.format(n=13), 13))
    text = KABUL.format(n=170)
    told = report("k2", "2021-08-27", text, 170, role="background", date="2021-08-25").incidents[0]
    news = report("k2", "2021-08-27", text, 170).incidents[0]
    db.add_article(Article(id="k2", text=text, published=dt.date(2021, 8, 27), incidents=[news, told]))
    resolve(db, WEIGHTS)
    path = db.engine.url.database
    rows = queries.list_incidents(path, include_background=True)
    assert sorted((row["reports"], row["background_reports"]) for row in rows) == [([], ["k2"]), (["k1", "k2"], [])]
    lone = next(row for row in rows if row["background_reports"] == ["k2"])
    reason = queries.get_incident(path, lone["id"])["reports"][0]["link_reason"]
    assert reason["rule"] == "displaced" and reason["first"]["rule"] == "scored"
