"""Batch runs: read inputs, extract, and (for ingest) store; one bad article never stops a batch."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ClaimwatchError, ExtractError
from .model import Article, Failure


@dataclass
class Summary:
    read: int = 0
    stored: int = 0
    duplicates: int = 0
    failed: int = 0
    incidents: int = 0
    failure_codes: dict[str, int] = field(default_factory=dict)

    def count_failure(self, failure: Failure) -> None:
        self.failed += 1
        self.failure_codes[failure.code] = self.failure_codes.get(failure.code, 0) + 1


SUPER_BATCH = 256  # items read ahead; their articles run in parallel when there are enough of them
PARALLEL_FROM = 16  # fewer articles than this are not worth forking workers for


def extract_all(items: Iterable[Article | Failure], fail_fast: bool = False, batch_size: int = 16,
                n_process: int | None = None, profile: str = "default") -> Iterator[Article | Failure]:
    """Run the pipeline over the articles among `items`, in input order; failures pass through."""
    from .extract.pipeline import default_processes, get_pipeline

    pipeline = get_pipeline(profile)
    workers = default_processes() if n_process is None else n_process
    pending: list[Article | Failure] = []
    for item in items:
        pending.append(item)
        if len(pending) >= SUPER_BATCH:
            yield from _run(pipeline, pending, fail_fast, batch_size, workers)
            pending = []
    yield from _run(pipeline, pending, fail_fast, batch_size, workers)


def _run(pipeline, items: list[Article | Failure], fail_fast: bool, batch_size: int, workers: int
         ) -> Iterator[Article | Failure]:
    articles = [item for item in items if isinstance(item, Article)]
    workers = workers if len(articles) >= PARALLEL_FROM else 1
    size = max(1, min(batch_size, -(-len(articles) // workers)))  # every worker gets a share
    done = iter(_extract_batch(pipeline, articles, fail_fast, size, workers))
    for item in items:
        yield next(done) if isinstance(item, Article) else item


def _extract_batch(pipeline, articles: list[Article], fail_fast: bool, batch_size: int, workers: int
                   ) -> list[Article | Failure]:
    """The articles at once; if that fails, one by one so that only the bad one is lost."""
    try:
        return list(pipeline.pipe(articles, batch_size=batch_size, n_process=workers))
    except Exception:  # noqa: BLE001 - the boundary: isolate the article that broke the batch
        if fail_fast or len(articles) == 1:
            raise
    return [_extract_one(pipeline, article) for article in articles]


def _extract_one(pipeline, article: Article) -> Article | Failure:
    try:
        return pipeline(article)
    except Exception as exc:  # noqa: BLE001 - recorded, with its reason, and the batch goes on
        error = exc if isinstance(exc, ClaimwatchError) else ExtractError(f"{type(exc).__name__}: {exc}")
        return Failure(article.origin or article.id, "extract", error.code, str(error), article.id,
                       article.text.encode("utf-8"))


def read_inputs(paths: Iterable[str | Path], published=None, id: str | None = None) -> Iterator[Article | Failure]:
    from .ingest import read

    return read(paths, published=published, id=id)
