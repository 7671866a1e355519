"""Average the weights of several roles-tagger runs ("model soup") and keep the average that scores best on dev.

Runs of `train_roles.py` that share `--seed` start from the same pretrained encoder and the same
classifier head and differ only in `--data-seed` (window sampling and order) and in their dropout. Such
fine-tuned weights usually lie in one basin, so their average tags as one model does, at one model's
cost, and often better than any of them. This script tries, for both the best-dev and the last
checkpoint of each run, the uniform average of the top k runs (ranked on dev) for every k, scores each
on MUC-4 dev exactly as `train_roles.py` scores an epoch (thresholds tuned on dev), and writes the
winner as `best.pt` of --out, ready for `train_roles.py --export-only --work-dir OUT`. The test split
is never read.

    python train/soup.py build/sweep/a build/sweep/b ... --out build/soup [--pack-to DIR]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "train"))


def log(*parts) -> None:
    print(time.strftime("%H:%M:%S"), *parts, flush=True)


def average(paths: list[Path]) -> dict:
    import torch

    states = [torch.load(p, map_location="cpu") for p in paths]
    keys = set(states[0])
    if any(set(s) != keys for s in states[1:]):
        raise SystemExit("the runs do not share one architecture: " + ", ".join(map(str, paths)))
    out = {}
    for key in states[0]:
        values = [s[key] for s in states]
        out[key] = (sum(v.float() for v in values) / len(values)).to(values[0].dtype) \
            if values[0].is_floating_point() else values[0]
    return out


def score(job: tuple[str, list[str], str, str | None, int, int]) -> dict:
    """Dev CEAF-REE of the uniform average of the checkpoints (run in a worker process)."""
    name, paths, data, base, layers, dev_docs_n = job
    import torch

    import train_roles as tr

    torch.set_num_threads(2)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    data_dir = Path(data)
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(tr.base_model_dir(Path(base) if base else None) / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    dev_docs = tr.read_jsonl(data_dir / "dev.jsonl")
    dev_gold = tr.read_jsonl(data_dir / "grit_ree/dev.jsonl")
    if dev_docs_n:
        dev_docs, dev_gold = dev_docs[:dev_docs_n], dev_gold[:dev_docs_n]
    config = tr.tagger.DecodeConfig()
    model = tr.load_model(device, 0, layers, Path(base) if base else None)
    model.load_state_dict(average([Path(p) for p in paths]))
    model.eval()
    probs = tr.dev_probs(dev_docs, tokenizer, tr.torch_runner(model, device), config)
    _, scores = tr.tune(dev_gold, dev_docs, probs, config, floors=(config.token_floor,))
    return {"name": name, "paths": paths, "dev_f1": scores["micro"]["f1"],
            "roles": {r: scores[r]["f1"] for r in tr.ROLES}}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("runs", nargs="+", type=Path, help="work dirs of train_roles.py runs (best.pt, last.pt, history.json)")
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("MUC4_DIR", ROOT.parent / "shared/data/muc4")))
    ap.add_argument("--base", type=Path)
    ap.add_argument("--layers", type=int, default=0)
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--dev-docs", type=int, default=0, help="debug: score on the first N dev docs only")
    ap.add_argument("--pack-to", type=Path, help="also write the winner as fp16 encoder + classifier parts here")
    args = ap.parse_args(argv)

    runs = []
    for run in args.runs:
        history = json.loads((run / "history.json").read_text()) if (run / "history.json").exists() else []
        if history and (run / "best.pt").exists():
            runs.append((run, history))
        else:
            log(f"{run}: no history or checkpoint, left out")
    if not runs:
        raise SystemExit("no finished runs")
    jobs = []
    for kind, rank in (("best", lambda h: max(x["dev_f1"] for x in h)), ("last", lambda h: h[-1]["dev_f1"])):
        ranked = sorted((r for r in runs if (r[0] / f"{kind}.pt").exists()), key=lambda r: -rank(r[1]))
        for k in range(1 if kind == "last" else 2, len(ranked) + 1):
            paths = [str(r[0] / f"{kind}.pt") for r in ranked[:k]]
            jobs.append((f"{kind}-top{k}", paths, str(args.data), str(args.base) if args.base else None,
                         args.layers, args.dev_docs))
    singles = [{"name": f"single:{r.name}", "paths": [str(r / "best.pt")], "dev_f1": max(x["dev_f1"] for x in h)}
               for r, h in runs]
    log(f"{len(runs)} runs; scoring {len(jobs)} averages with {args.workers} workers")
    with ProcessPoolExecutor(max_workers=args.workers, mp_context=get_context("spawn")) as pool:
        results = list(pool.map(score, jobs))
    for res in sorted(singles + results, key=lambda r: -r["dev_f1"]):
        log(f"{res['name']:>28} dev {res['dev_f1'] * 100:.2f}")
    winner = max(singles + results, key=lambda r: r["dev_f1"])
    args.out.mkdir(parents=True, exist_ok=True)
    import torch

    torch.save(average([Path(p) for p in winner["paths"]]), args.out / "best.pt")
    history = [{"epoch": 0, "loss": 0.0, "dev_f1": winner["dev_f1"], "minutes": 0.0, "soup": winner["paths"]}]
    (args.out / "history.json").write_text(json.dumps(history, indent=1))
    summary = {"winner": winner, "singles": singles, "averages": results}
    (args.out / "soup.json").write_text(json.dumps(summary, indent=1))
    log(f"winner {winner['name']} dev {winner['dev_f1'] * 100:.2f} -> {args.out / 'best.pt'}")
    if args.pack_to:
        from sweep import split

        args.pack_to.mkdir(parents=True, exist_ok=True)
        state = torch.load(args.out / "best.pt", map_location="cpu")
        kept = {k: v.half() for k, v in state.items() if not k.startswith("bert.embeddings.")}
        torch.save(kept, args.pack_to / "soup.pt")
        split(args.pack_to / "soup.pt")
        (args.pack_to / "soup.json").write_text(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
