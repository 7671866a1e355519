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


@pytest.mark.parametrize("count_phrase", ["rose to 100 on Tuesday", "stood at 100 on Tuesday", "climbed to 100 on Tuesday"])
def test_incidents_the_day_of_a_count_is_not_the_incident_day(count_phrase):
    text = (f"The toll from a bombing at a mosque in Peshawar {count_phrase}. "
            "Nearly all of the dead were police officers who had gathered for prayers on Monday afternoon.")
    article = annotate(text, published="2023-01-31", dates=[("on Tuesday", "2023-01-31"), ("on Monday afternoon", "2023-01-30")],
                       places=[("Peshawar", "PK", "city")], figures=[("100", "killed", 100, None)])
    (main,) = build_incidents(article)
    assert (main.date.value, main.date.phrase) == ("2023-01-30", "on Monday afternoon")


def test_incidents_undated_without_a_casualty_sentence_stays_undated():
    text = "A bombing at a mosque in Peshawar killed 100 people. The minister spoke to reporters on Monday."
    article = annotate(text, published="2023-01-31", dates=[("on Monday", "2023-01-30")],
                       places=[("Peshawar", "PK", "city")], figures=[("100 people", "killed", 100, None)])
    (main,) = build_incidents(article)
    assert main.date is None


@pytest.mark.parametrize("bound,expected_role", [("more than two weeks ago", "main"), ("yesterday", "background")])
def test_incidents_a_bounded_ago_keeps_the_exact_day_in_the_main_incident(bound, expected_role):
    text = (f"The pupils abducted from a school in Kuriga {bound} have been freed, the governor said. "
            "The figure is lower than the 287 children missing after gunmen struck the school on March 7.")
    article = annotate(text, published="2024-03-24", dates=[(bound, None), ("on March 7", "2024-03-07")],
                       places=[("Kuriga", "NG", "city")])
    article.dates[0].precision = "week"
    incidents = build_incidents(article)
    struck = next(i for i in incidents if any(e.text == "struck" or e.text == "gunmen" for e in i.evidence))
    assert struck.role == expected_role
    if expected_role == "main":
        assert incidents[0].date.value == "2024-03-07"


def test_incidents_a_town_beats_the_city_it_is_near():
    text = ("Gunmen stormed a concert hall near Moscow on Friday, killing 40 people. "
            "The venue stands in Krasnogorsk, beyond the city boundary.")
    article = annotate(text, published="2024-03-22", dates=[("on Friday", "2024-03-22")],
                       places=[("Moscow", "RU", "city"), ("Krasnogorsk", "RU", "city")],
                       figures=[("40 people", "killed", 40, None)])
    article.places[0].lat, article.places[0].lon = 55.75, 37.62
    article.places[1].lat, article.places[1].lon = 55.82, 37.33
    (main,) = build_incidents(article)
    assert main.location.city == "Krasnogorsk"
    article.places[1].lat, article.places[1].lon = 59.94, 30.31  # 600 km away: not the town it was near
    (main,) = build_incidents(article)
    assert main.location.city == "Moscow"


def test_incidents_relative_clause_joins_the_incident_it_hangs_on():
    text = ("Three explosions ripped through mourners in Kabul on Saturday, killing at least seven people. "
            "The protesters were angry over Wednesday's truck bombing, which killed 90 people.")
    article = annotate(text, published="2017-06-03", dates=[("on Saturday", "2017-06-03"), ("Wednesday", "2017-05-31")],
                       places=[("Kabul", "AF", "city")],
                       figures=[("at least seven people", "killed", 7, "at least"), ("90 people", "killed", 90, None)])
    main, background = build_incidents(article)
    assert (main.killed.value, background.killed.value) == (7, 90)
    assert [e.text for e in background.evidence] == ["truck bombing", "killed"]


@pytest.mark.parametrize("title,main_expected", [
    ("Kenya remembers victims of Garissa attack, one year on", False),
    ("Gunmen storm Garissa college", True),
])
def test_incidents_commemorative_headline_reports_no_incident(title, main_expected):
    text = ("Hundreds gathered in Garissa on Saturday to mark one year since gunmen killed 148 people. "
            "On April 2, 2015, attackers ended the siege that evening. "
            "A survivor said he still remembers the time the shooting started.")
    article = annotate(text, published="2016-04-02", dates=[("on Saturday", "2016-04-02"), ("On April 2, 2015", "2015-04-02")],
                       places=[("Garissa", "KE", "city")], figures=[("148 people", "killed", 148, None)])
    article.title = title
    incidents = build_incidents(article)
    assert any(i.role == "main" for i in incidents) is main_expected


@pytest.mark.parametrize("text,expected_role", [
    # the place follows a later verb, not the trigger: the raid is still the main incident
    ("Gunmen killed 148 people at a college in Garissa on Thursday. The group said it carried out the raid "
     "to punish Kenya for sending troops into Somalia.", "main"),
    # the place hangs on the trigger: an incident elsewhere
    ("Gunmen killed 148 people at a college in Garissa on Thursday. The group also carried out a raid in Somalia.",
     "background"),
])
def test_incidents_a_place_elsewhere_must_hang_on_the_trigger(text, expected_role):
    article = annotate(text, published="2015-04-03", dates=[("on Thursday", "2015-04-02")],
                       places=[("Garissa", "KE", "city"), ("Somalia", "SO", "country")],
                       figures=[("148 people", "killed", 148, None)])
    incidents = build_incidents(article)
    raid = next(i for i in incidents if any(e.text == "raid" for e in i.evidence))
    assert raid.role == expected_role


def test_incidents_one_sentence_naming_a_country_thrice_does_not_outvote_the_lead():
    text = ("Kenyan forces ended the siege of the hotel complex in Nairobi on Wednesday. "
            "The attackers said the assault answered the decision on Jerusalem, Israel and the Israeli capital.")
    article = annotate(text, published="2019-01-16", dates=[("on Wednesday", "2019-01-16")],
                       places=[("Nairobi", "KE", "city"), ("Jerusalem", "IL", "city"), ("Israel", "IL", "country"),
                               ("Israeli capital", "IL", "city")])
    (main,) = [i for i in build_incidents(article) if i.role == "main"]
    assert main.location.country_code == "KE"


@pytest.mark.parametrize("places,expected", [
    # the report names only the country: the dateline city inside it stands in
    ([("NAIROBI", "KE", "city"), ("Kenya", "KE", "country")], "NAIROBI"),
    # a city in the text wins over the dateline
    ([("NAIROBI", "KE", "city"), ("Garissa", "KE", "city")], "Garissa"),
    # a dateline city in another country says nothing of the scene
    ([("NAIROBI", "KE", "city"), ("Somalia", "SO", "country")], None),
])
def test_incidents_dateline_city_stands_in_for_a_country(places, expected):
    text = "NAIROBI (Wire) — Gunmen attacked a hotel in Kenya on Tuesday, killing 21 people, at Garissa's edge in Somalia."
    used = [p for p in places]
    article = annotate(text, published="2019-01-15", dates=[("on Tuesday", "2019-01-15")], places=used,
                       figures=[("21 people", "killed", 21, None)])
    dateline_end = text.index("—") + 1
    article.excluded = [Span.of(text, 0, dateline_end)]
    article.dateline = article.span(0, dateline_end)
    (main,) = build_incidents(article)
    assert (main.location.city if main.location and main.location.precision == "city" else None) == expected


@pytest.mark.parametrize("sentence", [
    "British police on Thursday named the man who killed three people near Parliament.",
    "Police on Thursday arrested a man over the attack that killed three people near Parliament.",
])
def test_incidents_the_day_of_an_investigation_is_not_the_incident_day(sentence):
    text = sentence + " The attacker stabbed a policeman in London on Wednesday."
    article = annotate(text, published="2017-03-23", dates=[("on Thursday", "2017-03-23"), ("on Wednesday", "2017-03-22")],
                       places=[("London", "GB", "city")], figures=[("three people", "killed", 3, None)])
    main = build_incidents(article)[0]
    assert main.date.value == "2017-03-22"


@pytest.mark.parametrize("title,main_trigger", [
    ("Two groups claim Quetta hospital bombing as Pakistan mourns 70 dead", "suicide bombing"),
    ("Quetta remembers the hospital bombing victims", None),
])
def test_incidents_mourning_is_fresh_news_remembering_is_not(title, main_trigger):
    text = "Two groups each said they were behind Monday's suicide bombing at the hospital in Quetta."
    article = annotate(text, published="2016-08-09", dates=[("Monday", "2016-08-08")],
                       places=[("Quetta", "PK", "city")])
    article.title = title
    mains = [i for i in build_incidents(article) if i.role == "main"]
    assert (mains[0].evidence[0].text if mains else None) == main_trigger
    if mains:
        assert mains[0].date.value == "2016-08-08"


@pytest.mark.parametrize("text,trigger,phrase,expected", [
    ("A bomb killed two officers outside their barracks on Thursday.", "killed", "on Thursday", True),
    ("A bomb killed two officers and police said on Thursday it was planted.", "killed", "on Thursday", False),
    # the date comes before the trigger: it closes no phrase of it (and looking it up must not fail)
    ("On Thursday a bomb killed two officers.", "killed", "On Thursday", False),
])
def test_incidents_a_date_that_closes_the_verb_phrase(nlp_article, text, trigger, phrase, expected):
    from claimwatch.extract.incidents import _ends_the_verb_phrase

    article = nlp_article(text, "2016-01-08")
    start, at = text.index(trigger), text.index(phrase)
    date = DateValue(phrase, Span.of(text, at, at + len(phrase)), "2016-01-07", "day")
    assert _ends_the_verb_phrase(article, Span.of(text, start, start + len(trigger)), date) is expected


@pytest.mark.parametrize("text,name,expected", [
    ("A Yemen drone strike hit the convoy.", "Yemen", True),  # a country as a modifier: whose, not where
    ("The convoy was hit in Yemen on Friday.", "Yemen", False),
    ("The convoy was hit in Yemen.", "Yemen", False),  # nothing follows the name
    ("Troops in Yemen  said so.", "Yemen", False),  # a second space: no word right after the name
])
def test_incidents_a_country_before_a_noun_is_a_modifier(nlp_article, text, name, expected):
    from claimwatch.extract.incidents import _modifier

    article = nlp_article(text, "2016-01-08")
    at = text.index(name)
    place = Place(name=name, evidence=Span.of(text, at, at + len(name)), country=name, country_code="YE",
                  precision="country")
    assert _modifier(article, place) is expected
