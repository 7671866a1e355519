"""`claimwatch serve`: the read API and the browser view over HTTP (needs the `serve` extra)."""
from __future__ import annotations

from pathlib import Path

import click

from ..errors import UsageError
from .cli import DEFAULT_DB, cli


@cli.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="SQLite path or SQLAlchemy URL")
@click.option("--host", default="127.0.0.1", show_default=True, help="the address to listen on")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
def serve(db, host, port) -> None:
    """Serve the incidents: a map and timeline at /, the JSON API under /api (spec at /api/openapi.json)."""
    run(db, host, port)


def run(db: str, host: str, port: int) -> None:
    """Start uvicorn on the app over `db`; a missing SQLite file is a usage error, not a new empty database."""
    if "://" not in db and not Path(db).is_file():
        raise UsageError(f"no database at {db}: build one with `claimwatch ingest ... --db {db}`")
    try:
        import uvicorn

        from .api import create_app
    except ImportError as error:
        raise UsageError(f"`claimwatch serve` needs the serve extra (claimwatch[serve]): {error}") from None
    click.echo(f"claimwatch: serving {db} at http://{host}:{port}/", err=True)
    uvicorn.run(create_app(db), host=host, port=port, log_level="warning")
