"""The storage and resolution layer on PostgreSQL: a throwaway server from Debian's postgresql package.

Skipped, with the reason, when `initdb`/`pg_ctl` (PATH or /usr/lib/postgresql/*/bin) or psycopg are
missing. As root the server runs as the `postgres` user (initdb refuses root).
"""
from __future__ import annotations

import datetime as dt
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

import pytest

from claimwatch import queries
from claimwatch.model import Article, DateValue, Figure, Incident, Place, Span, Statement
from claimwatch.resolve import join, resolve, split
from claimwatch.resolve.features import FEATURES
from claimwatch.resolve.scoring import Weights
from claimwatch.store.db import Database

pytestmark = pytest.mark.postgres
WEIGHTS = Weights(FEATURES, tuple({"date_exact": 2.0, "same_city": 2.0, "type_same": 1.0, "text_sim": 4.0}.get(f, 0.0)
                                  for f in FEATURES), -6.0, 0.5)
KABUL = "A suicide bomber struck crowds at Abbey Gate of Kabul airport, killing {n} people."


def span(text: str, part: str) -> Span:
    start = text.index(part)
    return Span(start, start + len(part), part)


def report(id: str, published: str, text: str, killed: int, city: str = "Kabul", claim: str | None = None) -> Article:
    incident = Incident(
        role="main", type="bombing", evidence=[span(text, "bomber")], summary=text,
        date=DateValue("on Thursday", span(text, "A"), value="2021-08-26", precision="day"),
        location=Place(city, span(text, city), city=city, country_code="AF", precision="city", anchored=True),
        killed=Figure("killed", span(text, str(killed)), value=killed),
        statements=[Statement("claim", claim, span(text, "suicide"), channel="Amaq")] if claim else [])
    return Article(id=id, text=text, published=dt.date.fromisoformat(published), incidents=[incident])


def _binary(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    return found[-1] if found else shutil.which(name)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    runuser = shutil.which("runuser")
    return [runuser, "-u", "postgres", "--", *command] if runuser else ["su", "postgres", "-c", " ".join(command)]


@pytest.fixture(scope="module")
def postgres_url():
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if not initdb or not pg_ctl:
        pytest.skip("no PostgreSQL server binaries (apt-get install -y postgresql)")
    pytest.importorskip("psycopg", reason="psycopg is not installed (pip install 'psycopg[binary]==3.3.9')")
    if os.geteuid() == 0 and subprocess.run(["id", "postgres"], capture_output=True).returncode != 0:
        pytest.skip("running as root and there is no postgres user to run the server as")
    folder = Path(tempfile.mkdtemp(prefix="claimwatch-pg-"))
    data, port = folder / "data", _free_port()
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    subprocess.run(_as_server_user([initdb, "-D", str(data), "-A", "trust", "-U", "postgres"]), check=True,
                   capture_output=True)
    options = f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
    subprocess.run(_as_server_user([pg_ctl, "-D", str(data), "-o", options, "-l", str(folder / "log"), "-w", "start"]),
                   check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(_as_server_user([pg_ctl, "-D", str(data), "-m", "immediate", "stop"]), capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


def _scenario(url: str) -> dict:
    """Store three reports, resolve, split one out, join it back by hand; what the queries then say."""
    db = Database(url)
    for article in (report("k1", "2021-08-26", KABUL.format(n=13), 13),
                    report("k2", "2021-08-27", KABUL.format(n=170), 170, claim="Northern Brigade"),
                    report("h1", "2021-08-26", KABUL.replace("Kabul", "Herat").format(n=5), 5, city="Herat")):
        db.add_article(article)
    linked = resolve(db, WEIGHTS)
    before = [row["reports"] for row in queries.list_incidents(url)]
    mention = next(r["mention"] for r in queries.get_incident(url, 1)["reports"] if r["article"] == "k2")
    new = split(db, mention)
    join(db, 1, new)
    return {"linked": linked, "before": before, "after": [row["reports"] for row in queries.list_incidents(url)],
            "as_of": [row["killed"] for row in queries.list_incidents(url, as_of="2021-08-26")],
            "history": [(e["action"], e["report"]) for e in queries.incident_history(url, 1)]}


@pytest.mark.parametrize("expected_reports", [[["k1", "k2"], ["h1"]]])
def test_postgres_resolution_matches_sqlite(postgres_url, tmp_path, expected_reports):
    on_postgres, on_sqlite = _scenario(postgres_url), _scenario(str(tmp_path / "cw.db"))
    assert on_postgres == on_sqlite
    assert sorted(on_postgres["before"]) == sorted(expected_reports)
