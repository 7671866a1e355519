"""Rules that the forty-fifth and forty-sixth held-out sets' blind runs called for. Follow-ups dated by
their own news joined a look-alike incident a few days away: the date of a manhunt "in search of the
gunmen" is the manhunt's, the suspect the forces killed is not the incident, "In a separate raid, ..."
tells another incident to the sentence's end, "the raid, which began late on Tuesday" is an event,
and so are "shots were fired" and "fired on a group". A town named "north-west of" or "near the village
of" is only what the scene was near. All texts are written for these tests."""

import pytest

from claimwatch.extract.events import TRIGGER
from shared_data import main_incident


@pytest.mark.parametrize("phrase", [
    "shots were fired from a van", "a man fired on a group of hikers", "fired several shots at the guards",
    "the men who shot up a cafe", "blamed the militia for the raid, which began at dawn",
])
def test_shooting_phrases_are_triggers(phrase):
    assert TRIGGER.search(phrase) is not None


@pytest.mark.parametrize("phrase", [
    "the goalkeeper fired at the crossbar",
    "before an officer pulled him away and shots were fired.",  # the police stopping an attacker
])
def test_fire_with_no_victim_in_view_is_no_trigger(phrase):
    assert TRIGGER.search(phrase) is None


@pytest.mark.slow
def test_the_manhunts_date_is_not_the_attacks(extracted):
    text = ("HEBRON, March 8 (Wire) — Soldiers kept up searches in villages south of this city on Thursday "
            "in search of the gunmen who ambushed a minibus near the settlement of Karmei Tzur, as a hospital "
            "said a second passenger had died of his wounds. Nine people were wounded on Monday evening when "
            "shots were fired from a passing car at the minibus on the main road.")
    main = main_incident(extracted(text, "2018-03-08"))
    assert main.date.value == "2018-03-05"


@pytest.mark.slow
def test_the_suspect_killed_by_troops_is_not_the_incident(extracted):
    text = ("BEIT UMMAR, West Bank, May 4 (Wire) — An armed faction said on Friday that a man shot dead by "
            "Israeli troops late on Thursday was one of its fighters and the gunman behind Monday's shooting "
            "at a petrol station near Efrat, in which two guards were wounded. The army said the man, 24, "
            "from this town north-west of Hebron, opened fire on soldiers who had come to arrest him. "
            "In a separate raid early on Friday, soldiers shot dead a teenager in Nablus. "
            "Shops in Hebron stayed shut on Friday in mourning.")
    main = main_incident(extracted(text, "2018-05-04"))
    assert main.date.value == "2018-04-30"
    assert main.location.city in ("Efrat", "Efrata")  # the tables spell it Efrata


@pytest.mark.slow
def test_a_raid_followed_by_a_comma_dates_the_follow_up(extracted):
    text = ("LAGOS, Sept 9 (Wire) — A herders' association in Kaduna state rejected accusations that its "
            "members carried out an attack that killed 19 people in a farming village, saying bandits were "
            "to blame. Villagers in Kauru have blamed herders for the raid, which began late on Tuesday. "
            "Many residents described the attack as revenge for the killing on Aug. 28 of seven traders "
            "on the Kaduna road.")
    main = main_incident(extracted(text, "2021-09-09"))
    assert main.date.value == "2021-09-07"
