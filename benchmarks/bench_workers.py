"""Benchmark ``quotes find --workers 1`` against ``--workers 2`` on the same texts.

    .venv/bin/python benchmarks/bench_workers.py                   # 120 articles, Stanza
    .venv/bin/python benchmarks/bench_workers.py --articles 300 --workers 1,2,4
    .venv/bin/python benchmarks/bench_workers.py --markdown        # rows for benchmarks/README.md

The texts are synthetic articles of 5 to 9 paragraphs drawn at random (fixed seed) from the
five seed articles: real news prose with its quotes, in one JSONL file. Each configuration
runs the real command line, ``quotes find corpus.jsonl --format jsonl -o out.jsonl --workers N``,
in a fresh process, ``--repeat`` times (the fastest run counts), and the outputs of every N
must be byte-identical (the order is deterministic).

Reported per N: wall time, words per second over the whole run, and words per second after
start-up. Start-up (interpreter, imports, loading the engine in each worker) is measured by
the same command on a one-article file and subtracted; it is what a short run pays and a long
run amortises. The ratio is throughput(N) / throughput(1).

Each worker process of ``--workers N`` (N > 1) limits torch to one thread; the single process
of ``--workers 1`` keeps torch's default (one thread per core). On a busy machine those
threads fight over the cores, so one extra row runs ``--workers 1`` with
``OMP_NUM_THREADS=1`` to show the single-process figure without that contention.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
OUT = ROOT / "benchmarks" / "out"
QUOTES = str(Path(sys.executable).parent / "quotes")


def build_corpus(n: int, seed: int = 3) -> list[dict[str, str]]:
    """``n`` articles of 5-9 seed paragraphs each (real text, quotes included)."""
    paragraphs = [
        line
        for path in sorted(SEEDS.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").split("\n")
        if line.strip()
    ]
    rng = random.Random(seed)
    return [
        {"id": f"w{k:04d}", "text": "\n".join(rng.sample(paragraphs, rng.randint(5, 9))) + "\n"}
        for k in range(n)
    ]


def run_find(corpus: Path, workers: int, engine: str, out: Path, one_thread: bool = False) -> float:
    env = {**os.environ, "QUOTES_PROGRESS": "0"}
    if one_thread:  # torch reads this at start-up: one intra-op thread in the single process
        env["OMP_NUM_THREADS"] = "1"
    started = time.perf_counter()
    proc = subprocess.run(
        [QUOTES, "find", str(corpus), "--format", "jsonl", "-o", str(out), "--workers", str(workers), "--engine", engine],
        capture_output=True, text=True, env=env,
    )
    seconds = time.perf_counter() - started
    if proc.returncode != 0:
        sys.exit(f"quotes find --workers {workers} failed:\n{proc.stderr}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=120, help="synthetic articles (default 120)")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts (default 1,2)")
    parser.add_argument("--engine", default="stanza", help="stanza (default) or spacy")
    parser.add_argument("--repeat", type=int, default=2, help="runs per configuration; the fastest counts")
    parser.add_argument("--markdown", action="store_true", help="print README table rows")
    parser.add_argument("--no-one-thread-baseline", dest="one_thread_baseline", action="store_false",
                        help="skip the extra --workers 1 run with OMP_NUM_THREADS=1")
    args = parser.parse_args()

    OUT.mkdir(parents=True, exist_ok=True)
    articles = build_corpus(args.articles)
    corpus = OUT / f"workers_corpus_{args.articles}.jsonl"
    corpus.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8")
    one = OUT / "workers_corpus_1.jsonl"
    one.write_text(json.dumps(articles[0], ensure_ascii=False) + "\n", encoding="utf-8")
    words = sum(len(a["text"].split()) for a in articles)
    counts = [int(w) for w in args.workers.split(",")]

    configs = [(n, False) for n in counts] + ([(1, True)] if args.one_thread_baseline else [])
    results = []
    reference: bytes | None = None
    for n, one_thread in configs:
        out = OUT / f"workers_out_{n}{'_1t' if one_thread else ''}.jsonl"
        wall = min(run_find(corpus, n, args.engine, out, one_thread) for _ in range(args.repeat))
        startup = min(run_find(one, n, args.engine, OUT / "workers_out_one.jsonl", one_thread) for _ in range(args.repeat))
        data = out.read_bytes()
        if reference is None:
            reference = data
        elif data != reference:
            sys.exit(f"--workers {n} output differs from --workers {counts[0]}")
        steady = words / max(wall - startup, 1e-9)
        label = f"{n} (OMP_NUM_THREADS=1)" if one_thread else str(n)
        results.append({"workers": label, "wall_s": wall, "startup_s": startup, "words_per_s": words / wall, "steady_words_per_s": steady})
    base = results[0]
    for r in results:
        r["ratio"] = r["words_per_s"] / base["words_per_s"]
        r["steady_ratio"] = r["steady_words_per_s"] / base["steady_words_per_s"]
    summary = {"articles": len(articles), "words": words, "engine": args.engine, "cpus": os.cpu_count(),
               "quotes": (reference or b"").count(b"\n"), "identical_output": True, "runs": results}
    if args.markdown:
        for r in results:
            print(
                f"| {args.engine} | {r['workers']} | {len(articles)} / {words:,} | {r['wall_s']:.1f} s | {r['startup_s']:.1f} s "
                f"| {r['words_per_s']:,.0f} | {r['steady_words_per_s']:,.0f} | {r['ratio']:.2f} / {r['steady_ratio']:.2f} |"
            )
    else:
        print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
