"""Lay the quote spans over the engine's tokens and repair sentence boundaries.

Engines split sentences in odd places ("Kim Jong" | "Un said …", a boundary inside a quote,
a headline glued to the next paragraph). Attribution reads the :class:`TextView` built here,
whose sentences are the engine's, repaired: never across a paragraph, never inside a quote,
and only after sentence-final punctuation followed by a capital or an opening mark.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from quotes.annotate.document import AnnotatedDocument, Token
from quotes.extract.marks import ALL_MARKS, QuoteSpan
from quotes.text.paragraphs import paragraphs

_TERMINATORS = ".!?…"
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr gen col lt sgt gov sen rep no vs etc inc corp co ltd u.s u.k u.n e.g i.e".split()
)


@dataclass
class TextView:
    """Tokens of one article with, per token, its paragraph, repaired sentence and quote membership."""

    doc: AnnotatedDocument
    spans: list[QuoteSpan]
    tokens: list[Token] = field(init=False)
    paragraph_of: list[int] = field(init=False)
    sentence_of: list[int] = field(init=False)
    quote_of: list[int] = field(init=False)
    """Index into ``spans`` of the outermost quote holding the token (marks included), or -1."""
    sentence_bounds: list[tuple[int, int]] = field(init=False)
    """Half-open token ranges of the repaired sentences."""
    paragraph_bounds: list[tuple[int, int]] = field(init=False)
    dateline_end: int = field(init=False)
    """Tokens before this index are the dateline of a wire story ("TOLEDO, Ohio (AP) —")."""
    _starts: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        text = self.doc.text
        self.tokens = self.doc.tokens
        self._starts = [t.start for t in self.tokens]
        paras = paragraphs(text)
        para_starts = [s for s, _ in paras]
        self.paragraph_of = [max(0, bisect_right(para_starts, t.start) - 1) for t in self.tokens]
        self.quote_of = self._quote_membership()
        self.sentence_bounds = self._sentences()
        self.sentence_of = [0] * len(self.tokens)
        for s_index, (a, b) in enumerate(self.sentence_bounds):
            for i in range(a, b):
                self.sentence_of[i] = s_index
        self.dateline_end = self._dateline()
        self.paragraph_bounds = []
        for i, p in enumerate(self.paragraph_of):
            if i == 0 or p != self.paragraph_of[i - 1]:
                self.paragraph_bounds.append((i, i + 1))
            else:
                self.paragraph_bounds[-1] = (self.paragraph_bounds[-1][0], i + 1)

    def _quote_membership(self) -> list[int]:
        outer = [(i, s) for i, s in enumerate(self.spans) if s.depth == 0]
        member = [-1] * len(self.tokens)
        for q_index, span in outer:
            lo = span.open_mark
            hi = (span.close_mark + 1) if span.close_mark is not None else span.end
            for t_index in self.token_range(lo, hi):
                member[t_index] = q_index
        return member

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens overlapping characters ``[start, end)``."""
        starts = self._starts
        lo = bisect_right(starts, start) - 1
        if lo < 0 or self.tokens[lo].end <= start:
            lo += 1
        hi = bisect_right(starts, end - 1) if end > start else lo
        return range(max(lo, 0), max(hi, lo, 0))

    def _dateline(self) -> int:
        tokens = self.tokens
        if not tokens or not (tokens[0].text.isupper() and len(tokens[0].text) > 2):
            return 0
        for k in range(1, min(len(tokens), 12)):
            dash = tokens[k].text in {"—", "–", "--"} or (tokens[k].text == "-" and tokens[k - 1].end != tokens[k].start)
            if dash:
                return k + 1
        return 0

    def _sentences(self) -> list[tuple[int, int]]:
        if not self.tokens:
            return []
        cuts = {0, len(self.tokens)}
        engine_starts = {s.first for s in self.doc.sentences}
        for i in range(1, len(self.tokens)):
            if self.paragraph_of[i] != self.paragraph_of[i - 1]:
                cuts.add(i)
            elif i in engine_starts and self._good_boundary(i):
                cuts.add(i)
        ordered = sorted(cuts)
        return [(a, b) for a, b in zip(ordered, ordered[1:]) if b > a]

    def _good_boundary(self, i: int) -> bool:
        prev, nxt = self.tokens[i - 1], self.tokens[i]
        if self.quote_of[i] != -1 and self.quote_of[i] == self.quote_of[i - 1]:
            return False  # inside one quotation
        ends = prev.text[-1:] in _TERMINATORS
        if prev.text in ALL_MARKS and i >= 2:
            ends = self.tokens[i - 2].text[-1:] in _TERMINATORS
        if not ends:
            return False
        if prev.text == "." and i >= 2 and self.tokens[i - 2].text.lower().rstrip(".") in _ABBREVIATIONS:
            return False
        if prev.text.lower().rstrip(".") in _ABBREVIATIONS:
            return False
        first = nxt.text[:1]
        return first.isupper() or first.isdigit() or first in ALL_MARKS

    def paragraph_tokens(self, p_index: int) -> range:
        """Token indices of paragraph ``p_index`` (empty if it has none)."""
        for a, b in self.paragraph_bounds:
            if self.paragraph_of[a] == p_index:
                return range(a, b)
        return range(0)

    def outside(self, i: int) -> bool:
        """True when token ``i`` is reporter's text, not inside quotation marks."""
        return self.quote_of[i] == -1
