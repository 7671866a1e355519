"""Raw MUC-3/4 messages, datelines and key files."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from claimwatch.evaluate.muc4_raw import (
    Dateline, country_code, dateline_country, messages, parse_dateline, read_keys, split_messages,
)

RAW = """DEV-MUC3-0001 (NOSC)

   SAN SALVADOR, 3 JAN 90 -- [REPORT] [ARMED FORCES PRESS COMMITTEE,
COPREFA] [TEXT] THE ARCE BATTALION COMMAND HAS REPORTED THAT ABOUT 50
PEASANTS HAVE BEEN KIDNAPPED.

DEV-MUC3-0002 (NOSC)

   CARACAS (VENEZUELA), 17 JUL 89 (VENEZOLANA DE TELEVISION CANAL 8)
-- [TEXT] STEPPING UP.
"""


@pytest.mark.parametrize(
    "text,docids",
    [(RAW, ["DEV-MUC3-0001", "DEV-MUC3-0002"]), ("TST1-MUC3-0001\n\n   X, 1 JAN 90 -- Y\n", ["TST1-MUC3-0001"])],
)
def test_muc4_raw_split_messages(text, docids):
    assert [docid for docid, _ in split_messages(text)] == docids


@pytest.mark.parametrize(
    "message,year,expected",
    [
        ("\n   SAN SALVADOR, 3 JAN 90 -- [REPORT] X",
         None, Dateline("SAN SALVADOR, 3 JAN 90", "SAN SALVADOR", None, dt.date(1990, 1, 3))),
        ("\n   CARACAS (VENEZUELA), 17 JUL 89 (VENEZOLANA DE TELEVISION CANAL 8)\n-- [TEXT] X",
         None, Dateline("CARACAS (VENEZUELA), 17 JUL 89 (VENEZOLANA DE TELEVISION CANAL 8)", "CARACAS", "VENEZUELA",
                        dt.date(1989, 7, 17))),
        ("\n \n   PERTH (AUSTRALIA), JUNE 11 89 (AFP) -- [TEXT] X",
         None, Dateline("PERTH (AUSTRALIA), JUNE 11 89 (AFP)", "PERTH", "AUSTRALIA", dt.date(1989, 6, 11))),
        ("\n   QUITO, 22 AUGUST 89 (DPA) -- [TEXT] X",
         None, Dateline("QUITO, 22 AUGUST 89 (DPA)", "QUITO", None, dt.date(1989, 8, 22))),
        ("\n   TEGUCIGALPA, 7 FEB (REUTER) -- [TEXT] X",
         1989, Dateline("TEGUCIGALPA, 7 FEB (REUTER)", "TEGUCIGALPA", None, dt.date(1989, 2, 7), year_given=False)),
        ("\n   NO CITY (EL SALVADOR), NO DATE -- [SPEECH] X",
         None, Dateline("NO CITY (EL SALVADOR), NO DATE", None, "EL SALVADOR", None)),
        ("\n   CLANDESTINE, 8 JAN 90 (RADIO VENCEREMOS) -- [TEXT] X",
         None, Dateline("CLANDESTINE, 8 JAN 90 (RADIO VENCEREMOS)", None, None, dt.date(1990, 1, 8))),
        ("\n   NO DASHES HERE AT ALL", None, Dateline("")),
    ],
)
def test_muc4_raw_parse_dateline(message, year, expected):
    assert parse_dateline(message, year) == expected


@pytest.mark.parametrize(
    "name,code",
    [("EL SALVADOR", "SV"), ("Bolivia", "BO"), ("UNITED STATES", "US"), ("FRG", "DE"), ("USSR", "RU"),
     ("GUATAMALA", None)],
)
def test_muc4_raw_country_code(name, code):
    assert country_code(name) == code


@pytest.mark.parametrize(
    "dateline,code",
    [(Dateline("x", "PANAMA CITY", "PANAMA"), "PA"), (Dateline("x", None, "EL SALVADOR"), "SV"),
     (Dateline("x"), None)],
)
def test_muc4_raw_dateline_country_named(dateline, code):
    assert dateline_country(dateline) == code


@pytest.mark.slow
@pytest.mark.parametrize(
    "place,code",
    [("SAN SALVADOR", "SV"), ("BOGOTA", "CO"), ("GUATEMALA CITY", "GT"), ("TEGUCIGALPA", "HN"), ("HAVANA", "CU")],
)
def test_muc4_raw_dateline_country_of_city(place, code):
    assert dateline_country(Dateline("x", place)) == code


@pytest.mark.parametrize("split,files", [("dev", ["tst1/tst1-muc3", "tst2/tst2-muc4"])])
def test_muc4_raw_messages_by_split(tmp_path, split, files):
    for i, name in enumerate(files):
        (tmp_path / name).parent.mkdir(parents=True)
        (tmp_path / name).write_text(f"TST{i + 1}-MUC3-0001\n\n   LIMA, 1 JAN 90 -- X\n")
    assert list(messages(tmp_path, split)) == ["TST1-MUC3-0001", "TST2-MUC3-0001"]


@pytest.mark.parametrize(
    "templates,kept",
    [([{"INCIDENT: TYPE": ["*"]}, {"INCIDENT: TYPE": ["BOMBING"]}, {"INCIDENT: TYPE": ["ATTACK"]}],
      [["BOMBING"], ["ATTACK"]])],
)
def test_muc4_raw_read_keys_relevant_only(tmp_path, templates, kept):
    path = tmp_path / "keys.jsonl"
    path.write_text(json.dumps({"docid": "D", "templates": templates}) + "\n")
    assert [t["INCIDENT: TYPE"] for t in read_keys(path)["D"]] == kept
