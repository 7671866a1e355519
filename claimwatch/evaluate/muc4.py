"""`claimwatch evaluate muc4`: the pipeline users get, run over a MUC-4 split and scored as published work scores it.

    run(data_dir, split, predictions=None) -> dict      (the CLI prints format_result(result) or the JSON)
    format_result(result) -> str

    {split}.jsonl --(doctext; dateline from raw/muc34: published, country_hint)--> Article
        --batch.extract_all (the default pipeline)--> incidents --muc4_map--> predicted templates
        --> CEAF-REE  against grit_ree/{split}.jsonl   (GRIT/TempGen doc-level role-filler entities)
        --> GTT       against {split}.jsonl            (template filling, incident type included)
        --> DATE, LOCATION, EFFECT, ORG CONFIDENCE against raw/keys_full_{split}.jsonl (muc4_slots),
            beside the best 1992 system's per-slot recall and precision

The pipeline reads the processed (lower-cased, dateline-less) doctext, so predicted mentions are
substrings of the same text the standard benchmark's offsets index. `predictions` receives one JSON
line per document, `{"docid", "templates": [{"incident_type", "PerpInd": [[mention, ...], ...], ...}]}`,
for independent scorers. An article the pipeline fails on is counted and predicts nothing.
Speed is documents per second of the extraction pass (after the pipeline is loaded), in wall-clock
time and per CPU second of this process and its worker processes (the latter does not depend on
other jobs sharing the cores). The pass runs in one forked worker per core (at most four); peak
memory is this process's maximum resident set size and the largest worker's.
"""
from __future__ import annotations

import datetime as dt
import json
import resource
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError
from ..model import Article, Failure
from . import muc4_raw
from .muc4_map import PredictedTemplate, article_templates
from .muc4_slots import SLOTS, SlotScores, document_counts, key_slots, official_slot_scores
from .scorers import GTT_ROLES, ROLES, ceaf_ree, gtt_template

SPLITS = ("train", "dev", "test")
# Released system outputs rescored on the test set (data README): a yardstick, not this split's score.
LITERATURE_TEST = {"GRIT CEAF-REE micro F1": 54.50, "GTT template micro F1": 50.23, "IterX GTT micro F1": 53.01}


@dataclass
class Split:
    """One MUC-4 split in the shapes the scorers and the slot matcher take."""

    name: str
    docs: list[dict]  # template version: docid, doctext, templates
    ree: list[dict]  # GRIT version: docid, doctext, extracts
    keys: dict[str, list[dict]]  # docid -> relevant raw key templates, aligned with docs' templates
    datelines: dict[str, muc4_raw.Dateline]


def _require(path: Path) -> Path:
    if not path.exists():
        raise UsageError(f"{path} is missing: --data must be the MUC-4 folder (shared/data/muc4)")
    return path


def _read_jsonl(path: Path) -> list[dict]:
    with _require(path).open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def load_split(data_dir: Path, split: str) -> Split:
    if split not in SPLITS:
        raise UsageError(f"unknown split {split!r}; one of {', '.join(SPLITS)}")
    corpora = _require(data_dir / "raw" / "muc34" / "CORPORA")
    return Split(
        name=split,
        docs=_read_jsonl(data_dir / f"{split}.jsonl"),
        ree=_read_jsonl(data_dir / "grit_ree" / f"{split}.jsonl"),
        keys=muc4_raw.read_keys(_require(data_dir / "raw" / f"keys_full_{split}.jsonl")),
        datelines=muc4_raw.datelines(corpora, split),
    )


def make_article(doc: dict, dateline: muc4_raw.Dateline | None) -> Article:
    """The processed doctext as an Article, dated and placed by the raw message's dateline."""
    article = Article(id=doc["docid"], text=doc["doctext"], source="MUC-4", origin=doc["docid"])
    if dateline is not None:
        article.published = dateline.date
        article.country_hint = muc4_raw.dateline_country(dateline)
        article.trace["dateline"] = dateline.text
    return article


@dataclass
class Predictions:
    templates: dict[str, list[PredictedTemplate]]
    failures: list[Failure]
    roles_without_incident: int  # articles the roles tagger filled but that got no incident
    seconds: float  # wall-clock seconds of the extraction pass
    cpu_seconds: float  # CPU seconds of this process and its workers over the same pass (all threads)
    load_seconds: float
    pipeline: list[str]
    workers: int


def predict(articles: list[Article], profile: str = "roles") -> Predictions:
    """Run the pipeline (as `claimwatch extract --roles` does) and map every incident to a template."""
    from ..batch import extract_all
    from ..extract.pipeline import default_processes, get_pipeline

    start = time.perf_counter()
    names = list(get_pipeline(profile).names)
    loaded, cpu = time.perf_counter(), _cpu_seconds()
    templates: dict[str, list[PredictedTemplate]] = {article.id: [] for article in articles}
    failures, orphans = [], 0
    workers = default_processes()
    for item in extract_all(articles, profile=profile, n_process=workers, batch_size=8):
        if isinstance(item, Failure):
            failures.append(item)
            continue
        templates[item.id] = article_templates(item)
        orphans += bool(item.roles) and not item.incidents
    wall, cpu = time.perf_counter() - loaded, _cpu_seconds() - cpu
    return Predictions(templates, failures, orphans, wall, cpu, loaded - start, names, workers)


def _cpu_seconds() -> float:
    """User and system CPU seconds of this process and of its finished worker processes."""
    own, workers = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


def prediction_docs(split: Split, predictions: Predictions) -> list[dict]:
    return [
        {"docid": doc["docid"], "templates": [t.to_json() for t in predictions.templates[doc["docid"]]]}
        for doc in split.docs
    ]


def write_predictions(path: Path, docs: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for doc in docs:
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")


def slot_scores(split: Split, predictions: Predictions) -> dict[str, dict[str, float]]:
    scores = SlotScores()
    for doc in split.docs:
        dateline = split.datelines.get(doc["docid"])
        year = dateline.date.year if dateline and dateline.date else None
        keys = [key_slots(template, year) for template in split.keys.get(doc["docid"], [])]
        scores.add(document_counts(predictions.templates[doc["docid"]], doc["templates"], keys))
    return scores.measures()


def _rounded(scores: dict) -> dict:
    return {name: {k: round(v, 4) if isinstance(v, float) else v for k, v in s.items()} for name, s in scores.items()}


def _diagnostics(split: Split, predictions: Predictions) -> dict:
    predicted = predictions.templates.values()
    return {
        "gold_templates": sum(len(doc["templates"]) for doc in split.docs),
        "gold_docs_with_templates": sum(bool(doc["templates"]) for doc in split.docs),
        "predicted_templates": sum(len(t) for t in predicted),
        "predicted_docs_with_templates": sum(bool(t) for t in predicted),
        "failures": len(predictions.failures),
        "roles_without_incident": predictions.roles_without_incident,
        "docs_without_dateline_date": sum(not d.date for d in split.datelines.values()),
    }


def _per_second(count: int, seconds: float) -> float | None:
    return round(count / seconds, 2) if seconds else None


def _speed(count: int, predictions: Predictions) -> dict:
    return {
        "docs_per_s": _per_second(count, predictions.seconds),
        "docs_per_cpu_s": _per_second(count, predictions.cpu_seconds),
        "extract_seconds": round(predictions.seconds, 2),
        "load_seconds": round(predictions.load_seconds, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "worker_peak_rss_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1),
        "workers": predictions.workers,
    }


def run(data_dir: Path, split: str, predictions: Path | None = None, profile: str = "roles") -> dict:
    """Evaluate a pipeline profile on one MUC-4 split; write the predictions file when asked."""
    data = load_split(Path(data_dir), split)
    articles = [make_article(doc, data.datelines.get(doc["docid"])) for doc in data.docs]
    predicted = predict(articles, profile)
    pred_docs = prediction_docs(data, predicted)
    if predictions is not None:
        write_predictions(Path(predictions), pred_docs)
    return {
        "split": split,
        "docs": len(data.docs),
        "pipeline": predicted.pipeline,
        "ceaf_ree": _rounded(ceaf_ree(data.ree, pred_docs)),
        "gtt": _rounded(gtt_template(data.docs, pred_docs)),
        "slots": _rounded(slot_scores(data, predicted)),
        "slots_1992": official_slot_scores(Path(data_dir) / "docs"),
        "speed": _speed(len(articles), predicted),
        "diagnostics": _diagnostics(data, predicted),
        "evaluated_at": dt.datetime.now().isoformat(timespec="seconds"),
    }


# ---------------------------------------------------------------- report

def _pct(value: float) -> str:
    return f"{100 * value:6.2f}"


def _prf_table(title: str, scores: dict, roles: tuple[str, ...]) -> list[str]:
    lines = [f"{title:<22}{'P':>7}{'R':>7}{'F1':>7}   (matched/predicted, matched/gold)"]
    for role in (*roles, "micro"):
        s = scores[role]
        lines.append(f"  {role:<20}{_pct(s['p'])} {_pct(s['r'])} {_pct(s['f1'])}   "
                     f"({s['p_num']}/{s['p_den']}, {s['r_num']}/{s['r_den']})")
    return lines


SLOT_TITLES = {"date": "INCIDENT: DATE", "location": "INCIDENT: LOCATION",
               "effect": "HUM TGT: EFFECT", "confidence": "PERP: ORG CONFIDENCE"}


def _official(reference: dict) -> str:
    return "  ".join(f"{testset} {ref['system']} R{ref['r']}/P{ref['p']}" for testset, ref in sorted(reference.items()))


def _slot_table(slots: dict, reference: dict) -> list[str]:
    lines = [f"{'extra slots (raw keys)':<24}{'POS':>5}{'ACT':>5}{'COR':>5}{'PAR':>5}{'R':>7}{'P':>7}{'F1':>7}"
             "   best 1992 system on TST3/TST4 (= our test split)"]
    for slot in SLOTS:
        s = slots[slot]
        lines.append(f"  {SLOT_TITLES[slot]:<22}{s['pos']:5d}{s['act']:5d}{s['cor']:5d}{s['par']:5d}"
                     f"{_pct(s['r'])} {_pct(s['p'])} {_pct(s['f1'])}   {_official(reference.get(slot, {}))}")
    return lines


def format_result(result: dict) -> str:
    """The result as a report for people."""
    speed, diag = result["speed"], result["diagnostics"]
    lines = [
        f"MUC-4 {result['split']}: {result['docs']} documents; pipeline: {' '.join(result['pipeline'])}",
        f"  templates: predicted {diag['predicted_templates']} in {diag['predicted_docs_with_templates']} docs, "
        f"gold {diag['gold_templates']} in {diag['gold_docs_with_templates']} docs; failures {diag['failures']}; "
        f"roles without an incident {diag['roles_without_incident']}",
        "",
        *_prf_table("CEAF-REE (GRIT)", result["ceaf_ree"], ROLES),
        "",
        *_prf_table("GTT template", result["gtt"], GTT_ROLES),
        "",
        *_slot_table(result["slots"], result["slots_1992"]),
        "  R = (COR + PAR/2) / POS, P = (COR + PAR/2) / ACT, as in the 1992 scorer",
        "",
        f"speed: {speed['docs_per_s']} docs/s ({result['docs']} docs in {speed['extract_seconds']} s wall; "
        f"{speed['docs_per_cpu_s']} docs per CPU second; pipeline load {speed['load_seconds']} s); "
        f"{speed['workers']} worker processes; peak RSS {speed['peak_rss_mb']} MB, "
        f"largest worker {speed['worker_peak_rss_mb']} MB",
        "literature, test set (released outputs): "
        + "; ".join(f"{name} {value:.2f}" for name, value in LITERATURE_TEST.items()),
    ]
    return "\n".join(lines)
