"""Rules that the nineteenth and twentieth held-out sets' blind runs called for: an age after a name
is no dateline, a participle before its noun ("murdered candidate") takes no date from its sentence,
"a day after gunmen killed" points back a day, a sentence that opens with a person's name and an
apposition counts one dead, "was shot three times" is a shooting (but "was shot by police" is the
attacker stopped), and a pronoun never refers back to the dateline. All texts are written for these
tests."""
import pytest

from shared_data import main_incident


@pytest.mark.slow
def test_places_an_age_after_a_name_is_no_dateline(extracted):
    text = ("QUITO, Aug 9 (Wire) — Gunmen killed the presidential candidate Fernando Villavicencio at a rally "
            "in Quito on Wednesday.\n\nVillavicencio, 59, had just left a school when he was hit.")
    article = extracted(text, "2023-08-09")
    assert "Villavicencio" not in {p.name for p in article.places}
    assert "Quito" in {p.city for p in article.places}


@pytest.mark.slow
def test_places_a_muc_style_dateline_with_a_day_and_month_is_still_one(extracted):
    article = extracted("Lima, 20 Aug 88 (EFE) -- Guerrillas blew up a power pylon in the city on Friday.", "1988-08-20")
    assert any(p.city == "Lima" for p in article.places)


@pytest.mark.slow
def test_incidents_an_attributive_participle_takes_no_date_from_its_sentence(extracted):
    text = ("The party of murdered presidential candidate Fernando Villavicencio named a new candidate on Sunday. "
            "Villavicencio was shot three times in the head as he left a rally in Quito last Wednesday.")
    main = main_incident(extracted(text, "2023-08-13"))
    assert main.type == "armed_assault"
    assert main.date.value == "2023-08-09"


@pytest.mark.slow
def test_incidents_a_day_after_points_back_from_the_clause_date(extracted):
    text = ("The president declared a state of emergency on Monday in two coastal provinces, a day after gunmen "
            "killed the mayor of Manta.")
    main = main_incident(extracted(text, "2023-07-24"))
    assert main.date.value == "2023-07-23"
    assert "a day after" in main.date.evidence.text


@pytest.mark.slow
@pytest.mark.parametrize("text,expected", [
    ("QUITO, Aug 9 (Wire) — Fernando Villavicencio, a presidential candidate who exposed corruption, was shot dead "
     "as he left a rally on Wednesday.", [("killed", 1)]),
    # two names are not one
    ("Maria Lopez and Juan Perez, both local councillors, were shot dead on Wednesday.", []),
])
def test_figures_a_named_subject_and_its_apposition_is_one_killed(extracted, text, expected):
    article = extracted(text, "2023-08-09")
    assert [(f.kind, f.value) for f in article.figures if f.kind == "killed"] == expected


@pytest.mark.slow
@pytest.mark.parametrize("text,shooting", [
    ("The mayor was shot several times while visiting a building site on Sunday.", True),
    ("A man with a knife attacked worshippers in a church. He was shot by municipal police inside the church.", False),
    ("A drone was shot down over the border on Sunday.", False),
])
def test_events_a_passive_shot_is_a_shooting_unless_by_police_or_down(extracted, text, shooting):
    article = extracted(text, "2023-07-23")
    triggers = [m.trigger.text for m in article.events if m.type == "armed_assault"]
    assert any(t.startswith("was shot") for t in triggers) is shooting


@pytest.mark.slow
def test_statements_a_pronoun_never_refers_back_to_the_dateline(extracted):
    text = ("QUITO, Aug 10 (Wire) — Police are holding six men over the killing of a presidential candidate.\n\n"
            "In a first video, hooded men said they belonged to a gang and claimed the killing.")
    article = extracted(text, "2023-08-10")
    claimants = {s.by for s in article.statements if s.kind == "claim"}
    assert "QUITO" not in claimants
