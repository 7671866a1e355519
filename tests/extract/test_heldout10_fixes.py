"""Rules that the tenth held-out set's blind run called for: "shot several times and killed" and a
penalty shoot-out. (Where someone was born: in test_heldout5_fixes.)"""
import pytest


@pytest.mark.parametrize("text,types", [
    ("A police officer was shot several times and killed as he sat in his car.", ["armed_assault"]),
    ("Ivory Coast beat Ghana in a marathon penalty shootout.", []),
    ("The shootout went on until the goalkeeper saved a penalty.", []),
    ("Police killed two gunmen in a shootout in the old city.", ["other", "armed_assault", "armed_assault"]),
])
def test_events_shootings_and_shootouts(article_from, text, types):
    from claimwatch.extract.events import find_events
    from claimwatch.model import Span

    article = article_from(text, "2013-04-19")
    article.sentences = [Span.of(text, 0, len(text))]
    assert [m.type for m in find_events(article) if not m.negated] == types


@pytest.mark.parametrize("sentence,phrase,count", [
    ("Officials revised the toll from Sunday's gun attack to 19.", "Sunday", False),  # the attack's day
    ("The toll rose to 19 on Monday.", "on Monday", True),
])
def test_incidents_a_possessive_date_after_a_toll_update_dates_the_attack(sentence, phrase, count):
    from claimwatch.extract.incidents import dates_a_count
    from tests.extract.test_heldout_fixes import _dated

    assert dates_a_count(*_dated(sentence, phrase, "2016-03-13", "2016-03-15")) is count


def test_incidents_this_seaside_town_is_the_dateline_city():
    from claimwatch.extract.incidents import build_incidents
    from tests.extract.test_heldout_fixes import _hand_article

    text = "GRAND-BASSAM, March 15 (Wire) - Gunmen killed 19 people on this seaside town. France sent ministers."
    article = _hand_article(text, "2016-03-15", places=[("GRAND-BASSAM", "CI"), ("France", "FR")])
    article.dateline = article.span(0, text.index(" - "))
    assert build_incidents(article)[0].location.city == "GRAND-BASSAM"


@pytest.mark.parametrize("text,types", [
    ("Italy laid siege to the goal in the second half and scored from close range.", []),
    ("It felt like we were under attack for the whole of the second half.", []),
    ("Gunmen laid siege to the hotel for two days.", ["armed_assault", "hostage_taking"]),
])
def test_events_figurative_siege_and_attack_in_sport(article_from, text, types):
    from claimwatch.extract.events import find_events
    from claimwatch.model import Span

    article = article_from(text, "2021-07-12")
    article.sentences = [Span.of(text, 0, len(text))]
    assert [m.type for m in find_events(article) if not m.negated] == types
