"""Candidate blocking: which quotes are worth comparing at all.

Comparing every quote with every other grows with the square of the corpus. Instead each quote
is indexed under a few *blocking keys* and only quotes that share a key are compared:

- its content words (function words never count), spelling-folded (``colour`` = ``color``);
- each pair of neighbouring content words, one of them short, written as one
  (``non stop`` → ``nonstop``), so a split and a joined spelling still meet;
- the same content words qualified by the speaker (``vladimir putin|heroic``), which stay
  selective when a word is common across the corpus but rare for one speaker.

A key shared by more than ``max_postings`` quotes says little and is skipped (unless a quote
has nothing rarer), and each quote keeps only its ``max_candidates`` best candidates, ranked
by the summed inverse document frequency of the keys they share. So every quote is compared
with a bounded number of others and the total cost grows linearly with the corpus.

>>> idx = BlockIndex()
>>> idx.add("a", block_keys(["advance", "nonstop"], "kim jong un"))
>>> idx.add("b", block_keys(["advance", "non", "stop"], "kim jong un"))
>>> idx.candidates("b", query_keys(["advance", "non", "stop"], "kim jong un"))
['a']
"""

from __future__ import annotations

import heapq
import math
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Optional

from quotes.text.normalize import is_content_word, spelling_key

__all__ = ["BlockIndex", "block_keys", "query_keys", "idf", "JOINED", "SPEAKER_SEP"]

JOINED = "~"
"""Prefix of keys made of two neighbouring words written as one."""
SPEAKER_SEP = "|"
"""Separates the speaker from the word in speaker-qualified keys."""


def _joinable(left: str, right: str) -> bool:
    # "non stop", "cease fire", "well being": two content words, one of them short
    return (
        min(len(left), len(right)) <= 5 and left.isalpha() and right.isalpha()
        and is_content_word(left) and is_content_word(right)
    )


def block_keys(words: Sequence[str], speaker: str = "") -> frozenset[str]:
    """The keys a quote with normalised ``words`` said by ``speaker`` (a speaker key) is indexed under."""
    content = [spelling_key(w) for w in words if is_content_word(w)]
    keys: set[str] = set(content)
    keys.update(sys.intern(JOINED + spelling_key(l + r)) for l, r in zip(words, words[1:]) if _joinable(l, r))
    if speaker:
        keys.update(sys.intern(f"{speaker}{SPEAKER_SEP}{w}") for w in content)
    return frozenset(keys)


def query_keys(words: Sequence[str], speaker: str = "") -> frozenset[str]:
    """The keys to look a quote up with: its own keys, plus the joined form of each content
    word (meets a text that splits it: ``nonstop`` finds ``non stop``) and each joinable pair
    as a plain word (``non stop`` finds ``nonstop``)."""
    keys = set(block_keys(words, speaker))
    keys.update(JOINED + spelling_key(w) for w in words if is_content_word(w))
    keys.update(spelling_key(l + r) for l, r in zip(words, words[1:]) if _joinable(l, r))
    return frozenset(keys)


def idf(df: int, n: int) -> float:
    """Inverse document frequency ``log(1 + n / df)`` of a key held by ``df`` of ``n`` items: the
    one rarity weight of the variants stage (blocking, link scores).

    >>> round(idf(1, 100), 2), round(idf(100, 100), 2)
    (4.62, 0.69)
    """
    return math.log(1 + n / max(1, df))


class BlockIndex:
    """An inverted index from blocking keys to quote ids, with document frequencies.

    Ids are any values that order among themselves (strings, or corpus positions as ints): ties
    between candidates of equal weight go by id.
    """

    def __init__(self, *, max_postings: int = 200, max_candidates: int = 10) -> None:
        self.max_postings = max_postings
        self.max_candidates = max_candidates
        self._postings: dict[str, list[Any]] = defaultdict(list)
        self._ids: set[Any] = set()
        self._idf: dict[int, float] = {}  # idf(df, len(self)) by df, for the current size (cleared by add)

    def __len__(self) -> int:
        return len(self._ids)

    def add(self, uid: Any, keys: Iterable[str]) -> None:
        """Index quote ``uid`` under ``keys`` (a quote is added once; adding it again is a no-op)."""
        if uid in self._ids:
            return
        self._ids.add(uid)
        self._idf.clear()
        postings = self._postings
        for k in keys if isinstance(keys, (set, frozenset)) else set(keys):
            postings[k].append(uid)

    def df(self, key: str) -> int:
        """How many indexed quotes have ``key``."""
        postings = self._postings.get(key)
        return len(postings) if postings else 0

    def idf(self, key: str) -> float:
        """``log(1 + N / df)``: rare keys weigh more."""
        return idf(self.df(key), len(self._ids))

    def candidates(self, uid: Any, keys: Iterable[str], keep: Optional[Callable[[Any], bool]] = None,
                   limit: Optional[int] = None) -> list[Any]:
        """Up to ``max_candidates`` (or ``limit``) other quotes sharing keys with ``uid``, best first.

        ``keep`` filters candidates before the cut-off (e.g. only quotes already grouped). With
        ``uid=None`` and ``limit=max_candidates + 1`` the list serves every quote with these keys:
        leaving one out of it and keeping ``max_candidates`` gives its own candidates (the ranking is
        a strict order).
        Joined keys (``~nonstop``) weigh little, and keys held by more than ``max_postings``
        quotes are skipped unless nothing rarer exists.
        """
        get = self._postings.get
        found = []
        for k in keys:
            held = get(k)
            if held:
                found.append((len(held), k, held))
        found.sort()  # rarest first, then by key (so the weights add up in one order); a key is listed once
        cap = self.max_postings
        usable = [f for f in found if f[0] <= cap] or found[:2]
        n = len(self._ids)
        weights = self._idf
        weight: defaultdict[Any, float] = defaultdict(float)
        for df, _, held in usable:
            w = weights.get(df)
            if w is None:
                w = weights[df] = idf(df, n)
            for other in (held if df <= cap else held[:cap]):
                weight[other] += w
        weight.pop(uid, None)
        if keep is not None:
            for other in [o for o in weight if not keep(o)]:
                del weight[other]
        # the best max_candidates by (weight, id): the head of the full sort, without sorting it all
        ranked = heapq.nsmallest(self.max_candidates if limit is None else limit, [(-w, other) for other, w in weight.items()])
        return [other for _, other in ranked]

