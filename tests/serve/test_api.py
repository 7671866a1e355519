"""The HTTP API and the browser view, through FastAPI's TestClient, over a database built by hand."""
import csv
import datetime as dt
import io
import json
import re
import socket
import subprocess
import threading
from pathlib import Path

import pytest
import uvicorn
from click.testing import CliRunner
from fastapi.testclient import TestClient

from claimwatch import queries
from claimwatch.errors import NotFound, SchemaError, UsageError
from claimwatch.model import Article, DateValue, Failure, Figure, Incident, Perpetrator, Place, Span, Statement
from claimwatch.resolve import resolve
from claimwatch.serve.api import WEB, create_app
from claimwatch.store.db import Database
from claimwatch.store.schema import MIGRATIONS

KABUL = "A bomb killed 12 people in Kabul on Monday. The Taliban denied involvement."
BAGHDAD = "Gunmen shot dead 3 police officers in Baghdad on Friday. Islamic State claimed the attack on Telegram."
UNPLACED = "Armed men kidnapped 5 aid workers on Sunday, officials said."
CHROMIUM = "/usr/bin/chromium"  # Debian's; the browser test is skipped without it


def span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span.of(text, start, start + len(phrase))


def kabul() -> Article:
    article = Article(id="kabul-1", text=KABUL, published=dt.date(2024, 1, 2), title="Bomb kills 12 in Kabul",
                      url="https://example.org/kabul", source="Example News")
    article.incidents = [Incident(
        role="main", type="bombing", evidence=[span(KABUL, "bomb")],
        date=DateValue("on Monday", span(KABUL, "on Monday"), "2024-01-01", "day"),
        location=Place("Kabul", span(KABUL, "Kabul"), city="Kabul", country="Afghanistan", country_code="AF",
                       precision="city", lat=34.5, lon=69.2),
        killed=Figure("killed", span(KABUL, "12 people"), value=12, low=12, phrase="12 people"),
        statements=[Statement("denial", "Taliban", span(KABUL, "The Taliban denied involvement."))],
    )]
    return article


def baghdad() -> Article:
    article = Article(id="baghdad-1", text=BAGHDAD, published=dt.date(2024, 3, 9), title="Police killed in Baghdad")
    claim = span(BAGHDAD, "Islamic State claimed the attack on Telegram")
    article.incidents = [Incident(
        role="main", type="armed_assault", evidence=[span(BAGHDAD, "shot dead")],
        date=DateValue("on Friday", span(BAGHDAD, "on Friday"), "2024-03-08", "day"),
        location=Place("Baghdad", span(BAGHDAD, "Baghdad"), city="Baghdad", country="Iraq", country_code="IQ",
                       precision="city", lat=33.3, lon=44.4),
        killed=Figure("killed", span(BAGHDAD, "3 police officers"), value=3, low=3, phrase="3 police officers"),
        perpetrators=[Perpetrator("Islamic State", "organization", "claimed", span(BAGHDAD, "Islamic State"))],
        statements=[Statement("claim", "Islamic State", claim, channel="Telegram")],
    )]
    return article


def unplaced() -> Article:
    article = Article(id="unplaced-1", text=UNPLACED, published=dt.date(2024, 5, 6))
    article.incidents = [Incident(
        role="main", type="kidnapping", evidence=[span(UNPLACED, "kidnapped")],
        date=DateValue("on Sunday", span(UNPLACED, "on Sunday"), "2024-05-05", "day"),
        kidnapped=Figure("kidnapped", span(UNPLACED, "5 aid workers"), value=5, low=5, phrase="5 aid workers"),
    )]
    return article


@pytest.fixture(scope="module")
def db_path(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("api") / "api.db")
    db = Database(path)
    for article in (kabul(), baghdad(), unplaced()):
        db.add_article(article)
    db.add_failure(Failure("dump.jsonl:3", "ingest", "E108", "bad JSONL line", payload=b"{not json"))
    resolve(db)
    return path


@pytest.fixture(scope="module")
def client(db_path):
    return TestClient(create_app(db_path), raise_server_exceptions=False)


def ids_by_type(client) -> dict[str, int]:
    return {row["type"]: row["id"] for row in client.get("/api/incidents").json()["incidents"]}


@pytest.mark.parametrize("query,types,count", [
    ("", ["bombing", "armed_assault", "kidnapping"], 3),
    ("country=IQ", ["armed_assault"], 1),
    ("country=af", ["bombing"], 1),
    ("type=kidnapping", ["kidnapping"], 1),
    ("actor=islamic", ["armed_assault"], 1),
    ("since=2024-02-01&until=2024-04-01", ["armed_assault"], 1),
    ("limit=1&offset=1", ["armed_assault"], 3),
    ("offset=5", [], 3),
    ("as_of=2024-02-01", ["bombing"], 1),
    ("as_of=2024-04-01&country=IQ", ["armed_assault"], 1),
])
def test_api_list_incidents_filters_and_pages(client, query, types, count):
    response = client.get(f"/api/incidents?{query}")
    assert response.status_code == 200
    body = response.json()
    assert ([row["type"] for row in body["incidents"]], body["count"]) == (types, count)


@pytest.mark.parametrize("type_,coordinates", [("bombing", (34.5, 69.2)), ("kidnapping", (None, None))])
def test_api_list_incidents_carries_coordinates(client, type_, coordinates):
    (row,) = client.get(f"/api/incidents?type={type_}").json()["incidents"]
    assert (row["lat"], row["lon"]) == coordinates


@pytest.mark.parametrize("field,quote,before,after", [
    ("killed", "12 people", "A bomb killed ", " in Kabul on Monday. The Taliban denied involvement."),
    ("location", "Kabul", "A bomb killed 12 people in ", " on Monday. The Taliban denied involvement."),
    ("evidence", "bomb", "A ", " killed 12 people in Kabul on Monday. The Taliban denied inv"),  # 60 characters
])
def test_api_get_incident_quotes_evidence_in_context(client, field, quote, before, after):
    response = client.get(f"/api/incidents/{ids_by_type(client)['bombing']}")
    assert response.status_code == 200
    (report,) = response.json()["reports"]
    (evidence,) = [e for e in report["evidence"] if e["field"] == field]
    assert (evidence["text"], evidence["before"], evidence["after"]) == (quote, before, after)
    expected = ("kabul-1", "https://example.org/kabul", "Example News")
    assert (report["article"], report["url"], report["source"]) == expected


@pytest.mark.parametrize("missing", [999])
def test_api_missing_incident_gives_envelope(client, missing):
    response = client.get(f"/api/incidents/{missing}")
    assert response.status_code == 404
    assert response.json() == {"error": {"code": "E401", "message": f"not found: incident {missing}", "status": 404}}


@pytest.mark.parametrize("path,problem", [
    ("/api/incidents?limit=0", "limit: Input should be greater than or equal to 1"),
    ("/api/incidents?limit=10001", "limit: Input should be less than or equal to 10000"),
    ("/api/incidents?offset=-1", "offset: Input should be greater than or equal to 0"),
    ("/api/incidents?since=yesterday", "since: Input should be a valid date or datetime, input is too short"),
    ("/api/incidents?country=AFG", "country: String should match pattern '^[A-Za-z]{2}$'"),
    ("/api/incidents.geojson?until=2024-13-01",
     "until: Input should be a valid date or datetime, month value is outside expected range of 1-12"),
    ("/api/incidents/abc", "incident_id: Input should be a valid integer, unable to parse string as an integer"),
])
def test_api_bad_parameter_gives_envelope(client, path, problem):
    response = client.get(path)
    assert response.status_code == 400
    assert response.json() == {"error": {"code": "E501", "message": f"bad usage: {problem}", "status": 400}}


@pytest.mark.parametrize("value", ["riot"])
def test_api_unknown_type_gives_envelope(client, value):
    response = client.get(f"/api/incidents?type={value}")
    error = response.json()["error"]
    assert (response.status_code, error["code"], error["status"]) == (400, "E501", 400)
    assert error["message"].startswith("bad usage: type: Input should be 'bombing'")


@pytest.mark.parametrize("method,path,status,code", [
    ("GET", "/api/nothing", 404, "E401"), ("POST", "/api/incidents", 405, "E501"),
])
def test_api_routing_errors_give_envelope(client, method, path, status, code):
    response = client.request(method, path)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code and response.json()["error"]["status"] == status


@pytest.mark.parametrize("error,status", [
    (UsageError("as_of is in the future"), 400), (NotFound("incident 5"), 404), (SchemaError("too new"), 500),
])
def test_api_claimwatch_errors_map_to_status(client, monkeypatch, error, status):
    def fail(*_args, **_kwargs):
        raise error

    monkeypatch.setattr(queries, "list_incidents", fail)
    response = client.get("/api/incidents")
    assert response.status_code == status
    assert response.json() == {"error": {"code": error.code, "message": str(error).removeprefix(f"[{error.code}] "),
                                         "status": status}}


@pytest.mark.parametrize("exception", [RuntimeError("boom")])
def test_api_unexpected_error_gives_envelope(client, monkeypatch, exception):
    def fail(*_args, **_kwargs):
        raise exception

    monkeypatch.setattr(queries, "list_incidents", fail)
    response = client.get("/api/incidents")
    envelope = {"error": {"code": "E500", "message": "internal error", "status": 500}}
    assert (response.status_code, response.json()) == (500, envelope)


@pytest.mark.parametrize("query,cities", [("", ["Kabul", "Baghdad"]), ("country=IQ", ["Baghdad"])])
def test_api_geojson_shape(client, query, cities):
    response = client.get(f"/api/incidents.geojson?{query}")
    assert response.status_code == 200 and response.headers["content-type"] == "application/geo+json"
    body = response.json()
    assert body["type"] == "FeatureCollection"
    assert [f["properties"]["city"] for f in body["features"]] == cities
    kabul_feature = next((f for f in body["features"] if f["properties"]["city"] == "Kabul"), None)
    if kabul_feature:
        assert kabul_feature["geometry"] == {"type": "Point", "coordinates": [69.2, 34.5]}
        assert kabul_feature["id"] == kabul_feature["properties"]["id"] and "lat" not in kabul_feature["properties"]


@pytest.mark.parametrize("query,rows", [("", 3), ("type=bombing", 1)])
def test_api_export_csv(client, query, rows):
    response = client.get(f"/api/export.csv?{query}")
    assert response.status_code == 200 and response.headers["content-type"] == "text/csv; charset=utf-8"
    table = list(csv.DictReader(io.StringIO(response.text)))
    assert list(table[0]) == queries.LIST_COLUMNS + ["lat", "lon"] and len(table) == rows
    assert table[0]["city"] == "Kabul" and json.loads(table[0]["reports"]) == ["kabul-1"]


@pytest.mark.parametrize("code", ["E108"])
def test_api_failures_lists_recorded_inputs(client, code):
    body = client.get("/api/failures").json()
    assert body["count"] == 1 and body["failures"][0]["code"] == code and "payload" not in body["failures"][0]


@pytest.mark.parametrize("path", ["/api/health"])
def test_api_health(client, path):
    body = client.get(path).json()
    assert (body["status"], body["schema_version"]) == ("ok", len(MIGRATIONS))


@pytest.mark.parametrize("action", ["opened"])
def test_api_incident_history(client, action):
    incident_id = ids_by_type(client)["armed_assault"]
    body = client.get(f"/api/incidents/{incident_id}/history").json()
    assert body["id"] == incident_id and body["history"][0]["action"] == action
    assert body["history"][0]["report"] == "baghdad-1"


@pytest.mark.parametrize("path", ["/api/incidents", "/api/incidents/{incident_id}", "/api/incidents.geojson",
                                  "/api/export.csv", "/api/failures", "/api/health"])
def test_api_openapi_describes_endpoint(client, path):
    spec = client.get("/api/openapi.json").json()
    responses = spec["paths"][path]["get"]["responses"]
    assert set(responses) == {"200", "400", "404", "500"}
    assert responses["400"]["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/ErrorEnvelope"}


@pytest.mark.parametrize("path,media_type", [
    ("/", "text/html; charset=utf-8"), ("/app.js", "text/javascript; charset=utf-8"),
    ("/style.css", "text/css; charset=utf-8"), ("/countries.json", "application/json"),
])
def test_api_serves_web_files(client, path, media_type):
    response = client.get(path)
    assert response.status_code == 200 and response.headers["content-type"] == media_type
    assert response.headers["content-security-policy"].startswith("default-src 'self'")


@pytest.mark.parametrize("asset", ['<script src="app.js" defer></script>', '<link rel="stylesheet" href="style.css">'])
def test_api_index_page_references_assets(client, asset):
    text = client.get("/").text
    assert asset in text and "Natural Earth" in text and "GeoNames" in text


@pytest.mark.parametrize("tag", ["script", "link", "img"])
def test_api_index_page_loads_nothing_from_elsewhere(tag):
    html = (WEB / "index.html").read_text(encoding="utf-8")
    sources = re.findall(rf'<{tag}\b[^>]*?(?:src|href)="([^"]+)"', html)
    assert all("//" not in source for source in sources)


@pytest.mark.parametrize("limit", [300_000])
def test_api_country_shapes_are_small_and_coded(limit):
    path = WEB / "countries.json"
    shapes = json.loads(path.read_text(encoding="utf-8"))
    assert path.stat().st_size < limit and len(shapes["countries"]) == 176
    assert {"AF", "IQ", "XK"} <= {country["code"] for country in shapes["countries"]}


@pytest.mark.parametrize("missing", ["no-such.db"])
def test_api_serve_command_refuses_missing_database(tmp_path, missing):
    from claimwatch.serve.cli_serve import cli  # here, not at the top: importing it adds `serve` to the CLI

    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / missing)])
    assert result.exit_code == 1 and "[E501] bad usage: no database at" in result.output


@pytest.mark.parametrize("host,port", [("0.0.0.0", 8123)])
def test_api_serve_command_runs_uvicorn(db_path, monkeypatch, host, port):
    from claimwatch.serve.cli_serve import cli  # here, not at the top: importing it adds `serve` to the CLI

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.append((app.state.db, options)))
    result = CliRunner().invoke(cli, ["serve", "--db", db_path, "--host", host, "--port", str(port)])
    assert result.exit_code == 0, result.output
    assert calls == [(db_path, {"host": host, "port": port, "log_level": "warning"})]



@pytest.fixture
def live_server(db_path):
    """The app under uvicorn on a free local port, in a thread, for the browser."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db_path), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started and thread.is_alive():
        threading.Event().wait(0.05)
    yield f"http://127.0.0.1:{port}/"
    server.should_exit = True
    thread.join(10)


@pytest.mark.slow
@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is not installed")
@pytest.mark.parametrize("status,circles,bars,items", [("3 of 3 incidents shown; 1 without coordinates", 2, 18, 3)])
def test_api_browser_draws_map_timeline_and_list(live_server, tmp_path, status, circles, bars, items):
    command = [CHROMIUM, "--headless=new", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path}",
               "--virtual-time-budget=5000", "--dump-dom", live_server]
    dom = subprocess.run(command, capture_output=True, text=True, timeout=60, check=True).stdout
    assert status in dom
    assert dom.count("<circle") == circles and len(re.findall(r'<rect [^>]*class="bar', dom)) == bars  # weeks, Jan-May
    assert len(re.findall(r'<li><button type="button" data-id="\d+"', dom)) == items
