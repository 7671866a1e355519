"""Actor mentions: registry aliases, persons, official roles, states that act. A tiny registry built by hand."""
from __future__ import annotations

import pytest

from claimwatch.extract.actors import ActorsComponent, find_actors
from claimwatch.extract.registry import REGISTRY_PATH, parse_registry

TINY = {
    "version": 1,
    "sources": {},
    "actors": [
        {"id": "islamic-state", "name": "Islamic State", "kind": "organization", "aliases": ["IS", "ISIS"],
         "parent": None, "ambiguous": ["IS"]},
        {"id": "al-qaeda", "name": "al-Qaeda", "kind": "organization", "aliases": [], "parent": None},
        {"id": "aqap", "name": "al-Qaeda in the Arabian Peninsula", "kind": "organization", "aliases": ["AQAP"],
         "parent": "al-qaeda"},
        {"id": "taliban", "name": "Taliban", "kind": "organization", "aliases": ["Afghan Taliban"], "parent": None},
        {"id": "hezbollah", "name": "Hezbollah", "kind": "organization", "aliases": [], "parent": None},
        {"id": "awami-national-party", "name": "Awami National Party", "kind": "organization", "aliases": ["ANP"],
         "parent": None, "ambiguous": ["ANP"]},
        {"id": "united-states", "name": "United States", "kind": "state", "aliases": ["U.S.", "US", "Washington"],
         "parent": None, "ambiguous": ["US", "Washington"]},
        {"id": "iran", "name": "Iran", "kind": "state", "aliases": ["Tehran"], "parent": None, "ambiguous": ["Tehran"]},
        {"id": "israel", "name": "Israel", "kind": "state", "aliases": [], "parent": None},
    ],
}


@pytest.fixture(scope="module")
def registry():
    return parse_registry(TINY)


def _mentions(article):
    return [(actor.name, actor.kind, actor.evidence.text) for actor in article.actors]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "The Islamic State on Thursday used one of its channels on the messaging platform Telegram to claim it.",
            [("Islamic State", "organization", "Islamic State")],
        ),
        ("IS claimed the attack.", [("Islamic State", "organization", "IS")]),
        ("THE DEAL IS DONE.", []),
        ("AQAP claimed the bombing.", [("al-Qaeda in the Arabian Peninsula", "organization", "AQAP")]),
    ],
)
def test_actors_registry_aliases_correct_spacy(nlp_article, registry, text, expected):
    article = ActorsComponent(registry)(nlp_article(text))
    assert _mentions(article) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Iranian officials blamed the U.S. and Israel for the attack.",
            [("Iranian officials", "group", "Iranian officials"), ("United States", "state", "U.S."),
             ("Israel", "state", "Israel")],
        ),
        ("He was killed by a U.S. drone strike in Iraq.", []),
        ("The summit took place in Washington.", []),
        ("Washington blamed Tehran for the attack.", [("United States", "state", "Washington"), ("Iran", "state", "Tehran")]),
    ],
)
def test_actors_states_count_where_they_act(nlp_article, registry, text, expected):
    article = ActorsComponent(registry)(nlp_article(text))
    assert _mentions(article) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "Hezbollah leader Hassan Nasrallah spoke. Later, Nasrallah said more.",
            [("Hezbollah", "organization", "Hezbollah"), ("Hassan Nasrallah", "individual", "Hassan Nasrallah"),
             ("Hassan Nasrallah", "individual", "Nasrallah")],
        ),
        (
            "Pakistan's Interior Minister Rehman Malik said Islamist militants were likely suspects.",
            [("Rehman Malik", "individual", "Rehman Malik"), ("Islamist militants", "group", "Islamist militants")],
        ),
    ],
)
def test_actors_persons_take_their_full_name(nlp_article, registry, text, expected):
    article = ActorsComponent(registry)(nlp_article(text))
    assert _mentions(article) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,expected",
    [
        ("Police said a Taliban spokesman confirmed it.", [("Police", "state_agency", "Police"), ("Taliban", "organization", "Taliban")]),
        ("Islamist militants attacked the convoy, and militants fled.", [("Islamist militants", "group", "Islamist militants")]),
        (
            "The interior ministry and the army said the security forces were deployed.",
            [("interior ministry", "state_agency", "interior ministry"), ("army", "state_agency", "army"),
             ("security forces", "state_agency", "security forces")],
        ),
        ("However Somali officials called the attack small.", [("Somali officials", "group", "Somali officials")]),
    ],
)
def test_actors_official_roles(nlp_article, registry, text, expected):
    article = ActorsComponent(registry)(nlp_article(text))
    assert _mentions(article) == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "The MQM accused the Awami National Party (ANP) of supporting them. The ANP denied it.",
            [("Awami National Party", "ANP", 42), ("Awami National Party", "ANP", 71)],
        ),
    ],
)
def test_actors_ambiguous_alias_resolved_by_full_name(nlp_article, registry, text, expected):
    article = ActorsComponent(registry)(nlp_article(text))
    found = [(a.name, a.evidence.text, a.evidence.start) for a in article.actors if a.evidence.text == "ANP"]
    assert found == expected


@pytest.mark.slow
@pytest.mark.parametrize("text,parent", [("AQAP claimed the bombing.", "al-Qaeda")])
def test_actors_parent_from_registry(nlp_article, registry, text, parent):
    (actor,) = ActorsComponent(registry)(nlp_article(text)).actors
    assert (actor.actor_id, actor.parent) == ("aqap", parent)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The Taliban and al-Qaeda met.", [("Taliban", "organization", "Taliban"), ("al-Qaeda", "organization", "al-Qaeda")]),
        ("Israel denied it.", [("Israel", "state", "Israel")]),
        ("It happened in Israel.", []),
    ],
)
def test_actors_without_spacy_use_the_registry(article_from, registry, text, expected):
    article = article_from(text)
    assert [(a.name, a.kind, a.evidence.text) for a in find_actors(article, registry)] == expected


@pytest.mark.slow
@pytest.mark.parametrize("start,end,name", [(59, 72, "Islamic State"), (2297, 2301, "United States")])
def test_actors_kerman_evidence_is_exact(nlp_article, kerman, start, end, name):
    if not REGISTRY_PATH.exists():
        pytest.skip(f"{REGISTRY_PATH} is absent")
    text, _gold = kerman
    article = ActorsComponent()(nlp_article(text, "2024-01-04"))
    (actor,) = [a for a in article.actors if a.evidence.start == start]
    assert (actor.name, actor.evidence.end, actor.evidence.text) == (name, end, text[start:end])


REGIONAL = {
    **TINY,
    "actors": [
        *TINY["actors"],
        {"id": "ukraine", "name": "Ukraine", "kind": "state", "aliases": ["Kyiv"], "parent": None, "ambiguous": ["Kyiv"]},
    ],
}


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,expected",
    [
        ("State television pointed the finger at Kyiv, which flatly denied it.", [("Ukraine", "state", "Kyiv")]),
        ("The delegation arrived at Kyiv on Monday.", []),
    ],
)
def test_actors_ambiguous_capital_acts_when_accused(nlp_article, text, expected):
    article = ActorsComponent(parse_registry(REGIONAL))(nlp_article(text))
    assert [(a.name, a.kind, a.evidence.text) for a in article.actors if a.kind == "state"] == expected


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,surface,parent",
    [
        ("Ukraine's foreign ministry rejected the claim.", "Ukraine's foreign ministry", "Ukraine"),
        ("Iranian officials blamed the attack on Israel.", "Iranian officials", "Iran"),
        ("Local police said two men were arrested.", "Local police", None),
    ],
)
def test_actors_role_names_its_state(nlp_article, registry, text, surface, parent):
    article = ActorsComponent(registry)(nlp_article(text))
    (actor,) = [a for a in article.actors if a.evidence.text == surface]
    assert actor.parent == parent
