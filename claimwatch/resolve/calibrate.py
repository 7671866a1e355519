"""Fitting the pair scorer and the merge threshold on data.

1. Each corpus's mentions are blocked exactly as the resolver blocks them (`block.blocked_pairs`);
   each compared pair is labelled 1 when both mentions belong to one gold incident.
2. A logistic regression (L2, Newton's method, numpy only) is fitted on the pairs' features.
   Within a corpus, each gold incident's positive pairs together weigh as much as one incident's
   pairs of median size, so that one incident reported by forty messages (780 pairs) does not
   decide the weights alone; otherwise every pair counts once, whichever corpus it comes from
   (`shares` can rebalance corpora, for experiments).
   The pairs whose places do not agree are fitted apart: those the same-day rules let through
   (`place_conflict`: one day, one country, places that exclude each other) and those with a place
   the gazetteer does not know beside a known town (`place_unknown`). Every other weight is fitted on
   the pairs whose places agree, and then each of those two alone on its own pairs, the other weights
   held fixed. In MUC-4's derived gold such a pair is never one incident (its rule requires compatible
   places); in modern news it often is (a dateline, a capital that speaks, a village spelt two ways).
   Fitted together, those pairs moved the weights the place-agreeing pairs had taught (MUC-4 dev
   pairwise F1 fell from 0.917 to 0.700); fitted apart, they set only their own weight.
3. The threshold is the one, on a grid of the fitted scores' quantiles, at which clustering each
   corpus gives the best pairwise F1 over pairs of reports, counted over all corpora together
   (ties: the higher threshold).

`bench/resolve_calibrate.py` runs this on MUC-4's training keys (`claimwatch.evaluate.muc4_xdoc`)
and the bundled samples, and writes `claimwatch/data/resolve/weights.json` with what it was fitted on.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from .block import blocked_pairs
from .cluster import cluster_profiles
from .features import FEATURES, features
from .scoring import Weights
from .types import Profile

L2 = 1.0
NEWTON_STEPS = 50


@dataclass(eq=False)
class Corpus:
    """Mentions in arrival order, their gold incidents, and how to count a clustering's report pairs:
    `counts(clusters) -> (correct, gold, predicted)`."""

    name: str
    profiles: list[Profile]
    gold: dict[int, int]
    counts: Callable[[dict[int, int]], tuple[int, int, int]]

    def f1_of(self, clusters: dict[int, int]) -> float:
        return f1(*self.counts(clusters))


def f1(correct: int, gold: int, predicted: int) -> float:
    return 2 * correct / (gold + predicted) if gold + predicted else 0.0


@lru_cache(maxsize=32)
def labelled_pairs(corpus: Corpus) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(X, y, weight) over every blocked pair; positives weighted per gold incident (see the docstring)."""
    rows, labels, incidents = [], [], []
    for p, q in blocked_pairs(corpus.profiles):
        rows.append(features(p, q))
        same = corpus.gold[p.key] == corpus.gold[q.key]
        labels.append(float(same))
        incidents.append(corpus.gold[p.key] if same else None)
    sizes = Counter(i for i in incidents if i is not None)
    median = float(np.median(list(sizes.values()))) if sizes else 1.0
    weight = [median / sizes[i] if i is not None else 1.0 for i in incidents]
    return np.array(rows, dtype=float).reshape(-1, len(FEATURES)), np.array(labels), np.array(weight)


def fit_logistic(x: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float = L2) -> tuple[np.ndarray, float]:
    """Weighted L2-regularised logistic regression by Newton's method; the bias is not penalised."""
    design = np.hstack([x, np.ones((len(x), 1))])
    beta = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(NEWTON_STEPS):
        prob = 1.0 / (1.0 + np.exp(-design @ beta))
        gradient = design.T @ (weight * (prob - y)) + penalty * beta
        hessian = (design * (weight * prob * (1 - prob))[:, None]).T @ design + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return beta[:-1], float(beta[-1])


def _pooled(corpora: list[Corpus], shares: list[float] | None) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict]:
    """All corpora's pairs; with `shares`, each corpus's weights scaled to that share of the total."""
    parts = [labelled_pairs(corpus) for corpus in corpora]
    total = sum(len(y) for _, y, _ in parts)
    x = np.vstack([p[0] for p in parts])
    y = np.concatenate([p[1] for p in parts])
    if shares:
        weight = np.concatenate([w * total * share / w.sum() if len(w) else w for (_, _, w), share in zip(parts, shares)])
    else:
        weight = np.concatenate([p[2] for p in parts])
    facts = {c.name: {"pairs": int(len(p[1])), "positive_pairs": int(p[1].sum())} for c, p in zip(corpora, parts)}
    return x, y, weight, facts


def pooled_f1(corpora: list[Corpus], weights: Weights) -> float:
    """Pairwise F1 over the report pairs of all corpora together."""
    totals = np.sum([c.counts(cluster_profiles(c.profiles, weights)) for c in corpora], axis=0)
    return f1(*(int(t) for t in totals))


def choose_threshold(draft: Weights, scores: np.ndarray, corpora: list[Corpus]) -> tuple[float, float]:
    """The threshold among the scores' quantiles with the best pooled F1 (ties: the higher one)."""
    grid = sorted({round(float(t), 4) for t in np.quantile(scores, np.linspace(0.5, 0.999, 60))} | {0.5})
    best = (-1.0, 0.0)
    for threshold in grid:
        score = pooled_f1(corpora, Weights(draft.features, draft.weights, draft.bias, threshold))
        best = max(best, (score, threshold))
    return best[1], best[0]


def fit_offset(offset: np.ndarray, y: np.ndarray, weight: np.ndarray, l2: float = L2) -> float:
    """The one coefficient c of a constant feature, by Newton's method, with every pair's other
    terms fixed as `offset` (logit = offset + c), L2-penalised as `fit_logistic` penalises weights."""
    c = 0.0
    for _ in range(NEWTON_STEPS):
        prob = 1.0 / (1.0 + np.exp(-(offset + c)))
        step = (float(weight @ (prob - y)) + l2 * c) / (float(weight @ (prob * (1 - prob))) + l2 + 1e-9)
        c -= step
        if abs(step) < 1e-8:
            break
    return c


APART = [FEATURES.index(name) for name in ("place_conflict", "place_unknown")]


def fit_weights(x: np.ndarray, y: np.ndarray, weight: np.ndarray) -> tuple[np.ndarray, float]:
    """Every weight but `place_conflict` and `place_unknown` fitted on the pairs whose places agree;
    then each of those two alone on the pairs that carry it, the others held fixed (see the module
    docstring). A pair carries at most one of them."""
    apart = (x[:, APART] > 0).any(axis=1)
    coef, bias = fit_logistic(x[~apart], y[~apart], weight[~apart])
    for index in APART:
        group = x[:, index] > 0
        if group.any():
            coef[index] = fit_offset(x[group] @ coef + bias, y[group], weight[group])
    return coef, bias


def fit(corpora: list[Corpus], provenance: dict | None = None, drop: tuple[str, ...] = (),
        shares: list[float] | None = None) -> Weights:
    """Weights and threshold fitted on the corpora; `drop`ped features weigh 0; `shares`: see `_pooled`."""
    x, y, weight, facts = _pooled(corpora, shares)
    x[:, [FEATURES.index(name) for name in drop]] = 0.0
    coef, bias = fit_weights(x, y, weight)
    draft = Weights(FEATURES, tuple(float(c) for c in coef), bias, 0.5)
    scores = np.array([draft.score(tuple(row)) for row in x])
    threshold, score = choose_threshold(draft, scores, corpora)
    final = Weights(FEATURES, draft.weights, bias, threshold)
    per_corpus = {c.name: round(c.f1_of(cluster_profiles(c.profiles, final)), 4) for c in corpora}
    facts = {"corpora": facts, "train_pairwise_f1": per_corpus, "train_pooled_pairwise_f1": round(score, 4)}
    return Weights(FEATURES, draft.weights, bias, threshold, {**(provenance or {}), **facts})
