"""Great-circle distance, shared by extraction (a town near a city) and resolution (places near each other)."""
from __future__ import annotations

import math
from typing import Protocol


class HasCoordinates(Protocol):
    lat: float | None
    lon: float | None


def km(a: HasCoordinates, b: HasCoordinates) -> float:
    """Great-circle distance (haversine) in kilometres between two things with `lat` and `lon`."""
    lat1, lat2 = math.radians(a.lat), math.radians(b.lat)
    dlat, dlon = lat2 - lat1, math.radians(b.lon - a.lon)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))
