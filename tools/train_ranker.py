#!/usr/bin/env python3
"""Train the speaker ranker on PolNeAR train; print its figures on PolNeAR dev.

usage: python tools/train_ranker.py [--shared ../shared] [--engines spacy,spacy-bare,stanza]
                                    [--cache DIR] [--out quotes/extract/attribution/speaker_model.json]

* Articles are annotated once per engine and cached (``--cache``, default ``/tmp/quotes-ranker-cache``)
  as ``ENGINE-SPLIT.pkl`` (a dict: file stem → ``AnnotatedDocument.model_dump()``). ``spacy-bare``
  is the spaCy annotation with its POS, parse and NER layers removed, and ``stanza`` the
  offline default engine's own tokenizer-only output: one model serves parsed and bare documents.
* Every quote matched to a gold quote with a scored speaker (not ``*``) gives one example per
  option (:func:`quotes.extract.attribution.ranker.options_for`), labelled by the scorer's own
  speaker test (:func:`quotes.evaluate.speaker_right`).
* A logistic regression (L2 = :data:`L2`, Newton steps, numpy only) is fitted on train. The
  null threshold is chosen on out-of-fold predictions (:data:`FOLDS` folds by article) of train:
  the grid value that maximises right - WRONG_COST x wrong speakers (a null costs a
  fact-checker less than a wrong name), the higher one on a tie.
* Dev is only measured, never fitted: speaker accuracy of the rules alone and of the ranker.
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotes.annotate.document import AnnotatedDocument  # noqa: E402
from quotes.evaluate import load_gold, span_overlap, speaker_right, trim_span  # noqa: E402
from quotes.extract.attribution.context import AttributionContext  # noqa: E402
from quotes.extract.attribution.driver import attribute_all  # noqa: E402
from quotes.extract.attribution.ranker import MODEL_PATH, SpeakerModel, _Article, options_for  # noqa: E402
from quotes.extract.marks import find_spans  # noqa: E402
from quotes.extract.mentions import find_mentions  # noqa: E402
from quotes.extract.textview import TextView  # noqa: E402

L2 = 1.0
"""Ridge penalty: a round value; with ~25,000 examples it only tames features seen a few times."""
FOLDS = 5
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(0, 11))
"""Null thresholds tried on out-of-fold predictions: 0 to 0.5 in steps of 0.05."""
WRONG_COST = 0.5
"""What a wrong speaker costs against a null one, in right answers: the users are fact-checkers,
for whom a wrong name is worse than none (the project's rule), but PolNeAR has no null speakers
to learn that from, so the threshold maximises right - WRONG_COST * wrong out of fold."""
MATCH = 0.5
"""A quote is matched to a gold quote when their trimmed spans overlap by half their union (the scorer's rule)."""


def annotate(shared: Path, split: str, engine: str, cache: Path) -> dict[str, AnnotatedDocument]:
    """Annotated documents of one split, from the cache or by running the engine once."""
    base = "spacy" if engine == "spacy-bare" else engine
    path = cache / f"{base}-{split}.pkl"
    if not path.exists():
        from quotes.annotate import get_engine

        eng = get_engine(base)
        docs = {p.stem: eng.annotate(p.read_text(encoding="utf-8")).model_dump()
                for p in sorted((shared / "polnear" / split / "articles").glob("*.txt"))}
        cache.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(docs))
    raw = pickle.loads(path.read_bytes())
    out = {}
    for stem, data in raw.items():
        doc = AnnotatedDocument.model_validate(data)
        if engine == "spacy-bare":
            doc = bare(doc)
        out[stem] = doc
    return out


def bare(doc: AnnotatedDocument) -> AnnotatedDocument:
    """The document as a tokenizer-only engine gives it: tokens and sentences, no other layer."""
    tokens = [t.model_copy(update={"pos": None, "lemma": None, "head": None, "deprel": None}) for t in doc.tokens]
    return doc.model_copy(update={"tokens": tokens, "entities": [], "layers": frozenset()})


def examples(shared: Path, split: str, engine: str, cache: Path) -> list[tuple[str, list[dict[str, float]], list[bool], bool]]:
    """(article, option features, option labels, rules right) for every scored matched quote."""
    gold = load_gold(str(shared / "polnear" / split / "gold.json"))
    by_stem = {Path(a.file).stem: a for a in gold.articles}
    out = []
    for stem, doc in annotate(shared, split, engine, cache).items():
        art = by_stem.get(stem)
        spans = find_spans(doc.text)
        if art is None or not spans:
            continue
        view = TextView(doc, spans)
        ctx = AttributionContext(view, find_mentions(view))
        decided = attribute_all(ctx, spans)
        article = _Article(ctx, decided)
        golds = [q for q in art.quotes if q.kind in ("speech", "fragment")]
        for index, (span, att, _) in enumerate(decided):
            if span.depth or not golds:
                continue
            here = trim_span(doc.text, span.start, span.end)
            best = max(golds, key=lambda g: span_overlap(trim_span(doc.text, g.start, g.end), here))
            if span_overlap(trim_span(doc.text, best.start, best.end), here) < MATCH or best.speaker == "*":
                continue
            options = options_for(article, index)
            labels = [best.speaker is not None and speaker_right(o.speaker, best.speaker, gold.speakers) for o in options]
            rules_right = speaker_right(att.speaker, best.speaker, gold.speakers)
            out.append((stem, [o.features for o in options], labels, rules_right))
    return out


def fit(rows: list[tuple[str, list[dict[str, float]], list[bool], bool]]) -> dict[str, float]:
    """L2-regularised logistic regression over all options (Newton's method)."""
    names = sorted({k for _, feats, _, _ in rows for f in feats for k in f})
    index = {k: i for i, k in enumerate(names)}
    xs, ys = [], []
    for _, feats, labels, _ in rows:
        for f, label in zip(feats, labels):
            v = np.zeros(len(names))
            for k, x in f.items():
                v[index[k]] = x
            xs.append(v)
            ys.append(float(label))
    x, y = np.array(xs), np.array(ys)
    w = np.zeros(len(names))
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + L2 * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + L2 * np.eye(len(names))
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return {k: round(float(w[i]), 4) for k, i in index.items()}


def outcomes(rows: list[tuple[str, list[dict[str, float]], list[bool], bool]], model: SpeakerModel, threshold: float) -> tuple[int, int]:
    """(right, wrong) speakers at ``threshold``; the rest are nulls."""
    right = wrong = 0
    for _, feats, labels, _ in rows:
        if not feats:
            continue
        probs = [model.probability(f) for f in feats]
        best = int(np.argmax(probs))
        if probs[best] >= threshold:
            right += labels[best]
            wrong += not labels[best]
    return right, wrong


def accuracy(rows: list[tuple[str, list[dict[str, float]], list[bool], bool]], model: SpeakerModel, threshold: float) -> float:
    return outcomes(rows, model, threshold)[0] / max(1, len(rows))


def choose_threshold(rows: list[tuple[str, list[dict[str, float]], list[bool], bool]]) -> float:
    """The null threshold with the best out-of-fold utility on train (see :data:`WRONG_COST`)."""
    articles = sorted({r[0] for r in rows})
    fold_of = {a: i % FOLDS for i, a in enumerate(articles)}
    counts = {t: [0, 0] for t in THRESHOLDS}
    for fold in range(FOLDS):
        model = SpeakerModel(fit([r for r in rows if fold_of[r[0]] != fold]), 0.0)
        held = [r for r in rows if fold_of[r[0]] == fold]
        for t in THRESHOLDS:
            right, wrong = outcomes(held, model, t)
            counts[t][0] += right
            counts[t][1] += wrong
    scores = {t: right - WRONG_COST * wrong for t, (right, wrong) in counts.items()}
    for t, (right, wrong) in counts.items():
        print(f"  out of fold, threshold {t:.2f}: right {right}, wrong {wrong}, null {len(rows) - right - wrong}")
    best = max(scores.values())
    return max(t for t, s in scores.items() if s >= best - 1e-9)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--engines", default="spacy,spacy-bare,stanza")
    ap.add_argument("--cache", type=Path, default=Path("/tmp/quotes-ranker-cache"))
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    args = ap.parse_args()
    engines = [e for e in args.engines.split(",") if e]
    train = [r for e in engines for r in examples(args.shared, "train", e, args.cache)]
    threshold = choose_threshold(train)
    weights = fit(train)
    model = SpeakerModel(weights, threshold)
    print(f"train: {len(train)} quotes, threshold {threshold}, speaker accuracy {accuracy(train, model, threshold):.3f}")
    for engine in engines:
        dev = examples(args.shared, "dev", engine, args.cache)
        rules = sum(r[3] for r in dev) / max(1, len(dev))
        print(f"dev ({engine}): {len(dev)} quotes, speaker accuracy rules {rules:.3f}, ranker {accuracy(dev, model, threshold):.3f}")
    args.out.write_text(json.dumps({"trained_on": "PolNeAR train (" + ", ".join(engines) + ")",
                                    "threshold": threshold, "weights": weights}, indent=1, sort_keys=True) + "\n")
    print(f"wrote {args.out} ({len(weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
