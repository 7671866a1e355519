import datetime as dt

import pytest

from claimwatch.errors import NotFound
from claimwatch.model import Article, DateValue, Failure, Figure, Incident, Place, Span, Statement
from claimwatch.queries import get_incident, list_incidents
from claimwatch.resolve import resolve
from claimwatch.store.db import Database

TEXT = "A bomb killed 12 people in Kabul on Monday. The Taliban denied involvement."


def article(text=TEXT, id="a1") -> Article:
    a = Article(id=id, text=text, published=dt.date(2024, 1, 2))
    trigger = Span.of(text, 2, 6)
    a.incidents = [Incident(
        role="main", type="bombing", evidence=[trigger],
        date=DateValue("on Monday", Span.of(text, 33, 42), "2024-01-01", "day"),
        location=Place("Kabul", Span.of(text, 27, 32), city="Kabul", country="Afghanistan", country_code="AF",
                       precision="city", lat=34.5, lon=69.2),
        killed=Figure("killed", Span.of(text, 14, 23), value=12, low=12, phrase="12 people"),
        statements=[Statement("denial", "Taliban", Span.of(text, 48, 75))],
    )]
    return a


@pytest.fixture
def db(tmp_path):
    return Database(tmp_path / "t.db")


@pytest.mark.parametrize("text", [TEXT])
def test_db_add_article_is_idempotent(db, text):
    first = db.add_article(article(text))
    second = db.add_article(article(text, id="again"))
    assert first.new and not second.new and first.article_id == second.article_id
    assert len(first.mention_ids) == 1


@pytest.mark.parametrize("field,evidence", [("killed", "12 people"), ("location", "Kabul"), ("date", "on Monday")])
def test_db_values_keep_evidence(db, field, evidence):
    db.add_article(article())
    resolve(db)
    (row,) = list_incidents(db.engine.url.database)
    shown = get_incident(db.engine.url.database, row["id"])
    quotes = [q for q in shown["reports"][0]["evidence"] if q["field"].startswith(field)]
    assert quotes and quotes[0]["text"] == evidence and f"[{evidence}]" in quotes[0]["context"]


@pytest.mark.parametrize("country,count", [("AF", 1), ("IQ", 0)])
def test_db_list_incidents_filters_country(db, country, count):
    db.add_article(article())
    resolve(db)
    assert len(list_incidents(db.engine.url.database, country=country)) == count


@pytest.mark.parametrize("code", ["E108"])
def test_db_failures_are_recorded_with_payload(db, code):
    db.add_failure(Failure("dump.jsonl:3", "ingest", code, "bad JSONL line", payload=b"{not json"))
    (row,) = db.failures()
    assert (row["code"], row["payload"], row["resolved"]) == (code, b"{not json", False)


@pytest.mark.parametrize("missing", [999])
def test_db_get_missing_incident_raises_coded(db, missing):
    with pytest.raises(NotFound) as info:
        get_incident(db.engine.url.database, missing)
    assert "[E401]" in str(info.value)


@pytest.mark.parametrize("runs", [2])
def test_db_migrate_twice_is_harmless(tmp_path, runs):
    versions = [Database(tmp_path / "m.db").migrate() for _ in range(runs)]
    assert versions == [versions[0]] * runs and versions[0] >= 1
