"""Tune the roles tagger's decoding thresholds through the whole pipeline, on MUC-4 dev.

`train_roles.py` tunes the token floor and per-role thresholds for the tagger alone. In the pipeline
the tagger's fillers are spread over the incidents the rules found and merged with the record's
own perpetrators, targets and weapons (`evaluate.muc4_map`), so the best thresholds there can
differ. This script runs the rules once on dev, the tagger once, and then re-decodes and re-maps
for each candidate setting (coordinate ascent on micro CEAF-REE, as in `train_roles.tune`). The test
split is never read.

    .venv/bin/python train/tune_thresholds.py            # print the best setting
    .venv/bin/python train/tune_thresholds.py --write    # and store it in claimwatch/data/roles/labels.json
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from claimwatch.batch import extract_all  # noqa: E402
from claimwatch.evaluate import muc4  # noqa: E402
from claimwatch.evaluate.muc4_map import article_templates  # noqa: E402
from claimwatch.evaluate.scorers import ROLES, ceaf_ree  # noqa: E402
from claimwatch.extract import roles as tagger  # noqa: E402
from claimwatch.model import Article  # noqa: E402

GRID = [round(0.2 + 0.05 * i, 2) for i in range(16)]  # 0.20 .. 0.95
FLOORS = (0.2, 0.3, 0.4)


def log(*parts) -> None:
    print(time.strftime("%H:%M:%S"), *parts, file=sys.stderr, flush=True)


class Search:
    """Dev articles after the rules, the tagger's token probabilities, and a scorer for a setting."""

    def __init__(self, data_dir: Path, split: str = "dev") -> None:
        self.data = muc4.load_split(data_dir, split)
        articles = [muc4.make_article(doc, self.data.datelines.get(doc["docid"])) for doc in self.data.docs]
        self.articles = [a for a in extract_all(articles, profile="default") if isinstance(a, Article)]
        self.model = tagger.load_tagger()
        self.tagged = [a for a in self.articles if a.incidents]  # the roles component tags only these
        encodings = self.model.tokenizer.encode_batch([a.text for a in self.tagged], add_special_tokens=False)
        self.offsets = [e.offsets for e in encodings]
        self.probs = tagger.doc_probs([e.ids for e in encodings], self.model.run, self.model.config.max_len,
                                      self.model.config.overlap)
        self._cands: dict[float, list] = {}

    def candidates(self, floor: float) -> list:
        if floor not in self._cands:
            self._cands[floor] = [tagger.decode(a.text, o, p, floor)
                                  for a, o, p in zip(self.tagged, self.offsets, self.probs)]
        return self._cands[floor]

    def score(self, config: tagger.DecodeConfig) -> dict:
        for article, cands in zip(self.tagged, self.candidates(config.token_floor)):
            article.roles = tagger.select(article.text, cands, config)
            article.trace["roles_ran"] = True
        templates = {a.id: [t.to_json() for t in article_templates(a)] for a in self.articles}
        docs = [{"docid": d["docid"], "templates": templates.get(d["docid"], [])} for d in self.data.docs]
        return ceaf_ree(self.data.ree, docs)


def tune(search: Search) -> tuple[tagger.DecodeConfig, dict]:
    base = search.model.config
    start = dict(base.thresholds)
    best = (search.score(base)["micro"]["f1"], base)
    log(f"shipped setting: dev micro CEAF-REE {best[0] * 100:.2f}")
    for floor in FLOORS:

        def score(thresholds, gate):
            return search.score(base.with_setting(floor, thresholds, gate))["micro"]["f1"]

        f1, thresholds, gate = tagger.ascend(score, {r: max(floor, start.get(r, 0.5)) for r in ROLES}, base.gate,
                                             [v for v in GRID if v >= floor])
        log(f"token floor {floor}: dev micro CEAF-REE {f1 * 100:.2f} {thresholds} gate {gate}")
        if f1 > best[0]:
            best = (f1, base.with_setting(floor, thresholds, gate))
    return best[1], search.score(best[1])


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/muc4")
    ap.add_argument("--write", action="store_true", help="store the best setting in the model's labels.json")
    args = ap.parse_args(argv)
    search = Search(args.data)
    config, scores = tune(search)
    setting = {"token_floor": config.token_floor, "thresholds": dict(config.thresholds), "gate": config.gate}
    print(json.dumps({"setting": setting, "dev_ceaf_ree": {k: round(v["f1"] * 100, 2) for k, v in scores.items()}}))
    if args.write:
        path = tagger.MODEL_DIR / "labels.json"
        labels = json.loads(path.read_text())
        labels.update(setting)
        path.write_text(json.dumps(labels, indent=1) + "\n")
        log(f"wrote {path}")


if __name__ == "__main__":
    main()
