"""Rules that the third held-out set's first (blind) run called for: dates of holidays and of
"N nights earlier", vehicle rammings, planned attacks, mourning dates, names on buildings."""
import datetime as dt

import pytest

from claimwatch.extract.dates import resolve
from claimwatch.extract.events import TRIGGER


def _dated(sentence, phrase, value, published, precision="day"):
    """A one-sentence article built by hand, and the date `phrase` names in it."""
    from claimwatch.model import Article, DateValue, Span

    article = Article(id="t", text=sentence, published=dt.date.fromisoformat(published))
    start = sentence.index(phrase)
    return article, DateValue(phrase, Span.of(sentence, start, start + len(phrase)), value, precision)


@pytest.mark.parametrize("phrase,anchor,expected", [
    ("Bastille Day", dt.date(2016, 7, 16), "2016-07-14"),
    ("two nights earlier", dt.date(2017, 8, 15), "2017-08-13"),
    ("a day earlier", dt.date(2017, 8, 15), "2017-08-14"),
])
def test_dates_holidays_and_nights_earlier(phrase, anchor, expected):
    assert resolve(phrase, anchor)[0] == expected


@pytest.mark.parametrize("text", [
    "A man drove a heavy lorry into crowds on the seafront.",
    "The van ploughed into pedestrians on the boulevard.",
    "Islamic State has claimed the van attack in the city.",
])
def test_events_vehicle_rammings_are_assaults(text):
    assert [m.lastgroup for m in TRIGGER.finditer(text)][:1] == ["armed_assault"]


def _one_sentence_events(article_from, text, published):
    from claimwatch.extract.events import find_events
    from claimwatch.model import Span

    article = article_from(text, published)
    article.sentences = [Span.of(text, 0, len(text))]
    return find_events(article)


@pytest.mark.parametrize("text", [
    "Police said the cell had been preparing bomb attacks in the city.",  # planned
    "Police found a pistol and a fake grenade in the cab.",  # fake
])
def test_events_planned_or_fake_weapons_are_no_bombing(article_from, text):
    assert all(m.negated for m in _one_sentence_events(article_from, text, "2017-08-18") if m.type == "bombing")


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("Three attackers opened fire at Ataturk Airport in Istanbul on Tuesday.", [("Istanbul", "TR")]),
    ("A rocket hit Kabul Airport on Monday.", [("Kabul", "AF")]),
])
def test_places_a_name_on_a_building_is_no_town(nlp_article, text, expected):
    from claimwatch.extract.places import make_places

    found = [(p.city, p.country_code) for p in make_places()(nlp_article(text)).places if p.precision == "city"]
    assert found == expected


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("Police said Thursday's gun and bomb assault in the capital killed eight people in Indonesia.", [("Jakarta", "ID")]),
    # the capital named after the word is the one meant, not the main country's
    ("Officials in Indonesia said he studied at an institute in the capital Sana'a.", []),
])
def test_places_bare_capital_is_the_main_countrys(nlp_article, text, expected):
    from claimwatch.extract.places import make_places

    found = [(p.city, p.country_code) for p in make_places()(nlp_article(text)).places if p.feature == "CAPITAL"]
    assert found == expected


def test_incidents_a_city_naming_an_institution_is_no_scene(article_from):
    import re

    from claimwatch.extract.events import find_events
    from claimwatch.extract.incidents import build_incidents
    from claimwatch.model import DateValue, Place, Span

    text = "A lorry driver killed 84 people in Nice on Thursday. The Paris prosecutor's office opened an inquiry."
    article = article_from(text, "2016-07-15")
    article.sentences = [Span.of(text, m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    article.sentences = [Span.of(text, s.start + len(s.text) - len(s.text.lstrip()), s.end) for s in article.sentences]
    for name in ("Nice", "Paris"):
        start = text.index(name)
        article.places.append(Place(name=name, evidence=Span.of(text, start, start + len(name)), city=name,
                                    country_code="FR", precision="city"))
    start = text.index("on Thursday")
    article.dates = [DateValue("on Thursday", Span.of(text, start, start + 11), "2016-07-14", "day")]
    article.events = find_events(article)
    from claimwatch.extract.incidents import _institution
    assert [_institution(article, p) for p in article.places] == [False, True]
    assert build_incidents(article)[0].location.city == "Nice"


@pytest.mark.parametrize("phrase,expected", [("the previous afternoon", "2018-01-27"), ("the previous night", "2018-01-27")])
def test_dates_the_previous_part_of_day(phrase, expected):
    assert resolve(phrase, dt.date(2018, 1, 28))[0] == expected


def test_dates_during_weekday_prayers_is_that_day(article_from):
    from claimwatch.extract.dates import find_dates

    dated = find_dates(article_from("He opened fire during Friday prayers at the mosque.", "2019-03-15"))
    undated = find_dates(article_from("Friday prayers draw large crowds.", "2019-03-15"))
    assert ([d.value for d in dated], undated) == (["2019-03-15"], [])


@pytest.mark.parametrize("sentence", [
    "A man charged over the shootings that killed 49 people is due in court on Saturday.",
    "Nobody had claimed the attack that killed 49 people by Saturday evening.",
])
def test_incidents_no_future_day_and_no_deadline_dates_the_incident(sentence):
    import re

    from claimwatch.extract.events import find_events
    from claimwatch.extract.incidents import build_incidents
    from claimwatch.model import Article, DateValue, Span

    text = sentence
    article = Article(id="t", text=text, published=dt.date(2019, 3, 15))
    article.sentences = [Span.of(text, 0, len(text))]
    phrase = re.search(r"on Saturday|Saturday evening", text).group(0)
    start = text.index(phrase)
    article.dates = [DateValue(phrase, Span.of(text, start, start + len(phrase)), "2019-03-16", "day")]
    article.events = find_events(article)
    (main,) = build_incidents(article)
    assert main.date is None


@pytest.mark.parametrize("sentence", [
    "Italy grieved on Sunday for nine citizens killed in the siege at the cafe.",
    "The president declared Sunday a day of mourning for those killed in the bombing.",
])
def test_incidents_a_day_of_mourning_does_not_date_the_incident(sentence):
    import re

    from claimwatch.extract.incidents import bound_to_statement

    article, date = _dated(sentence, re.search(r"on Sunday|Sunday", sentence).group(0), "2016-07-03", "2016-07-03")
    assert bound_to_statement(article, date)


@pytest.mark.slow
def test_places_a_small_name_inside_a_big_citys_is_the_city(nlp_article):
    from claimwatch.extract.places import make_places

    text = "Three attackers struck the terminal of Istanbul's Atatürk Airport late on Tuesday."
    found = [(p.city, p.country_code) for p in make_places()(nlp_article(text)).places if p.precision == "city"]
    assert found == [("Istanbul", "TR")]


@pytest.mark.parametrize("text,expected", [
    ("He scored in the second half, firing a low shot past the goalkeeper after a quick counter-attack.", 0),
    ("Troops launched a counter-attack on the rebel positions near the town.", 1),
])
def test_events_a_counter_attack_in_football_is_no_attack(article_from, text, expected):
    assert len([m for m in _one_sentence_events(article_from, text, "2017-10-09") if not m.negated]) == expected


def _hand_article(text, published, dates=(), places=()):
    import re

    from claimwatch.extract.events import find_events
    from claimwatch.model import Article, DateValue, Place, Span

    article = Article(id="t", text=text, published=dt.date.fromisoformat(published))
    article.sentences = [Span.of(text, m.start(), m.end()) for m in re.finditer(r"[^.]+\.", text)]
    article.sentences = [Span.of(text, s.start + len(s.text) - len(s.text.lstrip()), s.end) for s in article.sentences]
    for phrase, value in dates:
        start = text.index(phrase)
        article.dates.append(DateValue(phrase, Span.of(text, start, start + len(phrase)), value, "day"))
    for name, code in places:
        start = text.index(name)
        article.places.append(Place(name=name, evidence=Span.of(text, start, start + len(name)), city=name,
                                    country_code=code, precision="city"))
    article.events = find_events(article)
    return article


def test_incidents_a_when_clause_happens_at_the_date_before_it():
    from claimwatch.extract.incidents import build_incidents

    text = ("A van ploughed into crowds in Barcelona on Thursday, killing 13 people. "
            "Spain had been spared such attacks since March 11, 2004, when bombs on Madrid trains killed 191 people.")
    article = _hand_article(text, "2017-08-17", [("on Thursday", "2017-08-17"), ("March 11, 2004", "2004-03-11")],
                            [("Barcelona", "ES"), ("Madrid", "ES")])
    main, *rest = build_incidents(article)
    assert main.location.city == "Barcelona"
    assert any(any(e.text == "bombs" for e in i.evidence) and i.role == "background" for i in rest)


def test_incidents_prosecutors_in_a_city_name_no_scene():
    from claimwatch.extract.incidents import _institution

    text = "The inquiry was handed to anti-terrorism prosecutors in Paris. A lorry killed 84 people in Nice."
    article = _hand_article(text, "2016-07-15", places=[("Paris", "FR"), ("Nice", "FR")])
    assert [_institution(article, p) for p in article.places] == [True, False]
