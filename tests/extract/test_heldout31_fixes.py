"""Place rules that the blind runs of held-out sets 31 to 34 called for. A town the text puts in a
country is not a namesake abroad ("Palma in Mozambique's Cabo Delgado" is not Palma on Mallorca), and a
report keeps one reading of a name. "Congo" with Kinshasa and North Kivu is the Democratic Republic. A
name that runs on through an Arabic article ("the Bab al-Saghir cemetery") is not the town "Bab". These
are not scenes: a capital standing for its government ("New Delhi downgraded ties"), where an official
went back to, where the dead were buried and where the wounded were flown. "The capital" is the
capital of the country its sentence last named. All texts are written for these tests."""
from collections import Counter

import pytest

from claimwatch.extract.gazetteer import Context, load_gazetteer, name_key
from shared_data import main_incident


def _scene(extracted, text, published):
    location = main_incident(extracted(text, published)).location
    return location and (location.city, location.country_code)


@pytest.mark.slow
@pytest.mark.parametrize("lead", [
    "Insurgents attacked the town of Palma in Mozambique's far northern province of Cabo Delgado on Wednesday.",
    "Insurgents ambushed a convoy leaving a hotel in the northern Mozambican town of Palma on Friday.",
])
def test_places_a_town_in_a_named_country_is_not_its_namesake_abroad(extracted, lead):
    text = (f"MAPUTO, March 24 (Wire) — {lead} Residents fled toward Pemba, the provincial capital. "
            "Aid workers said thousands had left Palma on foot.")
    city, code = _scene(extracted, text, "2021-03-24")
    assert code == "MZ" and city.endswith("Palma")


@pytest.mark.slow
def test_places_congo_beside_kinshasa_is_the_democratic_republic(extracted):
    text = ("KINSHASA, Jan 15 (Wire) — A bomb went off during a Sunday service at a church in Kasindi, a town in "
            "Congo's North Kivu province on the border with Uganda, killing at least ten people, the army said.")
    assert _scene(extracted, text, "2023-01-15") == ("Kasindi", "CD")


@pytest.mark.slow
def test_places_a_demonym_before_border_town_names_its_country(extracted):
    text = ("KAMPALA, Jan 16 (Wire) — Islamic State said its fighters set off the bomb that tore through a church "
            "in the Congolese border town of Kasindi on Sunday, and Uganda's army blamed the rebels.")
    assert _scene(extracted, text, "2023-01-16") == ("Kasindi", "CD")


def test_gazetteer_reads_the_district_name_without_its_portuguese_type_word():
    gaz = load_gazetteer()
    town = gaz.district_town(name_key("Palma"), _context({"MZ": 2}))
    assert (town.city, town.country_code, town.region) == ("Palma", "MZ", "Cabo Delgado")
    assert gaz.district_town(name_key("Palma"), _context({"FR": 2})) is None


def _context(counts):
    return Context(Counter(counts))


@pytest.mark.slow
def test_places_a_name_running_on_through_an_arabic_article_is_not_a_town(extracted):
    text = ("BEIRUT, Mar 11 (Wire) — Two bombs exploded beside buses carrying pilgrims near the Bab al-Saghir "
            "cemetery in the Old City of Damascus on Saturday, killing at least 40 people, state television said.")
    assert _scene(extracted, text, "2017-03-11") == ("Damascus", "SY")


@pytest.mark.slow
@pytest.mark.parametrize("text, name, scene", [
    ("Pakistan suspended trade on Thursday, a day after New Delhi downgraded ties over the killing of 26 tourists.",
     "New Delhi", False),
    ("India ordered Pakistani military advisers out of New Delhi, citing links to the attack.", "New Delhi", False),
    ("The home minister cut short his campaign in Assam and returned to New Delhi for a meeting on the attack.",
     "New Delhi", False),
    ("DAMASCUS, Mar 14 (Wire) — Pilgrims killed in a bombing in the Old City of Damascus were mourned on "
     "Tuesday before the bodies were sent back to Iraq for burial in the holy city of Karbala.", "Karbala", False),
    ("DAMASCUS, Mar 14 (Wire) — Pilgrims killed in a bombing in the Old City of Damascus were mourned on "
     "Tuesday before the bodies were sent back to Iraq.", "Iraq", False),
    ("His wife was wounded and was flown to Miami later on Wednesday for treatment.", "Miami", False),
    ("Gunmen opened fire on a crowded market in New Delhi on Thursday, police said.", "New Delhi", True),
    ("A car bomb exploded near a shrine in Karbala on Monday, killing nine pilgrims.", "Karbala", True),
])
def test_incidents_government_travel_and_burial_places_are_not_scenes(extracted, text, name, scene):
    from claimwatch.extract.incidents import _not_scene

    article = extracted(text, "2025-04-24")
    [place] = [p for p in article.places if p.name == name]
    assert _not_scene(article, place) is not scene


@pytest.mark.slow
def test_places_the_capital_is_that_of_the_country_its_sentence_names(extracted):
    text = ("PORT-AU-PRINCE, July 7 (Wire) — Gunmen stormed the residence of Haitian President Jean Dupont in "
            "the hills above the capital early on Wednesday and shot him dead. His wife was wounded and was flown to "
            "Miami for "
            "treatment, the ambassador in Washington said, and officials in Washington condemned the killing.")
    assert _scene(extracted, text, "2021-07-07") == ("Port-au-Prince", "HT")
