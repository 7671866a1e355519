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


@pytest.mark.parametrize("title,text,expected", [
    ("Embassies close over threats", "The embassy closed on Sunday. Officials recalled the failed Christmas Day airliner bombing.", []),
    ("Bomb kills five in market", "A bomb killed five people in a market on Sunday.", ["main"]),
])
def test_incidents_headline_without_violence_needs_early_trigger(title, text, expected):
    article = annotate(text, figures=[("five people", "killed", 5, None)] if "five" in text else [])
    article.title = title
    assert [i.role for i in build_incidents(article)] == expected


@pytest.mark.parametrize("text", [
    "Two aid workers kidnapped in Darfur last July were freed on Sunday. They said they were treated well."])
def test_incidents_follow_up_report_is_about_the_earlier_incident(text):
    article = annotate(text, published="2009-10-19", dates=[("last July", "2009-07-01"), ("on Sunday", "2009-10-18")])
    article.dates[0].precision = "month"
    article.title = "Kidnappers free two aid workers"
    (main,) = build_incidents(article)
    assert (main.role, main.type, main.date.value) == ("main", "kidnapping", "2009-07-01")


@pytest.mark.parametrize("text", [
    "Hundreds gathered on Sunday to mark one year since the truck bombing. Officials blamed the group."])
def test_incidents_commemoration_is_no_news_of_the_incident(text):
    article = annotate(text, published="2018-10-14", dates=[("on Sunday", "2018-10-14")])
    article.title = "City remembers victims of truck bombing"
    assert build_incidents(article) == []
    recalled = build_incidents(article, recounted=True)
    assert [(i.role, i.type) for i in recalled] == [("background", "bombing")]


@pytest.mark.slow
def test_incidents_kerman_reference(kerman):
    from claimwatch import extract_text

    text, _gold = kerman
    article = extract_text(text, published="2024-01-04")
    main, *background = article.incidents
    assert (main.role, main.type, main.date.value, main.date.evidence.start, main.date.evidence.end) == \
        ("main", "bombing", "2024-01-03", 414, 426)
    assert (main.location.city, main.location.country_code, main.location.evidence.start) == ("Kerman", "IR", 1599)
    assert (main.killed.value, main.killed.evidence.start, main.killed.evidence.end) == (95, 1853, 1862)
    assert (main.wounded.value, main.wounded.low, main.wounded.evidence.start) == (None, 200, 1891)
    assert (main.suicide, main.suicide_evidence.start, main.suicide_evidence.end) == (True, 2445, 2476)
    claims = [s for s in main.statements if s.kind == "claim"]
    assert [(s.by, s.channel, s.date, s.channel_evidence.start) for s in claims] == [
        ("Islamic State", "Telegram", "2024-01-04", 136)]
    accusations = [(s.evidence.start, s.evidence.end, sorted(s.against)) for s in main.statements if s.kind == "accusation"]
    assert accusations == [(321, 382, ["Israel", "United States"]), (2286, 2312, ["Israel", "United States"])]
    condemnations = [s for s in main.statements if s.kind == "condemnation"]
    assert [(s.against, s.evidence.start <= 2028 and 2043 <= s.evidence.end) for s in condemnations] == [([], True)]
    assert [(b.role, b.date.value if b.date else None) for b in background] == [
        ("background", "2020-01-03"), ("background", None), ("background", None)]
    assert [(b.evidence[0].start, b.evidence[0].text) for b in background] == [
        (489, "drone strike"), (829, "killed"), (897, "assault")]
    for incident in article.incidents:
        for span in incident.evidence:
            assert text[span.start:span.end] == span.text
