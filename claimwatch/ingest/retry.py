"""Re-reading a recorded failure from the bytes it kept, so a failed input can be retried."""
from __future__ import annotations

import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .items import IngestItem
from .readers import read_file

LOCATOR = re.compile(r"(?::\d+|#[^/]*)$")  # "dump.jsonl:7", "feed.xml#3"


def read_payload(payload: bytes, source: str) -> Iterator[IngestItem]:
    """Read `payload` as the kind of file `source` named (its suffix), as if it were that file."""
    original = Path(LOCATOR.sub("", source))
    with tempfile.TemporaryDirectory(prefix="claimwatch-retry-") as folder:
        path = Path(folder) / (original.name or "input.txt")
        path.write_bytes(payload)
        yield from read_file(path, name=original.stem)
