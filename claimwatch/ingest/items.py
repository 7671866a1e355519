"""What the ingest stage yields: an `Article`, or a `Failure` that says why an input is not one."""
from __future__ import annotations

from typing import Union

from ..errors import IngestError
from ..model import Article, Failure
from .options import IngestOptions

IngestItem = Union[Article, Failure]

STAGE = "ingest"


def to_failure(
    error: IngestError, source: str, payload: bytes | None, options: IngestOptions, article_id: str | None = None
) -> Failure:
    """Record `error` for `source`, keeping (the head of) what the user gave so it can be retried."""
    kept = payload[: options.max_payload_bytes] if payload is not None else None
    return Failure(source, STAGE, error.code, error.message, article_id=article_id, payload=kept)
