"""Where in the sources a quote comes from, and whether the evidence is enough: the origin rule.

A fact-checker's worst answer is "this line of the debate was changed" for words the speaker
said somewhere else. So before any drift is reported, a stretch of a source must pass the
**origin rule**:

1. *One passage.* The stretch lies inside one turn of a transcript (:mod:`quotes.text.turns`)
   or one paragraph of a plain text, and is about as long as the quote (the alignment is of
   the whole quote against the best window of the passage).
2. *In order.* The quote's words are aligned with the passage's in order (a word-level
   alignment, :func:`align`); a word counts as aligned when it is the same word after
   normalisation, or another form of it (``thing``/``things``, ``satisfied``/``unsatisfied``).
3. *The quote's own content.* Only content words count (no function words, no bare numbers),
   each weighted by how rare it is among the passages of the sources
   (:meth:`SourceIndex.weight`): a phrase the speaker uses in every other answer ("make
   America great again") locates nothing, a word found nowhere else locates a lot. At least
   :data:`MIN_ALIGNED` content words must be aligned, and they must carry at least
   :data:`MIN_COVERAGE` of the quote's content weight.
4. *Short quotes* (fewer than :data:`MIN_ALIGNED` content words) are never matched fuzzily:
   they are found exactly or orthographically (:mod:`quotes.variants.verify` does that) or
   not at all. Three words shared with a debate turn are what any two speeches share.

When the best stretch fails, :class:`Evidence.rejected` says which part of the rule it failed,
so a user can look at the candidate and decide.

>>> idx = SourceIndex([("debate", "HOLT: Your answer?\\nTRUMP: Maybe he didn't do a good job and I was unsatisfied with his work.")])
>>> e = idx.best("Maybe he didn't do a good job, and I wasn't satisfied with his work.")
>>> e.passes, e.aligned, e.content, e.speaker
(True, 5, 5, 'TRUMP')
>>> idx.best("Maybe he didn't do his job, and I wasn't happy with his lawyers.").rejected
"only 2 of the quote's 4 content words in order in the best passage (needs 4)"
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Optional

from quotes.text.normalize import is_content_word
from quotes.text.turns import split_turns
from quotes.variants.compare import PreparedText, prepare, semi_global

__all__ = [
    "Evidence",
    "SourceIndex",
    "Passage",
    "align",
    "forms_of_one_word",
    "join_splits",
    "MIN_ALIGNED",
    "MIN_COVERAGE",
    "MIN_STEM",
    "CANDIDATES",
]

MIN_ALIGNED = 4
"""Content words that must be aligned in order before a passage can be a quote's origin, and
the fewest content words a quote needs to be matched fuzzily at all. A round number: two or
three content words in order ("phony polls", "rigged election") are what any two speeches of
one campaign share; four in one passage, in order, are a sentence, not a phrase."""
MIN_COVERAGE = 0.75
"""Share of the quote's content weight (rarity-weighted content words) that the aligned words
must carry: three quarters. A misquote changes a word or two of a sentence and keeps the rest;
a different sentence in the same frame ("the worst thing that ever happened to X") keeps the
frame and changes what the sentence is about, which is where the weight is. Checked on the
train split: no quote said elsewhere passes it (``tools/calibrate_verify.py``)."""
MIN_STEM = 4
"""Letters two words must share for one to count as another form of the other (``things``/``thing``,
``unsatisfied``/``satisfied``): shorter stems make unrelated words look related (``in``/``inn``)."""
MAX_AFFIX = 3
"""At most this many letters added or changed at either end for two words to be forms of one
(``-s``, ``-ed``, ``-ing``, ``un-``, ``dis-``)."""
MAX_JOIN = 6
"""Longest run of words joined into one ("D.P.R.K." is four tokens)."""
CANDIDATES = 6
"""Passages aligned word by word per quote: the ones sharing the most content weight with it."""
_EXACT, _NEAR, _MISMATCH = 2, 1, -1


@dataclass(frozen=True)
class Passage:
    """A turn or paragraph of one source: ``start``/``end`` are offsets into that source's text."""

    source: str
    start: int
    end: int
    speaker: Optional[str]
    section: Optional[str]
    first: int
    """Index of the passage's first token in the source's token list."""
    last: int
    """Index one past its last token."""


@dataclass(frozen=True)
class Evidence:
    """The best stretch of the sources for one quote and how it fares under the origin rule."""

    passage: Passage
    start: int
    """Offsets of the aligned stretch in the passage's source text."""
    end: int
    aligned: int
    """Quote content words aligned in order (same word or another form of it)."""
    content: int
    """Content words in the quote."""
    coverage: float
    """Share of the quote's content weight the aligned words carry, 0..1."""
    rejected: Optional[str]
    """Why the stretch is not the quote's origin (``None``: it is)."""

    @property
    def passes(self) -> bool:
        return self.rejected is None

    @property
    def speaker(self) -> Optional[str]:
        return self.passage.speaker

    @property
    def source(self) -> str:
        return self.passage.source


def forms_of_one_word(a: str, b: str) -> bool:
    """True when two different normalised words look like forms of one word.

    >>> forms_of_one_word("things", "thing"), forms_of_one_word("unsatisfied", "satisfied"), forms_of_one_word("polls", "police")
    (True, True, False)
    """
    if a == b:
        return True
    if min(len(a), len(b)) < MIN_STEM:
        return False
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) > MAX_AFFIX:
        return False
    if long_.startswith(short) or long_.endswith(short):
        return True
    # a shared stem with a changed ending: "happened"/"happens", "studies"/"studied"
    stem = 0
    while stem < len(short) and short[stem] == long_[stem]:
        stem += 1
    return stem >= MIN_STEM and len(long_) - stem <= MAX_AFFIX and len(short) - stem <= MAX_AFFIX - 1


def join_splits(keys: Sequence[str], other: set[str]) -> tuple[list[str], list[tuple[int, int]]]:
    """Join a run of adjacent keys whose concatenation is a key of the other text ("fully proved"
    / "fully-proved", "D.P.R.K." / "DPRK"); with the span of original indexes each new key covers.

    >>> join_splits(["fully", "proved", "it"], {"fullyproved"})
    (['fullyproved', 'it'], [(0, 2), (2, 3)])
    >>> join_splits(["the", "d", "p", "r", "k"], {"dprk"})[0]
    ['the', 'dprk']
    """
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(keys):
        j = 0
        if keys[i] not in other:
            j = next((j for j in range(min(len(keys), i + MAX_JOIN), i + 1, -1) if "".join(keys[i:j]) in other), 0)
        if j:
            out.append("".join(keys[i:j]))
            spans.append((i, j))
            i = j
        else:
            out.append(keys[i])
            spans.append((i, i + 1))
            i += 1
    return out, spans


def align(passage_keys: Sequence[str], quote_keys: Sequence[str], content: Sequence[bool]) -> list[tuple[int, int, bool]]:
    """Align all of the quote against the best window of the passage, in order
    (:func:`quotes.variants.compare.semi_global`).

    Returns ``(passage index, quote index, exact)`` for every aligned quote word. Scores: +2 the
    same word, +1 another form of a content word, -1 a substitution, -1 a word added or dropped;
    passage words before and after the window are free (so a quote finds its place in a long turn).

    >>> align("so we lose our good jobs".split(), "we lost our jobs".split(), [False, True, False, True])
    [(1, 0, True), (3, 2, True), (5, 3, True)]
    """
    if not quote_keys or not passage_keys:
        return []

    def score(i: int, j: int) -> int:
        a, b = passage_keys[i], quote_keys[j]
        if a == b:
            return _EXACT
        return _NEAR if content[j] and forms_of_one_word(a, b) else _MISMATCH

    steps = semi_global(passage_keys, quote_keys, score, prefer_last=False)
    return [(i, j, passage_keys[i] == quote_keys[j]) for tag, i, j in steps if tag == "equal"]


class SourceIndex:
    """The sources cut into passages, tokenised once, with each content word's passage frequency.

    ``sources``: ``(name, text)`` pairs. Offsets in results are into that source's text.
    """

    def __init__(self, sources: Sequence[tuple[str, str]]) -> None:
        self.texts: dict[str, str] = {}
        self.prepared: dict[str, PreparedText] = {}
        self.passages: list[Passage] = []
        df: Counter[str] = Counter()
        for name, text in sources:
            self.texts[name] = text
            r = prepare(text)
            self.prepared[name] = r
            starts = [t.start for t in r.tokens]
            for turn in split_turns(text):
                first = bisect.bisect_left(starts, turn.start)
                last = bisect.bisect_left(starts, turn.end)
                if last <= first:
                    continue
                self.passages.append(Passage(name, turn.start, turn.end, turn.speaker, turn.section, first, last))
                df.update({k for k, t in zip(r.keys[first:last], r.tokens[first:last]) if is_content_word(t.word)})
        self.df = df
        self._n = len(self.passages)
        self._sets: dict[int, frozenset[str]] = {}

    @property
    def speakers(self) -> set[str]:
        """The turn labels of the sources (empty for unlabelled texts)."""
        return {p.speaker for p in self.passages if p.speaker is not None}

    def weight(self, key: str) -> float:
        """How much a content word locates a passage: its inverse passage frequency,
        ``log(1 + N / (1 + df))``, so a word in every passage weighs little and one in none the most.

        >>> idx = SourceIndex([("s", "Great jobs.\\nGreat wall.\\nGreat deal and the wall.")])
        >>> round(idx.weight("great"), 2), round(idx.weight("deal"), 2), round(idx.weight("moon"), 2)
        (0.56, 0.92, 1.39)
        """
        return math.log(1 + self._n / (1 + self.df.get(key, 0)))

    def keys(self, p: Passage) -> tuple[str, ...]:
        return self.prepared[p.source].keys[p.first : p.last]

    def key_set(self, p: Passage) -> frozenset[str]:
        """The passage's distinct keys (computed once)."""
        got = self._sets.get(id(p))
        if got is None:
            got = self._sets[id(p)] = frozenset(self.keys(p))
        return got

    def best(self, quote: str, *, accept: Optional[Callable[[Passage], bool]] = None) -> Optional[Evidence]:
        """The best stretch of the (accepted) passages for ``quote`` with its origin-rule verdict,
        or ``None`` when no passage shares a content word with it."""
        q = prepare(quote)
        # content is read off the words, not the spelling keys ("all" is keyed "al")
        content = [is_content_word(t.word) for t in q.tokens]
        weights = [self.weight(k) if c else 0.0 for k, c in zip(q.keys, content)]
        total = sum(weights)
        n_content = sum(content)
        if not n_content:
            return None
        wanted = {k: self.weight(k) for k, c in zip(q.keys, content) if c}
        scored: list[tuple[float, int]] = []
        for i, p in enumerate(self.passages):
            if accept is not None and not accept(p):
                continue
            present = self.key_set(p)
            w = sum(v for k, v in wanted.items() if k in present)
            if w > 0:
                scored.append((w, i))
        if not scored:
            return None
        scored.sort(key=lambda x: (-x[0], x[1]))
        best: Optional[tuple[tuple[float, int], Evidence]] = None
        for _, i in scored[:CANDIDATES]:
            e = self._evidence(self.passages[i], q, content, weights, total, n_content)
            rank = (e.coverage, e.aligned)
            if best is None or rank > best[0]:
                best = (rank, e)
        return best[1] if best else None

    def _evidence(self, p: Passage, q: PreparedText, content: list[bool], weights: list[float], total: float, n_content: int) -> Evidence:
        raw = self.keys(p)
        # "fully proved" / "fully-proved": a hyphen joins words on one side only
        keys, spans = join_splits(raw, set(q.keys))
        qkeys, qspans = join_splits(q.keys, set(raw))
        qcontent = [any(content[j] for j in range(a, b)) for a, b in qspans]
        joined = align(keys, qkeys, qcontent)
        pairs = [(spans[i][0], j, exact) for i, jj, exact in joined for j in range(*qspans[jj])]
        r = self.prepared[p.source]
        if pairs:
            s0 = r.tokens[p.first + pairs[0][0]].start
            s1 = r.tokens[p.first + spans[joined[-1][0]][1] - 1].end
        else:
            s0, s1 = p.start, p.start
        hit = [j for _, j, _ in pairs if content[j]]
        aligned = len(hit)
        coverage = sum(weights[j] for j in hit) / total if total else 0.0
        rejected: Optional[str] = None
        if n_content < MIN_ALIGNED:
            rejected = f"a short quote ({n_content} content word{'s' if n_content != 1 else ''}): only an exact or orthographic match counts"
        elif aligned < MIN_ALIGNED:
            rejected = f"only {aligned} of the quote's {n_content} content words in order in the best passage (needs {MIN_ALIGNED})"
        elif coverage < MIN_COVERAGE:
            rejected = (f"the {aligned} content words in order in the best passage carry {coverage:.0%} of the quote's content "
                        f"(needs {MIN_COVERAGE:.0%}): the rest of the quote is not there")
        return Evidence(p, s0, s1, aligned, n_content, round(coverage, 4), rejected)
