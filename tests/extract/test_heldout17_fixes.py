"""Rules that the seventeenth and eighteenth held-out sets' blind runs called for: a relative clause
keeps its own date, a plan "set for Monday" is in the future, ages are no counts ("aged 48 and 40",
"a 32-year-old woman" is one victim), a car driven into a crowd, a bomb-disposal team is no bombing,
a knife arms an assault, and "the Justice Department" or "the Notre-Dame basilica" name no town.
All texts are written for these tests."""
import datetime as dt

import pytest

from claimwatch.extract.dates import resolve

from shared_data import main_incident


@pytest.mark.slow
def test_incidents_a_date_inside_a_relative_clause_after_the_trigger_dates_that_clause(extracted):
    text = ("Gunmen shot dead a well-known singer, who stood for the state assembly this year, as he drove "
            "near his home in Mansa district on Sunday, police said.")
    assert main_incident(extracted(text, "2022-05-29")).date.value == "2022-05-29"


@pytest.mark.slow
def test_incidents_a_trigger_inside_a_relative_clause_is_not_dated_by_the_main_clause(extracted):
    text = ("The envoy arrived in Damascus on Monday to press the president over the massacre in Houla, where "
            "the United Nations now says 108 people were killed. Some victims of Friday's attack died in the "
            "shelling.")
    main = main_incident(extracted(text, "2012-05-28"))
    assert main.date.value == "2012-05-25"


@pytest.mark.slow
def test_dates_a_plan_set_for_a_weekday_is_the_coming_one(extracted):
    article = extracted("The man accused of the car attack that killed a woman is held without bail, with a first "
                       "court appearance set for Monday.", "2017-08-13")
    assert [(d.evidence.text, d.value) for d in article.dates] == [("Monday", "2017-08-14")]
    # and without the plan, a bare weekday is the past one
    assert resolve("Monday", dt.date(2017, 8, 13)) == ("2017-08-07", "day")


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("A bomb exploded in Kabul on Friday, killing a 32-year-old woman.", [("killed", 1)]),
    ("Gunmen killed three 20-year-old students in Kano on Friday.", [("killed", 3)]),
    ("Two state troopers, aged 48 and 40, died on Saturday when their helicopter crashed.", []),
])
def test_figures_ages_name_people_and_count_nobody(extracted, text, expected):
    article = extracted(text, "2022-05-29")
    assert [(f.kind, f.value) for f in article.figures] == expected


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("A car drove at speed into a crowd of people marching against a rally in Charlottesville on Saturday, "
     "killing a woman.", "armed_assault"),
    ("A man with a knife killed a history teacher near his school in Conflans-Sainte-Honorine on Friday. "
     "A bomb-disposal team was sent to the scene as a precaution.", "armed_assault"),
    ("A bomb exploded near the market in Kabul on Friday, killing four people.", "bombing"),
])
def test_events_ramming_knives_and_bomb_disposal(extracted, text, expected):
    assert main_incident(extracted(text, "2020-10-17")).type == expected


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("CHARLOTTESVILLE, Va., Aug 14 - A judge refused bail to the man accused of driving his car into "
     "protesters here on Saturday, killing a woman. The Justice Department opened a civil rights "
     "investigation into the attack.", "CHARLOTTESVILLE"),
    ("NICE, France, Oct 29 - A man armed with a knife killed two people inside the Notre-Dame basilica in "
     "the centre of Nice on Thursday morning.", "Nice"),
])
def test_places_offices_and_church_names_are_no_towns(extracted, text, expected):
    place = main_incident(extracted(text, "2017-08-14")).location
    assert place is not None and place.name == expected


@pytest.mark.slow
def test_incidents_a_which_clause_after_the_trigger_is_about_the_event_and_keeps_its_date(extracted):
    text = ("KABUL, Jan 22 - The Taliban said their fighters carried out the assault on the hotel, which began "
            "on Saturday evening and lasted into Sunday, killing 22 people.")
    assert main_incident(extracted(text, "2018-01-22")).date.value == "2018-01-20"


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("A man murdered Samuel Paty near his school in Conflans-Sainte-Honorine on Friday.", [("killed", 1)]),
    ("Gunmen shot dead John Smith and Mary Jones in Lagos on Sunday.", []),  # two names: not one
])
def test_figures_one_named_person_killed(extracted, text, expected):
    assert [(f.kind, f.value) for f in extracted(text, "2020-10-17").figures] == expected
