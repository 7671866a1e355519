"""Incident assembly on articles annotated by hand (no spaCy, no gazetteer)."""
import datetime as dt
import re

import pytest

from claimwatch.extract.events import find_events
from claimwatch.extract.incidents import build_incidents, headline_figure
from claimwatch.model import Article, DateValue, Figure, Place, Span, Statement


def annotate(text: str, published="2024-01-04", dates=(), places=(), figures=(), statements=()) -> Article:
    """Sentences split at '. '; dates/places/figures given as (surface, attributes) and located in the text."""
    article = Article(id="t", text=text, published=dt.date.fromisoformat(published) if published else None)
    article.sentences = [Span.of(text, m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text) if m.group().strip()]
    article.sentences = [Span.of(text, s.start + len(s.text) - len(s.text.lstrip()), s.end) for s in article.sentences]
    article.dates = [DateValue(phrase=p, evidence=find(text, p), value=v, precision="day") for p, v in dates]
    article.places = [Place(name=p, evidence=find(text, p), city=p if prec == "city" else None, country_code=cc,
                            precision=prec) for p, cc, prec in places]
    article.figures = [Figure(kind=k, evidence=find(text, p), value=v, qualifier=q, phrase=p) for p, k, v, q in figures]
    article.statements = [Statement(kind=k, by=by, against=list(against), evidence=find(text, p))
                          for p, k, by, against in statements]
    article.events = find_events(article)
    return article


def find(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span.of(text, start, start + len(phrase))


KABUL = ("A suicide bomber struck a wedding hall in Kabul on Wednesday, killing at least 20 people. "
         "The Taliban denied involvement. In 2019, a similar bombing in the city killed 63 people.")


@pytest.mark.parametrize("text", [KABUL])
def test_incidents_main_and_background_are_separate(text):
    article = annotate(text, dates=[("on Wednesday", "2024-01-03"), ("In 2019", "2019-01-01")],
                       places=[("Kabul", "AF", "city")],
                       figures=[("at least 20 people", "killed", 20, "at least"), ("63 people", "killed", 63, None)])
    article.dates[1].precision = "year"
    incidents = build_incidents(article)
    assert [i.role for i in incidents] == ["main", "background"]
    main, background = incidents
    assert (main.type, main.date.value, main.location.city, main.killed.value) == ("bombing", "2024-01-03", "Kabul", 20)
    assert background.killed.value == 63


@pytest.mark.parametrize("text", ["The central bank raised rates. Markets fell."])
def test_incidents_none_without_triggers(text):
    assert build_incidents(annotate(text)) == []


@pytest.mark.parametrize("text,claim_date", [
    ("The group on Thursday claimed the bombing in Quetta that killed 26 people on Saturday.", "2024-01-04"),
])
def test_incidents_statement_date_is_not_the_event_date(text, claim_date):
    article = annotate(text, dates=[("on Thursday", claim_date), ("on Saturday", "2023-12-30")],
                       places=[("Quetta", "PK", "city")], figures=[("26 people", "killed", 26, None)])
    (main,) = build_incidents(article)
    assert main.date.value == "2023-12-30"


@pytest.mark.parametrize("figures,expected", [
    ([("almost a hundred", "killed", 100, "almost"), ("95 deaths", "killed", 95, "so far")], 95),
    ([("at least 12", "killed", 12, "at least"), ("30", "killed", 30, None)], 30),
    ([("hundreds", "killed", None, "hundreds")], None),
])
def test_incidents_headline_figure_prefers_exact_latest(figures, expected):
    text = " ".join(p for p, *_ in figures)
    built = [Figure(kind=k, evidence=find(text, p), value=v, qualifier=q, phrase=p, low=200 if v is None else v)
             for p, k, v, q in figures]
    assert headline_figure(built, "killed").value == expected


@pytest.mark.parametrize("text", ["Gunmen stormed a hotel in Mogadishu on Friday. Al-Shabaab claimed the attack."])
def test_incidents_claim_becomes_perpetrator(text):
    article = annotate(text, dates=[("on Friday", "2023-12-29")], places=[("Mogadishu", "SO", "city")],
                       statements=[("claimed the attack", "claim", "al-Shabaab", [])])
    (main,) = build_incidents(article)
    assert [(p.name, p.basis) for p in main.perpetrators] == [("al-Shabaab", "claimed")]
    assert main.type == "armed_assault"
