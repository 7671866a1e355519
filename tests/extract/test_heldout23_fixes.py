"""Rules that the twenty-third and twenty-fourth held-out sets' blind runs called for: a national
capital standing for its government is no scene ("Beijing's policies", "what Cairo called", "Washington
would decide"), nor is a name two function words before a trigger ("link Tehran to the attack"), a
person's home ("Loibl, 27, of St. Petersburg") or a command ("Baghdad Operations Command"); bare
"Kurdistan" is Iraq's where the report is about Iraq; "rockets slammed into" is an attack; "this
Dallas-Fort Worth suburb" is the dateline's town. All texts are written for these tests."""
import datetime as dt

import pytest

from claimwatch.extract.dates import resolve
from claimwatch.extract.incidents import NAME_BEFORE_TRIGGER
from shared_data import main_incident


@pytest.mark.parametrize("gap, attached", [
    (" train ", True),  # "the Madrid train bombings"
    ("'s twin ", True),  # "Kampala's twin blasts"
    (" ", True),
    (" to the ", False),  # "link Tehran to the attack"
    (" for the ", False),  # "blamed Tehran for the bombing"
])
def test_incidents_a_name_before_a_trigger_names_its_place_only_without_a_preposition(gap, attached):
    assert bool(NAME_BEFORE_TRIGGER.match(gap)) == attached


@pytest.mark.slow
@pytest.mark.parametrize("text, published, city", [
    ("URUMQI, China, May 23 (Wire) — Assailants in two vehicles killed 31 people at a morning market here on "
     "Thursday. Rights groups say Beijing's policies fuel such attacks.", "2014-05-23", "Urumqi"),
    ("BEIRUT, May 27 (Wire) — Islamic State said its fighters carried out the attack on Christians in Minya "
     "province, hours after warplanes struck what Cairo called militant camps.", "2017-05-27", "Al Minya"),
    ("WASHINGTON, March 4 (Wire) — Rockets struck an air base in Anbar province on Wednesday. The president "
     "said Washington would make its judgments about the attack once it knew who fired them.",
     "2021-03-04", "Al Anbar"),
    ("ORLANDO, Fla., June 11 (Wire) — A gunman opened fire on a singer after a concert on Friday night. Police "
     "named him as Kevin Loibl, 27, of St. Petersburg, Florida.", "2016-06-11", "Orlando"),
    ("BAGHDAD, March 3 (Wire) — Rockets were fired at an air base in Anbar province on Wednesday, an officer "
     "at Baghdad Operations Command said.", "2021-03-03", "Al Anbar"),
    ("COLLEYVILLE, Texas, Jan 15 (Wire) — A man took four people hostage at a synagogue in this Dallas-Fort "
     "Worth suburb on Saturday.", "2022-01-15", "Colleyville"),
    # a district of "the city" already named is that city, not a namesake town far away
    ("BEIJING, May 22 (Wire) — Attackers drove two vehicles into shoppers at a morning market in Urumqi on "
     "Thursday, killing 31 people. The vehicles smashed through fences near a park in the city's Saybagh "
     "district before one of them blew up.", "2014-05-22", "Urumqi"),
    # "a mosque here": the dateline's town
    ("ZAMBOANGA CITY, Philippines, Jan 31 (Wire) — Police are hunting two men suspected of throwing a grenade "
     "into a mosque here, the regional police commander said, as officials suggested a feud in Basilan.",
     "2019-01-31", "Zamboanga"),
])
def test_places_the_scene_over_parties_homes_commands_and_namesakes(extracted, text, published, city):
    main = main_incident(extracted(text, published))
    assert (main.location.city or main.location.region if main.location else None) == city


@pytest.mark.slow
def test_places_kurdistan_in_a_report_about_iraq_is_iraqs(extracted):
    text = ("BAGHDAD, Feb 16 (Wire) — A group claimed a rocket attack on Erbil airport and warned that U.S. forces "
            "were not safe in any part of Iraq, Kurdistan included. Iraq's prime minister ordered an inquiry.")
    regions = [p for p in extracted(text, "2021-02-16").places if p.name == "Kurdistan"]
    assert [p.country_code for p in regions] == ["IQ"]


@pytest.mark.slow
def test_events_rockets_slamming_into_a_base_are_the_attack(extracted):
    text = ("BAGHDAD, March 3 (Wire) — At least ten rockets slammed into an air base in western Iraq early on "
            "Wednesday, the coalition said. It was the first such attack since last Thursday's air strikes in Syria.")
    main = main_incident(extracted(text, "2021-03-03"))
    assert main.type == "bombing"
    assert main.date.value == "2021-03-03"


@pytest.mark.slow
@pytest.mark.parametrize("sentence", [
    "A video posted on Sunday shows a fighter building a briefcase bomb in a workshop.",
    "Police said they found two grenades in the suspect's flat on Sunday.",
])
def test_events_a_device_built_or_found_is_no_attack(nlp_article, sentence):
    from claimwatch.extract.events import find_events

    assert [m for m in find_events(nlp_article(sentence)) if not m.negated and m.type == "bombing"] == []


@pytest.mark.slow
def test_incidents_the_attack_exactly_two_weeks_ago_dates_an_undated_lead(extracted):
    text = ("HONG KONG, May 14 (Wire) — A militant group has claimed the bomb and knife attack on the railway station "
            "in Urumqi in a video, a monitoring service said on Wednesday. The video went online on Sunday and shows "
            "a fighter building a briefcase bomb. The attack, exactly two weeks ago, killed one bystander.")
    assert main_incident(extracted(text, "2014-05-14")).date.value == "2014-04-30"


@pytest.mark.parametrize("phrase, expected", [
    ("exactly two weeks ago", ("2014-04-30", "day")),
    ("two weeks ago", ("2014-04-28", "week")),  # the week of that day, as before
])
def test_dates_exactly_n_weeks_ago_is_a_day(phrase, expected):
    assert resolve(phrase, dt.date(2014, 5, 14)) == expected


@pytest.mark.slow
@pytest.mark.parametrize("text, scene", [
    ("Khan spoke of the attack that killed 40 paramilitary police in Pulwama district on Thursday.", True),
    ("Police in Pulwama district said the bomber drove a car packed with explosives.", False),
])
def test_places_police_killed_in_a_district_are_victims_not_speakers(extracted, text, scene):
    from claimwatch.extract.incidents import _not_scene

    article = extracted(text, "2019-02-19")
    (place,) = [p for p in article.places if p.city == "Pulwama"]
    assert _not_scene(article, place) is not scene
