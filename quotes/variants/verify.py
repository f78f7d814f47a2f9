"""Check quotes against an original text (a transcript, the official statement).

The fact-checker's question: did the speaker say these words? For each quote,
:func:`verify` finds the best-matching stretch of the source and answers

- ``verbatim``: the quote's characters are in the source (line breaks and runs of spaces
  aside; punctuation just inside the quotation marks aside);
- ``orthographic``: the same words, written differently (case, punctuation, hyphens,
  spelling, typographic apostrophes);
- ``drift``: found, but with words changed; ``diff`` shows how (source → quote) and
  ``reasons`` what kind of change (negation, number, modality, ...; ``wording`` when only
  other words were used);
- ``not_found``: nothing in the source is close enough.

>>> src = "We did not order the strike. Our forces will withdraw by 2026."
>>> [(r.status, [x.code for x in r.reasons]) for r in verify(src, ["we did not order the strike",
...     "Our forces would withdraw by 2026", "withdraw", "advance"])]
[('orthographic', []), ('drift', ['modality']), ('verbatim', []), ('not_found', [])]

A quote of one word is looked up exactly (as a whole word, after normalisation), never
fuzzily: "heroic" is found or not. A quote with an ellipsis ("We will ... win") is checked
part by part; the parts must all be found, in order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Optional, Union

from quotes.variants.compare import PreparedText, compare, match, prepare
from quotes.models import DiffOp, DriftReason, Quote, VerifyResult
from quotes.text.normalize import is_content_word

__all__ = ["verify", "verify_quote", "MIN_LEXICAL", "MIN_COVERAGE"]

MIN_LEXICAL = 0.5
"""Word-level similarity a stretch of the source needs to count as the quote's origin."""
MIN_COVERAGE = 0.5
"""Share of the quote's content words that must be found in that stretch."""

_ELLIPSIS = re.compile(r"\s*(?:\.\s?\.\s?\.|\u2026|\[\s*(?:\.\s?\.\s?\.|\u2026)\s*\])\s*")
_EDGE_PUNCT = " \t\n\"'\u201c\u201d\u2018\u2019\u00ab\u00bb,.;:!?\u2014\u2013-\u2026()[]"
_RANK = {"verbatim": 0, "orthographic": 1, "drift": 2, "not_found": 3}


class _Source:
    """The source text prepared once: tokens, keys and where each content key occurs."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.r: PreparedText = prepare(text)
        self.positions: dict[str, list[int]] = defaultdict(list)
        for i, k in enumerate(self.r.keys):
            self.positions[k].append(i)
        self.squeezed, self.offsets = _squeeze(text)

    def span_text(self, i: int, j: int) -> tuple[int, int]:
        return self.r.tokens[i].start, self.r.tokens[j - 1].end


def _squeeze(text: str) -> tuple[str, list[int]]:
    """Text with every whitespace run made one space, and the original offset of each character."""
    out: list[str] = []
    offsets: list[int] = []
    prev_space = False
    for i, c in enumerate(text):
        if c.isspace():
            if prev_space:
                continue
            out.append(" ")
            prev_space = True
        else:
            out.append(c)
            prev_space = False
        offsets.append(i)
    return "".join(out), offsets


def _as_quote(q: Union[Quote, str]) -> Quote:
    if isinstance(q, Quote):
        return q
    return Quote(article="", text=q, start=0, end=len(q), kind="speech")


def _not_found(q: Quote) -> VerifyResult:
    return VerifyResult(quote=q, status="not_found", score=0.0)


def _verbatim(src: _Source, text: str) -> Optional[tuple[int, int]]:
    core = " ".join(text.strip(_EDGE_PUNCT).split())
    if not core:
        return None
    pos = src.squeezed.find(core)
    if pos < 0:
        return None
    # a hit must start and end on word boundaries ("war" is not verbatim inside "warning")
    before = src.squeezed[pos - 1] if pos > 0 else " "
    after_i = pos + len(core)
    after = src.squeezed[after_i] if after_i < len(src.squeezed) else " "
    if (core[0].isalnum() and before.isalnum()) or (core[-1].isalnum() and after.isalnum()):
        return None
    return src.offsets[pos], src.offsets[after_i - 1] + 1


def _candidate_regions(src: _Source, q: PreparedText, limit: int = 8) -> list[tuple[int, int]]:
    """Stretches of the source around occurrences of the quote's content words, busiest first."""
    n = len(q.keys)
    content = [k for w, k in zip(q.words, q.keys) if is_content_word(w)] or list(q.keys)
    hits: dict[int, int] = defaultdict(int)
    for k in set(content):
        occ = src.positions.get(k, ())
        if len(occ) > 500:  # a word this common locates nothing
            continue
        for p in occ:
            hits[p // max(1, n)] += 1
    if not hits:
        return []
    buckets = sorted(hits, key=lambda b: (-hits[b] - hits.get(b - 1, 0) - hits.get(b + 1, 0), b))[:limit]
    total = len(src.r.keys)
    regions = []
    for b in buckets:
        lo = max(0, (b - 1) * n - n)
        hi = min(total, (b + 2) * n + n)
        regions.append((lo, hi))
    return regions


def _fuzzy(src: _Source, q: Quote) -> Optional[VerifyResult]:
    qr = prepare(q.text)
    best: Optional[tuple[float, int, int]] = None
    for lo, hi in _candidate_regions(src, qr):
        start, end = src.span_text(lo, hi)
        region = src.text[start:end]
        m = match(region, q.text)
        if m.swapped:  # the quote is longer than the region: only part of it can be here
            continue
        content = m.content
        coverage = len(m.shared) / len(content) if content else (1.0 if m.contained else 0.0)
        if m.lexical < MIN_LEXICAL or coverage < MIN_COVERAGE:
            continue
        w0, w1 = m.window
        # offsets of the window inside the source (the region's tokens are the source's tokens)
        region_tokens = m.a.tokens
        s0, s1 = start + region_tokens[w0].start, start + region_tokens[w1 - 1].end
        score = m.lexical + 0.01 * coverage
        if best is None or score > best[0]:
            best = (score, s0, s1)
    if best is None:
        return None
    _, s0, s1 = best
    window = src.text[s0:s1]
    v = compare(window, q.text)
    if v.label in ("identical", "orthographic", "truncation"):
        status = "orthographic"
        reasons: list[DriftReason] = []
    else:
        status = "drift"
        reasons = list(v.reasons) or [
            DriftReason(code="wording", detail="other words than the source", a=window, b=q.text)
        ]
    diff = _trim_edges(v.diff)
    return VerifyResult(
        quote=q, status=status, score=round(v.lexical, 4), source_start=s0, source_end=s1, source_text=window, diff=diff, reasons=reasons
    )


def _trim_edges(diff: Sequence[DiffOp]) -> list[DiffOp]:
    ops = list(diff)
    while ops and ops[0].op == "delete":
        ops.pop(0)
    while ops and ops[-1].op == "delete":
        ops.pop()
    return ops


def _check_part(src: _Source, q: Quote) -> VerifyResult:
    qr = prepare(q.text)
    if not qr.keys:
        return _not_found(q)
    span = _verbatim(src, q.text)
    if span is not None:
        s0, s1 = span
        return VerifyResult(quote=q, status="verbatim", score=1.0, source_start=s0, source_end=s1, source_text=src.text[s0:s1],
                            diff=[DiffOp(op="equal", a=src.text[s0:s1], b=q.text.strip(_EDGE_PUNCT))])
    run = _find(src, qr)
    if run is not None:
        s0, s1 = src.span_text(*run)
        v = compare(src.text[s0:s1], q.text)
        return VerifyResult(quote=q, status="orthographic", score=1.0, source_start=s0, source_end=s1, source_text=src.text[s0:s1], diff=v.diff)
    if len(qr.keys) == 1:
        return _not_found(q)  # one word: found exactly or not at all
    return _fuzzy(src, q) or _not_found(q)


def _find(src: _Source, qr: PreparedText) -> Optional[tuple[int, int]]:
    first = src.positions.get(qr.keys[0], ())
    n = len(qr.keys)
    for p in first:
        if tuple(src.r.keys[p : p + n]) == qr.keys:
            return p, p + n
    return None


def verify_quote(source: str, quote: Union[Quote, str]) -> VerifyResult:
    """Check one quote against ``source`` (see :func:`verify`)."""
    return verify(source, [quote])[0]


def verify(source: str, quotes: Iterable[Union[Quote, str]]) -> list[VerifyResult]:
    """Check each quote against the original ``source`` text: one :class:`VerifyResult` per quote,
    in order, with the matching stretch of the source (``source_start``/``source_end`` are
    offsets into ``source``), the word diff source → quote and the drift reasons.
    """
    src = _Source(source)
    results: list[VerifyResult] = []
    for raw in quotes:
        q = _as_quote(raw)
        parts = [p for p in _ELLIPSIS.split(q.text) if prepare(p).keys]
        if len(parts) <= 1:
            results.append(_check_part(src, q))
            continue
        results.append(_combine(src, q, [_check_part(src, _as_quote(p)) for p in parts]))
    return results


def _combine(src: _Source, q: Quote, parts: list[VerifyResult]) -> VerifyResult:
    """A quote with an ellipsis: every part must be found, in order; the worst part decides."""
    worst = max(parts, key=lambda r: _RANK[r.status])
    if worst.status == "not_found":
        return _not_found(q)
    starts = [p.source_start or 0 for p in parts]
    if starts != sorted(starts):
        reason = DriftReason(code="wording", detail="the parts around the ellipsis are in another order in the source")
        status = "drift"
        reasons = [reason]
    else:
        status = worst.status
        reasons = [r for p in parts for r in p.reasons]
    diff = [op for p in parts for op in p.diff]
    s0 = min(p.source_start or 0 for p in parts)
    s1 = max(p.source_end or 0 for p in parts)
    score = min(p.score for p in parts)
    return VerifyResult(
        quote=q, status=status, score=score, source_start=s0, source_end=s1, source_text=src.text[s0:s1], diff=diff, reasons=reasons
    )
