"""Attribution: the ladder, competing claims, denials, and the timeline."""
from __future__ import annotations

import pytest

from claimwatch.resolve.attribution import _fold_parents, perpetrators, timeline
from claimwatch.resolve.types import Member

SPAN = {"text": "x", "start": 0, "end": 1}


def member(mention, published, perpetrators=(), statements=()):
    record = {"perpetrators": [{"name": n, "basis": b, "evidence": SPAN} for n, b in perpetrators],
              "statements": [{"evidence": SPAN, **st} for st in statements]}
    return Member(mention, f"report-{mention}", published, "Sample Wire", "main", record)


@pytest.mark.parametrize("members,top", [
    ([member(1, "2024-03-23", [("Ukraine", "accused")]),
      member(2, "2024-03-23", statements=[{"kind": "claim", "by": "Islamic State", "channel": "Amaq"}])],
     ("Islamic State", "claimed")),
    ([member(1, "2017-10-16", [("al-Shabaab", "suspected")]), member(2, "2017-10-17", [("al-Shabaab", "reported")])],
     ("al-Shabaab", "official")),
    ([member(1, "2021-08-26", statements=[{"kind": "accusation", "by": "a general", "against": ["Northern Brigade"]}])],
     ("Northern Brigade", "accused")),
    ([member(1, "2021-08-26", statements=[{"kind": "accusation", "by": "an analyst", "against": ["Northern Brigade"],
                                           "hedged": True}])],
     ("Northern Brigade", "suspected")),
])
def test_attribution_ladder_picks_the_most_certain(members, top):
    found, _ = perpetrators(members)
    assert (found[0]["name"], found[0]["basis"]) == top


@pytest.mark.parametrize("claimants", [("Northern Brigade", "Southern Front")])  # names no registry knows
def test_attribution_competing_claims_are_kept(claimants):
    members = [member(i, "2023-01-31", statements=[{"kind": "claim", "by": name}]) for i, name in enumerate(claimants)]
    found, compclaim = perpetrators(members)
    assert compclaim and {p["name"] for p in found} == set(claimants)


@pytest.mark.parametrize("denier", ["Southern Front"])
def test_attribution_denial_is_recorded_not_removing(denier):
    members = [member(1, "2024-03-24", [(denier, "accused")], [{"kind": "denial", "by": denier}])]
    found, _ = perpetrators(members)
    assert found[0]["name"] == denier and found[0]["denied"] is True


@pytest.mark.parametrize("order", [("2024-03-26", "2024-03-23")])
def test_attribution_timeline_is_ordered_by_date(order):
    members = [member(1, order[0], statements=[{"kind": "denial", "by": "Ukraine", "channel": "statement"}]),
               member(2, order[1], statements=[{"kind": "claim", "by": "Islamic State", "channel": "Amaq"}])]
    entries = timeline(members)
    assert [e["kind"] for e in entries] == ["claim", "denial"]
    assert entries[0]["channel"] == "Amaq" and entries[0]["article"] == "report-2"


class Parent:
    def __init__(self, id):
        self.id = id


@pytest.mark.parametrize("child,parent", [("iskp", "is")])
def test_attribution_parent_folds_into_branch(child, parent):
    actors = {child: {"rank": 2, "articles": {"a"}}, parent: {"rank": 0, "articles": {"b"}}}
    folded = _fold_parents(actors, lambda key: [Parent(parent)] if key == child else [])
    assert list(folded) == [child] and folded[child]["rank"] == 0 and folded[child]["articles"] == {"a", "b"}


@pytest.mark.parametrize("description", ["bomber"])
def test_attribution_named_actor_beats_a_description(description):
    members = [Member(1, "r1", "2017-10-21", None, "main",
                      {"perpetrators": [{"name": description, "kind": "group", "basis": "reported", "evidence": SPAN},
                                        {"name": "Northern Brigade", "kind": "organization", "basis": "accused",
                                         "evidence": SPAN}]})]
    found, _ = perpetrators(members)
    assert [(p["name"], p["basis"]) for p in found] == [("Northern Brigade", "accused"), (description, "official")]
