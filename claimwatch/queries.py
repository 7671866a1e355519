"""Read-side queries over the store, shared by the CLI and the web API."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from .errors import NotFound
from .model import Incident, to_dict
from .store import schema as s
from .store.db import Database

LIST_COLUMNS = ["id", "type", "date", "country_code", "city", "killed", "wounded", "perpetrators", "reports"]
CONTEXT = 60


def flat(incident: Incident | dict) -> dict[str, Any]:
    """A one-line summary of an incident record."""
    record = to_dict(incident) if isinstance(incident, Incident) else incident
    location = record.get("location") or {}
    return {
        "role": record.get("role"), "type": record.get("type"), "date": (record.get("date") or {}).get("value"),
        "country_code": location.get("country_code"), "city": location.get("city"),
        "killed": (record.get("killed") or {}).get("value"), "wounded": (record.get("wounded") or {}).get("value"),
        "perpetrators": [f"{p['name']} ({p['basis']})" for p in record.get("perpetrators") or []],
    }


def list_incidents(db: str | Path, country=None, type=None, since=None, until=None, actor=None,
                   include_background: bool = False) -> list[dict]:
    database = Database(db)
    table = s.incidents
    query = sa.select(table).order_by(table.c.date.is_(None), table.c.date, table.c.id)
    conditions = [
        (country, lambda: table.c.country_code == country.upper()), (type, lambda: table.c.type == type),
        (since, lambda: table.c.date >= since), (until, lambda: table.c.date <= until),
        (not include_background, lambda: table.c.background_only == sa.false()),
    ]
    for wanted, condition in conditions:
        if wanted:
            query = query.where(condition())
    members = _members(database)
    rows = [_list_row(row, members.get(row["id"], [])) for row in database.rows(query)]
    return [row for row in rows if not actor or _mentions_actor(row, actor)]


def _members(database: Database) -> dict[int, list[dict]]:
    query = (sa.select(s.mentions.c.incident_id, s.mentions.c.role, s.articles.c.ext_id, s.articles.c.published)
             .join(s.articles, s.articles.c.id == s.mentions.c.article_id).order_by(s.articles.c.published))
    out: dict[int, list[dict]] = {}
    for row in database.rows(query):
        out.setdefault(row["incident_id"], []).append(
            {"id": row["ext_id"], "published": row["published"], "role": row["role"]})
    return out


def _list_row(row: dict, members: list[dict]) -> dict:
    summary = flat(row["record"])
    summary.update(id=row["id"], reports=[m["id"] for m in members if m["role"] == "main"],
                   background_reports=[m["id"] for m in members if m["role"] != "main"])
    return summary


def _mentions_actor(row: dict, actor: str) -> bool:
    return actor.casefold() in json.dumps(row["perpetrators"], ensure_ascii=False).casefold()


def get_incident(db: str | Path, incident_id: int) -> dict:
    database = Database(db)
    rows = list(database.rows(sa.select(s.incidents).where(s.incidents.c.id == incident_id)))
    if not rows:
        raise NotFound(f"incident {incident_id}")
    mentions = list(database.rows(
        sa.select(s.mentions, s.articles.c.ext_id, s.articles.c.text, s.articles.c.published, s.articles.c.title)
        .join(s.articles, s.articles.c.id == s.mentions.c.article_id)
        .where(s.mentions.c.incident_id == incident_id).order_by(s.articles.c.published, s.mentions.c.id)))
    return {"id": incident_id, "record": rows[0]["record"], "reports": [_report(m) for m in mentions]}


def _report(mention: dict) -> dict:
    return {"article": mention["ext_id"], "published": mention["published"], "title": mention["title"],
            "role": mention["role"], "record": mention["record"], "link_reason": mention["link_reason"],
            "evidence": list(_quotes(mention["record"], mention["text"]))}


def _quotes(record: Any, text: str, path: str = ""):
    """Every evidence span in a record, quoted with its context in the article."""
    if isinstance(record, dict):
        for key, value in record.items():
            if key == "evidence" or key.endswith("_evidence"):
                for span in value if isinstance(value, list) else [value]:
                    yield {"field": path or key, **span, "context": _context(text, span)}
            else:
                yield from _quotes(value, text, f"{path}.{key}" if path else key)
    elif isinstance(record, list):
        for i, item in enumerate(record):
            yield from _quotes(item, text, f"{path}[{i}]")


def _context(text: str, span: dict) -> str:
    start, end = span["start"], span["end"]
    before = text[max(0, start - CONTEXT):start].replace("\n", " ")
    after = text[end:end + CONTEXT].replace("\n", " ")
    return f"…{before}[{text[start:end]}]{after}…"


def render(incident: dict) -> str:
    """The incident for people: the summary line, then each report's evidence in context."""
    summary = flat(incident["record"])
    lines = [f"incident {incident['id']}: " + "  ".join(f"{k}={v}" for k, v in summary.items() if v not in (None, []))]
    for report in incident["reports"]:
        lines.append(f"\n  report {report['article']} ({report['published']}, {report['role']}): {report['title'] or ''}")
        lines += [f"    {q['field']:<28} {q['context']}" for q in report["evidence"]]
    return "\n".join(lines)
