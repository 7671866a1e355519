"""Imports every built-in component module so that each registers itself."""
from . import (  # noqa: F401
    actors,
    dates,
    events,
    figures,
    incidents,
    nlp,
    parties,
    places,
    relevance,
    roles,
    statements,
    weapons,
    zones,
)
