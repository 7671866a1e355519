"""Rules the twenty-second session added, after reading why the toll of a killing with one named victim was
left empty ("gunmen killed radio reporter David Meza"), why tolls told with "brought the number killed to"
or "the bodies of 28 villagers" were missed, and why reports from Luxembourg were placed in Brussels, Rome
or Geneva. Written for these tests; none is a report of the samples."""

import pytest

from incident_helpers import main_incident as _main, trigger_pattern as _trigger


def _killed(article):
    main = _main(article)
    return main.killed.value if main.killed else None


# --- one named person killed -------------------------------------------------------------------------------


@pytest.mark.parametrize("text, killed", [
    # the verb "killed" with a name for object, after a title of up to three words
    ("MANAGUA, May 3 (Wire) — Gunmen killed radio reporter Tomás Ruiz in Masaya late on Sunday, police said.", 1),
    ("MANAGUA, May 3 (Wire) — A bomb that killed Dutch businessman Pieter de Vries in a hotel lobby in Masaya "
     "on Sunday was planted by two men, police said.", 1),
    # the noun, as a reward or an inquiry names it
    ("PECS, May 3 (Wire) — Police raised the reward for information about the killing of Istvan Balogh, a "
     "farm worker shot outside his house in Siklos on Sunday.", 1),
    # a plural after the verb is no one person's title; an adjective "assassinated" kills no one here
    ("MANAGUA, May 3 (Wire) — Gunmen killed Nicaraguan soldiers near Masaya on Sunday, the army said.", None),
    ("QUETTA, May 3 (Wire) — The widower of assassinated former prime minister Rosa Diaz opened fire on a "
     "crowd in Quetta on Sunday, police said.", None),
])
def test_one_named_person_killed_after_a_title(extracted, text, killed):
    assert _killed(extracted(text, "2010-05-03")) == killed


@pytest.mark.parametrize("text", [
    # a title set off by commas before the name, and "died in hospital"
    "CAIRO, June 29 (Wire) — Egypt's chief prosecutor, Ahmed Fathi, died in hospital on Monday, hours after a "
    "bomb tore through his motorcade.",
    # the name opens a clause of its own after "after"
    "PARAMARIBO, Nov 5 (Wire) — Two months after Inspector Hans Kromo was shot dead in Paramaribo, nobody has "
    "been charged with his killing.",
])
def test_one_named_person_killed_as_the_subject(extracted, text):
    assert _killed(extracted(text, "2015-06-29")) == 1


def test_a_speaker_before_a_name_is_still_no_title(extracted):
    text = "DHAKA, May 3 (Wire) — Police said Rafiq Ahmed was hacked to death near the university on Thursday."
    assert _killed(extracted(text, "2015-05-03")) is None


# --- tolls -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, killed", [
    ("DHAKA, Aug 25 (Wire) — A grenade attack on a rally in Dhaka last Saturday killed many. Her death on "
     "Tuesday brought the number killed in the attack to 20.", 20),
    ("YANGON, Sept 25 (Wire) — Soldiers dug up the bodies of 28 villagers from two pits near Maungdaw on Sunday, "
     "a month after an attack on the village.", 28),
    # two kinds of people, one count; "and a civilian" is a count of its own
    ("MAPUTO, Mar 31 (Wire) — Insurgents attacked a police post in Quissanga on Wednesday. Six soldiers and "
     "police officers were killed, the newssheet reported.", 6),
    ("MAPUTO, Mar 31 (Wire) — Insurgents attacked a police post in Quissanga on Wednesday. Two soldiers and a "
     "civilian were killed.", 3),
    # an aside with commas of its own between the count and the verb
    ("POPAYAN, Nov 1 (Wire) — Gunmen opened fire on a patrol of indigenous guards near Tacueyo on Tuesday. Five "
     "guards, among them the reservation's governor, Rosa Pito, were shot dead.", 5),
])
def test_tolls(extracted, text, killed):
    assert _killed(extracted(text, "2004-08-25")) == killed


def test_a_toll_counted_nationwide_is_no_incidents_toll(extracted):
    text = ("ABIDJAN, Jan 4 (Wire) — At least four people were killed in Duekoue on Monday when gunmen attacked a "
            "market. The UN put the number killed nationwide since mid-December at 179.")
    assert _killed(extracted(text, "2011-01-04")) == 4


# --- Luxembourg and the places of treaties ----------------------------------------------------------------


def test_a_bomb_thrown_is_a_bombing():
    assert _trigger("bombing").search("someone in a speeding car threw an explosive device close to the hall")
    assert _trigger("bombing").search("they hurled sticks of dynamite at the gate")


def test_a_country_in_the_dateline_is_its_capital_of_that_name(extracted):
    text = ("LUXEMBOURG, March 8 (Wire) — A bomb wrecked a transformer near the courthouse on Friday night, the "
            "police said. Germany's Federal Criminal Police Office is helping the inquiry.")
    main = _main(extracted(text, "1986-03-08"))
    assert main.location is not None and main.location.country_code == "LU"
    assert main.location.precision == "city"


def test_a_town_that_names_a_treaty_is_no_scene(extracted):
    text = ("BRUSSELS, Dec 4 (Wire) — European leaders meeting in Luxembourg agreed on Tuesday to overhaul the "
            "Treaty of Rome. A bomb thrown from a car exploded near the conference centre on Monday, police said.")
    main = _main(extracted(text, "1985-12-04"))
    assert main.location is not None and main.location.country_code != "IT"


def test_the_day_of_testimony_dates_no_incident(extracted):
    text = ("LUXEMBOURG, March 5 (Wire) — The radar destroyed by two bombs at the airport on the night of Nov. 9, "
            "1985, was the most modern in Europe, and the men who attacked it knew the site well, former staff "
            "told the trial of two ex-gendarmes on Wednesday.")
    main = _main(extracted(text, "2014-03-05"))
    assert main.date is not None and main.date.value == "1985-11-09"


def test_a_town_written_with_its_type_word_keeps_the_reports_name():
    from claimwatch.extract.gazetteer import as_written

    assert as_written("Buthidaung township") == "Buthidaung"
    assert as_written("Buthidaung town") == "Buthidaung"
    assert as_written("Gaza City") is None  # the gazetteer's own "Gaza City" is kept
    assert as_written("Beni territory") is None


# --- raids, and dates the twenty-second session's new sets showed ----------------------------------------


def test_raids_are_attacks_but_not_police_or_air_raids():
    assert _trigger("armed_assault").search("the twin raids on Bengali villages")
    assert not _trigger("armed_assault").search("police detained nine lawmakers in overnight raids")
    assert not _trigger("armed_assault").search("detained 30 people in raids on suspected radicals")
    assert not _trigger("armed_assault").search("announced air raids on six camps")


def test_a_weekday_of_last_week(extracted):
    text = ("ACCRA, Apr 4 (Wire) — Elders accused the government on Wednesday of ignoring warnings before the king "
            "was killed in his palace in Yendi on Wednesday last week.")
    main = _main(extracted(text, "2002-04-04"))
    assert main.date is not None and main.date.value == "2002-03-27"


def test_a_clause_about_the_thing_attacked_keeps_its_date(extracted):
    text = ("BANGKOK, Dec 4 (Wire) — Officials on Thursday called off the air search for Flight 858, which "
            "disappeared on Sunday, saying they were all but certain that the plane had exploded over the sea.")
    main = _main(extracted(text, "1987-12-04"))
    assert main.date is not None and main.date.value == "1987-11-29"


def test_a_date_in_a_relative_clause_closed_before_the_trigger(extracted):
    text = ("ROME, Sept 4 (Wire) — General Marco Rossi, the carabinieri commander who broke the Red Brigades and was "
            "sent to Palermo four months ago as prefect, was shot dead with his wife in the Sicilian capital late on "
            "Friday, officials said.")
    main = _main(extracted(text, "1982-09-04"))
    assert main.date is not None and main.date.value == "1982-09-03"


@pytest.mark.parametrize("text, killed", [
    # a name, its apposition, and a count of others: one and the count
    ("PALERMO, May 23 (Wire) — A bomb beneath the motorway killed Giovanni Rossi, Italy's best-known "
     "magistrate, and three of his police bodyguards near Capaci on Saturday evening, police said.", 4),
    ("TOCOA, May 23 (Wire) — Gunmen killed Nahum Palacios and two of his guards in Tocoa on Saturday.", 3),
    # more people, uncounted: no toll of one
    ("TOCOA, May 23 (Wire) — Gunmen killed Nahum Palacios and his wife in Tocoa on Saturday.", None),
])
def test_a_named_person_and_others(extracted, text, killed):
    assert _killed(extracted(text, "1992-05-23")) == killed


def test_a_name_before_a_country_with_a_possessive_is_no_town_in_it(extracted):
    text = ("PALERMO, May 23 (Wire) — A huge bomb hidden beneath the motorway from Palermo's airport killed Giovanni "
            "Falcone, Italy's best-known anti-Mafia magistrate, near Capaci on Saturday evening, police said.")
    main = _main(extracted(text, "1992-05-23"))
    assert main.location is not None and main.location.city != "Falcone"


def test_a_city_states_name_is_its_city(extracted):
    text = ("HONG KONG, May 1 (Wire) — A bomb destroyed the car of Macau's police chief on Friday morning as he "
            "drove to work in Macau, police said.")
    main = _main(extracted(text, "1998-05-01"))
    assert main.location is not None and main.location.country_code == "MO" and main.location.precision == "city"


def test_a_town_set_off_as_a_town_and_karabakh_as_a_region_of_azerbaijan(extracted):
    text = ("AGDAM, Azerbaijan, Feb 29 (Wire) — Survivors of the fall of Khojaly, an Azerbaijani town inside "
            "Nagorno-Karabakh, say fighters killed more than 450 people as they tried to escape across the mountains "
            "on Wednesday morning. Many of the wounded were taken to hospitals in Stepanakert, the enclave's main town.")
    main = _main(extracted(text, "1992-02-29"))
    assert main.location is not None and main.location.city == "Khojaly"
    text = ("YEREVAN, Armenia, April 11 (Wire) — Troops who overran the village of Maraga in northern "
            "Nagorno-Karabakh on Friday killed at least 43 civilians, officials said on Saturday.")
    main = _main(extracted(text, "1992-04-11"))
    assert main.location is not None and main.location.country_code == "AZ"


def test_a_city_states_name_stays_its_own_where_a_namesake_lies_in_a_country_named(extracted):
    # Portugal is named, and has a hamlet called Macao: the report's Macao is still the city-state
    text = ("MACAO, Sept 9 (Wire) — Fifteen people were wounded in Tuesday's double bombing in Macao, most of them "
            "journalists, the authorities said. The governor flew back from Lisbon on Wednesday.")
    main = _main(extracted(text, "1998-09-09"))
    assert main.location is not None and main.location.country_code == "MO"


def test_the_neighbour_across_a_border_is_no_scene(extracted):
    text = ("YANGON, Myanmar, Jan 14 (Wire) — Artillery shells came down in the centre of Laiza, the rebels' "
            "headquarters on Myanmar's border with China, on Monday morning, killing three civilians, a spokesman "
            "said. China has urged both sides to stop fighting.")
    main = _main(extracted(text, "2013-01-14"))
    assert main.location is not None and main.location.country_code == "MM"


# --- sport, votes and markets told in the words of war ----------------------------------------------------


@pytest.mark.parametrize("text", [
    "ZAGREB, Sept 11 (Wire) — England stormed the fortress of Maksimir on Wednesday night, crushing Croatia 4-1 in "
    "a World Cup qualifier. Walcott scored three goals and the fans in the stadium fell silent.",
    "PORT MORESBY, Sept 13 (Wire) — The prime minister beat back the opposition's latest assault on his government, "
    "surviving a no-confidence vote 75-3 as lawmakers from the coalition held their seats.",
])
def test_a_report_that_borrows_the_words_of_war_has_no_incident(extracted, text):
    article = extracted(text, "2012-09-13")
    assert article.relevant is False and not article.incidents


def test_one_borrowed_word_does_not_make_a_match_real():
    from claimwatch.extract.relevance import figurative

    match = ("Croatia were massacred 4-1 in the World Cup qualifier as England scored three goals before the fans "
             "in the stadium.")
    assert figurative(match)
    # two such words, or one word only real violence uses, keep the report
    assert not figurative("Rebels took hostages at the stadium during the match as fans watched the coach.")
    assert not figurative("Gunmen killed three fans at the stadium during a league match, the coach said.")


def test_real_violence_at_a_match_keeps_its_incident(extracted):
    text = ("KADUNA, Sept 11 (Wire) — Gunmen stormed a stadium during a league match on Wednesday night, killing "
            "three fans, police said. The coach said the players hid in the dressing room until the final whistle.")
    main = _main(extracted(text, "2012-09-13"))
    assert main.type == "armed_assault"


def test_a_city_state_in_a_list_of_countries_is_a_bystander(extracted):
    text = ("PHNOM PENH, Sept 8 (Wire) — Grenades were thrown into the prime minister's residence on Monday night, "
            "police said. Diplomats from the United States, France, Australia, Singapore and Canada called for "
            "calm.")
    main = _main(extracted(text, "1998-09-08"))
    assert main.location is not None and main.location.country_code == "KH"

