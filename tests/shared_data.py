"""Where the shared data lies, and how tests that need it skip when it is absent."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"


def need_shared(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when the folder is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent: the shared data is not beside this checkout")
    return path


def main_incident(article):
    """The article's one main incident (the test fails when there is none or more than one)."""
    (main,) = [incident for incident in article.incidents if incident.role == "main"]
    return main
