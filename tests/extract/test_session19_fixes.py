"""Rules the nineteenth session added: after reading why follow-up reports were dated by their own news
(the day of a burial, a mourning, a diplomatic answer) instead of the day of the incident, and after
the blind run of heldout-147 (South Sudan's Bor read as Serbia's district, "Kali-Ballee" as Cali).
Written for these tests; none is a report of the samples."""

import pytest

from incident_helpers import main_incident as _main


# --- dates: a possessive day owns the trigger's noun phrase -----------------------------------------------


@pytest.mark.parametrize("text,published,day", [
    ("QUETTA, Pakistan, June 8 (Sample Wire) — Families in Turbat buried the victims of Thursday's market bombing "
     "on Saturday, as police said the number of dead had risen to 19.", "2021-06-08", "2021-06-03"),
    ("DHAKA, Aug 14 (Demo Daily) — Mourners in Sylhet buried the two guards of last Tuesday's ambush on a cash "
     "van on Thursday, as police said three men had been detained.", "2019-08-14", "2019-08-06"),
])
def test_dates_a_possessive_day_dates_the_trigger_it_owns(extracted, text, published, day):
    main = _main(extracted(text, published))
    assert main.date is not None and main.date.value == day


def test_dates_a_day_that_owns_another_noun_does_not_date_the_trigger(extracted):
    # "Sunday's election" owns "election", not the attack
    article = extracted("KABUL, Oct 20 (Sample Wire) — A bomb killed nine people at a polling station in Kandahar on "
                        "Saturday, a day before Sunday's election, officials said.", "2018-10-20")
    assert _main(article).date.value == "2018-10-20"


# --- dates: mourning and diplomacy lead a follow-up with their own day -------------------------------------


@pytest.mark.parametrize("text,published,wrong", [
    ("NDJAMENA, Chad, May 14 (Example Herald) — Flags flew at half-mast across the country on Thursday for the "
     "soldiers killed when militants overran their camp near the lake.", "2020-05-14", "2020-05-14"),
    ("AMMAN, Jan 9 (Demo Daily) — The kingdom held a second day of national mourning on Tuesday for six police "
     "officers killed in a gunfight in the south.", "2017-01-10", "2017-01-10"),
    ("MANILA, Feb 2 (Sample Wire) — Relatives waited outside the mortuary on Wednesday to identify the bodies of "
     "the villagers killed when gunmen raided their hamlet.", "2022-02-02", "2022-02-02"),
])
def test_dates_a_mourning_day_is_not_the_day_of_the_killing(extracted, text, published, wrong):
    main = _main(extracted(text, published))
    assert main.date is None or main.date.value != wrong


def test_dates_a_day_that_dates_the_attack_itself_still_counts(extracted):
    # no response verb between the day and the trigger: the day is the attack's
    article = extracted("NDJAMENA, Chad, May 14 (Example Herald) — Militants overran an army camp near the lake on "
                        "Thursday, killing 12 soldiers, the army said.", "2020-05-15")
    assert _main(article).date.value == "2020-05-14"


# --- places: a region's name that towns elsewhere bear, and the first half of a hyphened name -------------


def test_places_a_town_is_not_read_as_a_foreign_district_of_the_same_name(extracted):
    # "Bor" is a district of Serbia and a town of South Sudan; only Juba says which country the report is about
    article = extracted("NAIROBI, Kenya, May 2 (Demo Daily) — Gunmen killed 14 people at a cattle camp outside Bor on "
                        "Thursday, officials said. In Juba, the information minister condemned the attack.",
                        "2015-05-02")
    place = _main(article).location
    assert place is not None and place.city == "Bor" and place.country_code == "SS"


def test_places_a_region_name_of_one_country_still_signals_it(nlp_article):
    from claimwatch.extract.gazetteer import load_gazetteer
    from claimwatch.extract.places import _region_signal

    gaz = load_gazetteer()
    assert _region_signal("bor", gaz) is None  # Serbia's district, and towns in South Sudan, Turkey, Russia
    assert _region_signal("sindh", gaz) == "PK"


@pytest.mark.parametrize("text,published", [
    ("JUBA, South Sudan, Apr 21 (Sample Wire) — More than 200 civilians were killed at the Kali-Ballee mosque in "
     "Bentiu on Tuesday, the UN mission said.", "2014-04-21"),
])
def test_places_the_first_half_of_a_hyphened_name_is_no_town(extracted, text, published):
    place = _main(extracted(text, published)).location
    assert place is not None and place.country_code == "SS" and place.city == "Bentiu"


def test_places_a_hyphen_between_two_places_keeps_both(nlp_article):
    from claimwatch.extract.places import find_places

    article = nlp_article("Gunmen ambushed three lorries on the Juba-Yei road in South Sudan on Saturday.", "2016-10-09")
    assert "Juba" in [p.name for p in find_places(article)]


# --- places: "in X, North Darfur", and where travellers were heading --------------------------------------


@pytest.mark.parametrize("text,town", [
    ("KHARTOUM, Sudan, Dec 4 (Sample Wire) — Gunmen opened fire on peacekeepers escorting a water tanker in Saraf "
     "Omra, North Darfur, on Friday afternoon, killing two soldiers, the mission said.", "Saraf Omra"),
    ("KHARTOUM, Sudan, Dec 6 (Sample Wire) — Gunmen killed two peacekeepers at the gate of a camp in Shangil Tobay, "
     "North Darfur, on Saturday, the mission said.", "Shangil Tobay"),
])
def test_places_a_name_before_a_comma_and_a_province_is_a_locality_of_it(extracted, text, town):
    place = _main(extracted(text, "2009-12-06")).location
    assert place is not None and place.city == town and place.region == "North Darfur" and place.country_code == "SD"


def test_places_a_province_after_a_name_and_a_comma_is_kept_untagged(nlp_article):
    from claimwatch.extract.places import find_places

    article = nlp_article("Gunmen opened fire on peacekeepers in Saraf Omra, North Darfur, on Friday.", "2009-12-04")
    assert [p.region for p in find_places(article) if p.precision == "region"] == ["North Darfur"]


def test_places_where_travellers_were_heading_is_not_the_scene(extracted):
    article = extracted("JUBA, South Sudan, Oct 10 (Sample Wire) — Gunmen attacked three buses travelling from Juba "
                        "towards the Ugandan capital Kampala on Monday morning, setting one on fire, police said.",
                        "2016-10-10")
    place = _main(article).location
    assert place is None or place.country_code == "SS"


def test_places_a_way_to_class_in_a_town_keeps_the_town(extracted):
    article = extracted("DOUALA, Cameroon, Oct 14 (Sample Wire) — A gendarme shot dead a schoolgirl on her way to "
                        "class in Buea on Thursday morning, the governor said.", "2021-10-14")
    assert _main(article).location.city == "Buea"


# --- figures: nobody hurt is nobody killed ------------------------------------------------------------------


@pytest.mark.parametrize("text,killed,wounded", [
    ("AJACCIO, France, Dec 6 (Sample Wire) — Attackers fired rockets at a gendarmerie barracks in Bastia on "
     "Thursday night. Nobody was injured, the prosecutor said.", 0, 0),
    ("BASTIA, France, June 12 (Sample Wire) — Gunmen opened fire on a gendarmerie barracks before dawn on Thursday. "
     "Seven rounds went into the building, but no one was hurt.", 0, 0),
    # "no one else": the others may have died
    ("KABUL, May 2 (Sample Wire) — Gunmen killed three soldiers at a checkpoint on Thursday. No one else was hurt, "
     "the army said.", 3, 0),
])
def test_figures_nobody_hurt_means_nobody_killed(extracted, text, killed, wounded):
    main = _main(extracted(text, "2013-12-06"))
    assert main.killed is not None and main.killed.value == killed
    assert main.wounded is not None and main.wounded.value == wounded


# --- figures: counts of what came before, and of a wave ---------------------------------------------------


@pytest.mark.parametrize("text", [
    ("MOSCOW, July 30 (Sample Wire) — Suicide bombers struck outside two embassies in Tashkent on Friday, killing "
     "at least two security officers. The bombings came days after 15 people went on trial over the violence of "
     "late March, which officials say left 47 people dead."),
    ("TASHKENT, March 30 (Example Herald) — Two women blew themselves up near a bazaar in Tashkent on Monday, killing "
     "three policemen and a child. The bazaar bombings capped a wave of violence that he said had killed 47 people "
     "since Sunday night."),
])
def test_figures_a_count_of_what_came_before_or_of_a_wave_is_not_the_incidents(extracted, text):
    main = _main(extracted(text, "2004-07-30"))
    assert main.killed is not None and main.killed.value in (2, 4)


# --- dates: a trigger in a clause of its own takes that clause's date --------------------------------------


def test_dates_a_shooting_told_in_a_relative_clause_keeps_its_own_day(extracted):
    article = extracted("MEXICO CITY, April 2 (Example Herald) — The security ministry backtracked on Tuesday after "
                        "telling the country that a second candidate had died in the shooting that killed the party's "
                        "candidate for mayor of Celaya, in Guanajuato state late on Monday.", "2024-04-02")
    assert _main(article).date.value == "2024-04-01"


# --- statements: a claimant spaCy missed, behind an adverb, a hyphened acronym or a relative clause --------


@pytest.mark.parametrize("sentence,by", [
    ("FLEC-PM later claimed the attack.", "FLEC-PM"),
    ("A separatist faction, the Forces for the Liberation of the State of Cabinda–Military Position (FLEC-PM), later "
     "claimed the attack in a numbered statement.", "FLEC-PM"),
    ("A separatist faction, FLEC, has since claimed the attack.", "FLEC"),
    ("The FLEC-PM faction, which claimed the attack on Friday, made no further comment.", "FLEC-PM"),
])
def test_statements_a_claimant_spacy_missed_is_read_past_adverbs_and_relatives(extracted, sentence, by):
    article = extracted("LUANDA, Jan 9 (Sample Wire) — Gunmen fired on the bus of a football team in Cabinda on "
                        "Friday, killing the driver. " + sentence, "2010-01-09")
    assert [(s.kind, s.by) for s in article.statements] == [("claim", by)]


def test_statements_a_bare_group_noun_with_a_relative_names_no_claimant(extracted):
    article = extracted("LUANDA, Jan 9 (Sample Wire) — Gunmen fired on the bus of a football team in Cabinda on "
                        "Friday, killing the driver. The group, which claimed the attack, gave no names.", "2010-01-09")
    assert [s for s in article.statements if s.kind == "claim" and s.by] == []


# --- statements: "police suspect X"; an alias written without its apostrophe --------------------------------


@pytest.mark.parametrize("sentence,against", [
    ("Police suspect the JMB, officials said.", "Jamaat-ul-Mujahideen Bangladesh"),
    ("The government blamed the JMB, police said on Tuesday.", "Jamaat-ul-Mujahideen Bangladesh"),
    ("Police blamed the banned Jamaatul Mujahideen Bangladesh.", "Jamaat-ul-Mujahideen Bangladesh"),
])
def test_statements_a_suspicion_and_an_alias_without_its_apostrophe(extracted, sentence, against):
    article = extracted("DHAKA, Nov 29 (Sample Wire) — A suicide bomber set off explosives inside the court library in "
                        "Gazipur on Tuesday, killing four people. " + sentence, "2005-11-29")
    assert [s.against for s in article.statements if s.kind == "accusation"] == [[against]]


@pytest.mark.parametrize("sentence", [
    "Police said they suspected a Pakistan-based group.",  # a base is no accusation of the country
    "Police suspected a gas leak at first.",
])
def test_statements_a_suspicion_of_no_named_party_accuses_nobody(extracted, sentence):
    article = extracted("DHAKA, Nov 29 (Sample Wire) — A suicide bomber set off explosives inside the court library in "
                        "Gazipur on Tuesday, killing four people. " + sentence, "2005-11-29")
    assert [s for s in article.statements if s.kind == "accusation"] == []


@pytest.mark.parametrize("sentence", [
    "Investigators suspect that the Jaish-e-Mohammed group was also behind the raid.",
    "Jaish-e-Mohammed was also blamed for the raid.",
])
def test_statements_also_between_the_verb_and_its_auxiliary(extracted, sentence):
    article = extracted("NEW DELHI, Jan 14 (Sample Wire) — Gunmen raided an army camp in Samba district on Saturday, "
                        "killing four soldiers. " + sentence, "2016-01-14")
    assert [s.against for s in article.statements if s.kind == "accusation"] == [["Jaish-e-Mohammed"]]
