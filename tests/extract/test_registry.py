"""The actor registry: loading, normalised look-up, parents, alias search. A tiny registry built by hand."""
from __future__ import annotations

import json

import pytest

from claimwatch.errors import ExtractError
from claimwatch.extract.registry import REGISTRY_PATH, load_registry, parse_registry

TINY = {
    "version": 1,
    "sources": {"hand": "written for these tests"},
    "actors": [
        {"id": "islamic-state", "name": "Islamic State", "kind": "organization",
         "aliases": ["IS", "ISIS", "Daesh"], "parent": None, "ambiguous": ["IS"]},
        {"id": "al-qaeda", "name": "al-Qaeda", "kind": "organization", "aliases": ["al Qaeda"], "parent": None},
        {"id": "aqap", "name": "al-Qaeda in the Arabian Peninsula", "kind": "organization",
         "aliases": ["AQAP"], "parent": "al-qaeda"},
        {"id": "al-shabaab", "name": "al-Shabaab", "kind": "organization", "aliases": ["al-Shabab", "Shabaab"],
         "parent": None},
        {"id": "united-states", "name": "United States", "kind": "state", "aliases": ["U.S.", "US", "Washington"],
         "parent": None, "ambiguous": ["US", "Washington"]},
        {"id": "cia", "name": "Central Intelligence Agency", "kind": "state_agency", "aliases": ["CIA"],
         "parent": "united-states"},
        {"id": "adf", "name": "Allied Democratic Forces", "kind": "organization", "aliases": ["ADF"],
         "parent": None, "ambiguous": ["ADF"]},
        {"id": "ambazonia-defence-forces", "name": "Ambazonia Defence Forces", "kind": "organization",
         "aliases": ["ADF"], "parent": None, "ambiguous": ["ADF"]},
        {"id": "loop-a", "name": "Loop A", "kind": "organization", "aliases": [], "parent": "loop-b"},
        {"id": "loop-b", "name": "Loop B", "kind": "organization", "aliases": [], "parent": "loop-a"},
    ],
}


@pytest.fixture(scope="module")
def registry():
    return parse_registry(TINY)


@pytest.mark.parametrize(
    "name,expected",
    [
        ("Islamic State", "islamic-state"),
        ("the Islamic State", "islamic-state"),
        ("the Islamic State group", "islamic-state"),
        ("Islamic State's", "islamic-state"),
        ("islamic state", "islamic-state"),
        ("IS", "islamic-state"),
        ("ISIS militants", "islamic-state"),
        ("al Qaeda", "al-qaeda"),
        ("Al-Qaeda", "al-qaeda"),
        ("al-Shabab fighters", "al-shabaab"),
        ("Shabaab rebels", "al-shabaab"),
        ("U.S.", "united-states"),
        ("AQAP", "aqap"),
    ],
)
def test_registry_lookup_normalises(registry, name, expected):
    assert registry.lookup(name).id == expected


@pytest.mark.parametrize("name", ["is", "Is", "us", "Islamic", "the group", ""])
def test_registry_lookup_keeps_acronym_case(registry, name):
    assert registry.lookup(name) is None


@pytest.mark.parametrize(
    "name,expected",
    [("ISIS", "Islamic State"), ("the al-Shabab group", "al-Shabaab"), ("Holy Jihad Brigades", "Holy Jihad Brigades")],
)
def test_registry_canonical(registry, name, expected):
    assert registry.canonical(name) == expected


@pytest.mark.parametrize(
    "actor_id,expected",
    [("aqap", ["al-qaeda"]), ("cia", ["united-states"]), ("al-qaeda", []), ("loop-a", ["loop-b"]), ("nobody", [])],
)
def test_registry_parents_chain(registry, actor_id, expected):
    assert [entry.id for entry in registry.parents(actor_id)] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The Islamic State claimed it.", [("Islamic State", "islamic-state", False)]),
        ("Daesh and al Qaeda", [("Daesh", "islamic-state", False), ("al Qaeda", "al-qaeda", False)]),
        ("al-Qaeda in the Arabian Peninsula said", [("al-Qaeda in the Arabian Peninsula", "aqap", False)]),
        ("IS claimed it", [("IS", "islamic-state", True)]),
        ("it is done", []),
        ("an Islamic state", []),
        ("pro-Shabaab clans", []),
        ("the ADF attacked", [("ADF", "adf", True)]),
    ],
)
def test_registry_find_in_text(registry, text, expected):
    found = [(text[m.start:m.end], m.entry.id, m.ambiguous) for m in registry.find(text)]
    assert found == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The Islamic State's fighters and al Qaeda", [("Islamic State", "islamic-state"), ("al Qaeda", "al-qaeda")]),
        ("Officials blamed al-Shabab.", [("al-Shabab", "al-shabaab")]),
        ("an Islamic state", []),
        ("THE CIA SAID", [("CIA", "cia")]),
    ],
)
def test_registry_find_in_doc(registry, text, expected):
    import spacy

    doc = spacy.blank("en")(text)
    found = sorted((text[m.start:m.end], m.entry.id) for m in registry.find_in_doc(doc))
    assert found == sorted(expected)


@pytest.mark.parametrize("alias,expected", [("ADF", ["adf", "ambazonia-defence-forces"])])
def test_registry_find_lists_every_entry_of_a_shared_alias(registry, alias, expected):
    (match,) = registry.find(f"the {alias} attacked")
    assert [entry.id for entry in match.entries] == expected


@pytest.mark.parametrize("data", [{"version": 2, "actors": []}, {"actors": []}])
def test_registry_rejects_unknown_version(data):
    with pytest.raises(ExtractError):
        parse_registry(data)


@pytest.mark.parametrize("name", ["absent.json"])
def test_registry_load_missing_file_raises(tmp_path, name):
    with pytest.raises(ExtractError):
        load_registry(str(tmp_path / name))


@pytest.mark.parametrize("name", ["tiny.json"])
def test_registry_load_reads_a_file(tmp_path, name):
    path = tmp_path / name
    path.write_text(json.dumps(TINY), encoding="utf-8")
    assert load_registry(str(path)).lookup("Daesh").name == "Islamic State"


@pytest.mark.parametrize("name,expected", [("Islamic State", "islamic-state"), ("Israel", "israel")])
def test_registry_packaged_file_loads(name, expected):
    if not REGISTRY_PATH.exists():
        pytest.skip(f"{REGISTRY_PATH} is absent")
    assert load_registry().lookup(name).id == expected


@pytest.mark.parametrize(
    "name,expected_id,parent",
    [
        ("Amaq News Agency", "amaq", "islamic-state"),
        ("African Union", "african-union", None),
        ("Islamic Courts Union", "islamic-courts-union", None),
        ("Baloch Liberation Army", "bla", None),
        ("Balochistan Liberation Army", "bla", None),
    ],
)
def test_registry_packaged_additions(name, expected_id, parent):
    if not REGISTRY_PATH.exists():
        pytest.skip(f"{REGISTRY_PATH} is absent")
    entry = load_registry().lookup(name)
    assert (entry.id, entry.parent) == (expected_id, parent)
