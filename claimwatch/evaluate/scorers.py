"""Scorers for MUC-4 role-filler extraction: CEAF-REE (GRIT, TempGen) and the GTT template metric.

Written from the description in `shared/data/muc4/README.md` ("How the standard evaluations work");
no upstream code is copied. Both scorers take documents as plain dicts, as in the processed files:

    {"docid": "TST3-MUC4-0001",
     "extracts": {"PerpInd": [[m, m, ...], ...], "PerpOrg": [...], ...}}      # REE version, or
    {"docid": ..., "templates": [{"incident_type": "attack", "PerpInd": [[m, ...], ...], ...}]}

An entity is a list of coreferent mentions; a mention is a string or a `[string, offset]` pair (the
offset is ignored). `ceaf_ree` accepts either shape for gold and predictions (templates are merged
per role); `gtt_template` needs templates. Every gold document is scored; a gold document missing
from the predictions counts as predicting nothing, and a predicted docid unknown to gold raises.

    ceaf_ree(gold_docs, pred_docs)      -> {"PerpInd": {"p", "r", "f1", "p_num", "p_den", "r_num", "r_den"},
                                            ..., "micro": {...}}
    gtt_template(gold_docs, pred_docs)  -> same shape, with "incident_type" as a sixth role
"""
from __future__ import annotations

import itertools
import math
import re
import string
from collections.abc import Iterable, Sequence
from typing import Any

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
GTT_ROLES = ("incident_type", *ROLES)
# Above this many candidate assignments of one document's predicted templates to its gold templates,
# `gtt_template` stops enumerating and pairs templates greedily (see `_best_assignment`).
MAX_ASSIGNMENTS = 100_000

_PUNCT = set(string.punctuation)
_ARTICLES = re.compile(r"\b(a|an|the)\b")

Entity = list[str]  # normalised mentions of one entity


def normalize(s: str) -> str:
    """SQuAD-style normalisation: lower-case, drop punctuation and the articles a/an/the, squeeze spaces."""
    s = "".join(ch for ch in s.lower() if ch not in _PUNCT)
    s = _ARTICLES.sub(" ", s)
    return " ".join(s.split())


def _mention_text(mention: Any) -> str:
    return mention if isinstance(mention, str) else mention[0]


def _entities(raw: Iterable[Sequence[Any]]) -> list[Entity]:
    return [[normalize(_mention_text(m)) for m in entity] for entity in raw]


def _doc_roles(doc: dict) -> dict[str, list[Entity]]:
    """A document's entities per role; templates are merged, identical entities kept once."""
    if "extracts" in doc:
        return {role: _entities(doc["extracts"].get(role, [])) for role in ROLES}
    merged: dict[str, list[Entity]] = {role: [] for role in ROLES}
    for template in doc.get("templates", []):
        for role in ROLES:
            for entity in _entities(template.get(role, [])):
                if entity not in merged[role]:
                    merged[role].append(entity)
    return merged


def _is_subset(pred: Entity, gold: Entity) -> bool:
    return all(mention in gold for mention in pred)


def max_matching(adjacency: list[list[int]], n_right: int) -> int:
    """Size of a maximum bipartite matching (augmenting paths, Kuhn); `adjacency[i]` lists right nodes of left i.

    With 0/1 similarities the Hungarian algorithm's optimum is exactly this size.
    """
    owner = [-1] * n_right

    def augment(left: int, seen: list[bool]) -> bool:
        for right in adjacency[left]:
            if seen[right]:
                continue
            seen[right] = True
            if owner[right] == -1 or augment(owner[right], seen):
                owner[right] = left
                return True
        return False

    return sum(augment(left, [False] * n_right) for left in range(len(adjacency)))


def _prf(counts: dict[str, int]) -> dict[str, float]:
    p = counts["p_num"] / counts["p_den"] if counts["p_den"] else 0.0
    r = counts["r_num"] / counts["r_den"] if counts["r_den"] else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": p, "r": r, "f1": f1, **counts}


def _zero() -> dict[str, int]:
    return {"p_num": 0, "p_den": 0, "r_num": 0, "r_den": 0}


def _report(counts: dict[str, dict[str, int]]) -> dict[str, dict[str, float]]:
    micro = _zero()
    for role_counts in counts.values():
        for key in micro:
            micro[key] += role_counts[key]
    return {**{role: _prf(c) for role, c in counts.items()}, "micro": _prf(micro)}


def _by_docid(docs: Iterable[dict]) -> dict[str, dict]:
    return {doc["docid"]: doc for doc in docs}


def _paired(gold_docs: Iterable[dict], pred_docs: Iterable[dict]) -> list[tuple[dict, dict]]:
    gold, pred = _by_docid(gold_docs), _by_docid(pred_docs)
    unknown = sorted(set(pred) - set(gold))
    if unknown:
        raise ValueError(f"predictions for docids not in gold: {unknown[:5]}")
    return [(doc, pred.get(docid, {"docid": docid})) for docid, doc in gold.items()]


def ceaf_ree(gold_docs: Iterable[dict], pred_docs: Iterable[dict]) -> dict[str, dict[str, float]]:
    """Doc-level role-filler entity CEAF (GRIT/TempGen): per doc and role, one-to-one maximum matching."""
    counts = {role: _zero() for role in ROLES}
    for gold_doc, pred_doc in _paired(gold_docs, pred_docs):
        gold_roles, pred_roles = _doc_roles(gold_doc), _doc_roles(pred_doc)
        for role in ROLES:
            gold, pred = gold_roles[role], pred_roles[role]
            adjacency = [[j for j, g in enumerate(gold) if _is_subset(p, g)] for p in pred]
            matched = max_matching(adjacency, len(gold))
            c = counts[role]
            c["p_num"] += matched
            c["r_num"] += matched
            c["p_den"] += len(pred)
            c["r_den"] += len(gold)
    return _report(counts)


def _templates(doc: dict) -> list[dict]:
    """Templates with normalised entities; identical templates kept once."""
    out: list[dict] = []
    for template in doc.get("templates", []):
        norm = {"incident_type": template.get("incident_type", "")}
        norm.update({role: _entities(template.get(role, [])) for role in ROLES})
        if norm not in out:
            out.append(norm)
    return out


def _pair_counts(pred: dict | None, gold: dict | None) -> dict[str, dict[str, int]]:
    """GTT counts of one template pair; either side None means an unmatched template."""
    counts = {role: _zero() for role in GTT_ROLES}
    if pred is not None:
        counts["incident_type"]["p_den"] = 1
    if gold is not None:
        counts["incident_type"]["r_den"] = 1
    if pred is not None and gold is not None:
        counts["incident_type"]["p_num"] = counts["incident_type"]["r_num"] = 1
    for role in ROLES:
        preds = pred[role] if pred is not None else []
        golds = gold[role] if gold is not None else []
        c = counts[role]
        c["p_den"], c["r_den"] = len(preds), len(golds)
        c["p_num"] = sum(any(_is_subset(p, g) for g in golds) for p in preds)
        c["r_num"] = sum(any(_is_subset(p, g) for p in preds) for g in golds)
    return counts


def _types_match(pred: dict, gold: dict) -> bool:
    return str(pred["incident_type"]) in str(gold["incident_type"])


def _add(total: dict[str, dict[str, int]], part: dict[str, dict[str, int]]) -> None:
    for role, c in part.items():
        for key, value in c.items():
            total[role][key] += value


def _assignment_counts(preds: list[dict], golds: list[dict], pairs: Sequence[tuple[int, int]]):
    total = {role: _zero() for role in GTT_ROLES}
    used_p, used_g = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, j in pairs:
        _add(total, _pair_counts(preds[i], golds[j]))
    for i in set(range(len(preds))) - used_p:
        _add(total, _pair_counts(preds[i], None))
    for j in set(range(len(golds))) - used_g:
        _add(total, _pair_counts(None, golds[j]))
    return total


def _doc_f1(counts: dict[str, dict[str, int]]) -> float:
    return _report(counts)["micro"]["f1"]


def _n_assignments(m: int, n: int) -> int:
    """Number of partial one-to-one maps from m predicted to n gold templates."""
    return sum(math.comb(m, k) * math.perm(n, k) for k in range(min(m, n) + 1))


def _all_assignments(m: int, n: int, allowed: set[tuple[int, int]]):
    """Every partial one-to-one map, as a list of (pred, gold) pairs, using allowed pairs only."""
    choices = [[None] + [j for j in range(n) if (i, j) in allowed] for i in range(m)]
    for combo in itertools.product(*choices):
        golds = [j for j in combo if j is not None]
        if len(golds) == len(set(golds)):
            yield [(i, j) for i, j in enumerate(combo) if j is not None]


def _greedy_assignment(preds: list[dict], golds: list[dict], allowed: set[tuple[int, int]]):
    """Fallback for large documents: pair templates greedily by their pairwise correct count."""
    def gain(pair: tuple[int, int]) -> int:
        counts = _pair_counts(preds[pair[0]], golds[pair[1]])
        return sum(c["p_num"] + c["r_num"] for c in counts.values())

    pairs, used_p, used_g = [], set(), set()
    for i, j in sorted(allowed, key=lambda pair: (-gain(pair), pair)):
        if i not in used_p and j not in used_g:
            pairs.append((i, j))
            used_p.add(i)
            used_g.add(j)
    return pairs


def _best_assignment(preds: list[dict], golds: list[dict]) -> dict[str, dict[str, int]]:
    """Counts under the assignment with the best document micro-F1 (first one found on ties).

    Exact enumeration while the number of candidate assignments is at most `MAX_ASSIGNMENTS`
    (every MUC-4 dev/test document with a few predicted templates); beyond that, greedy pairing.
    """
    allowed = {(i, j) for i in range(len(preds)) for j in range(len(golds)) if _types_match(preds[i], golds[j])}
    if _n_assignments(len(preds), len(golds)) > MAX_ASSIGNMENTS:
        return _assignment_counts(preds, golds, _greedy_assignment(preds, golds, allowed))
    best, best_f1 = None, -1.0
    for pairs in _all_assignments(len(preds), len(golds), allowed):
        counts = _assignment_counts(preds, golds, pairs)
        f1 = _doc_f1(counts)
        if f1 > best_f1:
            best, best_f1 = counts, f1
    return best


def gtt_template(gold_docs: Iterable[dict], pred_docs: Iterable[dict]) -> dict[str, dict[str, float]]:
    """GTT template-filling metric: best template assignment per doc, then role-level counts, summed."""
    total = {role: _zero() for role in GTT_ROLES}
    for gold_doc, pred_doc in _paired(gold_docs, pred_docs):
        _add(total, _best_assignment(_templates(pred_doc), _templates(gold_doc)))
    return _report(total)
