"""Components registered by name, and the pipeline that runs them over articles.

A component is a callable `(article) -> article`, registered with the fields of `Article` it
`requires` and the ones it `assigns`. `Pipeline` checks at build time that every requirement is met
by the article's own fields or by an earlier component, as spaCy's `Language` does.
Components that work better in batches (spaCy, a model) can also define `pipe(articles)`.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..errors import PipelineConfigError
from ..model import Article

BASE_FIELDS = frozenset({"id", "text", "published", "title", "url", "source", "channel", "fmt"})


@dataclass(frozen=True)
class ComponentInfo:
    name: str
    factory: Callable[[], Callable[[Article], Article]]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


REGISTRY: dict[str, ComponentInfo] = {}

DEFAULT_PIPELINE = (
    "relevance", "spacy", "zones", "dates", "places", "figures", "weapons", "actors",
    "statements", "parties", "events", "incidents",
)
# The learned MUC-4 role tagger beside the rules: better role fillers (perpetrators, targets,
# victims, weapons), at about half the speed. `claimwatch evaluate muc4` uses it; `--roles` elsewhere.
WITH_ROLES = (*DEFAULT_PIPELINE, "roles")  # last: it tags only the articles with an incident
PROFILES = {"default": DEFAULT_PIPELINE, "roles": WITH_ROLES}


def component(name: str, requires: Iterable[str] = (), assigns: Iterable[str] = ()):
    """Register a component factory: a zero-argument callable that returns the component."""

    def register(factory):
        REGISTRY[name] = ComponentInfo(name, factory, tuple(requires), tuple(assigns))
        return factory

    return register


def _load_components() -> None:
    from . import components  # noqa: F401  (registers the built-in components)


class Pipeline:
    def __init__(self, names: Iterable[str] = DEFAULT_PIPELINE) -> None:
        _load_components()
        self.names = list(names)
        self.check(self.names)
        self.components = [(name, REGISTRY[name].factory()) for name in self.names]

    @staticmethod
    def check(names: list[str]) -> None:
        available = set(BASE_FIELDS)
        for name in names:
            if name not in REGISTRY:
                raise PipelineConfigError(f"unknown component {name!r}; known: {sorted(REGISTRY)}")
            info = REGISTRY[name]
            missing = [req for req in info.requires if req not in available]
            if missing:
                raise PipelineConfigError(f"component {name!r} requires {missing}, which nothing before it assigns")
            available.update(info.assigns)

    def __call__(self, article: Article) -> Article:
        return next(iter(self.pipe([article])))

    def pipe(self, articles: Iterable[Article], batch_size: int = 32, n_process: int = 1) -> Iterator[Article]:
        """Run every component over the articles, in input order and in batches; irrelevant articles
        skip the heavy steps. With `n_process` > 1, batches run in forked worker processes that share
        the loaded models copy-on-write."""
        batches = _batches(articles, batch_size)
        if n_process > 1:
            yield from _pipe_parallel(self, batches, n_process)
            return
        for batch in batches:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Article]) -> list[Article]:
        for _name, proc in self.components:
            todo = [a for a in batch if a.relevant is not False]
            if not todo:
                break
            if hasattr(proc, "pipe"):
                proc.pipe(todo)
            else:
                for article in todo:
                    proc(article)
        for article in batch:
            article.doc = None  # the spaCy Doc is large and never leaves the pipeline
        return batch


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


_WORKER: Pipeline | None = None


def _start_worker(n_process: int) -> None:
    """In a fresh worker: tell the components that want to know (a model sizes its thread pool)."""
    for _name, proc in _WORKER.components:
        if hasattr(proc, "on_worker"):
            proc.on_worker(n_process)


def _work(batch: list[Article]) -> list[Article]:
    return _WORKER._run_batch(batch)


def _pipe_parallel(pipeline: Pipeline, batches: Iterator[list[Article]], n_process: int) -> Iterator[Article]:
    """Batches through a pool of forked workers; results come back in input order."""
    global _WORKER
    _WORKER = pipeline  # inherited by the forked workers, models and all
    context = multiprocessing.get_context("fork")
    with context.Pool(n_process, initializer=_start_worker, initargs=(n_process,)) as pool:
        for done in pool.imap(_work, batches):
            yield from done


def default_processes() -> int:
    """Worker processes for large batches: one per available core, at most four."""
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))


_BUILT: dict[str, Pipeline] = {}


def get_pipeline(profile: str = "default") -> Pipeline:
    """A pipeline by profile name ("default", or "roles" with the learned role tagger), built once per process."""
    if profile not in PROFILES:
        raise PipelineConfigError(f"unknown pipeline profile {profile!r}; known: {sorted(PROFILES)}")
    if profile not in _BUILT:
        _BUILT[profile] = Pipeline(PROFILES[profile])
    return _BUILT[profile]
