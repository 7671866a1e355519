"""Quality gate: the default pipeline on MUC-4 dev must not fall under the pinned floors.

The floors live in muc4_baseline.json, a little under the measured dev numbers; raise them with
`python bench/muc4.py --splits dev --update-baseline` after an improvement (dev only: the test split stays unseen).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from shared_data import need_shared

BASELINE = json.loads((Path(__file__).with_name("muc4_baseline.json")).read_text(encoding="utf-8"))


def value_at(result: dict, dotted: str) -> float:
    """`ceaf_ree.micro.f1` -> result["ceaf_ree"]["micro"]["f1"]."""
    for part in dotted.split("."):
        result = result[part]
    return result


@pytest.fixture(scope="module")
def dev_result() -> dict:
    from claimwatch.evaluate import muc4

    return muc4.run(need_shared("data", "muc4"), BASELINE["split"])


@pytest.mark.slow
@pytest.mark.parametrize("metric", sorted(BASELINE["floors"]))
def test_muc4_gate_floor(dev_result, metric):
    floor = BASELINE["floors"][metric]
    assert value_at(dev_result, metric) >= floor, f"{metric} fell under its floor {floor}"


@pytest.mark.slow
@pytest.mark.parametrize("split", [BASELINE["split"]])
def test_muc4_gate_no_failures(dev_result, split):
    assert dev_result["split"] == split
    assert dev_result["diagnostics"]["failures"] == 0
