"""Exports of the incident table: JSONL (full records), CSV (flat), GeoJSON (points), and the shapes of other
datasets (`shapes`): GTD, ACLED and UCDP GED as CSV with their column names, PLOVER as JSON lines."""
from __future__ import annotations

import csv
import json
from functools import partial
from pathlib import Path
from typing import TextIO

from ..queries import LIST_COLUMNS, get_incident, list_incidents
from . import shapes

FORMATS = ("jsonl", "csv", "geojson", *shapes.SHAPES)


def export(db: str | Path, fmt: str, out: TextIO) -> int:
    rows = list_incidents(db)
    writer = {"jsonl": _jsonl, "csv": _csv, "geojson": _geojson, "plover": _plover,
              **{name: partial(_shaped_csv, name) for name in shapes.COLUMNS}}[fmt]
    writer(db, rows, out)
    return len(rows)


def _jsonl(db, rows, out: TextIO) -> None:
    for row in rows:
        full = get_incident(db, row["id"])
        record = full["record"]
        # the record's `reports` is a count; the export lists the report ids under that name, the count beside
        line = {"id": row["id"], **record, "reports": row["reports"], "report_count": record.get("reports")}
        out.write(json.dumps(line, ensure_ascii=False) + "\n")


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


def _shaped(db, row: dict) -> dict:
    """The record as the shapes take it: with its incident id and its report ids."""
    return {**get_incident(db, row["id"])["record"], "id": row["id"], "report_ids": row["reports"]}


def _shaped_csv(name: str, db, rows, out: TextIO) -> None:
    writer = csv.DictWriter(out, fieldnames=shapes.COLUMNS[name], extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(shapes.SHAPES[name](_shaped(db, row)))


def _plover(db, rows, out: TextIO) -> None:
    out.writelines(json.dumps(shapes.plover(_shaped(db, row)), ensure_ascii=False) + "\n" for row in rows)
