"""Linking mentions to incidents. (Baseline: every unlinked mention opens its own incident.)"""
from __future__ import annotations

import sqlalchemy as sa

from ..store import schema as s
from ..store.db import Database, now


def resolve(db: Database) -> int:
    """Give every unlinked mention an incident; return how many mentions were linked."""
    unlinked = list(db.rows(sa.select(s.mentions).where(s.mentions.c.incident_id.is_(None))
                            .order_by(s.mentions.c.id)))
    with db.engine.begin() as conn:
        for mention in unlinked:
            incident_id = conn.execute(s.incidents.insert().values(**_incident_row(mention))).inserted_primary_key[0]
            conn.execute(s.mentions.update().where(s.mentions.c.id == mention["id"])
                         .values(incident_id=incident_id, link_reason={"rule": "opened"}))
    return len(unlinked)


def _incident_row(mention: dict) -> dict:
    record = mention["record"]
    location = record.get("location") or {}
    stamp = now()
    return {
        "type": record.get("type"), "date": (record.get("date") or {}).get("value"),
        "country_code": location.get("country_code"), "city": location.get("city"),
        "region": location.get("region"), "lat": location.get("lat"), "lon": location.get("lon"),
        "killed": (record.get("killed") or {}).get("value"), "wounded": (record.get("wounded") or {}).get("value"),
        "record": record, "first_seen": stamp, "updated_at": stamp,
        "background_only": record.get("role") == "background",
    }
