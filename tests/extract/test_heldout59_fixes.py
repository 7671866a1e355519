"""Rules that the fifty-ninth to sixty-first held-out sets' blind runs called for: who a speaker names as
the attackers ("said the attack had been carried out by remnants of X", "said X had set off the bomb",
"X ambushed a patrol ..., police said"), never a state's own forces. Written for these tests."""

import pytest


@pytest.mark.parametrize("text,accused", [
    ("The army spokesman said in a statement that the bombing had been carried out by remnants of Boko Haram "
     "who had fled the forest.", ["Boko Haram"]),
    ("Police said Tamil Tiger rebels had set off the bomb on the crowded bus near the town.",
     ["Liberation Tigers of Tamil Eelam"]),
    ("Hundreds of Maoist rebels ambushed paramilitary troopers guarding a road site on Monday, killing 24 of them, "
     "officials said.", ["Communist Party of India (Maoist)"]),
    # a state's own forces: an operation, not an accusation
    ("Troops ambushed a rebel column near the border on Monday, killing 12 fighters, the army said.", []),
    # "carried out" needs an attack for its object
    ("The ministry said the army had carried out security checks across the province after the bombing.", []),
    # "a Uighur" describes the bomber; it names no party
    ("The group said the bombing had been carried out by a Uighur from the region.", []),
])
def test_statements_a_speaker_names_who_did_it(extracted, text, accused):
    article = extracted(text, "2017-04-24")
    assert [name for s in article.statements if s.kind == "accusation" for name in s.against] == accused


def test_events_overran_is_an_attack():
    from claimwatch.extract.events import TRIGGER

    assert [m.group() for m in TRIGGER.finditer("Islamist fighters overran an army base at dawn.")] == ["overran"]


@pytest.mark.slow
def test_after_followed_the_seizure_of_a_town_the_date_and_place_are_the_earlier_incidents(extracted):
    text = ("PEMBA, Mozambique, March 31 (Wire) — Families who fled the coastal town of Metuge said they would not go "
            "home soon.\n\n"
            "Six police officers were killed when insurgents attacked the town.\n\n"
            "The attack followed the seizure of Montepuez, farther inland, on March 23.")
    main = [i for i in extracted(text, "2020-03-31").incidents if i.role == "main"][0]
    assert main.date is None or main.date.value != "2020-03-23"
    assert main.location is None or main.location.city != "Montepuez"


@pytest.mark.parametrize("text,expected", [
    ("Ain Defla was a stronghold of armed groups during the conflict of the 1990s, in which an estimated 200,000 "
     "people died. Gunmen killed 11 soldiers on Friday.", [11]),
])
def test_figures_a_wars_dead_counted_before_the_figure(nlp_article, text, expected):
    from claimwatch.extract.figures import find_figures

    assert [f.value for f in find_figures(nlp_article(text, "2015-07-18")) if f.kind == "killed"] == expected


@pytest.mark.slow
def test_a_date_before_as_officials_said_is_not_the_attacks(extracted):
    text = ("KAIROUAN, Tunisia, May 29 (Wire) — Families in this city mourned two young policemen on Thursday, as "
            "judicial officials said militants were among the masked men who stormed the home of the minister.")
    date = [i for i in extracted(text, "2014-05-29").incidents if i.role == "main"][0].date
    assert date is None or date.value != "2014-05-29"


@pytest.mark.slow
def test_the_claimed_bombing_is_the_reports_own_whatever_the_claims_day(extracted):
    text = ("ROME, Jan 11 (Wire) — Wounded recruits from last Thursday's truck bombing of a police camp in Zliten "
            "were flown to Rome on Monday.\n\n"
            "Islamic State claimed the bombing on Friday.")
    article = extracted(text, "2016-01-11")
    assert [i.role for i in article.incidents] == ["main"]
    assert article.incidents[0].date.value == "2016-01-07"
    assert [(s.kind, s.by) for s in article.incidents[0].statements] == [("claim", "Islamic State")]


def test_statements_a_bomber_from_its_ranks_is_a_claim(nlp_article):
    from claimwatch.extract.actors import find_actors
    from claimwatch.extract.registry import load_registry
    from claimwatch.extract.statements import find_statements

    article = nlp_article("The Islamic State group has said that a suicide bomber from its ranks carried out the attack.",
                          "2016-07-04")
    article.actors = find_actors(article, load_registry())
    assert [(s.kind, s.by) for s in find_statements(article, load_registry())] == [("claim", "Islamic State")]


def test_events_a_driver_taken_for_a_suicide_bomber_is_no_bombing():
    from claimwatch.extract.events import find_events
    from claimwatch.model import Article, Span

    text = "Soldiers fired on a car after they took its driver for a suicide bomber."
    article = Article(id="t", text=text)
    article.sentences = [Span.of(text, 0, len(text))]
    assert [(e.trigger.text, e.negated) for e in find_events(article) if "bomber" in e.trigger.text] == [
        ("suicide bomber", True)]


@pytest.mark.slow
def test_a_date_opening_a_sentence_of_attacks_dates_the_attacks_after_it(extracted):
    text = ("ADEN, Aug 2 (Wire) — Gunmen stormed an army base in Abyan province on Friday, killing 19 soldiers.\n\n"
            "On Thursday a missile fired by the rebels hit a parade in Aden, killing dozens of recruits, and a "
            "suicide car bombing claimed by Islamic State struck a police station in the Sheikh Othman district.")
    article = extracted(text, "2019-08-02")
    main = [i for i in article.incidents if i.role == "main"][0]
    assert main.date.value == "2019-08-02" and not any(s.kind == "claim" for s in main.statements)
    assert {i.date.value for i in article.incidents if i.role == "background"} == {"2019-08-01"}


@pytest.mark.parametrize("text,expected", [
    ("The mayor said no one had lost their life, after early accounts on social media spoke of one dead.", [0]),
    ("Officials said one person was killed.", [1]),
])
def test_figures_nobody_lost_their_life_corrects_early_accounts(nlp_article, text, expected):
    from claimwatch.extract.figures import find_figures

    assert [f.value for f in find_figures(nlp_article(text, "2023-09-22")) if f.kind == "killed"] == expected


@pytest.mark.slow
def test_a_verb_whose_subject_is_a_recalled_bomb_tells_of_that_bomb(extracted):
    text = ("JAMUNDI, Colombia, Sept 22 (Wire) — A car bomb blew up outside the police station in Potrerito on "
            "Friday, wounding 10 people.\n\n"
            "The blast came two days after a car bomb near the police station in Timba, in neighbouring Cauca "
            "department, killed a teacher and a young man.")
    article = extracted(text, "2023-09-22")
    main = [i for i in article.incidents if i.role == "main"][0]
    assert main.killed is None or main.killed.value == 0


@pytest.mark.parametrize("text,found", [
    ("The fighters held Quissanga for several hours, destroying the police command.", ["held Quissanga for several hours"]),
    ("Police held the suspect for several hours before releasing him.", []),
])
def test_events_a_town_held_for_hours_is_an_attack(text, found):
    from claimwatch.extract.events import TRIGGER

    assert [m.group() for m in TRIGGER.finditer(text) if m.group().startswith("held")] == found


@pytest.mark.slow
@pytest.mark.parametrize("text,city", [
    # a town the gazetteer does not hold, named by the trigger's own locative phrase, in a known country
    ("TUNIS, July 17 (Wire) — Militants attacked two army checkpoints on Mount Chaambi near the border on "
     "Wednesday evening, killing four soldiers.\n\nThe posts stand in Kasserine province, the ministry said.",
     "Mount Chaambi"),
    # a road is a site in a town, not the town
    ("Gunmen attacked a convoy on Route 60 in the West Bank on Thursday, killing two soldiers.", None),
])
def test_an_unlisted_town_named_by_the_trigger_is_the_scene(extracted, text, city):
    location = [i for i in extracted(text, "2014-07-17").incidents if i.role == "main"][0].location
    assert (location.city if location else None) == city


def test_statements_a_name_before_as_the_group_calls_itself_is_the_claimant(nlp_article):
    from claimwatch.extract.actors import find_actors
    from claimwatch.extract.registry import load_registry
    from claimwatch.extract.statements import find_statements

    text = ("Troops of the African Union moved back into the town. Harakat al-Shabaab al-Mujahideen, as the group "
            "calls itself, said on its radio station that it had seized the town and the base.")
    article = nlp_article(text, "2015-06-29")
    article.actors = find_actors(article, load_registry())
    assert [(s.kind, s.by) for s in find_statements(article, load_registry())] == [("claim", "al-Shabaab")]
