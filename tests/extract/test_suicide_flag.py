"""The suicide flag reads what became of the attackers anywhere in the report, not only in the sentences
that name the attack: an attacker who was arrested, tried, overpowered, shot by the police or got away
did not mean to die by the attack, and a bomb left, thrown, buried or set off remotely had no bomber
on it. A sentence about another incident of the report tells nothing. All texts are written for these
tests."""
import pytest

from claimwatch.extract.weapons import find_suicide_cues
from shared_data import main_incident


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # arrested in a sentence of its own
    "A car drove into marchers in the town on Saturday, killing a woman. Police stopped it a few blocks away "
    "and arrested the driver.",
    # overpowered
    "A man stabbed shoppers in a supermarket on Friday, killing one. Passers-by overpowered him outside.",
    # in court
    "A gunman shot dead eleven worshippers in a synagogue on Saturday. He was brought into federal court on Monday.",
    # shot by officers, with words between
    "Two gunmen shot dead two officers near a bus stop on Sunday. They were shot dead at the scene by undercover "
    "officers.",
    # killed after a siege
    "Gunmen stormed the university on Monday and killed 22 people. The three attackers were killed after a "
    "siege of six hours.",
    # got away
    "Gunmen opened fire on tourists in a meadow on Tuesday, killing 26. Police said the attackers escaped into "
    "the forest.",
    "Gunmen shot dead a councillor on Monday. None of the attackers has been caught.",
])
def test_suicide_false_from_the_attackers_fate_elsewhere_in_the_report(extracted, text):
    assert main_incident(extracted(text, "2021-03-03")).suicide is False


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "A bomb exploded in a bar on Saturday night, killing one man. Police said three men posing as customers "
    "left the bomb in a bag under a table.",
    "A mine exploded under a police bus on Tuesday, killing five. Officials said the land mine had been buried "
    "under the road.",
    "A bomb went off at a bus stop on Wednesday, killing one. Police said it was set off remotely.",
    "Attackers threw two grenades into a crowd in the square on Monday, killing seven.",
])
def test_suicide_false_from_how_a_bomb_was_delivered(extracted, text):
    assert main_incident(extracted(text, "2021-03-03")).suicide is False


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # accomplices' arrests tell nothing about a bomber
    "A bomb exploded at a checkpoint on Monday, killing nine. Police later arrested two men.",
])
def test_suicide_unknown_where_nothing_tells(extracted, text):
    assert main_incident(extracted(text, "2021-03-03")).suicide is None


@pytest.mark.slow
def test_suicide_false_of_a_shooting_rests_on_its_own_trigger_not_another_incidents_fate(extracted):
    text = ("A gunman shot dead a councillor outside his home on Monday. Last year, in another town, a gunman who "
            "killed four people was arrested by police.")
    main = main_incident(extracted(text, "2021-03-03"))
    assert main.suicide is False and "arrested" not in main.suicide_evidence.text


@pytest.mark.slow
def test_suicide_cue_wins_over_an_arrest(extracted):
    text = ("A suicide bomber blew himself up at a church on Sunday, killing 25. Police arrested four people who "
            "had sheltered him.")
    assert main_incident(extracted(text, "2021-03-03")).suicide is True


@pytest.mark.slow
@pytest.mark.parametrize("text, cue", [
    ("The attackers fired at travellers and then detonated their charges.", "detonated their charges"),
    ("They then detonated explosive vests near the entrance.", "detonated explosive vests"),
    ("Police said the suicide driver and four gunmen were killed.", "suicide driver"),
])
def test_weapons_more_suicide_cues(nlp_article, text, cue):
    assert [span.text for span in find_suicide_cues(nlp_article(text))] == [cue]
