"""Rules that the forty-seventh held-out set's blind run called for: a follow-up took the toll of an
attack it recalled ("The raid came two days after militants attacked the camp, where six have been
killed, an assault blamed on X") and another was dated by the day a government rejected blame. All
texts are written for these tests."""

import pytest

from claimwatch.extract.events import TRIGGER
from claimwatch.model import to_dict
from shared_data import main_incident


def test_gunfight_is_a_trigger():
    assert TRIGGER.search("a policeman was wounded in the gunfight that followed") is not None


@pytest.mark.slow
def test_the_toll_of_the_attack_recalled_after_days_after_stays_there(extracted):
    text = ("IMPHAL, March 4 (Wire) — Two gunmen tried to storm a police post in the centre of Imphal before "
            "dawn on Monday, setting off a gunbattle that killed a constable, officials said. "
            "The raid came three days after militants attacked an army camp in Chandel, where four soldiers "
            "and a porter have been killed, an assault officials have blamed on the PLA.")
    article = extracted(text, "2019-03-04")
    main = main_incident(article)
    assert main.killed.value == 1
    assert main.location.city == "Imphal"
    recalled = [i for i in article.incidents if i.role == "background" and i.killed is not None]
    assert [i.killed.value for i in recalled] == [5]


@pytest.mark.slow
def test_a_rejection_dates_the_statement_and_the_named_place_the_country(extracted):
    text = ("ISLAMABAD, Feb 11 (Wire) — Pakistan on Sunday rejected suggestions that it had a hand in the "
            "assault on an army camp in Jammu, as the number of dead rose to six. In Jammu, the army said five "
            "soldiers had been killed since gunmen got into the family quarters of the camp before dawn on "
            "Saturday.")
    main = main_incident(extracted(text, "2018-02-11"))
    assert main.date.value == "2018-02-10"
    assert main.location.country_code == "IN"


@pytest.mark.slow
def test_its_fighters_carried_out_the_attack_is_a_claim(extracted):
    text = ("SRINAGAR, Feb 12 (Wire) — Two militants tried to slip into a police camp on Monday, setting off a "
            "gunbattle that killed a constable. The Hizbul Mujahideen said in a statement sent to news "
            "organisations in Srinagar that its fighters had carried out the attack.")
    claims = [s for s in extracted(text, "2018-02-12").statements if s.kind == "claim"]
    assert [s.by for s in claims] == ["Hizbul Mujahideen"]


@pytest.mark.slow
def test_a_towns_bus_station_names_the_town(extracted):
    text = ("SRINAGAR, March 8 (Wire) — A militant group has denied any part in Thursday's grenade attack on "
            "Jammu's main bus station, as a second victim died of his wounds. Police have blamed the attack on "
            "a commander from Kulgam.")
    assert main_incident(extracted(text, "2019-03-08")).location.city == "Jammu"


@pytest.mark.slow
def test_a_participle_after_its_noun_takes_no_date_from_the_verb_before(extracted):
    text = ("NEW DELHI, Nov 30 (Wire) — The army chief flew to Jammu on Wednesday and laid wreaths before the "
            "coffins of the seven soldiers killed at Nagrota. Officers said the attack on the artillery unit "
            "had begun before dawn on Tuesday.")
    assert main_incident(extracted(text, "2016-11-30")).date.value == "2016-11-29"


@pytest.mark.slow
def test_a_date_before_an_after_clause_dates_its_own_clause(extracted):
    text = ("LAGOS, March 3 (Wire) — Parents gathered at the school gate on Wednesday, after gunmen who had "
            "stormed a boarding school in Kagara freed the last of the pupils. The school was attacked on "
            "Friday night.")
    record = to_dict([main_incident(extracted(text, "2021-03-03"))])[0]
    assert record["date"]["value"] != "2021-03-03"
