"""Average-linkage clustering over any pair scorer."""

from __future__ import annotations

from typing import Optional

from quotes.variants.grouping import average_linkage, components


def scorer(table: dict[tuple[int, int], Optional[float]]):  # type: ignore[no-untyped-def]
    return lambda i, j: table.get((min(i, j), max(i, j)), 0.0)


def test_components() -> None:
    assert components(6, [(0, 3), (3, 5), (1, 2)]) == [[0, 3, 5], [1, 2], [4]]


def test_average_linkage_does_not_chain() -> None:
    # 0-1 and 1-2 are close, 0-2 is not: single link would put all three together
    table = {(0, 1): 0.9, (1, 2): 0.6, (0, 2): 0.0}
    assert average_linkage(3, list(table), scorer(table), threshold=0.5) == [[0, 1], [2]]


def test_average_linkage_merges_clusters_close_on_average() -> None:
    table = {(0, 1): 1.0, (2, 3): 1.0, (0, 2): 0.6, (0, 3): 0.5, (1, 2): 0.55, (1, 3): 0.6}
    assert average_linkage(4, [(0, 1), (2, 3), (0, 2)], scorer(table), threshold=0.5) == [[0, 1, 2, 3]]


def test_unscored_pairs_stay_out_of_the_average() -> None:
    # 0 and 2 cannot be compared (None, e.g. one article): the average of 0-1 and 1-2 decides
    table: dict[tuple[int, int], Optional[float]] = {(0, 1): 0.8, (1, 2): 0.8, (0, 2): None}
    assert average_linkage(3, [(0, 1), (1, 2)], scorer(table), threshold=0.5) == [[0, 1, 2]]


def test_nothing_above_the_threshold_leaves_singletons() -> None:
    table = {(0, 1): 0.49}
    assert average_linkage(3, [(0, 1)], scorer(table), threshold=0.5) == [[0], [1], [2]]


def test_candidates_limit_what_is_compared_across_components() -> None:
    calls: list[tuple[int, int]] = []

    def score(i: int, j: int) -> float:
        calls.append((i, j))
        return 1.0 if {i, j} in ({0, 1}, {2, 3}) else 0.0

    assert average_linkage(4, [(0, 1), (2, 3)], score, threshold=0.5) == [[0, 1], [2, 3]]
    assert sorted(calls) == [(0, 1), (2, 3)]
