"""Benchmark ``quotes.variants.align`` on synthetic corpora whose true grouping is known.

    .venv/bin/python benchmarks/bench_align.py                     # 10k, 50k, 100k quotes, lexical
    .venv/bin/python benchmarks/bench_align.py --sizes 10000 --semantic
    .venv/bin/python benchmarks/bench_align.py --markdown          # the table for benchmarks/README.md

How the corpus is built (all from the seed articles, so word lengths, function words and
vocabulary are those of real news quotes):

1. Every sentence of ``seeds/*.txt`` with 8 to 40 words is a *template*; every content word
   seen in the seeds is the *vocabulary*.
2. An *utterance* is a template whose content words are all replaced by random vocabulary
   words (capitalisation kept), so utterances share function words but not content: the
   ground truth stays unambiguous. Each utterance gets a speaker from a pool of 2,000 names.
3. Each utterance is quoted 1 to 6 times (mean about 3.5), each time in another article, as:
   the reference (full text), an identical copy, an orthographic variant (case, hyphens,
   curly quotes, British spelling, punctuation), a truncation (a run of 4 or more words), a
   word substitution (one content word swapped: a rewording), a translation-style rewording (a
   third of the content words replaced, one inflection and the articles changed) or a negation
   insertion ("not" after the first auxiliary, else "never"). 2% of the copies name another speaker
   (misattribution).

Reported per size: wall and CPU time of ``align`` (corpus building excluded; CPU time is the
steadier figure on a shared machine), peak memory (RSS of a
fresh process; and the growth during alignment), candidate pairs from blocking, pairs aligned
word by word, their share of all n(n-1)/2 pairs, pairwise cluster precision/recall/F1 against
the true utterances, and the variant-label accuracy of members whose edit has a known label
(identical, orthographic, truncation, translation, negation → drift), counted in groups whose reference is
the unedited utterance. Each size runs in its own process.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_AUX = {"is", "are", "was", "were", "will", "would", "can", "could", "should", "must", "do", "does", "did", "has", "have", "had"}
_BRITISH = [("ize", "ise"), ("yze", "yse"), ("or", "our")]


def seed_sentences() -> list[str]:
    """Sentences of the seed articles with 8 to 40 words (quotation marks removed)."""
    out: list[str] = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        text = re.sub(r"[\"\u201c\u201d\u2018\u2019]", "", text)
        for sent in re.split(r"(?<=[.!?])\s+(?=[A-Z])", " ".join(text.split())):
            n = len(sent.split())
            if 8 <= n <= 40:
                out.append(sent)
    return out


def vocabulary(sentences: list[str]) -> list[str]:
    from quotes.text.normalize import is_content_word

    words = {w.lower() for s in sentences for w in _WORD.findall(s) if len(w) >= 3 and "-" not in w}
    return sorted(w for w in words if is_content_word(w))


def make_utterance(rng: random.Random, template: str, vocab: list[str]) -> str:
    from quotes.text.normalize import is_content_word

    def swap(m: re.Match[str]) -> str:
        w = m.group()
        if not is_content_word(w.lower()):
            return w
        new = rng.choice(vocab)
        return new.capitalize() if w[0].isupper() else new

    return _WORD.sub(swap, template)


def _orthographic(rng: random.Random, text: str) -> str:
    from quotes.text.normalize import STOPWORDS

    words = text.split()
    choice = rng.randrange(4)
    if choice == 0:
        text = text[0].swapcase() + text[1:]
    elif choice == 1:
        i = rng.randrange(len(words) - 1)
        if words[i].isalpha() and words[i + 1].isalpha() and words[i].lower() not in STOPWORDS and words[i + 1].lower() not in STOPWORDS:
            words[i] = f"{words[i]}-{words[i + 1]}"
            del words[i + 1]
        text = " ".join(words)
    elif choice == 2:
        for us, gb in _BRITISH:
            if any(w.endswith(us) and len(w) >= 6 for w in words):
                text = " ".join(w[: -len(us)] + gb if w.endswith(us) and len(w) >= 6 else w for w in words)
                break
        else:
            text = text.replace("'", "\u2019") + ("" if text.endswith(",") else ",")
    text = text.rstrip(".") if text.endswith(".") else text + "."
    return text


def _truncation(rng: random.Random, text: str) -> str:
    words = text.split()
    n = rng.randint(4, max(4, len(words) - 2))
    start = rng.randrange(0, len(words) - n + 1)
    return " ".join(words[start : start + n]).strip(",.;:")


def _substitution(rng: random.Random, text: str, vocab: list[str]) -> str:
    from quotes.text.normalize import is_content_word

    words = text.split()
    slots = [i for i, w in enumerate(words) if w.isalpha() and is_content_word(w.lower())]
    i = rng.choice(slots) if slots else rng.randrange(len(words))
    words[i] = rng.choice(vocab)
    return " ".join(words)


def _translation(rng: random.Random, text: str, vocab: list[str]) -> str:
    """Another translation of the utterance: a third of its content words replaced by other
    words (synonyms, as far as the aligner can tell), a word's inflection changed, and the
    function words "the"/"a" swapped; same length, same order."""
    from quotes.text.normalize import is_content_word

    words = text.split()
    slots = [i for i, w in enumerate(words) if w.isalpha() and is_content_word(w.lower())]
    rng.shuffle(slots)
    k = max(1, len(slots) // 3)
    for i in slots[:k]:
        words[i] = rng.choice(vocab)
    for i in slots[k : k + 1]:
        words[i] = words[i][:-1] if words[i].endswith("s") else words[i] + "s"
    swap = {"the": "a", "a": "the", "The": "A", "A": "The"}
    return " ".join(swap.get(w, w) for w in words)


def _negation(rng: random.Random, text: str) -> str:
    words = text.split()
    for i, w in enumerate(words):
        if w.lower() in _AUX:
            return " ".join(words[: i + 1] + ["not"] + words[i + 1 :])
    i = min(2, len(words) - 1)
    return " ".join(words[:i] + ["never"] + words[i:])


EDITS = ["identical", "orthographic", "truncation", "substitution", "translation", "negation"]
EXPECTED_LABEL = {"identical": "identical", "orthographic": "orthographic", "truncation": "truncation", "translation": "translation",
                  "negation": "drift"}


def build_corpus(n_quotes: int, seed: int = 7) -> tuple[list, list[int], list[str]]:
    """``n_quotes`` quotes with their true utterance ids and the edit that produced each."""
    from quotes.models import Quote

    rng = random.Random(seed)
    templates = seed_sentences()
    vocab = vocabulary(templates)
    speakers = [f"{rng.choice(vocab).capitalize()} {rng.choice(vocab).capitalize()}" for _ in range(2000)]
    quotes: list[Quote] = []
    truth: list[int] = []
    edits: list[str] = []
    utterance = 0
    while len(quotes) < n_quotes:
        text = make_utterance(rng, rng.choice(templates), vocab)
        speaker = rng.choice(speakers)
        size = min(rng.choice([1, 2, 3, 4, 5, 6]), n_quotes - len(quotes))
        renderings = [(text, "reference")]
        for _ in range(size - 1):
            edit = rng.choice(EDITS)
            variant = {
                "identical": lambda: text,
                "orthographic": lambda: _orthographic(rng, text),
                "truncation": lambda: _truncation(rng, text),
                "substitution": lambda: _substitution(rng, text, vocab),
                "translation": lambda: _translation(rng, text, vocab),
                "negation": lambda: _negation(rng, text),
            }[edit]()
            renderings.append((variant, edit))
        for k, (t, edit) in enumerate(renderings):
            who = speaker if rng.random() >= 0.02 or k == 0 else rng.choice(speakers)
            quotes.append(Quote(article=f"u{utterance}-{k}", text=t, start=0, end=len(t), kind="speech", speaker=who, index=0))
            truth.append(utterance)
            edits.append(edit)
        utterance += 1
    order = list(range(len(quotes)))
    rng.shuffle(order)  # input order must not help
    return [quotes[i] for i in order], [truth[i] for i in order], [edits[i] for i in order]


def pair_scores(pred: list[str], truth: list[int]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of a clustering, from the contingency table."""

    def pairs(counts: Counter) -> int:
        return sum(c * (c - 1) // 2 for c in counts.values())

    tp = pairs(Counter(zip(pred, truth)))
    pp, gp = pairs(Counter(pred)), pairs(Counter(truth))
    p = tp / pp if pp else 1.0
    r = tp / gp if gp else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def run_one(n: int, semantic: bool) -> dict:
    """Build a corpus of ``n`` quotes, align it, measure (call in a fresh process)."""
    from quotes.variants.align import Aligner

    quotes, truth, edits = build_corpus(n)
    rss_before = _rss_mb()
    aligner = Aligner(semantic=semantic)
    t0, c0 = time.perf_counter(), time.process_time()
    aligner.add(quotes)
    groups = aligner.groups
    elapsed, cpu = time.perf_counter() - t0, time.process_time() - c0
    group_of = {m.id: g.id for g in groups for m in g.members}
    member = {m.id: m for g in groups for m in g.members}
    pred = [group_of[q.id] for q in quotes]
    p, r, f1 = pair_scores(pred, truth)
    # labels are checked where the group's reference is the unedited utterance (a negation
    # insertion or an added comma can make a variant the longest rendering, and so the reference)
    edit_of = {q.id: e for q, e in zip(quotes, edits)}
    labelled = [
        (EXPECTED_LABEL[edit_of[m.id]], m.variant)
        for g in groups
        if edit_of[g.reference.id] in ("reference", "identical") and g.reference.variant == "reference"
        for m in g.members[1:]
        if edit_of[m.id] in EXPECTED_LABEL
    ]
    s = aligner.stats
    return {
        "quotes": n,
        "semantic": semantic,
        "seconds": round(elapsed, 2),
        "cpu_seconds": round(cpu, 2),
        "us_per_quote": round(1e6 * cpu / n, 1),
        "peak_rss_mb": round(_rss_mb(), 1),
        "rss_growth_mb": round(max(0.0, _rss_mb() - rss_before), 1),
        "candidate_pairs": s.candidate_pairs,
        "pairs_scored": s.pairs_scored,
        "all_pairs": n * (n - 1) // 2,
        "scored_share": s.pairs_scored / (n * (n - 1) // 2),
        "semantic_pairs": s.semantic_pairs,
        "groups": len(groups),
        "true_utterances": len(set(truth)),
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f1, 4),
        "label_accuracy": round(sum(a == b for a, b in labelled) / len(labelled), 4) if labelled else None,
        "misattributed_flagged": sum(1 for g in groups for m in g.members if "misattributed" in m.flags),
    }


def markdown(rows: list[dict]) -> str:
    head = "| quotes | semantic | wall (s) | CPU (s) | CPU µs/quote | peak RSS (MB) | RSS growth (MB) | candidate pairs | pairs scored | scored / all pairs | P | R | F1 | label acc. |"
    sep = "|" + "---|" * 14
    lines = [head, sep]
    for r in rows:
        lines.append(
            f"| {r['quotes']:,} | {'yes' if r['semantic'] else 'no'} | {r['seconds']} | {r['cpu_seconds']} | {r['us_per_quote']} | {r['peak_rss_mb']} | {r['rss_growth_mb']} | "
            f"{r['candidate_pairs']:,} | {r['pairs_scored']:,} | {r['scored_share']:.2e} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | "
            f"{r['label_accuracy']:.3f} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10000,50000,100000", help="comma-separated corpus sizes")
    ap.add_argument("--semantic", action="store_true", help="also use the semantic extra")
    ap.add_argument("--markdown", action="store_true", help="print a markdown table")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: run one size here
    args = ap.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.semantic)))
        return 0
    rows = []
    for n in [int(x) for x in args.sizes.split(",") if x.strip()]:
        cmd = [sys.executable, __file__, "--one", str(n)] + (["--semantic"] if args.semantic else [])
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        row = json.loads(out.strip().splitlines()[-1])
        rows.append(row)
        if not args.markdown:
            print(json.dumps(row), flush=True)
    if args.markdown:
        print(markdown(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
