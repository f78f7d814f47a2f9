"""Lay the quote spans over the engine's tokens and repair sentence boundaries.

Engines split sentences in odd places ("Kim Jong" | "Un said …", a boundary inside a quote,
a headline glued to the next paragraph). Attribution reads the :class:`TextView` built here,
whose sentences are the engine's, repaired: never across a paragraph, never inside a quote,
and only after sentence-final punctuation followed by a capital or an opening mark.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import InitVar, dataclass, field
from typing import Any, Callable, Optional, TypeVar

from quotes.annotate.document import AnnotatedDocument, Token
from quotes.extract.marks import ALL_MARKS, QuoteSpan
from quotes.text.paragraphs import paragraphs

_TERMINATORS = ".!?…"
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof st jr sr gen col lt sgt gov sen rep no vs etc inc corp co ltd u.s u.k u.n e.g i.e".split()
)


T = TypeVar("T")


DATELINE_PARAGRAPHS = 2
"""A dateline opens the first paragraph or, under a headline, the second."""

DATELINE_TOKENS = 12
"""How far into its paragraph a dateline's dash may stand: a city, a state or date, the agency
("LOS ANGELES, Sept. 28 (UPI) —" is 10 tokens)."""


class DocumentLayout:
    """What every :class:`TextView` of one document shares, whichever spans it lays over the
    tokens: token starts, paragraphs, the dateline, lower-cased token texts, and the sentence
    boundaries the engine proposes that pass every test but the quote one.

    The attribution driver re-reads the article once per outer quote holding nested quotes
    (:func:`~quotes.extract.attribution.driver.read_inside`); its views reuse the main view's
    layout (:meth:`TextView.with_spans`). Everything here is a function of the document alone,
    so sharing it is exact. Read-only once built.
    """

    def __init__(self, doc: AnnotatedDocument) -> None:
        self.doc = doc
        self.tokens: list[Token] = doc.tokens
        self.starts = [t.start for t in self.tokens]
        self.lower = [t.text.lower() for t in self.tokens]
        """``tokens[i].text.lower()``, once per document."""
        self.paragraphs = paragraphs(doc.text)
        self.paragraph_of = self._paragraph_of()
        self.paragraph_bounds = self._paragraph_bounds()
        self.paragraph_ranges = {self.paragraph_of[a]: range(a, b) for a, b in reversed(self.paragraph_bounds)}
        """Paragraph index → its tokens (the first run of them, were a paragraph split)."""
        self.dateline = self._dateline()
        """The tokens of a wire story's dateline ("TOLEDO, Ohio (AP) —"), empty when it has none."""
        self.boundary_candidates = self._boundary_candidates()
        """Token indices where an engine sentence starts inside a paragraph after sentence-final
        punctuation and before a capital, a digit or a mark: a view cuts there unless one
        quotation holds both tokens (:meth:`TextView._sentences`)."""
        self._shared: dict[Callable[["DocumentLayout"], Any], Any] = {}

    def shared(self, build: Callable[["DocumentLayout"], T]) -> T:
        """``build(self)``, computed at the first call and returned again after it.

        Keyed on ``build``: callers pass module-level functions that read only the layout and its
        document (never a view's spans), so one result holds for every view of the document.
        """
        if build not in self._shared:
            self._shared[build] = build(self)
        return self._shared[build]  # type: ignore[no-any-return]

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens overlapping characters ``[start, end)``."""
        starts = self.starts
        lo = bisect_right(starts, start) - 1
        if lo < 0 or self.tokens[lo].end <= start:
            lo += 1
        hi = bisect_right(starts, end - 1) if end > start else lo
        return range(max(lo, 0), max(hi, lo, 0))

    def _paragraph_of(self) -> list[int]:
        """The paragraph of each token: the last one starting at or before it (the first for a
        token before any)."""
        para_starts = [s for s, _ in self.paragraphs]
        starts = self.starts
        if len(para_starts) < 2 or starts != sorted(starts) or any(a >= b for a, b in zip(para_starts, para_starts[1:])):
            return [max(0, bisect_right(para_starts, start) - 1) for start in starts]
        # tokens in text order: each paragraph's are a run, cut where the next paragraph starts
        cuts = [0] + [bisect_left(starts, s) for s in para_starts[1:]] + [len(starts)]
        paragraph_of: list[int] = []
        for q in range(len(para_starts)):
            paragraph_of.extend([q] * (cuts[q + 1] - cuts[q]))
        return paragraph_of

    def _paragraph_bounds(self) -> list[tuple[int, int]]:
        """Half-open token ranges of the runs of tokens in one paragraph."""
        bounds: list[tuple[int, int]] = []
        paragraph_of = self.paragraph_of
        a = 0
        for i in range(1, len(paragraph_of)):
            if paragraph_of[i] != paragraph_of[i - 1]:
                bounds.append((a, i))
                a = i
        if paragraph_of:
            bounds.append((a, len(paragraph_of)))
        return bounds

    def _dateline(self) -> range:
        tokens, bounds = self.tokens, self.paragraph_bounds
        # a wire story's dateline opens its first paragraph, or the one after its headline
        for a, b in bounds[:DATELINE_PARAGRAPHS]:
            if not (tokens[a].text.isupper() and len(tokens[a].text) > 2):
                continue
            for k in range(a + 1, min(b, a + DATELINE_TOKENS)):
                dash = tokens[k].text in {"—", "–", "--"} or (tokens[k].text == "-" and tokens[k - 1].end != tokens[k].start)
                if dash:
                    return range(a, k + 1)
        return range(0)

    def _boundary_candidates(self) -> list[int]:
        engine_starts = {s.first for s in self.doc.sentences}
        return [
            i
            for i in sorted(engine_starts)
            if 1 <= i < len(self.tokens) and self.paragraph_of[i] == self.paragraph_of[i - 1] and self._ends_sentence(i)
        ]

    def _ends_sentence(self, i: int) -> bool:
        prev, nxt = self.tokens[i - 1], self.tokens[i]
        ends = prev.text[-1:] in _TERMINATORS
        if prev.text in ALL_MARKS and i >= 2:
            ends = self.tokens[i - 2].text[-1:] in _TERMINATORS
        if not ends:
            return False
        if prev.text == "." and i >= 2 and self.lower[i - 2].rstrip(".") in _ABBREVIATIONS:
            return False
        if self.lower[i - 1].rstrip(".") in _ABBREVIATIONS:
            return False
        first = nxt.text[:1]
        return first.isupper() or first.isdigit() or first in ALL_MARKS


@dataclass
class TextView:
    """Tokens of one article with, per token, its paragraph, repaired sentence and quote membership."""

    doc: AnnotatedDocument
    spans: list[QuoteSpan]
    shared_layout: InitVar[Optional[DocumentLayout]] = None
    """Another view's layout of ``doc`` to reuse (:meth:`with_spans`); built here when None."""
    layout: DocumentLayout = field(init=False, repr=False)
    tokens: list[Token] = field(init=False)
    paragraph_of: list[int] = field(init=False)
    sentence_of: list[int] = field(init=False)
    quote_of: list[int] = field(init=False)
    """Index into ``spans`` of the outermost quote holding the token (marks included), or -1."""
    sentence_bounds: list[tuple[int, int]] = field(init=False)
    """Half-open token ranges of the repaired sentences."""
    paragraph_bounds: list[tuple[int, int]] = field(init=False)
    dateline: range = field(init=False)
    """The tokens of a wire story's dateline ("TOLEDO, Ohio (AP) —"), empty when it has none."""

    def __post_init__(self, shared_layout: Optional[DocumentLayout]) -> None:
        layout = shared_layout if shared_layout is not None and shared_layout.doc is self.doc else DocumentLayout(self.doc)
        self.layout = layout
        self.tokens = layout.tokens
        self.paragraph_of = layout.paragraph_of
        self.paragraph_bounds = layout.paragraph_bounds
        self.dateline = layout.dateline
        self.quote_of = self._quote_membership()
        self.sentence_bounds = self._sentences()
        self.sentence_of = [s_index for s_index, (a, b) in enumerate(self.sentence_bounds) for _ in range(a, b)]

    def with_spans(self, spans: list[QuoteSpan]) -> "TextView":
        """A view of the same document with other spans, sharing this view's layout."""
        return TextView(self.doc, spans, shared_layout=self.layout)

    def _quote_membership(self) -> list[int]:
        outer = [(i, s) for i, s in enumerate(self.spans) if s.depth == 0]
        member = [-1] * len(self.tokens)
        for q_index, span in outer:
            lo = span.open_mark
            hi = (span.close_mark + 1) if span.close_mark is not None else span.end
            rng = self.token_range(lo, hi)
            member[rng.start : rng.stop] = [q_index] * len(rng)
        return member

    def token_range(self, start: int, end: int) -> range:
        """Indices of the tokens overlapping characters ``[start, end)``."""
        return self.layout.token_range(start, end)

    def _sentences(self) -> list[tuple[int, int]]:
        if not self.tokens:
            return []
        quote_of = self.quote_of
        cuts = {0, len(self.tokens)}
        cuts.update(a for a, _ in self.paragraph_bounds)
        # inside one quotation the engine's boundary is none
        cuts.update(i for i in self.layout.boundary_candidates if quote_of[i] == -1 or quote_of[i] != quote_of[i - 1])
        ordered = sorted(cuts)
        return [(a, b) for a, b in zip(ordered, ordered[1:]) if b > a]

    def paragraph_tokens(self, p_index: int) -> range:
        """Token indices of paragraph ``p_index`` (empty if it has none)."""
        return self.layout.paragraph_ranges.get(p_index, range(0))

    def outside(self, i: int) -> bool:
        """True when token ``i`` is reporter's text, not inside quotation marks."""
        return self.quote_of[i] == -1
