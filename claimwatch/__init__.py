"""claimwatch: a sourced incident database of political violence, built from news reports.

    ingest -> extract -> resolve -> store -> serve

`extract_text(text, published=...)` runs the default pipeline on one report and returns its
`Article` with `incidents`; see `claimwatch.model` for the records.
"""
from __future__ import annotations

__version__ = "0.1.0"

from .api import extract_article, extract_text  # noqa: E402

__all__ = ["__version__", "extract_article", "extract_text"]
