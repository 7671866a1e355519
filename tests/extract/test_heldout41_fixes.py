"""Rules that the forty-first and forty-second held-out sets' blind runs called for: a city's own
anniversary is no cue that the report recalls an old attack; long hyphenated French names and their
"St-" spellings are places; a river "across" which a city lies is not the scene; the police's fire at
the attackers, a fake bomb belt and a search that found no explosives are no weapons of the attack;
"the two men who killed a priest" counts the killers, not the dead. All texts are written for these tests."""
import pytest

from claimwatch.extract.figures import find_figures
from shared_data import main_incident


@pytest.mark.slow
def test_a_citys_anniversary_festival_is_no_recalled_attack(extracted):
    text = ("SOLINGEN, Germany, Aug 24 (Wire) — A man with a knife killed three people and wounded eight at a "
            "festival marking the 650th anniversary of the western German city of Solingen late on Friday, "
            "police said.")
    main = main_incident(extracted(text, "2024-08-24"))
    assert main.killed.value == 3 and main.date.value == "2024-08-23"


@pytest.mark.slow
@pytest.mark.parametrize("name", ["Saint-Etienne-du-Rouvray", "St-Etienne-du-Rouvray"])
def test_long_hyphenated_names_are_one_place(extracted, name):
    text = (f"ROUEN, France, July 26 (Wire) — Two men armed with knives burst into a church in {name} during "
            "morning Mass on Tuesday and killed the priest, officials said.")
    main = main_incident(extracted(text, "2016-07-26"))
    assert main.location.geoname == "Saint-Etienne-du-Rouvray" and main.location.city == name


@pytest.mark.slow
def test_a_river_across_which_a_city_lies_is_not_the_scene(extracted):
    text = ("CIUDAD JUAREZ, Mexico, Aug 5 (Wire) — Mexico said on Monday that an eighth Mexican citizen had died "
            "of wounds suffered in Saturday's shooting at a supermarket in El Paso, across the Rio Grande from "
            "this city, as the toll rose to 22. Mexico's foreign minister said Mexico would seek the gunman's "
            "extradition.")
    assert main_incident(extracted(text, "2019-08-05")).location.city == "El Paso"


@pytest.mark.slow
@pytest.mark.parametrize("text, weapons", [
    ("Two men armed with knives stormed a church on Tuesday and killed the priest before police shot them dead.",
     {"melee"}),
    ("Armed with knives, one wearing a fake explosive belt, the attackers killed a priest in the church on Tuesday.",
     {"melee"}),
    ("A man stabbed two people to death at a market on Tuesday. Bomb squads searched the streets around the "
     "market for explosives, but found none.", {"melee"}),
    # the forces were the ones shot
    ("Gunmen shot dead two soldiers outside a barracks on Saturday. The two soldiers shot dead outside the "
     "barracks were named on Monday.", {"firearms"}),
])
def test_weapons_not_of_the_attack(extracted, text, weapons):
    main = main_incident(extracted(text, "2016-07-28"))
    assert {w.category for w in main.weapons} == weapons


@pytest.mark.slow
@pytest.mark.parametrize("text, values", [
    ("A cousin of one of the two men who killed a priest last Tuesday has been charged.", [1]),
    ("The 12 people who were killed in the blast were soldiers.", [12]),
])
def test_figures_the_men_who_killed_are_the_killers(nlp_article, text, values):
    found = [f.value for f in find_figures(nlp_article(text)) if f.kind == "killed"]
    assert found == values


@pytest.mark.slow
@pytest.mark.parametrize("text, city, country", [
    # a name after a facility and a locative, inside a named country, whatever spaCy tags it
    ("NIAMEY, Jan 9 (Wire) — Heavily armed men attacked an army post at Chinegodar in western Niger on "
     "Thursday, killing 25 soldiers, the defence ministry said.", "Chinegodar", "NE"),
    # a garrison named after its place, in the country of the soldiers' nationality
    ("NIAMEY, Dec 15 (Wire) — Five presidents stood on Sunday at the graves of the Nigerien soldiers killed "
     "at the Inates army camp last Tuesday. The leaders of Mali, Chad and Mauritania joined them; Mali's "
     "president flew in from Bamako.", "Inates", "NE"),
])
def test_unknown_garrison_towns_are_places(extracted, text, city, country):
    main = main_incident(extracted(text, "2019-12-15"))
    assert (main.location.city, main.location.country_code) == (city, country)


@pytest.mark.slow
def test_a_targets_nationality_places_an_attack_reported_from_abroad(extracted):
    text = ("PARIS, Dec 13 (Wire) — A summit of France and five Sahel states that was to open in the south-western "
            "town of Pau on Monday has been put off, the French presidency said, after Islamic State claimed "
            "this week's assault on a Nigerien army camp that killed 71 soldiers.")
    assert main_incident(extracted(text, "2019-12-13")).location.country_code == "NE"


@pytest.mark.slow
def test_a_long_clause_opening_day_dates_its_own_killing(extracted):
    text = ("FADA N'GOURMA, Burkina Faso, Nov 6 (Wire) — Gunmen ambushed a convoy of buses carrying mine workers "
            "in Tapoa province on Wednesday morning, killing 37 people. On Sunday, the member of parliament and "
            "mayor of the northern town of Djibo, Oumarou Dicko, and three other people were killed in an ambush "
            "on the road from the capital.")
    main = main_incident(extracted(text, "2019-11-06"))
    assert main.location.city != "Djibo" and main.killed.value == 37
