"""The MUC-4 scorers on hand-built documents with hand-computed counts."""
from __future__ import annotations

import pytest

from claimwatch.evaluate import scorers
from claimwatch.evaluate.scorers import ceaf_ree, gtt_template, max_matching, normalize


def ree(docid: str, **roles) -> dict:
    return {"docid": docid, "extracts": {role: roles.get(role, []) for role in scorers.ROLES}}


def tpl(incident_type: str, **roles) -> dict:
    return {"incident_type": incident_type, **{role: roles.get(role, []) for role in scorers.ROLES}}


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("The FMLN guerrillas!", "fmln guerrillas"),
        ("  an  Attack, on   a bus ", "attack on bus"),
        ("theater of the absurd", "theater of absurd"),
        ("\"la eminencia\" farm", "la eminencia farm"),
    ],
)
def test_scorers_normalize(raw, expected):
    assert normalize(raw) == expected


@pytest.mark.parametrize(
    "adjacency,n_right,expected",
    [
        ([[0, 1], [0]], 2, 2),  # greedy 0->0 would block 1: needs an augmenting path
        ([[0], [0], [0]], 1, 1),
        ([[], [1]], 2, 1),
    ],
)
def test_scorers_max_matching_exact(adjacency, n_right, expected):
    assert max_matching(adjacency, n_right) == expected


@pytest.mark.parametrize(
    "gold,pred,role,counts",
    [
        # a prediction matches if it equals any mention of the gold cluster, after normalisation
        (ree("d", PerpOrg=[[["fmln", 5], ["farabundo marti national liberation front", 40]]]),
         ree("d", PerpOrg=[["FMLN"]]), "PerpOrg", (1, 1, 1, 1)),
        # one-to-one: two predictions that normalise alike still match one gold entity once
        (ree("d", Target=[["bus"]]), ree("d", Target=[["bus"], ["the bus"]]), "Target", (1, 2, 1, 1)),
        # the matching must re-route: x->{0,1}, y->{0} only
        (ree("d", Victim=[["x", "y"], ["x"]]), ree("d", Victim=[["x"], ["y"]]), "Victim", (2, 2, 2, 2)),
        # a predicted entity is correct only if all its mentions are in one gold cluster
        (ree("d", PerpOrg=[["fmln"]]), ree("d", PerpOrg=[["fmln", "urng"]]), "PerpOrg", (0, 1, 0, 1)),
        # predictions on a document without gold entities are false positives
        (ree("d"), ree("d", Weapon=[["dynamite"]]), "Weapon", (0, 1, 0, 0)),
    ],
)
def test_scorers_ceaf_ree_counts(gold, pred, role, counts):
    scores = ceaf_ree([gold], [pred])[role]
    assert (scores["p_num"], scores["p_den"], scores["r_num"], scores["r_den"]) == counts


@pytest.mark.parametrize("with_second_doc", [True])
def test_scorers_ceaf_ree_micro_sums_roles_and_docs(with_second_doc):
    gold = [
        ree("a", PerpInd=[["guerrillas"]], Weapon=[["dynamite"], ["rifles"]]),
        ree("b", Target=[["power tower"]]),
    ]
    pred = [ree("a", PerpInd=[["guerrillas"]], Weapon=[["dynamite"]], Victim=[["jose perez"]])]
    scores = ceaf_ree(gold, pred)  # doc b is missing from the predictions: it predicts nothing
    micro = scores["micro"]
    assert (micro["p_num"], micro["p_den"], micro["r_num"], micro["r_den"]) == (2, 3, 2, 4)
    assert micro["p"] == pytest.approx(2 / 3)
    assert micro["r"] == pytest.approx(0.5)
    assert micro["f1"] == pytest.approx(4 / 7)
    assert scores["Weapon"]["f1"] == pytest.approx(2 / 3)
    assert scores["Target"]["f1"] == 0.0


@pytest.mark.parametrize("field", ["templates"])
def test_scorers_ceaf_ree_merges_templates(field):
    gold = [{"docid": "d", field: [tpl("attack", PerpInd=[["men"]]), tpl("arson", PerpInd=[["men"]], Target=[["house"]])]}]
    pred = [ree("d", PerpInd=[["men"]], Target=[["house"]])]
    assert ceaf_ree(gold, pred)["micro"]["f1"] == 1.0


@pytest.mark.parametrize("docid", ["not-in-gold"])
def test_scorers_unknown_docid_raises(docid):
    with pytest.raises(ValueError, match=docid):
        ceaf_ree([ree("d")], [ree(docid)])


def gtt_counts(gold_templates, pred_templates, role="micro"):
    scores = gtt_template([{"docid": "d", "templates": gold_templates}], [{"docid": "d", "templates": pred_templates}])
    s = scores[role]
    return s["p_num"], s["p_den"], s["r_num"], s["r_den"]


@pytest.mark.parametrize(
    "gold,pred,counts",
    [
        # matched pair: type 1/1; PerpInd right; Target wrong
        ([tpl("attack", PerpInd=[["guerrillas"]], Target=[["bus"]])],
         [tpl("attack", PerpInd=[["guerrillas"]], Target=[["car"]])], (2, 3, 2, 3)),
        # different incident types never pair: everything unmatched
        ([tpl("attack", PerpInd=[["guerrillas"]], Target=[["bus"]])],
         [tpl("bombing", PerpInd=[["guerrillas"]], Target=[["bus"]])], (0, 3, 0, 3)),
        # the predicted type may be a substring of an ambiguous gold type
        ([tpl("attack / bombing", Weapon=[["bomb"]])], [tpl("attack", Weapon=[["bomb"]])], (2, 2, 2, 2)),
        # the best of two gold templates is chosen; the other adds its type and fillers to recall only
        ([tpl("attack", PerpInd=[["x"]]), tpl("attack", Target=[["bus"]], Weapon=[["bomb"]])],
         [tpl("attack", Target=[["bus"]], Weapon=[["bomb"]])], (3, 3, 3, 5)),
        # identical gold templates count once
        ([tpl("kidnapping", Victim=[["ana"]]), tpl("kidnapping", Victim=[["ana"]])],
         [tpl("kidnapping", Victim=[["ana"]])], (2, 2, 2, 2)),
        # inside a role there is no one-to-one constraint
        ([tpl("attack", Target=[["bus"]])], [tpl("attack", Target=[["bus"], ["the bus"]])], (3, 3, 2, 2)),
        # no predicted template: only recall denominators grow
        ([tpl("arson", Target=[["house"], ["car"]])], [], (0, 0, 0, 3)),
    ],
)
def test_scorers_gtt_template_counts(gold, pred, counts):
    assert gtt_counts(gold, pred) == counts


@pytest.mark.parametrize("cap", [0])
def test_scorers_gtt_template_greedy_fallback(monkeypatch, cap):
    gold = [tpl("attack", PerpInd=[["x"]]), tpl("attack", Target=[["bus"]], Weapon=[["bomb"]])]
    pred = [tpl("attack", Target=[["bus"]], Weapon=[["bomb"]]), tpl("attack", PerpInd=[["x"]])]
    exact = gtt_counts(gold, pred)
    monkeypatch.setattr(scorers, "MAX_ASSIGNMENTS", cap)
    assert gtt_counts(gold, pred) == exact == (5, 5, 5, 5)


@pytest.mark.parametrize("role,f1", [("incident_type", 1.0), ("Target", 0.0), ("PerpInd", 1.0)])
def test_scorers_gtt_template_per_role(role, f1):
    scores = gtt_template(
        [{"docid": "d", "templates": [tpl("attack", PerpInd=[["guerrillas"]], Target=[["bus"]])]}],
        [{"docid": "d", "templates": [tpl("attack", PerpInd=[["guerrillas"]], Target=[["car"]])]}],
    )
    assert scores[role]["f1"] == f1
