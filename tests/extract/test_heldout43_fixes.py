"""Rules that the forty-third and forty-fourth held-out sets' blind runs called for: "at the weekend"
is a date; a place name spelt without its Arabic article or with a letter doubled ("Qamishli",
"Nassiriya") is the city the tables hold; a town "across the border" where a blast was felt is not
the scene; a base named for its owner ("the Bundeswehr base") is no town. All texts are written for
these tests."""

import pytest

from claimwatch.extract.dates import find_dates
from claimwatch.extract.gazetteer import variants
from shared_data import main_incident


@pytest.mark.parametrize("published, value", [
    ("2016-11-14", "2016-11-12"),  # told on a Monday: the weekend just past
    ("2016-11-13", "2016-11-12"),  # told on the Sunday: this weekend
])
def test_dates_at_the_weekend(nlp_article, published, value):
    article = nlp_article("A man blew himself up inside the base at the weekend.", published=published)
    assert [(d.value, d.precision) for d in find_dates(article)] == [(value, "week")]


@pytest.mark.parametrize("key, expected", [
    ("qamishli", "al qamishli"), ("nassiriya", "nasiriya"), ("st etienne", "saint etienne"),
    ("al hasakah", "hasakah"),
])
def test_gazetteer_spelling_variants(key, expected):
    assert expected in variants(key)


@pytest.mark.slow
@pytest.mark.parametrize("text, city", [
    ("BEIRUT, July 27 (Wire) — A suicide bomber detonated a truck outside a security compound in the "
     "northeastern Syrian city of Qamishli on Wednesday, killing at least 44 people. The blast shattered "
     "windows across the border in the Turkish town of Nusaybin, where two people were hurt.", "Al Qamishli"),
    ("NAJAF, Iraq, Sept 15 (Wire) — Iraq removed a provincial intelligence chief on Friday, a day after "
     "gunmen and suicide bombers killed 84 people at a restaurant near Nassiriya.", "Nasiriyah"),
])
def test_places_spelt_otherwise_and_felt_across_the_border(extracted, text, city):
    assert main_incident(extracted(text, "2017-09-15")).location.geoname == city


@pytest.mark.slow
def test_a_base_named_for_its_owner_is_no_town(extracted):
    text = ("BERLIN, Nov 13 (Wire) — A suicide bomber drove a truck into the German consulate in "
            "Mazar-i-Sharif late on Thursday, killing six people. Its staff were safe at Camp Marmal, the "
            "Bundeswehr base outside the city.")
    places = [p.name for p in extracted(text, "2016-11-13").places]
    assert "Bundeswehr" not in places
