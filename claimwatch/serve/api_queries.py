"""What the web API adds to `claimwatch.queries`: coordinates, report links, shaped exports.

The incidents themselves come from `queries.list_incidents` and `queries.get_incident`; this
module only reads the few columns those do not return and shapes rows for GeoJSON and CSV.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path

import sqlalchemy as sa

from ..queries import CONTEXT, LIST_COLUMNS
from ..store import schema as s
from ..store.db import Database

CSV_COLUMNS = LIST_COLUMNS + ["lat", "lon"]


def coordinates(db: str | Path, ids: Iterable[int]) -> dict[int, tuple[float, float]]:
    """(lat, lon) of each incident that has them, by id."""
    table = s.incidents
    query = sa.select(table.c.id, table.c.lat, table.c.lon).where(
        table.c.id.in_(list(ids)), table.c.lat.is_not(None), table.c.lon.is_not(None))
    return {row["id"]: (row["lat"], row["lon"]) for row in Database(db).rows(query)}


def with_coordinates(db: str | Path, rows: list[dict]) -> list[dict]:
    """The listing rows with `lat` and `lon` added (None where the incident is not placed)."""
    found = coordinates(db, [row["id"] for row in rows])
    return [{**row, **dict(zip(("lat", "lon"), found.get(row["id"], (None, None))))} for row in rows]


def report_links(db: str | Path, mention_ids: Iterable[int]) -> dict[int, dict]:
    """The source and URL of the article behind each mention, by mention id."""
    query = (sa.select(s.mentions.c.id, s.articles.c.url, s.articles.c.source)
             .join(s.articles, s.articles.c.id == s.mentions.c.article_id)
             .where(s.mentions.c.id.in_(list(mention_ids))))
    return {row["id"]: {"url": row["url"], "source": row["source"]} for row in Database(db).rows(query)}


def with_links(db: str | Path, incident: dict) -> dict:
    """`get_incident`'s record with each report's URL and source, and each quote split around its span."""
    links = report_links(db, [report["mention"] for report in incident["reports"]])
    reports = [{**report, **links.get(report["mention"], {"url": None, "source": None}),
                "evidence": [split_context(quote) for quote in report["evidence"]]}
               for report in incident["reports"]]
    return {**incident, "reports": reports}


def split_context(quote: dict) -> dict:
    """The quote with `before` and `after`: the text either side of the span in its context.

    `queries._context` writes `…{before}[{span}]{after}…` with `before` min(CONTEXT, start) long.
    """
    context, text = quote["context"], quote["text"]
    marked = f"[{text}]"
    at = 1 + min(CONTEXT, quote["start"])
    if context[at:at + len(marked)] != marked:
        at = context.find(marked)
    if at < 0:
        return {**quote, "before": "", "after": ""}
    return {**quote, "before": context[1:at], "after": context[at + len(marked):-1]}


def to_geojson(rows: list[dict]) -> dict:
    """A FeatureCollection of the placed incidents; the listing row is each point's properties."""
    features = [{"type": "Feature", "id": row["id"],
                 "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
                 "properties": {k: v for k, v in row.items() if k not in ("lat", "lon")}}
                for row in rows if row["lat"] is not None]
    return {"type": "FeatureCollection", "features": features}


def to_csv(rows: list[dict]) -> str:
    """The listing as CSV, with the columns of `claimwatch export --format csv`; lists as JSON."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows({k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for k, v in row.items()}
                     for row in rows)
    return buffer.getvalue()
