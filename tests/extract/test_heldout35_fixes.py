"""Rules that the thirty-fifth to thirty-eighth held-out sets' blind runs called for: a conflict's running
total is no incident's toll, "a man shot her" is an attack, and a killing dated by the close of its own
phrase ("shot dead outside his home in Tijuana on Monday") is dated firmly enough that another killing
the report dates to another day is another incident. All texts are written for these tests."""
import pytest

from claimwatch.extract.events import find_events
from claimwatch.extract.pipeline import get_pipeline
from shared_data import main_incident


@pytest.mark.slow
@pytest.mark.parametrize("text, killed", [
    ("Gunmen attacked a village checkpoint in the province late on Tuesday, killing 15 defence volunteers. "
     "More than 7,000 people have been killed in the conflict since then, a monitoring group says.", 15),
    ("A car bomb killed 12 soldiers at a base on Monday. Over the past decade, 4,000 soldiers have been killed.", 12),
    # a comparison after a comma is no running total
    ("A suicide bomber struck a mosque on Friday, killing at least 56 people, in the deadliest attack since 2018.",
     56),
])
def test_figures_a_running_total_is_no_toll(extracted, text, killed):
    main = main_incident(extracted(text, "2019-11-06"))
    assert main.killed is not None and main.killed.value == killed


@pytest.mark.slow
@pytest.mark.parametrize("sentence, attack", [
    ("The singer died after a man shot her at a theatre late on Friday.", True),
    ("Officers shot him as he ran from the theatre.", False),
])
def test_events_a_man_shot_her_is_an_attack(nlp_article, sentence, attack):
    found = [m.trigger.text for m in find_events(nlp_article(sentence)) if m.type == "armed_assault"]
    assert bool([t for t in found if t.startswith("shot")]) is attack


@pytest.mark.slow
def test_incidents_a_killing_dated_apart_in_the_same_country_is_another_incident(extracted):
    text = ("TIJUANA, Jan 18 (Wire) — A photojournalist was shot dead outside his home in Tijuana on Monday. "
            "A news website editor was found stabbed to death in the port of Veracruz on January 10, press "
            "freedom groups said.")
    article = extracted(text, "2022-01-18")
    main = main_incident(article)
    assert (main.date.value, [w.category for w in main.weapons]) == ("2022-01-17", ["firearms"])
    assert [(i.role, i.date.value) for i in article.incidents if i is not main] == [("background", "2022-01-10")]


@pytest.mark.slow
@pytest.mark.parametrize("text, claimant", [
    ("A bomber killed four at a mosque in Dammam on Friday. Islamic State, which claimed both bombings, named "
     "the bomber in a statement.", "Islamic State"),
    ("A gunman killed five at a church in Kizlyar on Sunday. ISIS claimed him as one of its soldiers through "
     "its Amaq agency.", "ISIS"),
    ("A policeman was shot dead in Craigavon on Monday. The Continuity IRA said in a coded statement on Tuesday "
     "that its North Armagh battalion had shot him.", "Continuity IRA"),
    # a monitor that relays a claim makes none
    ("A bomb exploded at a festival in Isulan on Tuesday, killing two. A statement issued in the name of "
     "Islamic State's East Asia Province, reported on Wednesday by the SITE Intelligence Group, had claimed "
     "the bombing.", "Islamic State"),
])
def test_statements_more_ways_to_claim(extracted, text, claimant):
    # the claimant as the report names it
    claims = [s.by for s in main_incident(extracted(text, "2018-02-19")).statements if s.kind == "claim"]
    assert claims == [claimant]


@pytest.mark.slow
def test_places_a_name_on_a_mosque_is_no_town_abroad(extracted):
    text = ("GIZA, Egypt, Dec 10 (Wire) — A roadside bomb killed six policemen at a checkpoint in Giza on Friday. "
            "The group said its unit had struck two police positions near the Salam mosque.")
    article = extracted(text, "2016-12-10")
    assert {p.country_code for p in article.places} == {"EG"}


@pytest.mark.slow
@pytest.mark.parametrize("text, accused", [
    ("A gunman killed two officers in Hadera on Sunday. The gunman, named by police as Ayman Ighbariah, was "
     "shot dead at the scene.", {"Ayman Ighbariah"}),
    ("A gunman killed two people in Strasbourg on Tuesday. The suspected attacker, whom officials identified as "
     "Cherif Chekatt, fled.", {"Cherif Chekatt"}),
    # a victim named in passing is accused of nothing
    ("A gunman killed a policeman in Strasbourg on Tuesday. The officer, named by police as Jean Martin, was 40.",
     set()),
])
def test_statements_attackers_named_in_passing_are_accused(extracted, text, accused):
    found = {a for s in main_incident(extracted(text, "2018-12-12")).statements if s.kind == "accusation"
             for a in s.against}
    assert found == accused


@pytest.mark.slow
def test_incidents_a_nations_anniversary_is_no_recounting(extracted):
    text = ("YANGON, Jan 4 (Wire) — Rebels attacked four border police outposts early on Friday as Myanmar marked "
            "the 71st anniversary of its independence, killing at least nine members of the security forces.")
    article = extracted(text, "2019-01-04")
    main = main_incident(article)
    assert (main.role, main.date.value, main.killed.value) == ("main", "2019-01-04", 9)
    assert not [d for d in article.dates if d.counted_from]


@pytest.mark.slow
def test_incidents_a_mourning_headline_announces_the_killing_it_mourns(article_from):
    text = ("SAN DIEGO, Jan 20 (Wire) — For the reporters who crossed the border, he was the first call. He knew "
            "which streets were safe at which hour. On Monday the 49-year-old photographer became part of the "
            "story himself, shot dead outside his home in Tijuana.")
    article = article_from(text, "2022-01-20")
    article.title = "Reporters mourn the Tijuana photographer who showed them the city"
    assert main_incident(get_pipeline("default")(article)).type == "armed_assault"


@pytest.mark.slow
@pytest.mark.parametrize("text, killed", [
    ("Gunmen shot dead Sidhu Moose Wala, one of the best-known rap singers, near his home on Sunday.", 1),
    ("Attackers armed with machetes hacked to death Avijit Roy, a writer, near the university on Thursday.", 1),
    ("Singer Sidhu Moose Wala was shot dead in his car near his home on Sunday.", 1),
    ("The journalist Avijit Roy was hacked to death near the university on Thursday.", 1),
    # a speaker before the name is no title
    ("Police said Avijit Roy was hacked to death near the university on Thursday.", None),
])
def test_figures_one_named_person_killed(extracted, text, killed):
    main = main_incident(extracted(text, "2022-05-30"))
    assert (main.killed.value if main.killed else None) == killed


@pytest.mark.slow
@pytest.mark.parametrize("text, claimant", [
    ("A gunman killed 13 at a shrine in Shiraz on Wednesday. The Islamic State has claimed it.", "Islamic State"),
    ("A priest was killed at his church near Rouen on Tuesday, an attack that the Islamic State also claimed.",
     "Islamic State"),
    ("A bomber killed 72 in a park in Lahore on Sunday. Jamaat-ul-Ahrar said it had sent the bomber.",
     "Jamaat-ul-Ahrar"),
    ("Gunmen attacked a cafe in Jakarta on Thursday. The Islamic State claimed the Jan. 14 attack that day.",
     "Islamic State"),
    # refusals and other senses of "claimed it"
    ("A gunman killed seven on Friday. Hamas hailed the shooting, but neither group claimed it.", None),
    ("A gunman killed seven on Friday. No group has claimed it.", None),
])
def test_statements_claimed_it_and_other_short_claims(extracted, text, claimant):
    claims = [s.by for s in main_incident(extracted(text, "2016-01-15")).statements if s.kind == "claim"]
    assert claims == ([claimant] if claimant else [])


@pytest.mark.slow
def test_places_an_ambassadors_post_is_no_scene(extracted):
    from claimwatch.extract.incidents import _not_scene

    text = ("A suicide car bomb killed 27 Iranian Guards on Wednesday, officials said. They raised the attack "
            "with Pakistan's ambassador in Tehran.")
    article = extracted(text, "2019-02-16")
    (tehran,) = [p for p in article.places if p.city == "Tehran"]
    assert _not_scene(article, tehran)


@pytest.mark.slow
@pytest.mark.parametrize("text, killed", [
    # "a day after" has an attack of its own for object: what follows the comma is another incident
    ("The Guards commander warned Pakistan over the militants who killed 27 Guards in a suicide car bombing "
     "this week. A day after the Iranian attack, a suicide car bomber killed more than 40 Indian paramilitary "
     "police in Kashmir's Pulwama district.", 27),
    # the statement's day after the attack: the attack is the report's own
    ("India withdrew trade privileges from Pakistan on Friday, a day after a suicide car bomb killed 40 police "
     "in Pulwama district.", 40),
])
def test_incidents_a_day_after_another_attack_is_another_incident(extracted, text, killed):
    assert main_incident(extracted(text, "2019-02-16")).killed.value == killed
