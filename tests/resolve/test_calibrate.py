"""The pair scorer's fitting: place-conflicting pairs are fitted apart."""
from __future__ import annotations

import numpy as np
import pytest

from claimwatch.resolve.calibrate import fit_offset, fit_weights
from claimwatch.resolve.features import FEATURES

REGION = FEATURES.index("same_region")


def test_fit_offset_recovers_a_known_coefficient():
    rng = np.random.default_rng(3)
    offset = rng.normal(0.0, 1.0, 20000)
    y = (rng.random(20000) < 1.0 / (1.0 + np.exp(-(offset + 1.5)))).astype(float)
    assert abs(fit_offset(offset, y, np.ones_like(y), l2=0.0) - 1.5) < 0.1


def _pairs(rng, n):
    x = np.zeros((n, len(FEATURES)))
    x[:, REGION] = rng.random(n) < 0.5
    y = ((rng.random(n) < 0.9) == (x[:, REGION] > 0)).astype(float)  # a shared region: mostly one incident
    return x, y


@pytest.mark.parametrize("name", ["place_conflict", "place_unknown"])
def test_pairs_whose_places_disagree_set_their_own_weight_and_move_no_other(name):
    index = FEATURES.index(name)
    rng = np.random.default_rng(5)
    x, y = _pairs(rng, 600)
    alone, bias_alone = fit_weights(x, y, np.ones(len(y)))
    apart = np.zeros((80, len(FEATURES)))
    apart[:, index] = 1.0
    both_x, both_y = np.vstack([x, apart]), np.concatenate([y, np.ones(80)])  # all one incident
    coef, bias = fit_weights(both_x, both_y, np.ones(len(both_y)))
    others = [i for i in range(len(FEATURES)) if i != index]
    assert np.allclose(coef[others], alone[others]) and bias == bias_alone
    assert alone[index] == 0.0 and coef[index] > -bias  # enough to reach 0.5 on its own
