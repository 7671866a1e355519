"""Exports of the incident table: JSONL (full records), CSV (flat), GeoJSON (points)."""
from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TextIO

from ..queries import LIST_COLUMNS, get_incident, list_incidents


def export(db: str | Path, fmt: str, out: TextIO) -> int:
    rows = list_incidents(db)
    writer = {"jsonl": _jsonl, "csv": _csv, "geojson": _geojson}[fmt]
    writer(db, rows, out)
    return len(rows)


def _jsonl(db, rows, out: TextIO) -> None:
    for row in rows:
        full = get_incident(db, row["id"])
        out.write(json.dumps({"id": row["id"], "reports": row["reports"], **full["record"]}, ensure_ascii=False) + "\n")


def _csv(db, rows, out: TextIO) -> None:
    columns = LIST_COLUMNS + ["lat", "lon"]
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        record = get_incident(db, row["id"])["record"]
        location = record.get("location") or {}
        flat = {**row, "lat": location.get("lat"), "lon": location.get("lon")}
        writer.writerow({k: json.dumps(v) if isinstance(v, list) else v for k, v in flat.items()})


def _geojson(db, rows, out: TextIO) -> None:
    features = []
    for row in rows:
        location = get_incident(db, row["id"])["record"].get("location") or {}
        if location.get("lat") is None:
            continue
        features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [location["lon"], location["lat"]]},
                         "properties": row})
    json.dump({"type": "FeatureCollection", "features": features}, out, ensure_ascii=False)
    out.write("\n")
