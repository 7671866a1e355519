"""Tests for the weapons component: weapon mentions by category, and suicide cues."""
from __future__ import annotations

import json

import pytest

from claimwatch.errors import ExtractError
from claimwatch.extract.pipeline import REGISTRY
from claimwatch.extract.weapons import (
    VOCABULARY, WeaponMatcher, find_suicide_cues, find_weapons, make_weapons, read_vocabulary,
)
from claimwatch.model import WEAPON_CATEGORIES
from shared_data import need_shared


def _found(article) -> list[tuple[str, str]]:
    return [(weapon.category, weapon.detail) for weapon in find_weapons(article)]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("A car bomb exploded near the market.", [("explosives", "car bomb"), ("explosives", "exploded")]),
        ("Two suicide car bombs hit the embassies.", [("explosives", "car bombs")]),
        ("An IED was planted by the road.", [("explosives", "IED")]),
        ("Police defused an improvised explosive device.", [("explosives", "improvised explosive device")]),
        ("Two members activated their explosive vests.", [("explosives", "explosive vests")]),
        ("A live hand grenade landed near the stage.", [("explosives", "hand grenade")]),
        ("Mortar fire hit the district.", [("explosives", "Mortar fire")]),
        ("the terrorists used dynamite.", [("explosives", "dynamite")]),
        ("The blast destroyed the building.", [("explosives", "blast")]),
        ("A gunman opened fire on shoppers.", [("firearms", "gunman"), ("firearms", "opened fire")]),
        ("He carried an AK-47 and two pistols.", [("firearms", "AK-47"), ("firearms", "pistols")]),
        ("They were abducted at gunpoint.", [("firearms", "gunpoint")]),
        ("rebels attacked with machineguns and m-16 rifles.", [("firearms", "machineguns"), ("firearms", "m-16"),
                                                                ("firearms", "rifles")]),
        ("The hostage takers were armed with guns.", [("firearms", "guns")]),
        ("Rioters threw a Molotov cocktail at the station.", [("incendiary", "Molotov cocktail")]),
        ("A petrol bomb was thrown at the office.", [("incendiary", "petrol bomb")]),
        ("Attackers set the church on fire.", [("incendiary", "set the church on fire")]),
        ("Shops were burned in arson attacks.", [("incendiary", "arson")]),
        ("A man stabbed three people with a knife.", [("melee", "stabbed"), ("melee", "knife")]),
        ("They were hacked to death with machetes.", [("melee", "hacked to death"), ("melee", "machetes")]),
        ("The driver rammed a crowd of pedestrians.", [("vehicle", "rammed")]),
        ("He drove a truck into the crowd.", [("vehicle", "drove a truck into the crowd")]),
        ("Sarin gas was released in the subway.", [("chemical", "Sarin gas")]),
        ("The attackers used chlorine gas.", [("chemical", "chlorine gas")]),
        ("Protesters threw stones at police.", [("other", "threw stones")]),
        ("The minister spoke about the economy.", []),
        ("He said the plan was non-explosive.", []),
    ],
)
def test_weapons_categories(article_from, text, expected):
    assert _found(article_from(text)) == expected


@pytest.mark.parametrize(
    "text,detail",
    [
        ("The car\nbomb went off.", "car bomb"),
        ("An explosive\ndevice was found.", "explosive device"),
    ],
)
def test_weapons_detail_joins_lines(article_from, text, detail):
    (weapon,) = find_weapons(article_from(text))
    assert (weapon.detail, weapon.evidence.text) == (detail, text[weapon.evidence.start:weapon.evidence.end])


@pytest.mark.slow
@pytest.mark.parametrize(
    "text,cue",
    [
        ("A suicide bomber struck the market.", "suicide bomber"),
        ("It was a suicide attack.", "suicide attack"),
        ("A suicide car bomb hit the convoy.", "suicide car bomb"),
        ("The attacker blew himself up at the gate.", "blew himself up"),
        ("He detonated his explosive vest at the checkpoint.", "detonated his explosive vest"),
        ("Two of its members activated their explosive vests at the ceremony.", "activated their explosive vests"),
        ("The bomber was wearing an explosive belt.", "wearing an explosive belt"),
        ("He had explosives strapped to his body.", "explosives strapped to his body"),
        ("The group called it a martyrdom operation.", "martyrdom operation"),
        ("They were suicide attacks against the embassies.", "suicide attacks"),
        ("The bomber, who was not identified, blew himself up.", "blew himself up"),
    ],
)
def test_weapons_suicide_cues(nlp_article, text, cue):
    start = text.index(cue)
    assert [(span.start, span.end, span.text) for span in find_suicide_cues(nlp_article(text))] == [
        (start, start + len(cue), cue)
    ]


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "The gunman later committed suicide.",
        "The gunman killed himself after the shooting.",
        "These attacks were unlike suicide bombings in that the bombs were detonated remotely.",
        "Reports conflicted as to whether suicide bombers were involved.",
        "Police said it was not a suicide attack.",
        "The group has regularly attacked the capital with suicide bombers and gunmen.",
        "Until recently, suicide bombings were an unusual practice in the country.",
        "The bombs were strapped to two women and detonated remotely.",
    ],
)
def test_weapons_suicide_cues_skipped(nlp_article, text):
    assert find_suicide_cues(nlp_article(text)) == []


@pytest.mark.parametrize(
    "table",
    ["explosives\tbombs?\nweapons\tspears?\n", "firearms\n", "firearms\t\n"],
)
def test_weapons_vocabulary_rejects_bad_lines(table):
    with pytest.raises(ExtractError):
        read_vocabulary(table)


@pytest.mark.parametrize("table,text,expected", [
    ("# a comment\nexplosives\tbombs?\nexplosives\tbomb attacks?\n", "A bomb attack.", [("explosives", 2, 13)]),
])
def test_weapons_matcher_takes_longest_phrase(table, text, expected):
    assert list(WeaponMatcher(read_vocabulary(table)).finditer(text)) == expected


@pytest.mark.parametrize("name,requires,assigns", [("weapons", ("doc", "sentences"), ("weapons", "suicide_cues"))])
def test_weapons_registered(name, requires, assigns):
    info = REGISTRY[name]
    assert (info.requires, info.assigns) == (requires, assigns)


@pytest.mark.parametrize("categories", [WEAPON_CATEGORIES])
def test_weapons_vocabulary_covers_categories(categories):
    vocabulary = read_vocabulary(VOCABULARY.read_text(encoding="utf-8"))
    assert [category for category in categories if vocabulary[category]] == list(categories)


@pytest.mark.slow
def test_weapons_kerman_reference(nlp_article, kerman):
    text, _gold = kerman
    article = make_weapons()(nlp_article(text, "2024-01-04"))
    assert [(span.start, span.end, span.text) for span in article.suicide_cues] == [
        (2445, 2476, "activated their explosive vests")
    ]
    assert {weapon.category for weapon in article.weapons} == {"explosives"}
    assert all(text[w.evidence.start:w.evidence.end] == w.evidence.text for w in article.weapons)


def _wikinews(nlp_article):
    folder = need_shared("data", "wikinews")
    gold = [json.loads(line) for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    for record in gold:
        head, _, body = (folder / "articles" / f"{record['id']}.txt").read_text(encoding="utf-8").partition("\n---\n")
        title = next(line[len("TITLE: "):] for line in head.splitlines() if line.startswith("TITLE: "))
        yield record, make_weapons()(nlp_article(f"{title}\n\n{body}"))


# Quality floors on the 25 Wikinews articles: gold weapon categories all found in the text, and
# suicide cues found exactly where the gold says the attack was a suicide attack. Measured 25/25, 25/25.
WIKINEWS_FLOORS = {"weapons": 25, "suicide": 25}


@pytest.mark.slow
def test_weapons_wikinews_quality_gate(nlp_article):
    hits = {"weapons": 0, "suicide": 0}
    for record, article in _wikinews(nlp_article):
        hits["weapons"] += set(record["weapons"]) <= {weapon.category for weapon in article.weapons}
        hits["suicide"] += bool(article.suicide_cues) == (record["suicide"] is True)
    assert hits == WIKINEWS_FLOORS
