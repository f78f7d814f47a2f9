"""Carry-over: a quote no rule attributes takes the speaker of a quote next to it.

News writing names a speaker once and lets the following words run on: a second quote in the
same paragraph ("A," he said, "B."), a paragraph that only quotes, a quote carried over several
paragraphs. These functions read the quotes already decided (``ctx.history``) or, for
:func:`pending`, the ones decided after.
"""

from __future__ import annotations

from typing import Optional

from quotes.extract.attribution.context import Attribution, AttributionContext
from quotes.extract.attribution.resolve import resolve
from quotes.extract.marks import QuoteSpan

__all__ = ["CONTINUATION", "INTRODUCED", "SAME_PARAGRAPH", "CONTINUATION_GAP", "carry_over", "one_quotation", "pending"]

SAME_PARAGRAPH = 0.8
"""Confidence of ``same-paragraph``: another quote of the paragraph was attributed."""
CONTINUATION = 0.75
"""Confidence of ``continuation``: the quote-only paragraph continues the previous speaker."""
INTRODUCED = CONTINUATION * 0.8
"""Confidence of a quote-only paragraph given to the subject of the paragraph before (no cue at all)."""
CONTINUATION_GAP = 2
"""Paragraphs a continued speaker carries over: a speech quoted over a few paragraphs with one
line of narration between."""
_DECIDING = frozenset({"after", "before", "parse", "according-to"})


def carry_over(ctx: AttributionContext, span: QuoteSpan) -> Optional[Attribution]:
    """``same-paragraph`` or ``continuation`` from the quotes before ``span``, or None."""
    previous = [(s, a) for s, a in ctx.history if a.speaker and s.depth == 0]
    text = ctx.view.doc.text
    # a line break inside a block paragraph (signed comments listed line by line) starts new words
    same_para = [(s, a) for s, a in previous if s.paragraph == span.paragraph and "\n" not in text[s.end : span.start]]
    if same_para:
        _, a = same_para[-1]
        return Attribution(a.speaker, a.mention, a.cue, "same-paragraph", SAME_PARAGRAPH, True)
    if not (span.continues or ctx.quote_only_paragraph(span.paragraph)):
        return None
    if previous and span.paragraph - previous[-1][0].paragraph <= CONTINUATION_GAP:
        _, a = previous[-1]
        return Attribution(a.speaker, a.mention, a.cue, "continuation", CONTINUATION, True)
    return introduced(ctx, span)


def introduced(ctx: AttributionContext, span: QuoteSpan) -> Optional[Attribution]:
    """A quote-only paragraph after a paragraph about someone ("…, she is unsentimental about
    the decision." / "“People keep asking …"): the quote is that person's."""
    view = ctx.view
    rng = view.paragraph_tokens(span.paragraph - 1)
    if not rng or any(not view.outside(i) for i in rng):
        return None
    subject = ctx.sentence_subject(view.sentence_bounds[view.sentence_of[rng[-1]]][0])
    speaker = resolve(ctx, subject) if subject is not None else None
    if subject is None or speaker is None:
        return None
    return Attribution(speaker, subject.text, None, "continuation", INTRODUCED, True)


def pending(span: QuoteSpan, attribution: Attribution, following: list[tuple[QuoteSpan, Attribution]]) -> Attribution:
    """A quote with no speaker takes the speaker named later for it: "A," … "B," he said in one
    paragraph, or the last paragraph of a quote that runs over several."""
    if span.depth or (attribution.speaker and not (span.continued and attribution.method == "continuation")):
        return attribution  # a quote carried over paragraphs is attributed where it ends, if it is
    paragraph, carried = span.paragraph, span.continued
    for s, a in following:
        if s.depth:
            continue
        if s.paragraph == paragraph or (carried and s.continues and s.paragraph == paragraph + 1):
            if a.speaker and a.method in _DECIDING:
                same = s.paragraph == span.paragraph
                method = "same-paragraph" if same else "continuation"
                return Attribution(a.speaker, a.mention, a.cue, method, SAME_PARAGRAPH if same else CONTINUATION, True)
            if s.paragraph != paragraph:
                paragraph, carried = s.paragraph, s.continued
        elif s.paragraph > paragraph:
            break
    return attribution


def one_quotation(spans: list[QuoteSpan], attributions: list[Attribution], by_rules: list[Attribution]) -> list[Attribution]:
    """A quotation run over several paragraphs (each paragraph opens with a mark, only the last
    closes) is one person's words: every part takes the speaker of the part a rule attributed
    directly ("… ,” he said at its end), whatever was guessed for the others; with no such part,
    the speaker its first part carries on from the quote before it."""
    out = list(attributions)
    i = 0
    while i < len(spans):
        j = i
        while j + 1 < len(spans) and spans[j].continued and spans[j + 1].continues and spans[j + 1].depth == 0:
            j += 1
        if j > i:
            decided = [k for k in range(i, j + 1) if by_rules[k].method in _DECIDING and out[k].speaker == by_rules[k].speaker]
            if not decided and _carried_throughout(out, by_rules, i, j):
                decided = [i]  # no part names its speaker: the first carries on from the quote before it
            if decided:
                source = out[decided[-1]]
                for k in range(i, j + 1):
                    if k not in decided:
                        out[k] = Attribution(source.speaker, source.mention, source.cue, "continuation", source.confidence, True)
        i = j + 1
    return out


def _carried_throughout(out: list[Attribution], by_rules: list[Attribution], i: int, j: int) -> bool:
    """Parts ``i`` to ``j`` of one quotation name no speaker of their own, and the first carries on
    the speaker of the quote before it (a transcript's turn labels are speakers of their own)."""
    first = by_rules[i]
    if first.method != "continuation" or not first.speaker or out[i].speaker != first.speaker:
        return False
    return all(not by_rules[k].speaker or by_rules[k].method == "continuation" for k in range(i + 1, j + 1))
