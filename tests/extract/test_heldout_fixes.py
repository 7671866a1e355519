"""Rules that the third held-out set's first (blind) run called for: dates of holidays and of
"N nights earlier", vehicle rammings, planned attacks, mourning dates, names on buildings."""
import datetime as dt

import pytest

from claimwatch.extract.dates import resolve
from claimwatch.extract.events import TRIGGER


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


def test_events_planned_attacks_are_negated(article_from):
    from claimwatch.extract.events import find_events
    from claimwatch.model import Span

    text = "Police said the cell had been preparing bomb attacks in the city."
    article = article_from(text, "2017-08-18")
    article.sentences = [Span.of(text, 0, len(text))]
    assert all(m.negated for m in find_events(article) if m.type == "bombing")


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("Three attackers opened fire at Ataturk Airport in Istanbul on Tuesday.", [("Istanbul", "TR")]),
    ("A rocket hit Kabul Airport on Monday.", [("Kabul", "AF")]),
])
def test_places_a_name_on_a_building_is_no_town(nlp_article, text, expected):
    from claimwatch.extract.places import make_places

    found = [(p.city, p.country_code) for p in make_places()(nlp_article(text)).places if p.precision == "city"]
    assert found == expected
