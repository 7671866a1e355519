"""The roles component: a MiniLM span tagger (int8 ONNX) that marks role fillers in an article.

Five roles, as in MUC-4: PerpInd (individual perpetrators), PerpOrg (perpetrating organisations),
Target (physical targets), Victim (named human victims), Weapon. The model was fine-tuned on MUC-4
train by `train/train_roles.py`; its files live in `claimwatch/data/roles/` (see MODEL.md there).

    text --tokenizer--> ids + char offsets --windows--> ONNX tagger --> token label probabilities
         --decode--> candidate spans per role --select--> one RoleSpan per role and distinct filler

The tokenizer lower-cases (the model is uncased, like the processed MUC-4 text) but its offsets point
into the original text, so every `RoleSpan.evidence` is a `Span` of `article.text`.
`predict(articles)` is pure and batched; `set_annotations(articles, predictions)` writes
`article.roles`. The pieces below (`window_bounds`, `doc_probs`, `decode`, `select`) are plain
numpy so that training and inference share them.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from ..errors import PipelineConfigError
from ..evaluate.scorers import normalize
from ..model import Article, RoleSpan, Span
from .pipeline import component

ROLES = ("PerpInd", "PerpOrg", "Target", "Victim", "Weapon")
LABELS = ("O", *(f"{prefix}-{role}" for role in ROLES for prefix in ("B", "I")))
MODEL_DIR = Path(__file__).resolve().parent.parent / "data" / "roles"
MODEL_FILES = ("model.onnx", "tokenizer.json", "labels.json")
CLS_ID, SEP_ID, PAD_ID = 101, 102, 0
THREADS = 2
WINDOW_BATCH = 1  # one window per ONNX call: fastest on 2 cores, ~160 MB peak RSS (16: ~1 GB, slower)

# (window ids, each with [CLS]/[SEP]) -> logits of shape (n_windows, max_window_len, n_labels)
RunWindows = Callable[[list[list[int]]], np.ndarray]


@dataclass(frozen=True)
class Candidate:
    """A span the tagger proposes for a role, with its mean token probability."""

    role: str
    start: int
    end: int
    score: float


@dataclass(frozen=True)
class DecodeConfig:
    """What labels.json holds besides the labels: windowing and the thresholds tuned on MUC-4 dev."""

    max_len: int = 384
    overlap: int = 64
    token_floor: float = 0.3  # a token joins a span when its role probability reaches this
    thresholds: tuple[tuple[str, float], ...] = tuple((role, 0.5) for role in ROLES)
    gate: float = 0.0  # an article whose best candidate scores below this gets no roles at all

    @classmethod
    def from_dict(cls, data: dict) -> "DecodeConfig":
        return cls(
            max_len=data["max_len"], overlap=data["overlap"], token_floor=data["token_floor"],
            thresholds=tuple((role, float(data["thresholds"][role])) for role in ROLES), gate=data["gate"],
        )

    def threshold(self, role: str) -> float:
        return dict(self.thresholds)[role]

    def with_setting(self, token_floor: float, thresholds: dict[str, float], gate: float) -> "DecodeConfig":
        return DecodeConfig(self.max_len, self.overlap, token_floor, tuple(thresholds.items()), gate)


def ascend(score: Callable[[dict[str, float], float], float], thresholds: dict[str, float], gate: float,
           grid: Sequence[float], rounds: int = 2) -> tuple[float, dict[str, float], float]:
    """Coordinate ascent of `score(thresholds, gate)` over each role's threshold (values in `grid`) and
    the document gate (0 or a value in `grid`), for the training and tuning scripts. Returns the best
    score with its thresholds and gate."""
    best = score(thresholds, gate)
    for _ in range(rounds):
        for role in ROLES:
            for value in grid:
                trial = {**thresholds, role: value}
                trial_score = score(trial, gate)
                if trial_score > best:
                    best, thresholds = trial_score, trial
        for value in [0.0, *grid]:
            trial_score = score(thresholds, value)
            if trial_score > best:
                best, gate = trial_score, value
    return best, thresholds, gate


def window_bounds(n_tokens: int, max_len: int, overlap: int) -> list[tuple[int, int]]:
    """Token ranges of the sliding windows ([CLS]/[SEP] excluded) that cover n_tokens."""
    size = max_len - 2
    step = max(1, size - overlap)
    bounds, start = [], 0
    while True:
        bounds.append((start, min(start + size, n_tokens)))
        if start + size >= n_tokens:
            return bounds
        start += step


def pad_windows(windows: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
    """Pad id lists to one length: (input_ids, attention_mask), int64."""
    width = max(len(w) for w in windows)
    ids = np.full((len(windows), width), PAD_ID, dtype=np.int64)
    mask = np.zeros((len(windows), width), dtype=np.int64)
    for row, window in enumerate(windows):
        ids[row, : len(window)] = window
        mask[row, : len(window)] = 1
    return ids, mask


def _pad_logits(logits: np.ndarray, width: int) -> np.ndarray:
    """One window's logits (1, n, labels), zero-padded to `width` positions like a padded batch's."""
    return np.pad(logits, ((0, 0), (0, width - logits.shape[1]), (0, 0)))


def softmax(logits: np.ndarray) -> np.ndarray:
    shifted = np.exp(logits - logits.max(axis=-1, keepdims=True))
    return shifted / shifted.sum(axis=-1, keepdims=True)


def doc_probs(ids_per_doc: Sequence[Sequence[int]], run: RunWindows, max_len: int, overlap: int) -> list[np.ndarray]:
    """Label probabilities per token for each document; overlapping windows are averaged."""
    jobs = []  # (doc index, token start, token end)
    for d, ids in enumerate(ids_per_doc):
        jobs.extend((d, s, e) for s, e in window_bounds(len(ids), max_len, overlap))
    sums = [np.zeros((len(ids), len(LABELS)), dtype=np.float32) for ids in ids_per_doc]
    counts = [np.zeros((len(ids), 1), dtype=np.float32) for ids in ids_per_doc]
    jobs.sort(key=lambda job: job[2] - job[1])  # similar lengths share a batch: less padding
    for b in range(0, len(jobs), WINDOW_BATCH):
        batch = jobs[b : b + WINDOW_BATCH]
        windows = [[CLS_ID, *ids_per_doc[d][s:e], SEP_ID] for d, s, e in batch]
        probs = softmax(run(windows).astype(np.float32))
        for row, (d, s, e) in enumerate(batch):
            sums[d][s:e] += probs[row, 1 : 1 + e - s]
            counts[d][s:e] += 1
    return [total / np.maximum(count, 1) for total, count in zip(sums, counts)]


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a span to whole words (a word piece never stands alone)."""
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end].isalnum() and text[end - 1].isalnum():
        end += 1
    return start, end


EDGE_PUNCT = "\"'“”‘’()[],.;: -"
EDGE_WORDS = frozenset({"of", "the", "a", "an", "and", "or", "in", "at", "on", "to", "by", "from", "with", "for"})


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without stray punctuation or dangling function words at its edges ('"la' -> 'la',
    'offices of' -> 'offices', 'security (das,' -> 'security (das'); an open bracket keeps its words."""
    while True:
        before = (start, end)
        while start < end and text[start] in EDGE_PUNCT:
            start += 1
        while end > start and text[end - 1] in EDGE_PUNCT and not (text[end - 1] == ")" and "(" in text[start:end]):
            end -= 1
        words = text[start:end].split(" ")
        if len(words) > 1 and words[-1].lower() in EDGE_WORDS:
            end -= len(words[-1]) + 1
        elif len(words) > 1 and words[0].lower() in EDGE_WORDS - {"the", "a", "an"}:
            start += len(words[0]) + 1
        if (start, end) == before:
            return start, end


def decode(text: str, offsets: Sequence[tuple[int, int]], probs: np.ndarray, token_floor: float) -> list[Candidate]:
    """Candidate spans per role: runs of tokens whose B+I probability reaches `token_floor`.

    A run breaks where a token is more likely to begin a span than to continue one.
    """
    candidates = []
    for r, role in enumerate(ROLES):
        p_begin, p_inside = probs[:, 1 + 2 * r], probs[:, 2 + 2 * r]
        in_role = (p_begin + p_inside) >= token_floor
        run: list[int] = []
        for t in range(len(offsets) + 1):
            starts_new = t < len(offsets) and in_role[t] and run and p_begin[t] > p_inside[t] and offsets[t][0] > offsets[t - 1][1]
            if t == len(offsets) or not in_role[t] or starts_new:
                if run:
                    start, end = trim(text, *_word_bounds(text, offsets[run[0]][0], offsets[run[-1]][1]))
                    score = float(np.mean(p_begin[run] + p_inside[run]))
                    if end > start:
                        candidates.append(Candidate(role, start, end, score))
                run = []
            if t < len(offsets) and in_role[t]:
                run.append(t)
    return candidates


def select(text: str, candidates: Sequence[Candidate], config: DecodeConfig) -> list[RoleSpan]:
    """One RoleSpan per role and distinct (normalised) filler: the best-scoring occurrence, above threshold."""
    if not candidates or max(c.score for c in candidates) < config.gate:
        return []
    best: dict[tuple[str, str], Candidate] = {}
    for cand in candidates:
        key = (cand.role, normalize(text[cand.start : cand.end]))
        if not key[1] or cand.score < config.threshold(cand.role):
            continue
        if key not in best or cand.score > best[key].score:
            best[key] = cand
    spans = [RoleSpan(c.role, Span.of(text, c.start, c.end), round(c.score, 4)) for c in best.values()]
    return sorted(spans, key=lambda s: (s.evidence.start, s.role))


class RoleTagger:
    """The ONNX tagger with its tokenizer and decode settings, loaded from a model directory."""

    def __init__(self, model_dir: Path = MODEL_DIR, threads: int = THREADS) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        missing = [name for name in MODEL_FILES if not (model_dir / name).exists()]
        if missing:
            raise PipelineConfigError(
                f"roles model files {missing} not found in {model_dir}; train them with train/train_roles.py"
            )
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(model_dir / "model.onnx"), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        self.config = DecodeConfig.from_dict(json.loads((model_dir / "labels.json").read_text()))
        self.input_names = {i.name for i in self.session.get_inputs()}

    def run(self, windows: list[list[int]]) -> np.ndarray:
        """Logits for a batch of windows. A model exported without an attention mask (the default
        since the mask only ever hid padding) takes windows one at a time, unpadded."""
        if "attention_mask" not in self.input_names and len({len(w) for w in windows}) > 1:
            return np.concatenate([_pad_logits(self.run([w]), max(map(len, windows))) for w in windows])
        ids, mask = pad_windows(windows)
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        return self.session.run(None, {name: value for name, value in feeds.items() if name in self.input_names})[0]

    def candidates(self, texts: Sequence[str]) -> list[list[Candidate]]:
        encodings = self.tokenizer.encode_batch(list(texts), add_special_tokens=False)
        probs = doc_probs([e.ids for e in encodings], self.run, self.config.max_len, self.config.overlap)
        return [decode(text, e.offsets, p, self.config.token_floor) for text, e, p in zip(texts, encodings, probs)]

    def __call__(self, texts: Sequence[str]) -> list[list[RoleSpan]]:
        return [select(text, cands, self.config) for text, cands in zip(texts, self.candidates(texts))]


@lru_cache(maxsize=2)
def _tagger(model_dir: Path, threads: int, pid: int) -> RoleTagger:
    return RoleTagger(model_dir, threads)


def load_tagger(model_dir: Path = MODEL_DIR, threads: int = THREADS) -> RoleTagger:
    """The tagger of this process. ONNX Runtime's thread pool does not survive a fork, so a forked
    worker never uses a session its parent made: the cache is keyed by process id, and the session
    is made on first use, inside the process that runs it."""
    return _tagger(model_dir, threads, os.getpid())


class RolesComponent:
    """Pipeline component: `predict` is pure and batched, `set_annotations` writes `article.roles`."""

    def __init__(self, model_dir: Path = MODEL_DIR) -> None:
        missing = [name for name in MODEL_FILES if not (model_dir / name).exists()]
        if missing:
            raise PipelineConfigError(
                f"the roles component needs {missing} in {model_dir}; run train/train_roles.py or drop 'roles' from the pipeline"
            )
        self.model_dir = model_dir
        self.threads = THREADS

    def on_worker(self, n_process: int) -> None:
        """In one of `n_process` worker processes: share the cores instead of oversubscribing them."""
        self.threads = max(1, THREADS // n_process)

    def __call__(self, article: Article) -> Article:
        self.pipe([article])
        return article

    def pipe(self, articles: list[Article]) -> None:
        """Tag the articles in which the rules found an incident: the fillers only ever join an
        incident (`evaluate.muc4_map`), so tagging the others would be time spent for nothing."""
        todo = [article for article in articles if article.incidents]
        self.set_annotations(todo, self.predict(todo))
        for article in articles:
            article.trace["roles_ran"] = True

    def predict(self, articles: Sequence[Article]) -> list[list[RoleSpan]]:
        if not articles:
            return []
        return load_tagger(self.model_dir, self.threads)([article.text for article in articles])

    @staticmethod
    def set_annotations(articles: Sequence[Article], predictions: Sequence[list[RoleSpan]]) -> None:
        for article, roles in zip(articles, predictions, strict=True):
            article.roles = list(roles)


@component("roles", requires=("text", "incidents"), assigns=("roles",))
def make_roles() -> RolesComponent:
    return RolesComponent()
