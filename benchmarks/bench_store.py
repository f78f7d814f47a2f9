"""Benchmark the quote store at corpus scale: index, re-index, incremental index, search.

    .venv/bin/python benchmarks/bench_store.py                      # 10,000 articles
    .venv/bin/python benchmarks/bench_store.py --articles 2000 --extract 200
    .venv/bin/python benchmarks/bench_store.py --markdown           # rows for benchmarks/README.md

Every figure of the last run is also written to ``benchmarks/out/bench_store.json``.

The corpus (all from the real seed articles):

1. ``quotes.extract.pipeline.find_quotes`` runs once on the five seeds (Stanza); each seed paragraph
   becomes a *template* with the quotes found in it (offsets, kind, speaker).
2. A synthetic article is 5 to 9 template paragraphs drawn at random (fixed seed), with an
   outlet out of 12. Each speech/fragment quote in them is either a fresh *utterance* (the
   template quote with every content word replaced by a random word of the seeds' vocabulary,
   so it is new text with real function words and length) given to one of 1,600 speakers, or,
   one time in three, an utterance already quoted in an earlier article, with its speaker (so
   groups form across articles, mostly of 2 to 4 renderings). ``name`` quotes are kept as they
   are. A quote the seeds leave unattributed stays unattributed.

**Fast path (stated in every figure):** the store is filled with ``QuoteStore.add``, i.e.
with the quotes built in step 2, not by running Stanza on 10,000 articles (about two hours on
two cores). Everything else is the real code: content hashes, batched transactions, speaker
rows, FTS5 index, and incremental alignment (``quotes.variants.align.Aligner``, lexical). The
``--extract N`` option also times ``QuoteStore.index`` with Stanza on the first N articles,
to show what extraction adds.

Reported: time to index N new articles (storage and alignment split), store size on disk,
peak memory (RSS of a fresh process doing the work: its baseline after imports and its peak
during the work), time to
re-index all N unchanged articles (the no-op path), time to index 100 more articles into
the full store (incremental alignment; split into reading the stored groups, restoring the
aligner and its pass over the corpus), with its ratio to aligning the whole corpus from
scratch in the same run and whether the groups are the same, and search latency p50/p95 over 300 queries (phrases
of stored quotes, some with a speaker filter).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
OUT = ROOT / "benchmarks" / "out"
OUTLETS = [f"Outlet {c}" for c in "ABCDEFGHIJKL"]
# Speakers of the synthetic utterances: 40 x 40 = 1,600 distinct people.
FIRST = """Anna Boris Carla Dmitri Elena Farid Grace Hiro Ines Jonas Kofi Lena Marco Nadia Omar Paula Quentin
Rosa Sergei Tamar Umar Vera Walter Xenia Yusuf Zoe Ahmed Beatriz Chen Daniel Esther Felix Gloria Hassan Irene
Javier Katya Luis Mei Nikolai""".split()
LAST = """Abbott Baranov Castillo Dubois Eriksen Fischer Garcia Haddad Ivanova Jansen Kowalski Lindqvist Moreau
Novak Okafor Petrov Quinn Rossi Schmidt Tanaka Usman Varga Weber Xu Yilmaz Zhang Almeida Brennan Costa Dlamini
Evans Fontaine Gupta Horvat Ibrahim Jovanovic Kim Larsen Mensah Nakamura""".split()
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")


# --- corpus ---------------------------------------------------------------------------------------


def templates() -> tuple[list[dict[str, Any]], list[str]]:
    """Seed paragraphs with the quotes Stanza finds in them, and the seeds' content vocabulary."""
    sys.path.insert(0, str(ROOT))
    from quotes.extract.pipeline import find_quotes
    from quotes.io.inputs import iter_articles
    from quotes.models import Article
    from quotes.text.normalize import is_content_word

    paragraphs: list[dict[str, Any]] = []
    vocabulary: set[str] = set()
    for article in iter_articles([str(SEEDS)]):
        assert isinstance(article, Article)
        quotes = find_quotes(article, engine="stanza")
        offset = 0
        for line in article.text.split("\n"):
            start, end = offset, offset + len(line)
            offset = end + 1
            if not line.strip():
                continue
            inside = [q for q in quotes if start <= q.start and q.end <= end]
            paragraphs.append(
                {
                    "text": line,
                    "quotes": [
                        {"start": q.start - start, "end": q.end - start, "kind": q.kind, "speaker": q.speaker,
                         "speaker_mention": q.speaker_mention, "cue": q.cue, "method": q.method, "confidence": q.confidence}
                        for q in inside
                    ],
                }
            )
        vocabulary.update(w for w in _WORD.findall(article.text) if is_content_word(w.lower()) and len(w) > 3)
    return paragraphs, sorted(vocabulary)


def build_corpus(n: int, paragraphs: list[dict[str, Any]], vocabulary: list[str], seed: int = 7) -> list[dict[str, Any]]:
    """``n`` synthetic articles as ``{"article": {...}, "quotes": [...]}`` rows (see the module docstring)."""
    from quotes.text.normalize import is_content_word

    rng = random.Random(seed)
    pool: list[tuple[str, str | None]] = []  # utterances already quoted: (text, speaker)
    rows = []
    for k in range(n):
        parts: list[str] = []
        quotes: list[dict[str, Any]] = []
        pos = 0
        for p_index, para in enumerate(rng.sample(paragraphs, rng.randint(5, 9))):
            text, cursor = "", 0
            for q in para["quotes"]:
                original = para["text"][q["start"] : q["end"]]
                speaker = q["speaker"]
                if q["kind"] == "name":
                    inner = original
                elif pool and rng.random() < 1 / 3:
                    inner, speaker = rng.choice(pool[-5000:])
                else:
                    inner = _WORD.sub(lambda m: rng.choice(vocabulary) if is_content_word(m.group().lower()) else m.group(), original)
                    if speaker is not None:
                        speaker = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                    pool.append((inner, speaker))
                text += para["text"][cursor : q["start"]]
                qstart = pos + len(text)
                text += inner
                cursor = q["end"]
                quotes.append({**q, "start": qstart, "end": qstart + len(inner), "paragraph": p_index, "speaker": speaker, "text": inner})
            text += para["text"][cursor:]
            parts.append(text)
            pos += len(text) + 1
        body = "\n".join(parts) + "\n"
        aid = f"syn-{k:05d}"
        for i, q in enumerate(quotes):
            q.update(article=aid, index=i)
            assert body[q["start"] : q["end"]] == q["text"]
        rows.append({"article": {"id": aid, "text": body, "outlet": rng.choice(OUTLETS)}, "quotes": quotes})
    return rows


# --- measuring (in a fresh process) -----------------------------------------------------------------


def measure(corpus_path: Path, db: Path, extract: int, workers: int = 1) -> dict[str, Any]:
    from quotes.models import Article, Quote
    from quotes.store.db import QuoteStore

    rows = [json.loads(line) for line in corpus_path.read_text(encoding="utf-8").splitlines()]
    extra = rows[-100:]
    rows = rows[:-100]
    pairs = [(Article(**r["article"]), [Quote(**q) for q in r["quotes"]]) for r in rows]
    n_quotes = sum(len(q) for _, q in pairs)
    words = sum(len(a.text.split()) for a, _ in pairs)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    result: dict[str, Any] = {"articles": len(pairs), "quotes": n_quotes, "words": words}
    result["baseline_rss_mb"] = _rss_mb("VmRSS")  # the interpreter and imports
    _reset_peak_rss()

    with QuoteStore(db) as store:
        t = time.perf_counter()
        stats = store.add(pairs, align=False, semantic=False)
        result["store_s"] = time.perf_counter() - t
        t = time.perf_counter()
        groups = store.align(semantic=False)
        result["align_s"] = time.perf_counter() - t
        result["index_s"] = result["store_s"] + result["align_s"]
        assert stats.added == len(pairs)
        counts = store.stats()
        all_groups = store.groups()
        result["groups"] = len(all_groups)
        result["cross_article_groups"] = sum(1 for g in all_groups if g.reference.cluster)
        result["groups_touched"] = len(groups)

        t = time.perf_counter()
        again = store.add(pairs, semantic=False)
        result["reindex_unchanged_s"] = time.perf_counter() - t
        assert again.unchanged == len(pairs) and again.added == 0

        more = [(Article(**r["article"]), [Quote(**q) for q in r["quotes"]]) for r in extra]
        t, c = time.perf_counter(), time.process_time()
        with _phases() as phases:
            inc = store.add(more, semantic=False)
        result["incremental_100_s"] = time.perf_counter() - t
        result["incremental_100_cpu_s"] = time.process_time() - c
        result["incremental_phases_s"] = phases
        result["incremental_groups_touched"] = inc.groups_touched
        # the same corpus aligned from scratch, in this run: what the incremental path must
        # equal, and what its time is a fraction of
        from quotes.variants.align import align

        everything = [q for _, qs in pairs + more for q in qs]
        t, c = time.perf_counter(), time.process_time()
        full = align(everything, semantic=False)
        result["full_realign_s"] = time.perf_counter() - t
        result["full_realign_cpu_s"] = time.process_time() - c
        result["incremental_ratio"] = result["incremental_100_s"] / result["full_realign_s"]
        result["incremental_cpu_ratio"] = result["incremental_100_cpu_s"] / result["full_realign_cpu_s"]
        result["alignment_update_s"] = phases["store_align"]  # QuoteStore.align alone (the 100 articles stored before)
        stored = _signature(store.groups())
        fresh = _signature(full)
        result["incremental_equals_full"] = stored == fresh
        result["groups_differing"] = len(set(stored) ^ set(fresh))

        result["search"] = _search_latency(store, pairs)
        result["search_speaker"] = _search_latency(store, pairs, with_speaker=True)
        result["rows"] = counts.model_dump()
    result["peak_rss_mb"] = _rss_mb("VmHWM")
    result["db_mb"] = db.stat().st_size / 1e6
    if extract:
        result["extract"] = _extract(rows[:extract], db.with_name("extract.db"), workers)
    return result


@contextmanager
def _phases() -> Iterator[dict[str, float]]:
    """Seconds spent in the parts of an incremental alignment: reading stored groups (only those the
    batch may have changed, to compare them), resuming the aligner (the stored quotes as its state,
    ``Aligner.resume``), and its pass over the corpus (``Aligner.add``)."""
    from quotes.store.db import QuoteStore
    from quotes.variants.align import Aligner

    spent: dict[str, float] = {}
    originals = {"read_groups": (QuoteStore, "_load_groups"), "resume": (Aligner, "resume"), "align_pass": (Aligner, "add"),
                 "store_align": (QuoteStore, "align")}
    saved = {name: owner.__dict__[attr] for name, (owner, attr) in originals.items()}

    def timed(name: str, fn: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            t = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] = spent.get(name, 0.0) + time.perf_counter() - t
        return run

    for name, (owner, attr) in originals.items():
        raw = saved[name]
        if isinstance(raw, classmethod):
            setattr(owner, attr, classmethod(timed(name, raw.__func__)))
        else:
            setattr(owner, attr, timed(name, raw))
    try:
        yield spent
    finally:
        for name, (owner, attr) in originals.items():
            setattr(owner, attr, saved[name])


def _signature(groups: list[Any]) -> list[tuple[str, tuple[tuple[str, Any, Any], ...]]]:
    return sorted((g.id, tuple((m.id, m.cluster, m.variant) for m in g.members)) for g in groups)


def _search_latency(store: Any, pairs: list[Any], with_speaker: bool = False, n: int = 300) -> dict[str, float]:
    rng = random.Random(11)
    quotes = [q for _, qs in pairs for q in qs if q.kind != "name" and len(q.text.split()) >= 3]
    times = []
    found = 0
    for _ in range(n):
        q = rng.choice(quotes)
        words = q.text.split()
        size = rng.randint(2, min(6, len(words)))
        start = rng.randint(0, len(words) - size)
        phrase = " ".join(words[start : start + size])
        speaker = q.speaker if with_speaker and q.speaker else None
        t = time.perf_counter()
        hits = store.search(phrase, speaker=speaker, limit=10)
        times.append((time.perf_counter() - t) * 1000)
        found += any(h.article == q.article and h.index == q.index or any(v.article == q.article and v.index == q.index for v in h.variants) for h in hits)
    times.sort()
    return {
        "p50_ms": statistics.median(times),
        "p95_ms": times[int(0.95 * (len(times) - 1))],
        "hit_rate": found / n,
    }


def _extract(rows: list[dict[str, Any]], db: Path, workers: int) -> dict[str, Any]:
    """QuoteStore.index with the real engine (Stanza) on the first rows' texts."""
    from quotes.annotate import get_engine
    from quotes.models import Article
    from quotes.store.db import QuoteStore

    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    if workers == 1:
        get_engine("stanza")  # model loading is not part of the figure (workers load their own)
    articles = [Article(**r["article"]) for r in rows]
    with QuoteStore(db) as store:
        t = time.perf_counter()
        stats = store.index(articles, engine="stanza", workers=workers, semantic=False)
        seconds = time.perf_counter() - t
        size = db.stat().st_size
    return {"articles": len(articles), "workers": workers, "quotes": stats.quotes_added, "seconds": seconds,
            "articles_per_s": len(articles) / seconds, "db_mb": size / 1e6}


def _rss_mb(field: str) -> float:
    """``VmRSS`` (now) or ``VmHWM`` (peak since the last reset) of this process, in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak_rss() -> None:
    """Make VmHWM start again from the current RSS (Linux), so the peak is the work's own."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


# --- driver -------------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="synthetic articles to index (default 10000)")
    parser.add_argument("--extract", type=int, default=0, help="also index the first N articles with Stanza (slow)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes for --extract (default 1)")
    parser.add_argument("--markdown", action="store_true", help="print the README table row")
    parser.add_argument("--measure", nargs=4, metavar=("CORPUS", "DB", "EXTRACT", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.measure:  # child process: only the store's own memory is in its peak RSS
        corpus, db, extract, workers = args.measure
        print(json.dumps(measure(Path(corpus), Path(db), int(extract), int(workers))))
        return

    OUT.mkdir(parents=True, exist_ok=True)
    paragraphs, vocabulary = templates()
    corpus = build_corpus(args.articles + 100, paragraphs, vocabulary)
    corpus_path = OUT / f"store_corpus_{args.articles}.jsonl"
    corpus_path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in corpus), encoding="utf-8")
    env = {**os.environ, "QUOTES_PROGRESS": "0"}
    proc = subprocess.run(
        [sys.executable, __file__, "--measure", str(corpus_path), str(OUT / "bench_store.db"), str(args.extract), str(args.workers)],
        capture_output=True, text=True, env=env,
    )
    if proc.returncode != 0:
        sys.exit(proc.stderr)
    r = json.loads(proc.stdout.splitlines()[-1])
    (OUT / "bench_store.json").write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")  # every figure of the run
    if args.markdown:
        print(
            f"| {r['articles']:,} | {r['quotes']:,} | {r['index_s']:.1f} s ({r['store_s']:.1f} store + {r['align_s']:.1f} align) "
            f"| {r['db_mb']:.0f} MB | {r['peak_rss_mb']:.0f} MB | {r['reindex_unchanged_s']:.1f} s "
            f"| {r['incremental_100_s']:.2f} s ({r['incremental_ratio']:.2f} of a full re-align, {r['full_realign_s']:.1f} s; "
            f"CPU {r['incremental_100_cpu_s']:.1f} s, {r['incremental_cpu_ratio']:.2f} of {r['full_realign_cpu_s']:.1f} s; "
            f"{'same groups' if r['incremental_equals_full'] else str(r['groups_differing']) + ' groups differ'}) "
            f"| {r['search']['p50_ms']:.1f} / {r['search']['p95_ms']:.1f} ms | {r['search_speaker']['p50_ms']:.1f} / {r['search_speaker']['p95_ms']:.1f} ms |"
        )
    else:
        print(json.dumps(r, indent=2))


if __name__ == "__main__":
    main()
