"""Incident records in the shapes of other datasets: GTD, ACLED, UCDP GED (CSV rows) and PLOVER (JSON lines).

Each shape is one function, `(record) -> row`. `record` is an incident record as `get_incident(db, id)["record"]`
returns it, with two keys added: `id` (the incident id) and `report_ids` (the ids of its main reports). The
record's own `reports` key is a count, which is why the ids travel under another name. Column names are the
datasets' own codebook names, so that a user's loader reads our file as one of theirs. Unknown values are empty
(None), except where the dataset itself writes a code for "unknown"; each case is listed below.

What claimwatch does not code, and what is therefore left empty in every row:
- GTD: target types (`targtype1`, `targtype1_txt`), GTD's own numeric country and region codes, nationalities,
  property damage, ransom details, and a third perpetrator group.
- ACLED: `actor2`, `assoc_actor_1`, `inter1`, `inter2` and `interaction` (claimwatch names the attacker, never who
  was attacked, and has no actor categories), admin2/admin3, `source_scale`.
- UCDP GED: `conflict_new_id`, `dyad_new_id`, `side_a_new_id`, `side_b_new_id` (UCDP's own conflict and actor
  ids), Gleditsch-Ward country ids, and the split of deaths by side.

GTD (`gtd`):
- `eventid`: YYYYMMDD of the date (00 for an unknown month or day, 0000 for an unknown year) and the incident id,
  zero-padded to four digits; an id over 9999 makes the eventid longer rather than reusing a number.
- `iyear`, `imonth`, `iday`: 0 when not known, as GTD writes. A week- or month-precise date gives the month of its
  first day and day 0; a year-precise date gives month 0. `approxdate` is the date phrase the reports used
  whenever the date is not day-precise.
- `specificity`: 1 a city with coordinates; 2 a city without coordinates; 4 a first-order region (claimwatch's
  regions are admin1, and its coordinates are the region's centroid); 5 a country or no place at all.
- `attacktype1..3`: claimwatch's types in order, GTD's codes (1 Assassination, 2 Armed Assault, 3 Bombing/Explosion,
  5 Hostage Taking (Barricade Incident), 6 Hostage Taking (Kidnapping), 7 Facility/Infrastructure Attack,
  8 Unarmed Assault, 9 Unknown). Arson is 7; `other` is 9. Code 4 (Hijacking) is never written: claimwatch has
  no such type. Two types with one code are written once.
- `weaptype1..4`: 2 Chemical, 5 Firearms, 6 Explosives, 8 Incendiary, 9 Melee, 10 Vehicle, 12 Other; a record with
  no weapon gets 13 Unknown in `weaptype1`.
- `suicide`: 1 when the record says suicide, else 0 (GTD has no unknown value; "not said" is 0).
- `gname`, `gname2`: named perpetrators, best basis first (claimed, official, accused, suspected); "Unknown" when
  none is named. Unnamed ones ("the bomber") are left out. `guncertain1/2`: 1 when that group is only accused or
  suspected, 0 when it claimed the attack or officials named it.
- `claimed`: 1 when a claim of responsibility was reported (or a perpetrator's basis is a claim), else 0.
  `claimmode`/`claimmode_txt` from the first claim that names its channel: letter 1 Letter; phone call
  3 Call (post-incident) (a claim follows the attack; pre-incident warnings are not told apart); email 4 E-mail;
  video and YouTube 6 Video; Telegram, Amaq, Twitter, Facebook, WhatsApp, website and social media 7 Posted to
  website, blog, etc.; statement, communique, audio message and radio 9 Other; a claim with no channel
  10 Unknown. Empty when nothing was claimed. `compclaim`: 1 when claims compete, else 0.
- `nkill`, `nwound`: the best figures, empty when unknown. `scite1`: the report ids. `dbsource`: "claimwatch".

ACLED (`acled`):
- `event_id_cnty`: the ISO alpha-3 country code and the incident id. `event_date` is ISO (YYYY-MM-DD), as ACLED's
  API gives it; for a vague date it is the first day of the period. `time_precision`: 1 day, 2 week, 3 month or
  year.
- Event types: a suicide bombing is Explosions/Remote violence, Suicide bomb; any other bombing is
  Explosions/Remote violence, Remote explosive/landmine/IED. Kidnapping and hostage taking are Violence against
  civilians, Abduction/forced disappearance. Armed assault, assassination, unarmed assault and `other` are
  Violence against civilians, Attack. Arson and facility attacks that hurt no one are Strategic developments,
  Looting/property destruction (disorder type Strategic developments); those that killed or wounded are Attack.
  Everything else has disorder type Political violence. ACLED would code an attack on soldiers or police as
  Battles; claimwatch does not know who was attacked, so it cannot tell these apart and writes Violence against
  civilians: filter by `notes` before counting civilian targeting.
- `actor1`: the best-supported named perpetrator (as for GTD's `gname`), else "Unidentified Armed Group
  (<country>)", ACLED's own label.
- `iso`: the ISO 3166 numeric country code, as ACLED writes it.
- `location` is the city, else the region, else the country. `geo_precision`: 1 a city, 3 a region or country
  (2, "near a town", is never written).
- `source`: the outlets named in the record's figures and statements, "; "-joined. `notes`: the summary.
  `fatalities`: the best killed figure, 0 when unknown (ACLED writes 0, never empty).
- `tags`: "claimed by <group>" for each reported claim and "competing claims" when claims compete.

UCDP GED (`ucdp`):
- `type_of_violence` is 3 (one-sided violence) for every row: claimwatch does not know whether the victims were
  armed, so state-based (1) and non-state (2) violence cannot be told apart.
- `side_a`: the best-supported named perpetrator, else "Unknown". `side_b`: "Civilians".
- `where_coordinates`: the place's name. `where_prec`: 1 a city, 4 a first-order region, 6 a country.
  `geom_wkt`: POINT (lon lat) when coordinates are known.
- `date_start`, `date_end`: the date's interval: a day is one day; a week its seven days; a month from its first
  to its last day; a year from 1 January to 31 December. `date_prec`: 1 day, 3 week, 4 month, 5 year.
- `best`, `low`, `high`: the killed figures; a missing low or high is the best. `deaths_unknown` is the best
  figure too, so that GED's sum of deaths by side still holds.
- `source_article`: the report ids, "; "-joined; `number_of_sources`: how many.

PLOVER (`plover`), one JSON object per line:
- `event_type`: ASSAULT for every incident.
- `mode`, first that fits: kidnapping and hostage taking "abduct"; assassination "assassinate"; a suicide bombing
  "suicide-bomb"; explosives or a bombing "explosives"; firearms "firearms"; chemical weapons "cbrn"; melee
  weapons "primitive"; an unarmed assault "physically-assault"; otherwise null. Mode vocabularies differ between
  PLOVER drafts and POLECAT releases: check these names against the version you load.
- `context`: "terrorism". `actor`: the best-supported named perpetrator or null; `recipient`: null (not coded).
- `location`: `name` (city, else region, else country), `country` (ISO alpha-3 where pycountry knows the alpha-2
  code, else the alpha-2 code), `admin1`, `lat`, `lon`.
- `killed`, `wounded`: the best figures or null. `sources`: the report ids.
"""
from __future__ import annotations

import calendar
import datetime as dt

from ..resolve.attribution import LADDER


GTD_ATTACK = {"assassination": 1, "armed_assault": 2, "bombing": 3, "hostage_taking": 5, "kidnapping": 6,
              "arson": 7, "facility_attack": 7, "unarmed_assault": 8, "other": 9}
GTD_ATTACK_TXT = {1: "Assassination", 2: "Armed Assault", 3: "Bombing/Explosion", 4: "Hijacking",
                  5: "Hostage Taking (Barricade Incident)", 6: "Hostage Taking (Kidnapping)",
                  7: "Facility/Infrastructure Attack", 8: "Unarmed Assault", 9: "Unknown"}
GTD_WEAPON = {"chemical": 2, "firearms": 5, "explosives": 6, "incendiary": 8, "melee": 9, "vehicle": 10, "other": 12}
GTD_WEAPON_TXT = {2: "Chemical", 5: "Firearms", 6: "Explosives", 8: "Incendiary", 9: "Melee",
                  10: "Vehicle (not to include vehicle-borne explosives, i.e., car or truck bombs)", 12: "Other",
                  13: "Unknown"}
GTD_CLAIM_MODE = {"letter": 1, "phone call": 3, "email": 4, "video": 6, "youtube": 6, "telegram": 7, "amaq": 7,
                  "twitter": 7, "facebook": 7, "whatsapp": 7, "website": 7, "social media": 7}
GTD_CLAIM_MODE_TXT = {1: "Letter", 3: "Call (post-incident)", 4: "E-mail", 6: "Video",
                      7: "Posted to website, blog, etc.", 9: "Other", 10: "Unknown"}
GTD_SPECIFICITY = {"region": 4, "country": 5}

ACLED_TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
ACLED_GEO_PRECISION = {"city": 1, "region": 3, "country": 3}
ACLED_ABDUCTION = ("Violence against civilians", "Abduction/forced disappearance")
ACLED_ATTACK = ("Violence against civilians", "Attack")
ACLED_PROPERTY = ("Strategic developments", "Looting/property destruction")

UCDP_WHERE_PREC = {"city": 1, "region": 4, "country": 6}
UCDP_DATE_PREC = {"day": 1, "week": 3, "month": 4, "year": 5}

PLOVER_WEAPON_MODE = (("explosives", "explosives"), ("firearms", "firearms"), ("chemical", "cbrn"),
                      ("melee", "primitive"))

COLUMNS = {
    "gtd": ["eventid", "iyear", "imonth", "iday", "approxdate", "country_txt", "provstate", "city", "latitude",
            "longitude", "specificity", "summary", "suicide", "attacktype1", "attacktype1_txt", "attacktype2",
            "attacktype2_txt", "attacktype3", "attacktype3_txt", "targtype1", "targtype1_txt", "gname", "gname2",
            "guncertain1", "guncertain2", "claimed", "claimmode", "claimmode_txt", "compclaim", "weaptype1",
            "weaptype1_txt", "weaptype2", "weaptype2_txt", "weaptype3", "weaptype3_txt", "weaptype4",
            "weaptype4_txt", "nkill", "nwound", "scite1", "dbsource"],
    "acled": ["event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
              "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "inter2", "interaction", "iso",
              "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes",
              "fatalities", "tags"],
    "ucdp": ["id", "year", "type_of_violence", "conflict_new_id", "dyad_new_id", "side_a_new_id", "side_a",
             "side_b_new_id", "side_b", "number_of_sources", "source_article", "where_prec", "where_coordinates",
             "adm_1", "latitude", "longitude", "geom_wkt", "country", "date_prec", "date_start", "date_end",
             "deaths_unknown", "best", "high", "low"],
}


# ---------------------------------------------------------------- the shapes


def gtd(record: dict) -> dict:
    """One GTD row (see the module docstring for each column)."""
    year, month, day = _ymd(record)
    place, groups = _place(record), _groups(record)
    claimed = _claimed(record)
    mode = _claim_mode(record) if claimed else None
    return _in_order("gtd", {
        "eventid": f"{year:04d}{month:02d}{day:02d}{record['id']:04d}", "iyear": year, "imonth": month, "iday": day,
        "approxdate": _approxdate(record),
        "country_txt": place.get("country"), "provstate": place.get("region"), "city": place.get("city"),
        "latitude": place.get("lat"), "longitude": place.get("lon"), "specificity": _specificity(place),
        "summary": record.get("summary"), "suicide": int(record.get("suicide") is True),
        **_numbered("attacktype", _attack_codes(record), GTD_ATTACK_TXT, 3),
        **_numbered("weaptype", _weapon_codes(record), GTD_WEAPON_TXT, 4),
        "gname": groups[0]["name"] if groups else "Unknown", "gname2": groups[1]["name"] if len(groups) > 1 else None,
        "guncertain1": _uncertain(groups[:1]), "guncertain2": _uncertain(groups[1:2]),
        "claimed": int(claimed), "claimmode": mode, "claimmode_txt": GTD_CLAIM_MODE_TXT.get(mode),
        "compclaim": int(record.get("compclaim") is True),
        "nkill": _best(record, "killed"), "nwound": _best(record, "wounded"),
        "scite1": "; ".join(record["report_ids"]), "dbsource": "claimwatch",
    })


def acled(record: dict) -> dict:
    """One ACLED row (see the module docstring for each column)."""
    place, date, groups = _place(record), _date(record), _groups(record)
    event_type, sub_event_type = _acled_event(record)
    return _in_order("acled", {
        "event_id_cnty": f"{_alpha3(place.get('country_code')) or ''}{record['id']}", "event_date": date.get("value"),
        "year": _ymd(record)[0] or None, "time_precision": ACLED_TIME_PRECISION.get(date.get("precision")),
        "disorder_type": event_type if event_type == "Strategic developments" else "Political violence",
        "event_type": event_type, "sub_event_type": sub_event_type,
        "actor1": groups[0]["name"] if groups else _unidentified(place),
        "iso": _numeric(place.get("country_code")), "country": place.get("country"), "admin1": place.get("region"),
        "location": _place_name(place), "latitude": place.get("lat"), "longitude": place.get("lon"),
        "geo_precision": ACLED_GEO_PRECISION.get(place.get("precision")), "source": "; ".join(_outlets(record)),
        "notes": record.get("summary"), "fatalities": _best(record, "killed") or 0, "tags": "; ".join(_tags(record)),
    })


def ucdp(record: dict) -> dict:
    """One UCDP GED row (see the module docstring for each column)."""
    place, date, groups = _place(record), _date(record), _groups(record)
    start, end = _interval(date)
    killed = record.get("killed") or {}
    best = _best(record, "killed")
    return _in_order("ucdp", {
        "id": record["id"], "year": _ymd(record)[0] or None, "type_of_violence": 3,
        "side_a": groups[0]["name"] if groups else "Unknown", "side_b": "Civilians",
        "number_of_sources": len(record["report_ids"]), "source_article": "; ".join(record["report_ids"]),
        "where_prec": UCDP_WHERE_PREC.get(place.get("precision")), "where_coordinates": _place_name(place),
        "adm_1": place.get("region"), "latitude": place.get("lat"), "longitude": place.get("lon"),
        "geom_wkt": f"POINT ({place['lon']} {place['lat']})" if place.get("lat") is not None else None,
        "country": place.get("country"), "date_prec": UCDP_DATE_PREC.get(date.get("precision")),
        "date_start": start, "date_end": end, "deaths_unknown": best, "best": best,
        "high": _or(killed.get("high"), best), "low": _or(killed.get("low"), best),
    })


def plover(record: dict) -> dict:
    """One PLOVER event (see the module docstring for each field)."""
    place, groups = _place(record), _groups(record)
    return {
        "id": record["id"], "date": _date(record).get("value"), "event_type": "ASSAULT", "mode": _plover_mode(record),
        "context": "terrorism", "actor": groups[0]["name"] if groups else None, "recipient": None,
        "location": {"name": _place_name(place), "country": _alpha3(place.get("country_code")),
                     "admin1": place.get("region"), "lat": place.get("lat"), "lon": place.get("lon")},
        "killed": _best(record, "killed"), "wounded": _best(record, "wounded"), "sources": record["report_ids"],
    }


SHAPES = {"gtd": gtd, "acled": acled, "ucdp": ucdp, "plover": plover}


# ---------------------------------------------------------------- shared readings of the record


def _in_order(name: str, row: dict) -> dict:
    """Every column of the shape, in its order; those the row does not fill are None."""
    return {column: row.get(column) for column in COLUMNS[name]}


def _date(record: dict) -> dict:
    return record.get("date") or {}


def _place(record: dict) -> dict:
    return record.get("location") or {}


def _ymd(record: dict) -> tuple[int, int, int]:
    """Year, month and day, 0 where the date does not say."""
    date = _date(record)
    if not date.get("value"):
        return 0, 0, 0
    year, month, day = (int(part) for part in date["value"].split("-"))
    precision = date.get("precision") or "day"
    return year, month if precision != "year" else 0, day if precision == "day" else 0


def _interval(date: dict) -> tuple[str | None, str | None]:
    if not date.get("value"):
        return None, None
    start = dt.date.fromisoformat(date["value"])
    end = {"week": lambda: start + dt.timedelta(days=6),
           "month": lambda: start.replace(day=calendar.monthrange(start.year, start.month)[1]),
           "year": lambda: start.replace(month=12, day=31)}.get(date.get("precision"), lambda: start)()
    return start.isoformat(), end.isoformat()


def _best(record: dict, kind: str) -> int | None:
    figure = record.get(kind) or {}
    return _or(figure.get("best"), figure.get("value"))


def _or(value, default):
    return default if value is None else value


def _groups(record: dict) -> list[dict]:
    """Named perpetrators, best basis first."""
    named = [p for p in record.get("perpetrators") or [] if p.get("named", True) and p.get("name")]
    return sorted(named, key=lambda p: LADDER.index(p["basis"]) if p.get("basis") in LADDER else len(LADDER))


def _uncertain(groups: list[dict]) -> int | None:
    return int(groups[0].get("basis") in ("accused", "suspected")) if groups else None


def _claims(record: dict) -> list[dict]:
    return [a for a in record.get("attribution") or [] if a.get("kind") == "claim"]


def _claimed(record: dict) -> bool:
    return bool(_claims(record)) or any(p.get("basis") == "claimed" for p in record.get("perpetrators") or [])


def _place_name(place: dict) -> str | None:
    return place.get("city") or place.get("region") or place.get("country")


def _outlets(record: dict) -> list[str]:
    cited = [*(record.get("figures") or []), *(record.get("attribution") or [])]
    return list(dict.fromkeys(item["source"] for item in cited if item.get("source")))


def _country(code: str | None):
    if not code:
        return None
    import pycountry

    return pycountry.countries.get(alpha_2=code.upper())


def _alpha3(code: str | None) -> str | None:
    country = _country(code)
    return country.alpha_3 if country else code


def _numeric(code: str | None) -> int | None:
    country = _country(code)
    return int(country.numeric) if country else None


# ---------------------------------------------------------------- per-shape codes


def _numbered(prefix: str, codes: list[int], names: dict[int, str], count: int) -> dict:
    """GTD's numbered column pairs: weaptype1, weaptype1_txt, weaptype2, ..."""
    row = {}
    for n in range(count):
        code = codes[n] if n < len(codes) else None
        row[f"{prefix}{n + 1}"], row[f"{prefix}{n + 1}_txt"] = code, names.get(code)
    return row


def _attack_codes(record: dict) -> list[int]:
    types = [record.get("type") or "other", *(record.get("types") or [])]
    return list(dict.fromkeys(GTD_ATTACK.get(t, 9) for t in types))


def _weapon_codes(record: dict) -> list[int]:
    codes = list(dict.fromkeys(GTD_WEAPON.get(w, 12) for w in record.get("weapons") or []))
    return codes or [13]


def _approxdate(record: dict) -> str | None:
    date = _date(record)
    return date.get("phrase") if date.get("value") and (date.get("precision") or "day") != "day" else None


def _specificity(place: dict) -> int:
    if place.get("precision") == "city":
        return 1 if place.get("lat") is not None else 2
    return GTD_SPECIFICITY.get(place.get("precision"), 5)


def _claim_mode(record: dict) -> int:
    channels = [c["channel"].lower() for c in _claims(record) if c.get("channel")]
    return GTD_CLAIM_MODE.get(channels[0], 9) if channels else 10


def _acled_event(record: dict) -> tuple[str, str]:
    kind = record.get("type")
    if kind == "bombing":
        return "Explosions/Remote violence", ("Suicide bomb" if record.get("suicide")
                                              else "Remote explosive/landmine/IED")
    if kind in ("kidnapping", "hostage_taking"):
        return ACLED_ABDUCTION
    hurt = _best(record, "killed") or _best(record, "wounded")
    return ACLED_PROPERTY if kind in ("arson", "facility_attack") and not hurt else ACLED_ATTACK


def _unidentified(place: dict) -> str:
    return f"Unidentified Armed Group ({place['country']})" if place.get("country") else "Unidentified Armed Group"


def _tags(record: dict) -> list[str]:
    tags = [f"claimed by {claim['by']}" for claim in _claims(record) if claim.get("by")]
    return list(dict.fromkeys(tags)) + (["competing claims"] if record.get("compclaim") else [])


def _plover_mode(record: dict) -> str | None:
    kind, weapons = record.get("type"), record.get("weapons") or []
    fixed = {"kidnapping": "abduct", "hostage_taking": "abduct", "assassination": "assassinate"}
    if kind in fixed:
        return fixed[kind]
    if kind == "bombing" and record.get("suicide"):
        return "suicide-bomb"
    if kind == "bombing":
        return "explosives"
    found = [mode for weapon, mode in PLOVER_WEAPON_MODE if weapon in weapons]
    return found[0] if found else ("physically-assault" if kind == "unarmed_assault" else None)
