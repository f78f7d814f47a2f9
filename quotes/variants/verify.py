"""Check quotes against original texts (transcripts, official statements).

The fact-checker's question: did the speaker say these words? For each quote, :func:`verify`
looks in the sources (one text, or several named ones; transcripts are split into speaker
turns, :mod:`quotes.text.turns`) and answers

- ``verbatim``: the quote's characters are in the source (line breaks and runs of spaces
  aside; punctuation just inside the quotation marks aside);
- ``orthographic``: the same words, written differently (case, punctuation, hyphens,
  spelling, typographic apostrophes);
- ``drift``: a passage of the source passes the origin rule (:mod:`quotes.variants.origin`:
  enough of the quote's own content words aligned in order within one passage) but the words
  differ; ``diff`` shows how (source → quote) and ``reasons`` what kind of change (negation,
  number, modality, ...; ``wording`` when only other words were used);
- ``not_found``: no passage passes the origin rule. ``candidate_text`` is then the best
  candidate and ``evidence`` why it was rejected, so a user can look.

Quotes with fewer than :data:`~quotes.variants.origin.MIN_ALIGNED` content words are never
matched fuzzily: found exactly, orthographically, or not at all.

>>> src = "HOLT: Will you accept the result?\\nTRUMP: We did not order the strike. Our forces will withdraw from the northern border by spring."
>>> [(r.status, [x.code for x in r.reasons]) for r in verify(src, ["we did not order the strike",
...     "Our forces would withdraw from the northern border by spring", "withdraw", "accept the result"], speaker="Trump")]
[('orthographic', []), ('drift', ['modality']), ('verbatim', []), ('not_found', [])]

``confidence`` is the calibrated probability that the status is right: 1.0 for a verbatim or
orthographic match (a checked fact); for ``drift`` the probability that the passage is the
quote's origin, for ``not_found`` that it is not, from a logistic curve over the evidence
fitted on the train split (``tools/calibrate_verify.py``). ``min_confidence`` replaces the
rule's coverage threshold by that probability: lower it to see more candidate drifts.

A quote with an ellipsis ("We will ... win") is checked part by part; the parts must all be
found, in order.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Optional, Union

from quotes.models import DiffOp, DriftReason, Quote, VerifyResult
from quotes.text.names import name_tokens
from quotes.variants.compare import compare, find_run, prepare
from quotes.variants.identity import matches
from quotes.variants.origin import MIN_ALIGNED, Evidence, Passage, SourceIndex, join_splits

__all__ = ["verify", "verify_quote", "origin_confidence", "CONFIDENCE_INTERCEPT", "CONFIDENCE_SLOPE", "NO_CANDIDATE_CONFIDENCE"]

CONFIDENCE_INTERCEPT = -8.1662
CONFIDENCE_SLOPE = 9.0482
"""P(the passage is the quote's origin) = 1 / (1 + exp(-(INTERCEPT + SLOPE * coverage))), with
``coverage`` the origin rule's share of the quote's content weight aligned in order. Fitted by
``tools/calibrate_verify.py`` on the train split (L2-regularised logistic regression); refit
there, never by hand."""
NO_CANDIDATE_CONFIDENCE = 0.99
"""Confidence of a ``not_found`` when no passage shares a single content word with the quote:
the train split has no origin among them; not 1.0 because a source may render a word in a form
the normaliser does not fold."""

_ELLIPSIS = re.compile(r"\s*(?:\.\s?\.\s?\.|\u2026|\[\s*(?:\.\s?\.\s?\.|\u2026)\s*\])\s*")
_EDGE_PUNCT = " \t\n\"'\u201c\u201d\u2018\u2019\u00ab\u00bb,.;:!?\u2014\u2013-\u2026()[]"
_RANK = {"verbatim": 0, "orthographic": 1, "drift": 2, "not_found": 3}

Sources = Union[str, Sequence[tuple[str, str]]]
"""One source text, or ``(name, text)`` pairs (the name is reported in each result)."""


def origin_confidence(coverage: float) -> float:
    """The calibrated probability that a passage with this coverage is the quote's origin.

    >>> origin_confidence(1.0) > 0.5 > origin_confidence(0.5)
    True
    """
    return 1.0 / (1.0 + math.exp(-(CONFIDENCE_INTERCEPT + CONFIDENCE_SLOPE * coverage)))


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


Accept = Callable[[Passage], bool]


class _Checker:
    """The sources prepared once: passages, tokens, whitespace-squeezed texts."""

    def __init__(self, sources: Sequence[tuple[str, str]]) -> None:
        self.index = SourceIndex(sources)
        self.squeezed = {name: _squeeze(text) for name, text in sources}
        self.by_source: dict[str, list[Passage]] = {}
        for p in self.index.passages:
            self.by_source.setdefault(p.source, []).append(p)
        self.starts = {name: [p.start for p in ps] for name, ps in self.by_source.items()}
        self.labels = self.index.speakers
        self.labelled_sources = {p.source for p in self.index.passages if p.speaker is not None}
        self.texts = self.index.texts

    def passage_at(self, source: str, offset: int) -> Optional[Passage]:
        ps = self.by_source.get(source, [])
        i = bisect.bisect_right(self.starts.get(source, []), offset) - 1
        if i >= 0 and ps[i].start <= offset < ps[i].end:
            return ps[i]
        return None

    def accept_for(self, speaker: Optional[str], quote_speaker: Optional[str]) -> tuple[Optional[Accept], str]:
        """Which passages a quote is checked against, and a note saying so.

        ``speaker`` (``--speaker``): only that speaker's turns. Otherwise the turns of the quote's
        own speaker when the sources have turns of that person, else every passage. A source
        without turn labels (one speaker's remarks) is searched unless it is one of several
        named after people (``debates-clinton.txt``, ``debates-trump.txt``) and not after this one."""
        name = speaker or quote_speaker
        if not name:
            return None, ""
        mine = {lab for lab in self.labels if matches(name, lab)}
        unlabelled = set(self.texts) - self.labelled_sources
        surname = name_tokens(name)[-1:]
        named = {s for s in unlabelled if surname and surname[0] in _file_words(s)} if len(self.texts) > 1 else set()
        if not speaker and not mine and not named:
            return None, ""  # nothing says whose words are where: every passage
        plain = named or unlabelled
        parts = [f"turns of {', '.join(sorted(mine))}" if mine else (f"no turns of {speaker} in the sources" if speaker and self.labels else "")]
        if named:
            parts.append(", ".join(sorted(named)))
        return (lambda p: p.speaker in mine or p.source in plain), "; ".join(x for x in parts if x)

    def verbatim(self, text: str, accept: Optional[Accept]) -> Optional[tuple[Passage, int, int]]:
        core = " ".join(text.strip(_EDGE_PUNCT).split())
        if not core:
            return None
        for name, (squeezed, offsets) in self.squeezed.items():
            pos = squeezed.find(core)
            while pos >= 0:
                # a hit must start and end on word boundaries ("war" is not verbatim inside "warning")
                before = squeezed[pos - 1] if pos > 0 else " "
                after_i = pos + len(core)
                after = squeezed[after_i] if after_i < len(squeezed) else " "
                if not ((core[0].isalnum() and before.isalnum()) or (core[-1].isalnum() and after.isalnum())):
                    s0, s1 = offsets[pos], offsets[after_i - 1] + 1
                    p = self.passage_at(name, s0)
                    if p is not None and s1 <= p.end and (accept is None or accept(p)):
                        return p, s0, s1
                pos = squeezed.find(core, pos + 1)
        return None

    def orthographic(self, text: str, accept: Optional[Accept]) -> Optional[tuple[Passage, int, int]]:
        """The quote's keys as one unbroken run of a passage's (words split or joined by a hyphen
        or dots on one side only are joined first)."""
        keys = prepare(text).keys
        if not keys:
            return None
        for p in self.index.passages:
            if accept is not None and not accept(p):
                continue
            present = self.index.key_set(p)
            if keys[0] not in present and keys[-1] not in present and len(keys) > 1:
                continue  # a run starts and ends with the quote's first and last words, one of them unsplit
            pkeys = self.index.keys(p)
            at, n = find_run(pkeys, keys), len(keys)
            if at < 0:
                joined, spans = join_splits(pkeys, set(keys))
                qjoined, _ = join_splits(keys, set(pkeys))
                k = find_run(joined, qjoined)
                if k < 0:
                    continue
                at, n = spans[k][0], spans[k + len(qjoined) - 1][1] - spans[k][0]
            toks = self.index.prepared[p.source].tokens
            return p, toks[p.first + at].start, toks[p.first + at + n - 1].end
        return None

    def text(self, p: Passage) -> str:
        return self.index.texts[p.source]


def _file_words(name: str) -> set[str]:
    """The words of a source's file name: ``debates/2016-debates-trump.txt`` → {"2016", "debates", "trump"}."""
    base = re.split(r"[\\/]", name)[-1].rsplit(".", 1)[0]
    return {w for w in re.split(r"[^a-z0-9]+", base.lower()) if w}


def _as_quote(q: Union[Quote, str]) -> Quote:
    if isinstance(q, Quote):
        return q
    return Quote(article="", text=q, start=0, end=len(q), kind="speech")


def _name(p: Passage) -> Optional[str]:
    return p.source or None


def _found(q: Quote, status: str, c: _Checker, p: Passage, s0: int, s1: int, diff: list[DiffOp], evidence: str) -> VerifyResult:
    return VerifyResult(quote=q, status=status, score=1.0, source_start=s0, source_end=s1, source_text=c.text(p)[s0:s1],
                        diff=diff, confidence=1.0, source=_name(p), source_speaker=p.speaker, source_section=p.section,
                        evidence=evidence)


def _not_found(q: Quote, evidence: str, e: Optional[Evidence] = None, c: Optional[_Checker] = None) -> VerifyResult:
    if e is None or c is None:
        return VerifyResult(quote=q, status="not_found", score=0.0, confidence=NO_CANDIDATE_CONFIDENCE, evidence=evidence)
    return VerifyResult(
        quote=q, status="not_found", score=round(e.coverage, 4), confidence=round(1.0 - origin_confidence(e.coverage), 4),
        source=_name(e.passage), source_speaker=e.speaker, source_section=e.passage.section, evidence=evidence,
        candidate_start=e.start, candidate_end=e.end, candidate_text=c.text(e.passage)[e.start:e.end],
    )


def _check_part(c: _Checker, q: Quote, accept: Optional[Accept], where: str, min_confidence: Optional[float]) -> VerifyResult:
    qr = prepare(q.text)
    scope = f" ({where})" if where else ""
    if not qr.keys:
        return _not_found(q, "no words to look for")
    hit = c.verbatim(q.text, accept)
    if hit is not None:
        p, s0, s1 = hit
        return _found(q, "verbatim", c, p, s0, s1, [DiffOp(op="equal", a=c.text(p)[s0:s1], b=q.text.strip(_EDGE_PUNCT))],
                      f"the quote's characters are in the source{scope}")
    hit = c.orthographic(q.text, accept)
    if hit is not None:
        p, s0, s1 = hit
        return _found(q, "orthographic", c, p, s0, s1, compare(c.text(p)[s0:s1], q.text).diff,
                      f"the quote's words are in the source, written differently{scope}")
    e = c.index.best(q.text, accept=accept)
    if e is None:
        return _not_found(q, f"no passage{scope} shares a content word with the quote")
    if e.content < MIN_ALIGNED:
        return _not_found(q, f"best candidate rejected{scope}: {e.rejected}", e, c)
    p_origin = origin_confidence(e.coverage)
    if min_confidence is None:
        accepted = e.passes
    else:  # the caller's threshold on the calibrated probability replaces the coverage threshold
        accepted = e.aligned >= MIN_ALIGNED and p_origin >= min_confidence
    if not accepted:
        why = e.rejected or f"origin confidence {p_origin:.2f} is below --min-confidence {min_confidence}"
        return _not_found(q, f"best candidate rejected{scope}: {why}", e, c)
    window = c.text(e.passage)[e.start:e.end]
    v = compare(window, q.text)
    evidence = f"{e.aligned} of the quote's {e.content} content words in order in one passage ({e.coverage:.0%} of its content){scope}"
    if v.label in ("identical", "orthographic", "truncation"):
        status = "orthographic"
        reasons: list[DriftReason] = []
    else:
        status = "drift"
        reasons = list(v.reasons) or [DriftReason(code="wording", detail="other words than the source", a=window, b=q.text)]
    return VerifyResult(
        quote=q, status=status, score=round(v.lexical, 4), source_start=e.start, source_end=e.end, source_text=window,
        diff=_trim_edges(v.diff), reasons=reasons, confidence=round(p_origin, 4), source=_name(e.passage),
        source_speaker=e.speaker, source_section=e.passage.section, evidence=evidence,
    )


def _trim_edges(diff: Sequence[DiffOp]) -> list[DiffOp]:
    ops = list(diff)
    while ops and ops[0].op == "delete":
        ops.pop(0)
    while ops and ops[-1].op == "delete":
        ops.pop()
    return ops


def verify_quote(source: Sources, quote: Union[Quote, str], *, speaker: Optional[str] = None) -> VerifyResult:
    """Check one quote against ``source`` (see :func:`verify`)."""
    return verify(source, [quote], speaker=speaker)[0]


def verify(
    source: Sources,
    quotes: Iterable[Union[Quote, str]],
    *,
    speaker: Optional[str] = None,
    min_confidence: Optional[float] = None,
) -> list[VerifyResult]:
    """Check each quote against the original ``source``: one :class:`VerifyResult` per quote, in
    order, with the matching stretch of the source (``source_start``/``source_end`` are offsets
    into the text of the source named ``source``), the word diff source → quote, the drift
    reasons, the calibrated ``confidence`` and the origin rule's ``evidence``.

    ``source``: a text, or ``(name, text)`` pairs. ``speaker``: check only the turns of that
    speaker (a source with turn labels); without it a quote is checked against its own
    speaker's turns when the sources have any, else against every passage. ``min_confidence``:
    see the module docstring.
    """
    pairs = [("", source)] if isinstance(source, str) else list(source)
    c = _Checker(pairs)
    results: list[VerifyResult] = []
    for raw in quotes:
        q = _as_quote(raw)
        accept, where = c.accept_for(speaker, q.speaker)
        parts = [p for p in _ELLIPSIS.split(q.text) if prepare(p).keys]
        if len(parts) <= 1:
            results.append(_check_part(c, q, accept, where, min_confidence))
            continue
        results.append(_combine(c, q, [_check_part(c, _as_quote(p), accept, where, min_confidence) for p in parts]))
    return results


def _combine(c: _Checker, q: Quote, parts: list[VerifyResult]) -> VerifyResult:
    """A quote with an ellipsis: every part must be found, in order, in one source; the worst part decides."""
    worst = max(parts, key=lambda r: (_RANK[r.status], -r.confidence))
    if worst.status == "not_found":
        return worst.model_copy(update={"quote": q, "evidence": f"a part around the ellipsis is not found: {worst.evidence}"})
    if len({p.source for p in parts}) > 1:
        return _not_found(q, "the parts around the ellipsis are in different sources")
    starts = [p.source_start or 0 for p in parts]
    if starts != sorted(starts):
        status = "drift"
        reasons = [DriftReason(code="wording", detail="the parts around the ellipsis are in another order in the source")]
    else:
        status = worst.status
        reasons = [r for p in parts for r in p.reasons]
    diff = [op for p in parts for op in p.diff]
    s0 = min(p.source_start or 0 for p in parts)
    s1 = max(p.source_end or 0 for p in parts)
    text = c.index.texts[parts[0].source or ""]
    return VerifyResult(
        quote=q, status=status, score=min(p.score for p in parts), source_start=s0, source_end=s1, source_text=text[s0:s1],
        diff=diff, reasons=reasons, confidence=min(p.confidence for p in parts), source=parts[0].source,
        source_speaker=parts[0].source_speaker, source_section=parts[0].source_section,
        evidence="every part around the ellipsis found, in order",
    )
