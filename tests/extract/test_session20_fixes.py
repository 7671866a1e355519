"""Rules the twentieth session added: after reading why reports of one incident were placed in two countries
(a country that offers help, a coordinated "US and Israeli embassies", a treaty town), and after the blind
run of heldout-159 (soldiers and UN observers seized and held, which no trigger read).
Written for these tests; none is a report of the samples."""

import pytest

from claimwatch.extract.relevance import is_relevant
from incident_helpers import main_incident as _main, trigger_pattern as _trigger


# --- places: a country named only as a bystander does not outvote the dateline ----------------------------


def test_places_a_country_that_offers_help_is_not_the_scene(extracted):
    article = extracted(
        "KHULNA, March 9 (Sample Wire) — A previously unknown group has claimed Sunday's grenade attack on a "
        "cinema, police said on Tuesday.\n\nThe death toll rose to seven overnight. Investigators are "
        "examining the remains of the grenades.\n\nCanada, Japan and Germany have offered help with the "
        "inquiry.", "2021-03-09")
    location = _main(article).location
    assert location is not None and location.country_code == "BD"


def test_places_a_country_in_the_incident_sentence_still_counts(extracted):
    # the country stands in the sentence that tells of the attack: not a bystander
    article = extracted(
        "NAIROBI, May 3 (Demo Daily) — Militants stormed an army base in Somalia on Sunday, killing 12 "
        "soldiers, officials said.", "2021-05-03")
    location = _main(article).location
    assert location is not None and location.country_code == "SO"


def test_places_a_coordinated_country_modifier_says_whose(extracted):
    article = extracted(
        "BISHKEK, Aug 2 (Example Herald) — A suicide bomber blew himself up outside the US and Israeli "
        "embassies on Friday, killing two guards, police said.", "2019-08-03")
    location = _main(article).location
    assert location is not None and location.country_code == "KG"


def test_places_a_town_that_names_a_treaty_is_not_the_scene(extracted):
    article = extracted(
        "Gunmen who say they were betrayed by the Lome accord killed four villagers in an ambush on Tuesday, "
        "the army said.", "2001-05-07")
    location = _main(article).location
    assert location is None or location.country_code != "TG"


def test_places_a_clause_after_the_trigger_is_not_its_locative(extracted):
    from claimwatch.extract.incidents import ELSEWHERE_AFTER
    assert ELSEWHERE_AFTER.search(" would go on as long as Britain was involved ")
    assert ELSEWHERE_AFTER.search(" will continue until France leaves ")
    assert not ELSEWHERE_AFTER.search(" that killed 20 people ")


# --- events: men under arms taken and held --------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "FREETOWN, June 3 (Demo Daily) — A renegade militia is holding nine Nigerian peacekeepers who were seized "
    "on Thursday near a river crossing, officials said on Saturday.",
    "MONROVIA, June 3 (Sample Wire) — Rebels seized a group of UN military observers and aid workers on "
    "Thursday in the hills east of the capital, the mission said.",
    "BELFAST, June 3 (Example Herald) — Four of the Irish soldiers seized by the militia on Thursday were "
    "freed, the defence ministry said.",
])
def test_events_soldiers_seized_and_held_are_hostages(extracted, text):
    assert is_relevant(text)
    assert _main(extracted(text, "2000-06-03")).type == "hostage_taking"


@pytest.mark.parametrize("text", [
    "The opposition captured both seats and seized the town hall in Sunday's vote.",
    "Residents accused officials of holding up the arrival of federal troops.",
    "Coffins holding the bodies of ten soldiers were carried off the plane.",
])
def test_events_captured_seats_and_held_up_troops_are_not_hostages(text):
    pattern = _trigger("hostage_taking")
    assert not pattern.search(text)


def test_events_troops_as_captors_are_not_the_captives():
    pattern = _trigger("hostage_taking")
    assert not pattern.search("the farmer was captured on 2 february by troops of the 6th brigade")
    assert not pattern.search("the incident took place when a civil patrol was combing the area")


def test_relevance_an_election_capture_is_not_violence():
    assert not is_relevant("The Congress captured 11 of the 12 seats and seized both of the state's seats.")


# --- places: where travellers were going or landed is not the scene ------------------------------------


def test_places_a_road_to_a_mountain_is_not_the_scene(extracted):
    article = extracted(
        "NALCHIK, Russia, March 5 (Sample Wire) — Gunmen opened fire on a car carrying climbers on the road to "
        "Mount Elbrus on Friday, killing two of them, police said. The climbers had flown into Mineralnye Vody "
        "and hired a driver to take them to the Elbrus resort area. The car was stopped at the entrance to "
        "Zayukovo, in Baksan district.", "2011-03-05")
    location = _main(article).location
    assert location is not None and location.name not in ("Elbrus", "Mineralnye Vody")


# --- grouping: one incident that came hours after another ----------------------------------------------


def test_grouping_a_blast_that_came_hours_after_gunmen_struck_is_another_incident(extracted):
    article = extracted(
        "NALCHIK, Russia, Feb 19 (Demo Daily) — A bomb wrecked a ski lift overnight, police said on Saturday. "
        "No one was hurt.\n\nThe blast came hours after masked gunmen stopped a bus near Zayukovo on Friday "
        "evening and opened fire, killing three tourists.", "2011-02-19")
    main = _main(article)
    assert main.type == "bombing" and main.killed is not None and main.killed.value == 0
    assert any(i.role == "background" and i.killed is not None and i.killed.value == 3 for i in article.incidents)


def test_grouping_a_report_led_by_hours_after_gunmen_keeps_them_the_main_incident(extracted):
    # the speech is no incident: "hours after gunmen stormed" tells the report's own news
    article = extracted(
        "MOSCOW, Dec 4 (Sample Wire) — The president addressed parliament on Thursday, hours after gunmen "
        "stormed the centre of Grozny and battled police through the night, killing 10 officers.", "2014-12-04")
    main = _main(article)
    assert main.killed is not None and main.killed.value == 10


def test_grouping_hours_later_a_blast_opens_another_incident(extracted):
    article = extracted(
        "NALCHIK, Russia, Feb 19 (Sample Wire) — Gunmen killed three tourists on the road to a ski resort on "
        "Friday evening, investigators said.\n\nHours later, a blast brought down a cable car near Terskol. "
        "Nobody was hurt.", "2011-02-19")
    main = _main(article)
    assert main.type == "armed_assault"
    assert any(i.role == "background" and i.type == "bombing" for i in article.incidents)


# --- dates: the day of a release, and a sentence that opens with how long after the attack it came ----------


def test_dates_the_day_hostages_were_freed_is_not_the_day_they_were_seized(extracted):
    article = extracted(
        "BELFAST, Aug 31 (Example Herald) — Five of the soldiers seized by the militia in the hills were freed on "
        "Wednesday, the defence ministry said.", "2000-08-31")
    date = _main(article).date
    assert date is None or date.value != "2000-08-30"


@pytest.mark.parametrize("text,published,value,precision", [
    ("TBILISI, April 1 (Demo Daily) — More than five months after two bombs went off beside the railway station "
     "in Tbilisi, Russia said on Thursday that the officer had left weeks before.", "2011-04-01", "2010-10-01", "month"),
    ("TBILISI, April 1 (Demo Daily) — Two weeks after a bomb went off beside the railway station in Tbilisi, "
     "police said on Thursday they had arrested two men.", "2011-04-01", "2011-03-17", "day"),
])
def test_dates_a_sentence_opening_n_units_after_the_attack_counts_back(extracted, text, published, value, precision):
    date = _main(extracted(text, published)).date
    assert date is not None and (date.value, date.precision) == (value, precision)


# --- places: a country's own consulate or troops say whose --------------------------------------------------


def test_places_a_countrys_consulate_is_not_the_country(extracted):
    article = extracted(
        "SRINAGAR, India, May 27 (Demo Daily) — A militant group has denied any part in last Friday's attack on "
        "India's consulate in the Afghan city of Herat. Police in Srinagar said the group had a wide following "
        "in Jammu and Kashmir, and officials in New Delhi said India would not be deterred.", "2014-05-27")
    location = _main(article).location
    assert location is not None and location.country_code == "AF"


# --- events: taken from home is an abduction; dragged out and killed is a killing ---------------------------


def test_events_an_activist_dragged_from_his_home_was_abducted(extracted):
    article = extracted(
        "JOHANNESBURG, May 22 (Demo Daily) — The body of an opposition activist dragged from his home in Harare "
        "last week has been found, his family said.", "2008-05-22")
    main = _main(article)
    assert main.type == "kidnapping" and main.date is not None and main.date.precision == "week"


def test_events_dragged_from_their_homes_and_killed_is_no_abduction():
    pattern = _trigger("kidnapping")
    assert not pattern.search("The four were dragged from their homes and killed in front of their families")
    assert pattern.search("an activist dragged from his home in Harare")


# --- places: a capitalised dateline whose last word spaCy tags; Trinidad ------------------------------------


def test_places_an_all_capitals_dateline_keeps_its_whole_name(extracted):
    article = extracted(
        "PORT OF SPAIN, Trinidad, Sept 10 (Sample Wire) — A small bomb went off in a bin outside a fast-food "
        "restaurant on Saturday, police said. Nobody was hurt.", "2005-09-10")
    location = _main(article).location
    assert location is not None and location.country_code == "TT"


def test_places_a_town_of_the_reports_country_before_a_country_form(extracted):
    article = extracted(
        "HAVANA, May 3 (Sample Wire) — A bomb exploded at a hotel in the colonial town of Trinidad on Sunday, "
        "killing two tourists, police said.", "2001-05-07")
    location = _main(article).location
    assert location is not None and location.country_code == "CU"


def test_places_trinidad_alone_is_trinidad_and_tobago(extracted):
    article = extracted("Gunmen killed three men in a bar in Trinidad on Friday, police said.", "2005-09-10")
    location = _main(article).location
    assert location is not None and location.country_code == "TT"


# --- events and dates: acid thrown, a priest shot on Christmas night, a hospital's day -----------------------


def test_events_acid_thrown_at_people_is_an_unarmed_assault_as_gtd_codes_it(extracted):
    article = extracted(
        "DAR ES SALAAM, Aug 8 (Sample Wire) — Two volunteers were flown to the capital on Thursday after two men "
        "on a moped threw acid over them in the old quarter of Zanzibar on Wednesday evening.", "2013-08-08")
    main = _main(article)
    assert main.type == "unarmed_assault" and main.date.value == "2013-08-07"


def test_dates_christmas_night_and_a_participle_shot_date_the_shooting(extracted):
    article = extracted(
        "DAR ES SALAAM, Dec 28 (Example Herald) — A Catholic priest shot on Christmas night in Zanzibar was in "
        "intensive care on Friday after his condition worsened, church leaders said.", "2012-12-28")
    main = _main(article)
    assert main.date is not None and main.date.value == "2012-12-25"


def test_dates_the_day_of_a_hospital_stay_before_after_is_not_the_attack(extracted):
    article = extracted(
        "ZANZIBAR, Tanzania, Sept 14 (Sample Wire) — A priest was in hospital in Zanzibar on Saturday after "
        "acid was thrown at him outside an internet cafe.", "2013-09-14")
    date = _main(article).date
    assert date is None or date.value != "2013-09-14"


def test_events_a_shot_that_is_a_noun_is_no_shooting():
    pattern = _trigger("armed_assault")
    for text in ("firing the opening shot in a constitutional battle", "a warning shot in the air",
                 "his best shot in years"):
        assert not pattern.search(text), text


def test_places_a_valley_named_after_a_town_abroad_is_not_that_town(extracted):
    article = extracted(
        "GARM, Tajikistan, Sept 21 (Example Herald) — Militants ambushed an army convoy in the Rasht valley on "
        "Sunday, killing 25 soldiers, the Tajik defence ministry said, as troops moved into the Rasht valley.",
        "2010-09-21")
    location = _main(article).location
    assert location is None or location.country_code == "TJ"


def test_events_a_patrol_car_taken_by_surprise_is_no_hostage_taking():
    pattern = _trigger("hostage_taking")
    assert not pattern.search("at 1900 urban commandos took a patrol car by surprise")
    assert not pattern.search("the rebels captured the patrol by surprise and fled")
