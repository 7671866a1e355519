"""Rules the fifteenth session added after reading the accusations the held-out sets' reports make and the
pipeline missed (the largest miss of all fields), and the runs of heldout-92 to -95: a party described before
it is named ("fighters of the CODECO militia"), accusations that attribute, name or single out, a person
in court behind an aside, a reporter's generic description of a claimant's attackers, and a date the
clause gives its trigger nearer than a far one. Written for these tests."""

import pytest

from claimwatch.extract.incidents import is_background


def _accused(extracted, text: str, published: str = "2021-06-10") -> list[str]:
    return [name for s in extracted(text, published).statements if s.kind == "accusation" for name in s.against]


def _main(extracted, text: str, published: str):
    return next(i for i in extracted(text, published).incidents if i.role == "main")


@pytest.mark.slow
@pytest.mark.parametrize("text,party", [
    ("MAIDUGURI, Nigeria, June 10 (Wire) — Two bombers killed 20 people at a market on Wednesday. Nobody claimed "
     "the attack, which witnesses and police blamed on the jihadist group Boko Haram.", "Boko Haram"),
    ("BUNIA, Congo, June 10 (Wire) — Gunmen killed 18 people at a camp for displaced people on Wednesday. "
     "Residents blamed fighters of the CODECO militia.", "CODECO"),
    ("KINSHASA, June 10 (Wire) — The head of the UN mission condemned the attack on the Lala camp on Wednesday, "
     "attributing it to the CODECO militia.", "CODECO"),
    ("ZAMBOANGA, Philippines, June 10 (Wire) — A bomb killed two soldiers on Wednesday. An army spokesman said the "
     "attack was the work of an Abu Sayyaf faction.", "Abu Sayyaf"),
])
def test_a_party_described_before_its_name_is_accused(extracted, text, party):
    assert party in _accused(extracted, text)


@pytest.mark.slow
def test_a_group_named_as_the_killers_keeps_its_aside_out(extracted):
    text = ("LIMA, May 25 (Wire) — Peru's armed forces said on Tuesday that 16 people were killed in an attack on two "
            "bars, and named the Militarised Communist Party of Peru (MPCP), the faction that broke with Abimael "
            "Guzman, as the killers.")
    accused = _accused(extracted, text, "2021-05-25")
    assert "MPCP" in accused and not any("Guzman" in name for name in accused)


@pytest.mark.slow
def test_the_accused_in_court_stands_before_an_aside(extracted):
    text = ("CHRISTCHURCH, New Zealand, March 16 (Wire) — Gunmen killed 49 people at two mosques on Friday.\n\n"
            "Brenton Tarrant, a 28-year-old former fitness instructor from the New South Wales town of Grafton, "
            "appeared briefly in a Christchurch court on Saturday on one charge of murder.")
    accused = _accused(extracted, text, "2019-03-16")
    assert any("Tarrant" in name for name in accused) and "Grafton" not in accused


@pytest.mark.slow
def test_two_named_attackers_with_their_ages_are_both_accused(extracted):
    text = ("LONDON, June 5 (Wire) — Police on Monday identified two of the three men who killed seven people around "
            "London Bridge on Saturday night as Khuram Shazad Butt, 27, and Rachid Redouane, 30.")
    accused = _accused(extracted, text, "2017-06-05")
    assert any("Butt" in name for name in accused) and any("Redouane" in name for name in accused)


@pytest.mark.slow
def test_attackers_who_belonged_to_a_group_and_a_backer_after_it(extracted):
    raid = ("MAIDUGURI, Nigeria, June 10 (Wire) — Gunmen killed 20 farmers on Wednesday. Local militiamen said the "
            "raiders belonged to ISWAP.")
    assert any("ISWAP" in name or "West Africa" in name for name in _accused(extracted, raid))
    # guard: "belonged to" does not hide the "backed by" that follows it
    backed = ("TEHRAN, Dec 18 (Wire) — Gunmen killed 11 police officers in Rask on Friday. The minister told reporters "
              "the militants belonged to groups that are backed by Israel.")
    assert "Israel" in _accused(extracted, backed, "2023-12-18")


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    # the reporter's generic name for the attackers whom a group has claimed accuses nobody
    "QUETTA, Pakistan, March 12 (Wire) — Separatist gunmen blew up a railway track and stormed a passenger train "
    "in Balochistan on Tuesday, officials said. The Baloch Liberation Army claimed responsibility for the attack.",
    # a passive: the corporal is the victim, not the subject who shot
    "TEMUCO, Chile, March 12 (Wire) — A young police corporal was shot dead in an ambush on a rural road on Tuesday, "
    "the regional prosecutor said.",
])
def test_no_accusation_from_a_claimants_description_or_a_victim(extracted, text):
    assert _accused(extracted, text, "2025-03-12") == []


@pytest.mark.slow
def test_a_lead_dated_by_its_own_day_is_not_pushed_back_by_a_far_date_of_its_clause(extracted):
    text = ("CONKLIN, N.Y., May 16 (Wire) — The teenager accused of killing 10 people at a Buffalo supermarket on "
            "Saturday had been taken for a psychiatric evaluation last year, police said.")
    article = extracted(text, "2022-05-16")
    killing = next(m for m in article.events if m.trigger.text == "killing")
    assert not is_background(article, killing, None)


@pytest.mark.slow
@pytest.mark.parametrize("text,published,city", [
    # the city that holds a named suburb is not the scene
    ("DALLAS, May 7 (Wire) — A gunman killed eight people at an outlet mall in the Dallas suburb of Allen on "
     "Saturday afternoon, officials said.", "2023-05-07", "Allen"),
    # a town the sentence names as the site beats the city it names as what the county lies south of
    ("LOS ANGELES, May 15 (Wire) — A gunman opened fire on Sunday at a lunch held by a congregation in a church "
     "in Laguna Woods, in Orange County south of Los Angeles, killing one person.", "2022-05-15", "Laguna Woods"),
    # a state's attorney general says whose office acts, not where it happened
    ("ALBANY, New York, May 19 (Wire) — New York's attorney general opened an inquiry on Wednesday into the "
     "gunman who killed 10 people at a supermarket in Buffalo last Saturday.", "2022-05-19", "Buffalo"),
    # a suburb's name with its article particle
    ("BEIRUT, Nov. 14 (Wire) — Police arrested several suspects over the twin suicide attack that killed 43 people "
     "in the Shiite suburb of Burj el-Barajneh on Thursday, officials said.", "2015-11-14", "Burj el-Barajneh"),
])
def test_the_scene_is_the_named_locality_not_the_city_around_or_near_it(extracted, text, published, city):
    main = _main(extracted, text, published)
    assert main.location is not None and main.location.city == city


@pytest.mark.slow
@pytest.mark.parametrize("text,killed", [
    ("BUJUMBURA, Aug 15 (Wire) — Colonel Jean Bikomagu, who commanded Burundi's army in the first years of its "
     "civil war, was shot dead outside his home in the capital on Saturday, relatives said.", 1),
    ("BUJUMBURA, Aug 15 (Wire) — Gunmen opened fire on a car in the capital on Saturday. Colonel Jean Bikomagu, "
     "a retired army chief, was killed and his daughter was wounded, relatives said.", 1),
])
def test_one_named_person_killed_is_a_toll_of_one(extracted, text, killed):
    main = _main(extracted, text, "2015-08-15")
    assert (main.killed.value if main.killed else None) == killed


@pytest.mark.slow
def test_a_birth_year_dates_no_incident(extracted):
    # "the shooting" told with the gunman's birth year stays the report's incident, and so does the accusation
    text = ("SARAJEVO, April 28 (Wire) — A gunman burst into a police station in Zvornik on Monday evening and shot "
            "dead an officer.\n\nThe interior minister identified the gunman as Nerdin Ibric, born in 1991 in the "
            "village of Sapna near Zvornik, and called the shooting a terrible terrorist act.")
    article = extracted(text, "2015-04-28")
    assert [i.role for i in article.incidents] == ["main"]
    main = article.incidents[0]
    assert any("Ibric" in name for s in main.statements if s.kind == "accusation" for name in s.against)


@pytest.mark.slow
def test_a_man_detained_and_then_named_is_accused(extracted):
    text = ("BUGOJNO, Bosnia, June 27 (Wire) — A bomb exploded at the police station on Sunday, killing an officer. "
            "Police detained a local man, Haris Causevic, who was caught as he ran from the scene.")
    assert any("Causevic" in name for name in _accused(extracted, text, "2010-06-27"))


@pytest.mark.slow
@pytest.mark.parametrize("text", [
    "KUNMING, China, March 2 (Wire) — Attackers armed with knives killed 29 people at the railway station on "
    "Saturday night. At least 130 others were wounded. Police shot dead four of the attackers.",
    "BRUSSELS, Oct 5 (Wire) — A man stabbed two police officers on patrol in Schaerbeek on Wednesday. He ran off "
    "but was caught a short distance away by a second patrol, and he was shot in the leg before his arrest.",
    "WUERZBURG, Germany, July 19 (Wire) — A teenager attacked passengers on a regional train with an axe and a "
    "knife on Monday night, wounding five. A police unit that was nearby chased the youth and shot him.",
])
def test_the_forces_fire_at_the_attacker_is_no_weapon_of_the_attack(extracted, text):
    main = _main(extracted, text, "2016-07-19")
    assert "firearms" not in {w.category for w in main.weapons}


@pytest.mark.slow
def test_a_victim_told_as_he_was_shot_dead_keeps_the_firearms(extracted):
    # guard: "he" is the victim here; only how the police stopped an attacker is taken out
    text = ("PEMBA, Mozambique, March 29 (Wire) — Insurgents ambushed a convoy of contractors leaving a hotel in "
            "Palma on Friday. The family of a South African contractor said he was shot dead in the ambush.")
    main = _main(extracted, text, "2021-03-29")
    assert "firearms" in {w.category for w in main.weapons}


@pytest.mark.slow
def test_a_named_officer_who_died_of_his_wounds_in_a_later_paragraph_is_a_toll_of_one(extracted):
    text = ("MERSIN, Turkey, Sept 27 (Wire) — Two women attacked a police guesthouse on Monday night.\n\n"
            "Officer Sedat Gezer, 48, died of his wounds. Another officer was hurt.")
    main = _main(extracted, text, "2022-09-27")
    assert main.killed is not None and main.killed.value == 1
