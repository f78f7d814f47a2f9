"""Many-versus-many grouping: average-linkage agglomerative clustering over any pair scorer.

The shape follows rapidfuzz's ``process`` module: the pairwise scorer is a plain function
``scorer(i, j) -> float | None`` (``None``: no evidence either way, e.g. two sentences of
one article), and this layer decides which items end up together:

1. candidate pairs (from blocking) whose score reaches ``threshold`` are edges; only items
   connected by edges can end up in one cluster, so each connected component is clustered
   on its own;
2. inside a component every pair is scored (missing candidates included), and the two
   clusters with the highest *average* score between their members are merged, as long as
   that average is at least ``threshold`` (the stop criterion). Pairs scored ``None`` are
   left out of the average; clusters with no scored pair between them are not merged.

Average linkage does not chain: two clusters merge only when their members are close on
average, not when one pair of them is.

>>> sims = {(0, 1): 0.9, (1, 2): 0.6, (0, 2): 0.1, (2, 3): 0.8}
>>> score = lambda i, j: sims.get((min(i, j), max(i, j)), 0.0)
>>> average_linkage(4, list(sims), score, threshold=0.5)
[[0, 1], [2, 3]]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Optional

__all__ = ["average_linkage", "components", "MAX_DENSE"]

Scorer = Callable[[int, int], Optional[float]]

MAX_DENSE = 400
"""A component larger than this is clustered on its candidate pairs only (the others are not
scored and stay out of the averages): scoring all of its n² pairs would no longer be near-linear. Real stories give
components of a few dozen sentences; 400 is an order of magnitude above that."""


def components(n: int, edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Connected components of ``n`` items under ``edges``, each sorted, in order of their first item.

    >>> components(5, [(0, 2), (3, 4)])
    [[0, 2], [1], [3, 4]]
    """
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    out: dict[int, list[int]] = {}
    for i in range(n):
        out.setdefault(find(i), []).append(i)
    return list(out.values())


def _cluster_component(items: Sequence[int], score: Scorer, threshold: float, known: dict[tuple[int, int], Optional[float]]) -> list[list[int]]:
    dense = len(items) <= MAX_DENSE
    # sums[a][b] = (sum of scores, number of scored pairs) between clusters a and b
    clusters: dict[int, list[int]] = {k: [i] for k, i in enumerate(items)}
    sums: dict[int, dict[int, list[float]]] = {k: {} for k in clusters}
    for x in range(len(items)):
        for y in range(x + 1, len(items)):
            i, j = items[x], items[y]
            key = (i, j) if i < j else (j, i)
            if key in known:
                s = known[key]
            elif dense:
                s = score(i, j)
            else:
                continue
            if s is None:
                continue
            sums[x][y] = [s, 1.0]
            sums[y][x] = sums[x][y]
    while True:
        best: Optional[tuple[float, int, int]] = None
        for a, row in sums.items():
            for b, (total, count) in row.items():
                if a < b:
                    avg = total / count
                    if avg >= threshold and (best is None or avg > best[0] or (avg == best[0] and (a, b) < (best[1], best[2]))):
                        best = (avg, a, b)
        if best is None:
            break
        _, a, b = best
        clusters[a].extend(clusters.pop(b))
        row_b = sums.pop(b)
        row_b.pop(a, None)
        sums[a].pop(b, None)
        for c, (total, count) in row_b.items():
            sums[c].pop(b, None)
            cur = sums[a].get(c)
            merged = [total + (cur[0] if cur else 0.0), count + (cur[1] if cur else 0.0)]
            sums[a][c] = merged
            sums[c][a] = merged
    return [sorted(c) for c in clusters.values()]


def average_linkage(
    n: int,
    candidates: Iterable[tuple[int, int]],
    score: Scorer,
    *,
    threshold: float,
) -> list[list[int]]:
    """Cluster items ``0..n-1``: see the module docstring. Returns the clusters, each sorted,
    in order of their first item; every item is in exactly one."""
    known: dict[tuple[int, int], Optional[float]] = {}
    edges: list[tuple[int, int]] = []
    for i, j in candidates:
        if i == j:
            continue
        key = (i, j) if i < j else (j, i)
        if key in known:
            continue
        s = score(*key)
        known[key] = s
        if s is not None and s >= threshold:
            edges.append(key)
    out: list[list[int]] = []
    for comp in components(n, edges):
        if len(comp) == 1:
            out.append(comp)
            continue
        out.extend(_cluster_component(comp, score, threshold, known))
    out.sort(key=lambda c: c[0])
    return out
