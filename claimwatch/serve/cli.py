"""The command line: thin wrappers over importable functions.

stdout carries data only; progress bars (on a terminal) and messages go to stderr.
Exit codes: 0 ok, 1 error, 2 usage.
"""
from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import click

from .. import batch, queries
from ..errors import ClaimwatchError
from ..model import Article, Failure

DEFAULT_DB = "claimwatch.db"


def _progress(items, total=None, label="", quiet=False):
    """A progress bar on stderr, only on a terminal and unless -q."""
    if quiet or not sys.stderr.isatty():
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc=label, file=sys.stderr, unit="art")


def _fail(error: ClaimwatchError) -> None:
    click.echo(f"error: {error}", err=True)
    sys.exit(1)


class Main(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except ClaimwatchError as error:
            _fail(error)


@click.group(cls=Main)
@click.version_option(package_name="claimwatch")
def cli() -> None:
    """claimwatch: a sourced incident database of political violence, built from news reports."""


def output_options(func):
    """--json / --nl / --csv for listings; the default is a table for people."""
    func = click.option("--csv", "fmt", flag_value="csv", help="CSV with a header row")(func)
    func = click.option("--nl", "fmt", flag_value="nl", help="one JSON object per line")(func)
    func = click.option("--json", "fmt", flag_value="json", help="a JSON array")(func)
    return func


def emit(rows: list[dict], fmt: str | None, columns: list[str]) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    elif fmt == "nl":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
    elif fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows({k: _cell(row.get(k)) for k in columns} for row in rows)
        click.echo(buffer.getvalue(), nl=False)
    else:
        click.echo(_table(rows, columns))


def _cell(value) -> str:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else str(value)


def _table(rows: list[dict], columns: list[str]) -> str:
    cells = [[_cell(row.get(c))[:40] for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths))]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)) for r in cells]
    return "\n".join(lines)


# ---------------------------------------------------------------- extract / ingest

@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--published", help="publication date YYYY-MM-DD for inputs that carry none")
@click.option("--id", "article_id", help="the article id (a single text or HTML input)")
@click.option("--json", "as_json", is_flag=True, help="one JSON record per article, in input order")
@click.option("--fail-fast", is_flag=True, help="stop at the first bad input")
@click.option("--roles", is_flag=True, help="add the learned role tagger (better role fillers, about half the speed)")
@click.option("-q", "--quiet", is_flag=True)
def extract(inputs, published, article_id, as_json, fail_fast, roles, quiet) -> None:
    """Extract incident records from reports, without storing them."""
    items = batch.extract_all(batch.read_inputs(inputs, published=published, id=article_id), fail_fast=fail_fast,
                              profile="roles" if roles else "default")
    failed = 0
    for item in _progress(items, label="extract", quiet=quiet):
        if isinstance(item, Failure):
            failed += 1
            _report_failure(item, fail_fast)
            if as_json:
                click.echo(json.dumps(_failure_record(item), ensure_ascii=False))
            continue
        click.echo(json.dumps(item.to_dict(), ensure_ascii=False) if as_json else _describe(item))
    sys.exit(1 if failed and fail_fast else 0)


def _report_failure(failure: Failure, fail_fast: bool) -> None:
    click.echo(f"failed: {failure.source}: {failure.message}", err=True)
    if fail_fast:
        sys.exit(1)


def _failure_record(failure: Failure) -> dict:
    return {"id": failure.article_id, "error": {"code": failure.code, "message": failure.message,
                                                 "source": failure.source, "stage": failure.stage}}


def _describe(article: Article) -> str:
    lines = [f"{article.id}  ({article.published or 'no date'})  {len(article.incidents)} incident(s)"]
    for incident in article.incidents:
        record = queries.flat(incident)
        lines.append("  " + "  ".join(f"{k}={v}" for k, v in record.items() if v not in (None, "", [])))
    return "\n".join(lines)


@cli.command()
@click.argument("inputs", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite path or SQLAlchemy URL")
@click.option("--published", help="publication date YYYY-MM-DD for inputs that carry none")
@click.option("--fail-fast", is_flag=True, help="stop at the first bad input")
@click.option("--json", "as_json", is_flag=True, help="print the summary as JSON")
@click.option("--roles", is_flag=True, help="add the learned role tagger (better role fillers, about half the speed)")
@click.option("-q", "--quiet", is_flag=True)
def ingest(inputs, db, published, fail_fast, as_json, roles, quiet) -> None:
    """Extract and store reports (idempotent: a stored text is skipped), then resolve incidents."""
    from ..ingest_db import ingest_paths

    summary = ingest_paths(inputs, db, published=published, fail_fast=fail_fast,
                           progress=lambda items: _progress(items, label="ingest", quiet=quiet),
                           profile="roles" if roles else "default")
    if as_json:
        click.echo(json.dumps(summary.__dict__))
    elif not quiet:
        click.echo(f"read {summary.read}, stored {summary.stored}, already stored {summary.duplicates}, "
                   f"failed {summary.failed}, incident mentions {summary.incidents}", err=True)


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite path or SQLAlchemy URL")
def resolve(db) -> None:
    """Link incident mentions across reports into incidents (incremental; hand splits and joins are kept)."""
    from ..resolve import resolve as run_resolve
    from ..store.db import Database

    linked = run_resolve(Database(db))
    click.echo(f"linked {linked} mention(s)", err=True)


@cli.command()
@click.argument("mention_id", type=int)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite path or SQLAlchemy URL")
def split(mention_id, db) -> None:
    """Move one mention (see `show ID`) into an incident of its own; prints the new incident's id."""
    from ..resolve import split as run_split
    from ..store.db import Database

    click.echo(run_split(Database(db), mention_id))


@cli.command()
@click.argument("keep", type=int)
@click.argument("other", type=int)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite path or SQLAlchemy URL")
def join(keep, other, db) -> None:
    """Merge incident OTHER into incident KEEP (OTHER stays as a tombstone with its history)."""
    from ..resolve import join as run_join
    from ..store.db import Database

    click.echo(run_join(Database(db), keep, other))


# ---------------------------------------------------------------- queries

@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--country", help="ISO alpha-2 code")
@click.option("--type", "type_", help="incident type")
@click.option("--since", help="YYYY-MM-DD")
@click.option("--until", help="YYYY-MM-DD")
@click.option("--actor", help="a perpetrator or a party to a statement")
@click.option("--all", "include_background", is_flag=True, help="include incidents known only as background")
@click.option("--as-of", "as_of", help="YYYY-MM-DD: the incidents as they stood then (reports published by that day)")
@output_options
def incidents(db, country, type_, since, until, actor, include_background, as_of, fmt) -> None:
    """List incidents; `reports` holds each incident's member reports by their input id."""
    rows = queries.list_incidents(db, country=country, type=type_, since=since, until=until, actor=actor,
                                  include_background=include_background, as_of=_iso_date(as_of))
    emit(rows, fmt, queries.LIST_COLUMNS)


def _iso_date(value: str | None) -> str | None:
    import datetime as dt

    from ..errors import UsageError

    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"--as-of wants YYYY-MM-DD, not {value!r}") from None


@cli.command()
@click.argument("incident_id", type=int)
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--json", "as_json", is_flag=True)
@click.option("--history", is_flag=True, help="how the record changed, and which report changed it")
def show(incident_id, db, as_json, history) -> None:
    """One incident with every value's evidence quoted in context (or its history)."""
    if history:
        events = queries.incident_history(db, incident_id)
        click.echo(json.dumps(events, ensure_ascii=False, indent=2) if as_json
                   else queries.render_history(incident_id, events))
        return
    record = queries.get_incident(db, incident_id)
    click.echo(json.dumps(record, ensure_ascii=False, indent=2) if as_json else queries.render(record))


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "geojson", "gtd", "acled", "ucdp", "plover"]),
              default="jsonl", show_default=True,
              help="gtd, acled, ucdp: CSV with those datasets' columns; plover: JSON lines")
@click.option("-o", "--output", type=click.File("w"), default="-")
def export(db, fmt, output) -> None:
    """Export incidents as JSONL, CSV or GeoJSON, or in the shapes of GTD, ACLED, UCDP GED and PLOVER."""
    from ..store.export import export as run_export

    run_export(db, fmt, output)


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--retry", is_flag=True, help="run the recorded failed inputs through the pipeline again")
@output_options
def failures(db, retry, fmt) -> None:
    """Inputs that failed, with their code and reason."""
    from ..ingest_db import list_failures, retry_failures

    if retry:
        summary = retry_failures(db)
        click.echo(f"retried: stored {summary.stored}, still failing {summary.failed}", err=True)
    emit(list_failures(db), fmt, ["id", "code", "stage", "source", "message", "created_at", "retried_at"])


@cli.group()
def evaluate() -> None:
    """Benchmarks: MUC-4 and gold-record sets."""


@evaluate.command("muc4")
@click.option("--data", type=click.Path(exists=True, path_type=Path), required=True, help="the MUC-4 folder")
@click.option("--split", type=click.Choice(["train", "dev", "test"]), default="dev", show_default=True)
@click.option("--predictions", type=click.Path(path_type=Path), help="write one JSON line per document here")
@click.option("--json", "as_json", is_flag=True)
def evaluate_muc4(data, split, predictions, as_json) -> None:
    """Score the pipeline on MUC-4 (CEAF-REE, GTT, and the extra slots)."""
    from ..evaluate import muc4

    result = muc4.run(data, split, predictions)
    click.echo(json.dumps(result, indent=2) if as_json else muc4.format_result(result))


@evaluate.command("gold")
@click.argument("gold", type=click.Path(exists=True, path_type=Path))
@click.argument("articles", type=click.Path(exists=True, path_type=Path))
@click.option("--scorer", type=click.Path(exists=True, path_type=Path), required=True,
              help="the folder holding score_records.py")
@click.option("--json", "as_json", is_flag=True)
def evaluate_gold(gold, articles, scorer, as_json) -> None:
    """Field accuracy against a gold-record file (GOLD-FORMAT.md)."""
    from ..evaluate.gold import run_gold

    result = run_gold(gold, articles, scorer)
    for failure in result["failures"]:
        click.echo(f"{failure['id'] or failure['source']}: {failure['message']} "
                   "(scored as a report with no record)", err=True)
    click.echo(json.dumps(result, indent=2) if as_json else "\n".join(
        [f"{k:11} {100 * v:6.1f}%" for k, v in result["fields"].items()] + [f"mean {100 * result['mean']:.1f}%"]))


def main() -> None:
    cli(prog_name="claimwatch")


from . import cli_serve  # noqa: E402,F401  (registers `claimwatch serve`)
