"""Rules that the fifty-sixth to fifty-eighth held-out sets' blind runs called for: a conflict's running total
counted "since the fighting resumed", a date inside the attack's own clause before the reporting verb,
"last week" against an incident of this week, towns outvoting countries named as parties, and group names
joined by a linking particle. Written for these tests."""

import pytest

from shared_data import main_incident


@pytest.mark.parametrize("text,expected", [
    ("A bomb killed three officers on Thursday. More than 600 members of the security forces have been killed "
     "since the fighting resumed, the agency said.", [3]),
    ("More than 40 soldiers have died since the truce collapsed. On Monday a mine killed two.", [2]),
    # a comparison, not a running total: the figure stays
    ("Fighters attacked a camp on Tuesday, killing 71 soldiers in the deadliest assault on the army since jihadist "
     "violence spilled over the border.", [71]),
])
def test_figures_a_running_total_since_the_fighting_resumed(nlp_article, text, expected):
    from claimwatch.extract.figures import find_figures

    article = nlp_article(text, "2016-08-18")
    assert [f.value for f in find_figures(article) if f.kind == "killed"] == expected


@pytest.mark.slow
def test_a_date_in_the_attacks_clause_is_not_the_accusations(extracted):
    text = ("SIRNAK, Turkey, Aug 26 (Wire) — A suicide bomber set off a truck laden with explosives at a checkpoint in "
            "the town of Cizre early on Friday, killing 11 police officers, the governor's office said, blaming "
            "Kurdish militants.\n\nThe bombing came two days after Turkish tanks crossed into Syria on Wednesday.")
    article = extracted(text, "2016-08-26")
    assert main_incident(article).date.value == "2016-08-26"
    accusations = [s for s in article.statements if s.kind == "accusation"]
    assert accusations and all(s.date_evidence is None or s.date_evidence.text != "early on Friday" for s in accusations)


@pytest.mark.slow
def test_last_week_is_another_incident_than_this_weeks(extracted):
    text = ("SIRNAK, Turkey, Aug 26 (Wire) — A suicide bomber set off a truck at a checkpoint in the town of Cizre "
            "early on Friday, killing 11 police officers and wounding 78 people.\n\n"
            "Last week a bomb-laden vehicle exploded outside the police headquarters in Elazig, killing three "
            "officers and wounding more than 200 people.")
    article = extracted(text, "2016-08-26")
    main = main_incident(article)
    assert (main.killed.value, main.wounded.value) == (11, 78)
    assert [i.location.city for i in article.incidents if i.role == "background"] == ["Elazig"]


@pytest.mark.slow
def test_a_town_outvotes_a_country_named_as_a_party(extracted):
    text = ("PESHAWAR, Pakistan, Dec 19 (Wire) — Officials opened talks with militant leaders in Afghanistan to end a "
            "standoff at a detention centre in the northwestern town of Bannu, where prisoners seized weapons late "
            "on Sunday and took their guards hostage.\n\n"
            "In a video, a masked man demanded safe passage to Afghanistan for himself and his comrades.\n\n"
            "Mobile internet was suspended in Bannu.")
    article = extracted(text, "2022-12-19")
    location = main_incident(article).location
    assert (location.country_code, location.city) == ("PK", "Bannu")


@pytest.mark.parametrize("text,name", [
    ("A little-known group calling itself Jaish-e-Fursan-e-Muhammad claimed responsibility for the attack.",
     "Jaish-e-Fursan-e-Muhammad"),
    ("Officials said the Tehreek-i-Jihad Pakistan, which claimed the attack, was an offshoot of the Taliban.",
     "Tehreek-i-Jihad Pakistan"),
])
def test_actors_a_group_name_joined_by_a_particle_is_one_party(nlp_article, text, name):
    from claimwatch.extract.actors import find_actors
    from claimwatch.extract.registry import load_registry

    actors = find_actors(nlp_article(text, "2024-03-17"), load_registry())
    assert [(a.name, a.kind) for a in actors if "-" in a.evidence.text] == [(name, "organization")]


@pytest.mark.slow
def test_a_date_after_followed_a_dates_the_earlier_incident(extracted):
    text = ("SRINAGAR, Feb 13 (Wire) — Security forces killed two militants who had tried to raid a paramilitary camp "
            "in Srinagar and then held out in a building for 30 hours.\n\n"
            "The siege also followed a three-day battle at an army camp in Jammu that began on Saturday.")
    date = main_incident(extracted(text, "2018-02-13")).date
    assert date is None or date.value != "2018-02-10"


@pytest.mark.parametrize("text,claimants", [
    ("Al-Shabaab said on its Radio Andalus station that its fighters had taken full control of the camp.", ["al-Shabaab"]),
    ("Somalia's al-Shabaab said it killed 57 Kenyan soldiers and captured their base at Kulbiyow.", ["al-Shabaab"]),
    # a state's forces counting their kills report an operation; they claim no attack
    ("The Ugandan army said it killed 11 militants in a night operation on the lake.", []),
])
def test_statements_a_group_that_says_it_killed_or_took_a_base_claims_it(nlp_article, text, claimants):
    from claimwatch.extract.actors import find_actors
    from claimwatch.extract.registry import load_registry
    from claimwatch.extract.statements import find_statements

    article = nlp_article(text, "2017-01-27")
    article.actors = find_actors(article, load_registry())
    assert [s.by for s in find_statements(article, load_registry()) if s.kind == "claim"] == claimants
