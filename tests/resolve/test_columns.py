"""The vectorised features equal the scalar reference, pair by pair."""
from __future__ import annotations

import datetime as dt
import random

import numpy as np
import pytest

from claimwatch.resolve.columns import Columns, Probe, compatible as compatible_many, feature_columns, feature_matrix
from claimwatch.resolve.features import compatible, features
from claimwatch.resolve.profile import profile

CITIES = [("Kabul", "Kabul", 34.53, 69.17), ("Bagram", "Parwan", 34.95, 69.26), ("Herat", "Herat", 34.35, 62.2),
          ("Kabul", "Kabul", None, None), (None, "Kabul", None, None), (None, None, None, None),
          ("Erbil", None, 36.19, 44.01), ("Erbil", None, None, None),  # a city the gazetteer gives no region
          ("Qarabagh", None, None, None)]  # a village it does not know
TYPES = ["bombing", "armed_assault", "kidnapping", "arson", None]


def random_record(rng: random.Random) -> dict:
    city, region, lat, lon = rng.choice(CITIES)
    record = {
        "role": rng.choice(["main", "main", "background"]), "type": rng.choice(TYPES),
        "date": rng.choice([None, {"value": f"2021-08-{rng.randint(20, 30)}", "precision": rng.choice(["day", "day", "week"])}]),
        "location": {"country_code": rng.choice(["AF", "AF", "AF", None]), "city": city, "region": region,
                     "lat": lat, "lon": lon, "name": rng.choice(["Abbey Gate", "Baron Hotel", ""]),
                     "anchored": rng.random() < 0.5},
        "summary": " ".join(rng.sample("blast gate airport crowds hotel rockets convoy market police".split(), 4)),
        "perpetrators": [{"name": n} for n in rng.sample(["Group A", "Group B", "Group C"], rng.randint(0, 2))],
        "victims": [{"text": n, "named": True} for n in rng.sample(["Ana Flores", "Flores", "Juan Perez"], rng.randint(0, 2))],
        "targets": [{"text": rng.choice(["the airport gate", "a hotel"])}],
        "killed": rng.choice([None, {"value": 13}, {"value": 20}, {"value": 170}]),
        "types": rng.sample(["bombing", "armed_assault", "hostage_taking"], rng.randint(0, 2)),
    }
    return record


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_columns_features_many_equal_the_scalar_features(seed):
    rng = random.Random(seed)
    profiles = [profile(random_record(rng), k, rng.randint(0, 30), dt.date(2021, 8, 27), title="Kabul attack")
                for k in range(60)]
    profiles = [p for p in profiles if p.lo is not None]
    columns = Columns(capacity=4)
    for p in profiles:
        columns.append(p)
    for i, p in enumerate(profiles):
        probe = Probe(p, columns)
        batch, gap, dist, conflict = compatible_many(probe, columns.gather(np.arange(len(profiles))))
        assert set(batch.rows.tolist()) == {j for j, q in enumerate(profiles) if compatible(p, q)}
        matrix = feature_matrix(feature_columns(probe, columns, batch, gap, dist, conflict), len(gap))
        for row, values in zip(batch.rows, matrix):
            assert values == pytest.approx(features(p, profiles[row]))
