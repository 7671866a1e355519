"""The read API over HTTP, and the browser view at `/`.

    GET /api/incidents                 {"incidents": [...], "count": N}: filtered, then one page of them
    GET /api/incidents/{id}            one incident: its record, each report with every value's evidence in context
    GET /api/incidents/{id}/history    how its record changed, and which report changed it
    GET /api/incidents.geojson         the filtered incidents that have coordinates, as GeoJSON points
    GET /api/export.csv                the filtered incidents as CSV (the columns of `claimwatch export`)
    GET /api/failures                  inputs that failed, with code and reason
    GET /api/health                    {"status": "ok", "schema_version": N, "version": "..."}
    GET /api/openapi.json              the OpenAPI description (no /docs: that page loads from a CDN)
    GET /                              the browser view (claimwatch/serve/web): map, timeline, evidence

The library raises; this boundary translates. Every error, from claimwatch, from validation or from
routing, has one envelope: `{"error": {"code": "E401", "message": "...", "status": 404}}`.
NotFound (and an unknown path) is 404, UsageError (and a bad parameter, as E501) is 400, the rest 500.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException

from .. import queries
from ..errors import ClaimwatchError, NotFound, UsageError
from ..model import IncidentType
from ..store.db import Database
from . import api_queries

WEB = Path(__file__).resolve().parent / "web"
WEB_FILES = {"index.html": "text/html; charset=utf-8", "app.js": "text/javascript; charset=utf-8",
             "style.css": "text/css; charset=utf-8", "countries.json": "application/json"}
WEB_HEADERS = {"Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
               "X-Content-Type-Options": "nosniff"}
STATUS_OF = ((NotFound, 404), (UsageError, 400))
MAX_LIMIT = 10_000


# ---------------------------------------------------------------- response shapes (for the OpenAPI spec)

class ErrorBody(BaseModel):
    code: str
    message: str
    status: int


class ErrorEnvelope(BaseModel):
    error: ErrorBody


class IncidentList(BaseModel):
    incidents: list[dict[str, Any]]
    count: int  # how many incidents match the filters, before limit and offset


class FailureList(BaseModel):
    failures: list[dict[str, Any]]
    count: int


class Health(BaseModel):
    status: str
    schema_version: int
    version: str


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorEnvelope, "description": text}
    for status, text in ((400, "a bad parameter (E501)"), (404, "not found (E401)"), (500, "an internal error"))
}


# ---------------------------------------------------------------- parameters

def database(request: Request) -> str:
    return request.app.state.db


Country = Annotated[str | None, Query(pattern="^[A-Za-z]{2}$", description="ISO alpha-2 code")]
Type = Annotated[IncidentType | None, Query(description="incident type")]
Since = Annotated[dt.date | None, Query(description="incidents on or after this day")]
Until = Annotated[dt.date | None, Query(description="incidents on or before this day")]
Actor = Annotated[str | None, Query(min_length=1, max_length=200, description="a perpetrator, or part of a name")]
All = Annotated[bool, Query(alias="all", description="with the incidents known only as background")]
AsOf = Annotated[dt.date | None, Query(description="the incidents as they stood on this day")]


def filters(country: Country = None, type: Type = None, since: Since = None, until: Until = None,
            actor: Actor = None, include_background: All = False, as_of: AsOf = None) -> dict[str, Any]:
    """The keyword arguments of `queries.list_incidents`."""
    return {"country": country, "type": type, "since": _iso(since), "until": _iso(until), "actor": actor,
            "include_background": include_background, "as_of": _iso(as_of)}


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass
class Page:
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="at most this many incidents")] = 1000
    offset: Annotated[int, Query(ge=0, description="skip this many first")] = 0


Db = Annotated[str, Depends(database)]
Filters = Annotated[dict, Depends(filters)]


# ---------------------------------------------------------------- endpoints

router = APIRouter(prefix="/api", responses=ERRORS)


@router.get("/incidents", response_model=IncidentList, summary="List incidents")
def incidents(db: Db, wanted: Filters, page: Annotated[Page, Depends()]) -> dict:
    """Incidents matching the filters, oldest first; `count` is how many match before `limit` and `offset`."""
    rows = queries.list_incidents(db, **wanted)
    chosen = rows[page.offset:page.offset + page.limit]
    return {"incidents": api_queries.with_coordinates(db, chosen), "count": len(rows)}


@router.get("/incidents.geojson", summary="Incidents as GeoJSON points",
            responses={200: {"content": {"application/geo+json": {}}}})
def incidents_geojson(db: Db, wanted: Filters) -> JSONResponse:
    """The incidents matching the filters that have coordinates; each listing row is a point's properties."""
    rows = api_queries.with_coordinates(db, queries.list_incidents(db, **wanted))
    return JSONResponse(api_queries.to_geojson(rows), media_type="application/geo+json")


@router.get("/export.csv", summary="Incidents as CSV", response_class=Response,
            responses={200: {"content": {"text/csv": {}}}})
def export_csv(db: Db, wanted: Filters) -> Response:
    rows = api_queries.with_coordinates(db, queries.list_incidents(db, **wanted))
    return Response(api_queries.to_csv(rows), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": 'attachment; filename="incidents.csv"'})


@router.get("/incidents/{incident_id}", summary="One incident, with evidence")
def get_incident(db: Db, incident_id: int) -> dict:
    """The record, and each member report with every value's evidence quoted in context (`before`, `text`, `after`)."""
    return api_queries.with_links(db, queries.get_incident(db, incident_id))


@router.get("/incidents/{incident_id}/history", summary="How an incident's record changed")
def incident_history(db: Db, incident_id: int) -> dict:
    return {"id": incident_id, "history": queries.incident_history(db, incident_id)}


@router.get("/failures", response_model=FailureList, summary="Inputs that failed")
def failures(db: Db) -> dict:
    from ..ingest_db import list_failures

    rows = list_failures(db)
    return {"failures": rows, "count": len(rows)}


@router.get("/health", response_model=Health, summary="Liveness and schema version")
def health(db: Db) -> dict:
    return {"status": "ok", "schema_version": Database(db).migrate(), "version": version("claimwatch")}


# ---------------------------------------------------------------- errors: one envelope everywhere

def envelope(code: str, message: str, status: int, headers: dict | None = None) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message, "status": status}},
                        status_code=status, headers=headers)


def _claimwatch_error(_request: Request, error: ClaimwatchError) -> JSONResponse:
    status = next((status for kind, status in STATUS_OF if isinstance(error, kind)), 500)
    return envelope(error.code, str(error).removeprefix(f"[{error.code}] "), status)


def _validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
    problems = "; ".join(f"{_where(problem['loc'])}: {problem['msg']}" for problem in error.errors())
    return _claimwatch_error(request, UsageError(problems))


def _where(loc: tuple) -> str:
    return ".".join(str(part) for part in loc[1:]) or str(loc[0])


def _http_error(request: Request, error: HTTPException) -> JSONResponse:
    if error.status_code == 404:
        return _claimwatch_error(request, NotFound(request.url.path))
    code = "E501" if error.status_code < 500 else "E500"
    return envelope(code, str(error.detail), error.status_code, getattr(error, "headers", None))


def _unexpected_error(_request: Request, _error: Exception) -> JSONResponse:
    return envelope("E500", "internal error", 500)


HANDLERS = ((ClaimwatchError, _claimwatch_error), (RequestValidationError, _validation_error),
            (HTTPException, _http_error), (Exception, _unexpected_error))


# ---------------------------------------------------------------- the app

def _web_file(name: str, media_type: str):
    def serve() -> FileResponse:
        return FileResponse(WEB / name, media_type=media_type, headers=WEB_HEADERS)

    serve.__name__ = f"web_{name.replace('.', '_')}"
    return serve


def _openapi(app: FastAPI) -> dict:
    """FastAPI's spec, less its 422 responses: a bad parameter here is a 400 in the error envelope."""
    spec = FastAPI.openapi(app)
    for operations in spec["paths"].values():
        for operation in operations.values():
            operation["responses"].pop("422", None)
    for name in ("HTTPValidationError", "ValidationError"):
        spec.get("components", {}).get("schemas", {}).pop(name, None)
    return spec


def create_app(db: str | Path) -> FastAPI:
    """The API and the browser view over the database at `db` (a path or an SQLAlchemy URL)."""
    Database(db)  # migrates; a database newer than this claimwatch raises SchemaError here
    app = FastAPI(title="claimwatch", version=version("claimwatch"), docs_url=None, redoc_url=None,
                  openapi_url="/api/openapi.json",
                  description="A sourced incident database of political violence: every value with its evidence.")
    app.state.db = str(db)
    app.include_router(router)
    for name, media_type in WEB_FILES.items():
        path = "/" if name == "index.html" else f"/{name}"
        app.add_api_route(path, _web_file(name, media_type), methods=["GET"], include_in_schema=False)
    for kind, handler in HANDLERS:
        app.add_exception_handler(kind, handler)
    app.openapi = lambda: _openapi(app)
    return app
