"""Rules that the seventy-sixth to seventy-ninth held-out sets' runs called for: a background incident
never takes the main incident's own date phrase; a statement's date is the one its reporting verb
follows; a lead whose only incident is a killing told with a toll, weeks old, is a follow-up of that
killing; a statement or a publication made after the incident does not push a retelling of it into
the background. Written for these tests."""

import pytest


def _main(extracted, text: str, published: str):
    """The main incident the default pipeline finds in a report built by hand."""
    return next(i for i in extracted(text, published).incidents if i.role == "main")


@pytest.mark.slow
@pytest.mark.parametrize("text,background_day", [
    # the other bombing is only "less than a month" before: it takes no day from the main's phrase
    ("ANKARA, March 13 (Wire) — A car bomb exploded beside crowded bus stops in the capital on Sunday evening, "
     "killing 34 people, less than a month after another deadly bombing in the city.", None),
    # guard: a background incident with a day of its own keeps it
    ("ANKARA, March 13 (Wire) — A car bomb exploded beside crowded bus stops in the capital on Sunday evening, "
     "killing 34 people.\n\nOn Feb. 17, a car bomb aimed at military buses killed 29 people nearby.", "2016-02-17"),
])
def test_a_background_incident_never_takes_the_main_incidents_date_phrase(extracted, text, background_day):
    article = extracted(text, "2016-03-13")
    main = [i for i in article.incidents if i.role == "main"][0]
    background = [i for i in article.incidents if i.role == "background"]
    assert main.date is not None and main.date.value == "2016-03-13"
    assert background and (background[0].date.value if background[0].date else None) == background_day


INQUIRY = ("NAIROBI, Kenya, July 21 (Wire) — A rights group on Thursday called on Ethiopia to open an inquiry into "
           "the killing of more than 400 residents of Tole, in Oromia's West Wellega zone, on June 18, saying "
           "survivors blamed the Oromo Liberation Army.\n\n"
           "The group said it had interviewed ten people.\n\n"
           "A woman who was shot while ploughing said the attackers burned her home.")


@pytest.mark.slow
def test_a_statement_is_dated_by_the_day_its_reporting_verb_follows(extracted):
    article = extracted(INQUIRY, "2022-07-21")
    accusations = [s for s in article.statements if s.kind == "accusation"]
    assert accusations and accusations[0].date == "2022-07-21"


@pytest.mark.slow
def test_a_lead_that_tells_a_weeks_old_killing_with_its_toll_is_a_follow_up_of_it(extracted):
    main = _main(extracted, INQUIRY, "2022-07-21")
    assert main.date is not None and main.date.value == "2022-06-18"
    assert main.location is not None and main.location.country_code == "ET"


@pytest.mark.slow
@pytest.mark.parametrize("released", [
    "In its weekly newspaper al-Naba, released on Thursday, the group",  # a publication's day
    "In a statement on Thursday, the group",  # a statement's day, after the attack
])
def test_a_later_statement_does_not_make_the_retelling_background(extracted, released):
    text = ("PARIS, Sept 17 (Wire) — The Islamic State has claimed the killing of six French aid workers and two "
            "Nigerien companions at a giraffe reserve in Niger last month.\n\n"
            f"{released} described a raid near Koure on Aug. 9, in which its fighters killed eight people.")
    main = _main(extracted, text, "2020-09-17")
    assert main.date is not None and main.date.value == "2020-08-09"


@pytest.mark.slow
def test_a_later_death_does_not_date_the_shooting(extracted):
    text = ("YAOUNDE, Oct 26 (Wire) — Cameroon's government has blamed separatist fighters for Saturday's attack on "
            "a school in Kumba.\n\n"
            "A 12-year-old boy who was shot in the stomach died in hospital on Sunday, relatives said, a day after "
            "gunmen opened fire on a class at the school.")
    main = _main(extracted, text, "2020-10-26")
    assert main.date is not None and main.date.value == "2020-10-24"


@pytest.mark.slow
@pytest.mark.parametrize("said,city", [
    ("President Erdogan said in this Russian city, where he is attending a summit", "Ankara"),
    ("and the gunmen fled the city, police in this Russian city said", "Kazan"),  # guard: the scene is here
])
def test_the_here_of_a_statement_is_where_it_was_made(extracted, said, city):
    text = ("KAZAN, Russia, Oct 23 (Wire) — Two attackers set off explosives and opened fire at the headquarters of "
            f"a defence company on the outskirts of {'Ankara' if city == 'Ankara' else 'the city'} on Wednesday "
            f"afternoon, killing four people, {said}.")
    main = _main(extracted, text, "2024-10-23")
    assert main.location is not None and main.location.city == city


def test_places_a_partys_name_is_no_place(nlp_article):
    from claimwatch.extract.places import find_places

    text = ("A statement carried by a news agency close to the Kurdistan Workers' Party said its fighters had "
            "carried out the attack in Ankara.")
    names = [p.name for p in find_places(nlp_article(text, "2023-10-02"))]
    assert "Kurdistan" not in names and "Ankara" in names


@pytest.mark.slow
def test_the_town_the_trigger_names_stays_the_scene_when_later_a_landmark(extracted):
    text = ("BERLIN, Dec 20 (Wire) — A driver steered a car at speed into the crowds at the Christmas market in the "
            "eastern German city of Magdeburg on Friday evening, killing two people.\n\n"
            "The suspect worked as a doctor in Bernburg, a town south of Magdeburg.")
    main = _main(extracted, text, "2024-12-20")
    assert main.location is not None and main.location.city == "Magdeburg"


@pytest.mark.slow
def test_a_reprisal_hours_after_an_attack_is_its_own_incident(extracted):
    text = ("RAMALLAH, West Bank, Feb 27 (Wire) — Hundreds of settlers rampaged through the town of Hawara late on "
            "Sunday, torching houses and cars, hours after a gunman killed two brothers as they drove through the "
            "town.")
    incidents = extracted(text, "2023-02-27").incidents
    main = [i for i in incidents if i.role == "main"][0]
    assert main.evidence[0].text == "rampaged" and main.killed is None
    assert any(i.role == "background" and i.killed is not None and i.killed.value == 2 for i in incidents)


@pytest.mark.parametrize("text,found", [
    ("A farmer was found dead near his field hut in Poso regency on Sunday, his body covered with cuts.", True),
    ("A retired teacher was found dead at his home on Sunday; relatives said he had been ill.", False),
])
def test_events_a_body_found_with_wounds_is_an_attack(text, found):
    from claimwatch.extract.events import find_events
    from claimwatch.model import Article, Span

    article = Article(id="t", text=text)
    article.sentences = [Span(0, len(text), text)]
    assert any(m.trigger.text == "found dead" for m in find_events(article)) is found


@pytest.mark.slow
def test_a_named_groups_attack_hours_before_is_another_incident(extracted):
    text = ("BAQUBA, Iraq, Oct 27 (Wire) — Gunmen attacked Nahr al-Imam, a mainly Sunni village in the Muqdadiyah "
            "district of Iraq's Diyala province, early on Wednesday, killing at least seven people and setting fire "
            "to orchards, homes and vehicles, a security source said.\n\n"
            "The attack came hours after Islamic State militants killed at least 11 people in al-Rashad, the "
            "neighbouring Shi'ite village, on Tuesday evening, and local officials said they feared a spiral of "
            "revenge killings.")
    main = _main(extracted, text, "2021-10-27")
    assert main.killed is not None and main.killed.value == 7


@pytest.mark.slow
def test_an_offset_reaches_its_verb_across_an_apposition(extracted):
    text = ("ALMATY, Kazakhstan, Aug 2 (Wire) — Two more police officers wounded in the July 18 attack on a police "
            "station in Almaty have died in hospital, bringing the toll to eight, the authorities said on Tuesday.\n\n"
            "The officers died on Monday, two weeks after Ruslan Kulekbayev, a 26-year-old former convict, opened "
            "fire at the district police department.")
    main = _main(extracted, text, "2016-08-02")
    assert main.date is not None and main.date.value == "2016-07-18"



@pytest.mark.slow
def test_an_offset_after_a_bare_name_dates_nothing_back(extracted):
    """Guard: "two days after Mocimboa, fighters overran Quissanga": no apposition, the verb's day stands."""
    text = ("PEMBA, Mozambique, March 27 (Wire) — Insurgents attacked the town of Mocimboa da Praia on Monday, "
            "killing two women.\n\n"
            "On Wednesday, two days after Mocimboa, fighters overran Quissanga, a district capital farther south, "
            "and six members of the security forces were killed.")
    overran = [i for i in extracted(text, "2020-03-27").incidents if i.evidence[0].text == "overran"]
    assert overran and overran[0].date is not None and overran[0].date.value == "2020-03-25"
