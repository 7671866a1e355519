"""Rules that the twenty-fifth and twenty-sixth held-out sets' blind runs called for: "hacked to death"
and "hacked with machetes" are attacks (an account hacked online is not), "plans to bomb" is no
bombing, and "in Jangebe, a town in Zamfara state" places the town even where spaCy reads a person.
All texts are written for these tests."""
import pytest

from claimwatch.extract.events import find_events
from shared_data import main_incident


@pytest.mark.slow
@pytest.mark.parametrize("sentence, kind", [
    ("Three men hacked a young blogger to death in a lane near his home on Monday.", "armed_assault"),
    ("The writer was hacked with machetes near the campus late on Thursday.", "armed_assault"),
    ("Hackers hacked the ministry's website on Monday.", None),
])
def test_events_hacked_to_death_is_an_attack(nlp_article, sentence, kind):
    kinds = {m.type for m in find_events(nlp_article(sentence)) if not m.negated}
    assert (kind in kinds) if kind else not kinds - {"other"}


@pytest.mark.slow
def test_events_plans_to_bomb_are_no_bombing(nlp_article):
    sentence = "He was jailed in 2012 over plans to bomb the stock exchange."
    assert [m for m in find_events(nlp_article(sentence)) if m.type == "bombing" and not m.negated] == []


@pytest.mark.slow
def test_places_a_town_named_by_apposition_is_placed(extracted):
    text = ("KANO, Nigeria, Feb 26 (Wire) — Gunmen abducted 317 girls from a boarding school in Jangebe, a town in "
            "Nigeria's north-western Zamfara state, early on Friday, police said. The raid came nine days after "
            "gunmen seized 27 boys from a college in Kagara, in Niger state.")
    main = main_incident(extracted(text, "2021-02-26"))
    assert (main.location.city, main.location.country_code) == ("Jangebe", "NG")


@pytest.mark.slow
@pytest.mark.parametrize("sentence", [
    "Two senators joined the Republicans to shoot down a change to the filibuster rule.",
    "They held this bill hostage for a year, an organiser said.",
])
def test_events_figurative_shooting_down_and_hostage_bills_are_no_attack(nlp_article, sentence):
    assert [m for m in find_events(nlp_article(sentence)) if not m.negated and m.type != "other"] == []


@pytest.mark.slow
@pytest.mark.parametrize("text, suicide", [
    ("Rockets fired from orchards near the town struck an air base on Wednesday, killing a contractor.", False),
    ("Gunmen abducted 42 people from a school in the town on Wednesday.", False),
    ("A gunman killed six worshippers outside a synagogue on Friday before he was shot dead by police.", False),
    ("Gunmen killed 30 villagers and burned huts on Sunday before withdrawing into the bush.", False),
    ("Gunmen shot dead a councillor on Monday; the attackers remain at large.", False),
    ("A suicide bomber blew himself up at a checkpoint on Monday, killing nine, and police shot dead a "
     "second attacker.", True),
    # GTD's coding: a shooting with no sign that the attacker meant to die is no suicide attack
    ("Gunmen shot dead a councillor outside his home on Monday.", False),
    # a bomb without a sign stays unknown: it may have been a suicide bomber's
    ("A bomb exploded at a market on Monday, killing nine people.", None),
])
def test_incidents_suicide_is_false_where_the_attacker_did_not_mean_to_die(extracted, text, suicide):
    assert main_incident(extracted(text, "2021-03-03")).suicide is suicide


@pytest.mark.slow
def test_places_a_demonym_before_city_of_names_the_country(extracted):
    text = ("BEIRUT, Aug 23 (Wire) — Two car bombs exploded outside mosques in the northern Lebanese city of Tripoli "
            "on Friday, killing 27 people.")
    place = main_incident(extracted(text, "2013-08-23")).location
    assert (place.city, place.country_code) == ("Tripoli", "LB")


@pytest.mark.slow
def test_places_a_state_after_a_town_is_the_state(extracted):
    article = extracted("The president, at his beach house in Rehoboth Beach, Delaware, condemned the shooting.",
                        "2024-07-13")
    (state,) = [p for p in article.places if p.name == "Delaware"]
    assert (state.precision, state.region, state.country_code) == ("region", "Delaware", "US")


@pytest.mark.slow
def test_places_the_dateline_town_inside_the_leads_region_outranks_a_town_elsewhere(extracted):
    text = ("BUTLER, Pa., July 13 (Wire) — A gunman opened fire on an election rally in western Pennsylvania on "
            "Saturday, killing one spectator. The president, at his beach house in Rehoboth Beach, Delaware, "
            "said the shooting had to be condemned.")
    assert main_incident(extracted(text, "2024-07-13")).location.city == "Butler"


@pytest.mark.slow
@pytest.mark.parametrize("text, published, day", [
    # the burial's date is no date of the attack
    ("DORI, Burkina Faso, Jun 11 (Wire) — Families in this town were preparing on Saturday to bury gendarmes "
     "killed in an attack on their post at Seytenga, as residents said armed men had been seen around it "
     "since the assault.\n\nThe armed forces said in a statement on Friday that eleven gendarmes died when "
     "gunmen attacked the gendarmerie post in Seytenga, in Seno province, on Thursday evening.",
     "2022-06-11", "2022-06-09"),
    # "maintained on Wednesday" dates the statement, as "said on Wednesday" does
    ("ISLAMABAD, Oct. 26 (Wire) — The Islamic State group has claimed the night-time raid on a police academy "
     "in Quetta that killed 61 people, but security officials maintained on Wednesday that a sectarian outfit "
     "carried it out. The attackers stormed the college on Monday night.", "2016-10-26", "2016-10-24"),
])
def test_incidents_dates_of_burials_and_statements_are_not_the_attacks(extracted, text, published, day):
    assert main_incident(extracted(text, published)).date.value == day
