"""train/sweep.py: the parts that need no torch (splitting what a borrowed machine hands back)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SWEEP_PATH = Path(__file__).resolve().parents[2] / "train" / "sweep.py"


@pytest.fixture(scope="module")
def sweep():
    spec = importlib.util.spec_from_file_location("sweep", SWEEP_PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_large_file_splits_into_numbered_parts_and_joins_back(sweep, tmp_path, monkeypatch):
    monkeypatch.setattr(sweep, "PART_BYTES", 10)
    data = bytes(range(256)) * 2
    path = tmp_path / "run.pt"
    path.write_bytes(data)
    sweep.split(path)
    assert not path.exists()
    parts = sorted(p.name for p in tmp_path.iterdir())
    assert len(parts) == 52 and "run.pt.51" in parts
    assert sweep.joined(path) == data  # parts ordered by number, not by name (run.pt.10 after run.pt.9)


def test_small_file_stays_whole(sweep, tmp_path):
    path = tmp_path / "run.pt"
    path.write_bytes(b"small")
    sweep.split(path)
    assert path.read_bytes() == b"small" and sweep.joined(path) == b"small"


def test_missing_file_and_parts_is_an_error(sweep, tmp_path):
    with pytest.raises(SystemExit, match="no such file"):
        sweep.joined(tmp_path / "absent.pt")


def test_every_configuration_names_its_depth(sweep):
    assert sweep.layers_of(sweep.SWEEP["l4-full-30"]) == 4
    assert sweep.layers_of(sweep.SWEEP["l6-lr2e-4-e20"]) == 6
    assert all(a.startswith("--") for args in sweep.SWEEP.values() for a in args[::2])
