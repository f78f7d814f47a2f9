#!/usr/bin/env python3
"""Calibrate `quotes verify`'s confidence on a verify gold file (the train split, never dev).

usage: tools/calibrate_verify.py ../shared/verify/train.json

For every gold quote (statuses verbatim, orthographic, drift, not_found) it finds the best
passage of that quote's source under the origin rule (:mod:`quotes.variants.origin`) and
records its coverage and whether the gold says the quote is in the source (anything but
``not_found``). It then

1. fits P(origin | coverage), on the quotes with at least MIN_ALIGNED content words, by L2-regularised logistic regression (Newton's method; the prior
   keeps the slope finite when the classes separate, as they do on small splits) and prints the
   two constants for :mod:`quotes.variants.verify` (``CONFIDENCE_INTERCEPT``/``CONFIDENCE_SLOPE``);
2. checks the origin rule's threshold: how many quotes said elsewhere pass it (should be none),
   and the highest coverage among them, so the margin to ``MIN_COVERAGE`` can be seen.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

from quotes.variants.origin import MIN_ALIGNED, MIN_COVERAGE, SourceIndex

L2 = 0.01
"""Strength of the Gaussian prior on the intercept and slope: a weak prior (standard deviation 10).
Coverage runs over 0..1, so a unit prior would forbid any slope steeper than about one per the
whole range, i.e. assert that coverage says nothing; the weak prior only keeps the slope finite
when the train classes separate (they do: one origin among the fuzzy-matchable quotes)."""
STATUSES = ("verbatim", "orthographic", "drift", "not_found")


def features(gold_path: Path) -> list[tuple[float, int, int, int]]:
    """(coverage, aligned, content words, 1 if in the source) per quote."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    indexes: dict[str, SourceIndex] = {}
    rows = []
    for g in gold["quotes"]:
        if g["status"] not in STATUSES:
            continue
        name = g["source"]
        if name not in indexes:
            text = (gold_path.parent / gold["sources"][name]).read_text(encoding="utf-8")
            indexes[name] = SourceIndex([(name, text)])
        e = indexes[name].best(g["text"])
        cov, aligned, content = (e.coverage, e.aligned, e.content) if e else (0.0, 0, 0)
        rows.append((cov, aligned, content, int(g["status"] != "not_found")))
    return rows


def fit(xs: list[float], ys: list[int], l2: float = L2, steps: int = 50) -> tuple[float, float]:
    """Intercept and slope of an L2-regularised logistic regression of ys on xs (Newton's method)."""
    a = b = 0.0
    for _ in range(steps):
        ga, gb = l2 * a, l2 * b
        haa, hab, hbb = l2, 0.0, l2
        for x, y in zip(xs, ys):
            p = 1.0 / (1.0 + math.exp(-(a + b * x)))
            ga += p - y
            gb += (p - y) * x
            w = p * (1 - p)
            haa += w
            hab += w * x
            hbb += w * x * x
        det = haa * hbb - hab * hab
        da = (hbb * ga - hab * gb) / det
        db = (haa * gb - hab * ga) / det
        a, b = a - da, b - db
        if abs(da) + abs(db) < 1e-9:
            break
    return a, b


def main(argv: list[str]) -> None:
    if not argv:
        sys.exit("usage: tools/calibrate_verify.py VERIFY_GOLD.json (the train split)")
    # the confidence is used only where the coverage decides: quotes long enough to be matched
    # fuzzily (shorter ones are found exactly or not at all)
    rows = [r for r in features(Path(argv[0])) if r[2] >= MIN_ALIGNED]
    a, b = fit([r[0] for r in rows], [r[3] for r in rows])
    print(f"quotes={len(rows)} in_source={sum(r[3] for r in rows)}")
    print(f"CONFIDENCE_INTERCEPT = {a:.4f}")
    print(f"CONFIDENCE_SLOPE = {b:.4f}")
    elsewhere = [r for r in rows if not r[3]]
    passing = [r for r in elsewhere if r[1] >= MIN_ALIGNED and r[0] >= MIN_COVERAGE]
    top = max((r[0] for r in elsewhere), default=0.0)
    print(f"said elsewhere, long enough to match fuzzily: {len(elsewhere)}; passing the origin rule: {len(passing)}; "
          f"highest coverage among them: {top:.2f} (MIN_COVERAGE = {MIN_COVERAGE})")
    for cov in (0.25, 0.5, 0.75, 1.0):
        print(f"  P(origin | coverage={cov:.2f}) = {1 / (1 + math.exp(-(a + b * cov))):.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
