"""Rules that the twenty-first and twenty-second held-out sets' blind runs called for: a name after
"capital" is a city even where spaCy reads a person, the forms table names regions as the gazetteer
does, a date that closes a verb's phrase dates that verb (so a second attack on another day is its
own incident), "the attack followed a bombing" recounts another incident, and "the resort of" cues a
place. All texts are written for these tests."""
import csv

import pytest

from claimwatch.extract.gazetteer import DATA, load_gazetteer, name_key
from claimwatch.extract.incidents import BACKGROUND_CUE
from shared_data import main_incident


@pytest.mark.slow
def test_places_a_name_after_capital_is_a_city(extracted):
    text = ("MOSCOW, Dec 4 (Wire) — The president said he trusted the region's own forces, hours after gunmen "
            "stormed into the centre of the Chechen capital Grozny and fought police through the night.")
    article = extracted(text, "2014-12-04")
    assert "Grozny" in {p.city for p in article.places}
    assert main_incident(article).location.city == "Grozny"


@pytest.mark.slow
def test_places_the_capital_comma_name(extracted):
    article = extracted("Gunmen attacked a hotel in the capital, Grozny, on Tuesday.", "2014-12-04")
    assert "Grozny" in {p.city for p in article.places}


def test_places_forms_name_regions_as_the_gazetteer_does():
    """A region the forms table adds ("Chechnya") carries the admin-1 name the gazetteer gives its
    cities ("Chechenskaya Respublika"), or two reports of one incident name two regions."""
    gaz = load_gazetteer()
    wrong = []
    with open(DATA / "place_forms.tsv", encoding="utf-8") as handle:
        for row in csv.reader((line for line in handle if not line.startswith("#") and line.strip()), delimiter="\t"):
            if len(row) < 4 or row[2] != "region":
                continue
            known = [g.region for g in gaz.regions_for(name_key(row[0])) if g.country_code == row[1]]
            if known and row[3] not in known:
                wrong.append((row[0], row[3], known))
    assert wrong == []


@pytest.mark.slow
def test_places_chechnya_and_grozny_share_a_region(extracted):
    region = extracted("Gunmen attacked a police post in Chechnya on Thursday.", "2014-12-04")
    city = extracted("Gunmen attacked a police post in Grozny on Thursday.", "2014-12-04")
    assert main_incident(region).location.region == main_incident(city).location.region


BURGOS = ("BURGOS, Spain, July 31 (Wire) — Families were let back into their wrecked barracks here on Friday. "
          "Doctors treated 65 people after Wednesday's blast, which tore the front off the building.\n\n"
          "Barely a day later, a bomb under a patrol car killed two young officers outside their barracks in "
          "Palmanova, on the island of Mallorca, on Thursday. The government blamed both attacks on ETA.")


@pytest.mark.slow
def test_incidents_a_date_closing_the_verb_phrase_makes_another_incident(extracted):
    article = extracted(BURGOS, "2009-07-31")
    main = main_incident(article)
    assert main.date.value == "2009-07-29"
    assert main.location.city == "Burgos"
    others = [i for i in article.incidents if i.role == "background"]
    assert any(i.date and i.date.value == "2009-07-30" and i.location and i.location.city == "Palmanova"
               for i in others)


@pytest.mark.slow
def test_incidents_a_search_date_does_not_split_the_attack_it_searches_for(extracted):
    text = ("PARIS, Dec 12 (Wire) — Hundreds of police were hunting on Wednesday for a gunman who opened fire near "
            "the Christmas market in Strasbourg late on Tuesday, killing two people, officials said.")
    article = extracted(text, "2018-12-12")
    assert [i.role for i in article.incidents] == ["main"]


@pytest.mark.parametrize("sentence, cue", [
    ("The Mallorca attack followed by little more than a day a van bombing at a barracks in Burgos.", True),
    ("The attack follows a bombing at a police station last month.", True),
    ("The shooting followed two days after an ambush on a convoy.", True),
    ("The first blast was followed by a second explosion minutes later.", False),
    ("The explosion followed a warning call to a newspaper.", False),
])
def test_incidents_followed_a_bombing_recounts_another_incident(sentence, cue):
    assert (BACKGROUND_CUE.search(sentence) is not None) == cue


@pytest.mark.slow
def test_incidents_the_followed_bombing_is_background(extracted):
    text = ("MADRID, Aug 1 (Wire) — Police released photographs of six suspects on Saturday after a bomb under a "
            "patrol car killed two officers in the resort of Palma Nova on Thursday.\n\n"
            "The Mallorca attack followed by little more than a day a van bombing at a barracks in Burgos, in "
            "northern Spain, which injured dozens of people on Wednesday.")
    article = extracted(text, "2009-08-01")
    main = main_incident(article)
    assert main.location.geoname == "Palmanova"  # the gazetteer's town, spelt "Palma Nova" by the report
    assert any(i.role == "background" and i.location and i.location.city == "Burgos" for i in article.incidents)


@pytest.mark.parametrize("name, city", [
    ("Churachandpur district", "Churachandpur"),
    ("Kohat district", "Kohat"),
])
def test_places_a_district_is_placed_at_its_namesake_town(name, city):
    from claimwatch.extract.gazetteer import geocode

    geo = geocode(name)
    assert (geo.precision, geo.city) == ("city", city)
    assert geo.lat is not None


@pytest.mark.slow
@pytest.mark.parametrize("text, published, city", [
    # the district, attached to the ambush, over a city in another state that a victim came from
    ("RAIPUR, Nov 14 (Wire) — Two rebel groups claimed Saturday's ambush on a convoy near a village in "
     "Churachandpur district that killed seven people. Among the dead was a rifleman from Jorhat, in Assam.",
     "2021-11-14", "Churachandpur"),
    # where police searched a house is no scene, even as a district's town
    ("LAHORE, March 28 (Wire) — The toll from Sunday's suicide bombing at a park rose to 72. Police "
     "searched a house in Muzaffargarh district after the bomber's identity card was traced there.",
     "2016-03-28", "Lahore"),
])
def test_places_district_towns_in_the_scene_choice(extracted, text, published, city):
    assert main_incident(extracted(text, published)).location.city == city
